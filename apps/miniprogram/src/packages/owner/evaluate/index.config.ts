export default definePageConfig({ navigationBarTitleText: '业主评价' });
