export default definePageConfig({ navigationBarTitleText: '业主决策情况' });
