import { BallotSource, DecisionCategory, VoteConvener, VoteMeetingType, VoteState } from '@szpm/contract';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { ENTITIES } from '../database/entities';
import { SQLITE_MIGRATIONS } from '../database/migrations/sqlite';
import { OwnerVote, OwnerVoteBallot, OwnerVoteTopic } from '../modules/owner-decisions/entities';
import { VoteClockService } from '../modules/owner-decisions/vote-clock.service';
import { voteNumber } from '../modules/owner-decisions/vote-rules';
import { categoryThreshold, participationBp, SUPER_MAJORITY, tallyTopic } from '../modules/owner-decisions/vote-tally';
import { VoteUnitsService } from '../modules/owner-decisions/vote-units.service';
import { JobQueue } from '../queue/job-queue';
import { seedDemo } from './demo-seed';
import * as step from './owner-decision-seed';
import { DEMO_OWNER_DECISION_PLAN, loadOwnerDecisionSeedInput, ownerDecisionSeedRows, SEED_PUBLICITY_DAYS } from './owner-decision-seed';
import { DEMO_OWNER_OPENIDS } from './owner-evaluation-seed';
import { SeededRandom } from './random';
import { SeedTargetNotEmptyError } from './seed-writer';
import { FUTIAN_ID, NANSHAN_ID } from './shenzhen';

type Rows = Array<Record<string, unknown>>;
const DAY = 86_400_000;

