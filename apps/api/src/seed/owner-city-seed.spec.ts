import { DEV_WECHAT_OPENID_PATTERN, VoteState } from '@szpm/contract';
import { DataSource } from 'typeorm';
import { ENTITIES } from '../database/entities';
import { SQLITE_MIGRATIONS } from '../database/migrations/sqlite';
import { OwnerVote, OwnerVoteBallot, OwnerVoteTopic } from '../modules/owner-decisions/entities';
import { participationBp, tallyTopic } from '../modules/owner-decisions/vote-tally';
import { VoteUnitsService } from '../modules/owner-decisions/vote-units.service';
import { seedCity } from './city-seed';
import * as step from './owner-city-seed';
import { CITY_OWNER_EVALUATION_PLAN, CITY_VOTE_PLAN } from './owner-city-seed';
import { seededOwnerOpenid } from './owner-evaluation-seed';

type Rows = Array<Record<string, unknown>>;

/** A small city (the full one is seeded and benchmarked on MariaDB: bench/owner-evaluations.bench.mjs). */
const SMALL_CITY = { propertyAreas: 160, companies: 50, projectManagers: 160, developers: 25, houses: 16_000 };

describe('the owner city seed (in the city seed)', () => {
  let ds: DataSource;
  let result: step.OwnerCitySeedResult;
  const rows = (sql: string, params: unknown[] = []) => ds.query(sql, params) as Promise<Rows>;
  const count = async (sql: string, params: unknown[] = []) => Number((await rows(sql, params))[0].n);

  beforeAll(async () => {
    const seeded = jest.spyOn(step, 'seedOwnerCity');
    ds = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: ENTITIES, migrations: SQLITE_MIGRATIONS, migrationsRun: true }).initialize();
    await seedCity(ds, { seed: 3, log: () => undefined, size: SMALL_CITY });
    expect(seeded).toHaveBeenCalledTimes(1);
    result = await seeded.mock.results[0].value;
    seeded.mockRestore();
  }, 120_000);
  afterAll(() => ds.destroy());

  it('says what it wrote', async () => {
    expect(result).toMatchObject({
      identities: await count('SELECT COUNT(*) AS n FROM owner_identities'),
      bindings: await count('SELECT COUNT(*) AS n FROM owner_house_bindings'),
      evaluations: await count('SELECT COUNT(*) AS n FROM owner_evaluations'),
      answers: await count('SELECT COUNT(*) AS n FROM owner_evaluation_answers'),
      areaMonths: await count('SELECT COUNT(*) AS n FROM owner_evaluation_area_months'),
      votes: await count('SELECT COUNT(*) AS n FROM owner_votes'),
      topics: await count('SELECT COUNT(*) AS n FROM owner_vote_topics'),
      ballots: await count('SELECT COUNT(*) AS n FROM owner_vote_ballots'),
    });
  });

  it('binds about half the houses of every district and gives the city ≈3 evaluations a house a year (3,000,000 for 1,000,000)', async () => {
    const perDistrict = await rows('SELECT h.districtId, COUNT(*) AS houses, COUNT(DISTINCT b.houseId) AS bound FROM houses h LEFT JOIN owner_house_bindings b ON b.houseId = h.id GROUP BY h.districtId');
    expect(perDistrict).toHaveLength(11);
    for (const d of perDistrict) {
      expect(Number(d.bound) / Number(d.houses)).toBeGreaterThan(CITY_OWNER_EVALUATION_PLAN.boundShare[0] - 0.04);
      expect(Number(d.bound) / Number(d.houses)).toBeLessThan(CITY_OWNER_EVALUATION_PLAN.boundShare[1] + 0.04);
    }
    // owners ≈ half the houses (a few own two)
    expect(result.identities / SMALL_CITY.houses).toBeGreaterThan(0.4);
    expect(result.identities / SMALL_CITY.houses).toBeLessThan(0.58);
    expect(result.evaluations / SMALL_CITY.houses).toBeGreaterThan(2.6);
    expect(result.evaluations / SMALL_CITY.houses).toBeLessThan(3.4);
  });

  it('numbers the districts’ identities, bindings, evaluations and answers on from one another, the openid following the identity', async () => {
    const identities = await rows('SELECT id, openid FROM owner_identities ORDER BY id');
    expect(identities.map((i) => Number(i.id))).toEqual(identities.map((_, i) => i + 1));
    expect(identities.every((i) => DEV_WECHAT_OPENID_PATTERN.test(String(i.openid)) && i.openid === seededOwnerOpenid(Number(i.id)))).toBe(true);
    expect(await count('SELECT MAX(id) - COUNT(*) AS n FROM owner_evaluations')).toBe(0);
    expect(await count('SELECT MAX(id) - COUNT(*) AS n FROM owner_evaluation_answers')).toBe(0);
    // every evaluation by the identity bound to its house, every answer of an evaluation
    expect(await count('SELECT COUNT(*) AS n FROM owner_evaluations e LEFT JOIN owner_house_bindings b ON b.houseId = e.houseId AND b.identityId = e.identityId WHERE b.id IS NULL')).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM owner_evaluation_answers a LEFT JOIN owner_evaluations e ON e.id = a.evaluationId WHERE e.id IS NULL')).toBe(0);
    // an identity's houses lie in one district (each district's owners are its own)
    expect(await count('SELECT COUNT(*) AS n FROM (SELECT identityId FROM owner_house_bindings GROUP BY identityId HAVING COUNT(DISTINCT districtId) > 1)')).toBe(0);
  });

  it('keeps monthly sums per area equal to a recount of the evaluations', async () => {
    const recount = await rows(
      `SELECT propertyAreaId, target, month, COUNT(*) AS records, SUM(scoreHundredths) AS score, SUM(CASE WHEN lowStar = 1 THEN 1 ELSE 0 END) AS low, SUM(CASE WHEN repliedAt IS NOT NULL THEN 1 ELSE 0 END) AS replied
       FROM owner_evaluations GROUP BY propertyAreaId, target, month ORDER BY propertyAreaId, target, month`,
    );
    const sums = await rows('SELECT propertyAreaId, target, month, records, scoreHundredthsSum AS score, lowStar AS low, replied FROM owner_evaluation_area_months ORDER BY propertyAreaId, target, month');
    const asNumbers = (list: Rows) => list.map((r) => [r.propertyAreaId, r.target, r.month, Number(r.records), Number(r.score), Number(r.low), Number(r.replied)]);
    expect(asNumbers(sums)).toEqual(asNumbers(recount));
  });

  it('writes one vote an area up to the plan, in every state, ballots one per house and topic within the scope', async () => {
    const areas = await count('SELECT COUNT(*) AS n FROM property_areas WHERE houseCount > 0');
    expect(result.votes).toBe(Math.min(CITY_VOTE_PLAN.votes, areas));
    expect(await count('SELECT COUNT(DISTINCT propertyAreaId) AS n FROM owner_votes')).toBe(result.votes);
    const states = (await rows('SELECT DISTINCT state FROM owner_votes')).map((r) => r.state);
    expect(new Set(states)).toEqual(new Set(Object.values(VoteState)));
    expect(await count('SELECT COUNT(*) AS n FROM (SELECT 1 FROM owner_vote_ballots GROUP BY topicId, houseId HAVING COUNT(*) > 1)')).toBe(0);
    // no ballots before voting opened; ballots of a topic are of its vote
    expect(await count(`SELECT COUNT(*) AS n FROM owner_vote_ballots b JOIN owner_votes v ON v.id = b.voteId WHERE v.state IN ('DRAFT', 'SUBMITTED', 'PUBLISHED')`)).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM owner_vote_ballots b JOIN owner_vote_topics t ON t.id = b.topicId WHERE t.voteId <> b.voteId')).toBe(0);
    // an electronic ballot is cast by the identity bound to the house, a paper one entered by an account
    expect(await count(`SELECT COUNT(*) AS n FROM owner_vote_ballots b LEFT JOIN owner_house_bindings o ON o.houseId = b.houseId AND o.identityId = b.identityId WHERE b.source = 'ELECTRONIC' AND o.id IS NULL`)).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM owner_vote_ballots WHERE source = 'PAPER' AND (enteredById IS NULL OR paperNo IS NULL)`)).toBe(0);
    const votes = await ds.getRepository(OwnerVote).find();
    const houses = new Map((await rows('SELECT id, propertyAreaId, buildingId FROM houses')).map((h) => [Number(h.id), { propertyAreaId: Number(h.propertyAreaId), buildingId: h.buildingId === null ? null : Number(h.buildingId) }]));
    const voteOf = new Map(votes.map((v) => [v.id, v]));
    const outside = (await ds.getRepository(OwnerVoteBallot).find()).filter((b) => !VoteUnitsService.inScope(voteOf.get(b.voteId)!, houses.get(b.houseId)!));
    expect(outside).toEqual([]);
    expect(votes.some((v) => v.scope === 'BUILDINGS')).toBe(true);
  });

  it('stores each counted vote’s results as the clock’s tally of its ballots would', async () => {
    const units = new VoteUnitsService();
    const counted = await ds.getRepository(OwnerVote).find({ where: [{ state: VoteState.PUBLICITY }, { state: VoteState.COMPLETED }], order: { id: 'ASC' } });
    expect(counted.length).toBeGreaterThan(result.votes / 2);
    const differing: number[] = [];
    for (const vote of counted) {
      const scope = await units.scope(ds.manager, vote);
      const topics = await ds.getRepository(OwnerVoteTopic).find({ where: { voteId: vote.id }, order: { seq: 'ASC' } });
      const ballots = await ds.getRepository(OwnerVoteBallot).find({ where: { voteId: vote.id } });
      let participation = { areaBp: 0, personsBp: 0 };
      for (const topic of topics) {
        const tally = tallyTopic(scope, topic.category, ballots.filter((b) => b.topicId === topic.id));
        const stored = [topic.quorumReached, topic.passed, topic.participatingAreaHundredths, topic.participatingPersons, topic.agreeAreaHundredths, topic.agreePersons];
        const recount = [tally.quorumReached, tally.passed, tally.participating.area.toString(), tally.participating.persons, tally.agree.area.toString(), tally.agree.persons];
        if (JSON.stringify(stored) !== JSON.stringify(recount)) differing.push(vote.id);
        const bp = participationBp(tally.participating, scope);
        participation = { areaBp: Math.max(participation.areaBp, bp.areaBp), personsBp: Math.max(participation.personsBp, bp.personsBp) };
      }
      if (vote.totalAreaHundredths !== scope.totalArea.toString() || vote.totalPersons !== scope.totalPersons || vote.participationAreaBp !== participation.areaBp || vote.participationPersonsBp !== participation.personsBp) differing.push(vote.id);
    }
    expect(differing).toEqual([]);
    // some pass, some fail, some miss the quorum
    const outcomes = await rows(`SELECT t.quorumReached AS q, t.passed AS p, COUNT(*) AS n FROM owner_vote_topics t JOIN owner_votes v ON v.id = t.voteId WHERE v.state IN ('PUBLICITY', 'COMPLETED') GROUP BY t.quorumReached, t.passed`);
    expect(outcomes.length).toBeGreaterThanOrEqual(3);
    // a vote not yet counted has no results
    expect(await count(`SELECT COUNT(*) AS n FROM owner_vote_topics t JOIN owner_votes v ON v.id = t.voteId WHERE v.state NOT IN ('PUBLICITY', 'COMPLETED') AND t.passed IS NOT NULL`)).toBe(0);
  });
});
