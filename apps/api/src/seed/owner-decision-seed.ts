import { BallotSource, DecisionCategory, VOTE_MEETING_TYPE_LABELS, VoteChoice, VoteConvener, VoteMeetingType, VoteScope, VoteState } from '@szpm/contract';
import { DataSource, EntityManager } from 'typeorm';
import { shanghaiYear } from '../common/http/shanghai-time';
import { OwnerVote, OwnerVoteBallot, OwnerVoteTopic } from '../modules/owner-decisions/entities';
import { voteNumber } from '../modules/owner-decisions/vote-rules';
import { meetingParticipationBp, meetsThreshold, SIMPLE_MAJORITY, tallyTopic, TopicTally, topicResultColumns, VoteScope as TallyScope } from '../modules/owner-decisions/vote-tally';
import { VoteUnitsService } from '../modules/owner-decisions/vote-units.service';
import { BulkInserter } from './bulk-insert';
import { DEMO_OWNER_OPENIDS } from './owner-evaluation-seed';
import { pad } from './organisation';
import { SeededRandom } from './random';
import { nonEmptyTables, SeedTargetNotEmptyError } from './seed-writer';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * Domain notes 10e for the demo: 6–12 % of the areas hold a vote a year (here over the last
 * `historyYears`, all 已完成 by now); topic categories by the notes' shares; persons participation
 * ~ N(0.62, 0.15) clipped, so that about half the meetings reach 2/3; agreement among voters 60–90 %,
 * with some contested topics below half; a tenth of the votes extended once. On top of the history,
 * a fixed set of current votes in every state (SHOWCASE), whose counted ones are drawn until their
 * results fall on the planned side of each threshold.
 */
export interface OwnerDecisionSeedPlan {
  historyYears: number;
  /** of the eligible areas, those holding a vote in a year (drawn per year) */
  yearlyAreaShare: [number, number];
  /** persons taking part: mean and spread of the normal draw, and its clip */
  participation: { mean: number; sd: number; min: number; max: number };
  agreeShare: [number, number];
  /** of the topics, those the owners are split on, and their agreement */
  contestedShare: number;
  contestedAgree: [number, number];
  /** of the non-agreeing voters, those abstaining */
  abstainShare: number;
  delayedShare: number;
  /** of the votes, those balloted by some buildings only */
  buildingScopeShare: number;
  /** of the bound owners' ballots, those cast in the mini-program (the rest handed in on paper) */
  electronicShare: number;
  /** a voter leaves a topic blank */
  blankShare: number;
  categoryShares: ReadonlyArray<[DecisionCategory, number]>;
}

export const DEMO_OWNER_DECISION_PLAN: OwnerDecisionSeedPlan = {
  historyYears: 3,
  yearlyAreaShare: [0.06, 0.12],
  participation: { mean: 0.62, sd: 0.15, min: 0.25, max: 0.95 },
  agreeShare: [0.6, 0.9],
  contestedShare: 0.12,
  contestedAgree: [0.3, 0.48],
  abstainShare: 0.3,
  delayedShare: 0.1,
  buildingScopeShare: 0.15,
  electronicShare: 0.85,
  blankShare: 0.03,
  categoryShares: [
    [DecisionCategory.HIRE_COMPANY, 30],
    [DecisionCategory.USE_FUND, 25],
    [DecisionCategory.ELECT_COMMITTEE, 15],
    [DecisionCategory.RULES, 5],
    [DecisionCategory.COVENANT, 5],
    [DecisionCategory.COMMON_PART_USE, 8],
    [DecisionCategory.RAISE_FUND, 4],
    [DecisionCategory.REBUILD, 2],
    [DecisionCategory.FEES, 3],
    [DecisionCategory.BUDGET_REPORT, 2],
    [DecisionCategory.OTHER, 1],
  ],
};

/** The 询异 length the seed dates its votes by: the default of OWNER_DECISION_PUBLICITY_DAYS. */
export const SEED_PUBLICITY_DAYS = 7;

const TOPIC_TEXTS: Record<DecisionCategory, readonly string[]> = {
  [DecisionCategory.RULES]: ['修订《业主大会议事规则》', '制定《业主大会议事规则》'],
  [DecisionCategory.COVENANT]: ['修订《管理规约》（增加电动自行车停放与充电条款）', '制定《管理规约》'],
  [DecisionCategory.ELECT_COMMITTEE]: ['选举新一届业主委员会委员', '增补业主委员会委员两名', '罢免业主委员会委员一名'],
  [DecisionCategory.HIRE_COMPANY]: ['续聘现物业服务企业（服务期三年）', '解聘现物业服务企业并公开选聘新的物业服务企业', '通过招标选聘物业服务企业'],
  [DecisionCategory.USE_FUND]: ['使用专项维修资金更换电梯', '使用专项维修资金维修外墙及屋面防水', '使用专项维修资金改造消防系统'],
  [DecisionCategory.RAISE_FUND]: ['按每平方米 30 元筹集专项维修资金', '续筹专项维修资金（首期余额不足 30%）'],
  [DecisionCategory.REBUILD]: ['申请纳入城市更新计划，拆除重建', '加装电梯（改建楼栋出入口）'],
  [DecisionCategory.COMMON_PART_USE]: ['将地面架空层改建为电动自行车充电棚', '出租楼顶及外墙设置广告，收益归全体业主', '将绿化带部分改为临时停车位'],
  [DecisionCategory.BUDGET_REPORT]: ['审议业主委员会年度工作报告', '审议年度公共收益收支预算'],
  [DecisionCategory.FEES]: ['调整物业服务费标准', '审议物业服务内容、标准和收费方案'],
  [DecisionCategory.OTHER]: ['设立业主大会公共收益专户', '授权业主委员会处理小区公共收益'],
};

