export default definePageConfig({ navigationBarTitleText: '共有资金账户' });
