export default definePageConfig({ navigationBarTitleText: '用户统计', enablePullDownRefresh: true });
