export default definePageConfig({ navigationBarTitleText: '发起委托' });
