import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { BuildingNode, DECISION_CATEGORY_LABELS, DecisionCategory, PropertyAreaListItem, Role, VOTE_CONVENER_LABELS, VOTE_MEETING_TYPE_LABELS, VOTE_SCOPE_LABELS, VoteDetail, VoteMeetingType, VoteScope } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../../api';
import { DateField } from '../../../components/DateField';
import { FieldLabel } from '../../../components/FieldLabel';
import { FieldError, Section } from '../../../components/InfoRows';
import { LoadState } from '../../../components/LoadState';
import { SelectField } from '../../../components/SelectField';
import { useLoader } from '../../../hooks/useLoader';
import { shanghaiToday } from '../../../logic/format';
import { convenerOptions, emptyTopic, emptyVoteForm, TopicForm, VoteActor, VoteField, voteFieldOf, VoteForm, voteFormOf, VoteProblems, voteProblems, voteRequest, toggled } from '../../../logic/owner-decisions';
import { actionFailureMessage } from '../../../logic/session-ended';
import { routeTo, ROUTES } from '../../../routes';
import { useSession } from '../../../session';
import { Button } from '../../../ui/button';
import { Input } from '../../../ui/input';
import { TextArea } from '../../../ui/textarea';
import { toast, toastSuccess } from '../../../utils/feedback';
import { intParam } from '../../../utils/navigation';
import { ApiError } from '@szpm/api-client';
import { loadVote } from '../vote-reads';

interface Start {
  /** the draft being edited (修改草稿), or null for 发起投票 */
  vote: VoteDetail | null;
  /** the areas the account may convene: its own (committee) or its street's */
  areas: PropertyAreaListItem[];
}

/** The areas a convener may choose: the committee's own, the street office's street. */
async function convenerAreas(actor: VoteActor): Promise<PropertyAreaListItem[]> {
  if (actor.role === Role.OWNERS_COMMITTEE) return api.propertyAreas.mine();
  return (await api.propertyAreas.list({ pageSize: 100 })).items;
}

/** 发起投票 (?propertyAreaId= preselects the area) / 修改草稿 (?id=). */
export default function OwnerDecisionEdit() {
  const { params } = useRouter();
  const { me } = useSession();
  const id = intParam(params, 'id');
  const loaded = useLoader(async (): Promise<Start> => {
    if (!me) throw new Error('请先登录');
    if (id !== null) return { vote: await loadVote(me, id), areas: [] };
    return { vote: null, areas: await convenerAreas(me) };
  }, [id, me?.id]);
  return (
    <View className="page" id="owner-decision-edit">
      <LoadState loaded={loaded} id="owner-edit">
        {(start) => me && <EditForm start={start} actor={me} presetAreaId={intParam(params, 'propertyAreaId')} />}
      </LoadState>
    </View>
  );
}

