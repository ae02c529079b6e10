export default definePageConfig({ navigationBarTitleText: '业主身份绑定' });
