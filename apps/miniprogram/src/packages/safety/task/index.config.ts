export default definePageConfig({ navigationBarTitleText: '安全检查填报', enablePullDownRefresh: true });
