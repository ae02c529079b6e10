export default definePageConfig({ navigationBarTitleText: '纠纷化解台账', enablePullDownRefresh: true, onReachBottomDistance: 80 });
