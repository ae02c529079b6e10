export default definePageConfig({ navigationBarTitleText: '撤销 / 恢复' });
