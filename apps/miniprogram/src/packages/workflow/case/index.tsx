import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { EvaluationFormType, WorkflowAction, WorkflowCaseDetail, WorkflowErrorCode, payloadRows, payloadSections } from '@szpm/contract';
import { useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../../../api';
import { AttachmentPicker } from '../../../components/AttachmentPicker';
import { CaseHistory, ReturnBanner } from '../../../components/CaseHistory';
import { useConfirmDialog } from '../../../components/ConfirmDialog';
import { InfoRows, Section } from '../../../components/InfoRows';
import { LoadState } from '../../../components/LoadState';
import { SegmentTabs } from '../../../components/SegmentTabs';
import { useLoader } from '../../../hooks/useLoader';
import { formatDateTime } from '../../../logic/format';
import {
  canDecide,
  decisionChoices,
  decisionConfirmation,
  decisionProblem,
  decisionRequest,
  DecisionForm,
  doneMessage,
  emptyDecision,
  OPINION_MAX_LENGTH,
  opinionLabel,
  reasonRequired,
  REMARK_MAX_LENGTH,
  returnOf,
  submitLabel,
} from '../../../logic/workflow-decision';
import { actionFailureMessage } from '../../../logic/session-ended';
import { ROUTES, routeTo } from '../../../routes';
import { toast } from '../../../utils/feedback';
import { back, intParam } from '../../../utils/navigation';
import { Button } from '../../../ui/button';
import { Tag } from '../../../ui/tag';
import { TextArea } from '../../../ui/textarea';

type Tab = 'info' | 'audit';

/** One business form: 信息 (its content) and 审核信息 (history, and the decision when it waits for me). */
export default function CasePage() {
  const { params } = useRouter();
  const id = intParam(params, 'id');
  const loaded = useLoader(() => (id === null ? Promise.reject(new Error('业务单编号不正确')) : api.workflow.detail(id)), [id]);
  const [tab, setTab] = useState<Tab>('info');

  usePullDownRefresh(() => {
    void loaded.reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className="page" id="case-page">
      <LoadState loaded={loaded} id="case">
        {(detail) => (
          <>
            <View className="card">
              <Text className="case-card__type">{detail.formTypeLabel}</Text>
              <Text className="case-card__title" id="case-title">
                {detail.title}
              </Text>
              <Text className="muted">业务单号：{detail.businessNo}</Text>
              <Text className="muted" id="case-status">
                当前环节：{detail.statusLabel}
              </Text>
              {returnOf(detail) && (
                <View id="case-returned">
                  <Tag type="warning">已退回</Tag>
                </View>
              )}
            </View>
            <SegmentTabs
              id="case-tabs"
              tabs={[
                { value: 'info', label: '信息' },
                { value: 'audit', label: canDecide(detail) ? '审核信息（待办）' : '审核信息' },
              ]}
              value={tab}
              onChange={setTab}
            />
            {tab === 'info' ? <CaseInfo detail={detail} /> : <CaseAudit detail={detail} onDone={() => void loaded.reload()} />}
          </>
        )}
      </LoadState>
    </View>
  );
}

function CaseInfo({ detail }: { detail: WorkflowCaseDetail }) {
  const sections = payloadSections(detail.payload);
  return (
    <>
      <Section title="业务信息" id="case-info">
        <InfoRows rows={payloadRows(detail.payload)} />
      </Section>
      {sections.map((section) => (
        <Section key={section.title} title={section.title}>
          <InfoRows rows={section.rows} />
        </Section>
      ))}
      <Section title="办理情况">
        <InfoRows
          rows={[
            { label: '发起人', value: detail.initiatorName },
            { label: '发起时间', value: formatDateTime(detail.createdAt) },
            { label: '办结时间', value: formatDateTime(detail.finishedAt) },
            { label: '附件', value: detail.attachments.length ? detail.attachments.map((a) => a.fileName).join('、') : '无' },
          ]}
        />
      </Section>
    </>
  );
}

/** Forms a handler corrects in their entry screen after 退回上一级 (the others are resubmitted as they are). */
const ENTRY_SCREENS: Partial<Record<string, typeof ROUTES.badRecordEntry | typeof ROUTES.riskListEntry>> = {
  [EvaluationFormType.BAD_RECORD_DETERMINATION]: ROUTES.badRecordEntry,
  [EvaluationFormType.RISK_LIST_DETERMINATION]: ROUTES.riskListEntry,
};

function CaseAudit({ detail, onDone }: { detail: WorkflowCaseDetail; onDone: () => void }) {
  // a returned determination is corrected and submitted again in its entry screen: that is its one way back
  const correctIn = detail.allowedActions.includes(WorkflowAction.SUBMIT) ? ENTRY_SCREENS[detail.formType] : undefined;
  const choices = useMemo(() => decisionChoices(detail.allowedActions, correctIn !== undefined), [detail.allowedActions, correctIn]);
  const returned = returnOf(detail);
  const confirmation = useConfirmDialog('case-confirm');
  const [form, setForm] = useState<DecisionForm>(() => emptyDecision(choices));
  const [busy, setBusy] = useState(false);
  useEffect(() => setForm(emptyDecision(choices)), [choices, detail.version]);

  const submit = async () => {
    const problem = decisionProblem(form);
    if (problem) {
      toast(problem);
      return;
    }
    const words = decisionConfirmation(form.action!, detail);
    if (words && !(await confirmation.ask(words))) return;
    setBusy(true);
    try {
      await api.workflow.act(detail.id, decisionRequest(form, detail.version));
      toast(doneMessage(form.action!, detail.formType));
      setTimeout(() => back(ROUTES.todos), 800);
      onDone();
    } catch (error) {
      const message = actionFailureMessage(error);
      if (message) toast(message);
      // someone else acted first: show the form as it stands now
      if (error instanceof ApiError && (error.code === WorkflowErrorCode.CONFLICT || error.code === WorkflowErrorCode.ACTION_NOT_ALLOWED)) onDone();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {returned && <ReturnBanner entry={returned} id="case-return" />}
      <Section title="审批流程记录">
        <CaseHistory history={detail.history} />
      </Section>
      {correctIn && (
        <Section title="修改录入内容">
          <Button id="case-correct" block onClick={() => void Taro.navigateTo({ url: routeTo(correctIn, { caseId: detail.id }) })}>
            修改后重新提交
          </Button>
        </Section>
      )}
      {choices.length > 0 && (
        <Section title="审核意见" id="case-decision">
          <View className="choices">
            {choices.map((choice) => (
              <View
                key={choice.action}
                id={`decision-${choice.action}`}
                className={`choice${form.action === choice.action ? ' choice--active' : ''}${choice.sendsBack ? ' choice--warn' : ''}`}
                onClick={() => setForm((f) => ({ ...f, action: choice.action }))}
              >
                <Text>{choice.label}</Text>
              </View>
            ))}
          </View>
          <Text className="form-row__label" id="decision-opinion-label">
            {reasonRequired(form.action) && <Text className="form-error">* </Text>}
            {opinionLabel(form.action)}
          </Text>
          <TextArea
            id="decision-opinion"
            placeholder={reasonRequired(form.action) ? '请写明理由' : '请输入审核意见'}
            value={form.opinion}
            maxLength={OPINION_MAX_LENGTH}
            showCount
            onChange={(opinion) => setForm((f) => ({ ...f, opinion }))}
          />
          <Text className="form-row__label">备注（选填）</Text>
          <TextArea id="decision-remark" placeholder="意见的备注" value={form.remark} maxLength={REMARK_MAX_LENGTH} onChange={(remark) => setForm((f) => ({ ...f, remark }))} />
          <AttachmentPicker id="decision-attachments" onChange={(attachmentIds) => setForm((f) => ({ ...f, attachmentIds }))} />
          <Button id="case-submit" type="primary" block loading={busy} onClick={() => void submit()}>
            {submitLabel(form.action)}
          </Button>
        </Section>
      )}
      {confirmation.dialog}
    </>
  );
}
