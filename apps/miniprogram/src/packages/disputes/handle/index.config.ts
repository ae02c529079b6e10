export default definePageConfig({ navigationBarTitleText: '处理矛盾纠纷件' });
