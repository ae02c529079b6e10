import { JwtService } from '@nestjs/jwt';
import { DEV_WECHAT_OPENID_PATTERN, EvaluationTarget } from '@szpm/contract';
import { createHmac } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { maskIdNumber } from '../common/http/masking';
import { loadConfig } from '../config/app-config';
import { ENTITIES } from '../database/entities';
import { SQLITE_MIGRATIONS } from '../database/migrations/sqlite';
import { DevelopmentWechatIdentity } from '../integrations/wechat/development-wechat';
import { WechatClient } from '../integrations/wechat/wechat.client';
import { LookupThrottle } from '../modules/identity/lookup-throttle.service';
import { SmsCodeService } from '../modules/identity/sms-code.service';
import { isLowStar, monthsBefore, overallStars, scoreHundredths, shanghaiMonth } from '../modules/owner-evaluations/evaluation-score';
import { OwnerIdentity } from '../modules/owners/entities';
import { OwnerTokens } from '../modules/owners/owner-session';
import { OwnersService } from '../modules/owners/owners.service';
import { seedDemo } from './demo-seed';
import * as step from './owner-evaluation-seed';
import { DEMO_OWNER_EVALUATION_PLAN, DEMO_OWNER_OPENIDS, loadOwnerEvaluationSeedInput, ownerEvaluationSeedRows, SEED_ID_HASH_SECRET, seededOwnerOpenid } from './owner-evaluation-seed';
import { SeededRandom } from './random';
import { SeedTargetNotEmptyError } from './seed-writer';
import { FUTIAN_ID, NANSHAN_ID } from './shenzhen';

type Rows = Array<Record<string, unknown>>;
const share = (part: number, whole: number) => part / whole;

