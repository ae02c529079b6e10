import {
  CreditSubjectType,
  EvaluationRanking,
  EvaluationTarget,
  OwnerEvaluationForm,
  OwnerMe,
  OwnerSession,
  RegionStats,
  EvaluationCounts,
} from '@szpm/contract';
import ExcelJS from 'exceljs';
import { monthsBefore, shanghaiMonth } from '../src/modules/owner-evaluations/evaluation-score';
import { FUTIAN_ID } from '../src/seed/shenzhen';
import { binaryBody } from './support/binary-body';
import { FakeWechatServer } from './fakes/fake-wechat-server';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(180_000);

type Raw = Record<string, unknown>;
const OA = { appId: 'wxoa00000000000001', secret: 'oa-secret-for-the-fake-wechat-000' };
const MINI = { appId: 'wxmp00000000000001', secret: 'mini-secret-for-the-fake-wechat-00' };

interface RegisteredOwner {
  id: number;
  name: string;
  idNumber: string;
  phone: string;
  houseId: number;
  propertyAreaId: number;
}

/** Issue 17, chapter 9 业主评价情况 fed by the owners' side: binding, evaluation, reply, statistics, ranking, streaks. */
describe('owner evaluations (chapter 9) and 业主身份绑定', () => {
  let t: TestApp;
  let wechat: FakeWechatServer;
  const tokens: Record<string, string> = {};
  const auth = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const get = (user: string, path: string) => t.http().get(path).set(auth(user));
  const post = (user: string, path: string, body: object) => t.http().post(path).set(auth(user)).send(body);
  const sql = async <T = Raw>(query: string, params: unknown[] = []) => (await t.dataSource.query(query, params)) as T[];
  const count = async (query: string, params: unknown[] = []) => Number((await sql<{ n: number | string }>(query, params))[0].n);
  const month = shanghaiMonth(new Date());

  /** An owner's session through the official account's OAuth code (the fake WeChat speaks the real protocol). */
  const ownerSession = async (openid: string): Promise<string> => {
    const session = (await t.http().post('/api/owner/session/wechat').send({ channel: 'oa', code: wechat.issueOaCode(openid) }).expect(200)).body as OwnerSession;
    return session.accessToken;
  };
  const asOwner = (token: string) => ({ Authorization: `Bearer ${token}` });
  const latestCode = async (phone: string) => ((await t.http().get(`/api/identity/dev/sms-outbox?phone=${phone}`).expect(200)).body as Array<{ code: string }>)[0].code;
  const bind = async (token: string, o: RegisteredOwner): Promise<OwnerMe> => {
    const claim = { name: o.name, idNumber: o.idNumber, phone: o.phone };
    await t.http().post('/api/owner/bindings/sms-code').set(asOwner(token)).send(claim).expect(200);
    return (await t.http().post('/api/owner/bindings').set(asOwner(token)).send({ ...claim, code: await latestCode(o.phone) }).expect(200)).body;
  };
  const form = async (token: string, houseId: number, target = EvaluationTarget.PROPERTY) =>
    (await t.http().get(`/api/owner/evaluations/form?houseId=${houseId}&target=${target}`).set(asOwner(token)).expect(200)).body as OwnerEvaluationForm;
  const answersFor = (f: OwnerEvaluationForm, stars: number[] | number, reason = true) =>
    f.items.map((item, i) => {
      const star = Array.isArray(stars) ? stars[i % stars.length] : stars;
      return { itemId: item.id, star, ...(star <= 3 && reason ? { reasonIds: [f.reasons[0].id] } : {}) };
    });

  /** Registered owners with a house, of the areas the demo project manager runs (福田区). */
  let managed: RegisteredOwner[];
  /** An owner of an area the demo project manager does not run. */
  let elsewhere: RegisteredOwner;

  beforeAll(async () => {
    wechat = await FakeWechatServer.start({ oa: OA, mini: MINI });
    t = await startTestApp({
      env: { WECHAT_API_BASE: wechat.url, WECHAT_OA_APPID: OA.appId, WECHAT_OA_SECRET: OA.secret, WECHAT_MINI_APPID: MINI.appId, WECHAT_MINI_SECRET: MINI.secret, OWNER_EVALUATION_MIN_SAMPLE: '2' },
    });
    // the demo seed's owners and twelve months of evaluations are taken away: every count below starts from nothing
    for (const table of ['owner_evaluation_answers', 'owner_evaluations', 'owner_evaluation_area_months', 'owner_evaluation_reason_months', 'owner_evaluation_rank_streaks', 'owner_house_bindings', 'owner_identities']) await sql(`DELETE FROM ${table}`);
    for (const user of ['city.admin', 'futian.lead', 'nanshan.lead', 'demo.manager', 'demo.company', 'futian.street.yuanling']) tokens[user] = await t.login(user);
    const managerUnit = Number((await sql<{ unitId: number }>("SELECT unitId FROM accounts WHERE username = 'demo.manager'"))[0].unitId);
    const owners = await sql<Raw>(
      `SELECT o.id, o.name, o.idNumber, o.phone, o.houseId, o.propertyAreaId, a.projectManagerId FROM owners o JOIN property_areas a ON a.id = o.propertyAreaId
       WHERE o.houseId IS NOT NULL AND a.districtId = ? ORDER BY o.id`,
      [FUTIAN_ID],
    );
    const registered = (r: Raw): RegisteredOwner => ({ id: Number(r.id), name: String(r.name), idNumber: String(r.idNumber), phone: String(r.phone), houseId: Number(r.houseId), propertyAreaId: Number(r.propertyAreaId) });
    // one house per owner row; a person with two rows of the same name and phone would bind both
    const unique = (rows: Raw[]) => rows.filter((r, i) => rows.findIndex((x) => x.name === r.name && x.phone === r.phone) === i && rows.findIndex((x) => x.houseId === r.houseId) === i);
    managed = unique(owners.filter((r) => Number(r.projectManagerId) === managerUnit)).map(registered);
    elsewhere = registered(unique(owners.filter((r) => Number(r.projectManagerId) !== managerUnit))[0]);
    expect(managed.length).toBeGreaterThanOrEqual(3);
  });
  afterAll(async () => {
    await t?.close();
    await wechat?.close();
  });

  describe('业主身份绑定', () => {
    it('signs an owner in by WeChat alone and binds the houses registered in the name, ID number masked', async () => {
      const token = await ownerSession('oOwner-bind-1');
      expect((await t.http().get('/api/owner/me').set(asOwner(token)).expect(200)).body.bindings).toEqual([]);
      const me = await bind(token, managed[0]);
      expect(me.bindings).toEqual([
        expect.objectContaining({ houseId: managed[0].houseId, propertyAreaId: managed[0].propertyAreaId, ownerName: managed[0].name, idNumberMasked: `${managed[0].idNumber.slice(0, 4)}**********${managed[0].idNumber.slice(-4)}` }),
      ]);
      // the ID number is kept only as a keyed hash
      const stored = await sql<Raw>('SELECT idNumberHash, idNumberMasked FROM owner_house_bindings WHERE houseId = ?', [managed[0].houseId]);
      expect(stored[0].idNumberHash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(stored)).not.toContain(managed[0].idNumber);
      // a new code for the same phone waits for the resend interval
      await t.http().post('/api/owner/bindings/sms-code').set(asOwner(token)).send({ name: managed[0].name, idNumber: managed[0].idNumber, phone: managed[0].phone }).expect(429); // the 60 s resend interval
    });

    it('answers a wrong name, ID number or phone with one error that does not say which, and limits the tries', async () => {
      const token = await ownerSession('oOwner-guess');
      const o = managed[1];
      const tries = [
        { name: `${o.name}X`, idNumber: o.idNumber, phone: o.phone },
        { name: o.name, idNumber: `${o.idNumber.slice(0, 17)}${o.idNumber.endsWith('1') ? '2' : '1'}`, phone: o.phone },
        { name: o.name, idNumber: o.idNumber, phone: '13000000000' },
      ];
      const bodies = [];
      for (const claim of tries) bodies.push((await t.http().post('/api/owner/bindings/sms-code').set(asOwner(token)).send(claim).expect(400)).body);
      expect(new Set(bodies.map((b) => `${b.code}|${b.message}`))).toEqual(new Set(['OWNER_NOT_MATCHED|未找到与所填信息一致的业主登记，请核对后重试']));
      expect((await t.http().post('/api/owner/bindings/sms-code').set(asOwner(token)).send({ name: o.name, phone: o.phone }).expect(400)).body.code).toBe('OWNER_PROOF_REQUIRED');
      for (let i = 3; i < 10; i++) await t.http().post('/api/owner/bindings/sms-code').set(asOwner(token)).send(tries[0]).expect(400);
      // the eleventh miss — and even the right claim — is refused while locked
      expect((await t.http().post('/api/owner/bindings/sms-code').set(asOwner(token)).send({ name: o.name, idNumber: o.idNumber, phone: o.phone }).expect(429)).body.code).toBe('OWNER_LOOKUP_LOCKED');
      expect(await count('SELECT COUNT(*) AS n FROM owner_house_bindings WHERE houseId = ?', [o.houseId])).toBe(0);
    });

    it('binds one house by its 不动产单元号', async () => {
      const o = managed[2];
      const unitNo = `UNIT-${o.houseId}`;
      await sql('UPDATE houses SET realEstateUnitNo = ? WHERE id = ?', [unitNo, o.houseId]);
      const token = await ownerSession('oOwner-unit');
      const claim = { name: o.name, realEstateUnitNo: unitNo.toLowerCase(), phone: o.phone };
      await t.http().post('/api/owner/bindings/sms-code').set(asOwner(token)).send(claim).expect(200);
      const me = (await t.http().post('/api/owner/bindings').set(asOwner(token)).send({ ...claim, code: await latestCode(o.phone) }).expect(200)).body as OwnerMe;
      expect(me.bindings.map((b) => b.houseId)).toEqual([o.houseId]);
    });

    it('unbinds a house of the owner’s own, and then refuses its evaluation', async () => {
      const o = managed[4] ?? managed[2];
      const token = await ownerSession('oOwner-unbind');
      await sql('DELETE FROM identity_lookup_failures');
      const me = await bind(token, o);
      const binding = me.bindings.find((b) => b.houseId === o.houseId)!;
      // another owner cannot remove it
      await t.http().delete(`/api/owner/bindings/${binding.bindingId}`).set(asOwner(await ownerSession('oOwner-stranger'))).expect(404);
      const after = (await t.http().delete(`/api/owner/bindings/${binding.bindingId}`).set(asOwner(token)).expect(200)).body as OwnerMe;
      expect(after.bindings.some((b) => b.houseId === o.houseId)).toBe(false);
      expect((await t.http().get(`/api/owner/evaluations/form?houseId=${o.houseId}&target=PROPERTY`).set(asOwner(token)).expect(403)).body.code).toBe('OWNER_HOUSE_NOT_BOUND');
      await t.http().delete('/api/owner/bindings/1e1').set(asOwner(token)).expect(400);
    });

    it('offers the development sign-in in embedded mode only', async () => {
      const reply = await t.http().post('/api/owner/session/dev').send({});
      if (process.env.DATABASE_URL) {
        expect(reply.status).toBe(404);
        return;
      }
      expect(reply.status).toBe(200);
      const again = (await t.http().post('/api/owner/session/dev').send({ openid: reply.body.openid }).expect(200)).body as OwnerSession;
      expect(again.me.identityId).toBe(reply.body.me.identityId);
      expect((await t.http().post('/api/owner/session/dev').send({ openid: 'oRealWechatOpenid' }).expect(400)).body.details).toEqual([expect.objectContaining({ field: 'openid' })]);
    });

    it('keeps owner and officer tokens apart', async () => {
      const token = await ownerSession('oOwner-bind-1');
      await get('futian.lead', '/api/owner/me').expect(401);
      await t.http().get('/api/owner-evaluations/ranking?subject=PROJECT').set(asOwner(token)).expect(401);
      await t.http().get('/api/owner/me').expect(401);
    });
  });

  describe('业主评价 and the reply', () => {
    let owner: string;
    let house: number;
    let f: OwnerEvaluationForm;

    beforeAll(async () => {
      owner = await ownerSession('oOwner-bind-1');
      house = managed[0].houseId;
      f = await form(owner, house);
      expect(f.submitted).toBeNull();
      expect(f.items.length).toBeGreaterThanOrEqual(5);
    });

    it('refuses bad input with the field named and writes nothing', async () => {
      const submit = (body: object) => t.http().post('/api/owner/evaluations').set(asOwner(owner)).send({ houseId: house, target: EvaluationTarget.PROPERTY, ...body });
      const outside = await submit({ answers: answersFor(f, 6) }).expect(400);
      expect(outside.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'answers.0.star' })]));
      const noReason = await submit({ answers: answersFor(f, [5, 2], false) }).expect(400);
      expect(noReason.body).toMatchObject({ code: 'OWNER_EVALUATION_REASON_REQUIRED', details: expect.anything() });
      expect(JSON.stringify(noReason.body)).toContain('answers.1.reasonIds');
      expect((await submit({ answers: answersFor(f, 5).slice(1) }).expect(400)).body.code).toBe('OWNER_EVALUATION_ITEMS_INCOMPLETE');
      expect((await submit({ answers: answersFor(f, 5).map((a) => ({ ...a, star: 2, reasonIds: [999_999] })) }).expect(400)).body.code).toBe('OWNER_EVALUATION_REASON_UNKNOWN');
      expect((await submit({ houseId: elsewhere.houseId, answers: answersFor(f, 5) }).expect(403)).body.code).toBe('OWNER_HOUSE_NOT_BOUND');
      const committeeArea = await count('SELECT COUNT(*) AS n FROM property_areas WHERE id = ? AND ownersCommitteeId IS NOT NULL', [managed[0].propertyAreaId]);
      if (!committeeArea) expect((await submit({ target: EvaluationTarget.COMMITTEE, answers: answersFor(f, 5) }).expect(400)).body.code).toBe('OWNER_EVALUATION_NO_COMMITTEE');
      expect(await count('SELECT COUNT(*) AS n FROM owner_evaluations')).toBe(0);
      expect(await count('SELECT COUNT(*) AS n FROM owner_evaluation_answers')).toBe(0);
      expect(await count('SELECT COUNT(*) AS n FROM owner_evaluation_area_months')).toBe(0);
    });

    it('takes one evaluation per house and month, scored from the weighted stars', async () => {
      const answers = answersFor(f, [5, 2]).map((a, i) => (i === 1 ? { ...a, otherReason: '夜间噪音无人处理' } : a));
      const created = await t.http().post('/api/owner/evaluations').set(asOwner(owner)).send({ houseId: house, target: EvaluationTarget.PROPERTY, answers, comment: '保安不错，维修太慢', anonymous: true }).expect(201);
      const stars = answers.map((a) => a.star);
      const expected = Math.round((stars.reduce((s, x) => s + x, 0) * 2000) / stars.length) / 100;
      expect(created.body).toMatchObject({ month, score: expected, anonymous: true, reply: null });
      expect(created.body.answers[1]).toMatchObject({ star: 2, reasons: [f.reasons[0].name], otherReason: '夜间噪音无人处理' });
      const again = await t.http().post('/api/owner/evaluations').set(asOwner(owner)).send({ houseId: house, target: EvaluationTarget.PROPERTY, answers: answersFor(f, 5) }).expect(409);
      expect(again.body.code).toBe('OWNER_EVALUATION_ALREADY_EVALUATED');
      expect((await form(owner, house)).submitted).toMatchObject({ id: created.body.id });
    });

    it('keeps the area’s monthly sums equal to a recount from the records', async () => {
      // two more owners evaluate (one of them twice at once: exactly one is taken)
      for (const [i, o] of [managed[1], managed[3] ?? managed[2]].entries()) {
        const token = await ownerSession(`oOwner-more-${i}`);
        if (!(await t.http().get('/api/owner/me').set(asOwner(token)).expect(200)).body.bindings.some((b: { houseId: number }) => b.houseId === o.houseId)) {
          await sql('DELETE FROM identity_lookup_failures');
          await bind(token, o);
        }
        const f2 = await form(token, o.houseId);
        const body = { houseId: o.houseId, target: EvaluationTarget.PROPERTY, answers: answersFor(f2, i === 0 ? 4 : [1, 3]) };
        const statuses = await Promise.all([0, 1].map(() => t.http().post('/api/owner/evaluations').set(asOwner(token)).send(body).then((r) => r.status)));
        expect(statuses.sort()).toEqual([201, 409]);
      }
      const recount = await sql<Raw>(
        `SELECT propertyAreaId, COUNT(*) AS records, SUM(scoreHundredths) AS score, SUM(CASE WHEN lowStar THEN 1 ELSE 0 END) AS low,
                SUM(CASE WHEN stars = 1 THEN 1 ELSE 0 END) AS s1, SUM(CASE WHEN stars = 4 THEN 1 ELSE 0 END) AS s4
         FROM owner_evaluations WHERE target = 'PROPERTY' AND month = ? GROUP BY propertyAreaId ORDER BY propertyAreaId`,
        [month],
      );
      const sums = await sql<Raw>("SELECT propertyAreaId, records, scoreHundredthsSum AS score, lowStar AS low, star1 AS s1, star4 AS s4 FROM owner_evaluation_area_months WHERE target = 'PROPERTY' AND month = ? ORDER BY propertyAreaId", [month]);
      const norm = (rows: Raw[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])));
      expect(norm(sums)).toEqual(norm(recount));
      expect(norm(recount).reduce((n, r) => n + r.records, 0)).toBe(3);
    });

    it('lets the project manager reply once, anonymous evaluations without the owner', async () => {
      const unreplied = (await get('demo.manager', '/api/owner-evaluations/replies').expect(200)).body;
      const mine = unreplied.items.find((e: Raw) => e.anonymous === true);
      expect(mine).toMatchObject({ ownerName: null, houseLabel: null, reply: null, lowStar: true });
      expect(JSON.stringify(unreplied)).not.toContain(managed[0].name);
      const replied = await post('demo.manager', `/api/owner-evaluations/records/${mine.id}/reply`, { content: '已安排维修班组，三日内处理' }).expect(200);
      expect(replied.body).toMatchObject({ reply: '已安排维修班组，三日内处理', repliedByName: '王俊峰' });
      expect((await post('demo.manager', `/api/owner-evaluations/records/${mine.id}/reply`, { content: '再次回复' }).expect(409)).body.code).toBe('OWNER_EVALUATION_ALREADY_REPLIED');
      expect((await post('demo.manager', `/api/owner-evaluations/records/${mine.id}/reply`, { content: ' ' }).expect(400)).body.details).toEqual([expect.objectContaining({ field: 'content' })]);
      // the owner reads the reply
      const own = (await t.http().get('/api/owner/evaluations').set(asOwner(owner)).expect(200)).body;
      expect(own.items[0]).toMatchObject({ id: mine.id, reply: '已安排维修班组，三日内处理' });
      expect(await count("SELECT SUM(replied) AS n FROM owner_evaluation_area_months WHERE month = ?", [month])).toBe(1);
    });

    it('refuses a reply to another project’s evaluation', async () => {
      const token = await ownerSession('oOwner-elsewhere');
      await sql('DELETE FROM identity_lookup_failures');
      await bind(token, elsewhere);
      const f3 = await form(token, elsewhere.houseId);
      const created = await t.http().post('/api/owner/evaluations').set(asOwner(token)).send({ houseId: elsewhere.houseId, target: EvaluationTarget.PROPERTY, answers: answersFor(f3, 5) }).expect(201);
      expect((await post('demo.manager', `/api/owner-evaluations/records/${created.body.id}/reply`, { content: '不是我的' }).expect(403)).body.code).toBe('OWNER_EVALUATION_NOT_YOURS');
      await post('futian.lead', `/api/owner-evaluations/records/${created.body.id}/reply`, { content: '官员不能回复' }).expect(403);
    });
  });

  describe('评价统计 and 催办', () => {
    const thisMonth = Number(month.slice(5));
    const year = Number(month.slice(0, 4));

    it('drills district → street → projects, and the numbers open their projects', async () => {
      const city = (await get('city.admin', `/api/owner-evaluations/statistics?target=PROPERTY&year=${year}&month=${thisMonth}`).expect(200)).body as RegionStats<EvaluationCounts>;
      expect(city.level).toBe('DISTRICT');
      expect(city.total.records).toBe(await count('SELECT COUNT(*) AS n FROM owner_evaluations WHERE target = ? AND month = ?', ['PROPERTY', month]));
      const futian = (await get('futian.lead', `/api/owner-evaluations/statistics?target=PROPERTY&year=${year}&month=${thisMonth}`).expect(200)).body as RegionStats<EvaluationCounts>;
      expect(futian.level).toBe('STREET');
      const fromRecords = await sql<Raw>("SELECT COUNT(*) AS n, SUM(scoreHundredths) AS s, SUM(CASE WHEN repliedAt IS NOT NULL THEN 1 ELSE 0 END) AS r FROM owner_evaluations WHERE target = 'PROPERTY' AND month = ? AND districtId = ?", [month, FUTIAN_ID]);
      const houses = await count('SELECT SUM(houseCount) AS n FROM property_areas WHERE districtId = ? AND streetId IS NOT NULL', [FUTIAN_ID]);
      expect(futian.total).toMatchObject({
        records: Number(fromRecords[0].n),
        houses: Number(fromRecords[0].n),
        houseTotal: houses,
        replied: Number(fromRecords[0].r),
        averageScore: Math.round(Number(fromRecords[0].s) / Number(fromRecords[0].n)) / 100,
      });
      expect(futian.total.participationRate).toBe(Math.round((Number(fromRecords[0].n) / houses) * 10000) / 100);
      const street = futian.items.find((i) => i.records > 0)!;
      const cells = (await get('futian.lead', `/api/owner-evaluations/statistics/cells?target=PROPERTY&year=${year}&month=${thisMonth}&regionId=${street.regionId}&counter=records`).expect(200)).body;
      expect(cells.items.reduce((n: number, r: { records: number }) => n + r.records, 0)).toBe(street.records);
      const records = (await get('futian.lead', `/api/owner-evaluations/records?target=PROPERTY&propertyAreaId=${managed[0].propertyAreaId}&year=${year}&month=${thisMonth}`).expect(200)).body;
      // officers read the owner masked, also when anonymous towards the company
      expect(records.items.find((r: Raw) => r.anonymous)).toMatchObject({ ownerName: `${managed[0].name[0]}${'*'.repeat(managed[0].name.length - 1)}` });
      const lowOnly = (await get('futian.lead', `/api/owner-evaluations/records?target=PROPERTY&propertyAreaId=${managed[0].propertyAreaId}&year=${year}&stars=5`).expect(200)).body;
      expect(lowOnly.items.every((r: Raw) => r.stars === 5)).toBe(true);
      // a street office has no grant of the chapter
      await get('futian.street.yuanling', `/api/owner-evaluations/statistics?target=PROPERTY`).expect(403);
      // another district's project is not the Futian lead's
      await get('nanshan.lead', `/api/owner-evaluations/statistics?target=PROPERTY&districtId=${FUTIAN_ID}`).expect(403);
      await get('futian.lead', `/api/owner-evaluations/statistics?target=PROPERTY&year=${year + 1}&month=1`).expect(400);
    });

    it('counts a house once in a year and lists the 不满意原因 with the 其他 texts', async () => {
      const yearStats = (await get('futian.lead', `/api/owner-evaluations/statistics?target=PROPERTY&year=${year}`).expect(200)).body as RegionStats<EvaluationCounts>;
      const distinctHouses = await count("SELECT COUNT(DISTINCT houseId) AS n FROM owner_evaluations WHERE target = 'PROPERTY' AND month LIKE ? AND districtId = ?", [`${year}-%`, FUTIAN_ID]);
      expect(yearStats.total.houses).toBe(distinctHouses);
      const discontent = (await get('futian.lead', `/api/owner-evaluations/statistics/discontent?target=PROPERTY&year=${year}&month=${thisMonth}`).expect(200)).body;
      expect(discontent.reasons[0]).toMatchObject({ count: expect.any(Number) });
      expect(discontent.otherTexts).toEqual([expect.objectContaining({ text: '夜间噪音无人处理', month })]);
      const file = await get('futian.lead', `/api/owner-evaluations/statistics/export?target=PROPERTY&year=${year}&month=${thisMonth}`).buffer(true).parse(binaryBody).expect(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file.body as ArrayBuffer);
      const sheet = book.worksheets[0];
      const lastRow = sheet.getRow(sheet.rowCount).values as unknown[];
      const monthStats = (await get('futian.lead', `/api/owner-evaluations/statistics?target=PROPERTY&year=${year}&month=${thisMonth}`).expect(200)).body as RegionStats<EvaluationCounts>;
      expect(lastRow.slice(1, 4)).toEqual(['合计', monthStats.total.houses, monthStats.total.records]);
    });

    it('催办 reaches the project managers of areas with unreplied low stars or low participation, once per cooldown', async () => {
      const body = { title: '请及时回复业主评价', content: '本月有低星评价未回复，请尽快处理', month, target: EvaluationTarget.PROPERTY };
      const first = (await post('futian.lead', '/api/owner-evaluations/urge', body).expect(200)).body;
      expect(first.urged).toBeGreaterThan(0);
      const second = (await post('futian.lead', '/api/owner-evaluations/urge', body).expect(200)).body;
      expect(second).toMatchObject({ urged: 0, skippedInCooldown: first.urged });
      await post('futian.lead', '/api/owner-evaluations/urge', { ...body, title: '' }).expect(400);
      await post('demo.manager', '/api/owner-evaluations/urge', body).expect(403);
    });
  });

  describe('评价排名 and 连续六个月 in 信用信息', () => {
    /** Six closed months of sums for `n` areas of Futian: area i scores 95 - i (so the first areas top every month). */
    let areas: Array<{ id: number; companyId: number | null; projectManagerId: number | null; streetId: number; communityId: number }>;
    const end = monthsBefore(shanghaiMonth(new Date()), 1);
    const months = Array.from({ length: 6 }, (_, i) => monthsBefore(end, 5 - i));

    beforeAll(async () => {
      areas = (await sql<Raw>('SELECT id, companyId, projectManagerId, streetId, communityId FROM property_areas WHERE districtId = ? ORDER BY id LIMIT 14', [FUTIAN_ID])).map((a) => ({
        id: Number(a.id),
        companyId: a.companyId === null ? null : Number(a.companyId),
        projectManagerId: a.projectManagerId === null ? null : Number(a.projectManagerId),
        streetId: Number(a.streetId),
        communityId: Number(a.communityId),
      }));
      for (const m of months) {
        for (const [i, a] of areas.entries()) {
          await sql(
            `INSERT INTO owner_evaluation_area_months (propertyAreaId, target, month, districtId, streetId, communityId, companyId, committeeId, records, firstInYear, scoreHundredthsSum, star1, star2, star3, star4, star5, lowStar, replied, lowStarReplied, otherReasons)
             VALUES (?, 'PROPERTY', ?, ?, ?, ?, ?, NULL, 4, 4, ?, 0, 0, 0, 0, 4, 0, 0, 0, 0)`,
            [a.id, m, FUTIAN_ID, a.streetId, a.communityId, a.companyId, 4 * (9500 - i * 100)],
          );
        }
      }
    });

    it('ranks the month’s projects both ways with the city average', async () => {
      const desc = (await get('futian.lead', `/api/owner-evaluations/ranking?subject=PROJECT&month=${end}&pageSize=20`).expect(200)).body as EvaluationRanking;
      expect(desc).toMatchObject({ month: end, minSample: 2, ranked: areas.length });
      expect(desc.items.slice(0, 3).map((i) => [i.rank, i.subjectId, i.score])).toEqual([
        [1, areas[0].id, 95],
        [2, areas[1].id, 94],
        [3, areas[2].id, 93],
      ]);
      expect(desc.cityAverage).toBe(Math.round(areas.reduce((s, _a, i) => s + (9500 - i * 100), 0) / areas.length) / 100);
      const asc = (await get('nanshan.lead', `/api/owner-evaluations/ranking?subject=PROJECT&month=${end}&order=asc`).expect(200)).body as EvaluationRanking;
      expect(asc.items[0].subjectId).toBe(areas[areas.length - 1].id);
      await get('futian.lead', '/api/owner-evaluations/ranking?subject=NOPE').expect(400);
      await get('futian.lead', '/api/owner-evaluations/ranking?subject=PROJECT&month=2026-13').expect(400);
    });

    it('makes six months in the top ten a good record and in the bottom ten a bad one, once', async () => {
      const first = (await post('city.admin', '/api/admin/owner-evaluations/rank-streaks', { month: end }).expect(200)).body;
      expect(first.recorded).toBeGreaterThan(0);
      const streaks = await count("SELECT COUNT(*) AS n FROM owner_evaluation_rank_streaks WHERE subject = 'PROJECT' AND direction = 'TOP'");
      expect(streaks).toBe(10);
      expect(await count("SELECT COUNT(*) AS n FROM owner_evaluation_rank_streaks WHERE subject = 'PROJECT' AND direction = 'BOTTOM'")).toBe(10);
      // running it again changes nothing
      expect((await post('city.admin', '/api/admin/owner-evaluations/rank-streaks', { month: end }).expect(200)).body).toEqual({ month: end, recorded: 0 });
      await post('futian.lead', '/api/admin/owner-evaluations/rank-streaks', { month: end }).expect(403);
      await post('city.admin', '/api/admin/owner-evaluations/rank-streaks', { month: shanghaiMonth(new Date()) }).expect(400);

      const top = areas[0];
      const manager = top.projectManagerId!;
      const detail = (await get('futian.lead', `/api/credit/subjects/${CreditSubjectType.PROJECT_MANAGER}/${manager}`).expect(200)).body;
      const good = detail.good.find((g: Raw) => g.source === 'OWNER_EVALUATION_RANKING');
      expect(good).toMatchObject({ title: '物业项目业主评价连续6个月排名前十', sourceLabel: '业主评价排名' });
      expect(good.content).toContain(`${months[0]} 第1名`);
      const worst = areas[areas.length - 1];
      const company = (await get('futian.lead', `/api/credit/subjects/${CreditSubjectType.PROPERTY_COMPANY}/${worst.companyId}`).expect(200)).body;
      expect(company.bad.some((b: Raw) => b.source === 'OWNER_EVALUATION_RANKING' && String(b.content).includes('倒数第1名'))).toBe(true);
    });
  });
});
