import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { DISPUTE_DISPOSAL_LABELS, DISPUTE_OUTCOME_LABELS, DisputeDetail, DisputeDisposal, DisputeOutcome } from '@szpm/contract';
import { useState } from 'react';
import { ApiError } from '../../../api';
import { disputesApi } from '../../../api/disputes';
import { AttachmentPicker } from '../../../components/AttachmentPicker';
import { useConfirmDialog } from '../../../components/ConfirmDialog';
import { DateField } from '../../../components/DateField';
import { FieldLabel } from '../../../components/FieldLabel';
import { FieldError, InfoRows, Section } from '../../../components/InfoRows';
import { LoadState } from '../../../components/LoadState';
import { useLoader } from '../../../hooks/useLoader';
import {
  deadlineText,
  HANDLE_API_FIELDS,
  HandleField,
  HandleForm,
  handleConfirmation,
  handledMessage,
  handleFormOf,
  handleProblems,
  handleRequest,
  HANDLING_NOTE_MAX,
  ISSUES_MAX,
} from '../../../logic/disputes';
import { formatDate, shanghaiToday } from '../../../logic/format';
import { actionFailureMessage, fieldProblems } from '../../../logic/session-ended';
import { ROUTES } from '../../../routes';
import { toast } from '../../../utils/feedback';
import { back, intParam } from '../../../utils/navigation';
import { Button } from '../../../ui/button';
import { TextArea } from '../../../ui/textarea';
import { DisputeHistory } from '../DisputeHistory';
import '../disputes.scss';

const DISPOSALS = Object.keys(DISPUTE_DISPOSAL_LABELS) as DisputeDisposal[];
const OUTCOMES = Object.keys(DISPUTE_OUTCOME_LABELS) as DisputeOutcome[];

/**
 * 处理 a 矛盾纠纷件 (`?id=`): 处置方式 (化解 / 疏导), then 处置情况 (案结事了 / 案结事未了), 答复日期,
 * 化解疏导情况, 存在问题 and attachments; 办结 sends it to review and goes back to the case.
 */
export default function DisputeHandlePage() {
  const id = intParam(useRouter().params, 'id');
  const loaded = useLoader(() => (id === null ? Promise.reject(new Error('矛盾纠纷件编号不正确')) : disputesApi.detail(id)), [id]);
  return (
    <View className="page" id="dispute-handle">
      <LoadState loaded={loaded} id="dispute-handle-case">
        {(detail) => <HandleFormView key={detail.version} detail={detail} onStale={() => void loaded.reload()} />}
      </LoadState>
    </View>
  );
}

function HandleFormView({ detail, onStale }: { detail: DisputeDetail; onStale: () => void }) {
  const [form, setForm] = useState<HandleForm>(() => handleFormOf(detail));
  const [problems, setProblems] = useState<Partial<Record<HandleField, string>>>({});
  const [busy, setBusy] = useState(false);
  const confirmation = useConfirmDialog('dispute-handle-confirm');
  const today = shanghaiToday();
  const enteredOn = formatDate(detail.enteredAt);
  const change = (patch: Partial<HandleForm>, field: HandleField) => {
    setForm((f) => ({ ...f, ...patch }));
    setProblems((p) => ({ ...p, [field]: undefined }));
  };

  const submit = async () => {
    const found = handleProblems(form, enteredOn, today);
    setProblems(found);
    if (Object.keys(found).length) return toast(Object.values(found)[0]!);
    if (!(await confirmation.ask(handleConfirmation(detail)))) return;
    setBusy(true);
    try {
      const after = await disputesApi.handle(detail.id, handleRequest(form, detail.version));
      toast(handledMessage(after));
      setTimeout(() => back(ROUTES.disputes), 800);
    } catch (error) {
      setProblems((p) => ({ ...p, ...fieldProblems(error, HANDLE_API_FIELDS) }));
      const message = actionFailureMessage(error);
      if (message) toast(message);
      // someone acted first: the case as it stands now (a form no longer theirs shows its refusal)
      if (error instanceof ApiError && error.status === 409) onStale();
    } finally {
      setBusy(false);
    }
  };

  const choice = (id: string, active: boolean, label: string, onClick: () => void) => (
    <View key={id} id={id} className={`choice${active ? ' choice--active' : ''}`} onClick={onClick}>
      <Text>{label}</Text>
    </View>
  );

  return (
    <>
      <View className="card" id="dispute-handle-head">
        <Text className="case-card__type">{detail.categoryName}</Text>
        <Text className="case-card__title">{detail.propertyAreaName}</Text>
        <Text className="muted">编号：{detail.businessNo}</Text>
        <InfoRows
          rows={[
            { label: '纠纷简述', value: detail.summary },
            { label: '诉求', value: detail.demand },
            { label: '办理时限', value: deadlineText(detail) },
          ]}
        />
      </View>
      <Section title="处理" id="dispute-handle-form">
        <View className="form-row">
          <FieldLabel required>处置方式</FieldLabel>
          <View className="choices">
            {DISPOSALS.map((disposal) => choice(`dispute-handle-disposal-${disposal}`, form.disposal === disposal, DISPUTE_DISPOSAL_LABELS[disposal], () => change({ disposal }, 'disposal')))}
          </View>
          <FieldError message={problems.disposal} />
        </View>
        <View className="form-row">
          <FieldLabel required>处置情况</FieldLabel>
          {form.disposal ? (
            <View className="choices">
              {OUTCOMES.map((outcome) => choice(`dispute-handle-outcome-${outcome}`, form.outcome === outcome, DISPUTE_OUTCOME_LABELS[outcome], () => change({ outcome }, 'outcome')))}
            </View>
          ) : (
            <Text className="muted">请先选择处置方式</Text>
          )}
          <FieldError message={problems.outcome} />
        </View>
        <DateField id="dispute-handle-replied" label="答复日期" value={form.repliedAt} start={enteredOn} end={today} onChange={(repliedAt) => change({ repliedAt }, 'repliedAt')} error={problems.repliedAt} required />
        <View className="form-row">
          <FieldLabel required>化解疏导情况</FieldLabel>
          <TextArea id="dispute-handle-note" placeholder="如何化解或疏导，双方的态度和结果" value={form.handlingNote} maxLength={HANDLING_NOTE_MAX} showCount onChange={(handlingNote) => change({ handlingNote }, 'handlingNote')} />
          <FieldError message={problems.handlingNote} />
        </View>
        <View className="form-row">
          <FieldLabel>存在问题（选填）</FieldLabel>
          <TextArea id="dispute-handle-issues" placeholder="尚未解决的问题" value={form.issues} maxLength={ISSUES_MAX} onChange={(issues) => change({ issues }, 'issues')} />
          <FieldError message={problems.issues} />
        </View>
        <AttachmentPicker id="dispute-handle-attachments" label="附件（选填）" onChange={(attachmentIds) => change({ attachmentIds }, 'attachments')} />
        <FieldError message={problems.attachments} />
        <Button id="dispute-handle-submit" type="primary" block loading={busy} onClick={() => void submit()}>
          办结
        </Button>
      </Section>
      <Section title="历程">
        <DisputeHistory history={detail.history} />
      </Section>
      {confirmation.dialog}
    </>
  );
}
