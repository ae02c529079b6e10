export default definePageConfig({ navigationBarTitleText: '信息公示', enablePullDownRefresh: true, onReachBottomDistance: 80 });
