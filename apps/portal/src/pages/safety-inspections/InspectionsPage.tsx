import { PlusOutlined } from '@ant-design/icons';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { ModuleKey, SAFETY_CHECK_KIND_LABELS, SafetyCheckKind, type RegionNode, type SafetyInspectionListItem } from '@szpm/contract';
import { Button, message, Progress } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../../api';
import { canOperate, isCityRole } from '../../logic/notices';
import { useSession } from '../../session';
import { downloadFile } from '../../transfer';
import { LIST_TABLE_DEFAULTS, pagedRequest } from '../../list-table';

interface InspectionFilters {
  search?: string;
  kind?: SafetyCheckKind;
  districtId?: number;
}

/** The launched inspections with their completion, newest first (the city sees every district). */
export default function InspectionsPage() {
  const { me } = useSession();
  const navigate = useNavigate();
  const city = isCityRole(me?.role);
  const [districts, setDistricts] = useState<RegionNode[]>([]);
  useEffect(() => {
    if (city) api.regions.tree().then((tree) => setDistricts(tree.filter((r) => r.level === 'DISTRICT')), () => setDistricts([]));
  }, [city]);

  const exportLedger = (row: SafetyInspectionListItem) => downloadFile(api.safety.ledgerPath(row.id), {}, `${row.title}总体情况台账.xlsx`).catch((e) => message.error(errorMessage(e)));

  const columns: ProColumns<SafetyInspectionListItem>[] = [
    { title: '检查标题', dataIndex: 'search', hideInTable: true, fieldProps: { placeholder: '标题包含' } },
    { title: '检查类型', dataIndex: 'kind', valueType: 'select', valueEnum: Object.fromEntries(Object.values(SafetyCheckKind).map((k) => [k, { text: SAFETY_CHECK_KIND_LABELS[k] }])), hideInTable: true },
    ...(city ? [{ title: '行政区', dataIndex: 'districtId', valueType: 'select' as const, hideInTable: true, fieldProps: { options: districts.map((d) => ({ value: d.id, label: d.name })) } }] : []),
    {
      title: '检查标题',
      dataIndex: 'title',
      search: false,
      width: 300,
      ellipsis: true,
      render: (_, row) => (
        <Link to={`/safety-inspections/list/${row.id}`} aria-label={`查看 ${row.title}`}>
          {row.title}
        </Link>
      ),
    },
    { title: '检查类型', dataIndex: 'kindLabel', search: false, width: 100 },
    ...(city ? [{ title: '行政区', dataIndex: 'districtName', search: false, width: 90 }] : []),
    { title: '检查模板', key: 'template', search: false, width: 240, ellipsis: true, render: (_, row) => `${row.templateName}（第${row.templateVersion}版）` },
    { title: '截止日期', dataIndex: 'deadline', search: false, width: 110 },
    { title: '应检查', dataIndex: 'targets', search: false, width: 80, align: 'right' },
    { title: '已提交', dataIndex: 'submitted', search: false, width: 80, align: 'right' },
    { title: '未提交', dataIndex: 'outstanding', search: false, width: 80, align: 'right' },
    { title: '逾期', dataIndex: 'overdue', search: false, width: 70, align: 'right' },
    { title: '发现问题', dataIndex: 'problems', search: false, width: 90, align: 'right' },
    { title: '完成率', dataIndex: 'completionRate', search: false, width: 150, render: (_, row) => <Progress percent={row.completionRate} size="small" format={(p) => `${p}%`} /> },
    { title: '发起人', dataIndex: 'launchedByName', search: false, width: 100 },
    { title: '发起时间', dataIndex: 'createdAt', valueType: 'dateTime', search: false, width: 170 },
    {
      title: '操作',
      valueType: 'option',
      fixed: 'right',
      width: 150,
      render: (_, row) => [
        <Link key="open" to={`/safety-inspections/list/${row.id}`} aria-label={`查看统计 ${row.title}`}>
          查看统计
        </Link>,
        <Button key="ledger" type="link" size="small" onClick={() => void exportLedger(row)} aria-label={`导出台账 ${row.title}`}>
          导出台账
        </Button>,
      ],
    },
  ];

  return (
    <PageContainer title="安全检查列表">
      <ProTable<SafetyInspectionListItem, InspectionFilters>
        rowKey="id"
        columns={columns}
        {...LIST_TABLE_DEFAULTS}
        search={{ ...LIST_TABLE_DEFAULTS.search, defaultCollapsed: false }}
        toolBarRender={() => [
          <Button key="stats" onClick={() => navigate('/safety-inspections/statistics')}>
            查看全部统计
          </Button>,
          ...(canOperate(me?.modules, ModuleKey.SAFETY_INSPECTIONS)
            ? [
                <Button key="launch" type="primary" icon={<PlusOutlined />} onClick={() => navigate('/safety-inspections/launch')}>
                  发起安全检查
                </Button>,
              ]
            : []),
        ]}
        request={pagedRequest(async ({ current, pageSize, search, kind, districtId }) => {
          return api.safety.list({ page: current, pageSize, search: search || undefined, kind: kind || undefined, districtId: districtId ? Number(districtId) : undefined });
        })}
      />
    </PageContainer>
  );
}
