export default definePageConfig({ navigationBarTitleText: '从业人员信息', enablePullDownRefresh: true, onReachBottomDistance: 80 });
