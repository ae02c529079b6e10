import { PageContainer, ProCard, ProForm, ProFormRadio, ProFormTextArea } from '@ant-design/pro-components';
import {
  AREA_CHANGE_FORM_TYPE,
  decisionChoices,
  decisionProblem,
  decisionRequest,
  OPINION_MAX_LENGTH,
  opinionLabel,
  REMARK_MAX_LENGTH,
  WorkflowAction,
  type AreaChangePayloadView,
  type DecisionInput,
  type WorkflowCaseDetail,
} from '@szpm/contract';
import { Alert, Button, Descriptions, Empty, Form, message, Modal, Popconfirm, Space, Spin, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, ApiError, errorMessage } from '../../api';
import { useWorkflowCase } from '../../components/use-workflow-case';
import { AttachmentLinks, AttachmentUpload } from '../evaluation/components';
import { CaseHistoryTable } from '../todos/CaseDetailPage';
import { applicationRows, caseStatusLabel, changeRows, fieldValueText } from './logic';

type Tab = 'content' | 'review' | 'history';
const time = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '-');

/** What 同意 does, said before the reviewer confirms it. */
function approvalWords(detail: WorkflowCaseDetail): string {
  switch (detail.formType) {
    case AREA_CHANGE_FORM_TYPE:
      return '同意后修改内容将立即写入该物业区域（若项目信息在申请后已被他人修改，将不能通过，须退回申请人）。';
    case 'PROJECT_REGISTRATION':
      return '同意后将按登记内容新建或更新该物业项目。';
    case 'PROJECT_MANAGER_CHANGE':
      return '同意后该项目的项目经理将变更为申请中的人员。';
    default:
      return '同意后该业务即办结。';
  }
}

/**
 * One application of chapter 5 (修改申请, 项目登记, 项目经理变更): its content (a change request's
 * fields before and after), 审核信息 with the decisions the api allows the caller — the city
 * bureau's handler 同意 / 不同意 / 退回 a district's edit, the district its counterparts' applications —
 * 撤销 for the applicant while it waits, and 审批流程记录.
 */
export default function ChangeRequestPage() {
  const id = Number(useParams().caseId);
  const base = useLocation().pathname.startsWith('/property-areas/reviewing') ? '/property-areas/reviewing' : '/property-areas/submitted';
  const [params, setParams] = useSearchParams();
  const tab: Tab = (['content', 'review', 'history'] as const).find((t) => t === params.get('tab')) ?? 'content';
  const { detail, setDetail, error, reload: load } = useWorkflowCase(id, '申请单编号无效');

  if (error) return <PageContainer title="申请详情"><Alert type="error" showIcon message={error} /></PageContainer>;
  if (!detail) return <PageContainer title="申请详情"><Spin /></PageContainer>;

  // a returned change request is corrected in the edit form, so 提交 is not offered here as well
  const choices = decisionChoices(detail.allowedActions, detail.formType === AREA_CHANGE_FORM_TYPE);
  const status = caseStatusLabel(detail);
  return (
    <PageContainer
      title={detail.title}
      subTitle={`${detail.businessNo} · ${status}`}
      extra={[
        <Link key="back" to={base}>
          返回列表
        </Link>,
      ]}
      tabList={[
        { key: 'content', tab: '申请信息' },
        { key: 'review', tab: choices.length ? '审核信息（待办）' : '审核信息' },
        { key: 'history', tab: '审批流程记录' },
      ]}
      tabActiveKey={tab}
      onTabChange={(key) => setParams({ tab: key }, { replace: true })}
    >
      {tab === 'content' && <ContentTab detail={detail} status={status} onChanged={setDetail} />}
      {tab === 'review' && (
        <ReviewTab
          detail={detail}
          status={status}
          onDone={(next) => {
            setDetail(next);
            setParams({ tab: 'history' }, { replace: true });
          }}
          onStale={load}
        />
      )}
      {tab === 'history' && (
        <ProCard>
          <div data-testid="case-history">
            <CaseHistoryTable history={detail.history} />
          </div>
        </ProCard>
      )}
    </PageContainer>
  );
}

