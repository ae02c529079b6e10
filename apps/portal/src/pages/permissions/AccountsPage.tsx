import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { AccountStatus, ROLE_LABELS, Role, UNIT_CATEGORY_LABELS, UnitCategory, type StaffListItem } from '@szpm/contract';
import { Button } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { api } from '../../api';
import { creatableRoles } from '../../logic/permissions';
import { useSession } from '../../session';
import { CreateAccountButton } from './CreateAccountButton';
import { useDistrictOptions } from './regions';
import { StaffDrawer } from './StaffDrawer';
import { accountInfoColumns } from './staffColumns';
import { LIST_TABLE_DEFAULTS, pagedRequest } from '../../list-table';

interface AccountFilters {
  search?: string;
  role?: Role;
  unitCategory?: UnitCategory;
  bound?: 'true' | 'false';
  status?: AccountStatus;
  districtId?: number;
}

/** 账号管理 (leads and city admins): every account of the scope, officers and unit accounts; create, disable, reset, grant. */
export default function AccountsPage() {
  const { me } = useSession();
  const city = me?.districtId === null;
  const districts = useDistrictOptions(city);
  const [openId, setOpenId] = useState<number | null>(null);
  const table = useRef<ActionType>();
  const roles = useMemo(() => (me ? (me.role === Role.CITY_ADMIN ? Object.values(Role) : [me.role, ...creatableRoles(me.role)]) : []), [me]);

  const columns: ProColumns<StaffListItem>[] = [
    { title: '姓名', dataIndex: 'search', hideInTable: true, fieldProps: { placeholder: '输入姓名', 'aria-label': '姓名' } },
    {
      title: '姓名',
      dataIndex: 'name',
      search: false,
      width: 120,
      render: (_, row) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(row.id)} aria-label={`查看 ${row.name} 的详情`}>
          {row.name}
        </Button>
      ),
    },
    { title: '角色', dataIndex: 'role', valueType: 'select', width: 200, valueEnum: Object.fromEntries(roles.map((r) => [r, { text: ROLE_LABELS[r] }])), render: (_, row) => row.roleLabel },
    { title: '单位类别', dataIndex: 'unitCategory', valueType: 'select', hideInTable: true, valueEnum: Object.fromEntries(Object.values(UnitCategory).map((c) => [c, { text: UNIT_CATEGORY_LABELS[c] }])) },
    ...accountInfoColumns(city, districts),
    { title: '操作', valueType: 'option', fixed: 'right', width: 80, render: (_, row) => [<a key="open" onClick={() => setOpenId(row.id)} aria-label={`管理 ${row.name}`}>管理</a>] },
  ];

  return (
    <PageContainer content="本辖区全部账号（区局人员、街道办及物业服务企业、项目负责人、业主委员会的单位账号）：新建账号、停用或启用、重置密码、授予或收回模块权限。">
      <ProTable<StaffListItem, AccountFilters>
        rowKey="id"
        actionRef={table}
        columns={columns}
        {...LIST_TABLE_DEFAULTS}
        toolBarRender={() => [<CreateAccountButton key="create" onCreated={() => table.current?.reload()} />]}
        request={pagedRequest(async ({ current, pageSize, search, role, unitCategory, bound, status, districtId }) => {
          return api.admin.accounts({
            page: current,
            pageSize,
            search: search || undefined,
            role: role || undefined,
            unitCategory: unitCategory || undefined,
            bound: bound === undefined ? undefined : bound === 'true',
            status: status || undefined,
            districtId: districtId || undefined,
          });
        })}
      />
      <StaffDrawer accountId={openId} onClose={() => setOpenId(null)} onChanged={() => table.current?.reload()} />
    </PageContainer>
  );
}
