import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { COORDINATE_STATUS_LABELS, CoordinateStatus, ModuleKey, type PropertyAreaListItem } from '@szpm/contract';
import { Button, Space, Tag } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { canOperate, isCityRole } from '../../logic/notices';
import { useSession } from '../../session';
import { LIST_TABLE_DEFAULTS, pagedRequest } from '../../list-table';
import { areasApi } from './endpoints';
import { areaListQuery, squareMetres, type AreaSearchValues } from './logic';

type Sorter = Record<string, 'ascend' | 'descend' | null>;

/**
 * 物业区域管理: every property area of the officer's district, searched by 物业区域名称, 坐标图层
 * (已标注 / 未标注 and a map rectangle whose south-west and north-east corners hold the centroid),
 * 物业服务企业 and 开发建设单位 — each alone or combined — paged and sortable.
 */
export default function AreasPage() {
  const { me } = useSession();
  const navigate = useNavigate();
  // 编辑 is the district's (the city bureau reviews the edits, it does not file them)
  const operate = canOperate(me?.modules, ModuleKey.PROPERTY_AREAS) && !isCityRole(me?.role);

  const columns: ProColumns<PropertyAreaListItem>[] = [
    { title: '物业区域名称', dataIndex: 'search', hideInTable: true, fieldProps: { placeholder: '名称包含' } },
    {
      title: '坐标图层',
      dataIndex: 'coordinateStatus',
      valueType: 'select',
      hideInTable: true,
      valueEnum: Object.fromEntries(Object.values(CoordinateStatus).map((s) => [s, { text: COORDINATE_STATUS_LABELS[s] }])),
    },
    { title: '西南角', dataIndex: 'southWest', hideInTable: true, tooltip: '地图范围查询：中心点落在西南角与东北角之间的物业区域', fieldProps: { placeholder: '经度,纬度（如 114.02,22.52）' } },
    { title: '东北角', dataIndex: 'northEast', hideInTable: true, fieldProps: { placeholder: '经度,纬度（如 114.08,22.56）' } },
    { title: '物业服务企业', dataIndex: 'companySearch', hideInTable: true, fieldProps: { placeholder: '企业名称包含' } },
    { title: '开发建设单位', dataIndex: 'developerSearch', hideInTable: true, fieldProps: { placeholder: '单位名称包含' } },
    { title: '项目编号', dataIndex: 'code', search: false, width: 130 },
    {
      title: '物业区域名称',
      dataIndex: 'name',
      key: 'name',
      search: false,
      sorter: true,
      width: 220,
      ellipsis: true,
      render: (_, row) => (
        <Link to={`/property-areas/list/${row.id}`} aria-label={`详情 ${row.name}`}>
          {row.name}
        </Link>
      ),
    },
    { title: '街道', dataIndex: 'streetName', search: false, width: 110 },
    { title: '社区', dataIndex: 'communityName', search: false, width: 120 },
    { title: '物业服务企业', dataIndex: 'companyName', search: false, width: 220, ellipsis: true, render: (_, row) => row.companyName ?? (row.selfManaged ? '自管' : '-') },
    { title: '开发建设单位', dataIndex: 'developerName', search: false, width: 220, ellipsis: true, render: (_, row) => row.developerName ?? '-' },
    { title: '项目经理', dataIndex: 'projectManagerName', search: false, width: 100, render: (_, row) => row.projectManagerName ?? '-' },
    { title: '建筑面积', dataIndex: 'floorArea', key: 'floorArea', search: false, sorter: true, width: 140, align: 'right', render: (_, row) => squareMetres(row.floorArea) },
    { title: '房屋数', dataIndex: 'houseCount', key: 'houseCount', search: false, sorter: true, width: 100, align: 'right' },
    { title: '入伙日期', dataIndex: 'handoverDate', key: 'handoverDate', search: false, sorter: true, width: 120, render: (_, row) => row.handoverDate ?? '-' },
    {
      title: '坐标图层',
      dataIndex: 'coordinateStatusLabel',
      search: false,
      width: 140,
      render: (_, row) => (
        <Space size={4}>
          <Tag color={row.coordinateStatus === CoordinateStatus.PLOTTED ? 'green' : 'default'}>{row.coordinateStatusLabel}</Tag>
          {row.layer && <span>{row.layer}</span>}
        </Space>
      ),
    },
    { title: '业委会', dataIndex: 'hasCommittee', search: false, width: 90, render: (_, row) => (row.hasCommittee ? '已成立' : '未成立') },
    {
      title: '操作',
      valueType: 'option',
      fixed: 'right',
      width: operate ? 120 : 70,
      render: (_, row) => [
        <Link key="detail" to={`/property-areas/list/${row.id}`} aria-label={`查看详情 ${row.name}`}>
          详情
        </Link>,
        ...(operate
          ? [
              <Link key="edit" to={`/property-areas/list/${row.id}/edit`} aria-label={`编辑 ${row.name}`}>
                编辑
              </Link>,
            ]
          : []),
      ],
    },
  ];

  return (
    <PageContainer title="物业区域管理">
      <ProTable<PropertyAreaListItem, AreaSearchValues>
        rowKey="id"
        columns={columns}
        {...LIST_TABLE_DEFAULTS}
        search={{ ...LIST_TABLE_DEFAULTS.search, defaultCollapsed: false, span: 8 }}
        toolBarRender={() => [
          <Button key="reviewing" onClick={() => navigate('/property-areas/reviewing')}>
            审批列表
          </Button>,
          <Button key="submitted" onClick={() => navigate('/property-areas/submitted')}>
            查看申请记录
          </Button>,
        ]}
        request={(params, sorter) =>
          pagedRequest(async (p: typeof params) => areasApi.list(areaListQuery(p, p.current ?? 1, p.pageSize ?? 20, sorter as Sorter)))(params)
        }
      />
    </PageContainer>
  );
}
