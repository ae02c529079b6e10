export default definePageConfig({ navigationBarTitleText: '矛盾纠纷件', enablePullDownRefresh: true });