describe('the owner-evaluation seed (in the demo seed)', () => {
  let ds: DataSource;
  let result: step.OwnerEvaluationSeedResult;
  const rows = (sql: string, params: unknown[] = []) => ds.query(sql, params) as Promise<Rows>;
  const count = async (sql: string, params: unknown[] = []) => Number((await rows(sql, params))[0].n);
  const thisMonth = shanghaiMonth(new Date());
  const months = Array.from({ length: 12 }, (_, i) => monthsBefore(thisMonth, 12 - i));

  beforeAll(async () => {
    const seeded = jest.spyOn(step, 'seedOwnerEvaluations');
    ds = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: ENTITIES, migrations: SQLITE_MIGRATIONS, migrationsRun: true }).initialize();
    await seedDemo(ds);
    expect(seeded).toHaveBeenCalledTimes(1);
    result = await seeded.mock.results[0].value;
    seeded.mockRestore();
  });
  afterAll(() => ds.destroy());

  it('takes a few seconds at most and says what it wrote', async () => {
    // seconds on SQLite under jest, whose sandbox slows every Math call; a plain start is several times faster
    expect(result.seconds).toBeLessThan(10);
    expect(result).toMatchObject({
      identities: await count('SELECT COUNT(*) AS n FROM owner_identities'),
      bindings: await count('SELECT COUNT(*) AS n FROM owner_house_bindings'),
      evaluations: await count('SELECT COUNT(*) AS n FROM owner_evaluations'),
      answers: await count('SELECT COUNT(*) AS n FROM owner_evaluation_answers'),
      areaMonths: await count('SELECT COUNT(*) AS n FROM owner_evaluation_area_months'),
      reasonMonths: await count('SELECT COUNT(*) AS n FROM owner_evaluation_reason_months'),
    });
    expect(result.evaluations).toBeGreaterThan(10_000);
  });

  it('binds about half the 福田 and 南山 houses to registry owners, each identity with its dev openid', async () => {
    const identities = await rows('SELECT id, channel, openid FROM owner_identities ORDER BY id');
    expect(identities.every((i) => i.channel === 'oa' && DEV_WECHAT_OPENID_PATTERN.test(String(i.openid)) && i.openid === seededOwnerOpenid(Number(i.id)))).toBe(true);
    expect(identities.slice(0, 2).map((i) => i.openid)).toEqual([...DEMO_OWNER_OPENIDS]);
    for (const districtId of [FUTIAN_ID, NANSHAN_ID]) {
      const houses = await count('SELECT COUNT(*) AS n FROM houses WHERE districtId = ?', [districtId]);
      const bound = await count('SELECT COUNT(DISTINCT houseId) AS n FROM owner_house_bindings WHERE districtId = ?', [districtId]);
      expect(share(bound, houses)).toBeGreaterThan(0.45);
      expect(share(bound, houses)).toBeLessThan(0.7);
    }
    expect(await count('SELECT COUNT(*) AS n FROM owner_house_bindings WHERE districtId NOT IN (?, ?)', [FUTIAN_ID, NANSHAN_ID])).toBe(0);
    // a house has one registered owner bound, some owners two houses
    expect(await count('SELECT COUNT(*) - COUNT(DISTINCT houseId) AS n FROM owner_house_bindings')).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM (SELECT identityId FROM owner_house_bindings GROUP BY identityId HAVING COUNT(*) = 2)')).toBeGreaterThan(50);
    // the binding is what binding by name + ID number would have written: the registry row of the house, its hash and mask
    const bindings = await rows(
      `SELECT b.*, o.name, o.idNumber, o.houseId AS ownerHouseId, o.propertyAreaId AS ownerAreaId, h.propertyAreaId AS houseAreaId, a.streetId AS areaStreetId
       FROM owner_house_bindings b JOIN owners o ON o.id = b.ownerId JOIN houses h ON h.id = b.houseId JOIN property_areas a ON a.id = b.propertyAreaId`,
    );
    expect(bindings).toHaveLength(result.bindings);
    const unlike = bindings.filter(
      (b) =>
        b.ownerName !== b.name ||
        b.ownerHouseId !== b.houseId ||
        b.ownerAreaId !== b.propertyAreaId ||
        b.houseAreaId !== b.propertyAreaId ||
        b.streetId !== b.areaStreetId ||
        b.idNumberMasked !== maskIdNumber(String(b.idNumber)) ||
        b.idNumberHash !== createHmac('sha256', SEED_ID_HASH_SECRET).update(String(b.idNumber)).digest('hex'),
    );
    expect(unlike).toEqual([]);
    // an owner of two houses is one person in the registry
    expect(await count('SELECT COUNT(*) AS n FROM (SELECT b.identityId FROM owner_house_bindings b JOIN owners o ON o.id = b.ownerId GROUP BY b.identityId HAVING COUNT(DISTINCT o.idNumber || o.name || o.phone) > 1)')).toBe(0);
  });

  it('signs the demo owners in through the development sign-in, bound to houses of demo.manager’s 福田 areas, one with a committee', async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: join(tmpdir(), 'szpm-owner-evaluation-seed-spec'), JWT_SECRET: 'x'.repeat(32), WECHAT_DEV_SIGN_IN: 'true' });
    // the development sign-in and the owner's view of the bindings use neither WeChat, SMS nor the lookup throttle
    const unused = null as unknown as WechatClient & SmsCodeService & LookupThrottle;
    const owners = new OwnersService(ds, ds.getRepository(OwnerIdentity), config, unused, new DevelopmentWechatIdentity(config), new OwnerTokens(new JwtService({ secret: config.jwtSecret })), unused, unused);
    const [manager] = await rows(`SELECT unitId FROM accounts WHERE username = 'demo.manager'`);
    const committees: boolean[] = [];
    for (const openid of DEMO_OWNER_OPENIDS) {
      const session = await owners.devLogin(openid);
      expect(session.openid).toBe(openid);
      expect(session.me.bindings.length).toBeGreaterThanOrEqual(1);
      expect(session.me.bindings.length).toBeLessThanOrEqual(2);
      for (const binding of session.me.bindings) {
        const [area] = await rows('SELECT districtId, projectManagerId FROM property_areas WHERE id = ?', [binding.propertyAreaId]);
        expect(area).toEqual({ districtId: FUTIAN_ID, projectManagerId: manager.unitId });
        committees.push(binding.hasCommittee);
      }
      // this month is still open for them: no evaluation of it
      expect(await count('SELECT COUNT(*) AS n FROM owner_evaluations WHERE identityId = ? AND month >= ?', [session.me.identityId, thisMonth])).toBe(0);
      expect(await count('SELECT COUNT(*) AS n FROM owner_evaluations WHERE identityId = ?', [session.me.identityId])).toBeGreaterThan(6);
    }
    expect(committees).toContain(true);
    expect(await count('SELECT COUNT(*) AS n FROM owner_identities')).toBe(result.identities);
  });

  it('evaluates the twelve months before this one, by bound owners of the house, in the month, the committee only where there is one', async () => {
    expect((await rows('SELECT DISTINCT month FROM owner_evaluations ORDER BY month')).map((r) => r.month)).toEqual(months);
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM owner_evaluations e LEFT JOIN owner_house_bindings b ON b.houseId = e.houseId AND b.identityId = e.identityId AND b.ownerId = e.ownerId AND b.ownerName = e.ownerName
         WHERE b.id IS NULL OR e.submittedAt < b.boundAt OR e.propertyAreaId <> b.propertyAreaId`,
      ),
    ).toBe(0);
    const stored = (at: unknown) => new Date(`${String(at)}Z`);
    const evaluations = await rows('SELECT id, month, submittedAt, repliedAt FROM owner_evaluations');
    expect(evaluations.filter((e) => shanghaiMonth(stored(e.submittedAt)) !== e.month || (e.repliedAt !== null && stored(e.repliedAt) < stored(e.submittedAt)))).toEqual([]);
    expect(evaluations.filter((e) => Number.isNaN(stored(e.submittedAt).getTime()))).toEqual([]);
    const mismatched = `SELECT COUNT(*) AS n FROM owner_evaluations e JOIN property_areas a ON a.id = e.propertyAreaId
      WHERE e.districtId <> a.districtId OR e.streetId <> a.streetId OR e.communityId <> a.communityId
         OR (e.target = 'PROPERTY' AND (e.companyId IS NOT a.companyId OR e.committeeId IS NOT NULL))
         OR (e.target = 'COMMITTEE' AND (a.ownersCommitteeId IS NULL OR e.committeeId IS NOT a.ownersCommitteeId OR e.companyId IS NOT NULL))`;
    expect(await count(mismatched)).toBe(0);
    // ids follow the order of submission
    expect(await count('SELECT COUNT(*) AS n FROM owner_evaluations e JOIN owner_evaluations f ON f.id = e.id + 1 WHERE f.submittedAt < e.submittedAt')).toBe(0);
  });

  it('scores every record with the module’s score of its answers, one answer per item of the catalogue', async () => {
    const items = await rows('SELECT id, target, name, weight FROM owner_evaluation_items WHERE active = 1');
    const answers = await rows('SELECT evaluationId, itemId, itemName, weight, star FROM owner_evaluation_answers ORDER BY id');
    const answersOf = new Map<number, Rows>();
    for (const a of answers) answersOf.set(Number(a.evaluationId), [...(answersOf.get(Number(a.evaluationId)) ?? []), a]);
    const catalogue = new Map(Object.values(EvaluationTarget).map((target) => [target, items.filter((i) => i.target === target).map((i) => `${i.id}:${i.name}:${i.weight}`).sort().join()]));
    const evaluations = await rows('SELECT id, target, scoreHundredths, stars, lowStar FROM owner_evaluations');
    const wrong = evaluations.filter((e) => {
      const own = answersOf.get(Number(e.id)) ?? [];
      const stars = own.map((a) => ({ weight: Number(a.weight), star: Number(a.star) }));
      return (
        own.map((a) => `${a.itemId}:${a.itemName}:${a.weight}`).sort().join() !== catalogue.get(e.target as EvaluationTarget) ||
        Number(e.scoreHundredths) !== scoreHundredths(stars) ||
        Number(e.stars) !== overallStars(stars) ||
        Number(e.lowStar) !== (stars.some((x) => isLowStar(x.star)) ? 1 : 0)
      );
    });
    expect(evaluations.length).toBe(result.evaluations);
    expect(wrong).toEqual([]);
  });

  it('draws each item’s stars J-shaped, with a catalogue reason or 其他 on every low star and 其他 on about 40 % of the low-star records', async () => {
    const answers = await count('SELECT COUNT(*) AS n FROM owner_evaluation_answers');
    const byStar = await rows('SELECT star, COUNT(*) AS n FROM owner_evaluation_answers GROUP BY star ORDER BY star');
    expect(byStar.map((s) => Number(s.star))).toEqual([1, 2, 3, 4, 5]);
    byStar.forEach((s, i) => expect(Math.abs(share(Number(s.n), answers) - DEMO_OWNER_EVALUATION_PLAN.starShares[i])).toBeLessThan(0.015));
    expect(await count(`SELECT COUNT(*) AS n FROM owner_evaluation_answers WHERE star <= 3 AND reasonIds = '' AND otherReason IS NULL`)).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM owner_evaluation_answers WHERE star > 3 AND (reasonIds <> '' OR otherReason IS NOT NULL)`)).toBe(0);
    // a reason of the record's own target
    const reasons = new Map((await rows('SELECT id, target FROM owner_evaluation_reasons')).map((r) => [Number(r.id), r.target]));
    const chosen = await rows(`SELECT a.reasonIds, e.target FROM owner_evaluation_answers a JOIN owner_evaluations e ON e.id = a.evaluationId WHERE a.reasonIds <> ''`);
    expect(chosen.filter((a) => !String(a.reasonIds).split(',').every((id) => reasons.get(Number(id)) === a.target))).toEqual([]);
    const lowRecords = await count('SELECT COUNT(*) AS n FROM owner_evaluations WHERE lowStar = 1');
    const withOther = await count('SELECT COUNT(*) AS n FROM owner_evaluations e WHERE EXISTS (SELECT 1 FROM owner_evaluation_answers a WHERE a.evaluationId = e.id AND a.otherReason IS NOT NULL)');
    expect(share(withOther, lowRecords)).toBeGreaterThan(0.35);
    expect(share(withOther, lowRecords)).toBeLessThan(0.45);
    const records = await count('SELECT COUNT(*) AS n FROM owner_evaluations');
    expect(share(lowRecords, records)).toBeGreaterThan(0.3);
    expect(share(lowRecords, records)).toBeLessThan(0.6);
    expect(share(await count('SELECT COUNT(*) AS n FROM owner_evaluations WHERE comment IS NOT NULL'), records)).toBeCloseTo(DEMO_OWNER_EVALUATION_PLAN.commentShare, 1);
    expect(share(await count('SELECT COUNT(*) AS n FROM owner_evaluations WHERE anonymous = 1'), records)).toBeCloseTo(DEMO_OWNER_EVALUATION_PLAN.anonymousShare, 1);
  });

  it('replies to 40–75 % of the records through the area’s own project manager (else company) or committee account, at its own rate', async () => {
    const replies = await rows(
      `SELECT e.target, e.repliedById, e.reply,
         COALESCE((SELECT MIN(id) FROM accounts WHERE status = 'ACTIVE' AND unitCategory = 'PROJECT_MANAGER' AND unitId = a.projectManagerId),
                  (SELECT MIN(id) FROM accounts WHERE status = 'ACTIVE' AND unitCategory = 'PROPERTY_COMPANY' AND unitId = a.companyId)) AS propertyAccount,
         (SELECT MIN(id) FROM accounts WHERE status = 'ACTIVE' AND unitCategory = 'OWNERS_COMMITTEE' AND unitId = a.ownersCommitteeId) AS committeeAccount
       FROM owner_evaluations e JOIN property_areas a ON a.id = e.propertyAreaId WHERE e.repliedAt IS NOT NULL`,
    );
    expect(replies.filter((r) => r.repliedById !== (r.target === EvaluationTarget.PROPERTY ? r.propertyAccount : r.committeeAccount) || String(r.reply).length < 10)).toEqual([]);
    expect(await count('SELECT COUNT(*) AS n FROM owner_evaluations WHERE (repliedAt IS NULL) <> (reply IS NULL) OR (repliedAt IS NULL) <> (repliedById IS NULL)')).toBe(0);
    const records = await count('SELECT COUNT(*) AS n FROM owner_evaluations');
    expect(share(replies.length, records)).toBeGreaterThan(0.4);
    expect(share(replies.length, records)).toBeLessThan(0.75);
    // each area's replying account at a rate of its own; an area without one has no replies
    const areas = await rows(
      `SELECT a.id, COUNT(*) AS records, SUM(e.repliedAt IS NOT NULL) AS replied,
         EXISTS (SELECT 1 FROM accounts c WHERE c.status = 'ACTIVE' AND ((c.unitCategory = 'PROJECT_MANAGER' AND c.unitId = a.projectManagerId) OR (c.unitCategory = 'PROPERTY_COMPANY' AND c.unitId = a.companyId))) AS answerable
       FROM owner_evaluations e JOIN property_areas a ON a.id = e.propertyAreaId WHERE e.target = 'PROPERTY' GROUP BY a.id`,
    );
    expect(areas.filter((a) => !a.answerable).length).toBeGreaterThan(0);
    expect(areas.filter((a) => !a.answerable).every((a) => Number(a.replied) === 0)).toBe(true);
    const rates = areas.filter((a) => a.answerable && Number(a.records) >= 100).map((a) => share(Number(a.replied), Number(a.records)));
    expect(rates.length).toBeGreaterThan(30);
    expect(rates.every((rate) => rate > 0.3 && rate < 0.85)).toBe(true);
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.2);
  });

  it('evaluates committees less than the service, yet enough for the 业委会 ranking to have content each month', async () => {
    const houses = await count('SELECT SUM(houseCount) AS n FROM property_areas WHERE ownersCommitteeId IS NOT NULL AND districtId IN (?, ?)', [FUTIAN_ID, NANSHAN_ID]);
    const committees = await count('SELECT COUNT(*) AS n FROM property_areas WHERE ownersCommitteeId IS NOT NULL AND districtId IN (?, ?)', [FUTIAN_ID, NANSHAN_ID]);
    const property = new Map((await rows(`SELECT month, COUNT(*) AS n FROM owner_evaluations WHERE target = 'PROPERTY' GROUP BY month`)).map((r) => [String(r.month), Number(r.n)]));
    for (const r of await rows(`SELECT month, COUNT(*) AS n FROM owner_evaluations WHERE target = 'COMMITTEE' GROUP BY month`)) {
      expect(share(Number(r.n), houses)).toBeGreaterThan(0.03);
      expect(share(Number(r.n), houses)).toBeLessThan(0.2);
      expect(Number(r.n)).toBeLessThan(property.get(String(r.month))!);
    }
    const ranked = await rows(`SELECT month, COUNT(*) AS n FROM owner_evaluation_area_months WHERE target = 'COMMITTEE' AND records >= 10 GROUP BY month`);
    expect(ranked.length).toBeGreaterThanOrEqual(10);
    for (const r of ranked) expect(share(Number(r.n), committees)).toBeGreaterThan(0.2);
  });

  it('gives the ranking content: most areas reach the minimum sample in most months, a few small ones stay below', async () => {
    const areas = await rows('SELECT id, houseCount FROM property_areas WHERE districtId IN (?, ?)', [FUTIAN_ID, NANSHAN_ID]);
    const ranked = await rows(`SELECT month, COUNT(*) AS n FROM owner_evaluation_area_months WHERE target = 'PROPERTY' AND records >= 10 GROUP BY month`);
    expect(ranked).toHaveLength(12);
    for (const r of ranked) expect(share(Number(r.n), areas.length)).toBeGreaterThan(0.6);
    const monthsRanked = await rows(`SELECT a.id, a.houseCount, (SELECT COUNT(*) FROM owner_evaluation_area_months m WHERE m.propertyAreaId = a.id AND m.target = 'PROPERTY' AND m.records >= 10) AS n FROM property_areas a WHERE a.districtId IN (?, ?)`, [FUTIAN_ID, NANSHAN_ID]);
    expect(share(monthsRanked.filter((a) => Number(a.n) >= 9).length, areas.length)).toBeGreaterThan(0.6);
    const never = monthsRanked.filter((a) => Number(a.n) === 0);
    expect(never.length).toBeGreaterThanOrEqual(3);
    const median = [...areas.map((a) => Number(a.houseCount))].sort((a, b) => a - b)[Math.floor(areas.length / 2)];
    expect(never.every((a) => Number(a.houseCount) < median)).toBe(true);
  });

  it('writes the monthly sums a GROUP BY of the records and answers recounts', async () => {
    const stored = await rows(
      `SELECT propertyAreaId, target, month, districtId, streetId, communityId, companyId, committeeId, records, firstInYear, scoreHundredthsSum,
              star1, star2, star3, star4, star5, lowStar, replied, lowStarReplied, otherReasons
       FROM owner_evaluation_area_months ORDER BY propertyAreaId, target, month`,
    );
    const recount = await rows(
      `SELECT e.propertyAreaId, e.target, e.month, MAX(e.districtId) AS districtId, MAX(e.streetId) AS streetId, MAX(e.communityId) AS communityId,
              MAX(e.companyId) AS companyId, MAX(e.committeeId) AS committeeId, COUNT(*) AS records,
              SUM(NOT EXISTS (SELECT 1 FROM owner_evaluations p WHERE p.houseId = e.houseId AND p.target = e.target AND p.month >= substr(e.month, 1, 4) || '-01' AND p.month < e.month)) AS firstInYear,
              SUM(e.scoreHundredths) AS scoreHundredthsSum,
              SUM(e.stars = 1) AS star1, SUM(e.stars = 2) AS star2, SUM(e.stars = 3) AS star3, SUM(e.stars = 4) AS star4, SUM(e.stars = 5) AS star5,
              SUM(e.lowStar) AS lowStar, SUM(e.repliedAt IS NOT NULL) AS replied, SUM(e.lowStar = 1 AND e.repliedAt IS NOT NULL) AS lowStarReplied,
              SUM(EXISTS (SELECT 1 FROM owner_evaluation_answers a WHERE a.evaluationId = e.id AND a.otherReason IS NOT NULL)) AS otherReasons
       FROM owner_evaluations e GROUP BY e.propertyAreaId, e.target, e.month ORDER BY e.propertyAreaId, e.target, e.month`,
    );
    expect(stored).toHaveLength(result.areaMonths);
    expect(stored).toEqual(recount);
    // every record of an area's month names the same region, company and committee
    expect(await count('SELECT COUNT(*) AS n FROM (SELECT 1 FROM owner_evaluations GROUP BY propertyAreaId, target, month HAVING COUNT(DISTINCT COALESCE(companyId, 0) || \'-\' || COALESCE(committeeId, 0) || \'-\' || streetId) > 1)')).toBe(0);
    // the first of a year: some houses' records count, later ones of the same year do not
    expect(stored.some((m) => Number(m.firstInYear) < Number(m.records))).toBe(true);

    const storedReasons = await rows('SELECT propertyAreaId, target, month, districtId, streetId, communityId, reasonId, count FROM owner_evaluation_reason_months ORDER BY propertyAreaId, target, month, reasonId');
    const reasonRecount = await rows(
      `SELECT e.propertyAreaId, e.target, e.month, MAX(e.districtId) AS districtId, MAX(e.streetId) AS streetId, MAX(e.communityId) AS communityId, r.id AS reasonId, COUNT(*) AS count
       FROM owner_evaluation_answers a JOIN owner_evaluations e ON e.id = a.evaluationId
       JOIN owner_evaluation_reasons r ON (',' || a.reasonIds || ',') LIKE ('%,' || r.id || ',%')
       WHERE a.reasonIds <> ''
       GROUP BY e.propertyAreaId, e.target, e.month, r.id ORDER BY e.propertyAreaId, e.target, e.month, r.id`,
    );
    expect(storedReasons).toHaveLength(result.reasonMonths);
    expect(storedReasons).toEqual(reasonRecount);
  });

  it('is deterministic for a seed and a day, and refuses evaluation tables that hold rows', async () => {
    const all = await loadOwnerEvaluationSeedInput(ds.manager, [FUTIAN_ID, NANSHAN_ID]);
    // the demo owners' areas and a few more, to keep it quick
    const areas = all.areas.filter((a, i) => i < 12 || a.projectManagerId === all.demoManagerId);
    const input = { ...all, areas, houses: all.houses.filter((h) => areas.some((a) => a.id === h.propertyAreaId)) };
    const now = new Date('2026-12-15T04:00:00Z');
    const draw = (seed: number) => ownerEvaluationSeedRows(input, new SeededRandom(seed), DEMO_OWNER_EVALUATION_PLAN, { now, idHashSecret: SEED_ID_HASH_SECRET });
    const first = draw(1);
    // compared as JSON: a deep toEqual of thousands of rows takes seconds
    expect(JSON.stringify(draw(1))).toBe(JSON.stringify(first));
    expect(JSON.stringify(draw(2).evaluations)).not.toBe(JSON.stringify(first.evaluations));
    expect(first.evaluations[first.evaluations.length - 1].month).toBe('2026-11');
    expect(first.evaluations[0].month).toBe('2025-12');
    await expect(ds.transaction((manager) => step.seedOwnerEvaluations(ds, manager, new SeededRandom(1), { districtIds: [FUTIAN_ID] }))).rejects.toBeInstanceOf(SeedTargetNotEmptyError);
  });
});
