import { INestApplication } from '@nestjs/common';
import {
  AreaCommonFunds,
  CommonFundAccountDetail,
  CommonFundAccountItem,
  CommonFundBankStats,
  CommonFundCase,
  CommonFundCaseStage,
  CommonFundCellItem,
  CommonFundCounter,
  CommonFundStats,
  CommonFundSyncResult,
  CommonFundTransaction,
  Page,
  rate,
} from '@szpm/contract';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { createApiApp } from '../src/bootstrap';
import { CommonFundCasesService } from '../src/modules/common-funds/common-fund-cases.service';
import { CommonFundFeedSchedule } from '../src/modules/common-funds/common-fund-feed-schedule';
import { JobQueue } from '../src/queue/job-queue';
import { JOBS } from '../src/queue/jobs';
import { FakeBankFeedServer } from './fakes/fake-bank-feed-server';
import { binaryBody } from './support/binary-body';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(180_000);

const FUTIAN = 2;
const NANSHAN = 3;
const COUNTERS: CommonFundCounter[] = ['projects', 'shouldOpen', 'opened', 'unopened', 'basic', 'coManaged', 'abnormal', 'rectifyOrdered', 'penalised'];

/** Issue 15, chapter 11 共有资金: seed, grants, statistics and their lists, banks, accounts and the feed, the escalation clock (across a restart), the tab and 催办. */
describe('common funds (chapter 11 共有资金)', () => {
  let t: TestApp;
  let feed: FakeBankFeedServer;
  let server: () => ReturnType<typeof request>;
  let restarted: INestApplication | null = null;
  const tokens: Record<string, string> = {};
  const auth = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const get = (user: string, path: string) => server().get(path).set(auth(user));
  const post = (user: string, path: string, body: object = {}) => server().post(path).set(auth(user)).send(body);
  const sql = async <R = Record<string, unknown>>(text: string, params: unknown[] = []) => (await t.dataSource.query(text, params)) as R[];
  const count = async (text: string, params: unknown[] = []) => Number((await sql<{ n: number | string }>(text, params))[0].n);
  const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const plusDays = (days: number) => new Date(Date.parse(`${today()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const writes = () => count('SELECT (SELECT COUNT(*) FROM common_fund_accounts) + (SELECT COUNT(*) FROM common_fund_transactions) + (SELECT COUNT(*) FROM common_fund_cases) + (SELECT COUNT(*) FROM common_fund_case_events) + (SELECT COUNT(*) FROM common_fund_feed_issues) AS n');
  const bankCode = async (bankId: number) => String((await sql<{ code: string }>('SELECT code FROM shared_banks WHERE id = ?', [bankId]))[0].code);
  const caseOf = async (id: number) => (await get('futian.handler', `/api/common-funds/cases/${id}`).expect(200)).body as CommonFundCase;
  const openCase = async (stage: CommonFundCaseStage, skip: number[] = []) => {
    const rows = await sql<{ id: number }>('SELECT id FROM common_fund_cases WHERE districtId = ? AND stage = ? ORDER BY id', [FUTIAN, stage]);
    return Number(rows.map((r) => Number(r.id)).find((id) => !skip.includes(id)));
  };

  beforeAll(async () => {
    feed = await FakeBankFeedServer.start();
    t = await startTestApp({ env: { COMMON_FUND_FEED_URL: feed.url } });
    server = t.http;
    for (const user of ['city.admin', 'futian.lead', 'futian.handler', 'futian.newcomer', 'nanshan.lead', 'demo.manager', 'futian.street.yuanling']) tokens[user] = await t.login(user);
  });
  afterAll(async () => {
    if (restarted) await restarted.close();
    else await t.close();
    await feed.close();
  });

  describe('the demo seed', () => {
    it('gives 福田 and 南山 (and the few areas elsewhere) accounts at 12–18 shared banks, every account’s balance its last transaction’s, every stage and an abnormal account', async () => {
      const perDistrict = new Map((await sql<{ districtId: number; n: number }>('SELECT districtId, COUNT(*) AS n FROM common_fund_accounts GROUP BY districtId')).map((r) => [Number(r.districtId), Number(r.n)]));
      expect(perDistrict.get(FUTIAN)).toBeGreaterThan(20);
      expect(perDistrict.get(NANSHAN)).toBeGreaterThan(20);
      const banks = await count('SELECT COUNT(DISTINCT bankId) AS n FROM common_fund_accounts');
      expect(banks).toBeGreaterThanOrEqual(10);
      expect(banks).toBeLessThanOrEqual(18);
      const mismatched = await count(
        `SELECT COUNT(*) AS n FROM common_fund_accounts x
         LEFT JOIN common_fund_transactions t ON t.accountId = x.id AND t.seq = (SELECT MAX(seq) FROM common_fund_transactions WHERE accountId = x.id)
         WHERE ABS(x.balance - COALESCE(t.balance, 0)) > 0.001 OR x.lastSeq <> COALESCE(t.seq, 0)`,
      );
      expect(mismatched).toBe(0);
      // running balances continue transaction to transaction
      const broken = await count(
        `SELECT COUNT(*) AS n FROM common_fund_transactions t JOIN common_fund_transactions p ON p.accountId = t.accountId AND p.seq = t.seq - 1
         WHERE ABS(t.balance - (p.balance + CASE WHEN t.direction = 'CREDIT' THEN t.amount ELSE -t.amount END)) > 0.001`,
      );
      expect(broken).toBe(0);
      const stages = (await sql<{ stage: string }>('SELECT DISTINCT stage FROM common_fund_cases')).map((r) => r.stage).sort();
      expect(stages).toEqual(Object.values(CommonFundCaseStage).sort());
      expect(await count("SELECT COUNT(*) AS n FROM common_fund_accounts WHERE status = 'DISABLED' OR feedAbnormal = 1")).toBeGreaterThan(0);
      expect(await count("SELECT COUNT(*) AS n FROM common_fund_accounts WHERE accountType = 'BASIC'")).toBeGreaterThan(0);
      // an open case per area at most, and none for an area with a normal account
      expect(await count("SELECT COUNT(*) AS n FROM common_fund_cases k JOIN common_fund_accounts x ON x.propertyAreaId = k.propertyAreaId AND x.status = 'NORMAL' WHERE k.openAreaId IS NOT NULL")).toBe(0);
    });

    it('leaves the sweep nothing to do on a fresh seed: every overdue area already has its case', async () => {
      const before = await count('SELECT COUNT(*) AS n FROM common_fund_cases');
      expect(await t.app.get(CommonFundCasesService).sweep()).toEqual({ opened: 0, expired: 0, closed: 0 });
      expect(await count('SELECT COUNT(*) AS n FROM common_fund_cases')).toBe(before);
    });
  });

  describe('the module grant', () => {
    it('is city-only: the demo officers have it from the city admin, an officer without it is refused', async () => {
      const grants = await sql<{ username: string; action: string; grantedBy: string }>(
        "SELECT a.username, g.action, b.username AS grantedBy FROM module_grants g JOIN accounts a ON a.id = g.accountId JOIN accounts b ON b.id = g.grantedById WHERE g.module = 'common-funds' AND a.username = 'futian.handler'",
      );
      expect(grants.map((g) => g.action).sort()).toEqual(['operate', 'view']);
      expect(grants.every((g) => g.grantedBy === 'city.admin')).toBe(true);
      expect((await get('futian.newcomer', '/api/common-funds/statistics').expect(403)).body.code).toBe('MODULE_NOT_GRANTED');
      const area = Number((await sql<{ id: number }>('SELECT id FROM property_areas WHERE districtId = ? ORDER BY id LIMIT 1', [FUTIAN]))[0].id);
      expect((await get('futian.newcomer', `/api/property-areas/${area}/common-funds`).expect(403)).body.code).toBe('MODULE_NOT_GRANTED');
      const before = await writes();
      expect((await post('futian.newcomer', '/api/common-funds/urge').expect(403)).body.code).toBe('MODULE_NOT_GRANTED');
      expect(await writes()).toBe(before);
    });

    it('lets a street office of 福田 / 南山 read the three chapters’ statistics of the own street only, and a district handler send 提醒更新', async () => {
      const streetOf = async (user: string) => Number((await sql<{ streetId: number }>('SELECT streetId FROM accounts WHERE username = ?', [user]))[0].streetId);
      const own = await streetOf('futian.street.yuanling');
      const other = await streetOf('futian.street.xiangmihu');
      const grants = await sql<{ module: string; action: string }>("SELECT g.module, g.action FROM module_grants g JOIN accounts a ON a.id = g.accountId WHERE a.username = 'futian.street.yuanling'");
      expect(grants.filter((g) => ['common-funds', 'practitioners', 'parking'].includes(g.module)).map((g) => `${g.module}:${g.action}`).sort()).toEqual(['common-funds:view', 'parking:view', 'practitioners:view']);
      const nanshanStreet = await sql<{ username: string }>("SELECT a.username FROM accounts a JOIN module_grants g ON g.accountId = a.id AND g.module = 'common-funds' AND g.action = 'view' WHERE a.role = 'STREET_OFFICER' AND a.districtId = ? LIMIT 1", [NANSHAN]);
      expect(nanshanStreet.length).toBe(1);
      const stats: CommonFundStats = (await get('futian.street.yuanling', '/api/common-funds/statistics').expect(200)).body;
      expect(stats.level).toBe('COMMUNITY');
      expect(stats.total.projects).toBe(await count('SELECT COUNT(*) AS n FROM property_areas WHERE streetId = ?', [own]));
      const accounts: Page<CommonFundAccountItem> = (await get('futian.street.yuanling', '/api/common-funds/accounts?pageSize=100').expect(200)).body;
      expect(accounts.total).toBe(await count('SELECT COUNT(*) AS n FROM common_fund_accounts WHERE streetId = ?', [own]));
      expect([403, 404]).toContain((await get('futian.street.yuanling', `/api/common-funds/statistics?streetId=${other}`)).status);
      const otherArea = Number((await sql<{ id: number }>('SELECT id FROM property_areas WHERE streetId = ? ORDER BY id LIMIT 1', [other]))[0].id);
      expect([403, 404]).toContain((await get('futian.street.yuanling', `/api/property-areas/${otherArea}/common-funds`)).status);
      const otherAccount = Number((await sql<{ id: number }>('SELECT id FROM common_fund_accounts WHERE streetId = ? ORDER BY id LIMIT 1', [other]))[0].id);
      expect([403, 404]).toContain((await get('futian.street.yuanling', `/api/common-funds/accounts/${otherAccount}`)).status);
      // view only: no 催办, no register
      expect((await post('futian.street.yuanling', '/api/common-funds/urge').expect(403)).body.code).toBe('MODULE_NOT_GRANTED');
      for (const path of ['/api/practitioners/statistics', '/api/parking/statistics']) {
        const own = (await get('futian.street.yuanling', path).expect(200)).body as { level: string };
        expect(own.level).toBe('COMMUNITY');
        expect([403, 404]).toContain((await get('futian.street.yuanling', `${path}?streetId=${other}`)).status);
      }
      // the district handler's 提醒更新 of chapters 12 and 13
      await post('futian.handler', '/api/practitioners/remind', {}).expect(200);
      await post('futian.handler', '/api/parking/remind-update', {}).expect(200);
    });
  });

  describe('statistics', () => {
    it('counts the district by street, the 合计 the sum, 开户率 by rate(), and every number opens exactly its rows', async () => {
      const stats: CommonFundStats = (await get('futian.handler', '/api/common-funds/statistics').expect(200)).body;
      expect(stats.level).toBe('STREET');
      const total = stats.total;
      expect(total.projects).toBe(await count('SELECT COUNT(*) AS n FROM property_areas WHERE districtId = ?', [FUTIAN]));
      expect(total.opened + total.unopened).toBe(total.shouldOpen);
      expect(total.openRate).toBe(rate(total.opened, total.shouldOpen));
      expect(total.shouldOpen / total.projects).toBeGreaterThan(0.5);
      expect(total.opened / total.shouldOpen).toBeGreaterThan(0.5);
      expect(total.basic + total.coManaged).toBe(await count("SELECT COUNT(*) AS n FROM common_fund_accounts WHERE districtId = ? AND status = 'NORMAL'", [FUTIAN]));
      expect(total.coManaged).toBeGreaterThan(total.basic);
      expect(total.rectifyOrdered).toBe(await count("SELECT COUNT(*) AS n FROM common_fund_cases WHERE districtId = ? AND openAreaId IS NOT NULL AND stage IN ('RECTIFY_ORDERED', 'RECTIFY_EXPIRED', 'PENALISED')", [FUTIAN]));
      expect(total.penalised).toBeGreaterThan(0);
      for (const counter of COUNTERS) expect(stats.items.reduce((n, i) => n + i[counter], 0)).toBe(total[counter]);
      for (const counter of ['shouldOpen', 'unopened', 'rectifyOrdered', 'penalised', 'opened'] as const) {
        const cells: Page<CommonFundCellItem> = (await get('futian.handler', `/api/common-funds/statistics/cells?counter=${counter}&pageSize=100`).expect(200)).body;
        expect(cells.total).toBe(total[counter]);
      }
      const abnormal: Page<CommonFundCellItem> = (await get('futian.handler', '/api/common-funds/statistics/cells?counter=abnormal&pageSize=100').expect(200)).body;
      expect(abnormal.items.every((i) => i.account?.abnormal)).toBe(true);
      const unopened: Page<CommonFundCellItem> = (await get('futian.handler', '/api/common-funds/statistics/cells?counter=unopened&pageSize=100').expect(200)).body;
      expect(unopened.items.every((i) => i.account === null || i.account.status === 'DISABLED')).toBe(true);
      expect(unopened.items.some((i) => i.projectManagerName || i.committeeChairName)).toBe(true);
      const street = stats.items.find((i) => i.opened > 0)!;
      const streetCells: Page<CommonFundCellItem> = (await get('futian.handler', `/api/common-funds/statistics/cells?counter=opened&regionId=${street.regionId}`).expect(200)).body;
      expect(streetCells.total).toBe(street.opened);
      expect(streetCells.items.every((i) => i.account?.status === 'NORMAL' && i.streetName === street.regionName)).toBe(true);
      // drill down: the street's communities
      const communities: CommonFundStats = (await get('futian.handler', `/api/common-funds/statistics?streetId=${street.regionId}`).expect(200)).body;
      expect(communities.level).toBe('COMMUNITY');
      expect(communities.total.opened).toBe(street.opened);
    });

    it('searches by project name and exports the table and a list', async () => {
      const name = String((await sql<{ name: string }>('SELECT name FROM property_areas WHERE districtId = ? ORDER BY id LIMIT 1', [FUTIAN]))[0].name);
      const found: CommonFundStats = (await get('futian.handler', `/api/common-funds/statistics?search=${encodeURIComponent(name)}`).expect(200)).body;
      expect(found.total.projects).toBe(await count('SELECT COUNT(*) AS n FROM property_areas WHERE districtId = ? AND INSTR(name, ?) > 0', [FUTIAN, name]));
      expect(found.total.projects).toBeGreaterThanOrEqual(1);
      const xlsx = await get('futian.handler', '/api/common-funds/statistics/export').buffer(true).parse(binaryBody).expect(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
      expect(values(1)).toEqual(expect.arrayContaining(['应开共有资金账户数', '开户率（%）', '逾期未开户行政处罚数']));
      expect(values(sheet.rowCount)).toContain('合计');
      const list = await get('futian.handler', '/api/common-funds/statistics/cells/export?counter=unopened').buffer(true).parse(binaryBody).expect(200);
      const listBook = new ExcelJS.Workbook();
      await listBook.xlsx.load(list.body as ArrayBuffer);
      const stats: CommonFundStats = (await get('futian.handler', '/api/common-funds/statistics').expect(200)).body;
      expect(listBook.worksheets[0].rowCount - 1).toBe(stats.total.unopened);
      await get('futian.handler', '/api/common-funds/accounts/export').buffer(true).parse(binaryBody).expect(200);
      await get('futian.handler', '/api/common-funds/bank-statistics/export').buffer(true).parse(binaryBody).expect(200);
    });

    it('counts per shared bank, with shares adding to 100 %, and drills to the bank’s accounts; other districts stay out', async () => {
      const banks: CommonFundBankStats = (await get('futian.handler', '/api/common-funds/bank-statistics').expect(200)).body;
      expect(banks.total.accounts).toBe(await count('SELECT COUNT(*) AS n FROM common_fund_accounts WHERE districtId = ?', [FUTIAN]));
      expect(banks.items.reduce((n, b) => n + b.share, 0)).toBeCloseTo(100, 0);
      const top = banks.items[0];
      expect(top.accounts).toBe(top.basic + top.coManaged);
      const list: Page<CommonFundAccountItem> = (await get('futian.handler', `/api/common-funds/accounts?bankId=${top.bankId}&pageSize=5`).expect(200)).body;
      expect(list.total).toBe(top.accounts);
      expect(list.items.every((a) => a.bankId === top.bankId && a.districtName === '福田区')).toBe(true);
      const nanshan: Page<CommonFundAccountItem> = (await get('nanshan.lead', '/api/common-funds/accounts?pageSize=100').expect(200)).body;
      expect(nanshan.items.every((a) => a.districtName === '南山区')).toBe(true);
      expect((await get('nanshan.lead', `/api/common-funds/accounts/${list.items[0].id}`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      expect((await get('nanshan.lead', `/api/common-funds/statistics?districtId=${FUTIAN}`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
    });
  });

  describe('accounts and the bank feed', () => {
    let overdueCase: number;
    let areaId: number;
    let accountId: number;
    let bankId: number;
    const accountNo = '6222 0240 0001 2345 678';

    beforeAll(async () => {
      overdueCase = await openCase(CommonFundCaseStage.OVERDUE);
      areaId = Number((await sql<{ propertyAreaId: number }>('SELECT propertyAreaId FROM common_fund_cases WHERE id = ?', [overdueCase]))[0].propertyAreaId);
      bankId = Number((await sql<{ id: number }>('SELECT id FROM shared_banks ORDER BY sortOrder DESC LIMIT 1'))[0].id);
    });

    it('refuses a bank outside the dictionary, a number of the wrong form, a mismatched registrant and a duplicate, naming the field and writing nothing', async () => {
      const valid = { propertyAreaId: areaId, accountType: 'CO_MANAGED', accountNo, accountName: '共管账户', bankId, registrantType: 'PROJECT_MANAGER', registrant: '王俊峰' };
      const before = await writes();
      const refuse = async (body: object, status: number, code: string, field: string) => {
        const res = (await post('futian.handler', '/api/common-funds/accounts', body).expect(status)).body;
        expect(res.code).toBe(code);
        expect(res.details[0].field).toBe(field);
      };
      await refuse({ ...valid, bankId: 99_999 }, 400, 'COMMON_FUND_BANK_NOT_SHARED', 'bankId');
      await refuse({ ...valid, accountNo: '12345-678' }, 400, 'COMMON_FUND_ACCOUNT_NO_INVALID', 'accountNo');
      await refuse({ ...valid, accountNo: '6222O24000012345678' }, 400, 'COMMON_FUND_ACCOUNT_NO_INVALID', 'accountNo');
      await refuse({ ...valid, registrantType: 'COMMITTEE_CHAIR' }, 400, 'COMMON_FUND_REGISTRANT_TYPE_MISMATCH', 'registrantType');
      await refuse({ ...valid, propertyAreaId: 99_999_999 }, 400, 'VALIDATION_FAILED', 'propertyAreaId');
      const [existing] = await sql<{ bankId: number; accountNo: string }>('SELECT bankId, accountNo FROM common_fund_accounts WHERE districtId = ? LIMIT 1', [FUTIAN]);
      await refuse({ ...valid, bankId: Number(existing.bankId), accountNo: existing.accountNo }, 409, 'COMMON_FUND_ACCOUNT_DUPLICATE', 'accountNo');
      const nanshanArea = Number((await sql<{ id: number }>('SELECT id FROM property_areas WHERE districtId = ? LIMIT 1', [NANSHAN]))[0].id);
      expect((await post('futian.handler', '/api/common-funds/accounts', { ...valid, propertyAreaId: nanshanArea }).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      expect(await writes()).toBe(before);
    });

    it('registers an account, which closes the area’s open case on its timeline', async () => {
      const account: CommonFundAccountDetail = (
        await post('futian.handler', '/api/common-funds/accounts', { propertyAreaId: areaId, accountType: 'CO_MANAGED', accountNo, accountName: '共管账户', bankId, registrantType: 'PROJECT_MANAGER', registrant: '王俊峰' }).expect(201)
      ).body;
      accountId = account.id;
      expect(account).toMatchObject({ accountNo: '6222024000012345678', status: 'NORMAL', balance: 0, abnormal: false, feedIssues: [] });
      const closed = await caseOf(overdueCase);
      expect(closed.stage).toBe('CLOSED_OPENED');
      expect(closed.events.map((e) => e.stage)).toEqual(['OVERDUE', 'CLOSED_OPENED']);
      expect(closed.events[1].actorName).toBeTruthy();
      expect(await count("SELECT COUNT(*) AS n FROM audit_logs WHERE action = 'common-funds.accounts.register'")).toBeGreaterThanOrEqual(1);
    });

    it('replays the feed: the balance is always the last transaction’s', async () => {
      const code = await bankCode(bankId);
      feed.book(code, '6222024000012345678', [
        { direction: 'CREDIT', amount: 120_000, summary: '期初余额转入' },
        { direction: 'CREDIT', amount: 3500.5, summary: '广告收益' },
        { direction: 'DEBIT', amount: 820.25, summary: '共用设施维修' },
      ]);
      const first: CommonFundSyncResult = (await post('futian.handler', `/api/common-funds/accounts/${accountId}/sync`).expect(200)).body;
      expect(first).toMatchObject({ accepted: 3, balance: 122_680.25, issue: null });
      feed.book(code, '6222024000012345678', [{ direction: 'CREDIT', amount: 900, summary: '停车场经营收益' }]);
      expect((await post('futian.handler', `/api/common-funds/accounts/${accountId}/sync`).expect(200)).body).toMatchObject({ accepted: 1, balance: 123_580.25 });
      // a resend of what was accepted adds nothing
      expect((await post('futian.handler', `/api/common-funds/accounts/${accountId}/sync`).expect(200)).body).toMatchObject({ accepted: 0, balance: 123_580.25, issue: null });
      const transactions: Page<CommonFundTransaction> = (await get('futian.handler', `/api/common-funds/accounts/${accountId}/transactions`).expect(200)).body;
      expect(transactions.items.map((x) => x.seq)).toEqual([4, 3, 2, 1]);
      const published = feed.transactionsOf(code, '6222024000012345678');
      expect(transactions.items[0].balance).toBe(published[published.length - 1].balance);
      const detail: CommonFundAccountDetail = (await get('futian.handler', `/api/common-funds/accounts/${accountId}`).expect(200)).body;
      expect(detail.balance).toBe(transactions.items[0].balance);
      expect(feed.requests.at(-1)).toMatchObject({ bankCode: code, accountNo: '6222024000012345678', afterSeq: 4 });
    });

    it('records a gap and a wrong running balance as issues, never accepts them, and counts the account 异常 until the bank corrects its feed', async () => {
      const code = await bankCode(bankId);
      const no = '6222024000012345678';
      const abnormalBefore = ((await get('futian.handler', '/api/common-funds/statistics').expect(200)).body as CommonFundStats).total.abnormal;
      feed.publishRaw(code, no, { seq: 6, time: '2026-06-01T10:00:00+08:00', direction: 'CREDIT', amount: 100, balance: 123_680.25, summary: '场地租金' });
      const gap: CommonFundSyncResult = (await post('futian.handler', `/api/common-funds/accounts/${accountId}/sync`).expect(200)).body;
      expect(gap).toMatchObject({ accepted: 0, balance: 123_580.25, issue: { kind: 'GAP' } });
      const abnormal: CommonFundAccountDetail = (await get('futian.handler', `/api/common-funds/accounts/${accountId}`).expect(200)).body;
      expect(abnormal).toMatchObject({ abnormal: true, balance: 123_580.25, status: 'NORMAL' });
      expect(abnormal.feedIssues.map((i) => i.kind)).toEqual(['GAP']);
      expect(((await get('futian.handler', '/api/common-funds/statistics').expect(200)).body as CommonFundStats).total.abnormal).toBe(abnormalBefore + 1);
      // the bank publishes the missing number, but with a wrong balance
      feed.correct(code, no, { seq: 5, time: '2026-05-31T10:00:00+08:00', direction: 'DEBIT', amount: 80, balance: 123_580.25, summary: '银行手续费' });
      const wrong: CommonFundSyncResult = (await post('futian.handler', `/api/common-funds/accounts/${accountId}/sync`).expect(200)).body;
      expect(wrong).toMatchObject({ accepted: 0, issue: { kind: 'BALANCE_MISMATCH' } });
      expect(await count('SELECT COUNT(*) AS n FROM common_fund_transactions WHERE accountId = ?', [accountId])).toBe(4);
      // corrected: 5 and 6 continue cleanly, the issues are resolved
      feed.correct(code, no, { seq: 5, time: '2026-05-31T10:00:00+08:00', direction: 'DEBIT', amount: 80, balance: 123_500.25, summary: '银行手续费' });
      feed.correct(code, no, { seq: 6, time: '2026-06-01T10:00:00+08:00', direction: 'CREDIT', amount: 100, balance: 123_600.25, summary: '场地租金' });
      expect((await post('futian.handler', `/api/common-funds/accounts/${accountId}/sync`).expect(200)).body).toMatchObject({ accepted: 2, balance: 123_600.25, issue: null });
      expect((await get('futian.handler', `/api/common-funds/accounts/${accountId}`).expect(200)).body).toMatchObject({ abnormal: false, feedIssues: [], balance: 123_600.25 });
      expect(((await get('futian.handler', '/api/common-funds/statistics').expect(200)).body as CommonFundStats).total.abnormal).toBe(abnormalBefore);
      // a bank that is down: 502, nothing written
      const before = await writes();
      feed.failNext(1, 503);
      expect((await post('futian.handler', `/api/common-funds/accounts/${accountId}/sync`).expect(502)).body.code).toBe('COMMON_FUND_FEED_UNAVAILABLE');
      expect(await writes()).toBe(before);
      // an answer that is not a feed is an issue
      feed.failNext(1, 200, '{"transactions":[{"seq":"x"}]}');
      expect((await post('futian.handler', `/api/common-funds/accounts/${accountId}/sync`).expect(200)).body.issue).toMatchObject({ kind: 'MALFORMED' });
      expect((await get('futian.handler', `/api/common-funds/accounts/${accountId}`).expect(200)).body.abnormal).toBe(true);
      // the next clean answer resolves it
      expect((await post('futian.handler', `/api/common-funds/accounts/${accountId}/sync`).expect(200)).body).toMatchObject({ accepted: 0, issue: null });
      expect((await get('futian.handler', `/api/common-funds/accounts/${accountId}`).expect(200)).body.abnormal).toBe(false);
    });

    it('shows the accounts, latest transactions and the timeline on the area’s 共有资金信息 tab, through the same door as the other tabs', async () => {
      const tab: AreaCommonFunds = (await get('futian.handler', `/api/property-areas/${areaId}/common-funds`).expect(200)).body;
      expect(tab.propertyAreaId).toBe(areaId);
      expect(tab.accounts.map((a) => a.id)).toContain(accountId);
      expect(tab.latestTransactions[0]).toMatchObject({ accountId, seq: 6, balance: 123_600.25 });
      expect(tab.cases[0]).toMatchObject({ id: overdueCase, stage: 'CLOSED_OPENED' });
      expect(tab.cases[0].events.length).toBe(2);
      expect((await get('nanshan.lead', `/api/property-areas/${areaId}/common-funds`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      expect((await get('futian.handler', '/api/property-areas/99999999/common-funds').expect(404)).body.code).toBe('PROPERTY_AREA_NOT_FOUND');
      const own = Number(
        (await sql<{ id: number }>("SELECT a.id FROM property_areas a JOIN accounts u ON u.unitId = a.projectManagerId AND u.role = 'PROJECT_MANAGER' WHERE u.username = 'demo.manager' LIMIT 1"))[0].id,
      );
      expect((await get('demo.manager', `/api/property-areas/${own}/common-funds`).expect(200)).body.propertyAreaId).toBe(own);
      const foreign = Number((await sql<{ id: number }>('SELECT a.id FROM property_areas a WHERE a.districtId = ? AND a.id <> ? ORDER BY a.id DESC LIMIT 1', [NANSHAN, own]))[0].id);
      expect((await get('demo.manager', `/api/property-areas/${foreign}/common-funds`).expect(403)).body.code).toBe('FORBIDDEN');
    });

    it('disables and enables an account; disabled counts as 异常 and unopened', async () => {
      const before: CommonFundStats = (await get('futian.handler', '/api/common-funds/statistics').expect(200)).body;
      await post('futian.handler', `/api/common-funds/accounts/${accountId}/disable`).expect(200);
      const after: CommonFundStats = (await get('futian.handler', '/api/common-funds/statistics').expect(200)).body;
      expect(after.total.abnormal).toBe(before.total.abnormal + 1);
      expect(after.total.opened).toBe(before.total.opened - 1);
      expect((await post('futian.handler', `/api/common-funds/accounts/${accountId}/disable`).expect(409)).body.code).toBe('COMMON_FUND_ACCOUNT_STATUS_UNCHANGED');
      await post('futian.handler', `/api/common-funds/accounts/${accountId}/enable`).expect(200);
      expect(((await get('futian.handler', '/api/common-funds/statistics').expect(200)).body as CommonFundStats).total.opened).toBe(before.total.opened);
    });
  });

  describe('the counterparts’ own registration (项目负责人 共管账户, 业主委员会 基本账户)', () => {
    const ownAreas = async (user: string, category: 'PROJECT_MANAGER' | 'OWNERS_COMMITTEE') =>
      (
        await sql<{ id: number }>(
          category === 'PROJECT_MANAGER'
            ? "SELECT a.id FROM property_areas a JOIN accounts u ON u.unitId = a.projectManagerId AND u.unitCategory = 'PROJECT_MANAGER' WHERE u.username = ? ORDER BY a.id"
            : "SELECT a.id FROM property_areas a JOIN owners_committees oc ON oc.propertyAreaId = a.id JOIN accounts u ON u.unitId = oc.id AND u.unitCategory = 'OWNERS_COMMITTEE' WHERE u.username = ? ORDER BY a.id",
          [user],
        )
      ).map((r) => Number(r.id));
    /** an own area that should hold an account and has no normal one (its normal accounts disabled by the officer if need be) */
    const unopenedOwnArea = async (user: string, category: 'PROJECT_MANAGER' | 'OWNERS_COMMITTEE') => {
      for (const id of await ownAreas(user, category)) {
        const tab: AreaCommonFunds = (await get(user, `/api/property-areas/${id}/common-funds`).expect(200)).body;
        if (!tab.shouldOpen) continue;
        for (const a of tab.accounts.filter((x) => x.status === 'NORMAL')) await post('futian.handler', `/api/common-funds/accounts/${a.id}/disable`).expect(200);
        return id;
      }
      throw new Error(`${user} has no area that should hold a common-fund account`);
    };
    const streetRow = async (areaId: number) => {
      const streetId = Number((await sql<{ streetId: number }>('SELECT streetId FROM property_areas WHERE id = ?', [areaId]))[0].streetId);
      const stats: CommonFundStats = (await get('futian.handler', '/api/common-funds/statistics').expect(200)).body;
      return stats.items.find((i) => i.regionId === streetId)!;
    };

    beforeAll(async () => {
      for (const user of ['demo.committee']) tokens[user] = await t.login(user);
    });

    it('lets the project manager register the own project’s 共管账户 with the officer’s rules, refusals naming the field and writing nothing; the officer’s statistics count it', async () => {
      const areaId = await unopenedOwnArea('demo.manager', 'PROJECT_MANAGER');
      const banks = (await get('demo.manager', `/api/property-areas/${areaId}/common-funds/banks`).expect(200)).body as Array<{ id: number }>;
      expect(banks.length).toBeGreaterThanOrEqual(10);
      const before = await streetRow(areaId);
      const own = (await get('demo.manager', `/api/property-areas/${areaId}/common-funds`).expect(200)).body as AreaCommonFunds;
      expect(own.ownAccountType).toBe('CO_MANAGED');
      const valid = { accountType: 'CO_MANAGED', accountNo: '6217 0030 0099 8877 66', accountName: '共有资金共管账户', bankId: banks[0].id, registrantType: 'PROJECT_MANAGER', registrant: '王俊峰' };
      const path = `/api/property-areas/${areaId}/common-funds/accounts`;
      const writesBefore = await writes();
      const refuse = async (body: object, status: number, code: string, field: string) => {
        const res = (await post('demo.manager', path, body).expect(status)).body;
        expect(res.code).toBe(code);
        expect(res.details[0].field).toBe(field);
      };
      await refuse({ ...valid, accountType: 'BASIC', registrantType: 'COMMITTEE_CHAIR' }, 400, 'COMMON_FUND_REGISTRANT_TYPE_MISMATCH', 'accountType');
      await refuse({ ...valid, registrantType: 'COMMITTEE_AGENT' }, 400, 'COMMON_FUND_REGISTRANT_TYPE_MISMATCH', 'registrantType');
      await refuse({ ...valid, bankId: 99_999 }, 400, 'COMMON_FUND_BANK_NOT_SHARED', 'bankId');
      await refuse({ ...valid, accountNo: '12345' }, 400, 'COMMON_FUND_ACCOUNT_NO_INVALID', 'accountNo');
      await refuse({ ...valid, accountName: '' }, 400, 'VALIDATION_FAILED', 'accountName');
      const [existing] = await sql<{ bankId: number; accountNo: string }>('SELECT bankId, accountNo FROM common_fund_accounts ORDER BY id LIMIT 1');
      await refuse({ ...valid, bankId: Number(existing.bankId), accountNo: existing.accountNo }, 409, 'COMMON_FUND_ACCOUNT_DUPLICATE', 'accountNo');
      // another project's area: refused, whoever's it is; an officer does not use this door
      const foreign = Number((await sql<{ id: number }>('SELECT id FROM property_areas WHERE id NOT IN (' + (await ownAreas('demo.manager', 'PROJECT_MANAGER')).join(',') + ') ORDER BY id LIMIT 1'))[0].id);
      expect((await post('demo.manager', `/api/property-areas/${foreign}/common-funds/accounts`, valid).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await get('demo.manager', `/api/property-areas/${foreign}/common-funds/banks`).expect(403)).body.code).toBe('FORBIDDEN');
      await post('futian.handler', path, valid).expect(403);
      await post('demo.manager', '/api/common-funds/accounts', { ...valid, propertyAreaId: areaId }).expect(403);
      expect(await writes()).toBe(writesBefore);

      const account: CommonFundAccountDetail = (await post('demo.manager', path, valid).expect(201)).body;
      expect(account).toMatchObject({ propertyAreaId: areaId, accountType: 'CO_MANAGED', accountNo: '621700300099887766', status: 'NORMAL', registrant: '王俊峰', abnormal: false });
      const audit = await sql<{ username: string }>("SELECT u.username FROM audit_logs l JOIN accounts u ON u.id = l.actorId WHERE l.action = 'common-funds.accounts.register' ORDER BY l.id DESC LIMIT 1");
      expect(audit[0]?.username).toBe('demo.manager');
      const tab: AreaCommonFunds = (await get('demo.manager', `/api/property-areas/${areaId}/common-funds`).expect(200)).body;
      expect(tab.accounts.map((a) => a.id)).toContain(account.id);
      const after = await streetRow(areaId);
      expect(after.opened).toBe(before.opened + 1);
      expect(after.unopened).toBe(before.unopened - 1);
      expect(after.coManaged).toBe(before.coManaged + 1);
      const cells: Page<CommonFundCellItem> = (await get('futian.handler', `/api/common-funds/statistics/cells?counter=opened&regionId=${after.regionId}&pageSize=100`).expect(200)).body;
      expect(cells.items.find((c) => c.propertyAreaId === areaId)?.account?.accountNo).toBe('621700300099887766');
    });

    it('lets the owners’ committee register the own area’s 基本账户 (and only that type)', async () => {
      const [areaId] = await ownAreas('demo.committee', 'OWNERS_COMMITTEE');
      expect(areaId).toBeGreaterThan(0);
      const tab: AreaCommonFunds = (await get('demo.committee', `/api/property-areas/${areaId}/common-funds`).expect(200)).body;
      expect(tab.ownAccountType).toBe('BASIC');
      const bankId = Number((await sql<{ id: number }>('SELECT id FROM shared_banks ORDER BY sortOrder LIMIT 1'))[0].id);
      const valid = { accountType: 'BASIC', accountNo: '6228480099001122334', accountName: '业主大会基本账户', bankId, registrantType: 'COMMITTEE_CHAIR', registrant: '何秀兰' };
      const path = `/api/property-areas/${areaId}/common-funds/accounts`;
      expect((await post('demo.committee', path, { ...valid, accountType: 'CO_MANAGED', registrantType: 'PROJECT_MANAGER' }).expect(400)).body.details[0].field).toBe('accountType');
      const account: CommonFundAccountDetail = (await post('demo.committee', path, valid).expect(201)).body;
      expect(account).toMatchObject({ propertyAreaId: areaId, accountType: 'BASIC', registrantType: 'COMMITTEE_CHAIR', status: 'NORMAL' });
      const other = Number((await sql<{ id: number }>('SELECT id FROM property_areas WHERE id <> ? ORDER BY id LIMIT 1', [areaId]))[0].id);
      expect((await post('demo.committee', `/api/property-areas/${other}/common-funds/accounts`, { ...valid, accountNo: '6228480099001122335' }).expect(403)).body.code).toBe('FORBIDDEN');
    });
  });

  describe('the daily bank pull and silent feeds', () => {
    const schedule = () => t.app.get(CommonFundFeedSchedule);
    const healthy = async (n: number) =>
      sql<{ id: number; bankId: number; accountNo: string; lastSeq: number; balance: number }>(
        `SELECT x.id, x.bankId, x.accountNo, x.lastSeq, x.balance FROM common_fund_accounts x WHERE x.districtId = ? AND x.status = 'NORMAL' AND x.feedAbnormal = 0 AND x.registeredById IS NULL ORDER BY x.id LIMIT ${n}`,
        [FUTIAN],
      );
    const detail = async (id: number) => (await get('futian.handler', `/api/common-funds/accounts/${id}`).expect(200)).body as CommonFundAccountDetail;
    // a datetime parameter of a raw statement: SQLite keeps TypeORM's UTC text, MariaDB takes the Date (timezone Z)
    const ago = (days: number): Date | string => {
      const d = new Date(Date.now() - days * 86_400_000);
      return t.config.database.kind === 'mysql' ? d : d.toISOString().replace('T', ' ').replace('Z', '');
    };

    it('pulls every due normal account once per run from the fake feed, by one job per account; a bank that is down records an issue on its accounts only', async () => {
      const candidates = await healthy(40);
      const a = candidates[0];
      const b = candidates.find((x) => Number(x.bankId) !== Number(a.bankId))!;
      const c = candidates.find((x) => x.id !== a.id && Number(x.bankId) === Number(a.bankId)) ?? candidates.find((x) => x.id !== a.id && x.id !== b.id && Number(x.bankId) !== Number(b.bankId))!;
      const ids = [a.id, b.id, c.id].map(Number);
      expect(new Set(ids).size).toBe(3);
      await t.dataSource.query(`UPDATE common_fund_accounts SET lastPulledAt = ? WHERE id IN (${ids.join(',')})`, [ago(2)]);
      const codeA = await bankCode(Number(a.bankId));
      const codeB = await bankCode(Number(b.bankId));
      const codeC = await bankCode(Number(c.bankId));
      const balanceA = Number(a.balance);
      feed.publishRaw(codeA, a.accountNo, { seq: Number(a.lastSeq) + 1, time: new Date().toISOString(), direction: 'CREDIT', amount: 250, balance: Math.round((balanceA + 250) * 100) / 100, summary: '广告收益' });
      feed.open(codeC, c.accountNo);
      feed.bankDown(codeB);
      const requestsBefore = feed.requests.length;
      const pulledBefore = await count('SELECT COUNT(*) AS n FROM common_fund_accounts WHERE lastPulledAt > ?', [ago(1)]);
      try {
        expect((await schedule().sweep()).enqueued).toBe(3);
        // the queue also holds the delayed and repeating jobs of the other clocks (Bull): wait for the pulls' own record
        await waitFor(async () => (await count(`SELECT COUNT(*) AS n FROM common_fund_accounts WHERE id IN (${ids.join(',')}) AND lastPulledAt > ?`, [ago(1)])) === 3, 'the three pulls');
      } finally {
        feed.bankUp(codeB);
      }
      const asked = feed.requests.slice(requestsBefore).map((r) => r.accountNo).sort();
      expect(asked).toEqual([a.accountNo, b.accountNo, c.accountNo].sort());
      expect(await count('SELECT COUNT(*) AS n FROM common_fund_accounts WHERE lastPulledAt > ?', [ago(1)])).toBe(pulledBefore + 3);
      const [da, db, dc] = [await detail(a.id), await detail(b.id), await detail(c.id)];
      expect(da).toMatchObject({ balance: Math.round((balanceA + 250) * 100) / 100, abnormal: false, feedIssues: [] });
      expect(db.abnormal).toBe(true);
      expect(db.feedIssues.map((i) => i.kind)).toEqual(['UNAVAILABLE']);
      expect(Number((await sql<{ lastSeq: number }>('SELECT lastSeq FROM common_fund_accounts WHERE id = ?', [b.id]))[0].lastSeq)).toBe(Number(b.lastSeq));
      expect(dc).toMatchObject({ abnormal: false, feedIssues: [] });
      // done for this run: a second sweep (or the one at start-up) finds nothing due
      expect((await schedule().sweep()).enqueued).toBe(0);
      // the record is the database: an account whose pull was lost (its lastPulledAt not advanced) is found again, and the bank now up resolves the issue
      feed.open(codeB, b.accountNo);
      await t.dataSource.query('UPDATE common_fund_accounts SET lastPulledAt = ? WHERE id = ?', [ago(2), b.id]);
      expect((await schedule().sweep()).enqueued).toBe(1);
      await waitFor(async () => (await count('SELECT COUNT(*) AS n FROM common_fund_accounts WHERE id = ? AND lastPulledAt > ?', [b.id, ago(1)])) === 1, 'the pull found again');
      expect(await detail(b.id)).toMatchObject({ abnormal: false, feedIssues: [] });
    });

    it('counts an account with no feed for the silent days as 异常 with that reason, in its detail, the area tab and the statistics, until its bank answers', async () => {
      const [d] = await healthy(1);
      const abnormalBefore = ((await get('futian.handler', '/api/common-funds/statistics').expect(200)).body as CommonFundStats).total.abnormal;
      await t.dataSource.query('UPDATE common_fund_accounts SET feedSeenAt = ?, lastTransactionAt = ? WHERE id = ?', [ago(t.config.commonFunds.feedSilentDays + 5), ago(t.config.commonFunds.feedSilentDays + 5), d.id]);
      expect((await schedule().sweep()).silenced).toBe(1);
      expect((await schedule().sweep()).silenced).toBe(0);
      const silent = await detail(d.id);
      expect(silent.abnormal).toBe(true);
      expect(silent.status).toBe('NORMAL');
      expect(silent.feedIssues).toEqual([expect.objectContaining({ kind: 'SILENT', kindLabel: '长期无流水' })]);
      expect(silent.feedIssues[0].detail).toContain(`${t.config.commonFunds.feedSilentDays} 天`);
      const areaId = Number((await sql<{ propertyAreaId: number }>('SELECT propertyAreaId FROM common_fund_accounts WHERE id = ?', [d.id]))[0].propertyAreaId);
      const tab: AreaCommonFunds = (await get('futian.handler', `/api/property-areas/${areaId}/common-funds`).expect(200)).body;
      expect(tab.accounts.find((a) => a.id === Number(d.id))).toMatchObject({ abnormal: true, feedIssues: [expect.objectContaining({ kind: 'SILENT' })] });
      expect(((await get('futian.handler', '/api/common-funds/statistics').expect(200)).body as CommonFundStats).total.abnormal).toBe(abnormalBefore + 1);
      const cells: Page<CommonFundCellItem> = (await get('futian.handler', '/api/common-funds/statistics/cells?counter=abnormal&pageSize=100').expect(200)).body;
      expect(cells.items.map((c) => c.propertyAreaId)).toContain(areaId);
      // the bank answers again: the feed is not silent any more
      feed.open(await bankCode(Number(d.bankId)), d.accountNo);
      expect((await post('futian.handler', `/api/common-funds/accounts/${d.id}/sync`).expect(200)).body).toMatchObject({ accepted: 0, issue: null });
      expect(await detail(d.id)).toMatchObject({ abnormal: false, feedIssues: [] });
      expect(((await get('futian.handler', '/api/common-funds/statistics').expect(200)).body as CommonFundStats).total.abnormal).toBe(abnormalBefore);
    });
  });

  describe('the overdue escalation', () => {
    it('orders rectification with the default deadline, refuses steps out of order and a deadline before the order, writing nothing', async () => {
      const id = await openCase(CommonFundCaseStage.OVERDUE);
      const before = await writes();
      expect((await post('futian.handler', `/api/common-funds/cases/${id}/penalty`, { decisionNo: 'X', decisionDate: today(), amount: 10_000 }).expect(409)).body.code).toBe('COMMON_FUND_CASE_STAGE_INVALID');
      const early = (await post('futian.handler', `/api/common-funds/cases/${id}/rectify-order`, { orderNo: '福住建责改〔2026〕1号', orderDate: today(), deadline: plusDays(-1) }).expect(400)).body;
      expect(early).toMatchObject({ code: 'COMMON_FUND_DEADLINE_BEFORE_ORDER', details: [expect.objectContaining({ field: 'deadline' })] });
      expect((await post('futian.handler', `/api/common-funds/cases/${id}/rectify-order`, { orderNo: '', orderDate: '2026-02-30' }).expect(400)).body.details.map((d: { field: string }) => d.field).sort()).toEqual(['orderDate', 'orderNo']);
      expect(await writes()).toBe(before);
      const ordered: CommonFundCase = (await post('futian.handler', `/api/common-funds/cases/${id}/rectify-order`, { orderNo: '福住建责改〔2026〕1号', orderDate: today() }).expect(200)).body;
      expect(ordered).toMatchObject({ stage: 'RECTIFY_ORDERED', rectifyDeadline: plusDays(15), orderNo: '福住建责改〔2026〕1号' });
      expect(ordered.events.map((e) => e.stage)).toEqual(['OVERDUE', 'RECTIFY_ORDERED']);
      expect((await post('futian.handler', `/api/common-funds/cases/${id}/rectify-order`, { orderNo: 'again', orderDate: today() }).expect(409)).body.code).toBe('COMMON_FUND_CASE_STAGE_INVALID');
      expect((await post('futian.handler', `/api/common-funds/cases/${id}/penalty`, { decisionNo: 'X', decisionDate: today(), amount: 10_000 }).expect(409)).body.code).toBe('COMMON_FUND_CASE_STAGE_INVALID');
      expect((await post('nanshan.lead', `/api/common-funds/cases/${id}/rectify-order`, { orderNo: 'x', orderDate: today() }).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
    });

    it('expires a passed deadline by its delayed job, then records the penalty the officer enters; every step audited', async () => {
      const id = await openCase(CommonFundCaseStage.OVERDUE);
      await post('futian.handler', `/api/common-funds/cases/${id}/rectify-order`, { orderNo: '福住建责改〔2026〕2号', orderDate: plusDays(-20) }).expect(200);
      await waitFor(async () => (await caseOf(id)).stage === 'RECTIFY_EXPIRED', 'the deadline job');
      expect((await post('futian.handler', `/api/common-funds/cases/${id}/penalty`, { decisionNo: 'X', decisionDate: today(), amount: -5 }).expect(400)).body.details[0].field).toBe('amount');
      const penalised: CommonFundCase = (await post('futian.handler', `/api/common-funds/cases/${id}/penalty`, { decisionNo: '福住建罚〔2026〕7号', decisionDate: today(), amount: 20_000 }).expect(200)).body;
      expect(penalised).toMatchObject({ stage: 'PENALISED', penaltyAmount: 20_000, penaltyNo: '福住建罚〔2026〕7号' });
      expect(penalised.events.map((e) => e.stage)).toEqual(['OVERDUE', 'RECTIFY_ORDERED', 'RECTIFY_EXPIRED', 'PENALISED']);
      const actions = (await sql<{ action: string }>("SELECT DISTINCT action FROM audit_logs WHERE action LIKE 'common-funds.cases.%'")).map((r) => r.action).sort();
      expect(actions).toEqual(['common-funds.cases.penalty', 'common-funds.cases.rectify-order']);
      const list: Page<CommonFundCase> = (await get('futian.handler', '/api/common-funds/cases?stage=PENALISED&pageSize=100').expect(200)).body;
      expect(list.items.map((c) => c.id)).toContain(id);
    });

    it('urges the managers and chairs of unopened areas once per cooldown, and refuses an area that is not unopened', async () => {
      const first = (await post('futian.lead', '/api/common-funds/urge', {}).expect(200)).body;
      expect(first.urged + first.withoutAccount).toBeGreaterThan(0);
      const again = (await post('futian.lead', '/api/common-funds/urge', {}).expect(200)).body;
      expect(again.urged).toBe(0);
      expect(again.skippedInCooldown).toBe(first.urged);
      const opened = ((await get('futian.lead', '/api/common-funds/statistics/cells?counter=opened&pageSize=1').expect(200)).body as Page<CommonFundCellItem>).items[0];
      expect((await post('futian.lead', '/api/common-funds/urge', { propertyAreaIds: [opened.propertyAreaId] }).expect(400)).body.details[0].field).toBe('propertyAreaIds');
    });

    it('finds a deadline that fell due while the app was down, and a newly overdue area, with the sweep after a restart', async () => {
      const id = await openCase(CommonFundCaseStage.OVERDUE);
      await post('futian.handler', `/api/common-funds/cases/${id}/rectify-order`, { orderNo: '福住建责改〔2026〕3号', orderDate: today() }).expect(200);
      // an opened area whose clock has long run out loses its only account while the app is down
      const [lonely] = await sql<{ id: number; propertyAreaId: number }>(
        `SELECT x.id, x.propertyAreaId FROM common_fund_accounts x JOIN property_area_profiles pp ON pp.propertyAreaId = x.propertyAreaId JOIN property_areas a ON a.id = x.propertyAreaId
         WHERE x.districtId = ? AND x.status = 'NORMAL' AND a.companyId IS NOT NULL AND a.selfManaged = 0 AND a.ownersCommitteeId IS NULL AND pp.contractStart < ?
         AND (SELECT COUNT(*) FROM common_fund_accounts y WHERE y.propertyAreaId = x.propertyAreaId) = 1 ORDER BY x.id LIMIT 1`,
        [FUTIAN, plusDays(-90)],
      );
      await t.app.close();
      // time passes while the app is down: the deadline is behind us
      const { DataSource } = await import('typeorm');
      const { dataSourceOptions } = await import('../src/database/data-source-options');
      const offline = new DataSource({ ...dataSourceOptions(t.config.database), migrationsRun: false, logging: false });
      await offline.initialize();
      await offline.query('UPDATE common_fund_cases SET rectifyDeadline = ? WHERE id = ?', [plusDays(-1), id]);
      await offline.query("UPDATE common_fund_accounts SET status = 'DISABLED' WHERE id = ?", [lonely.id]);
      await offline.destroy();
      restarted = await createApiApp(t.config, { logger: false });
      await restarted.init();
      const restartedServer = restarted.getHttpServer();
      server = () => request(restartedServer);
      t = { ...t, dataSource: restarted.get((await import('typeorm')).DataSource), queue: restarted.get(JobQueue) };
      await t.queue.add(JOBS.commonFundSweep, {}, { jobId: `test-sweep-restart-${Date.now()}` });
      await waitFor(async () => (await caseOf(id)).stage === 'RECTIFY_EXPIRED', 'the sweep after the restart');
      const expired = await caseOf(id);
      expect(expired.events.map((e) => e.stage)).toEqual(['OVERDUE', 'RECTIFY_ORDERED', 'RECTIFY_EXPIRED']);
      await waitFor(async () => (await count('SELECT COUNT(*) AS n FROM common_fund_cases WHERE openAreaId = ?', [lonely.propertyAreaId])) === 1, 'the sweep opening a case');
      // enabling the account again closes that case
      await post('futian.handler', `/api/common-funds/accounts/${lonely.id}/enable`).expect(200);
      const tab: AreaCommonFunds = (await get('futian.handler', `/api/property-areas/${lonely.propertyAreaId}/common-funds`).expect(200)).body;
      expect(tab.cases[0].stage).toBe('CLOSED_OPENED');
      expect(tab.cases[0].events.map((e) => e.stage)).toEqual(['OVERDUE', 'CLOSED_OPENED']);
    });
  });

  describe('the 未开 list: the people columns and its search by 项目名称, 项目经理, 业委会主任', () => {
    const unopenedList = async (query = '') => (await get('futian.handler', `/api/common-funds/statistics/cells?counter=unopened&pageSize=100${query}`).expect(200)).body as Page<CommonFundCellItem>;
    const contains = (value: string | null, part: string) => value !== null && value.includes(part);

    it('narrows the list, never the number, to the areas whose name, 项目经理 or 业委会主任 contains the keyword', async () => {
      const all = await unopenedList();
      expect(all.total).toBeGreaterThan(0);
      expect(all.items.length).toBe(all.total);
      const manager = all.items.find((r) => r.projectManagerName)!.projectManagerName!;
      const chair = all.items.find((r) => r.committeeChairName)?.committeeChairName ?? null;
      const area = all.items[all.items.length - 1].propertyAreaName;
      for (const keyword of [manager, chair, area].filter((k): k is string => k !== null)) {
        const found = await unopenedList(`&keyword=${encodeURIComponent(keyword)}`);
        const expected = all.items.filter((r) => contains(r.propertyAreaName, keyword) || contains(r.projectManagerName, keyword) || contains(r.committeeChairName, keyword));
        expect(found.total).toBe(expected.length);
        expect(found.items.map((r) => r.propertyAreaId)).toEqual(expected.map((r) => r.propertyAreaId));
        expect(found.total).toBeGreaterThan(0);
      }
      expect((await unopenedList('&keyword=无此人无此项目')).total).toBe(0);
      // the keyword is the list's own: the table's 未开 is the unfiltered list's total
      const stats: CommonFundStats = (await get('futian.handler', '/api/common-funds/statistics').expect(200)).body;
      expect(stats.total.unopened).toBe(all.total);
      expect((await get('futian.handler', `/api/common-funds/statistics/cells?counter=unopened&keyword=${'长'.repeat(33)}`).expect(400)).body.code).toBeDefined();
    });

    it('gives each row its 项目经理 and 业委会主任 with their phones, and exports only those people columns', async () => {
      const all = await unopenedList();
      const expected = await sql<{ id: number; pm: string | null; pmPhone: string | null; chair: string | null; chairPhone: string | null }>(
        `SELECT a.id AS id, pm.name AS pm, pm.phone AS pmPhone, ocm.chairName AS chair, ocm.chairPhone AS chairPhone FROM property_areas a
         LEFT JOIN project_managers pm ON pm.id = a.projectManagerId LEFT JOIN owners_committees ocm ON ocm.id = a.ownersCommitteeId WHERE a.id IN (${all.items.map((r) => Number(r.propertyAreaId)).join(', ')})`,
      );
      const byId = new Map(expected.map((r) => [Number(r.id), r]));
      for (const row of all.items) {
        const want = byId.get(row.propertyAreaId)!;
        expect([row.projectManagerName, row.projectManagerPhone, row.committeeChairName, row.committeeChairPhone]).toEqual([want.pm, want.pmPhone, want.chair, want.chairPhone]);
        expect(row.account).toBeNull();
      }
      const manager = all.items.find((r) => r.projectManagerName)!.projectManagerName!;
      const xlsx = await get('futian.handler', `/api/common-funds/statistics/cells/export?counter=unopened&keyword=${encodeURIComponent(manager)}`).buffer(true).parse(binaryBody).expect(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.body as ArrayBuffer);
      const sheet = book.worksheets[0];
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header).toEqual(['物业项目', '行政区域', '所属街道', '所属社区', '物业企业', '项目经理', '项目经理手机', '业委会主任', '业委会主任手机', '督办阶段']);
      expect(sheet.rowCount - 1).toBe((await unopenedList(`&keyword=${encodeURIComponent(manager)}`)).total);
      // the other lists keep their account columns
      const opened = await get('futian.handler', '/api/common-funds/statistics/cells/export?counter=opened').buffer(true).parse(binaryBody).expect(200);
      const openedBook = new ExcelJS.Workbook();
      await openedBook.xlsx.load(opened.body as ArrayBuffer);
      expect((openedBook.worksheets[0].getRow(1).values as unknown[]).slice(1)).toContain('账户号码');
    });
  });
});

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
