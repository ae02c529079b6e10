import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Button } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { publicityPeriod } from '../../logic/evaluation';
import { useSession } from '../../session';
import { useDistrictOptions } from './districts';
import { pagedRequest } from '../../list-table';
import { publicityPage, publicityTabOf, type PublicityRow, type PublicityTab } from '../public/publicity-lists';

const TABS: Array<{ key: PublicityTab; tab: string }> = [
  { key: 'bad-records', tab: '不良信息公示' },
  { key: 'risk-companies', tab: '物业服务企业风险名单公示' },
  { key: 'risk-managers', tab: '项目负责人风险名单公示' },
];

/**
 * 信息公示: what the public sees now (the same lists as the website's 物业服务评价信息查询), for the
 * officer's district (city accounts: any district), each entry until its publicity end date;
 * 查看 opens the record, where it is 撤销 or 恢复.
 */
export default function PublicityManagePage() {
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const tab = publicityTabOf(params.get('tab'));
  const districts = useDistrictOptions();
  const columns: ProColumns<PublicityRow>[] = [
    { title: '名称', dataIndex: 'search', hideInTable: true, fieldProps: { placeholder: '企业或项目负责人名称' } },
    ...(districts ? [{ title: '行政区', dataIndex: 'districtId', valueType: 'select', valueEnum: districts, hideInTable: true } as ProColumns<PublicityRow>] : []),
    { title: '评价对象', dataIndex: 'subjectName', search: false, width: 220 },
    ...(tab === 'bad-records' ? [{ title: '对象类型', dataIndex: 'subjectTypeLabel', search: false, width: 110 } as ProColumns<PublicityRow>] : []),
    { title: '所属区', dataIndex: 'districtName', search: false, width: 90, render: (_, row) => row.districtName ?? '-' },
    { title: tab === 'bad-records' ? '不良行为' : '风险名单事项', dataIndex: 'itemName', search: false, width: 220, ellipsis: true },
    { title: '具体情形', dataIndex: 'circumstanceDescription', search: false, width: 220, ellipsis: true },
    ...(tab === 'bad-records'
      ? ([
          { title: '等级', dataIndex: 'level', search: false, width: 70 },
          { title: '扣分', dataIndex: 'points', search: false, width: 70 },
        ] as ProColumns<PublicityRow>[])
      : []),
    { title: '认定文书编号', dataIndex: 'documentNo', search: false, width: 190 },
    { title: '公示期', dataIndex: 'publicityEnd', search: false, width: 220, render: (_, row) => publicityPeriod(row.publicityStart, row.publicityEnd) },
    {
      title: '操作',
      valueType: 'option',
      fixed: 'right',
      width: 70,
      render: (_, row) => [
        <Link key="view" to={`/evaluation/${tab === 'bad-records' ? 'bad-records' : 'risk-list'}/${row.id}`} aria-label={`查看 ${row.subjectName} ${row.documentNo}`}>
          查看
        </Link>,
      ],
    },
  ];

  return (
    <PageContainer
      tabList={TABS}
      tabActiveKey={tab}
      onTabChange={(key) => setParams({ tab: key })}
      content="审核通过的不良信息和风险名单自动公示，直至公示期截止；撤销或恢复后不再公示。"
      extra={
        <Button href={`${import.meta.env.BASE_URL}public/`} target="_blank" rel="noopener">
          打开对外公示页面
        </Button>
      }
    >
      <ProTable<PublicityRow, { search?: string; districtId?: string }>
        key={tab}
        rowKey="id"
        columns={columns}
        scroll={{ x: 'max-content' }}
        search={{ labelWidth: 'auto' }}
        options={{ reload: true, density: false, setting: false }}
        pagination={{ defaultPageSize: 20, showSizeChanger: false }}
        request={pagedRequest(({ current, pageSize, search, districtId }) =>
          // a district account manages its own district's publicity
          publicityPage(tab, { page: current, pageSize, search: search?.trim() || undefined, districtId: me?.districtId ?? (districtId ? Number(districtId) : undefined) }),
        )}
      />
    </PageContainer>
  );
}
