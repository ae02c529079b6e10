export default definePageConfig({ navigationBarTitleText: '单位列表', enablePullDownRefresh: true, onReachBottomDistance: 80 });
