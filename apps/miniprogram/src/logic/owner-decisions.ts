import {
  DecisionCategory,
  GrantAction,
  ModuleGrantSummary,
  ModuleKey,
  PaperBallotRow,
  Role,
  UpdateVoteRequest,
  VoteChoice,
  VoteConvener,
  VoteDetail,
  VoteMeetingType,
  VoteScope,
  VoteState,
} from '@szpm/contract';
import { formatDateTime } from './format';
import { holds } from './home-modules';

/** The actor as the vote pages need it: the role and the module grants of GET /auth/me. */
export interface VoteActor {
  role: Role;
  modules: ModuleGrantSummary[];
}

/** What the actor may do to a vote in its state (the api checks the area too and names a refusal). */
export interface VoteActions {
  edit: boolean;
  submit: boolean;
  /** 核实通过 / 退回 */
  check: boolean;
  /** 延期: once, while voting */
  extend: boolean;
  /** 纸质选票录入 */
  paperBallots: boolean;
}

const COMMITTEE_CONVENERS: readonly VoteConvener[] = [VoteConvener.COMMITTEE, VoteConvener.PREPARATORY_GROUP, VoteConvener.RE_ELECTION_GROUP];

function isStreetOffice(actor: VoteActor): boolean {
  return actor.role === Role.STREET_OFFICER && holds(actor.modules, ModuleKey.OWNER_DECISIONS, GrantAction.OPERATE);
}

/** Whether the actor is of the vote's convener kind: the street office for its own votes, the committee account for the others. */
export function convenesVote(actor: VoteActor, convener: VoteConvener): boolean {
  if (convener === VoteConvener.STREET_OFFICE) return isStreetOffice(actor);
  return actor.role === Role.OWNERS_COMMITTEE && COMMITTEE_CONVENERS.includes(convener);
}

/** Whether the actor may start a vote at all (发起投票): a committee account or a street office. */
export function mayConvene(actor: VoteActor): boolean {
  return actor.role === Role.OWNERS_COMMITTEE || isStreetOffice(actor);
}

export function voteActions(actor: VoteActor, vote: Pick<VoteDetail, 'state' | 'convener' | 'delayed'>): VoteActions {
  const convener = convenesVote(actor, vote.convener);
  const draft = vote.state === VoteState.DRAFT;
  const voting = vote.state === VoteState.VOTING;
  return {
    edit: convener && draft,
    submit: convener && draft,
    check: vote.state === VoteState.SUBMITTED && isStreetOffice(actor),
    extend: convener && voting && !vote.delayed,
    paperBallots: convener && voting,
  };
}

/** The conveners an account may name: the street office only itself, the committee account the owners' bodies. */
export function convenerOptions(actor: VoteActor): VoteConvener[] {
  return actor.role === Role.STREET_OFFICER ? [VoteConvener.STREET_OFFICE] : [...COMMITTEE_CONVENERS];
}

export interface TopicForm {
  content: string;
  category: DecisionCategory | null;
}

/** 发起投票 / 修改草稿; times are Shanghai wall-clock: a date (YYYY-MM-DD) and a time (HH:mm or HH:mm:ss). */
export interface VoteForm {
  title: string;
  meetingType: VoteMeetingType | null;
  convener: VoteConvener | null;
  scope: VoteScope;
  buildingIds: number[];
  beginDate: string;
  beginTime: string;
  endDate: string;
  endTime: string;
  topics: TopicForm[];
}

export type VoteField = 'title' | 'meetingType' | 'convener' | 'scope' | 'buildingIds' | 'beginAt' | 'endAt' | 'topics' | `topic-${number}`;

export type VoteProblems = Partial<Record<VoteField, string>>;

export const emptyTopic = (): TopicForm => ({ content: '', category: null });

