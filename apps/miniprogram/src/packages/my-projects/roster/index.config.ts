export default definePageConfig({ navigationBarTitleText: '从业人员', enablePullDownRefresh: true, onReachBottomDistance: 80 });