const DELAY_REASONS = ['参与表决的业主人数尚未达到三分之二，延长投票期限', '春节假期在外业主较多，延长投票期限', '纸质选票收集进度较慢，延长投票期限'];
const RETURN_NOTES = ['议题表述不清，请补充维修资金使用的具体项目和金额后重新提交', '投票时间与春节假期重叠，请调整投票起止时间'];

export interface DecisionSeedArea {
  id: number;
  name: string;
  districtId: number;
  streetId: number;
  communityId: number;
  /** the ACTIVE owners' committee account of the area, when it has one */
  committeeAccountId: number | null;
  /** the first ACTIVE officer of the area's street office */
  streetAccountId: number;
  /** buildings of the area that have houses */
  buildingIds: number[];
}

export interface OwnerDecisionSeedInput {
  /** 福田 / 南山 areas with bound owners and a street office account, by id */
  areas: readonly DecisionSeedArea[];
  /** house id → the identity bound to it (one per house) */
  boundIdentity: ReadonlyMap<number, number>;
  /** the area of the demo login demo.committee, and the houses of the first demo owner (they stay unballoted in its open vote) */
  demoCommitteeAreaId: number | null;
  demoOwnerHouseIds: ReadonlySet<number>;
}

type Raw = Array<Record<string, unknown>>;

/** What the seed reads back of the areas, accounts, buildings and owners' bindings already written. */
export async function loadOwnerDecisionSeedInput(manager: EntityManager, districtIds: readonly number[]): Promise<OwnerDecisionSeedInput> {
  const within = districtIds.map(() => '?').join(', ');
  const areas = (await manager.query(
    `SELECT a.id, a.name, a.districtId, a.streetId, a.communityId, a.ownersCommitteeId FROM property_areas a
     WHERE a.districtId IN (${within}) AND EXISTS (SELECT 1 FROM owner_house_bindings b WHERE b.propertyAreaId = a.id) ORDER BY a.id`,
    [...districtIds],
  )) as Raw;
  const accounts = (await manager.query(
    `SELECT id, username, role, streetId, unitCategory, unitId FROM accounts WHERE status = 'ACTIVE' AND (role = 'STREET_OFFICER' OR unitCategory = 'OWNERS_COMMITTEE') ORDER BY id`,
  )) as Raw;
  const streetAccount = new Map<number, number>();
  const committeeAccount = new Map<number, number>();
  for (const a of accounts) {
    if (a.role === 'STREET_OFFICER' && !streetAccount.has(Number(a.streetId))) streetAccount.set(Number(a.streetId), Number(a.id));
    if (a.unitCategory === 'OWNERS_COMMITTEE' && !committeeAccount.has(Number(a.unitId))) committeeAccount.set(Number(a.unitId), Number(a.id));
  }
  const buildings = (await manager.query(
    `SELECT DISTINCT propertyAreaId, buildingId FROM houses WHERE districtId IN (${within}) AND buildingId IS NOT NULL ORDER BY propertyAreaId, buildingId`,
    [...districtIds],
  )) as Raw;
  const buildingsOf = new Map<number, number[]>();
  for (const b of buildings) {
    const list = buildingsOf.get(Number(b.propertyAreaId)) ?? [];
    list.push(Number(b.buildingId));
    buildingsOf.set(Number(b.propertyAreaId), list);
  }
  const bindings = (await manager.query(`SELECT houseId, identityId FROM owner_house_bindings WHERE districtId IN (${within}) ORDER BY id`, [...districtIds])) as Raw;
  const boundIdentity = new Map<number, number>();
  for (const b of bindings) if (!boundIdentity.has(Number(b.houseId))) boundIdentity.set(Number(b.houseId), Number(b.identityId));
  const [demoCommittee] = (await manager.query(
    `SELECT c.propertyAreaId FROM accounts a JOIN owners_committees c ON c.id = a.unitId WHERE a.username = 'demo.committee' AND a.unitCategory = 'OWNERS_COMMITTEE'`,
  )) as Raw;
  const demoOwnerHouses = (await manager.query(
    `SELECT b.houseId FROM owner_house_bindings b JOIN owner_identities i ON i.id = b.identityId WHERE i.openid = ?`,
    [DEMO_OWNER_OPENIDS[0]],
  )) as Raw;
  return {
    areas: areas
      .filter((a) => streetAccount.has(Number(a.streetId)))
      .map((a) => ({
        id: Number(a.id),
        name: String(a.name),
        districtId: Number(a.districtId),
        streetId: Number(a.streetId),
        communityId: Number(a.communityId),
        committeeAccountId: a.ownersCommitteeId === null ? null : (committeeAccount.get(Number(a.ownersCommitteeId)) ?? null),
        streetAccountId: streetAccount.get(Number(a.streetId))!,
        buildingIds: buildingsOf.get(Number(a.id)) ?? [],
      })),
    boundIdentity,
    demoCommitteeAreaId: demoCommittee ? Number(demoCommittee.propertyAreaId) : null,
    demoOwnerHouseIds: new Set(demoOwnerHouses.map((h) => Number(h.houseId))),
  };
}

