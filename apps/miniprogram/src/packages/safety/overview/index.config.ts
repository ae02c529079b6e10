export default definePageConfig({ navigationBarTitleText: '安全检查统计', enablePullDownRefresh: true });
