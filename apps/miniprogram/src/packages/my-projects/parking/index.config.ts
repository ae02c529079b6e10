export default definePageConfig({ navigationBarTitleText: '车位信息填报' });
