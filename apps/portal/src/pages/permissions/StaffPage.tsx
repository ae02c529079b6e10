import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { AccountStatus, DISTRICT_ROLES, ROLE_LABELS, Role, type StaffListItem } from '@szpm/contract';
import { Avatar, Button, Space } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { api } from '../../api';
import { canManageAccounts } from '../../logic/permissions';
import { useSession } from '../../session';
import { CreateAccountButton } from './CreateAccountButton';
import { useDistrictOptions } from './regions';
import { StaffDrawer } from './StaffDrawer';
import { accountInfoColumns } from './staffColumns';
import { LIST_TABLE_DEFAULTS, pagedRequest } from '../../list-table';

interface StaffFilters {
  search?: string;
  role?: Role;
  bound?: 'true' | 'false';
  status?: AccountStatus;
  districtId?: number;
}

/** 人员列表 (chapter 3): the district's officers, searched by name, role, binding and status; the person's detail drawer. */
export default function StaffPage() {
  const { me } = useSession();
  const city = me?.districtId === null;
  const districts = useDistrictOptions(city);
  const [openId, setOpenId] = useState<number | null>(null);
  const table = useRef<ActionType>();

  const columns = useMemo<ProColumns<StaffListItem>[]>(
    () => [
      { title: '姓名', dataIndex: 'search', hideInTable: true, fieldProps: { placeholder: '输入人员姓名', 'aria-label': '姓名' } },
      {
        title: '姓名',
        dataIndex: 'name',
        search: false,
        width: 160,
        render: (_, row) => (
          <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(row.id)} aria-label={`查看 ${row.name} 的详情`}>
            <Space>
              <Avatar size="small" src={row.avatarUrl ?? undefined}>
                {row.name.slice(-1)}
              </Avatar>
              {row.name}
            </Space>
          </Button>
        ),
      },
      { title: '角色', dataIndex: 'role', valueType: 'select', width: 200, valueEnum: Object.fromEntries(DISTRICT_ROLES.map((r) => [r, { text: ROLE_LABELS[r] }])), render: (_, row) => row.roleLabel },
      ...accountInfoColumns(city, districts),
      {
        title: '操作',
        valueType: 'option',
        fixed: 'right',
        width: 80,
        render: (_, row) => [
          <a key="open" onClick={() => setOpenId(row.id)} aria-label={`详情 ${row.name}`}>
            详情
          </a>,
        ],
      },
    ],
    [city, districts],
  );

  return (
    <PageContainer content="本区人员名单：点击姓名（头像）查看人员详情；区局负责人可在详情中停用账号、重置密码和授予或收回模块权限。">
      <ProTable<StaffListItem, StaffFilters>
        rowKey="id"
        actionRef={table}
        columns={columns}
        {...LIST_TABLE_DEFAULTS}
        toolBarRender={() => (canManageAccounts(me) ? [<CreateAccountButton key="create" onCreated={() => table.current?.reload()} />] : [])}
        request={pagedRequest(async ({ current, pageSize, search, role, bound, status, districtId }) => {
          return api.permissions.staff({ page: current, pageSize, search: search || undefined, role: role || undefined, bound: bound === undefined ? undefined : bound === 'true', status: status || undefined, districtId: districtId || undefined });
        })}
      />
      <StaffDrawer accountId={openId} onClose={() => setOpenId(null)} onChanged={() => table.current?.reload()} />
    </PageContainer>
  );
}
