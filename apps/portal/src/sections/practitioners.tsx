import { TeamOutlined } from '@ant-design/icons';
import { ModuleKey } from '@szpm/contract';
import { lazy } from 'react';
import type { PortalSection } from './section';

const page = {
  practitioners: lazy(() => import('../pages/practitioners/PractitionersPage')),
};

/**
 * Chapter 12, 从业人员信息 on PC: 项目从业人员 (street → community → project → its people, every number
 * opening its list, 导出, 提醒更新) and 企业从业人员 (by company, searchable by 企业名称), switched on the left.
 */
export const practitionersSection: PortalSection = {
  module: ModuleKey.PRACTITIONERS,
  icon: <TeamOutlined />,
  name: '从业人员信息',
  pages: [{ path: '/practitioners', name: '从业人员信息' }],
  routes: [{ path: '/practitioners', page: page.practitioners }],
  quickEntries: { practitioners: '/practitioners' },
};
