import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { BuildingNode, MAX_PAGE_SIZE, PaperBallotsResult, VOTE_CHOICE_LABELS, VoteChoice, VoteDetail, VoteScope, VoteState } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../../api';
import { FieldLabel } from '../../../components/FieldLabel';
import { FieldError, Section } from '../../../components/InfoRows';
import { LoadState } from '../../../components/LoadState';
import { SelectField } from '../../../components/SelectField';
import { useLoader } from '../../../hooks/useLoader';
import { emptyPaperRow, paperBallotRows, PaperRowForm, paperRowProblems } from '../../../logic/owner-decisions';
import { actionFailureMessage } from '../../../logic/session-ended';
import { Button } from '../../../ui/button';
import { Input } from '../../../ui/input';
import { toast } from '../../../utils/feedback';
import { intParam } from '../../../utils/navigation';
import { useSession } from '../../../session';
import { loadVote } from '../vote-reads';

/** 纸质选票录入 (?id=): rows of house, 纸质票号 and a choice per topic, sent as one batch (all or nothing). */
export default function OwnerDecisionPaperBallots() {
  const { params } = useRouter();
  const id = intParam(params, 'id');
  const { me } = useSession();
  const loaded = useLoader(async () => {
    if (id === null) throw new Error('投票编号不正确');
    const vote = await loadVote(me!, id);
    const buildings = await api.propertyAreas.buildings(vote.propertyAreaId);
    // a vote of some buildings takes the ballots of those buildings only
    return { vote, buildings: vote.scope === VoteScope.BUILDINGS ? buildings.filter((b) => vote.buildingIds.includes(b.id)) : buildings };
  }, [id, me?.id], { enabled: me !== null });
  return (
    <View className="page" id="owner-decision-paper-ballots">
      <LoadState loaded={loaded} id="owner-paper">
        {({ vote, buildings }) => <PaperForm vote={vote} buildings={buildings} />}
      </LoadState>
    </View>
  );
}

function PaperForm({ vote, buildings }: { vote: VoteDetail; buildings: BuildingNode[] }) {
  const topicIds = vote.topics.map((t) => t.id);
  const [rows, setRows] = useState<PaperRowForm[]>([emptyPaperRow()]);
  const [problems, setProblems] = useState<Record<number, string>>({});
  const [result, setResult] = useState<PaperBallotsResult | null>(null);
  const [busy, setBusy] = useState(false);
  const changeRow = (index: number, patch: Partial<PaperRowForm>) => {
    setRows((all) => all.map((r, i) => (i === index ? { ...r, ...patch } : r)));
    setProblems((p) => ({ ...p, [index]: '' }));
  };

  const submit = async () => {
    const found = paperRowProblems(rows, topicIds);
    setProblems(found);
    if (Object.keys(found).length) return toast(Object.values(found)[0]);
    setBusy(true);
    try {
      const written = await api.ownerDecisions.paperBallots(vote.id, { rows: paperBallotRows(rows, topicIds) });
      setResult(written);
      setRows([emptyPaperRow()]);
    } catch (error) {
      const message = actionFailureMessage(error);
      if (message) toast(message);
    } finally {
      setBusy(false);
    }
  };

  if (vote.state !== VoteState.VOTING) {
    return (
      <Section title={vote.title}>
        <Text className="muted">该投票当前为“{vote.stateLabel}”，只有正在表决的投票可以录入纸质选票</Text>
      </Section>
    );
  }
  return (
    <>
      <Section title={vote.title} id="owner-paper-info">
        <Text className="muted">
          {vote.voteNo} · {vote.propertyAreaName} · {vote.scopeLabel}。已有电子投票的房屋以电子投票为准，本批全部录入或全部不录入。
        </Text>
      </Section>
      {result && (
        <Section title="录入结果" id="owner-paper-result">
          <Text id="owner-paper-written">已录入表决意见 {result.written} 条</Text>
          <Text className="muted" id="owner-paper-skipped">
            已有电子投票、未录入 {result.skippedElectronic} 条
          </Text>
        </Section>
      )}
      {rows.map((row, index) => (
        <PaperRow key={index} index={index} row={row} vote={vote} buildings={buildings} problem={problems[index]} onChange={(patch) => changeRow(index, patch)} onRemove={rows.length > 1 ? () => setRows((all) => all.filter((_, i) => i !== index)) : undefined} />
      ))}
      <View className="actions">
        <Button id="owner-paper-add" block fill="outline" type="primary" onClick={() => setRows((all) => [...all, emptyPaperRow()])}>
          添加一张选票
        </Button>
        <Button id="owner-paper-submit" block type="primary" loading={busy} disabled={busy} onClick={() => void submit()}>
          提交本批选票（{rows.length} 张）
        </Button>
      </View>
    </>
  );
}

function PaperRow({ index, row, vote, buildings, problem, onChange, onRemove }: { index: number; row: PaperRowForm; vote: VoteDetail; buildings: BuildingNode[]; problem?: string; onChange: (patch: Partial<PaperRowForm>) => void; onRemove?: () => void }) {
  const buildingId = row.buildingId;
  const houses = useLoader(() => (buildingId === null ? Promise.resolve({ items: [], total: 0, page: 1, pageSize: MAX_PAGE_SIZE }) : api.propertyAreas.houses(vote.propertyAreaId, { buildingId, pageSize: MAX_PAGE_SIZE })), [buildingId]);
  const prefix = `owner-paper-row-${index}`;
  return (
    <Section title={`选票 ${index + 1}`} id={prefix}>
      <SelectField
        id={`${prefix}-building`}
        label="楼栋"
        placeholder="请选择楼栋"
        value={buildingId}
        options={buildings.map((b) => ({ value: b.id, label: b.name }))}
        onChange={(next) => onChange({ buildingId: next, houseId: null })}
        emptyText="投票范围内没有楼栋"
        required
      />
      <SelectField
        id={`${prefix}-house`}
        label="房屋"
        placeholder={buildingId === null ? '请先选择楼栋' : '请选择房屋'}
        value={row.houseId}
        options={(houses.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.unitNo ? `${h.unitNo}单元` : ''}${h.roomNo}` }))}
        onChange={(houseId) => onChange({ houseId })}
        disabled={buildingId === null}
        emptyText={houses.loading ? '加载中…' : '该楼栋没有房屋'}
        required
      />
      <View className="form-row">
        <FieldLabel required>纸质票号</FieldLabel>
        <Input id={`${prefix}-paper-no`} placeholder="请输入纸质选票编号" value={row.paperNo} maxLength={64} onChange={(paperNo) => onChange({ paperNo })} />
      </View>
      {vote.topics.map((topic) => (
        <View className="form-row" key={topic.id}>
          <FieldLabel required>
            议题{topic.seq}：{topic.content}
          </FieldLabel>
          <View className="choices">
            {Object.values(VoteChoice).map((choice) => (
              <View key={choice} id={`${prefix}-topic-${topic.id}-${choice}`} className={`choice${row.choices[topic.id] === choice ? ' choice--active' : ''}`} onClick={() => onChange({ choices: { ...row.choices, [topic.id]: choice } })}>
                <Text>{VOTE_CHOICE_LABELS[choice]}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
      <FieldError message={problem} />
      {onRemove && (
        <Button id={`${prefix}-remove`} type="danger" fill="outline" onClick={onRemove}>
          删除此张
        </Button>
      )}
    </Section>
  );
}