function ContentTab({ detail, status, onChanged }: { detail: WorkflowCaseDetail; status: string; onChanged: (next: WorkflowCaseDetail) => void }) {
  const change = detail.formType === AREA_CHANGE_FORM_TYPE ? (detail.payload as unknown as AreaChangePayloadView) : null;
  const areaId = typeof detail.payload.propertyAreaId === 'number' ? detail.payload.propertyAreaId : detail.subjectId;
  const navigate = useNavigate();
  // a change request the city returned: the applicant modifies it in the edit form and submits it again
  const modifiable = change !== null && areaId !== null && detail.allowedActions.includes(WorkflowAction.SUBMIT);
  const withdraw = async () => {
    try {
      const next = await api.workflow.act(detail.id, { action: WorkflowAction.WITHDRAW, version: detail.version });
      message.success('已撤销申请');
      onChanged(next);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <ProCard
        title="申请单"
        headerBordered
        extra={
          <Space>
            {modifiable && (
              <Button type="primary" onClick={() => navigate(`/property-areas/list/${areaId}/edit?case=${detail.id}`)}>
                修改后重新提交
              </Button>
            )}
            {detail.allowedActions.includes(WorkflowAction.WITHDRAW) && (
              <Popconfirm title="撤销该申请？撤销后申请办结，物业区域信息不变。" okText="撤销" cancelText="取消" onConfirm={() => void withdraw()}>
                <Button danger>撤销申请</Button>
              </Popconfirm>
            )}
          </Space>
        }
      >
        <Descriptions column={3} size="small">
          <Descriptions.Item label="申请单号">{detail.businessNo}</Descriptions.Item>
          <Descriptions.Item label="申请类型">{detail.formTypeLabel}</Descriptions.Item>
          <Descriptions.Item label="状态">{status}</Descriptions.Item>
          <Descriptions.Item label="申请人">{detail.initiatorName}</Descriptions.Item>
          <Descriptions.Item label="申请时间">{time(detail.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="办结时间">{detail.finishedAt ? time(detail.finishedAt) : '未办结'}</Descriptions.Item>
          <Descriptions.Item label="物业区域">{areaId ? <Link to={`/property-areas/list/${areaId}`}>{detail.subjectName ?? change?.areaName ?? '查看详情'}</Link> : (detail.subjectName ?? '新登记项目')}</Descriptions.Item>
          <Descriptions.Item label="附件" span={2}>
            <AttachmentLinks attachments={detail.attachments} />
          </Descriptions.Item>
        </Descriptions>
      </ProCard>
      {change ? (
        <ProCard title="修改内容（需市局审核）" headerBordered style={{ marginTop: 16 }}>
          {change.reason && <Alert type="info" message={`申请说明：${change.reason}`} style={{ marginBottom: 12 }} />}
          <div data-testid="change-rows">
            <Table
              size="small"
              rowKey="field"
              pagination={false}
              dataSource={changeRows(change)}
              columns={[
                { title: '字段', dataIndex: 'label', width: 200 },
                { title: '修改前', dataIndex: 'before', render: (v: unknown) => fieldValueText(v) },
                { title: '修改后', dataIndex: 'after', render: (v: unknown) => fieldValueText(v) },
              ]}
            />
          </div>
        </ProCard>
      ) : (
        <ProCard title="申请内容" headerBordered style={{ marginTop: 16 }}>
          <Descriptions column={2} bordered size="small" data-testid="application-rows">
            {applicationRows(detail.payload).map((row) => (
              <Descriptions.Item key={row.label} label={row.label}>
                {row.value}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </ProCard>
      )}
    </>
  );
}

function ReviewTab({ detail, status, onDone, onStale }: { detail: WorkflowCaseDetail; status: string; onDone: (next: WorkflowCaseDetail) => void; onStale: () => void }) {
  const [form] = Form.useForm<DecisionInput>();
  const [refusal, setRefusal] = useState<string | null>(null);
  // a returned change request is corrected in the edit form, so 提交 is not offered here as well
  const choices = decisionChoices(detail.allowedActions, detail.formType === AREA_CHANGE_FORM_TYPE);
  const action = Form.useWatch('action', form) as WorkflowAction | undefined;

  if (!choices.length) {
    return (
      <ProCard>
        <Empty
          description={
            detail.allowedActions.includes(WorkflowAction.SUBMIT)
              ? `该申请已退回（${status}）：请在“申请信息”中点“修改后重新提交”。审批意见见“审批流程记录”。`
              : `当前无需您办理（${status}）。审批意见见“审批流程记录”。`
          }
        />
      </ProCard>
    );
  }

  const submit = async (values: DecisionInput) => {
    const problem = decisionProblem(values);
    if (problem) {
      message.error(problem);
      return false;
    }
    if (values.action === WorkflowAction.APPROVE) {
      const confirmed = await new Promise<boolean>((resolve) =>
        Modal.confirm({ title: '确认同意', content: approvalWords(detail), okText: '同意', cancelText: '取消', onOk: () => resolve(true), onCancel: () => resolve(false) }),
      );
      if (!confirmed) return false;
    }
    setRefusal(null);
    try {
      const next = await api.workflow.act(detail.id, decisionRequest(values, detail.version));
      message.success(`已${values.action === WorkflowAction.APPROVE ? '同意' : '提交'}`);
      onDone(next);
      return true;
    } catch (e) {
      // a stale request (the area changed meanwhile) or a version clash: the api says why, in words the reviewer understands
      setRefusal(errorMessage(e));
      message.error(errorMessage(e));
      if (e instanceof ApiError && e.status === 409) onStale();
      return false;
    }
  };

  const only = choices.length === 1 ? choices[0].action : undefined;
  return (
    <ProCard title="审核信息" headerBordered>
      {refusal && <Alert type="error" showIcon message={refusal} style={{ marginBottom: 16 }} data-testid="review-refusal" />}
      <ProForm<DecisionInput>
        form={form}
        layout="horizontal"
        labelCol={{ span: 4 }}
        wrapperCol={{ span: 14 }}
        initialValues={{ action: only }}
        onFinish={submit}
        submitter={{ searchConfig: { submitText: '提交' }, resetButtonProps: false, render: (_, dom) => <div style={{ marginLeft: '16.6%' }}>{dom}</div> }}
      >
        <ProFormRadio.Group name="action" label="审核意见" rules={[{ required: true, message: '请选择审核意见' }]} options={choices.map((c) => ({ value: c.action, label: c.label }))} />
        <ProFormTextArea name="opinion" label={opinionLabel(action)} fieldProps={{ maxLength: OPINION_MAX_LENGTH, showCount: true, rows: 3 }} />
        <ProFormTextArea name="remark" label="备注" placeholder="选填：意见的备注" fieldProps={{ maxLength: REMARK_MAX_LENGTH, showCount: true, rows: 2 }} />
        <ProForm.Item name="attachmentIds" label="附件">
          <AttachmentUpload />
        </ProForm.Item>
      </ProForm>
    </ProCard>
  );
}
