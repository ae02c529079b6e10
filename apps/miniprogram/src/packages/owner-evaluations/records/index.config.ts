export default definePageConfig({ navigationBarTitleText: '评价明细', enablePullDownRefresh: true, onReachBottomDistance: 80 });
