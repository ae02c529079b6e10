export default definePageConfig({ navigationBarTitleText: '账户列表', enablePullDownRefresh: true, onReachBottomDistance: 80 });