/** The planned side of a counted topic: passes; fails 3/4 though more than half agree; fails 过半数. */
type TopicOutcome = 'pass' | 'between' | 'fail';

interface TopicPlan {
  category: DecisionCategory;
  /** the owners' agreement to draw with; for a planned outcome, drawn until the tally gives it */
  agree: number;
  outcome: TopicOutcome | null;
}

interface VotePlan {
  area: DecisionSeedArea;
  state: VoteState;
  meetingType: VoteMeetingType;
  convener: VoteConvener;
  scope: VoteScope;
  buildingIds: number[];
  createdAt: Date;
  checkedAt: Date | null;
  checkNote: string | null;
  beginAt: Date;
  endAt: Date;
  oldEndAt: Date | null;
  delayReason: string | null;
  publicityAt: Date | null;
  /** persons taking part by the end (or by now, while voting) */
  participation: number;
  /** for a planned outcome: every topic reaches the 2/3 quorum, or none does */
  quorum: boolean | null;
  topics: TopicPlan[];
  /** houses left without a ballot (the demo owner's, in the vote open to them) */
  keepOpen: ReadonlySet<number>;
}

export interface OwnerDecisionSeedRows {
  votes: OwnerVote[];
  topics: OwnerVoteTopic[];
  ballots: OwnerVoteBallot[];
}

type ScopeOf = Pick<OwnerVote, 'propertyAreaId' | 'scope' | 'buildingIds'>;

/**
 * The votes, topics and ballots of the given areas, dated around `now`. `scopeOf` gives the tally's
 * scope of a vote (VoteUnitsService.scope in the seed): ballots are drawn over its units, and the
 * counted votes' results are tallyTopic's over the same units, as the clock writes them when voting
 * closes. Deterministic for a given rng, input, scopes and `now`.
 */
