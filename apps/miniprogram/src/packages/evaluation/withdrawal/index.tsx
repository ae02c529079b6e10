import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { api, EvaluationRecordKind } from '../../../api';
import { AttachmentPicker } from '../../../components/AttachmentPicker';
import { useConfirmDialog } from '../../../components/ConfirmDialog';
import { FieldLabel } from '../../../components/FieldLabel';
import { FieldError, Section } from '../../../components/InfoRows';
import { entryDoneMessage, withdrawalConfirmation } from '../../../logic/record-entry';
import { actionFailureMessage } from '../../../logic/session-ended';
import { ROUTES, routeTo } from '../../../routes';
import { toast } from '../../../utils/feedback';
import { intParam } from '../../../utils/navigation';
import { Button } from '../../../ui/button';
import { TextArea } from '../../../ui/textarea';

const REASON_MAX = 500;
const KIND_LABEL: Record<EvaluationRecordKind, string> = { 'bad-record': '不良信息', 'risk-list': '风险名单' };

/** 不良信息 / 风险名单 撤销 or 恢复, 第一环节 录入初审: the reason and attachments; then 认定审核. */
export default function Withdrawal() {
  const { params } = useRouter();
  const kind: EvaluationRecordKind = params.kind === 'risk-list' ? 'risk-list' : 'bad-record';
  const mode = params.mode === 'restorations' ? 'restorations' : 'revocations';
  const id = intParam(params, 'id');
  const title = `${KIND_LABEL[kind]}${mode === 'revocations' ? '撤销' : '恢复'}`;
  const [reason, setReason] = useState('');
  const [attachmentIds, setAttachmentIds] = useState<number[]>([]);
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const confirmation = useConfirmDialog('withdrawal-confirm');
  useEffect(() => void Taro.setNavigationBarTitle({ title }), [title]);

  const submit = async () => {
    const text = reason.trim();
    if (!text) return setProblem(`请填写${mode === 'revocations' ? '撤销' : '恢复'}的原因`);
    if (text.length > REASON_MAX) return setProblem(`原因不能超过${REASON_MAX}字`);
    if (id === null) return toast('记录编号不正确');
    if (!(await confirmation.ask(withdrawalConfirmation(KIND_LABEL[kind], mode)))) return;
    setBusy(true);
    try {
      const started = await api.evaluation.withdraw(kind, id, mode, { reason: text, ...(attachmentIds.length ? { attachmentIds } : {}), submit: true });
      toast(entryDoneMessage(false));
      setTimeout(() => void Taro.redirectTo({ url: routeTo(ROUTES.case, { id: started.id }) }), 800);
    } catch (error) {
      const message = actionFailureMessage(error);
      if (message) toast(message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page" id="withdrawal">
      <Section title={`${title} · 录入初审`}>
        <FieldLabel required>{mode === 'revocations' ? '撤销原因' : '恢复原因'}</FieldLabel>
        <TextArea id="withdrawal-reason" placeholder="请输入原因" value={reason} maxLength={REASON_MAX} showCount onChange={(text) => { setReason(text); setProblem(undefined); }} />
        <FieldError message={problem} />
        <AttachmentPicker id="withdrawal-attachments" onChange={setAttachmentIds} />
        <Button id="withdrawal-submit" type="primary" block loading={busy} onClick={() => void submit()}>
          提交
        </Button>
        {confirmation.dialog}
      </Section>
    </View>
  );
}
