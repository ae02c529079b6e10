export default definePageConfig({ navigationBarTitleText: '业主投票', enablePullDownRefresh: true, onReachBottomDistance: 80 });
