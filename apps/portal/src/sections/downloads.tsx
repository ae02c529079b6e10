import { ModuleKey } from '@szpm/contract';
import { lazy } from 'react';
import type { PortalSection } from './section';

/**
 * 下载列表 (the background-export kit piece): every signed-in account's own files, whatever its grants.
 * Like 我的账号 it is opened from the account menu of the header (layout/PortalLayout), not from a
 * module's menu: a path under no menu page opens for every signed-in account (logic/pages canOpen),
 * so the section carries only the route and its module is never consulted.
 */
export const downloadsSection: PortalSection = {
  module: ModuleKey.TODOS,
  pages: [],
  routes: [{ path: '/downloads', page: lazy(() => import('../pages/downloads/DownloadsPage')) }],
};
