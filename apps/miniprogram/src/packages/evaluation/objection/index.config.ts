export default definePageConfig({ navigationBarTitleText: '异议详情', enablePullDownRefresh: true });
