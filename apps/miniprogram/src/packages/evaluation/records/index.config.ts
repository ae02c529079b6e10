export default definePageConfig({ navigationBarTitleText: '不良信息', enablePullDownRefresh: true, onReachBottomDistance: 80 });