export async function ownerDecisionSeedRows(
  input: OwnerDecisionSeedInput,
  rng: SeededRandom,
  plan: OwnerDecisionSeedPlan,
  options: { now: Date; publicityDays: number; scopeOf: (vote: ScopeOf) => Promise<TallyScope> },
): Promise<OwnerDecisionSeedRows> {
  const plans = [...showcasePlans(input, rng.fork('showcase'), plan, options.now, options.publicityDays), ...historyPlans(input, rng.fork('history'), plan, options.now, options.publicityDays)];
  // ids in the order the votes were drafted
  plans.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.area.id - b.area.id);
  const rows: OwnerDecisionSeedRows = { votes: [], topics: [], ballots: [] };
  const scopes = new Map<string, TallyScope>();
  for (const vote of plans) {
    const id = rows.votes.length + 1;
    const key = `${vote.area.id}:${vote.scope}:${vote.buildingIds.join(',')}`;
    const counted = vote.state === VoteState.PUBLICITY || vote.state === VoteState.COMPLETED;
    // the scope's totals are frozen when voting opens: a vote not yet open has none
    let scope: TallyScope | null = null;
    if (counted || vote.state === VoteState.VOTING) {
      scope = scopes.get(key) ?? (await options.scopeOf({ propertyAreaId: vote.area.id, scope: vote.scope, buildingIds: vote.buildingIds }));
      scopes.set(key, scope);
    }
    const createdById = vote.convener === VoteConvener.STREET_OFFICE ? vote.area.streetAccountId : vote.area.committeeAccountId!;
    const topics: OwnerVoteTopic[] = vote.topics.map((t, i) => ({
      id: rows.topics.length + i + 1,
      voteId: id,
      seq: i + 1,
      content: rng.fork(`topic-${id}-${i}`).pick(TOPIC_TEXTS[t.category]),
      category: t.category,
      quorumReached: null,
      passed: null,
      participatingAreaHundredths: null,
      participatingPersons: null,
      agreeAreaHundredths: null,
      agreePersons: null,
    }));
    let ballots: OwnerVoteBallot[] = [];
    let participation: { areaBp: number; personsBp: number } | null = null;
    if (scope) {
      const voteRng = rng.fork(`ballots-${id}`);
      for (let attempt = 0; ; attempt++) {
        if (attempt === 50) throw new Error(`owner-decision seed: vote ${id} of area ${vote.area.id} never reached its planned results`);
        ballots = drawBallots(scope, vote, topics, voteRng.fork(attempt), plan, { voteId: id, voteNo: voteNumber(vote.area.id, id), enteredById: createdById, boundIdentity: input.boundIdentity, now: options.now });
        if (!counted) break;
        const tallies = topics.map((t) => tallyTopic(scope!, t.category, ballots.filter((b) => b.topicId === t.id)));
        if (!tallies.every((tally, i) => meetsPlan(tally, vote.quorum, vote.topics[i].outcome))) continue;
        tallies.forEach((tally, i) => Object.assign(topics[i], topicResultColumns(tally)));
        participation = meetingParticipationBp(tallies, scope!);
        break;
      }
    }
    const checked = vote.checkedAt !== null;
    rows.votes.push({
      id,
      voteNo: voteNumber(vote.area.id, id),
      propertyAreaId: vote.area.id,
      districtId: vote.area.districtId,
      streetId: vote.area.streetId,
      communityId: vote.area.communityId,
      title: voteTitle(vote),
      meetingType: vote.meetingType,
      convener: vote.convener,
      scope: vote.scope,
      buildingIds: vote.buildingIds,
      beginAt: vote.beginAt,
      endAt: vote.endAt,
      state: vote.state,
      delayed: vote.oldEndAt !== null,
      delayReason: vote.delayReason,
      oldEndAt: vote.oldEndAt,
      publicityAt: vote.publicityAt,
      createdById,
      checkedById: checked ? vote.area.streetAccountId : null,
      checkedAt: vote.checkedAt,
      checkNote: vote.checkNote,
      totalAreaHundredths: scope ? scope.totalArea.toString() : null,
      totalPersons: scope ? scope.totalPersons : null,
      participationAreaBp: participation?.areaBp ?? null,
      participationPersonsBp: participation?.personsBp ?? null,
      createdAt: vote.createdAt,
      updatedAt: lastChange(vote, options.now, options.publicityDays),
    });
    rows.topics.push(...topics);
    for (const ballot of ballots) rows.ballots.push({ ...ballot, id: rows.ballots.length + 1 });
  }
  return rows;
}

function meetsPlan(tally: TopicTally, quorum: boolean | null, outcome: TopicOutcome | null): boolean {
  if (quorum !== null && tally.quorumReached !== quorum) return false;
  if (outcome === null) return true;
  if (outcome === 'pass') return tally.passed;
  const majority = meetsThreshold(tally.agree.area, tally.participating.area, SIMPLE_MAJORITY) && meetsThreshold(BigInt(tally.agree.persons), BigInt(tally.participating.persons), SIMPLE_MAJORITY);
  return !tally.passed && (outcome === 'between' ? majority : !majority);
}

/**
 * One ballot per house and topic for the persons taking part: an owner of several units (the
 * developer's unsold ones are one person) ballots them all alike. A bound owner mostly votes in the
 * mini-program, everyone else on paper, entered by the convener; a vote still open has the ballots
 * cast so far.
 */
function drawBallots(
  scope: TallyScope,
  vote: VotePlan,
  topics: readonly OwnerVoteTopic[],
  r: SeededRandom,
  plan: OwnerDecisionSeedPlan,
  context: { voteId: number; voteNo: string; enteredById: number; boundIdentity: ReadonlyMap<number, number>; now: Date },
): OwnerVoteBallot[] {
  const unitsOf = new Map<number, number[]>();
  for (const [houseId, position] of scope.positionOf) {
    if (vote.keepOpen.has(houseId)) continue;
    const person = scope.personAt[position];
    const list = unitsOf.get(person);
    if (list) list.push(houseId);
    else unitsOf.set(person, [houseId]);
  }
  const votingEnd = Math.min(vote.endAt.getTime(), context.now.getTime() - 60_000);
  const elapsed = vote.state === VoteState.VOTING ? (votingEnd - vote.beginAt.getTime()) / (vote.endAt.getTime() - vote.beginAt.getTime()) : 1;
  const voters = r.sample([...unitsOf.keys()], Math.min(1, vote.participation * elapsed));
  const ballots: OwnerVoteBallot[] = [];
  let sheets = 0;
  for (const person of voters) {
    const choices = vote.topics.map((t) => {
      if (r.chance(t.agree)) return VoteChoice.AGREE;
      return r.chance(plan.abstainShare) ? VoteChoice.ABSTAIN : VoteChoice.DISAGREE;
    });
    for (const houseId of unitsOf.get(person)!) {
      const identityId = context.boundIdentity.get(houseId) ?? null;
      const electronic = identityId !== null && r.chance(plan.electronicShare);
      const paperNo = electronic ? null : `${context.voteNo}-${pad(++sheets, 4)}`;
      const votedAt = new Date(vote.beginAt.getTime() + Math.floor(r.next() * (votingEnd - vote.beginAt.getTime())));
      topics.forEach((topic, i) => {
        if (r.chance(plan.blankShare)) return;
        ballots.push({
          id: 0,
          voteId: context.voteId,
          topicId: topic.id,
          houseId,
          choice: choices[i],
          source: electronic ? BallotSource.ELECTRONIC : BallotSource.PAPER,
          identityId: electronic ? identityId : null,
          enteredById: electronic ? null : context.enteredById,
          paperNo,
          votedAt,
        });
      });
    }
  }
  return ballots.sort((a, b) => a.votedAt.getTime() - b.votedAt.getTime() || a.houseId - b.houseId || a.topicId - b.topicId);
}

