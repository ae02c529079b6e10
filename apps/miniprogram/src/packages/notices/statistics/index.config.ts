export default definePageConfig({ navigationBarTitleText: '全部统计', enablePullDownRefresh: true, onReachBottomDistance: 80 });
