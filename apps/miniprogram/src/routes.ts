import { ModuleKey } from '@szpm/contract';
import { QueryValue, toQueryString } from './api/http';

/** Every page of the app (app.config.ts lists the same paths; subpackages by domain). */
export const ROUTES = {
  launch: '/pages/index/index',
  login: '/pages/login/index',
  bind: '/pages/bind/index',
  home: '/pages/home/index',
  todos: '/packages/todos/index',
  case: '/packages/workflow/case/index',
  evaluation: '/packages/evaluation/index',
  evaluationWork: '/packages/evaluation/work/index',
  badRecordEntry: '/packages/evaluation/bad-record-entry/index',
  riskListEntry: '/packages/evaluation/risk-entry/index',
  caseQuery: '/packages/evaluation/cases/index',
  scores: '/packages/evaluation/scores/index',
  scoreDetail: '/packages/evaluation/score-detail/index',
  records: '/packages/evaluation/records/index',
  recordDetail: '/packages/evaluation/record-detail/index',
  withdrawal: '/packages/evaluation/withdrawal/index',
  delegations: '/packages/delegations/index',
  delegationCreate: '/packages/delegations/create/index',
  permissions: '/packages/permissions/index',
  staffDetail: '/packages/permissions/staff/index',
  bindingStats: '/packages/permissions/stats/index',
  statsUnits: '/packages/permissions/units/index',
  statsAccounts: '/packages/permissions/accounts/index',
  myAccount: '/packages/permissions/account/index',
  notices: '/packages/notices/index',
  noticePublish: '/packages/notices/publish/index',
  noticeDetail: '/packages/notices/detail/index',
  noticeStatistics: '/packages/notices/statistics/index',
  receivedNotice: '/packages/notices/received/index',
  safety: '/packages/safety/index',
  safetyLaunch: '/packages/safety/launch/index',
  safetyStats: '/packages/safety/stats/index',
  safetyOverview: '/packages/safety/overview/index',
} as const;

export type RoutePath = (typeof ROUTES)[keyof typeof ROUTES];

export function routeTo(path: RoutePath, params?: Record<string, QueryValue>): string {
  return path + toQueryString(params);
}

/** The WeChat-side menus this app has pages for, by module. */
export const MODULE_ROUTES: Partial<Record<ModuleKey, RoutePath>> = {
  [ModuleKey.TODOS]: ROUTES.todos,
  [ModuleKey.SERVICE_EVALUATION]: ROUTES.evaluation,
  [ModuleKey.PERMISSIONS]: ROUTES.permissions,
  [ModuleKey.NOTICES]: ROUTES.notices,
  [ModuleKey.SAFETY_INSPECTIONS]: ROUTES.safety,
};
