export default definePageConfig({ navigationBarTitleText: '权限管理', enablePullDownRefresh: true, onReachBottomDistance: 80 });