export function emptyVoteForm(convener: VoteConvener | null): VoteForm {
  return { title: '', meetingType: null, convener, scope: VoteScope.AREA, buildingIds: [], beginDate: '', beginTime: '', endDate: '', endTime: '', topics: [emptyTopic()] };
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A Shanghai wall-clock date and time as an instant (ISO, UTC), or null when either is not well formed. */
export function shanghaiInstant(date: string, time: string): string | null {
  const t = TIME.exec(time.trim());
  if (!DATE.test(date) || !t) return null;
  const instant = new Date(`${date}T${t[1]}:${t[2]}:${t[3] ?? '00'}+08:00`);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

/** An instant as Shanghai wall-clock date and time (to the minute, as the lists show it). */
export function shanghaiParts(iso: string): { date: string; time: string } {
  const [date, time] = formatDateTime(iso).split(' ');
  return { date, time };
}

/** The problems to show before anything is sent (the api checks the same and names its own). */
export function voteProblems(form: VoteForm): VoteProblems {
  const problems: VoteProblems = {};
  if (!form.title.trim()) problems.title = '请填写投票标题';
  if (!form.meetingType) problems.meetingType = '请选择会议类型';
  if (!form.convener) problems.convener = '请选择召集人';
  if (form.scope === VoteScope.BUILDINGS && form.buildingIds.length === 0) problems.buildingIds = '投票范围为部分楼栋时须选择楼栋';
  const beginAt = shanghaiInstant(form.beginDate, form.beginTime);
  const endAt = shanghaiInstant(form.endDate, form.endTime);
  if (!beginAt) problems.beginAt = '请选择开始日期并填写时间（时:分）';
  if (!endAt) problems.endAt = '请选择结束日期并填写时间（时:分）';
  else if (beginAt && endAt <= beginAt) problems.endAt = '结束时间须晚于开始时间';
  if (form.topics.length === 0) problems.topics = '至少需要一个表决议题';
  form.topics.forEach((topic, i) => {
    if (!topic.content.trim()) problems[`topic-${i}`] = '请填写议题内容';
    else if (!topic.category) problems[`topic-${i}`] = '请选择议题类别';
  });
  return problems;
}

/** The body of PATCH /votes/:id (and, with the area, of POST /votes), from a form without problems. */
export function voteRequest(form: VoteForm): UpdateVoteRequest {
  const problems = voteProblems(form);
  if (Object.keys(problems).length) throw new Error(Object.values(problems)[0]);
  return {
    title: form.title.trim(),
    meetingType: form.meetingType!,
    convener: form.convener!,
    scope: form.scope,
    ...(form.scope === VoteScope.BUILDINGS ? { buildingIds: [...form.buildingIds] } : {}),
    beginAt: shanghaiInstant(form.beginDate, form.beginTime)!,
    endAt: shanghaiInstant(form.endDate, form.endTime)!,
    topics: form.topics.map((t) => ({ content: t.content.trim(), category: t.category! })),
  };
}

/** A draft back into the form (修改草稿). */
export function voteFormOf(vote: VoteDetail): VoteForm {
  const begin = shanghaiParts(vote.beginAt);
  const end = shanghaiParts(vote.endAt);
  return {
    title: vote.title,
    meetingType: vote.meetingType,
    convener: vote.convener,
    scope: vote.scope,
    buildingIds: [...vote.buildingIds],
    beginDate: begin.date,
    beginTime: begin.time,
    endDate: end.date,
    endTime: end.time,
    topics: vote.topics.map((t) => ({ content: t.content, category: t.category })),
  };
}

/** The api's field names (its 400 `details`) → the form's fields; `topics.N.*` goes to that topic. */
export function voteFieldOf(apiField: string): VoteField | null {
  const topic = /^topics\.(\d+)/.exec(apiField);
  if (topic) return `topic-${Number(topic[1])}`;
  const own: Record<string, VoteField> = { title: 'title', meetingType: 'meetingType', convener: 'convener', scope: 'scope', buildingIds: 'buildingIds', beginAt: 'beginAt', endAt: 'endAt', topics: 'topics' };
  return own[apiField.split('.')[0]] ?? null;
}

export function toggled<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** 退回 needs a note (核实意见); 核实通过 does not. */
export function checkProblem(approve: boolean, note: string): string | null {
  return !approve && !note.trim() ? '退回时须填写核实意见' : null;
}

/** 延期: a reason and a new end later than the current end. */
export function extensionProblems(currentEndAt: string, date: string, time: string, reason: string): { endAt?: string; reason?: string } {
  const problems: { endAt?: string; reason?: string } = {};
  const endAt = shanghaiInstant(date, time);
  if (!endAt) problems.endAt = '请选择新的结束日期并填写时间（时:分）';
  else if (new Date(endAt).getTime() <= new Date(currentEndAt).getTime()) problems.endAt = '延期后的结束时间须晚于原结束时间';
  if (!reason.trim()) problems.reason = '请填写延期原因';
  return problems;
}

/** One row of 纸质选票录入 as entered: a house, the paper's number and a choice per topic. */
export interface PaperRowForm {
  /** the building the house is picked from */
  buildingId: number | null;
  houseId: number | null;
  paperNo: string;
  choices: Record<number, VoteChoice | undefined>;
}

export const emptyPaperRow = (): PaperRowForm => ({ buildingId: null, houseId: null, paperNo: '', choices: {} });

/** Each row's problem (by index): a house, a number, a choice for every topic, no house twice. */
export function paperRowProblems(rows: PaperRowForm[], topicIds: number[]): Record<number, string> {
  const problems: Record<number, string> = {};
  const seen = new Set<number>();
  rows.forEach((row, i) => {
    if (row.houseId === null) problems[i] = '请选择房屋';
    else if (seen.has(row.houseId)) problems[i] = '同一房屋在本批纸质选票中出现了多次';
    else if (!row.paperNo.trim()) problems[i] = '请填写纸质票号';
    else if (topicIds.some((id) => !row.choices[id])) problems[i] = '请为每个议题选择表决意见';
    if (row.houseId !== null) seen.add(row.houseId);
  });
  return problems;
}

/** The batch of POST /votes/:id/paper-ballots, from rows without problems. */
export function paperBallotRows(rows: PaperRowForm[], topicIds: number[]): PaperBallotRow[] {
  const problems = paperRowProblems(rows, topicIds);
  const first = Object.values(problems)[0];
  if (first) throw new Error(first);
  return rows.map((row) => ({ houseId: row.houseId!, paperNo: row.paperNo.trim(), choices: topicIds.map((topicId) => ({ topicId, choice: row.choices[topicId]! })) }));
}

/** Hundredths of a square metre (a decimal string) as ㎡ with two decimals, without float rounding. */
export function areaText(hundredths: string): string {
  const digits = hundredths.replace(/^-/, '').padStart(3, '0');
  return `${hundredths.startsWith('-') ? '-' : ''}${BigInt(digits.slice(0, -2)).toString()}.${digits.slice(-2)}㎡`;
}
