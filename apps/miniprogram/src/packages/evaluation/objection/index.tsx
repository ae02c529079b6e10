import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ObjectionDetail, WorkflowErrorCode, payloadRows, payloadSections } from '@szpm/contract';
import { useState } from 'react';
import { api, ApiError } from '../../../api';
import { AttachmentPicker } from '../../../components/AttachmentPicker';
import { CaseHistory } from '../../../components/CaseHistory';
import { FieldLabel } from '../../../components/FieldLabel';
import { InfoRows, Section } from '../../../components/InfoRows';
import { LoadState } from '../../../components/LoadState';
import { useLoader } from '../../../hooks/useLoader';
import {
  canSupplement,
  OBJECTION_TEXT_MAX,
  objectionProgressRows,
  objectionTag,
  SUPPLEMENT_REMARK_MAX,
  SupplementForm,
  supplementFormOf,
  supplementProblem,
  supplementRequest,
  supplementRequestOf,
} from '../../../logic/objection';
import { canDecide } from '../../../logic/workflow-decision';
import { ROUTES } from '../../../routes';
import { toast, toastError, toastSuccess } from '../../../utils/feedback';
import { go, intParam } from '../../../utils/navigation';
import { Button } from '../../../ui/button';
import { Tag } from '../../../ui/tag';
import { TextArea } from '../../../ui/textarea';

/**
 * 异议详情 (?id=): the filing unit follows its objection (status, the disputed record, its
 * statement, attachments, history and outcome) and, when it is returned (退回补录), supplements
 * it and files it again. The message telling the unit about a return or an outcome links here.
 */
export default function ObjectionPage() {
  const id = intParam(useRouter().params, 'id');
  const loaded = useLoader(() => (id === null ? Promise.reject(new Error('异议编号不正确')) : api.objections.detail(id)), [id]);
  usePullDownRefresh(() => void loaded.reload().finally(() => Taro.stopPullDownRefresh()));

  return (
    <View className="page" id="objection-page">
      <LoadState loaded={loaded} id="objection">
        {(detail) => <ObjectionView detail={detail} onChanged={() => void loaded.reload()} />}
      </LoadState>
    </View>
  );
}

function ObjectionView({ detail, onChanged }: { detail: ObjectionDetail; onChanged: () => void }) {
  const tag = objectionTag(detail);
  const payload = detail.case.payload as unknown as Record<string, unknown>;
  const supplement = canSupplement(detail);
  return (
    <>
      <View className="card">
        <View className="case-card__head">
          <Text className="case-card__type">{detail.targetLabel}异议</Text>
          <View id="objection-status">
            <Tag type={tag.type}>{tag.text}</Tag>
          </View>
        </View>
        <Text className="case-card__title">{detail.kindName}</Text>
        <Text className="muted">
          {detail.subjectName} · 业务单号 {detail.businessNo}
        </Text>
      </View>
      {supplement && <SupplementSection key={detail.case.version} detail={detail} onDone={onChanged} />}
      {!supplement && canDecide(detail.case) && (
        <Section>
          <Button id="objection-handle" type="primary" block onClick={() => go(ROUTES.case, { id: detail.caseId })}>
            去办理
          </Button>
        </Section>
      )}
      <Section title="异议申请" id="objection-statement">
        <InfoRows rows={payloadRows(payload)} />
      </Section>
      {payloadSections(payload).map((section) => (
        <Section key={section.title} title={section.title} id={section.title === '原信息' ? 'objection-original' : undefined}>
          <InfoRows rows={section.rows} />
        </Section>
      ))}
      <Section title="附件" id="objection-attachments">
        <Text className={detail.case.attachments.length ? '' : 'muted'}>{detail.case.attachments.length ? detail.case.attachments.map((a) => a.fileName).join('、') : '无'}</Text>
      </Section>
      <Section title="办理情况" id="objection-progress">
        <InfoRows rows={objectionProgressRows(detail)} />
      </Section>
      <Section title="审批流程记录">
        <CaseHistory history={detail.case.history} />
      </Section>
    </>
  );
}

/** 退回补录: what the handler asked for, the statement to supplement, more material, 重新提交. */
function SupplementSection({ detail, onDone }: { detail: ObjectionDetail; onDone: () => void }) {
  const originalText = detail.case.payload.text ?? '';
  const [form, setForm] = useState<SupplementForm>(() => supplementFormOf(detail));
  const [busy, setBusy] = useState(false);
  const asked = supplementRequestOf(detail.case.history);

  const submit = async () => {
    const problem = supplementProblem(form, originalText);
    if (problem) {
      toast(problem);
      return;
    }
    setBusy(true);
    try {
      await api.objections.resubmit(detail.id, supplementRequest(form, originalText, detail.case.version));
      toastSuccess('已重新提交');
      onDone();
    } catch (error) {
      toastError(error);
      // handled meanwhile: show the objection as it stands now
      if (error instanceof ApiError && (error.code === WorkflowErrorCode.CONFLICT || error.code === WorkflowErrorCode.ACTION_NOT_ALLOWED)) onDone();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="补充材料后重新提交" id="objection-supplement">
      <View className="notice" id="objection-supplement-request">
        <Text>退回补录{asked ? `：${asked}` : '，请补充异议内容或材料'}</Text>
      </View>
      <FieldLabel required>异议内容</FieldLabel>
      <TextArea id="objection-text" value={form.text} maxLength={OBJECTION_TEXT_MAX} showCount onChange={(text) => setForm((f) => ({ ...f, text }))} />
      <AttachmentPicker id="objection-attachments-new" label="补充材料" onChange={(attachmentIds) => setForm((f) => ({ ...f, attachmentIds }))} />
      <Text className="form-row__label">备注（选填）</Text>
      <TextArea id="objection-remark" placeholder="补充说明" value={form.remark} maxLength={SUPPLEMENT_REMARK_MAX} onChange={(remark) => setForm((f) => ({ ...f, remark }))} />
      <Button id="objection-resubmit" type="primary" block loading={busy} onClick={() => void submit()}>
        重新提交
      </Button>
    </Section>
  );
}
