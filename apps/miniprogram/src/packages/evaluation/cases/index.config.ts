export default definePageConfig({ navigationBarTitleText: '审批事项查询', enablePullDownRefresh: true, onReachBottomDistance: 80 });
