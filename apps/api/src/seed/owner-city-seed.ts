import { BallotSource, DecisionCategory, VoteChoice, VoteConvener, VoteMeetingType, VoteScope, VoteState } from '@szpm/contract';
import { DataSource, EntityManager } from 'typeorm';
import { OwnerVote, OwnerVoteBallot, OwnerVoteTopic } from '../modules/owner-decisions/entities';
import { scopeUnits, voteNumber } from '../modules/owner-decisions/vote-rules';
import { buildVoteScope, participationBp, tallyTopic } from '../modules/owner-decisions/vote-tally';
import { EvaluationAreaMonth, EvaluationReasonMonth, OwnerEvaluation, OwnerEvaluationAnswer } from '../modules/owner-evaluations/entities';
import { OwnerHouseBinding, OwnerIdentity } from '../modules/owners/entities';
import { Owner } from '../modules/regions/entities/owner.entity';
import { BulkInserter, SqlRunner } from './bulk-insert';
import {
  DEMO_OWNER_EVALUATION_PLAN,
  ensureCatalogue,
  loadOwnerEvaluationSeedInput,
  OwnerEvaluationSeedPlan,
  OwnerEvaluationSeedRows,
  ownerEvaluationSeedRows,
  SEED_ID_HASH_SECRET,
  seededOwnerOpenid,
} from './owner-evaluation-seed';
import { SeededRandom } from './random';
import { nonEmptyTables, SeedTargetNotEmptyError } from './seed-writer';
import { DISTRICTS, FUTIAN_ID } from './shenzhen';

/**
 * Issue 17's city: about half of the 1,000,000 houses bound to an owner and ≈3,000,000 evaluations in
 * twelve months. The demo's plan with the participation of a city where an owner evaluates about every
 * other month (the demo's 10–16 % of houses a month gives ≈1.5 million).
 */
export const CITY_OWNER_EVALUATION_PLAN: OwnerEvaluationSeedPlan = {
  ...DEMO_OWNER_EVALUATION_PLAN,
  boundShare: [0.42, 0.58],
  participation: [0.25, 0.33],
  minMonthlyRecords: 10,
  committeeParticipation: [0.01, 0.03],
};

/** 业主投票 of the city: how many, their states, topics and ballots. */
export interface CityVotePlan {
  votes: number;
  /** weights of the states a vote is in now */
  states: Readonly<Record<VoteState, number>>;
  topics: [number, number];
  /** of the votes, those on some buildings only */
  buildingsScopeShare: number;
  /** of the scope's houses, those that ballot (drawn per vote) */
  participation: [number, number];
  /** of a topic's ballots, the share that agrees (drawn per topic), and that abstains */
  agreeShare: [number, number];
  abstainShare: number;
  /** of the bound houses' ballots, those cast in the mini-program (the rest on paper, as every unbound house) */
  electronicShare: number;
  /** 询异 length in days (OWNER_DECISION_PUBLICITY_DAYS' default) */
  publicityDays: number;
}

export const CITY_VOTE_PLAN: CityVotePlan = {
  votes: 1_500,
  states: {
    [VoteState.DRAFT]: 0.03,
    [VoteState.SUBMITTED]: 0.04,
    [VoteState.PUBLISHED]: 0.04,
    [VoteState.VOTING]: 0.07,
    [VoteState.PUBLICITY]: 0.05,
    [VoteState.COMPLETED]: 0.77,
  },
  topics: [1, 4],
  buildingsScopeShare: 0.1,
  participation: [0.55, 0.92],
  agreeShare: [0.45, 0.95],
  abstainShare: 0.06,
  electronicShare: 0.7,
  publicityDays: 7,
};

