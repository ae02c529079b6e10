export default definePageConfig({ navigationBarTitleText: '本区项目统计', enablePullDownRefresh: true, onReachBottomDistance: 80 });
