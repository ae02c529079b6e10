export default definePageConfig({ navigationBarTitleText: '项目经理变更' });
