import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { DiscontentReason, EVALUATION_TARGET_LABELS, EvaluationItem, EvaluationTarget, OwnerEvaluationForm, OwnerMe, STAR_MAX } from '@szpm/contract';
import { useState } from 'react';
import { errorMessage } from '../../../api';
import { ownerApi } from '../../../api/owner';
import { FieldError, Section } from '../../../components/InfoRows';
import { LoadState } from '../../../components/LoadState';
import { useLoader } from '../../../hooks/useLoader';
import { AnswerDraft, AnswerDrafts, answerProblems, blankAnswer, evaluationRequest, isLowStar, STAR_WORDS } from '../../../logic/owner-evaluation';
import { ROUTES } from '../../../routes';
import { Button } from '../../../ui/button';
import { Checkbox } from '../../../ui/checkbox';
import { Input } from '../../../ui/input';
import { TextArea } from '../../../ui/textarea';
import { toast, toastSuccess } from '../../../utils/feedback';
import { back, intParam } from '../../../utils/navigation';
import { EvaluationCard } from '../EvaluationCard';
import { OwnerGate } from '../OwnerGate';
import '../owner.scss';

/**
 * 业主评价 of one bound house (?houseId=&target=): this month's form — every item 1–5 stars, 不满意原因
 * (catalogue or 其他) for three stars or fewer, an optional comment, 匿名 towards the company — or,
 * once submitted, the evaluation with its reply.
 */
export default function OwnerEvaluate() {
  const { params } = useRouter();
  const houseId = intParam(params, 'houseId');
  const target = params.target === EvaluationTarget.COMMITTEE ? EvaluationTarget.COMMITTEE : EvaluationTarget.PROPERTY;
  return <OwnerGate>{(owner) => <Evaluate owner={owner} houseId={houseId} target={target} />}</OwnerGate>;
}

function Evaluate({ owner, houseId, target }: { owner: OwnerMe; houseId: number | null; target: EvaluationTarget }) {
  const house = owner.bindings.find((b) => b.houseId === houseId);
  const loaded = useLoader(() => ownerApi.evaluationForm(houseId ?? 0, target), [houseId, target], { enabled: house !== undefined });
  if (!house)
    return (
      <View className="page page--center" id="owner-evaluate-not-bound">
        <Text className="state-box__text">您未绑定该房屋，请先完成业主身份绑定</Text>
        <Button type="primary" onClick={() => back(ROUTES.ownerHome)}>
          我的小区
        </Button>
      </View>
    );
  return (
    <View className="page" id="owner-evaluate">
      <Text className="page__lead">
        {house.propertyAreaName} {house.houseLabel} · {EVALUATION_TARGET_LABELS[target]}
      </Text>
      <LoadState loaded={loaded} id="owner-evaluate-form">
        {(form) =>
          form.submitted ? (
            <>
              <Text className="muted" id="owner-evaluate-done">
                本月（{form.month}）已评价，每户每月可评价一次
              </Text>
              <EvaluationCard evaluation={form.submitted} id="owner-evaluate-submitted" />
            </>
          ) : (
            <Form form={form} onSubmitted={() => void loaded.reload()} />
          )
        }
      </LoadState>
    </View>
  );
}

function Form({ form, onSubmitted }: { form: OwnerEvaluationForm; onSubmitted: () => void }) {
  const [drafts, setDrafts] = useState<AnswerDrafts>({});
  const [comment, setComment] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [shownProblems, setShownProblems] = useState<Record<number, string>>({});
  const [busy, setBusy] = useState(false);
  const change = (itemId: number, patch: Partial<AnswerDraft>) => {
    setDrafts((d) => ({ ...d, [itemId]: { ...(d[itemId] ?? blankAnswer()), ...patch } }));
    setShownProblems((p) => ({ ...p, [itemId]: '' }));
  };

  const submit = async () => {
    const problems = answerProblems(form.items, drafts);
    setShownProblems(problems);
    if (Object.keys(problems).length) {
      toast('请完成每一个评价项');
      return;
    }
    setBusy(true);
    try {
      await ownerApi.submitEvaluation(evaluationRequest(form.houseId, form.target, form.items, drafts, comment, anonymous));
      toastSuccess('评价已提交');
      onSubmitted();
    } catch (error) {
      toast(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Section title={`${form.month} 月度评价`} id="owner-evaluate-items">
        {form.items.map((item) => (
          <ItemAnswer key={item.id} item={item} reasons={form.reasons} draft={drafts[item.id] ?? blankAnswer()} problem={shownProblems[item.id]} onChange={(patch) => change(item.id, patch)} />
        ))}
      </Section>
      <Section title="留言（选填）">
        <TextArea id="owner-evaluate-comment" placeholder="想对物业服务说的话" value={comment} maxLength={500} showCount onChange={setComment} />
        <View className="form-row" id="owner-evaluate-anonymous">
          <Checkbox checked={anonymous} onChange={setAnonymous}>
            匿名评价（物业服务企业看不到您的姓名和房号）
          </Checkbox>
        </View>
      </Section>
      <Button id="owner-evaluate-submit" type="primary" block loading={busy} onClick={() => void submit()}>
        提交评价
      </Button>
    </>
  );
}

function ItemAnswer({ item, reasons, draft, problem, onChange }: { item: EvaluationItem; reasons: DiscontentReason[]; draft: AnswerDraft; problem?: string; onChange: (patch: Partial<AnswerDraft>) => void }) {
  const toggle = (reasonId: number) => onChange({ reasonIds: draft.reasonIds.includes(reasonId) ? draft.reasonIds.filter((id) => id !== reasonId) : [...draft.reasonIds, reasonId] });
  return (
    <View className="owner-item" id={`owner-item-${item.id}`}>
      <Text className="owner-item__name">{item.name}</Text>
      <View className="owner-stars">
        {Array.from({ length: STAR_MAX }, (_, i) => i + 1).map((star) => (
          <Text key={star} id={`owner-item-${item.id}-star-${star}`} className={`owner-star${star <= draft.star ? ' owner-star--on' : ''}`} onClick={() => onChange({ star })}>
            ★
          </Text>
        ))}
        {draft.star > 0 && <Text className="muted">{STAR_WORDS[draft.star]}</Text>}
      </View>
      {isLowStar(draft.star) && (
        <View id={`owner-item-${item.id}-reasons`}>
          <Text className="muted">不满意原因（可多选）</Text>
          <View className="owner-reasons">
            {reasons.map((r) => (
              <Text key={r.id} id={`owner-item-${item.id}-reason-${r.id}`} className={`owner-reason${draft.reasonIds.includes(r.id) ? ' owner-reason--on' : ''}`} onClick={() => toggle(r.id)}>
                {r.name}
              </Text>
            ))}
          </View>
          <Input id={`owner-item-${item.id}-other`} placeholder="其他原因（选填）" value={draft.otherReason} maxLength={200} onChange={(otherReason) => onChange({ otherReason })} />
        </View>
      )}
      <FieldError message={problem || undefined} />
    </View>
  );
}
