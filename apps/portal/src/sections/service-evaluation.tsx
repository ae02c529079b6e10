import { AuditOutlined } from '@ant-design/icons';
import { EvaluationFormType, ModuleKey, OBJECTION_FORM_TYPE, Role } from '@szpm/contract';
import { lazy } from 'react';
import type { PortalSection } from './section';

const page = {
  work: lazy(() => import('../pages/evaluation/WorkListPage')),
  badRecordEntry: lazy(() => import('../pages/evaluation/BadRecordEntryPage')),
  riskEntry: lazy(() => import('../pages/evaluation/RiskEntryPage')),
  cases: lazy(() => import('../pages/evaluation/CaseQueryPage')),
  review: lazy(() => import('../pages/evaluation/CaseReviewPage')),
  objections: lazy(() => import('../pages/evaluation/ObjectionsPage')),
  badRecords: lazy(() => import('../pages/evaluation/BadRecordsPage')),
  badRecord: lazy(() => import('../pages/evaluation/BadRecordDetailPage')),
  riskList: lazy(() => import('../pages/evaluation/RiskListPage')),
  riskEntryDetail: lazy(() => import('../pages/evaluation/RiskEntryDetailPage')),
  scores: lazy(() => import('../pages/evaluation/ScoresPage')),
  score: lazy(() => import('../pages/evaluation/ScoreDetailPage')),
  delegations: lazy(() => import('../pages/evaluation/DelegationsPage')),
  publicity: lazy(() => import('../pages/evaluation/PublicityManagePage')),
  catalogue: lazy(() => import('../pages/evaluation/CataloguePage')),
};

/**
 * Chapter 7, 物业服务评价 on PC: 我的工作 (审批列表, 不良信息认定, 风险名单认定, 审核事项查询, 异议处理),
 * 不良信息管理 (不良信息汇总), 风险名单管理, the scores, 代办委托 (district staff), 信息公示, and the
 * catalogue for city admins. The menu lists them in this order under one entry.
 */
const workAndRecords: PortalSection = {
  module: ModuleKey.SERVICE_EVALUATION,
  icon: <AuditOutlined />,
  name: '物业服务评价',
  pages: [
    { path: '/evaluation/work', name: '审批列表' },
    { path: '/evaluation/bad-record-entry', name: '不良信息认定' },
    { path: '/evaluation/risk-entry', name: '风险名单认定' },
    { path: '/evaluation/cases', name: '审核事项查询' },
    { path: '/evaluation/objections', name: '异议处理' },
    { path: '/evaluation/bad-records', name: '不良信息汇总' },
    { path: '/evaluation/risk-list', name: '风险名单管理' },
    { path: '/evaluation/scores', name: '评价得分' },
  ],
  routes: [
    { path: '/evaluation/work', page: page.work },
    { path: '/evaluation/bad-record-entry', page: page.badRecordEntry },
    { path: '/evaluation/risk-entry', page: page.riskEntry },
    { path: '/evaluation/cases', page: page.cases },
    { path: '/evaluation/cases/:id', page: page.review },
    { path: '/evaluation/objections', page: page.objections },
    { path: '/evaluation/bad-records', page: page.badRecords },
    { path: '/evaluation/bad-records/:id', page: page.badRecord },
    { path: '/evaluation/risk-list', page: page.riskList },
    { path: '/evaluation/risk-list/:id', page: page.riskEntryDetail },
    { path: '/evaluation/scores', page: page.scores },
    { path: '/evaluation/scores/:subjectType/:subjectId', page: page.score },
  ],
  // chapter 7's forms and objections are handled (审核信息) on the case page
  casePages: Object.fromEntries([...Object.values(EvaluationFormType), OBJECTION_FORM_TYPE].map((formType) => [formType, (id: number) => `/evaluation/cases/${id}`])),
  hiddenRoutes: {
    '/evaluation/cases': [{ path: '/evaluation/cases/:id', name: '办理', hideInMenu: true }],
    '/evaluation/bad-records': [{ path: '/evaluation/bad-records/:id', name: '不良信息详情', hideInMenu: true }],
    '/evaluation/risk-list': [{ path: '/evaluation/risk-list/:id', name: '风险名单详情', hideInMenu: true }],
    '/evaluation/scores': [{ path: '/evaluation/scores/:subjectType/:subjectId', name: '得分详情', hideInMenu: true }],
  },
};

/** 代办委托: only district bureau staff lend their grants (the api refuses others). */
const delegations: PortalSection = {
  module: ModuleKey.SERVICE_EVALUATION,
  roles: [Role.DISTRICT_LEAD, Role.DISTRICT_SUPERVISOR, Role.DISTRICT_HANDLER],
  pages: [{ path: '/evaluation/delegations', name: '代办委托' }],
  routes: [{ path: '/evaluation/delegations', page: page.delegations }],
};

const publicity: PortalSection = {
  module: ModuleKey.SERVICE_EVALUATION,
  pages: [{ path: '/evaluation/publicity', name: '信息公示' }],
  routes: [{ path: '/evaluation/publicity', page: page.publicity }],
};

/** 评价目录管理: city admins maintain items, circumstances and scoring rules. */
const catalogue: PortalSection = {
  module: ModuleKey.SERVICE_EVALUATION,
  roles: [Role.CITY_ADMIN],
  pages: [{ path: '/evaluation/catalogue', name: '评价目录管理' }],
  routes: [{ path: '/evaluation/catalogue', page: page.catalogue }],
};

export const serviceEvaluationSections: readonly PortalSection[] = [workAndRecords, delegations, publicity, catalogue];
