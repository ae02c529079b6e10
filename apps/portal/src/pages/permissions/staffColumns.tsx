import type { ProColumns } from '@ant-design/pro-components';
import { AccountStatus, type StaffListItem } from '@szpm/contract';
import { Tag } from 'antd';
import type { RegionOption } from './regions';
import { StatusTag } from './StaffDrawer';

/**
 * The columns 人员列表 and 账号管理 share, each with its search field: 行政区 (city accounts only),
 * 职务, 手机号码, 微信绑定, 账号状态.
 */
export function accountInfoColumns(city: boolean, districts: RegionOption[]): ProColumns<StaffListItem>[] {
  return [
    { title: '行政区', dataIndex: 'districtId', valueType: 'select', hideInTable: !city, hideInSearch: !city, width: 100, fieldProps: { options: districts }, render: (_, row) => row.districtName ?? '市局' },
    { title: '职务', dataIndex: 'position', search: false, width: 160, render: (_, row) => row.position ?? '-' },
    { title: '手机号码', dataIndex: 'phone', search: false, width: 140 },
    {
      title: '微信绑定',
      dataIndex: 'bound',
      valueType: 'select',
      width: 100,
      valueEnum: { true: { text: '已绑定' }, false: { text: '未绑定' } },
      render: (_, row) => (row.wechatBound ? <Tag color="green">已绑定</Tag> : <Tag>未绑定</Tag>),
    },
    {
      title: '账号状态',
      dataIndex: 'status',
      valueType: 'select',
      width: 100,
      valueEnum: { [AccountStatus.ACTIVE]: { text: '正常' }, [AccountStatus.DISABLED]: { text: '已停用' }, [AccountStatus.CANCELLED]: { text: '已注销' } },
      render: (_, row) => <StatusTag status={row.status} />,
    },
  ];
}
