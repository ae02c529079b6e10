export default definePageConfig({ navigationBarTitleText: '业主共有资金', enablePullDownRefresh: true, onReachBottomDistance: 80 });
