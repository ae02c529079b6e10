export default definePageConfig({ navigationBarTitleText: '物业区域详情', enablePullDownRefresh: true, onReachBottomDistance: 80 });