const TOPIC_TEXTS: Record<DecisionCategory, readonly string[]> = {
  [DecisionCategory.RULES]: ['修改业主大会议事规则第十二条（会议召开方式）', '制定业主大会议事规则'],
  [DecisionCategory.COVENANT]: ['修改管理规约中关于宠物饲养的约定', '修改管理规约中关于装修管理的约定'],
  [DecisionCategory.ELECT_COMMITTEE]: ['选举第二届业主委员会委员', '增补业主委员会委员一名'],
  [DecisionCategory.HIRE_COMPANY]: ['续聘现物业服务企业，合同期三年', '公开选聘新的物业服务企业'],
  [DecisionCategory.USE_FUND]: ['使用维修资金更换二期电梯', '使用维修资金维修外墙及屋面防水'],
  [DecisionCategory.RAISE_FUND]: ['续筹专项维修资金', '首期筹集专项维修资金'],
  [DecisionCategory.REBUILD]: ['老旧小区综合整治（加装电梯）方案', '地下车库改建方案'],
  [DecisionCategory.COMMON_PART_USE]: ['利用架空层设置快递柜并收取场地费', '在公共区域设置充电桩并经营'],
  [DecisionCategory.BUDGET_REPORT]: ['审议年度计划和预算方案', '审议业主委员会年度工作报告'],
  [DecisionCategory.FEES]: ['调整物业服务收费标准', '变更物业服务内容和标准'],
  [DecisionCategory.OTHER]: ['公共收益分配方案', '小区停车管理方案'],
};

const MEETING_TITLES: Record<VoteMeetingType, string> = {
  [VoteMeetingType.FIRST]: '首次业主大会会议',
  [VoteMeetingType.REGULAR]: '业主大会定期会议',
  [VoteMeetingType.EXTRAORDINARY]: '业主大会临时会议',
  [VoteMeetingType.RE_ELECTION]: '业主委员会换届选举',
};

const DAY = 86_400_000;
const between = (rng: SeededRandom, [min, max]: readonly [number, number]) => min + rng.next() * (max - min);

/** What the vote generator reads of one area: its houses (with the tally's columns), registry owners and bindings. */
export interface VoteSeedArea {
  id: number;
  districtId: number;
  streetId: number;
  communityId: number;
  ownersCommitteeId: number | null;
  houses: ReadonlyArray<{ id: number; buildingId: number | null; buildingArea: number | null; floorArea: number; saleStatus: string | null }>;
  /** house id → the ID number of its first registry owner */
  ownerIdNumberOf: ReadonlyMap<number, string>;
  /** house id → the identity bound to it */
  boundIdentityOf: ReadonlyMap<number, number>;
  /** the account that enters the area's paper ballots and created its votes (the committee's, else a street officer's) */
  convenerAccountId: number;
  /** a street officer's account of the area's street (checks the vote), else the convener's */
  streetAccountId: number;
}

export type VoteRow = Omit<OwnerVote, 'createdAt' | 'updatedAt'>;
export type TopicRow = OwnerVoteTopic;
export type BallotRow = Omit<OwnerVoteBallot, 'id'>;

export interface CityVoteRows {
  votes: VoteRow[];
  topics: TopicRow[];
  ballots: BallotRow[];
}

const ALL_CATEGORIES = Object.values(DecisionCategory);

/**
 * The votes of the given areas (one vote an area, in the order given, ids from firstVoteId): states by the plan,
 * votes past their end balloted and, from 询异 on, tallied by the module's own rules (scopeUnits,
 * tallyTopic, participationBp), so the stored results equal a recount of the ballots.
 */
