import { SolutionOutlined } from '@ant-design/icons';
import { DISPUTE_FORM_TYPE, ModuleKey, Role } from '@szpm/contract';
import { lazy } from 'react';
import type { PortalSection } from './section';

const ledgers = () => import('../pages/disputes/LedgerPage');
const page = {
  unfinished: lazy(() => ledgers().then((m) => ({ default: m.UnfinishedLedgerPage }))),
  finished: lazy(() => ledgers().then((m) => ({ default: m.FinishedLedgerPage }))),
  all: lazy(() => ledgers().then((m) => ({ default: m.AllLedgerPage }))),
  entry: lazy(() => import('../pages/disputes/EntryPage')),
  detail: lazy(() => import('../pages/disputes/DetailPage')),
  byCase: lazy(() => import('../pages/disputes/CasePage')),
  statistics: lazy(() => import('../pages/disputes/StatisticsPage')),
};

/**
 * Chapter 22, 纠纷化解台账 on PC: 未办结台账, 已办结台账 (with 导入) and 总台账 — search, 录入, 导出 — each
 * case's 详情 with its 转办 / 处理 / 审核 / 修改 / 退回区局 and 历程, and 录入 / 修改 of a case. District
 * and street officers; a street office sees its street's cases only (the api's scope).
 */
export const disputesSection: PortalSection = {
  module: ModuleKey.DISPUTES,
  icon: <SolutionOutlined />,
  name: '纠纷化解台账',
  pages: [
    { path: '/disputes/unfinished', name: '未办结台账' },
    { path: '/disputes/finished', name: '已办结台账' },
    { path: '/disputes/all', name: '总台账' },
  ],
  routes: [
    { path: '/disputes/unfinished', page: page.unfinished },
    { path: '/disputes/finished', page: page.finished },
    { path: '/disputes/all', page: page.all },
    { path: '/disputes/new', page: page.entry },
    { path: '/disputes/:id', page: page.detail },
    { path: '/disputes/:id/edit', page: page.entry },
    { path: '/disputes/case/:caseId', page: page.byCase },
  ],
  hiddenRoutes: { '/disputes/all': [{ path: '/disputes/case/:caseId', name: '矛盾纠纷件', hideInMenu: true }] },
  // 待办事项 → 办理: a todo carries the workflow case id, which opens the dispute's 详情
  casePages: { [DISPUTE_FORM_TYPE]: (caseId) => `/disputes/case/${caseId}` },
};

/** 纠纷统计: the district's lead and officers (street offices work their ledger only). */
export const disputeStatisticsSection: PortalSection = {
  module: ModuleKey.DISPUTES,
  roles: [Role.DISTRICT_LEAD, Role.DISTRICT_SUPERVISOR, Role.DISTRICT_HANDLER, Role.CITY_ADMIN, Role.CITY_OFFICER],
  pages: [{ path: '/disputes/statistics', name: '纠纷统计' }],
  routes: [{ path: '/disputes/statistics', page: page.statistics }],
};
