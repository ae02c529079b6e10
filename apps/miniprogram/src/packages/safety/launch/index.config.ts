export default definePageConfig({ navigationBarTitleText: '发起安全检查' });