describe('the owner-decision seed (in the demo seed)', () => {
  let ds: DataSource;
  let result: step.OwnerDecisionSeedResult;
  let seededAt: Date;
  let votes: OwnerVote[];
  let topics: OwnerVoteTopic[];
  let ballots: OwnerVoteBallot[];
  const units = new VoteUnitsService();
  const rows = (sql: string, params: unknown[] = []) => ds.query(sql, params) as Promise<Rows>;
  const topicsOf = (voteId: number) => topics.filter((t) => t.voteId === voteId);
  const counted = (v: OwnerVote) => v.state === VoteState.PUBLICITY || v.state === VoteState.COMPLETED;

  beforeAll(async () => {
    const seeded = jest.spyOn(step, 'seedOwnerDecisions');
    ds = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: ENTITIES, migrations: SQLITE_MIGRATIONS, migrationsRun: true }).initialize();
    seededAt = new Date();
    await seedDemo(ds);
    expect(seeded).toHaveBeenCalledTimes(1);
    result = await seeded.mock.results[0].value;
    seeded.mockRestore();
    votes = await ds.getRepository(OwnerVote).find({ order: { id: 'ASC' } });
    topics = await ds.getRepository(OwnerVoteTopic).find({ order: { id: 'ASC' } });
    ballots = await ds.getRepository(OwnerVoteBallot).find({ order: { id: 'ASC' } });
  });
  afterAll(() => ds.destroy());

  it('is quick and says what it wrote', () => {
    // it runs at the start of every e2e file: well under a second on SQLite
    expect(result.seconds).toBeLessThan(2);
    expect(result).toMatchObject({ votes: votes.length, topics: topics.length, ballots: ballots.length });
    expect(Object.values(result.byState).reduce((a, b) => a + b, 0)).toBe(votes.length);
    expect(ballots.length).toBeGreaterThan(1000);
  });

  it('holds votes in every state, in 福田 and 南山 areas with bound owners, numbered by area and id', async () => {
    for (const state of Object.values(VoteState)) expect(votes.filter((v) => v.state === state).length).toBeGreaterThan(0);
    expect(new Set(votes.map((v) => v.districtId))).toEqual(new Set([FUTIAN_ID, NANSHAN_ID]));
    const areas = new Map((await rows('SELECT id, districtId, streetId, communityId FROM property_areas')).map((a) => [Number(a.id), a]));
    for (const v of votes) {
      expect(areas.get(v.propertyAreaId)).toEqual({ id: v.propertyAreaId, districtId: v.districtId, streetId: v.streetId, communityId: v.communityId });
      expect(v.voteNo).toBe(voteNumber(v.propertyAreaId, v.id));
      expect(topicsOf(v.id).map((t) => t.seq)).toEqual(topicsOf(v.id).map((_, i) => i + 1));
    }
    const bound = new Set((await rows('SELECT DISTINCT propertyAreaId FROM owner_house_bindings')).map((b) => Number(b.propertyAreaId)));
    expect(votes.every((v) => bound.has(v.propertyAreaId))).toBe(true);
    // about 6–12 % of the eligible areas a year over three years, and the current ones
    expect(result.byState[VoteState.COMPLETED]).toBeGreaterThanOrEqual(8);
  });

  it('varies meeting types, conveners and categories, the 3/4 items among them', () => {
    expect(new Set(votes.map((v) => v.meetingType)).size).toBeGreaterThanOrEqual(3);
    const conveners = new Set(votes.map((v) => v.convener));
    expect(conveners.has(VoteConvener.COMMITTEE) && conveners.has(VoteConvener.STREET_OFFICE)).toBe(true);
    expect(conveners.size).toBeGreaterThanOrEqual(3);
    const categories = new Set(topics.map((t) => t.category));
    for (const category of [DecisionCategory.RAISE_FUND, DecisionCategory.REBUILD, DecisionCategory.COMMON_PART_USE, DecisionCategory.HIRE_COMPANY, DecisionCategory.USE_FUND]) expect(categories).toContain(category);
    expect(categories.size).toBeGreaterThanOrEqual(7);
    // a committee's votes are entered by its account, the street office's by its officer, who also checks the committee's
    expect(votes.filter((v) => v.convener === VoteConvener.STREET_OFFICE).every((v) => v.checkedById === null || v.checkedById === v.createdById)).toBe(true);
    expect(votes.some((v) => v.meetingType === VoteMeetingType.REGULAR) && votes.some((v) => v.meetingType === VoteMeetingType.EXTRAORDINARY)).toBe(true);
  });

  it('dates every state around the seeding time, so that the clock finds nothing due and picks each open vote up later', async () => {
    const now = seededAt.getTime();
    for (const v of votes) {
      expect(v.endAt.getTime()).toBeGreaterThan(v.beginAt.getTime());
      expect(v.createdAt.getTime()).toBeLessThanOrEqual(now);
      if (v.state === VoteState.DRAFT || v.state === VoteState.SUBMITTED || v.state === VoteState.PUBLISHED) expect(v.beginAt.getTime()).toBeGreaterThan(now);
      if (v.state === VoteState.VOTING) expect([v.beginAt.getTime() < now, v.endAt.getTime() > now]).toEqual([true, true]);
      if (counted(v)) {
        expect(v.publicityAt!.getTime()).toBeGreaterThanOrEqual(v.endAt.getTime());
        expect(v.publicityAt!.getTime() + SEED_PUBLICITY_DAYS * DAY > now).toBe(v.state === VoteState.PUBLICITY);
      } else expect(v.publicityAt).toBeNull();
      // checked by the street office once past its check; a returned draft keeps the note
      if (v.state === VoteState.SUBMITTED) expect(v.checkedById).toBeNull();
      if ([VoteState.PUBLISHED, VoteState.VOTING, VoteState.PUBLICITY, VoteState.COMPLETED].includes(v.state)) expect(v.checkedAt!.getTime()).toBeLessThan(v.beginAt.getTime());
    }
    expect(votes.some((v) => v.state === VoteState.DRAFT && v.checkNote !== null && v.checkedById !== null)).toBe(true);
    // extended once: the old end kept, the reason given, voting still open past the old end
    const extended = votes.filter((v) => v.delayed);
    expect(extended.every((v) => v.delayReason && v.oldEndAt && v.oldEndAt.getTime() < v.endAt.getTime())).toBe(true);
    expect(extended.some((v) => v.state === VoteState.VOTING)).toBe(true);
    expect(votes.filter((v) => !v.delayed).every((v) => v.oldEndAt === null && v.delayReason === null)).toBe(true);
    // the open votes were opened: their totals are frozen; the ones not yet open have none and no ballots
    for (const v of votes.filter((x) => x.state === VoteState.VOTING)) {
      const scope = await units.scope(ds.manager, v);
      expect([v.totalAreaHundredths, v.totalPersons]).toEqual([scope.totalArea.toString(), scope.totalPersons]);
      expect(ballots.some((b) => b.voteId === v.id)).toBe(true);
      expect(topicsOf(v.id).every((t) => t.passed === null && t.quorumReached === null)).toBe(true);
    }
    for (const v of votes.filter((x) => [VoteState.DRAFT, VoteState.SUBMITTED, VoteState.PUBLISHED].includes(x.state))) {
      expect([v.totalAreaHundredths, v.totalPersons, v.participationAreaBp]).toEqual([null, null, null]);
      expect(ballots.some((b) => b.voteId === v.id)).toBe(false);
    }
  });

  it('stores the results of the counted votes as tallyTopic recounts them from the stored ballots', async () => {
    const countedVotes = votes.filter(counted);
    expect(countedVotes.length).toBeGreaterThanOrEqual(10);
    for (const v of countedVotes) {
      const scope = await units.scope(ds.manager, v);
      expect([v.totalAreaHundredths, v.totalPersons]).toEqual([scope.totalArea.toString(), scope.totalPersons]);
      let best = { areaBp: 0, personsBp: 0 };
      for (const topic of topicsOf(v.id)) {
        const tally = tallyTopic(scope, topic.category, ballots.filter((b) => b.topicId === topic.id));
        const stored = [topic.quorumReached, topic.passed, BigInt(topic.participatingAreaHundredths!), topic.participatingPersons, BigInt(topic.agreeAreaHundredths!), topic.agreePersons];
        expect(stored).toEqual([tally.quorumReached, tally.passed, tally.participating.area, tally.participating.persons, tally.agree.area, tally.agree.persons]);
        const bp = participationBp(tally.participating, scope);
        best = { areaBp: Math.max(best.areaBp, bp.areaBp), personsBp: Math.max(best.personsBp, bp.personsBp) };
      }
      expect([v.participationAreaBp, v.participationPersonsBp]).toEqual([best.areaBp, best.personsBp]);
    }
  });

  it('puts results on both sides of every threshold', () => {
    const countedIds = new Set(votes.filter(counted).map((v) => v.id));
    const countedTopics = topics.filter((t) => countedIds.has(t.voteId));
    // the 2/3 participation quorum
    expect(countedTopics.some((t) => t.quorumReached === false)).toBe(true);
    expect(countedTopics.some((t) => t.quorumReached === true)).toBe(true);
    const quorate = countedTopics.filter((t) => t.quorumReached);
    const superMajority = quorate.filter((t) => categoryThreshold(t.category) === SUPER_MAJORITY);
    const majority = quorate.filter((t) => categoryThreshold(t.category) !== SUPER_MAJORITY);
    // 3/4 passing and failing; one failing though more than half of the area and persons agree
    expect(superMajority.some((t) => t.passed)).toBe(true);
    expect(superMajority.some((t) => !t.passed && BigInt(t.agreeAreaHundredths!) * 2n > BigInt(t.participatingAreaHundredths!) && t.agreePersons! * 2 > t.participatingPersons!)).toBe(true);
    // 过半数 passing and failing
    expect(majority.some((t) => t.passed)).toBe(true);
    expect(majority.some((t) => !t.passed)).toBe(true);
    // a meeting below the quorum on every topic, and the meetings' participation spread on both sides of 2/3
    expect(votes.some((v) => counted(v) && topicsOf(v.id).every((t) => !t.quorumReached))).toBe(true);
    expect(countedTopics.filter((t) => !t.quorumReached).every((t) => !t.passed)).toBe(true);
  });

  it('ballots only houses of the vote\'s scope, one per house and topic, electronic by the bound owner and paper entered by the convener', async () => {
    const houses = new Map((await rows('SELECT id, propertyAreaId, buildingId FROM houses')).map((h) => [Number(h.id), { propertyAreaId: Number(h.propertyAreaId), buildingId: h.buildingId === null ? null : Number(h.buildingId) }]));
    const identityOf = new Map((await rows('SELECT houseId, identityId FROM owner_house_bindings')).map((b) => [Number(b.houseId), Number(b.identityId)]));
    const topicById = new Map(topics.map((t) => [t.id, t]));
    const voteById = new Map(votes.map((v) => [v.id, v]));
    const seen = new Set<string>();
    for (const b of ballots) {
      const vote = voteById.get(b.voteId)!;
      expect(topicById.get(b.topicId)!.voteId).toBe(b.voteId);
      expect(VoteUnitsService.inScope(vote, houses.get(b.houseId)!)).toBe(true);
      expect(seen.has(`${b.topicId}:${b.houseId}`)).toBe(false);
      seen.add(`${b.topicId}:${b.houseId}`);
      expect(b.votedAt.getTime()).toBeGreaterThanOrEqual(vote.beginAt.getTime());
      expect(b.votedAt.getTime()).toBeLessThanOrEqual(Math.min(vote.endAt.getTime(), seededAt.getTime() + 60_000));
      if (b.source === BallotSource.ELECTRONIC) expect([b.identityId, b.enteredById, b.paperNo]).toEqual([identityOf.get(b.houseId), null, null]);
      else expect([b.identityId, b.enteredById, typeof b.paperNo]).toEqual([null, vote.createdById, 'string']);
    }
    const sources = new Set(ballots.map((b) => b.source));
    expect(sources).toEqual(new Set([BallotSource.ELECTRONIC, BallotSource.PAPER]));
    expect(votes.some((v) => v.scope === 'BUILDINGS' && ballots.some((b) => b.voteId === v.id))).toBe(true);
  });

  it('gives demo.committee an open vote the first demo owner has not ballotted yet and one for futian.street.xiangmihu to check', async () => {
    const [committee] = await rows(`SELECT c.propertyAreaId, a.streetId FROM accounts acc JOIN owners_committees c ON c.id = acc.unitId JOIN property_areas a ON a.id = c.propertyAreaId WHERE acc.username = 'demo.committee'`);
    const [committeeAccount] = await rows(`SELECT id FROM accounts WHERE username = 'demo.committee'`);
    const [street] = await rows(`SELECT id, streetId FROM accounts WHERE username = 'futian.street.xiangmihu'`);
    expect(street.streetId).toBe(committee.streetId);
    const own = votes.filter((v) => v.propertyAreaId === Number(committee.propertyAreaId));
    const open = own.find((v) => v.state === VoteState.VOTING)!;
    expect(open.createdById).toBe(Number(committeeAccount.id));
    expect(open.checkedById).toBe(Number(street.id));
    expect(own.some((v) => v.state === VoteState.SUBMITTED && v.createdById === Number(committeeAccount.id))).toBe(true);
    const demoHouses = (await rows(`SELECT b.houseId FROM owner_house_bindings b JOIN owner_identities i ON i.id = b.identityId WHERE i.openid = ?`, [DEMO_OWNER_OPENIDS[0]])).map((h) => Number(h.houseId));
    expect(demoHouses.length).toBe(2);
    expect(ballots.some((b) => b.voteId === open.id && demoHouses.includes(b.houseId))).toBe(false);
  });

  it('is deterministic for the rng, input and now', async () => {
    const input = await loadOwnerDecisionSeedInput(ds.manager, [FUTIAN_ID, NANSHAN_ID]);
    const now = new Date('2026-06-15T04:00:00Z');
    const draw = (seed: number) => ownerDecisionSeedRows(input, new SeededRandom(seed), DEMO_OWNER_DECISION_PLAN, { now, publicityDays: SEED_PUBLICITY_DAYS, scopeOf: (v) => units.scope(ds.manager, v) });
    const first = await draw(1);
    expect(JSON.stringify(await draw(1))).toBe(JSON.stringify(first));
    expect(JSON.stringify((await draw(2)).ballots)).not.toBe(JSON.stringify(first.ballots));
    for (const state of Object.values(VoteState)) expect(first.votes.some((v) => v.state === state)).toBe(true);
  });

  it('refuses vote tables that already hold rows', async () => {
    await expect(step.seedOwnerDecisions(ds, ds.manager, new SeededRandom(1), { districtIds: [FUTIAN_ID] })).rejects.toBeInstanceOf(SeedTargetNotEmptyError);
  });

  // last: it moves the votes on
  it('leaves nothing due for the clock at seeding, and the clock counts the open votes the same way when they close', async () => {
    const queue = { add: jest.fn().mockResolvedValue(undefined) } as unknown as JobQueue;
    const clock = new VoteClockService({ ownerDecisions: { publicityDays: SEED_PUBLICITY_DAYS } } as AppConfig, ds, queue, units);
    expect(await clock.sweep(seededAt)).toBe(0);
    const open = votes.filter((v) => v.state === VoteState.VOTING);
    const later = new Date(Math.max(...open.map((v) => v.endAt.getTime())) + 60_000);
    for (const v of open) expect(await clock.step(v.id, later)).toBe(VoteState.PUBLICITY);
    const closed = await ds.getRepository(OwnerVoteTopic).find({ where: open.map((v) => ({ voteId: v.id })) });
    expect(closed.every((t) => t.quorumReached !== null && t.passed !== null)).toBe(true);
  });
});
