import { DecisionCategory, GrantAction, ModuleKey, Role, VoteChoice, VoteConvener, VoteDetail, VoteMeetingType, VoteScope, VoteState } from '@szpm/contract';
import { describe, expect, it } from 'vitest';
import {
  areaText,
  checkProblem,
  convenerOptions,
  emptyPaperRow,
  emptyVoteForm,
  extensionProblems,
  paperBallotRows,
  paperRowProblems,
  shanghaiInstant,
  voteActions,
  VoteActor,
  voteFieldOf,
  VoteForm,
  voteFormOf,
  voteProblems,
  voteRequest,
} from '../../src/logic/owner-decisions';

const street: VoteActor = { role: Role.STREET_OFFICER, modules: [{ module: ModuleKey.OWNER_DECISIONS, label: '业主决策情况', actions: [GrantAction.VIEW, GrantAction.OPERATE] }] };
const streetViewOnly: VoteActor = { role: Role.STREET_OFFICER, modules: [{ module: ModuleKey.OWNER_DECISIONS, label: '业主决策情况', actions: [GrantAction.VIEW] }] };
const committee: VoteActor = { role: Role.OWNERS_COMMITTEE, modules: [] };
const officer: VoteActor = { role: Role.DISTRICT_HANDLER, modules: [{ module: ModuleKey.OWNER_DECISIONS, label: '业主决策情况', actions: [GrantAction.VIEW, GrantAction.OPERATE] }] };

const filled = (): VoteForm => ({
  ...emptyVoteForm(VoteConvener.COMMITTEE),
  title: ' 关于选聘物业服务企业 ',
  meetingType: VoteMeetingType.EXTRAORDINARY,
  beginDate: '2026-12-10',
  beginTime: '09:00',
  endDate: '2026-12-20',
  endTime: '18:30:15',
  topics: [
    { content: ' 选聘甲物业 ', category: DecisionCategory.HIRE_COMPANY },
    { content: '筹集维修资金', category: DecisionCategory.RAISE_FUND },
  ],
});

describe('业主决策: who may do what to a vote', () => {
  it('lets the committee edit and submit its draft, extend once and enter paper ballots while voting, never check', () => {
    const draft = { state: VoteState.DRAFT, convener: VoteConvener.COMMITTEE, delayed: false };
    expect(voteActions(committee, draft)).toEqual({ edit: true, submit: true, check: false, extend: false, paperBallots: false });
    expect(voteActions(committee, { ...draft, state: VoteState.SUBMITTED })).toEqual({ edit: false, submit: false, check: false, extend: false, paperBallots: false });
    expect(voteActions(committee, { ...draft, state: VoteState.VOTING })).toEqual({ edit: false, submit: false, check: false, extend: true, paperBallots: true });
    // 延期 once: a delayed vote keeps paper ballots but not another extension
    expect(voteActions(committee, { ...draft, state: VoteState.VOTING, delayed: true })).toMatchObject({ extend: false, paperBallots: true });
    expect(voteActions(committee, { ...draft, state: VoteState.PUBLICITY })).toMatchObject({ extend: false, paperBallots: false });
  });

  it('lets the street office check a committee vote awaiting it, and convene its own', () => {
    const submitted = { state: VoteState.SUBMITTED, convener: VoteConvener.PREPARATORY_GROUP, delayed: false };
    expect(voteActions(street, submitted)).toEqual({ edit: false, submit: false, check: true, extend: false, paperBallots: false });
    // a committee's vote is the committee's to edit and extend, not the street's
    expect(voteActions(street, { ...submitted, state: VoteState.DRAFT })).toMatchObject({ edit: false, submit: false });
    expect(voteActions(street, { ...submitted, state: VoteState.VOTING })).toMatchObject({ extend: false, paperBallots: false });
    expect(voteActions(street, { state: VoteState.VOTING, convener: VoteConvener.STREET_OFFICE, delayed: false })).toMatchObject({ extend: true, paperBallots: true });
    // without the module's operate grant the street office only reads
    expect(voteActions(streetViewOnly, submitted).check).toBe(false);
    // a district officer only reads
    expect(Object.values(voteActions(officer, submitted)).some(Boolean)).toBe(false);
  });

  it('offers each account the conveners it may name', () => {
    expect(convenerOptions(street)).toEqual([VoteConvener.STREET_OFFICE]);
    expect(convenerOptions(committee)).toEqual([VoteConvener.COMMITTEE, VoteConvener.PREPARATORY_GROUP, VoteConvener.RE_ELECTION_GROUP]);
  });
});

