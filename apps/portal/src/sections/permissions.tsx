import { TeamOutlined } from '@ant-design/icons';
import { ModuleKey, Role } from '@szpm/contract';
import { lazy } from 'react';
import type { PortalSection } from './section';

/** Chapter 3: 权限管理 — 人员列表 with the person's detail, 用户统计 with its drill-down, 催绑 and 导出. */
export const permissionsSection: PortalSection = {
  module: ModuleKey.PERMISSIONS,
  icon: <TeamOutlined />,
  name: '权限管理',
  pages: [
    { path: '/permissions/staff', name: '人员列表' },
    { path: '/permissions/binding-stats', name: '用户统计' },
  ],
  routes: [
    { path: '/permissions/staff', page: lazy(() => import('../pages/permissions/StaffPage')) },
    { path: '/permissions/binding-stats', page: lazy(() => import('../pages/permissions/BindingStatsPage')) },
  ],
};

/** Chapter 3 for district leads and city admins: 账号管理 (create, disable, reset, grants) over every account of the scope. */
export const accountAdminSection: PortalSection = {
  module: ModuleKey.PERMISSIONS,
  roles: [Role.CITY_ADMIN, Role.DISTRICT_LEAD],
  pages: [{ path: '/permissions/accounts', name: '账号管理' }],
  routes: [{ path: '/permissions/accounts', page: lazy(() => import('../pages/permissions/AccountsPage')) }],
};

/** Admin pages of the city admin: 审计日志 and the link to the queue dashboard. */
export const platformAdminSection: PortalSection = {
  module: ModuleKey.PERMISSIONS,
  roles: [Role.CITY_ADMIN],
  pages: [
    { path: '/admin/audit-logs', name: '审计日志' },
    { path: '/admin/queues', name: '队列监控' },
  ],
  routes: [
    { path: '/admin/audit-logs', page: lazy(() => import('../pages/admin/AuditLogPage')) },
    { path: '/admin/queues', page: lazy(() => import('../pages/admin/QueueBoardPage')) },
  ],
};

/** The permissions module's sections, for the one entry in sections/index.ts. */
export const PERMISSIONS_SECTIONS: readonly PortalSection[] = [permissionsSection, accountAdminSection, platformAdminSection];
