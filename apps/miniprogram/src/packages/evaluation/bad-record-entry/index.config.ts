export default definePageConfig({ navigationBarTitleText: '不良信息认定' });
