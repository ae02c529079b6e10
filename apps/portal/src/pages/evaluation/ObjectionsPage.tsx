import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { OBJECTION_TARGET_LABELS, WORKFLOW_STATUS_LABELS, WorkflowStatus, type ObjectionListItem, type ObjectionTarget } from '@szpm/contract';
import { Tag } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../api';
import { cycleLabel } from '../../logic/evaluation';
import { LIST_TABLE_DEFAULTS, pagedRequest } from '../../list-table';

const OBJECTION_STATUSES = [WorkflowStatus.PENDING_ACCEPTANCE, WorkflowStatus.ENTRY, WorkflowStatus.REVIEW, WorkflowStatus.SUPPLEMENT, WorkflowStatus.APPROVED, WorkflowStatus.REJECTED];

/**
 * 异议处理: the objections the district's subjects filed (GET /api/service-evaluation/objections).
 * Each is a form: 确认受理, 退回补录, 拟同意 / 拟不同意 and the supervisor's 同意 / 不同意 on its 办理 page.
 */
export default function ObjectionsPage() {
  const columns: ProColumns<ObjectionListItem>[] = [
    { title: '业务单号', dataIndex: 'businessNo', search: false, width: 180, copyable: true },
    { title: '异议对象', dataIndex: 'target', valueType: 'select', width: 100, valueEnum: Object.fromEntries(Object.entries(OBJECTION_TARGET_LABELS).map(([k, text]) => [k, { text }])), render: (_, row) => row.targetLabel },
    { title: '评价对象', dataIndex: 'subjectName', search: false, width: 220 },
    { title: '异议类型', dataIndex: 'kindName', search: false, width: 160 },
    { title: '异议理由', dataIndex: 'groundsLabel', search: false, width: 130 },
    { title: '计分周期', dataIndex: 'cycleKey', search: false, width: 120, render: (_, row) => (row.cycleKey ? cycleLabel(row.cycleKey) : '-') },
    {
      title: '办理状态',
      dataIndex: 'status',
      valueType: 'select',
      width: 110,
      valueEnum: Object.fromEntries(OBJECTION_STATUSES.map((s) => [s, { text: WORKFLOW_STATUS_LABELS[s] }])),
      render: (_, row) => row.statusLabel,
    },
    { title: '办理结果', dataIndex: 'outcomeLabel', search: false, width: 110, render: (_, row) => (row.outcomeLabel ? <Tag color={row.outcome === 'UPHELD' ? 'success' : 'default'}>{row.outcomeLabel}</Tag> : '-') },
    { title: '提出时间', dataIndex: 'createdAt', valueType: 'dateTime', search: false, width: 170 },
    {
      title: '操作',
      valueType: 'option',
      fixed: 'right',
      width: 80,
      render: (_, row) => [
        <Link key="open" to={`/evaluation/cases/${row.caseId}`} aria-label={`办理 ${row.businessNo}`}>
          {row.decidedAt ? '查看' : '办理'}
        </Link>,
      ],
    },
  ];
  return (
    <PageContainer>
      <ProTable<ObjectionListItem, { status?: WorkflowStatus; target?: ObjectionTarget }>
        rowKey="id"
        columns={columns}
        {...LIST_TABLE_DEFAULTS}
        request={pagedRequest(async ({ current, pageSize, status, target }) => {
          return api.objections.list({ page: current, pageSize, status: status || undefined, target: target || undefined });
        })}
      />
    </PageContainer>
  );
}
