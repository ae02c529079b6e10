import { ProTable, type ProColumns } from '@ant-design/pro-components';
import type { Page, PractitionerItem } from '@szpm/contract';
import { Space, Tag } from 'antd';
import { pagedRequest } from '../../list-table';

/** Practitioners as every list of the chapter shows them: ID number and phone as the api answers them (masked unless the reader may see them). */
export const PEOPLE_COLUMNS: ProColumns<PractitionerItem>[] = [
  { title: '姓名', dataIndex: 'name', width: 90, fixed: 'left' },
  { title: '性别', dataIndex: 'genderLabel', width: 60 },
  { title: '岗位', dataIndex: 'positionLabel', width: 120 },
  { title: '身份证号码', dataIndex: 'idNumber', width: 180 },
  { title: '联系电话', dataIndex: 'phone', width: 120 },
  { title: '物业项目', dataIndex: 'propertyAreaName', width: 180, render: (_, p) => p.propertyAreaName ?? '企业本部' },
  { title: '物业服务企业', dataIndex: 'companyName', width: 220, render: (_, p) => p.companyName ?? '-' },
  { title: '入职日期', dataIndex: 'hiredAt', width: 100 },
  { title: '状态', dataIndex: 'statusLabel', width: 70, render: (_, p) => <Tag color={p.status === 'ON_DUTY' ? 'green' : 'default'}>{p.statusLabel}</Tag> },
  { title: '党员', dataIndex: 'isPartyMember', width: 60, render: (_, p) => (p.isPartyMember ? '是' : '否') },
  {
    title: '证书',
    dataIndex: 'certificates',
    width: 320,
    render: (_, p) =>
      p.certificates.length ? (
        <Space direction="vertical" size={0}>
          {p.certificates.map((c) => (
            <span key={c.id}>
              {c.typeLabel} {c.certNo} 至 {c.expiresAt} <Tag color={c.state === 'EXPIRED' ? 'error' : c.state === 'EXPIRING' ? 'warning' : 'success'}>{c.stateLabel}</Tag>
            </span>
          ))}
        </Space>
      ) : (
        '-'
      ),
  },
];

/** A paged table of practitioners from one loader. */
export function PeopleTable({ load, id }: { load: (page: number, pageSize: number) => Promise<Page<PractitionerItem>>; id?: string }) {
  return (
    <div data-testid={id}>
      <ProTable<PractitionerItem>
        rowKey="id"
        columns={PEOPLE_COLUMNS}
        search={false}
        options={false}
        scroll={{ x: 'max-content' }}
        pagination={{ defaultPageSize: 10, showSizeChanger: true }}
        request={pagedRequest(async ({ current, pageSize }: { current?: number; pageSize?: number }) => load(current ?? 1, pageSize ?? 10))}
      />
    </div>
  );
}
