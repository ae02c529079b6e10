export default definePageConfig({ navigationBarTitleText: '我的安全检查', enablePullDownRefresh: true, onReachBottomDistance: 80 });
