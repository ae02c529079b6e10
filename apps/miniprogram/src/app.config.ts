/**
 * Main package: sign-in, identity binding and the 物业服务 home only. Each domain is a subpackage
 * (WeChat: 2 MB per package, 20 MB in all), loaded when its menu is first opened.
 */
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/login/index', 'pages/bind/index', 'pages/home/index'],
  subPackages: [
    { root: 'packages/todos', pages: ['index'] },
    { root: 'packages/messages', pages: ['index'] },
    { root: 'packages/workflow', pages: ['case/index'] },
    {
      root: 'packages/evaluation',
      pages: [
        'index',
        'work/index',
        'bad-record-entry/index',
        'risk-entry/index',
        'cases/index',
        'scores/index',
        'score-detail/index',
        'records/index',
        'record-detail/index',
        'withdrawal/index',
        'objection/index',
      ],
    },
    { root: 'packages/publicity', pages: ['index'] },
    { root: 'packages/delegations', pages: ['index', 'create/index'] },
    { root: 'packages/permissions', pages: ['index', 'staff/index', 'stats/index', 'units/index', 'accounts/index', 'account/index'] },
    { root: 'packages/notices', pages: ['index', 'publish/index', 'detail/index', 'statistics/index', 'received/index'] },
    { root: 'packages/safety', pages: ['index', 'launch/index', 'stats/index', 'overview/index', 'tasks/index', 'task/index'] },
    { root: 'packages/property-areas', pages: ['index', 'detail/index'] },
    { root: 'packages/my-projects', pages: ['index', 'register/index', 'manager-change/index', 'roster/index', 'roster/edit/index', 'parking/index', 'common-funds/index'] },
    { root: 'packages/parking', pages: ['index'] },
    { root: 'packages/practitioners', pages: ['index'] },
    { root: 'packages/common-funds', pages: ['index'] },
    { root: 'packages/disputes', pages: ['index', 'entry/index', 'detail/index', 'handle/index'] },
    { root: 'packages/owner', pages: ['index', 'bind/index', 'evaluate/index', 'evaluations/index', 'votes/index', 'vote/index'] },
    { root: 'packages/owner-evaluations', pages: ['index', 'records/index', 'replies/index'] },
    { root: 'packages/owner-decisions', pages: ['index', 'votes/index', 'vote/index', 'edit/index', 'paper-ballots/index'] },
  ],
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['packages/todos', 'packages/workflow'] },
  },
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f3f5f8',
    navigationBarBackgroundColor: '#1f5fbf',
    navigationBarTitleText: '物业服务',
    navigationBarTextStyle: 'white',
  },
});
