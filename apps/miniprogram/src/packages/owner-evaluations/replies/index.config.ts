export default definePageConfig({ navigationBarTitleText: '业主评价回复', enablePullDownRefresh: true, onReachBottomDistance: 80 });
