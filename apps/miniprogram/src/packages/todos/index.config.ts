export default definePageConfig({ navigationBarTitleText: '待办事项', enablePullDownRefresh: true, onReachBottomDistance: 80 });
