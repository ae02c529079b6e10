export default definePageConfig({ navigationBarTitleText: '我的工作', enablePullDownRefresh: true, onReachBottomDistance: 80 });