describe('业主决策: the vote form', () => {
  it('reads Shanghai wall-clock times as instants', () => {
    expect(shanghaiInstant('2026-12-10', '09:00')).toBe('2026-12-10T01:00:00.000Z');
    expect(shanghaiInstant('2026-12-10', '00:30:05')).toBe('2026-12-09T16:30:05.000Z');
    expect(shanghaiInstant('2026-12-10', '24:00')).toBeNull();
    expect(shanghaiInstant('', '09:00')).toBeNull();
  });

  it('names every missing field before anything is sent', () => {
    const problems = voteProblems({ ...emptyVoteForm(null), scope: VoteScope.BUILDINGS, topics: [{ content: '甲', category: null }, { content: ' ', category: DecisionCategory.OTHER }] });
    expect(Object.keys(problems).sort()).toEqual(['beginAt', 'buildingIds', 'convener', 'endAt', 'meetingType', 'title', 'topic-0', 'topic-1'].sort());
    expect(problems['topic-0']).toBe('请选择议题类别');
    expect(problems['topic-1']).toBe('请填写议题内容');
    expect(voteProblems({ ...filled(), endDate: '2026-12-10', endTime: '09:00' }).endAt).toBe('结束时间须晚于开始时间');
    expect(voteProblems({ ...filled(), topics: [] }).topics).toBe('至少需要一个表决议题');
    expect(voteProblems(filled())).toEqual({});
  });

  it('builds the request: trimmed, instants, buildings only for 部分楼栋', () => {
    expect(voteRequest(filled())).toEqual({
      title: '关于选聘物业服务企业',
      meetingType: VoteMeetingType.EXTRAORDINARY,
      convener: VoteConvener.COMMITTEE,
      scope: VoteScope.AREA,
      beginAt: '2026-12-10T01:00:00.000Z',
      endAt: '2026-12-20T10:30:15.000Z',
      topics: [
        { content: '选聘甲物业', category: DecisionCategory.HIRE_COMPANY },
        { content: '筹集维修资金', category: DecisionCategory.RAISE_FUND },
      ],
    });
    expect(voteRequest({ ...filled(), buildingIds: [3], scope: VoteScope.AREA }).buildingIds).toBeUndefined();
    expect(voteRequest({ ...filled(), scope: VoteScope.BUILDINGS, buildingIds: [3, 5] }).buildingIds).toEqual([3, 5]);
    expect(() => voteRequest({ ...filled(), title: '' })).toThrow('请填写投票标题');
  });

  it('reads a draft back into the form (to the minute)', () => {
    const draft = { title: 't', meetingType: VoteMeetingType.REGULAR, convener: VoteConvener.COMMITTEE, scope: VoteScope.BUILDINGS, buildingIds: [4], beginAt: '2026-12-10T01:00:00.000Z', endAt: '2026-12-20T10:30:00.000Z', topics: [{ id: 1, seq: 1, content: '议题', category: DecisionCategory.OTHER, categoryLabel: '', result: null }] } as unknown as VoteDetail;
    expect(voteFormOf(draft)).toEqual({ title: 't', meetingType: VoteMeetingType.REGULAR, convener: VoteConvener.COMMITTEE, scope: VoteScope.BUILDINGS, buildingIds: [4], beginDate: '2026-12-10', beginTime: '09:00', endDate: '2026-12-20', endTime: '18:30', topics: [{ content: '议题', category: DecisionCategory.OTHER }] });
  });

  it('puts the api’s field errors at their fields', () => {
    expect(voteFieldOf('endAt')).toBe('endAt');
    expect(voteFieldOf('topics.1.content')).toBe('topic-1');
    expect(voteFieldOf('buildingIds.0')).toBe('buildingIds');
    expect(voteFieldOf('propertyAreaId')).toBeNull();
  });
});

describe('业主决策: check, extension and paper ballots', () => {
  it('needs a note to return, none to approve', () => {
    expect(checkProblem(false, '  ')).toBe('退回时须填写核实意见');
    expect(checkProblem(true, '')).toBeNull();
    expect(checkProblem(false, '时间太短')).toBeNull();
  });

  it('needs a reason and a new end after the current one', () => {
    const end = '2026-12-20T10:00:00.000Z';
    expect(extensionProblems(end, '2026-12-20', '18:00', '')).toEqual({ endAt: '延期后的结束时间须晚于原结束时间', reason: '请填写延期原因' });
    expect(extensionProblems(end, '2026-12-20', '18:01', '业主参与不足')).toEqual({});
    expect(extensionProblems(end, '', '', '原因').endAt).toBe('请选择新的结束日期并填写时间（时:分）');
  });

  it('checks each paper row and sends a choice for every topic', () => {
    const rows = [
      { ...emptyPaperRow(), buildingId: 1, houseId: 10, paperNo: ' P-1 ', choices: { 7: VoteChoice.AGREE, 8: VoteChoice.DISAGREE } },
      { ...emptyPaperRow(), buildingId: 1, houseId: 10, paperNo: 'P-2', choices: { 7: VoteChoice.AGREE, 8: VoteChoice.AGREE } },
      { ...emptyPaperRow(), buildingId: 1, houseId: 11, paperNo: 'P-3', choices: { 7: VoteChoice.ABSTAIN } },
      { ...emptyPaperRow(), buildingId: 1, houseId: 12, paperNo: '', choices: {} },
      emptyPaperRow(),
    ];
    expect(paperRowProblems(rows, [7, 8])).toEqual({ 1: '同一房屋在本批纸质选票中出现了多次', 2: '请为每个议题选择表决意见', 3: '请填写纸质票号', 4: '请选择房屋' });
    expect(() => paperBallotRows(rows, [7, 8])).toThrow('同一房屋');
    expect(paperBallotRows([rows[0]], [7, 8])).toEqual([{ houseId: 10, paperNo: 'P-1', choices: [{ topicId: 7, choice: VoteChoice.AGREE }, { topicId: 8, choice: VoteChoice.DISAGREE }] }]);
  });

  it('shows hundredths of a square metre exactly', () => {
    expect(areaText('123456')).toBe('1234.56㎡');
    expect(areaText('5')).toBe('0.05㎡');
    expect(areaText('90071992547409931')).toBe('900719925474099.31㎡');
  });
});
