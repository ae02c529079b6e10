export default definePageConfig({ navigationBarTitleText: '代办委托', enablePullDownRefresh: true, onReachBottomDistance: 80 });
