import { BellOutlined, DownloadOutlined, HomeOutlined, KeyOutlined, LogoutOutlined, ProfileOutlined, UserOutlined } from '@ant-design/icons';
import { ProLayout, type MenuDataItem } from '@ant-design/pro-components';
import { ModuleKey, type TodoCounts } from '@szpm/contract';
import { Badge, Button, Dropdown, Result, Space, Tag, Tooltip } from 'antd';
import { ReactNode, Suspense, useEffect, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { api } from '../api';
import { canOpen, menuFor, modulePages, quickEntryLinks } from '../logic/pages';
import { SECTIONS } from '../sections';
import { useSession } from '../session';

const MODULE_ICONS: Partial<Record<ModuleKey, ReactNode>> = Object.fromEntries(SECTIONS.filter((s) => s.icon).map((s) => [s.module, s.icon]));
const SECTION_NAMES: Partial<Record<ModuleKey, string>> = Object.fromEntries(SECTIONS.filter((s) => s.name).map((s) => [s.module, s.name]));

/** Pages reached from the menu or the header, named for the breadcrumbs but not listed in the menu. */
const HIDDEN_ROUTES: Record<string, MenuDataItem[]> = Object.assign({}, ...SECTIONS.map((s) => s.hiddenRoutes ?? {}));

/** The signed-in frame: the menu of the account's modules, quick entries, the todo badge and the account menu. */
export default function PortalLayout() {
  const { me, signOut, actingFor, actFor } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [counts, setCounts] = useState<TodoCounts | null>(null);

  const sections = useMemo(() => menuFor(me?.modules ?? [], modulePages(SECTIONS, me?.role)), [me]);
  const quickEntries = useMemo(() => quickEntryLinks(me?.quickEntries ?? []), [me]);
  const holdsTodos = sections.some((s) => s.module === ModuleKey.TODOS);

  useEffect(() => {
    if (!holdsTodos) return;
    // the badge follows the lists: it is read again on every page change (acting on a form changes it)
    api.todos.counts().then(setCounts, () => setCounts(null));
  }, [holdsTodos, location.pathname]);

  const route = useMemo<MenuDataItem>(
    () => ({
      path: '/',
      children: [
        { path: '/', name: '首页', icon: <HomeOutlined /> },
        ...sections.flatMap((section): MenuDataItem[] =>
          section.pages.length === 1
            ? [{ path: section.pages[0].path, name: section.pages[0].name, icon: MODULE_ICONS[section.module], children: HIDDEN_ROUTES[section.pages[0].path] }]
            : [{ path: `/${section.module}`, name: SECTION_NAMES[section.module] ?? section.name, icon: MODULE_ICONS[section.module], children: section.pages.map((p) => ({ path: p.path, name: p.name, children: HIDDEN_ROUTES[p.path] })) }],
        ),
        { path: '/account', name: '我的账号', hideInMenu: true, children: [{ path: '/account/password', name: '修改密码', hideInMenu: true }] },
        { path: '/downloads', name: '下载列表', hideInMenu: true },
      ],
    }),
    [sections],
  );

  const logOut = async () => {
    await signOut();
    navigate('/login', { replace: true });
  };

  return (
    <ProLayout
      title="深圳市物业管理信息平台"
      logo={false}
      layout="mix"
      fixSiderbar
      fixedHeader
      route={route}
      location={{ pathname: location.pathname }}
      menuItemRender={(item, dom) => (item.path ? <Link to={item.path}>{dom}</Link> : dom)}
      // 首页 leads every trail but its own page's, which needs none
      breadcrumbRender={(routers = []) => (location.pathname === '/' ? [] : [{ path: '/', title: '首页' }, ...routers.filter((r) => r.path && r.path !== '/')])}
      itemRender={(item, _params, items) => {
        const last = items.indexOf(item) === items.length - 1;
        const title = (item as { title?: ReactNode; breadcrumbName?: string }).title ?? (item as { breadcrumbName?: string }).breadcrumbName;
        return last || !item.path ? <span>{title}</span> : <Link to={item.path}>{title}</Link>;
      }}
      actionsRender={() => [
        ...(actingFor
          ? [
              <Space key="acting" data-testid="acting-for" role="status">
                <Tag color="warning">正在代 {actingFor.name} 办理</Tag>
                <Button size="small" onClick={() => actFor(null)}>
                  结束代办
                </Button>
              </Space>,
            ]
          : []),
        ...quickEntries.shown.map((entry) => (
          <Button key={entry.key} type="link" onClick={() => navigate(entry.path)}>
            {entry.label}
          </Button>
        )),
        ...(quickEntries.more.length
          ? [
              <Dropdown key="more" menu={{ items: quickEntries.more.map((e) => ({ key: e.path, label: e.label })), onClick: ({ key }) => navigate(key) }}>
                <Button type="link">更多</Button>
              </Dropdown>,
            ]
          : []),
        ...(holdsTodos
          ? [
              <Tooltip key="todos" title={counts?.overdue ? `待办事项（其中超期 ${counts.overdue} 件）` : '待办事项'}>
                <Link to="/todos" aria-label={`待办事项 ${counts?.pending ?? 0} 件${counts?.overdue ? `，超期 ${counts.overdue} 件` : ''}`} data-testid="todo-badge">
                  <Badge count={counts?.pending ?? 0} overflowCount={99} size="small">
                    <BellOutlined style={{ fontSize: 18 }} />
                  </Badge>
                </Link>
              </Tooltip>,
            ]
          : []),
      ]}
      avatarProps={{
        icon: <UserOutlined />,
        size: 'small',
        title: <span data-testid="account-name">{me?.name}</span>,
        render: (_props, dom) => (
          <Dropdown
            trigger={['hover', 'click']}
            menu={{
              items: [
                { key: 'account', icon: <ProfileOutlined />, label: '我的账号' },
                { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
                { key: 'downloads', icon: <DownloadOutlined />, label: '下载列表' },
                { type: 'divider' },
                { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
              ],
              onClick: ({ key }) => {
                if (key === 'account') navigate('/account');
                else if (key === 'password') navigate('/account/password');
                else if (key === 'downloads') navigate('/downloads');
                else void logOut();
              },
            }}
          >
            <Button type="text" aria-label={`账号菜单：${me?.name ?? ''}`} data-testid="account-menu" style={{ height: 'auto', padding: '4px 8px' }}>
              <Space>{dom}</Space>
            </Button>
          </Dropdown>
        ),
      }}
    >
      <Suspense fallback={null}>{canOpen(location.pathname, sections) ? <Outlet /> : <Result status="403" title="无权限" subTitle="您的账号没有此功能的权限，请联系区局负责人。" />}</Suspense>
    </ProLayout>
  );
}