function EditForm({ start, actor, presetAreaId }: { start: Start; actor: VoteActor; presetAreaId: number | null }) {
  const conveners = convenerOptions(actor);
  const [form, setForm] = useState<VoteForm>(() => (start.vote ? voteFormOf(start.vote) : emptyVoteForm(conveners.length === 1 ? conveners[0] : null)));
  const [areaId, setAreaId] = useState<number | null>(start.vote?.propertyAreaId ?? presetAreaId ?? (start.areas.length === 1 ? start.areas[0].id : null));
  const [areaProblem, setAreaProblem] = useState<string | undefined>();
  const [problems, setProblems] = useState<VoteProblems>({});
  const [busy, setBusy] = useState(false);
  const buildings = useLoader(() => (areaId === null || form.scope !== VoteScope.BUILDINGS ? Promise.resolve<BuildingNode[]>([]) : api.propertyAreas.buildings(areaId)), [areaId, form.scope]);
  const today = shanghaiToday();

  const change = (patch: Partial<VoteForm>, field: VoteField) => {
    setForm((f) => ({ ...f, ...patch }));
    setProblems((p) => ({ ...p, [field]: undefined }));
  };
  const changeTopic = (index: number, patch: Partial<TopicForm>) => {
    setForm((f) => ({ ...f, topics: f.topics.map((t, i) => (i === index ? { ...t, ...patch } : t)) }));
    setProblems((p) => ({ ...p, [`topic-${index}`]: undefined, topics: undefined }));
  };

  const save = async () => {
    const found = voteProblems(form);
    const noArea = start.vote === null && areaId === null ? '请选择物业区域' : undefined;
    setProblems(found);
    setAreaProblem(noArea);
    if (noArea || Object.keys(found).length) return toast(noArea ?? Object.values(found)[0]!);
    setBusy(true);
    try {
      const body = voteRequest(form);
      const saved = start.vote ? await api.ownerDecisions.update(start.vote.id, body) : await api.ownerDecisions.create({ ...body, propertyAreaId: areaId! });
      toastSuccess(start.vote ? '已保存' : '已保存为草稿');
      setTimeout(() => void Taro.redirectTo({ url: routeTo(ROUTES.ownerDecisionVote, { id: saved.id }) }), 800);
    } catch (error) {
      if (error instanceof ApiError) {
        const atFields: VoteProblems = {};
        for (const [field, message] of Object.entries(error.fieldErrors())) {
          const own = voteFieldOf(field);
          if (own) atFields[own] = message;
        }
        setProblems((p) => ({ ...p, ...atFields }));
      }
      const message = actionFailureMessage(error);
      if (message) toast(message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Section title={start.vote ? `修改草稿 · ${start.vote.voteNo}` : '发起投票'} id="owner-edit-basics">
        {start.vote ? (
          <Text className="muted">小区：{start.vote.propertyAreaName}</Text>
        ) : (
          <SelectField
            id="owner-edit-area"
            label="物业区域"
            placeholder="请选择物业区域"
            value={areaId}
            options={start.areas.map((a) => ({ value: a.id, label: a.name }))}
            onChange={(next) => {
              setAreaId(next);
              setAreaProblem(undefined);
              change({ buildingIds: [] }, 'buildingIds');
            }}
            error={areaProblem}
            emptyText="没有可发起投票的物业区域"
            required
          />
        )}
        <View className="form-row">
          <FieldLabel required>投票标题</FieldLabel>
          <Input id="owner-edit-title" placeholder="如：关于选聘物业服务企业的业主大会会议" value={form.title} maxLength={200} onChange={(title) => change({ title }, 'title')} />
          <FieldError message={problems.title} />
        </View>
        <SelectField
          id="owner-edit-meeting-type"
          label="会议类型"
          placeholder="请选择会议类型"
          value={form.meetingType}
          options={Object.values(VoteMeetingType).map((value) => ({ value, label: VOTE_MEETING_TYPE_LABELS[value] }))}
          onChange={(meetingType) => change({ meetingType }, 'meetingType')}
          error={problems.meetingType}
          required
        />
        <SelectField
          id="owner-edit-convener"
          label="召集人"
          placeholder="请选择召集人"
          value={form.convener}
          options={conveners.map((value) => ({ value, label: VOTE_CONVENER_LABELS[value] }))}
          onChange={(convener) => change({ convener }, 'convener')}
          error={problems.convener}
          required
        />
        <FieldLabel required>投票范围</FieldLabel>
        <View className="choices" id="owner-edit-scope">
          {Object.values(VoteScope).map((scope) => (
            <View key={scope} id={`owner-edit-scope-${scope}`} className={`choice${form.scope === scope ? ' choice--active' : ''}`} onClick={() => change({ scope }, 'scope')}>
              <Text>{VOTE_SCOPE_LABELS[scope]}</Text>
            </View>
          ))}
        </View>
        <FieldError message={problems.scope} />
        {form.scope === VoteScope.BUILDINGS && (
          <LoadState loaded={buildings} id="owner-edit-buildings" homeLink={false}>
            {(list) => (
              <>
                {areaId === null && <Text className="muted">请先选择物业区域</Text>}
                {areaId !== null && list.length === 0 && <Text className="muted">该物业区域没有登记楼栋</Text>}
                <View className="choices" id="owner-edit-building-list">
                  {list.map((b) => (
                    <View key={b.id} id={`owner-edit-building-${b.id}`} className={`choice${form.buildingIds.includes(b.id) ? ' choice--active' : ''}`} onClick={() => change({ buildingIds: toggled(form.buildingIds, b.id) }, 'buildingIds')}>
                      <Text>
                        {b.name}（{b.houseCount}户）
                      </Text>
                    </View>
                  ))}
                </View>
              </>
            )}
          </LoadState>
        )}
        <FieldError message={problems.buildingIds} />
      </Section>
      <Section title="表决时间" id="owner-edit-times">
        <DateField id="owner-edit-begin-date" label="开始日期" value={form.beginDate} start={today} onChange={(beginDate) => change({ beginDate }, 'beginAt')} required />
        <View className="form-row">
          <FieldLabel required>开始时间</FieldLabel>
          <Input id="owner-edit-begin-time" placeholder="时:分，如 09:00" value={form.beginTime} maxLength={8} onChange={(beginTime) => change({ beginTime }, 'beginAt')} />
          <FieldError message={problems.beginAt} />
        </View>
        <DateField id="owner-edit-end-date" label="结束日期" value={form.endDate} start={form.beginDate || today} onChange={(endDate) => change({ endDate }, 'endAt')} required />
        <View className="form-row">
          <FieldLabel required>结束时间</FieldLabel>
          <Input id="owner-edit-end-time" placeholder="时:分，如 18:00" value={form.endTime} maxLength={8} onChange={(endTime) => change({ endTime }, 'endAt')} />
          <FieldError message={problems.endAt} />
        </View>
      </Section>
      <Section title="表决议题" id="owner-edit-topics">
        {form.topics.map((topic, index) => (
          <View className="card" key={index} id={`owner-edit-topic-${index}`}>
            <FieldLabel required>议题{index + 1}</FieldLabel>
            <TextArea id={`owner-edit-topic-${index}-content`} placeholder="请输入议题内容" value={topic.content} maxLength={1000} onChange={(content) => changeTopic(index, { content })} />
            <SelectField
              id={`owner-edit-topic-${index}-category`}
              label="议题类别"
              placeholder="请选择议题类别"
              value={topic.category}
              options={Object.values(DecisionCategory).map((value) => ({ value, label: DECISION_CATEGORY_LABELS[value] }))}
              onChange={(category) => changeTopic(index, { category })}
              required
            />
            <FieldError message={problems[`topic-${index}`]} />
            {form.topics.length > 1 && (
              <Button id={`owner-edit-topic-${index}-remove`} type="danger" fill="outline" onClick={() => setForm((f) => ({ ...f, topics: f.topics.filter((_, i) => i !== index) }))}>
                删除议题
              </Button>
            )}
          </View>
        ))}
        <FieldError message={problems.topics} />
        <Button id="owner-edit-topic-add" fill="outline" type="primary" onClick={() => setForm((f) => ({ ...f, topics: [...f.topics, emptyTopic()] }))}>
          添加议题
        </Button>
      </Section>
      <View className="actions">
        <Button id="owner-edit-save" block type="primary" loading={busy} disabled={busy} onClick={() => void save()}>
          保存草稿
        </Button>
      </View>
    </>
  );
}