function voteTitle(vote: VotePlan): string {
  const year = shanghaiYear(vote.beginAt);
  if (vote.meetingType === VoteMeetingType.FIRST) return `${vote.area.name}${VOTE_MEETING_TYPE_LABELS[VoteMeetingType.FIRST]}`;
  if (vote.meetingType === VoteMeetingType.RE_ELECTION) return `${vote.area.name}${year}年业主委员会换届选举`;
  const scope = vote.scope === VoteScope.BUILDINGS ? '（部分楼栋）' : '';
  return `${vote.area.name}${year}年业主大会${VOTE_MEETING_TYPE_LABELS[vote.meetingType]}${scope}`;
}

/** The instant of the vote's last change up to now (updatedAt): drafted, checked, opened, extended (two days before the old end), counted, completed. */
function lastChange(vote: VotePlan, now: Date, publicityDays: number): Date {
  const steps = [vote.createdAt, vote.checkedAt, vote.beginAt, vote.oldEndAt ? new Date(vote.oldEndAt.getTime() - 2 * DAY) : null, vote.publicityAt, vote.publicityAt ? new Date(vote.publicityAt.getTime() + publicityDays * DAY) : null];
  return new Date(Math.max(...steps.filter((d): d is Date => d !== null && d.getTime() <= now.getTime()).map((d) => d.getTime())));
}

/** 09:00 Shanghai of the day `days` from now (negative: before). */
function morning(now: Date, days: number): Date {
  const day = Math.floor((now.getTime() + 8 * HOUR) / DAY) + days;
  return new Date(day * DAY + HOUR);
}

const between = (r: SeededRandom, [min, max]: readonly [number, number]) => min + r.next() * (max - min);

function drawCategories(r: SeededRandom, plan: OwnerDecisionSeedPlan, count: number, first: DecisionCategory[] = []): DecisionCategory[] {
  const chosen = [...first];
  while (chosen.length < count) {
    const left = plan.categoryShares.filter(([c]) => !chosen.includes(c));
    chosen.push(r.weighted(left.map(([c]) => c), left.map(([, w]) => w)));
  }
  return chosen;
}

function drawAgree(r: SeededRandom, plan: OwnerDecisionSeedPlan): number {
  return r.chance(plan.contestedShare) ? between(r, plan.contestedAgree) : between(r, plan.agreeShare);
}

function drawParticipation(r: SeededRandom, plan: OwnerDecisionSeedPlan): number {
  const { mean, sd, min, max } = plan.participation;
  // Box–Muller
  const normal = Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next());
  return Math.min(max, Math.max(min, mean + sd * normal));
}

/** The meeting type, convener and categories of a vote of the area: a committee convenes where there is one, else the street office. */
function drawMeeting(area: DecisionSeedArea, r: SeededRandom, plan: OwnerDecisionSeedPlan): Pick<VotePlan, 'meetingType' | 'convener'> & { categories: DecisionCategory[] } {
  if (area.committeeAccountId === null) {
    const meetingType = r.weighted([VoteMeetingType.FIRST, VoteMeetingType.EXTRAORDINARY], [1, 2]);
    const categories = meetingType === VoteMeetingType.FIRST ? [DecisionCategory.RULES, DecisionCategory.COVENANT, DecisionCategory.ELECT_COMMITTEE] : drawCategories(r, plan, r.int(1, 2));
    return { meetingType, convener: VoteConvener.STREET_OFFICE, categories };
  }
  const kind = r.weighted(['regular', 'extraordinary', 're-election', 'first'], [40, 40, 15, 5]);
  if (kind === 're-election') return { meetingType: VoteMeetingType.RE_ELECTION, convener: VoteConvener.RE_ELECTION_GROUP, categories: drawCategories(r, plan, r.int(1, 2), [DecisionCategory.ELECT_COMMITTEE]) };
  if (kind === 'first') return { meetingType: VoteMeetingType.FIRST, convener: VoteConvener.PREPARATORY_GROUP, categories: [DecisionCategory.RULES, DecisionCategory.COVENANT, DecisionCategory.ELECT_COMMITTEE] };
  if (kind === 'regular') return { meetingType: VoteMeetingType.REGULAR, convener: VoteConvener.COMMITTEE, categories: drawCategories(r, plan, r.int(1, 3), [DecisionCategory.BUDGET_REPORT]) };
  return { meetingType: VoteMeetingType.EXTRAORDINARY, convener: VoteConvener.COMMITTEE, categories: drawCategories(r, plan, r.int(1, 3)) };
}

