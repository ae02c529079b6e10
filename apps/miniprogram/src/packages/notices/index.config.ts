export default definePageConfig({ navigationBarTitleText: '通知发布', enablePullDownRefresh: true, onReachBottomDistance: 80 });
