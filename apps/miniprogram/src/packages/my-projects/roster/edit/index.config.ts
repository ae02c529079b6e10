export default definePageConfig({ navigationBarTitleText: '从业人员信息' });
