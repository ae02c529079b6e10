import { SafetyOutlined } from '@ant-design/icons';
import { ModuleKey } from '@szpm/contract';
import { lazy } from 'react';
import type { PortalSection } from './section';

/** Chapter 16: 安全检查 — 安全生产检查库, 发起安全检查, the inspections with their statistics and ledger, 查看全部统计. */
export const safetyInspectionsSection: PortalSection = {
  module: ModuleKey.SAFETY_INSPECTIONS,
  icon: <SafetyOutlined />,
  pages: [
    { path: '/safety-inspections/templates', name: '安全生产检查库' },
    { path: '/safety-inspections/launch', name: '发起安全检查' },
    { path: '/safety-inspections/list', name: '安全检查列表' },
    { path: '/safety-inspections/statistics', name: '安全检查统计' },
  ],
  routes: [
    { path: '/safety-inspections/templates', page: lazy(() => import('../pages/safety-inspections/TemplatesPage')) },
    // /new and /:id are one page: 新增, or 编辑 (read-only when the account may not change it)
    { path: '/safety-inspections/templates/:id', page: lazy(() => import('../pages/safety-inspections/TemplateEditPage')) },
    { path: '/safety-inspections/launch', page: lazy(() => import('../pages/safety-inspections/LaunchInspectionPage')) },
    { path: '/safety-inspections/list', page: lazy(() => import('../pages/safety-inspections/InspectionsPage')) },
    { path: '/safety-inspections/list/:id', page: lazy(() => import('../pages/safety-inspections/InspectionDetailPage')) },
    { path: '/safety-inspections/statistics', page: lazy(() => import('../pages/safety-inspections/SafetyStatisticsPage')) },
  ],
  hiddenRoutes: {
    '/safety-inspections/templates': [{ path: '/safety-inspections/templates/:id', name: '检查模板', hideInMenu: true }],
    '/safety-inspections/list': [{ path: '/safety-inspections/list/:id', name: '安全检查详情', hideInMenu: true }],
  },
  quickEntries: { 'launch-safety-inspection': '/safety-inspections/launch', 'safety-check-library': '/safety-inspections/templates' },
};
