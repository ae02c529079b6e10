export default definePageConfig({ navigationBarTitleText: '安全检查', enablePullDownRefresh: true, onReachBottomDistance: 80 });