export function cityVoteRows(areas: readonly VoteSeedArea[], rng: SeededRandom, plan: CityVotePlan, options: { now: Date; firstVoteId?: number; firstTopicId?: number }): CityVoteRows {
  const now = options.now.getTime();
  const firstTopicId = options.firstTopicId ?? 1;
  const states = Object.keys(plan.states) as VoteState[];
  const votes: VoteRow[] = [];
  const topics: TopicRow[] = [];
  const ballots: BallotRow[] = [];
  areas.forEach((area, index) => {
    const r = rng.fork(`vote-${area.id}`);
    const id = (options.firstVoteId ?? 1) + index;
    const state = r.weighted(states, states.map((s) => plan.states[s]));
    // when it begins and ends: counted votes over the last two years, the others around now
    const length = r.int(7, 30) * DAY;
    let beginAt: number;
    if (state === VoteState.COMPLETED) beginAt = now - r.int(length / DAY + plan.publicityDays + 1, 730) * DAY;
    else if (state === VoteState.PUBLICITY) beginAt = now - length - r.int(1, plan.publicityDays - 1) * DAY;
    else if (state === VoteState.VOTING) beginAt = now - Math.floor(r.next() * (length - DAY)) - 3_600_000;
    else beginAt = now + r.int(3, 40) * DAY;
    beginAt -= beginAt % 60_000;
    const endAt = beginAt + length;
    const delayed = state !== VoteState.DRAFT && state !== VoteState.SUBMITTED && state !== VoteState.PUBLISHED && r.chance(0.06);
    const buildings = [...new Set(area.houses.map((h) => h.buildingId).filter((b): b is number => b !== null))].sort((a, b) => a - b);
    const scope = buildings.length > 1 && r.chance(plan.buildingsScopeShare) ? VoteScope.BUILDINGS : VoteScope.AREA;
    const buildingIds = scope === VoteScope.BUILDINGS ? r.shuffle(buildings).slice(0, r.int(1, Math.min(3, buildings.length - 1))).sort((a, b) => a - b) : [];
    const inScope = scope === VoteScope.AREA ? area.houses : area.houses.filter((h) => h.buildingId !== null && buildingIds.includes(h.buildingId));
    const meetingType = area.ownersCommitteeId === null ? r.pick([VoteMeetingType.FIRST, VoteMeetingType.EXTRAORDINARY]) : r.weighted([VoteMeetingType.REGULAR, VoteMeetingType.EXTRAORDINARY, VoteMeetingType.RE_ELECTION], [0.5, 0.35, 0.15]);
    const convener = area.ownersCommitteeId !== null ? VoteConvener.COMMITTEE : meetingType === VoteMeetingType.FIRST ? VoteConvener.PREPARATORY_GROUP : VoteConvener.STREET_OFFICE;
    const checked = state !== VoteState.DRAFT && state !== VoteState.SUBMITTED;
    const counted = state === VoteState.PUBLICITY || state === VoteState.COMPLETED;
    const opened = counted || state === VoteState.VOTING;
    const vote: VoteRow = {
      id,
      voteNo: voteNumber(area.id, id),
      propertyAreaId: area.id,
      districtId: area.districtId,
      streetId: area.streetId,
      communityId: area.communityId,
      title: `${new Date(beginAt + 8 * 3_600_000).getUTCFullYear()}年${MEETING_TITLES[meetingType]}`,
      meetingType,
      convener,
      scope,
      buildingIds,
      beginAt: new Date(beginAt),
      endAt: new Date(endAt),
      state,
      delayed,
      delayReason: delayed ? '部分业主外出，延长表决期限' : null,
      oldEndAt: delayed ? new Date(endAt - r.int(3, 7) * DAY) : null,
      publicityAt: counted ? new Date(endAt) : null,
      createdById: area.convenerAccountId,
      checkedById: checked ? area.streetAccountId : null,
      checkedAt: checked ? new Date(beginAt - r.int(2, 10) * DAY) : null,
      checkNote: checked ? '材料齐全，同意发布' : null,
      totalAreaHundredths: null,
      totalPersons: null,
      participationAreaBp: null,
      participationPersonsBp: null,
    };
    votes.push(vote);
    const voteTopics: TopicRow[] = [];
    for (let seq = 1, n = r.int(plan.topics[0], plan.topics[1]); seq <= n; seq++) {
      const category = seq === 1 && meetingType === VoteMeetingType.RE_ELECTION ? DecisionCategory.ELECT_COMMITTEE : r.pick(ALL_CATEGORIES);
      voteTopics.push({ id: firstTopicId + topics.length + voteTopics.length, voteId: id, seq, content: r.pick(TOPIC_TEXTS[category]), category, quorumReached: null, passed: null, participatingAreaHundredths: null, participatingPersons: null, agreeAreaHundredths: null, agreePersons: null });
    }
    topics.push(...voteTopics);
    if (!opened || !inScope.length) return;

    const tallyScope = buildVoteScope(scopeUnits(inScope.map((h) => ({ id: h.id, buildingArea: h.buildingArea, floorArea: h.floorArea, saleStatus: h.saleStatus })), area.ownerIdNumberOf));
    vote.totalAreaHundredths = tallyScope.totalArea.toString();
    vote.totalPersons = tallyScope.totalPersons;
    // a vote still open has ballots up to now
    const ballotUntil = Math.min(endAt, now) - 60_000;
    const voters = r.sample(inScope, state === VoteState.VOTING ? between(r, plan.participation) * ((ballotUntil - beginAt) / length) : between(r, plan.participation));
    const agreeOf = new Map(voteTopics.map((t) => [t.id, between(r, plan.agreeShare)]));
    const voteBallots: BallotRow[] = [];
    for (const house of voters) {
      const identityId = area.boundIdentityOf.get(house.id) ?? null;
      const electronic = identityId !== null && r.chance(plan.electronicShare);
      const votedAt = new Date(beginAt + Math.floor(r.next() * (ballotUntil - beginAt)));
      const paperNo = electronic ? null : `${vote.voteNo}-${String(house.id).padStart(8, '0')}`;
      for (const topic of voteTopics) {
        // nine in ten ballot every topic
        if (voteTopics.length > 1 && topic.seq > 1 && r.chance(0.1)) continue;
        const agree = agreeOf.get(topic.id)!;
        const u = r.next();
        const choice = u < agree ? VoteChoice.AGREE : u < agree + plan.abstainShare ? VoteChoice.ABSTAIN : VoteChoice.DISAGREE;
        voteBallots.push({ voteId: id, topicId: topic.id, houseId: house.id, choice, source: electronic ? BallotSource.ELECTRONIC : BallotSource.PAPER, identityId: electronic ? identityId : null, enteredById: electronic ? null : area.convenerAccountId, paperNo, votedAt });
      }
    }
    ballots.push(...voteBallots);
    if (!counted) return;
    let participation = { areaBp: 0, personsBp: 0 };
    for (const topic of voteTopics) {
      const tally = tallyTopic(tallyScope, topic.category, voteBallots.filter((b) => b.topicId === topic.id));
      topic.quorumReached = tally.quorumReached;
      topic.passed = tally.passed;
      topic.participatingAreaHundredths = tally.participating.area.toString();
      topic.participatingPersons = tally.participating.persons;
      topic.agreeAreaHundredths = tally.agree.area.toString();
      topic.agreePersons = tally.agree.persons;
      const bp = participationBp(tally.participating, tallyScope);
      participation = { areaBp: Math.max(participation.areaBp, bp.areaBp), personsBp: Math.max(participation.personsBp, bp.personsBp) };
    }
    vote.participationAreaBp = participation.areaBp;
    vote.participationPersonsBp = participation.personsBp;
  });
  return { votes, topics, ballots };
}

