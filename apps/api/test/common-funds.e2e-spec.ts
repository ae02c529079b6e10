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
      expect((await get('futian.street.yuanling', '/api/common-funds/accounts').expect(403)).body.code).toBe('MODULE_NOT_GRANTED');
      const area = Number((await sql<{ id: number }>('SELECT id FROM property_areas WHERE districtId = ? ORDER BY id LIMIT 1', [FUTIAN]))[0].id);
      expect((await get('futian.newcomer', `/api/property-areas/${area}/common-funds`).expect(403)).body.code).toBe('MODULE_NOT_GRANTED');
      const before = await writes();
      expect((await post('futian.newcomer', '/api/common-funds/urge').expect(403)).body.code).toBe('MODULE_NOT_GRANTED');
      expect(await writes()).toBe(before);
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
});

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
