import { PageContainer, ProCard, ProForm, ProFormRadio, ProFormTextArea } from '@ant-design/pro-components';
import { EvaluationFormType, OBJECTION_FORM_TYPE, WorkflowAction, type WorkflowCaseDetail } from '@szpm/contract';
import { Alert, Button, Descriptions, Empty, Form, message, Modal, Spin } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, errorMessage } from '../../api';
import { useWorkflowCase } from '../../components/use-workflow-case';
import {
  correctionPath,
  decisionChoices,
  decisionConfirmation,
  decisionProblem,
  decisionRequest,
  doneMessage,
  OPINION_MAX_LENGTH,
  opinionLabel,
  payloadRows,
  payloadSections,
  REMARK_MAX_LENGTH,
  type DecisionValues,
} from '../../logic/evaluation';
import { CaseHistoryTable } from '../todos/CaseDetailPage';
import { AttachmentLinks, AttachmentUpload } from './components';
import { ObjectionDraftEditor } from './ObjectionDraftEditor';

type Tab = 'record' | 'review' | 'history';

/** The record tab's name, as the manual calls it for each form. */
function recordTabName(formType: string): string {
  switch (formType) {
    case EvaluationFormType.BAD_RECORD_DETERMINATION:
      return '不良信息与计分信息';
    case EvaluationFormType.RISK_LIST_DETERMINATION:
      return '被纳入风险名单的不良信息';
    case OBJECTION_FORM_TYPE:
      return '异议信息';
    default:
      return '业务信息';
  }
}

/** The record page a form is about (撤销 / 恢复 and 异议 name one), or null. */
function recordLink(detail: WorkflowCaseDetail): string | null {
  const recordId = typeof detail.payload.recordId === 'number' ? detail.payload.recordId : null;
  if (recordId === null) return null;
  const risk = [EvaluationFormType.RISK_LIST_REVOCATION, EvaluationFormType.RISK_LIST_RESTORATION].includes(detail.formType as EvaluationFormType) || detail.payload.target === 'RISK_LIST_ENTRY';
  const bad = [EvaluationFormType.BAD_RECORD_REVOCATION, EvaluationFormType.BAD_RECORD_RESTORATION].includes(detail.formType as EvaluationFormType) || detail.payload.target === 'BAD_RECORD';
  if (risk) return `/evaluation/risk-list/${recordId}`;
  return bad ? `/evaluation/bad-records/${recordId}` : null;
}

/**
 * 办理 (审批列表 → 办理, 审核事项查询 → 查看): the form's content, 审核信息 with the decisions the
 * api allows the caller (确认受理, 同意 / 不同意 / 退回上一级, 拟同意 / 拟不同意, 退回补录) and remarks,
 * and 审批流程记录.
 */
export default function CaseReviewPage() {
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const tab: Tab = (['record', 'review', 'history'] as const).find((t) => t === params.get('tab')) ?? 'record';
  const { detail, setDetail, error } = useWorkflowCase(id, '业务单编号无效');

  if (error) return <PageContainer title="办理"><Alert type="error" showIcon message={error} /></PageContainer>;
  if (!detail) return <PageContainer title="办理"><Spin /></PageContainer>;

  const choices = decisionChoices(detail.allowedActions);
  return (
    <PageContainer
      title={detail.title}
      subTitle={`${detail.businessNo} · ${detail.statusLabel}`}
      tabList={[
        { key: 'record', tab: recordTabName(detail.formType) },
        { key: 'review', tab: choices.length ? '审核信息（待办）' : '审核信息' },
        { key: 'history', tab: '审批流程记录' },
      ]}
      tabActiveKey={tab}
      onTabChange={(key) => setParams({ tab: key }, { replace: true })}
    >
      {tab === 'record' && <RecordTab detail={detail} onChange={setDetail} />}
      {tab === 'review' && <ReviewTab detail={detail} onDone={(next) => { setDetail(next); setParams({ tab: 'history' }, { replace: true }); }} />}
      {tab === 'history' && (
        <ProCard>
          <CaseHistoryTable history={detail.history} />
        </ProCard>
      )}
    </PageContainer>
  );
}