function drawScope(area: DecisionSeedArea, r: SeededRandom, plan: OwnerDecisionSeedPlan): Pick<VotePlan, 'scope' | 'buildingIds'> {
  if (area.buildingIds.length < 2 || !r.chance(plan.buildingScopeShare)) return { scope: VoteScope.AREA, buildingIds: [] };
  return { scope: VoteScope.BUILDINGS, buildingIds: r.sample(area.buildingIds, 0.5).sort((a, b) => a - b) };
}

/** The dates of a vote that began `beginAt`, drafted and checked before it, extended once with the plan's share. */
function timeline(convener: VoteConvener, beginAt: Date, r: SeededRandom, delayed: boolean): { createdAt: Date; checkedAt: Date | null; endAt: Date; oldEndAt: Date | null; delayReason: string | null } {
  const createdAt = new Date(beginAt.getTime() - r.int(10, 25) * DAY - r.int(0, 8) * HOUR);
  // the street office's own vote is published when submitted; a committee's waits for its check
  const checkedAt = new Date(createdAt.getTime() + (convener === VoteConvener.STREET_OFFICE ? r.int(1, 30) * 60_000 : r.int(1, 5) * DAY + r.int(0, 6) * HOUR));
  const plannedEnd = new Date(beginAt.getTime() + r.int(14, 28) * DAY + 9 * HOUR);
  const endAt = delayed ? new Date(plannedEnd.getTime() + r.int(7, 14) * DAY) : plannedEnd;
  return { createdAt, checkedAt, endAt, oldEndAt: delayed ? plannedEnd : null, delayReason: delayed ? r.pick(DELAY_REASONS) : null };
}

/** 已完成 votes of the last years: each eligible area holds one in a year with the year's share; the demo committee's area one last year. */
function historyPlans(input: OwnerDecisionSeedInput, rng: SeededRandom, plan: OwnerDecisionSeedPlan, now: Date, publicityDays: number): VotePlan[] {
  const plans: VotePlan[] = [];
  // every history vote is over, its publicity too, and clear of the current votes of its area
  const latestBegin = now.getTime() - 80 * DAY;
  for (let year = 0; year < plan.historyYears; year++) {
    const yearRng = rng.fork(`year-${year}`);
    const share = between(yearRng, plan.yearlyAreaShare);
    const from = latestBegin - (year + 1) * 365 * DAY;
    const holding = yearRng.sample(input.areas, share);
    if (year === 0 && input.demoCommitteeAreaId !== null && !holding.some((a) => a.id === input.demoCommitteeAreaId)) {
      const demoArea = input.areas.find((a) => a.id === input.demoCommitteeAreaId);
      if (demoArea) holding.push(demoArea);
    }
    for (const area of holding) {
      const r = yearRng.fork(`area-${area.id}`);
      const meeting = drawMeeting(area, r, plan);
      const beginAt = morning(new Date(from + Math.floor(r.next() * 365 * DAY)), 0);
      const dates = timeline(meeting.convener, beginAt, r, r.chance(plan.delayedShare));
      const publicityAt = new Date(dates.endAt.getTime() + r.int(5, 300) * 1000);
      if (publicityAt.getTime() + publicityDays * DAY > now.getTime()) continue;
      plans.push({
        area,
        state: VoteState.COMPLETED,
        meetingType: meeting.meetingType,
        convener: meeting.convener,
        ...drawScope(area, r, plan),
        ...dates,
        checkNote: null,
        beginAt,
        publicityAt,
        participation: drawParticipation(r, plan),
        quorum: null,
        topics: meeting.categories.map((category) => ({ category, agree: drawAgree(r, plan), outcome: null })),
        keepOpen: new Set(),
      });
    }
  }
  return plans;
}

interface Showcase {
  state: VoteState;
  /** the demo committee's area (the demo owner's houses stay open in its vote) */
  demoArea?: true;
  /** an area the street office convenes in (one without a committee account) */
  streetConvened?: true;
  meetingType?: VoteMeetingType;
  categories?: DecisionCategory[];
  quorum?: boolean;
  outcomes?: TopicOutcome[];
  delayed?: true;
  returned?: true;
  buildings?: true;
}

