import { CarOutlined } from '@ant-design/icons';
import { ModuleKey } from '@szpm/contract';
import { lazy } from 'react';
import type { PortalSection } from './section';

const page = {
  statistics: lazy(() => import('../pages/parking/ParkingStatisticsPage')),
};

/**
 * Chapter 13, 车位信息 on PC: 车位信息统计 — 车位信息统计情况 by region (every number opening its
 * projects) and 住宅小区车位纠纷类型情况 with its chart, 导出, and 提醒更新 to projects that never filed.
 */
export const parkingSection: PortalSection = {
  module: ModuleKey.PARKING,
  icon: <CarOutlined />,
  name: '车位信息',
  pages: [{ path: '/parking', name: '车位信息统计' }],
  routes: [{ path: '/parking', page: page.statistics }],
  quickEntries: { 'parking-statistics': '/parking' },
};