/**
 * Moves one district's rows (numbered from 1 by the generator) past the ids already written: identity,
 * binding, evaluation and answer ids and the references between them; the openid follows the identity.
 */
export function shiftOwnerEvaluationIds(rows: OwnerEvaluationSeedRows, offsets: { identities: number; bindings: number; evaluations: number; answers: number }): void {
  for (const identity of rows.identities) {
    identity.id += offsets.identities;
    identity.openid = seededOwnerOpenid(identity.id);
  }
  for (const binding of rows.bindings) {
    binding.id += offsets.bindings;
    binding.identityId += offsets.identities;
  }
  for (const evaluation of rows.evaluations) {
    evaluation.id += offsets.evaluations;
    if (evaluation.identityId !== null) evaluation.identityId += offsets.identities;
  }
  for (const answer of rows.answers) {
    answer.id += offsets.answers;
    answer.evaluationId += offsets.evaluations;
  }
}

export interface OwnerCitySeedResult {
  owners: number;
  identities: number;
  bindings: number;
  evaluations: number;
  answers: number;
  areaMonths: number;
  reasonMonths: number;
  votes: number;
  topics: number;
  ballots: number;
  /** seconds per part */
  evaluationSeconds: number;
  voteSeconds: number;
}

const OWNER_CITY_TABLES = ['owner_identities', 'owner_house_bindings', 'owner_evaluations', 'owner_evaluation_answers', 'owner_evaluation_area_months', 'owner_evaluation_reason_months', 'owner_votes', 'owner_vote_topics', 'owner_vote_ballots'];

type Raw = Array<Record<string, unknown>>;

