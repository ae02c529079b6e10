export default definePageConfig({ navigationBarTitleText: '得分详情', enablePullDownRefresh: true });