function RecordTab({ detail, onChange }: { detail: WorkflowCaseDetail; onChange: (next: WorkflowCaseDetail) => void }) {
  const navigate = useNavigate();
  const correction = correctionPath(detail);
  const link = recordLink(detail);
  return (
    <>
      {correction && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="该业务单已退回，请修改后重新提交"
          action={<Button type="primary" onClick={() => navigate(correction)}>修改后重新提交</Button>}
        />
      )}
      <ProCard title="业务单" headerBordered>
        <Descriptions column={3} size="small">
          <Descriptions.Item label="业务单号">{detail.businessNo}</Descriptions.Item>
          <Descriptions.Item label="业务类型">{detail.formTypeLabel}</Descriptions.Item>
          <Descriptions.Item label="办理状态">{detail.statusLabel}</Descriptions.Item>
          <Descriptions.Item label="发起人">{detail.initiatorName}</Descriptions.Item>
          <Descriptions.Item label="发起时间">{dayjs(detail.createdAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
          <Descriptions.Item label="办结时间">{detail.finishedAt ? dayjs(detail.finishedAt).format('YYYY-MM-DD HH:mm') : '未办结'}</Descriptions.Item>
        </Descriptions>
      </ProCard>
      <ProCard title={recordTabName(detail.formType)} headerBordered style={{ marginTop: 16 }} extra={link ? <Link to={link}>查看原信息</Link> : undefined}>
        <Descriptions column={2} bordered size="small" data-testid="case-payload">
          {payloadRows(detail.payload).map((row) => (
            <Descriptions.Item key={row.label} label={row.label} span={row.value.length > 30 ? 2 : 1}>
              {row.value}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label="附件" span={2}>
            <AttachmentLinks attachments={detail.attachments} />
          </Descriptions.Item>
        </Descriptions>
      </ProCard>
      {payloadSections(detail.payload).map((section) => (
        <ProCard
          key={section.title}
          title={section.title}
          headerBordered
          style={{ marginTop: 16 }}
          extra={section.title !== '原信息' && detail.formType === OBJECTION_FORM_TYPE ? <ObjectionDraftEditor detail={detail} onSaved={onChange} /> : undefined}
        >
          <Descriptions column={2} bordered size="small">
            {section.rows.map((row) => (
              <Descriptions.Item key={row.label} label={row.label}>
                {row.value}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </ProCard>
      ))}
    </>
  );
}

function ReviewTab({ detail, onDone }: { detail: WorkflowCaseDetail; onDone: (next: WorkflowCaseDetail) => void }) {
  const [form] = Form.useForm<DecisionValues>();
  // a returned determination is corrected in the entry form, so 提交 is not offered twice
  const choices = decisionChoices(detail.allowedActions, correctionPath(detail) !== null);
  const action = Form.useWatch('action', form) as WorkflowAction | undefined;

  if (!choices.length) {
    return (
      <ProCard>
        <Empty description={`当前无需您办理（${detail.statusLabel}）。审批意见见“审批流程记录”。`} />
      </ProCard>
    );
  }

  const submit = async (values: DecisionValues) => {
    const problem = decisionProblem(values);
    if (problem) {
      message.error(problem);
      return false;
    }
    const words = decisionConfirmation(values.action!, detail);
    if (words) {
      const confirmed = await new Promise<boolean>((resolve) =>
        Modal.confirm({ title: words.title, content: words.content, okText: words.okText, cancelText: '取消', onOk: () => resolve(true), onCancel: () => resolve(false) }),
      );
      if (!confirmed) return false;
    }
    try {
      const next = await api.workflow.act(detail.id, decisionRequest(values, detail.version));
      message.success(doneMessage(values.action!, detail.formType));
      onDone(next);
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    }
  };

  const only = choices.length === 1 ? choices[0].action : undefined;
  return (
    <ProCard title="审核信息" headerBordered>
      <ProForm<DecisionValues>
        form={form}
        layout="horizontal"
        labelCol={{ span: 4 }}
        wrapperCol={{ span: 14 }}
        initialValues={{ action: only }}
        onFinish={submit}
        submitter={{
          searchConfig: { submitText: action === WorkflowAction.ACCEPT ? '确认受理' : '提交' },
          resetButtonProps: false,
          render: (_, dom) => <div style={{ marginLeft: '16.6%' }}>{dom}</div>,
        }}
      >
        <ProFormRadio.Group name="action" label="审核意见" rules={[{ required: true, message: '请选择审核意见' }]} options={choices.map((c) => ({ value: c.action, label: c.label }))} />
        {action !== WorkflowAction.ACCEPT && (
          <>
            <ProFormTextArea name="opinion" label={opinionLabel(action)} fieldProps={{ maxLength: OPINION_MAX_LENGTH, showCount: true, rows: 3 }} />
            <ProFormTextArea name="remark" label="备注" placeholder="选填：意见的备注" fieldProps={{ maxLength: REMARK_MAX_LENGTH, showCount: true, rows: 2 }} />
            <ProForm.Item name="attachmentIds" label="附件">
              <AttachmentUpload />
            </ProForm.Item>
          </>
        )}
      </ProForm>
    </ProCard>
  );
}
