import { useDidShow, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { VOTE_CONVENER_LABELS, VOTE_MEETING_TYPE_LABELS, VoteDetail } from '@szpm/contract';
import { useRef, useState } from 'react';
import { api } from '../../../api';
import { useConfirmDialog } from '../../../components/ConfirmDialog';
import { DateField } from '../../../components/DateField';
import { FieldLabel } from '../../../components/FieldLabel';
import { FieldError, InfoRows, Section } from '../../../components/InfoRows';
import { VoteTopicCard } from '../../../components/VoteTopicCard';
import { LoadState } from '../../../components/LoadState';
import { useLoader } from '../../../hooks/useLoader';
import { formatDateTime } from '../../../logic/format';
import { areaText, checkProblem, extensionProblems, shanghaiInstant, voteActions } from '../../../logic/owner-decisions';
import { actionFailureMessage, fieldProblems } from '../../../logic/session-ended';
import { ROUTES } from '../../../routes';
import { useSession } from '../../../session';
import { Button } from '../../../ui/button';
import { Input } from '../../../ui/input';
import { Tag } from '../../../ui/tag';
import { TextArea } from '../../../ui/textarea';
import { toast, toastSuccess } from '../../../utils/feedback';
import { go, intParam } from '../../../utils/navigation';
import { loadVote } from '../vote-reads';

/** 投票详情 (?id=): the vote, its topics, the results from 询异 on, and what the account may do in its state. */
export default function OwnerDecisionVote() {
  const { params } = useRouter();
  const id = intParam(params, 'id');
  const { me } = useSession();
  const loaded = useLoader(() => (id === null ? Promise.reject(new Error('投票编号不正确')) : loadVote(me!, id)), [id, me?.id], { enabled: me !== null });
  // back from 修改 / 纸质选票录入: what was changed there is shown
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void loaded.reload();
    shown.current = true;
  });
  return (
    <View className="page" id="owner-decision-vote">
      <LoadState loaded={loaded} id="owner-vote">
        {(vote) => <VoteView vote={vote} reload={loaded.reload} />}
      </LoadState>
    </View>
  );
}

function VoteView({ vote, reload }: { vote: VoteDetail; reload: () => Promise<void> }) {
  const { me } = useSession();
  const actions = me ? voteActions(me, vote) : null;
  const rows = [
    { label: '投票编号', value: vote.voteNo },
    { label: '小区', value: vote.propertyAreaName },
    { label: '会议类型', value: VOTE_MEETING_TYPE_LABELS[vote.meetingType] },
    { label: '召集人', value: VOTE_CONVENER_LABELS[vote.convener] },
    { label: '投票范围', value: vote.scopeLabel },
    { label: '开始时间', value: formatDateTime(vote.beginAt) },
    { label: '结束时间', value: formatDateTime(vote.endAt) },
    { label: '状态', value: vote.stateLabel },
  ];
  if (vote.totalPersons !== null && vote.totalAreaHundredths !== null) rows.push({ label: '总人数 / 总面积', value: `${vote.totalPersons} 人 / ${areaText(vote.totalAreaHundredths)}` });
  if (vote.delayed) {
    rows.push({ label: '原结束时间', value: formatDateTime(vote.oldEndAt) });
    rows.push({ label: '延期原因', value: vote.delayReason ?? '' });
  }
  if (vote.checkNote) rows.push({ label: '核实意见', value: vote.checkNote });
  return (
    <>
      <Section title={vote.title} id="owner-vote-info" extra={vote.delayed ? <Tag type="warning">已延期</Tag> : undefined}>
        <InfoRows rows={rows} />
      </Section>
      <Section title="表决议题" id="owner-vote-topics">
        {vote.topics.map((topic) => (
          <VoteTopicCard key={topic.id} topic={topic} id={`owner-vote-topic-${topic.id}`} />
        ))}
      </Section>
      {actions?.edit && (
        <View className="actions">
          <Button id="owner-vote-edit" block fill="outline" type="primary" onClick={() => go(ROUTES.ownerDecisionEdit, { id: vote.id })}>
            修改
          </Button>
        </View>
      )}
      {actions?.submit && <SubmitAction vote={vote} reload={reload} />}
      {actions?.check && <CheckAction vote={vote} reload={reload} />}
      {actions?.paperBallots && (
        <View className="actions">
          <Button id="owner-vote-paper" block fill="outline" type="primary" onClick={() => go(ROUTES.ownerDecisionPaperBallots, { id: vote.id })}>
            纸质选票录入
          </Button>
        </View>
      )}
      {actions?.extend && <ExtendAction vote={vote} reload={reload} />}
    </>
  );
}

