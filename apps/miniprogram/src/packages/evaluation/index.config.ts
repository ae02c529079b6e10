export default definePageConfig({ navigationBarTitleText: '物业服务评价', enablePullDownRefresh: true });
