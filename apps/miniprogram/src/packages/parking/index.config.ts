export default definePageConfig({ navigationBarTitleText: '车位信息', enablePullDownRefresh: true, onReachBottomDistance: 80 });