/** What the vote generator needs of the chosen areas, read back after the owners and bindings are written. */
export async function loadVoteSeedAreas(manager: EntityManager, areaIds: readonly number[]): Promise<VoteSeedArea[]> {
  if (!areaIds.length) return [];
  const within = areaIds.map(() => '?').join(', ');
  const areas = (await manager.query(`SELECT id, districtId, streetId, communityId, ownersCommitteeId FROM property_areas WHERE id IN (${within})`, [...areaIds])) as Raw;
  const houses = (await manager.query(`SELECT id, propertyAreaId, buildingId, buildingArea, floorArea, saleStatus FROM houses WHERE propertyAreaId IN (${within}) ORDER BY id`, [...areaIds])) as Raw;
  const owners = (await manager.query(`SELECT houseId, idNumber FROM owners WHERE propertyAreaId IN (${within}) AND houseId IS NOT NULL ORDER BY id`, [...areaIds])) as Raw;
  const bindings = (await manager.query(`SELECT houseId, identityId FROM owner_house_bindings WHERE propertyAreaId IN (${within}) ORDER BY id`, [...areaIds])) as Raw;
  const accounts = (await manager.query(`SELECT id, districtId, streetId, unitCategory, unitId FROM accounts WHERE status = 'ACTIVE' ORDER BY id`)) as Raw;
  const committeeAccount = new Map<number, number>();
  const streetAccount = new Map<number, number>();
  const districtAccount = new Map<number, number>();
  for (const a of accounts) {
    if (a.unitCategory === 'OWNERS_COMMITTEE' && !committeeAccount.has(Number(a.unitId))) committeeAccount.set(Number(a.unitId), Number(a.id));
    if (a.streetId !== null && a.unitCategory === null && !streetAccount.has(Number(a.streetId))) streetAccount.set(Number(a.streetId), Number(a.id));
    if (a.districtId !== null && !districtAccount.has(Number(a.districtId))) districtAccount.set(Number(a.districtId), Number(a.id));
  }
  const fallback = Number(accounts[0]?.id ?? 1);
  const housesOf = new Map<number, VoteSeedArea['houses'][number][]>();
  const areaOfHouse = new Map<number, number>();
  for (const h of houses) {
    const areaId = Number(h.propertyAreaId);
    areaOfHouse.set(Number(h.id), areaId);
    const list = housesOf.get(areaId) ?? [];
    list.push({ id: Number(h.id), buildingId: h.buildingId === null ? null : Number(h.buildingId), buildingArea: h.buildingArea === null ? null : Number(h.buildingArea), floorArea: Number(h.floorArea), saleStatus: h.saleStatus === null ? null : String(h.saleStatus) });
    housesOf.set(areaId, list);
  }
  const ownerOf = new Map<number, Map<number, string>>();
  for (const o of owners) {
    const areaId = areaOfHouse.get(Number(o.houseId));
    if (areaId === undefined) continue;
    const map = ownerOf.get(areaId) ?? new Map<number, string>();
    if (!map.has(Number(o.houseId))) map.set(Number(o.houseId), String(o.idNumber));
    ownerOf.set(areaId, map);
  }
  const boundOf = new Map<number, Map<number, number>>();
  for (const b of bindings) {
    const areaId = areaOfHouse.get(Number(b.houseId));
    if (areaId === undefined) continue;
    const map = boundOf.get(areaId) ?? new Map<number, number>();
    if (!map.has(Number(b.houseId))) map.set(Number(b.houseId), Number(b.identityId));
    boundOf.set(areaId, map);
  }
  const byId = new Map(areas.map((a) => [Number(a.id), a]));
  return areaIds.map((areaId) => {
    const a = byId.get(areaId)!;
    const committeeId = a.ownersCommitteeId === null ? null : Number(a.ownersCommitteeId);
    const street = streetAccount.get(Number(a.streetId)) ?? districtAccount.get(Number(a.districtId)) ?? fallback;
    return {
      id: areaId,
      districtId: Number(a.districtId),
      streetId: Number(a.streetId),
      communityId: Number(a.communityId),
      ownersCommitteeId: committeeId,
      houses: housesOf.get(areaId) ?? [],
      ownerIdNumberOf: ownerOf.get(areaId) ?? new Map(),
      boundIdentityOf: boundOf.get(areaId) ?? new Map(),
      convenerAccountId: (committeeId !== null ? committeeAccount.get(committeeId) : undefined) ?? street,
      streetAccountId: street,
    };
  });
}

/**
 * Chapters 9 and 10 at city scale, after the areas, houses and accounts: owners bound to houses of
 * every district and their twelve months of evaluations with the monthly sums (the demo's generator
 * one district at a time, 福田 first so that its demo owners are identities 1 and 2), then the votes
 * with their ballots and, once counted, their results. Into empty tables, by multi-row inserts.
 */