/**
 * The current votes: every state, around now. The counted ones are planned so that the results fall
 * on both sides of every threshold: a meeting below the 2/3 quorum (with a 改建重建 topic), one with
 * 筹集维修资金 passing 3/4 and 选聘物业 failing 过半数, one with 改变共有部分用途 failing 3/4 though more
 * than half agree and 使用维修资金 passing 过半数.
 */
const SHOWCASE: readonly Showcase[] = [
  { state: VoteState.DRAFT },
  { state: VoteState.DRAFT, returned: true },
  { state: VoteState.DRAFT, streetConvened: true },
  { state: VoteState.SUBMITTED, demoArea: true, meetingType: VoteMeetingType.REGULAR },
  { state: VoteState.SUBMITTED },
  { state: VoteState.PUBLISHED },
  { state: VoteState.PUBLISHED, streetConvened: true },
  { state: VoteState.VOTING, demoArea: true, meetingType: VoteMeetingType.EXTRAORDINARY, categories: [DecisionCategory.HIRE_COMPANY, DecisionCategory.USE_FUND] },
  { state: VoteState.VOTING, delayed: true },
  { state: VoteState.VOTING, streetConvened: true, buildings: true },
  { state: VoteState.PUBLICITY, meetingType: VoteMeetingType.EXTRAORDINARY, categories: [DecisionCategory.REBUILD, DecisionCategory.HIRE_COMPANY], quorum: false },
  { state: VoteState.PUBLICITY, meetingType: VoteMeetingType.REGULAR, categories: [DecisionCategory.RAISE_FUND, DecisionCategory.HIRE_COMPANY, DecisionCategory.BUDGET_REPORT], quorum: true, outcomes: ['pass', 'fail', 'pass'] },
  { state: VoteState.PUBLICITY, streetConvened: true, meetingType: VoteMeetingType.EXTRAORDINARY, categories: [DecisionCategory.COMMON_PART_USE, DecisionCategory.USE_FUND], quorum: true, outcomes: ['between', 'pass'] },
];

/** The owners' agreement a planned outcome is drawn with (the tally then decides; off-side draws are drawn again). */
const OUTCOME_AGREE: Record<TopicOutcome, [number, number]> = { pass: [0.88, 0.97], between: [0.58, 0.68], fail: [0.22, 0.4] };

function showcasePlans(input: OwnerDecisionSeedInput, rng: SeededRandom, plan: OwnerDecisionSeedPlan, now: Date, publicityDays: number): VotePlan[] {
  const demoArea = input.areas.find((a) => a.id === input.demoCommitteeAreaId && a.committeeAccountId !== null);
  const others = rng.shuffle(input.areas.filter((a) => a !== demoArea));
  const taken = new Set<number>();
  const areaFor = (showcase: Showcase): DecisionSeedArea | undefined => {
    if (showcase.demoArea && demoArea) return demoArea;
    const fits = (a: DecisionSeedArea) => !taken.has(a.id) && (showcase.streetConvened ? a.committeeAccountId === null : a.committeeAccountId !== null) && (!showcase.buildings || a.buildingIds.length >= 2);
    // the two districts in turn
    const district = [...new Set(input.areas.map((a) => a.districtId))].sort((a, b) => a - b)[taken.size % 2];
    const area = others.find((a) => fits(a) && a.districtId === district) ?? others.find(fits);
    if (area) taken.add(area.id);
    return area;
  };
  const plans: VotePlan[] = [];
  SHOWCASE.forEach((showcase, index) => {
    const area = areaFor(showcase);
    if (!area) return;
    const r = rng.fork(index);
    const drawn = drawMeeting(area, r, plan);
    const meetingType = showcase.meetingType ?? drawn.meetingType;
    // a fixed meeting type of a committee's area is the committee's own meeting
    const convener = showcase.streetConvened ? VoteConvener.STREET_OFFICE : showcase.meetingType ? VoteConvener.COMMITTEE : drawn.convener;
    const categories = showcase.categories ?? (showcase.meetingType ? drawCategories(r, plan, 2, meetingType === VoteMeetingType.REGULAR ? [DecisionCategory.BUDGET_REPORT] : []) : drawn.categories);
    let beginAt: Date;
    let dates: ReturnType<typeof timeline>;
    let publicityAt: Date | null = null;
    let checkNote: string | null = null;
    switch (showcase.state) {
      case VoteState.DRAFT:
      case VoteState.SUBMITTED: {
        beginAt = morning(now, r.int(12, 30));
        dates = timeline(convener, beginAt, r, false);
        dates.createdAt = new Date(now.getTime() - r.int(1, 6) * DAY - r.int(0, 8) * HOUR);
        // a returned draft keeps the street office's check and note until it is submitted again
        dates.checkedAt = showcase.returned ? new Date(dates.createdAt.getTime() + r.int(6, 20) * HOUR) : null;
        checkNote = showcase.returned ? r.pick(RETURN_NOTES) : null;
        break;
      }
      case VoteState.PUBLISHED:
        beginAt = morning(now, r.int(2, 6));
        dates = timeline(convener, beginAt, r, false);
        dates.createdAt = new Date(Math.min(dates.createdAt.getTime(), now.getTime() - 4 * DAY));
        dates.checkedAt = new Date(Math.min(dates.checkedAt!.getTime(), now.getTime() - HOUR));
        break;
      case VoteState.VOTING: {
        // the extended one was due to close yesterday; every open vote closes after now, when its job or the sweep counts it
        beginAt = morning(now, showcase.delayed ? -r.int(18, 24) : -r.int(3, 10));
        dates = timeline(convener, beginAt, r, false);
        if (showcase.delayed) {
          const oldEndAt = new Date(morning(now, -1).getTime() + 9 * HOUR);
          Object.assign(dates, { oldEndAt, endAt: new Date(oldEndAt.getTime() + r.int(7, 10) * DAY), delayReason: r.pick(DELAY_REASONS) });
        } else dates.endAt = new Date(morning(now, r.int(4, 12)).getTime() + 9 * HOUR);
        break;
      }
      default: {
        // closed one to three days ago: still within the publicity period
        const endAt = new Date(morning(now, -r.int(1, Math.min(3, publicityDays - 1))).getTime() + 9 * HOUR);
        beginAt = new Date(endAt.getTime() - 9 * HOUR - r.int(14, 21) * DAY);
        dates = { ...timeline(convener, beginAt, r, false), endAt };
        publicityAt = new Date(endAt.getTime() + r.int(5, 300) * 1000);
      }
    }
    plans.push({
      area,
      state: showcase.state,
      meetingType,
      convener,
      ...(showcase.buildings ? drawScope(area, r, { ...plan, buildingScopeShare: 1 }) : { scope: VoteScope.AREA, buildingIds: [] }),
      ...dates,
      checkNote,
      beginAt,
      publicityAt,
      participation: showcase.quorum === undefined ? drawParticipation(r, plan) : showcase.quorum ? between(r, [0.8, 0.92]) : between(r, [0.4, 0.55]),
      quorum: showcase.quorum ?? null,
      topics: categories.map((category, i) => {
        const outcome = showcase.outcomes?.[i] ?? null;
        return { category, agree: outcome ? between(r, OUTCOME_AGREE[outcome]) : drawAgree(r, plan), outcome };
      }),
      keepOpen: showcase.demoArea ? input.demoOwnerHouseIds : new Set(),
    });
  });
  return plans;
}

