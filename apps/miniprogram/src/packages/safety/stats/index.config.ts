export default definePageConfig({ navigationBarTitleText: '查看统计', enablePullDownRefresh: true, onReachBottomDistance: 80 });