export async function seedOwnerCity(
  dataSource: DataSource,
  manager: EntityManager,
  rng: SeededRandom,
  options: { evaluationPlan?: OwnerEvaluationSeedPlan; votePlan?: CityVotePlan; now?: Date; idHashSecret?: string; districtIds?: number[]; log?: (line: string) => void },
): Promise<OwnerCitySeedResult> {
  const now = options.now ?? new Date();
  const log = options.log ?? (() => undefined);
  const holding = await nonEmptyTables(dataSource, manager, OWNER_CITY_TABLES);
  if (holding.length) throw new SeedTargetNotEmptyError(holding);
  await ensureCatalogue(manager);
  const inserter = new BulkInserter(dataSource, manager as SqlRunner);
  const evaluationStarted = Date.now();
  const result: OwnerCitySeedResult = { owners: 0, identities: 0, bindings: 0, evaluations: 0, answers: 0, areaMonths: 0, reasonMonths: 0, votes: 0, topics: 0, ballots: 0, evaluationSeconds: 0, voteSeconds: 0 };
  const districtIds = [...(options.districtIds ?? DISTRICTS.map((d) => d.id))].sort((a, b) => (a === FUTIAN_ID ? -1 : b === FUTIAN_ID ? 1 : a - b));
  for (const districtId of districtIds) {
    const started = Date.now();
    const input = await loadOwnerEvaluationSeedInput(manager, [districtId]);
    if (!input.areas.length) continue;
    const rows = ownerEvaluationSeedRows(input, rng.fork(`district-${districtId}`), options.evaluationPlan ?? CITY_OWNER_EVALUATION_PLAN, { now, idHashSecret: options.idHashSecret ?? SEED_ID_HASH_SECRET });
    shiftOwnerEvaluationIds(rows, { identities: result.identities, bindings: result.bindings, evaluations: result.evaluations, answers: result.answers });
    const generated = Date.now();
    result.owners += await inserter.insert(Owner, rows.owners);
    result.identities += await inserter.insert(OwnerIdentity, rows.identities);
    result.bindings += await inserter.insert(OwnerHouseBinding, rows.bindings);
    result.evaluations += await inserter.insert(OwnerEvaluation, rows.evaluations);
    result.answers += await inserter.insert(OwnerEvaluationAnswer, rows.answers);
    result.areaMonths += await inserter.insert(EvaluationAreaMonth, rows.areaMonths);
    result.reasonMonths += await inserter.insert(EvaluationReasonMonth, rows.reasonMonths);
    log(`owner evaluations, district ${districtId}: ${rows.identities.length} owners, ${rows.evaluations.length} evaluations, ${rows.answers.length} answers (generated ${((generated - started) / 1000).toFixed(1)} s, written ${((Date.now() - generated) / 1000).toFixed(1)} s)`);
  }
  result.evaluationSeconds = (Date.now() - evaluationStarted) / 1000;

  const voteStarted = Date.now();
  const votePlan = options.votePlan ?? CITY_VOTE_PLAN;
  const voteRng = rng.fork('votes');
  const within = districtIds.map(() => '?').join(', ');
  const candidates = ((await manager.query(`SELECT id FROM property_areas WHERE districtId IN (${within}) AND houseCount > 0 ORDER BY id`, districtIds)) as Raw).map((a) => Number(a.id));
  const chosen = voteRng.shuffle(candidates).slice(0, votePlan.votes).sort((a, b) => a - b);
  // the areas in chunks, so that a million houses are never read at once
  const CHUNK = 200;
  const all: CityVoteRows = { votes: [], topics: [], ballots: [] };
  for (let i = 0; i < chosen.length; i += CHUNK) {
    const areas = await loadVoteSeedAreas(manager, chosen.slice(i, i + CHUNK));
    const rows = cityVoteRows(areas, voteRng.fork(`chunk-${i}`), votePlan, { now, firstVoteId: all.votes.length + 1, firstTopicId: all.topics.length + 1 });
    all.votes.push(...rows.votes);
    all.topics.push(...rows.topics);
    all.ballots.push(...rows.ballots);
  }
  // the bulk inserter binds values as they are: the simple-json column goes in as its JSON text
  result.votes = await inserter.insert(OwnerVote, all.votes.map((v) => ({ ...v, buildingIds: JSON.stringify(v.buildingIds) as unknown as number[] })));
  result.topics = await inserter.insert(OwnerVoteTopic, all.topics);
  result.ballots = await inserter.insert(OwnerVoteBallot, all.ballots);
  result.voteSeconds = (Date.now() - voteStarted) / 1000;
  log(`owner votes: ${result.votes} votes, ${result.topics} topics, ${result.ballots} ballots (${result.voteSeconds.toFixed(1)} s)`);
  return result;
}
