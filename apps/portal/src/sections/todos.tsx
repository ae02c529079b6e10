import { UnorderedListOutlined } from '@ant-design/icons';
import { ModuleKey } from '@szpm/contract';
import { lazy } from 'react';
import type { PortalSection } from './section';

/** Chapter 4: 待办事项 (待办 / 已办 across every form type) and the form's page. */
export const todosSection: PortalSection = {
  module: ModuleKey.TODOS,
  icon: <UnorderedListOutlined />,
  pages: [{ path: '/todos', name: '待办事项' }],
  routes: [
    { path: '/todos', page: lazy(() => import('../pages/todos/TodosPage')) },
    { path: '/todos/cases/:id', page: lazy(() => import('../pages/todos/CaseDetailPage')) },
  ],
  hiddenRoutes: { '/todos': [{ path: '/todos/cases/:id', name: '表单详情', hideInMenu: true }] },
};
