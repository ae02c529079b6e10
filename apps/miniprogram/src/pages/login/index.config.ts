export default definePageConfig({ navigationBarTitleText: '个人登录' });
