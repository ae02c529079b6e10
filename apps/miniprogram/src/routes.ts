import { ModuleKey, PagePath, pageLink, PAGES } from '@szpm/contract';
import { QueryValue } from '@szpm/api-client';

/**
 * Every page of the app: the page table of `@szpm/contract`, which the server's message links are
 * built from too (app.config.ts lists the same pages; test/unit/page-table.test.ts checks both ways).
 */
export const ROUTES = PAGES;

export type RoutePath = PagePath;

export function routeTo(path: RoutePath, params?: Record<string, QueryValue>): string {
  return pageLink(path, params);
}

/** The WeChat-side menus this app has pages for, by module. */
export const MODULE_ROUTES: Partial<Record<ModuleKey, RoutePath>> = {
  [ModuleKey.TODOS]: ROUTES.todos,
  [ModuleKey.SERVICE_EVALUATION]: ROUTES.evaluation,
  [ModuleKey.PERMISSIONS]: ROUTES.permissions,
  [ModuleKey.NOTICES]: ROUTES.notices,
  [ModuleKey.PROPERTY_AREAS]: ROUTES.propertyAreas,
  [ModuleKey.OWNER_EVALUATIONS]: ROUTES.ownerEvaluationStats,
  [ModuleKey.OWNER_DECISIONS]: ROUTES.ownerDecisionStats,
  [ModuleKey.SAFETY_INSPECTIONS]: ROUTES.safety,
  [ModuleKey.PRACTITIONERS]: ROUTES.practitioners,
  [ModuleKey.PARKING]: ROUTES.parking,
  [ModuleKey.COMMON_FUNDS]: ROUTES.commonFunds,
  [ModuleKey.DISPUTES]: ROUTES.disputes,
};
