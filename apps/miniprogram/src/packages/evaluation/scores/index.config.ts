export default definePageConfig({ navigationBarTitleText: '基础信息', enablePullDownRefresh: true, onReachBottomDistance: 80 });
