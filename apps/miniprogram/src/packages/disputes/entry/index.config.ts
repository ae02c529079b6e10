export default definePageConfig({ navigationBarTitleText: '录入矛盾纠纷件' });
