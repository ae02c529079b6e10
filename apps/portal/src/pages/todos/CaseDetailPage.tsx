import { PageContainer, ProCard, ProDescriptions, ProTable } from '@ant-design/pro-components';
import type { WorkflowCaseDetail, WorkflowHistoryEntry } from '@szpm/contract';
import { Alert, Button, Spin } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useWorkflowCase } from '../../components/use-workflow-case';
import { casePagePath } from '../../logic/pages';

/** One form, read-only: its summary, attachments and 审批流程记录 (GET /api/workflow/cases/:id). */
export default function CaseDetailPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { detail, error } = useWorkflowCase(id, '表单编号无效');

  if (error) return <PageContainer title="表单详情"><Alert type="error" showIcon message={error} /></PageContainer>;
  if (!detail) return <PageContainer title="表单详情"><Spin /></PageContainer>;

  // each module handles its forms (审核信息 and the decision) on its own page
  const handlingPath = detail.allowedActions.length > 0 ? casePagePath(detail.formType, detail.id) : null;
  return (
    <PageContainer
      title={detail.title}
      subTitle={detail.businessNo}
      extra={handlingPath ? <Button type="primary" onClick={() => navigate(handlingPath)}>办理</Button> : undefined}
    >
      <ProCard title="表单信息">
        <ProDescriptions<WorkflowCaseDetail> column={2} dataSource={detail} columns={[
          { title: '业务编号', dataIndex: 'businessNo' },
          { title: '表单类型', dataIndex: 'formTypeLabel' },
          { title: '状态', dataIndex: 'statusLabel' },
          { title: '评价对象', dataIndex: 'subjectName', render: (_, row) => row.subjectName ?? '-' },
          { title: '发起人', dataIndex: 'initiatorName' },
          { title: '发起时间', dataIndex: 'createdAt', valueType: 'dateTime' },
          { title: '办结时间', dataIndex: 'finishedAt', valueType: 'dateTime', render: (dom, row) => (row.finishedAt ? dom : '-') },
          { title: '附件', dataIndex: 'attachments', render: (_, row) => (row.attachments.length ? row.attachments.map((a) => a.fileName).join('、') : '无') },
        ]} />
      </ProCard>
      <ProCard title="审批流程记录" style={{ marginTop: 16 }}>
        <CaseHistoryTable history={detail.history} />
      </ProCard>
    </PageContainer>
  );
}

/** 审批流程记录: every step of a form, who took it (and for whom, under a delegation), with opinion and remark. */
export function CaseHistoryTable({ history }: { history: WorkflowHistoryEntry[] }) {
  return (
    <ProTable<WorkflowHistoryEntry>
      rowKey="seq"
      search={false}
      options={false}
      pagination={false}
      dataSource={history}
      scroll={{ x: 900 }}
      columns={[
        { title: '序号', dataIndex: 'seq', width: 70 },
        { title: '操作', dataIndex: 'actionLabel', width: 120 },
        { title: '操作人', dataIndex: 'actorName', width: 160, render: (_, row) => (row.onBehalfOfName ? `${row.actorName} 代 ${row.onBehalfOfName}` : row.actorName) },
        { title: '角色', dataIndex: 'actorRoleLabel', width: 120 },
        { title: '意见', dataIndex: 'opinion', render: (_, row) => row.opinion ?? '-' },
        { title: '备注', dataIndex: 'remark', render: (_, row) => row.remark ?? '-' },
        { title: '时间', dataIndex: 'at', valueType: 'dateTime', width: 180 },
      ]}
    />
  );
}