const OWNER_DECISION_TABLES = ['owner_votes', 'owner_vote_topics', 'owner_vote_ballots'];

export interface OwnerDecisionSeedResult {
  votes: number;
  topics: number;
  ballots: number;
  byState: Record<VoteState, number>;
  seconds: number;
}

/**
 * Writes chapter 10's demo into empty vote tables, after the owners and their bindings (chapter 9's
 * seed): votes of the given districts' areas in every state around `now`, with their topics and
 * ballots and, for the counted ones, the results the clock would have stored. The open votes close
 * after `now`, by their delayed job once queued or by the clock's sweep (at start-up and every five
 * minutes), which also opens the published ones when they begin.
 */
export async function seedOwnerDecisions(
  dataSource: DataSource,
  manager: EntityManager,
  rng: SeededRandom,
  options: { districtIds: number[]; plan?: OwnerDecisionSeedPlan; now?: Date; publicityDays?: number },
): Promise<OwnerDecisionSeedResult> {
  const started = Date.now();
  const holding = await nonEmptyTables(dataSource, manager, OWNER_DECISION_TABLES);
  if (holding.length) throw new SeedTargetNotEmptyError(holding);
  const input = await loadOwnerDecisionSeedInput(manager, options.districtIds);
  const units = new VoteUnitsService();
  const rows = await ownerDecisionSeedRows(input, rng, options.plan ?? DEMO_OWNER_DECISION_PLAN, {
    now: options.now ?? new Date(),
    publicityDays: options.publicityDays ?? SEED_PUBLICITY_DAYS,
    scopeOf: (vote) => units.scope(manager, vote),
  });
  const inserter = new BulkInserter(dataSource, manager);
  // simple-json is serialised by TypeORM's save, not by the bulk insert
  await inserter.insert(OwnerVote, rows.votes.map((v) => ({ ...v, buildingIds: JSON.stringify(v.buildingIds) })) as unknown as Array<Partial<OwnerVote>>);
  await inserter.insert(OwnerVoteTopic, rows.topics);
  await inserter.insert(OwnerVoteBallot, rows.ballots);
  const byState = Object.fromEntries(Object.values(VoteState).map((s) => [s, 0])) as Record<VoteState, number>;
  for (const vote of rows.votes) byState[vote.state] += 1;
  return { votes: rows.votes.length, topics: rows.topics.length, ballots: rows.ballots.length, byState, seconds: (Date.now() - started) / 1000 };
}