function SubmitAction({ vote, reload }: { vote: VoteDetail; reload: () => Promise<void> }) {
  const confirmation = useConfirmDialog('owner-vote-submit-confirm');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const street = vote.convener === 'STREET_OFFICE';
    if (!(await confirmation.ask({ title: '提交投票', content: street ? '街道办发起的投票提交后直接发布，到开始时间自动开始表决。' : '提交后由所在街道办核实，核实通过后发布，到开始时间自动开始表决。', confirmText: '提交' }))) return;
    setBusy(true);
    try {
      const next = await api.ownerDecisions.submit(vote.id);
      toastSuccess(next.stateLabel);
      await reload();
    } catch (error) {
      const message = actionFailureMessage(error);
      if (message) toast(message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="actions">
      <Button id="owner-vote-submit" block type="primary" loading={busy} disabled={busy} onClick={() => void submit()}>
        提交
      </Button>
      {confirmation.dialog}
    </View>
  );
}

function CheckAction({ vote, reload }: { vote: VoteDetail; reload: () => Promise<void> }) {
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const check = async (approve: boolean) => {
    const found = checkProblem(approve, note);
    setProblem(found ?? undefined);
    if (found) return;
    setBusy(true);
    try {
      await api.ownerDecisions.check(vote.id, { approve, ...(note.trim() ? { note: note.trim() } : {}) });
      toastSuccess(approve ? '已核实通过' : '已退回');
      await reload();
    } catch (error) {
      setProblem(fieldProblems(error, { note: 'note' }).note);
      const message = actionFailureMessage(error);
      if (message) toast(message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title="街道核实" id="owner-vote-check">
      <View className="form-row">
        <FieldLabel>核实意见（退回时必填）</FieldLabel>
        <TextArea id="owner-vote-check-note" placeholder="请输入核实意见" value={note} maxLength={500} onChange={(value) => { setNote(value); setProblem(undefined); }} />
        <FieldError message={problem} />
      </View>
      <View className="actions actions--inline">
        <Button id="owner-vote-approve" type="primary" loading={busy} disabled={busy} onClick={() => void check(true)}>
          核实通过
        </Button>
        <Button id="owner-vote-return" type="danger" fill="outline" disabled={busy} onClick={() => void check(false)}>
          退回
        </Button>
      </View>
    </Section>
  );
}

function ExtendAction({ vote, reload }: { vote: VoteDetail; reload: () => Promise<void> }) {
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<{ endAt?: string; reason?: string }>({});
  const [busy, setBusy] = useState(false);
  const extend = async () => {
    const found = extensionProblems(vote.endAt, date, time, reason);
    setProblems(found);
    if (found.endAt || found.reason) return;
    setBusy(true);
    try {
      await api.ownerDecisions.extend(vote.id, { endAt: shanghaiInstant(date, time)!, reason: reason.trim() });
      toastSuccess('已延期');
      await reload();
    } catch (error) {
      setProblems(fieldProblems(error, { endAt: 'endAt', reason: 'reason' }));
      const message = actionFailureMessage(error);
      if (message) toast(message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title="延期（表决期间可延期一次）" id="owner-vote-extend">
      <DateField id="owner-vote-extend-date" label="新的结束日期" value={date} onChange={setDate} start={formatDateTime(vote.endAt).slice(0, 10)} required />
      <View className="form-row">
        <FieldLabel required>新的结束时间</FieldLabel>
        <Input id="owner-vote-extend-time" placeholder="时:分，如 18:00" value={time} maxLength={8} onChange={setTime} />
        <FieldError message={problems.endAt} />
      </View>
      <View className="form-row">
        <FieldLabel required>延期原因</FieldLabel>
        <TextArea id="owner-vote-extend-reason" placeholder="请输入延期原因" value={reason} maxLength={500} onChange={setReason} />
        <FieldError message={problems.reason} />
      </View>
      <View className="actions">
        <Button id="owner-vote-extend-submit" block type="warning" loading={busy} disabled={busy} onClick={() => void extend()}>
          延期
        </Button>
      </View>
    </Section>
  );
}
