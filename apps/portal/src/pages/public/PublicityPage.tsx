import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import type { PublicDistrict } from '@szpm/contract';
import { Layout, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api';
import { pagedRequest } from '../../list-table';
import { publicityPage, publicityTabOf, type PublicityRow, type PublicityTab } from './publicity-lists';

const TABS: Array<{ key: PublicityTab; tab: string }> = [
  { key: 'bad-records', tab: '不良信息公示' },
  { key: 'risk-companies', tab: '风险名单（物业服务企业）' },
  { key: 'risk-managers', tab: '风险名单（项目负责人）' },
];

interface Filters {
  search?: string;
  districtId?: number;
}

/** 信息公示 for the public (no login): records within their publicity period, searchable by name and district. */
export default function PublicityPage() {
  const [params, setParams] = useSearchParams();
  const tab = publicityTabOf(params.get('tab'));
  const [districts, setDistricts] = useState<PublicDistrict[]>([]);

  useEffect(() => {
    api.evaluation.publicDistricts().then(setDistricts, () => setDistricts([]));
  }, []);
  const districtOptions = useMemo(() => Object.fromEntries(districts.map((d) => [d.id, { text: d.name }])), [districts]);

  const columns: ProColumns<PublicityRow>[] = [
    { title: '名称', dataIndex: 'search', hideInTable: true, fieldProps: { placeholder: '企业或项目负责人名称' } },
    { title: '行政区', dataIndex: 'districtId', valueType: 'select', valueEnum: districtOptions, hideInTable: true },
    { title: '评价对象', dataIndex: 'subjectName', search: false, width: 220 },
    { title: '对象类型', dataIndex: 'subjectTypeLabel', search: false, width: 130, hideInTable: tab !== 'bad-records' },
    { title: '所属区', dataIndex: 'districtName', search: false, width: 100, render: (_, row) => row.districtName ?? '-' },
    { title: tab === 'bad-records' ? '不良行为' : '风险名单事项', dataIndex: 'itemName', search: false, width: 200 },
    { title: '具体情形', dataIndex: 'circumstanceDescription', search: false, ellipsis: true, width: 240 },
    ...(tab === 'bad-records'
      ? ([
          { title: '等级', dataIndex: 'level', search: false, width: 70 },
          { title: '扣分', dataIndex: 'points', search: false, width: 70 },
        ] as ProColumns<PublicityRow>[])
      : []),
    { title: '认定文书编号', dataIndex: 'documentNo', search: false, width: 180 },
    { title: '事实发生日期', dataIndex: 'factDate', valueType: 'date', search: false, width: 130 },
    { title: '公示期', dataIndex: 'publicityEnd', search: false, width: 220, render: (_, row) => `${row.publicityStart} 至 ${row.publicityEnd}` },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', background: '#1456a8' }}>
        <Typography.Title level={1} style={{ color: '#fff', fontSize: 20, margin: 0 }}>
          深圳市物业管理信息平台 · 物业服务评价信息查询
        </Typography.Title>
        <Link to="/login" style={{ color: '#fff' }}>
          工作人员登录
        </Link>
      </Layout.Header>
      <Layout.Content>
        <PageContainer title="信息公示" tabList={TABS} tabActiveKey={tab} onTabChange={(key) => setParams({ tab: key })}>
          <ProTable<PublicityRow, Filters>
            key={tab}
            rowKey="id"
            columns={columns}
            scroll={{ x: 1400 }}
            search={{ labelWidth: 'auto' }}
            options={false}
            pagination={{ defaultPageSize: 20, showSizeChanger: false }}
            request={pagedRequest(({ current, pageSize, search, districtId }) =>
              publicityPage(tab, { page: current, pageSize, search: search || undefined, districtId: districtId ? Number(districtId) : undefined }),
            )}
          />
        </PageContainer>
      </Layout.Content>
    </Layout>
  );
}
