import { NotificationOutlined } from '@ant-design/icons';
import { ModuleKey, Role } from '@szpm/contract';
import { lazy } from 'react';
import type { PortalSection } from './section';

/** Chapter 15: 通知发布 — publish, 部门已发消息 with read statistics and 催办, 我接收的消息, 查看全部统计. */
export const noticesSection: PortalSection = {
  module: ModuleKey.NOTICES,
  icon: <NotificationOutlined />,
  pages: [
    { path: '/notices/publish', name: '发布通知' },
    { path: '/notices/sent', name: '部门已发消息' },
    { path: '/notices/received', name: '我接收的消息' },
    { path: '/notices/statistics', name: '通知统计' },
  ],
  routes: [
    { path: '/notices/publish', page: lazy(() => import('../pages/notices/PublishNoticePage')) },
    { path: '/notices/sent', page: lazy(() => import('../pages/notices/SentNoticesPage')) },
    { path: '/notices/sent/:id', page: lazy(() => import('../pages/notices/NoticeDetailPage')) },
    { path: '/notices/received', page: lazy(() => import('../pages/notices/ReceivedNoticesPage')) },
    { path: '/notices/received/:id', page: lazy(() => import('../pages/notices/ReceivedNoticeDetailPage')) },
    { path: '/notices/statistics', page: lazy(() => import('../pages/notices/NoticeStatisticsPage')) },
  ],
  hiddenRoutes: {
    '/notices/sent': [{ path: '/notices/sent/:id', name: '通知详情', hideInMenu: true }],
    '/notices/received': [{ path: '/notices/received/:id', name: '通知详情', hideInMenu: true }],
  },
  quickEntries: { 'publish-notice': '/notices/publish' },
};

/** Admin catalogue of chapter 15: 通知类型, which the city admin maintains. */
export const noticeTypesSection: PortalSection = {
  module: ModuleKey.NOTICES,
  roles: [Role.CITY_ADMIN],
  pages: [{ path: '/notices/types', name: '通知类型' }],
  routes: [{ path: '/notices/types', page: lazy(() => import('../pages/notices/NoticeTypesPage')) }],
};
