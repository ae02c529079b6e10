import { ApartmentOutlined } from '@ant-design/icons';
import { AREA_CHANGE_FORM_TYPE, ModuleKey, PROJECT_MANAGER_CHANGE_FORM_TYPE, PROJECT_REGISTRATION_FORM_TYPE } from '@szpm/contract';
import { lazy } from 'react';
import type { PortalSection } from './section';

const page = {
  areas: lazy(() => import('../pages/property-areas/AreasPage')),
  detail: lazy(() => import('../pages/property-areas/AreaDetailPage')),
  edit: lazy(() => import('../pages/property-areas/AreaEditPage')),
  reviewing: lazy(() => import('../pages/property-areas/ReviewingListPage')),
  submitted: lazy(() => import('../pages/property-areas/SubmittedListPage')),
  request: lazy(() => import('../pages/property-areas/ChangeRequestPage')),
};

/**
 * Chapter 5, 项目管理 on PC: 物业区域管理 (the district's areas with the four search keys), each area's
 * 详情 with its six tabs and 编辑 (fields that need the city bureau's approval take effect after it),
 * 审批列表 (registrations and project-manager changes this district reviews), 查看申请记录 (the edits
 * this district sent to the city), and one request's page with its 审核信息 and 审批流程记录.
 */
export const propertyAreasSection: PortalSection = {
  module: ModuleKey.PROPERTY_AREAS,
  icon: <ApartmentOutlined />,
  name: '项目管理',
  pages: [
    { path: '/property-areas/list', name: '物业区域管理' },
    { path: '/property-areas/reviewing', name: '审批列表' },
    { path: '/property-areas/submitted', name: '查看申请记录' },
  ],
  routes: [
    { path: '/property-areas/list', page: page.areas },
    { path: '/property-areas/list/:id', page: page.detail },
    { path: '/property-areas/list/:id/edit', page: page.edit },
    { path: '/property-areas/reviewing', page: page.reviewing },
    { path: '/property-areas/reviewing/:caseId', page: page.request },
    { path: '/property-areas/submitted', page: page.submitted },
    { path: '/property-areas/submitted/:caseId', page: page.request },
  ],
  hiddenRoutes: {
    '/property-areas/list': [
      { path: '/property-areas/list/:id', name: '物业区域详情', hideInMenu: true },
      { path: '/property-areas/list/:id/edit', name: '编辑物业区域', hideInMenu: true },
    ],
    '/property-areas/reviewing': [{ path: '/property-areas/reviewing/:caseId', name: '审批详情', hideInMenu: true }],
    '/property-areas/submitted': [{ path: '/property-areas/submitted/:caseId', name: '申请详情', hideInMenu: true }],
  },
  quickEntries: { 'property-area-management': '/property-areas/list' },
  // 待办事项 → 办理: the district's edits are handled from 查看申请记录 (the city reviews them), the counterparts' applications from 审批列表
  casePages: {
    [AREA_CHANGE_FORM_TYPE]: (id) => `/property-areas/submitted/${id}`,
    [PROJECT_REGISTRATION_FORM_TYPE]: (id) => `/property-areas/reviewing/${id}`,
    [PROJECT_MANAGER_CHANGE_FORM_TYPE]: (id) => `/property-areas/reviewing/${id}`,
  },
};
