import type { MenuDataItem } from '@ant-design/pro-components';
import type { ModuleKey, Role } from '@szpm/contract';
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { MenuPage } from '../logic/pages';

/**
 * One menu section of the portal, owned by one module (a chapter): its menu pages, its routes (each
 * page a lazily loaded chunk), the breadcrumb-only pages under them, and the quick entries it opens.
 * A section shows only to accounts that may view its module (and, with `roles`, hold one of them).
 */
export interface PortalSection {
  module: ModuleKey;
  /** only these roles see the section (admin pages); absent: every account that may view the module */
  roles?: readonly Role[];
  icon?: ReactNode;
  /** the section's name in the menu when it has more than one page (default: the module's label) */
  name?: string;
  pages: readonly MenuPage[];
  /** router paths below /portal/ (with the leading slash) and the page each renders */
  routes: ReadonlyArray<{ path: string; page: LazyExoticComponent<ComponentType> }>;
  /** pages reached from a menu page, named for the breadcrumbs but not listed in the menu */
  hiddenRoutes?: Readonly<Record<string, MenuDataItem[]>>;
  /** quick entry key (功能快捷入口) → the portal path it opens */
  quickEntries?: Readonly<Record<string, string>>;
  /** workflow form type → the page where the module's forms of that type are handled (办理), opened from 待办事项 */
  casePages?: Readonly<Record<string, (caseId: number) => string>>;
}
