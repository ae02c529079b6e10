import {
  CampaignKind,
  MESSAGE_LINKS,
  Page,
  PARKING_STATS_COLUMNS,
  ParkingAreaTab,
  ParkingCellItem,
  ParkingCounter,
  ParkingDisputeAreaItem,
  ParkingDisputeStats,
  ParkingDisputeType,
  ParkingFilingRequest,
  ParkingFilingView,
  ParkingStats,
  PropertyAreaListItem,
  UrgeResult,
} from '@szpm/contract';
import ExcelJS from 'exceljs';
import { AuditLog } from '../src/access/entities/audit-log.entity';
import { FUTIAN_ID, NANSHAN_ID } from '../src/seed/shenzhen';
import { binaryBody } from './support/binary-body';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(180_000);

type Raw = Record<string, unknown>;

/** Issue 15, chapter 13 车位信息: the filing and its rules, the tab, both statistics with their lists, the export and 提醒更新. */
describe('parking (chapter 13 车位信息)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const auth = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const get = (user: string, path: string) => t.http().get(path).set(auth(user));
  const post = (user: string, path: string, body: object) => t.http().post(path).set(auth(user)).send(body);
  const sql = async <T = Raw>(query: string, params: unknown[] = []) => (await t.dataSource.query(query, params)) as T[];
  const count = async (query: string, params: unknown[] = []) => Number((await sql<{ n: number | string }>(query, params))[0].n);
  const filingCount = () => count('SELECT COUNT(*) AS n FROM parking_filings');
  const reportCount = () => count('SELECT COUNT(*) AS n FROM parking_dispute_reports');

  let managerUnit: number;
  let ownArea: PropertyAreaListItem;
  let foreignArea: number;
  let nanshanArea: number;

  /** a filing that keeps every rule: 300 = 40 + 240 + 20; rights 120 + 30 + 50 + 40 + 30 = 270 ≤ 300 */
  const good = (overrides: Partial<ParkingFilingRequest> = {}): ParkingFilingRequest => ({
    total: 300,
    surface: 40,
    underground: 240,
    mechanical: 20,
    soldOwned: 120,
    developerHeld: 30,
    rented: 50,
    civilDefence: 40,
    common: 30,
    publicOpen: 10,
    temporary: 15,
    evCharging: 60,
    chargingPosts: 45,
    accessible: 6,
    monthlyFee: 350,
    hourlyFee: 8.5,
    remarks: '2026 年度车位信息',
    disputes: [
      { type: ParkingDisputeType.FEE_PRICING, caseCount: 2, note: '业主对月租调价有异议' },
      { type: ParkingDisputeType.OWNED_SPACE_OCCUPIED, caseCount: 1 },
    ],
    ...overrides,
  });

  const stats = async (user: string, filter = '') => (await get(user, `/api/parking/statistics${filter}`).expect(200)).body as ParkingStats;
  async function cellsAll(user: string, query: string): Promise<Page<ParkingCellItem>> {
    const first = (await get(user, `/api/parking/statistics/cells?pageSize=100&${query}`).expect(200)).body as Page<ParkingCellItem>;
    const items = [...first.items];
    for (let page = 2; items.length < first.total; page++) items.push(...((await get(user, `/api/parking/statistics/cells?pageSize=100&page=${page}&${query}`).expect(200)).body as Page<ParkingCellItem>).items);
    return { ...first, items };
  }

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of ['city.admin', 'futian.lead', 'futian.handler', 'futian.supervisor', 'nanshan.lead', 'futian.street.yuanling', 'demo.manager', 'demo.company']) tokens[user] = await t.login(user);
    managerUnit = Number((await sql<{ unitId: number }>("SELECT unitId FROM accounts WHERE username = 'demo.manager'"))[0].unitId);
    ownArea = ((await get('demo.manager', '/api/property-areas/mine').expect(200)).body as PropertyAreaListItem[])[0];
    foreignArea = Number((await sql<{ id: number }>('SELECT id FROM property_areas WHERE districtId = ? AND (projectManagerId IS NULL OR projectManagerId <> ?) ORDER BY id LIMIT 1', [FUTIAN_ID, managerUnit]))[0].id);
    nanshanArea = Number((await sql<{ id: number }>('SELECT id FROM property_areas WHERE districtId = ? ORDER BY id LIMIT 1', [NANSHAN_ID]))[0].id);
  });
  afterAll(() => t.close());

  describe('the seed', () => {
    it('files 60–85 % of 福田 and 南山, keeps history and disputes, and leaves the other districts unfiled', async () => {
      for (const districtId of [FUTIAN_ID, NANSHAN_ID]) {
        const areas = await count('SELECT COUNT(*) AS n FROM property_areas WHERE districtId = ?', [districtId]);
        const filed = await count('SELECT COUNT(*) AS n FROM parking_filings WHERE districtId = ? AND currentAreaId IS NOT NULL', [districtId]);
        expect(filed / areas).toBeGreaterThanOrEqual(0.59);
        expect(filed / areas).toBeLessThanOrEqual(0.86);
        expect(await count('SELECT COUNT(DISTINCT propertyAreaId) AS n FROM parking_dispute_reports WHERE districtId = ?', [districtId])).toBeGreaterThan(0);
      }
      expect(await count('SELECT COUNT(*) AS n FROM parking_filings WHERE currentAreaId IS NULL AND supersededAt IS NOT NULL')).toBeGreaterThan(0);
      expect(await count('SELECT COUNT(*) AS n FROM parking_filings WHERE districtId NOT IN (?, ?)', [FUTIAN_ID, NANSHAN_ID])).toBe(0);
      // every seeded filing keeps the sums the API checks
      expect(
        await count(
          'SELECT COUNT(*) AS n FROM parking_filings WHERE surface + underground + mechanical <> total OR soldOwned + developerHeld + rented + civilDefence + common > total OR evCharging > total OR accessibleSpaces > total OR publicOpen > total OR temporary > total',
        ),
      ).toBe(0);
      // 10,000 areas' worth is written by insertRows in one statement per chunk: the ids continue after the seed
      expect(await count('SELECT COUNT(*) AS n FROM parking_filings WHERE id > (SELECT COUNT(*) FROM parking_filings)')).toBe(0);
    });
  });

  describe('the 车位信息 tab of the area detail', () => {
    it('shows the current filing with its disputes to officers and to the area\'s own counterparts', async () => {
      const [disputed] = await sql<{ id: number; filingId: number }>('SELECT f.propertyAreaId AS id, f.id AS filingId FROM parking_filings f JOIN parking_dispute_reports r ON r.filingId = f.id WHERE f.currentAreaId IS NOT NULL AND f.districtId = ? ORDER BY f.id LIMIT 1', [FUTIAN_ID]);
      const tab = (await get('futian.handler', `/api/property-areas/${disputed.id}/parking`).expect(200)).body as ParkingAreaTab;
      expect(tab.current!.id).toBe(Number(disputed.filingId));
      expect(tab.current!.current).toBe(true);
      const reports = await sql<{ disputeType: string; caseCount: number }>('SELECT disputeType, caseCount FROM parking_dispute_reports WHERE filingId = ?', [disputed.filingId]);
      expect(tab.current!.disputes.map((d) => d.type).sort()).toEqual(reports.map((r) => r.disputeType).sort());
      expect(tab.current!.surface + tab.current!.underground + tab.current!.mechanical).toBe(tab.current!.total);
      expect(tab.households).toBeGreaterThan(0);
      expect(tab.ratio).toBe(Math.round((tab.current!.total / tab.households) * 100) / 100);
      expect(tab.filingCount).toBe(await count('SELECT COUNT(*) AS n FROM parking_filings WHERE propertyAreaId = ?', [disputed.id]));

      const [unfiled] = await sql<{ id: number }>('SELECT a.id FROM property_areas a WHERE a.districtId = ? AND NOT EXISTS (SELECT 1 FROM parking_filings f WHERE f.propertyAreaId = a.id) ORDER BY a.id LIMIT 1', [FUTIAN_ID]);
      expect((await get('futian.lead', `/api/property-areas/${unfiled.id}/parking`).expect(200)).body).toMatchObject({ current: null, ratio: null, filingCount: 0, ownersFirstWarning: false });

      await get('demo.manager', `/api/property-areas/${ownArea.id}/parking`).expect(200);
      await get('demo.company', `/api/property-areas/${ownArea.id}/parking`).expect(200);
      expect((await get('demo.manager', `/api/property-areas/${foreignArea}/parking`).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await get('nanshan.lead', `/api/property-areas/${disputed.id}/parking`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      expect((await get('futian.handler', '/api/property-areas/99999999/parking').expect(404)).body.code).toBe('PROPERTY_AREA_NOT_FOUND');
      expect((await get('demo.manager', '/api/property-areas/99999999/parking/filings').expect(404)).body.code).toBe('PROPERTY_AREA_NOT_FOUND');
    });

    it('marks the tab available in the detail', async () => {
      const detail = (await get('futian.handler', `/api/property-areas/${ownArea.id}`).expect(200)).body as { tabs: Array<{ key: string; path: string }> };
      expect(detail.tabs.find((tab) => tab.key === 'parking')).toEqual(expect.objectContaining({ path: 'parking' }));
    });
  });

  describe('filing (the project manager)', () => {
    it('files for an own project: the new filing supersedes the current one, history is kept, statistics change, the write is audited', async () => {
      const before = (await get('demo.manager', `/api/property-areas/${ownArea.id}/parking`).expect(200)).body as ParkingAreaTab;
      const streetRowBefore = (await stats('futian.lead')).items.find((i) => i.regionId === ownArea.streetId)!;
      const communityFilter = `?streetId=${ownArea.streetId}&communityId=${ownArea.communityId}`;
      const areaRowBefore = (await stats('futian.lead', communityFilter)).items.find((i) => i.regionId === ownArea.id)!;
      expect(areaRowBefore.filed).toBe(before.current ? 1 : 0);

      const tab = (await post('demo.manager', `/api/property-areas/${ownArea.id}/parking/filings`, good()).expect(201)).body as ParkingAreaTab;
      expect(tab.current).toMatchObject({ total: 300, civilDefence: 40, monthlyFee: 350, hourlyFee: 8.5, current: true, filedByName: '王俊峰' });
      expect(tab.current!.disputes.map((d) => [d.type, d.caseCount])).toEqual([
        [ParkingDisputeType.OWNED_SPACE_OCCUPIED, 1],
        [ParkingDisputeType.FEE_PRICING, 2],
      ]);
      expect(tab.filingCount).toBe(before.filingCount + 1);
      expect(await count('SELECT COUNT(*) AS n FROM parking_filings WHERE currentAreaId = ?', [ownArea.id])).toBe(1);

      const history = (await get('futian.lead', `/api/property-areas/${ownArea.id}/parking/filings`).expect(200)).body as Page<ParkingFilingView>;
      expect(history.total).toBe(before.filingCount + 1);
      expect(history.items[0]).toMatchObject({ id: tab.current!.id, current: true, supersededAt: null });
      if (before.current) expect(history.items[1]).toMatchObject({ id: before.current.id, current: false, total: before.current.total, supersededAt: expect.any(String) });

      const areaRow = (await stats('futian.lead', communityFilter)).items.find((i) => i.regionId === ownArea.id)!;
      expect(areaRow).toMatchObject({ filed: 1, notFiled: 0, total: 300, civilDefence: 40, evCharging: 60, chargingPosts: 45 });
      const streetRow = (await stats('futian.lead')).items.find((i) => i.regionId === ownArea.streetId)!;
      expect(streetRow.total - streetRowBefore.total).toBe(300 - (before.current?.total ?? 0));
      expect(streetRow.filed - streetRowBefore.filed).toBe(before.current ? 0 : 1);
      expect(streetRow.civilDefence - streetRowBefore.civilDefence).toBe(40 - (before.current?.civilDefence ?? 0));

      const disputes = (await get('futian.lead', `/api/parking/statistics/disputes?streetId=${ownArea.streetId}&communityId=${ownArea.communityId}`).expect(200)).body as ParkingDisputeStats;
      expect(disputes.items.find((d) => d.type === ParkingDisputeType.FEE_PRICING)!.cases).toBeGreaterThanOrEqual(2);

      const audit = await t.dataSource.getRepository(AuditLog).findBy({ action: 'parking.filings.create', statusCode: 201 });
      expect(audit.length).toBeGreaterThanOrEqual(1);
    });

    it('files again and again at once: each follows the other, exactly one stays current', async () => {
      const before = await count('SELECT COUNT(*) AS n FROM parking_filings WHERE propertyAreaId = ?', [ownArea.id]);
      const answers = await Promise.all([0, 1, 2].map((i) => post('demo.manager', `/api/property-areas/${ownArea.id}/parking/filings`, good({ remarks: `并发${i}`, disputes: [] }))));
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
      expect(await count('SELECT COUNT(*) AS n FROM parking_filings WHERE propertyAreaId = ?', [ownArea.id])).toBe(before + 3);
      expect(await count('SELECT COUNT(*) AS n FROM parking_filings WHERE currentAreaId = ?', [ownArea.id])).toBe(1);
      expect(await count('SELECT COUNT(*) AS n FROM parking_filings WHERE propertyAreaId = ? AND currentAreaId IS NULL AND supersededAt IS NULL', [ownArea.id])).toBe(0);
      // the dispute reports went with the earlier filing: the current one has none
      expect(((await get('futian.lead', `/api/property-areas/${ownArea.id}/parking`).expect(200)).body as ParkingAreaTab).current!.disputes).toEqual([]);
    });

    it('refuses the project manager of another project, officers and companies, writing nothing', async () => {
      const filings = await filingCount();
      expect((await post('demo.manager', `/api/property-areas/${foreignArea}/parking/filings`, good()).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await post('demo.manager', `/api/property-areas/${nanshanArea}/parking/filings`, good()).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await post('demo.manager', '/api/property-areas/99999999/parking/filings', good()).expect(404)).body.code).toBe('PROPERTY_AREA_NOT_FOUND');
      await post('futian.lead', `/api/property-areas/${ownArea.id}/parking/filings`, good()).expect(403);
      await post('demo.company', `/api/property-areas/${ownArea.id}/parking/filings`, good()).expect(403);
      await t.http().post(`/api/property-areas/${ownArea.id}/parking/filings`).send(good()).expect(401);
      expect(await filingCount()).toBe(filings);
      expect(await t.dataSource.getRepository(AuditLog).countBy({ action: 'parking.filings.create', statusCode: 403 })).toBeGreaterThanOrEqual(4);
    });

    // every row has four entries: a shorter one would make jest pass its done callback as `code`
    it.each<[string, Partial<ParkingFilingRequest> | Record<string, unknown>, string, string | null]>([
      ['a negative count', { surface: -1, total: 259 }, 'surface', null],
      ['a count that is not whole', { underground: 239.5, surface: 40.5 }, 'surface', null],
      ['a count that is text', { civilDefence: '四十' }, 'civilDefence', null],
      ['a missing total', { total: undefined }, 'total', null],
      ['地上 + 地下 + 机械 short of the total', { total: 310 }, 'total', 'PARKING_LOCATION_SUM_MISMATCH'],
      ['地上 + 地下 + 机械 above the total', { mechanical: 30 }, 'mechanical', 'PARKING_LOCATION_SUM_MISMATCH'],
      ['the right classes above the total', { soldOwned: 151 }, 'common', 'PARKING_RIGHTS_EXCEED_TOTAL'],
      ['more charging spaces than spaces', { evCharging: 301 }, 'evCharging', 'PARKING_CLASS_EXCEEDS_TOTAL'],
      ['more accessible spaces than spaces', { accessible: 301 }, 'accessible', 'PARKING_CLASS_EXCEEDS_TOTAL'],
      ['more open spaces than spaces', { publicOpen: 301 }, 'publicOpen', 'PARKING_CLASS_EXCEEDS_TOTAL'],
      ['a fee that is not a number', { monthlyFee: '三百' }, 'monthlyFee', null],
      ['a fee with three decimals', { hourlyFee: 8.125 }, 'hourlyFee', null],
      ['a negative fee', { monthlyFee: -1 }, 'monthlyFee', null],
      ['a dispute type twice', { disputes: [{ type: ParkingDisputeType.FEE_PRICING, caseCount: 1 }, { type: ParkingDisputeType.FEE_PRICING, caseCount: 2 }] }, 'disputes.1.type', 'PARKING_DISPUTE_TYPE_REPEATED'],
      ['a dispute without cases', { disputes: [{ type: ParkingDisputeType.FEE_PRICING, caseCount: 0 }] }, 'disputes.0.caseCount', null],
      ['an unknown dispute type', { disputes: [{ type: 'NOISE', caseCount: 1 }] }, 'disputes.0.type', null],
    ])('refuses %s with a 400 naming the field, writing nothing', async (_name, overrides, field, code) => {
      const [filings, reports, current] = [await filingCount(), await reportCount(), await count('SELECT COALESCE(MAX(id), 0) AS n FROM parking_filings WHERE currentAreaId = ?', [ownArea.id])];
      const response = await post('demo.manager', `/api/property-areas/${ownArea.id}/parking/filings`, { ...good(), ...overrides }).expect(400);
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
      if (code) expect(response.body.code).toBe(code);
      expect([await filingCount(), await reportCount(), await count('SELECT COALESCE(MAX(id), 0) AS n FROM parking_filings WHERE currentAreaId = ?', [ownArea.id])]).toEqual([filings, reports, current]);
    });
  });

  describe('车位信息统计', () => {
    it('starts a city account at the districts, a district officer at its streets, a street office at its communities, down to the projects', async () => {
      const city = await stats('city.admin');
      expect(city.level).toBe('DISTRICT');
      const futianRow = city.items.find((i) => i.regionId === FUTIAN_ID)!;
      expect(futianRow.filed).toBe(await count('SELECT COUNT(*) AS n FROM parking_filings f JOIN property_areas a ON a.id = f.currentAreaId WHERE a.districtId = ?', [FUTIAN_ID]));
      expect(futianRow.projects).toBe(await count('SELECT COUNT(*) AS n FROM property_areas WHERE districtId = ?', [FUTIAN_ID]));
      expect(futianRow.filed + futianRow.notFiled).toBe(futianRow.projects);
      expect(futianRow.total).toBe(await count('SELECT COALESCE(SUM(f.total), 0) AS n FROM parking_filings f JOIN property_areas a ON a.id = f.currentAreaId WHERE a.districtId = ?', [FUTIAN_ID]));
      expect(city.items.filter((i) => i.regionId !== FUTIAN_ID && i.regionId !== NANSHAN_ID).every((i) => i.filed === 0 && i.notFiled === i.projects)).toBe(true);

      const district = await stats('futian.lead');
      expect(district.level).toBe('STREET');
      for (const key of ['projects', 'filed', 'total', 'civilDefence', 'evCharging', 'households'] as const) expect(district.total[key]).toBe(district.items.reduce((sum, i) => sum + i[key], 0));
      expect(district.total.total).toBe(futianRow.total);
      expect(district.total.ratio).toBe(Math.round((district.total.total / district.total.households) * 100) / 100);
      expect(district.total.filedRate).toBe(Math.round((district.total.filed / district.total.projects) * 10000) / 100);

      const streetRow = [...district.items].sort((a, b) => b.projects - a.projects)[0];
      const street = await stats('futian.lead', `?streetId=${streetRow.regionId}`);
      expect(street.level).toBe('COMMUNITY');
      expect(street.total.filed).toBe(streetRow.filed);
      expect(street.total.total).toBe(streetRow.total);
      const community = [...street.items].sort((a, b) => b.projects - a.projects)[0];
      const areas = await stats('futian.lead', `?streetId=${streetRow.regionId}&communityId=${community.regionId}`);
      expect(areas.level).toBe('PROPERTY_AREA');
      expect(areas.items).toHaveLength(community.projects);
      expect(areas.items.every((i) => i.projects === 1 && i.filed + i.notFiled === 1)).toBe(true);
      expect(areas.total.civilDefence).toBe(community.civilDefence);
      // a street office reads its own street's (the scoped door keeps it there)
      expect((await get('futian.street.yuanling', '/api/parking/statistics').expect(200)).body.level).toBe('COMMUNITY');
      expect((await get('nanshan.lead', `/api/parking/statistics?districtId=${FUTIAN_ID}`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      expect((await get('demo.manager', '/api/parking/statistics').expect(403)).body.code).toBe('MODULE_NOT_GRANTED');
    });

    it('opens every number as its list of projects, and the lists agree with the counts', async () => {
      const district = await stats('futian.lead');
      const row = [...district.items].sort((a, b) => b.projects - a.projects)[0];
      const tappable = PARKING_STATS_COLUMNS.map((c) => c.key).filter((k): k is ParkingCounter => k !== 'filedRate' && k !== 'ratio');
      for (const counter of tappable) {
        const list = await cellsAll('futian.lead', `regionId=${row.regionId}&counter=${counter}`);
        if (['projects', 'filed', 'notFiled'].includes(counter)) expect([counter, list.total]).toEqual([counter, row[counter]]);
        else expect([counter, list.total]).toEqual([counter, await count(`SELECT COUNT(*) AS n FROM property_areas a JOIN parking_filings f ON f.currentAreaId = a.id LEFT JOIN property_area_profiles pp ON pp.propertyAreaId = a.id WHERE a.streetId = ? AND ${counter === 'households' ? 'COALESCE(pp.totalHouseholds, a.houseCount)' : `f.${counter === 'accessible' ? 'accessibleSpaces' : counter}`} <> 0`, [row.regionId])]);
        expect(list.items.length).toBe(list.total);
      }
      const totals = await cellsAll('futian.lead', `regionId=${row.regionId}&counter=total`);
      expect(totals.items.reduce((sum, i) => sum + (i.total ?? 0), 0)).toBe(row.total);
      const defence = await cellsAll('futian.lead', `regionId=${row.regionId}&counter=civilDefence`);
      expect(defence.items.reduce((sum, i) => sum + (i.civilDefence ?? 0), 0)).toBe(row.civilDefence);
      const unfiled = await cellsAll('futian.lead', `regionId=${row.regionId}&counter=notFiled`);
      expect(unfiled.items.every((i) => i.filedAt === null && i.total === null && i.streetName === row.regionName)).toBe(true);
      const all = await cellsAll('futian.lead', 'counter=filed');
      expect(all.total).toBe(district.total.filed);
      expect(all.items.every((i) => i.filedAt !== null && i.ratio !== null)).toBe(true);

      await get('futian.lead', '/api/parking/statistics/cells?counter=ratio').expect(400);
      await get('futian.lead', `/api/parking/statistics/cells?counter=filed&regionId=${NANSHAN_ID}`).expect(400);
    });
  });

  describe('住宅小区车位纠纷类型情况', () => {
    it('counts projects and cases per type of the current filings, with shares, and lists the projects behind each', async () => {
      const table = (await get('futian.lead', '/api/parking/statistics/disputes').expect(200)).body as ParkingDisputeStats;
      expect(table.items.map((i) => i.type)).toEqual(Object.values(ParkingDisputeType));
      const expected = await sql<{ disputeType: string; projects: number; cases: number }>(
        'SELECT r.disputeType, COUNT(DISTINCT r.propertyAreaId) AS projects, SUM(r.caseCount) AS cases FROM parking_dispute_reports r JOIN parking_filings f ON f.id = r.filingId AND f.currentAreaId IS NOT NULL JOIN property_areas a ON a.id = r.propertyAreaId WHERE a.districtId = ? GROUP BY r.disputeType',
        [FUTIAN_ID],
      );
      for (const item of table.items) {
        const row = expected.find((e) => e.disputeType === item.type);
        expect([item.type, item.projects, item.cases]).toEqual([item.type, Number(row?.projects ?? 0), Number(row?.cases ?? 0)]);
        expect(item.share).toBe(table.total.cases ? Math.round((item.cases / table.total.cases) * 10000) / 100 : 0);
      }
      expect(table.total.cases).toBe(table.items.reduce((sum, i) => sum + i.cases, 0));
      expect(Math.abs(table.items.reduce((sum, i) => sum + i.share, 0) - 100)).toBeLessThan(0.1);
      const busiest = [...table.items].sort((a, b) => b.projects - a.projects)[0];
      const list = (await get('futian.lead', `/api/parking/statistics/disputes/areas?type=${busiest.type}&pageSize=100`).expect(200)).body as Page<ParkingDisputeAreaItem>;
      expect(list.total).toBe(busiest.projects);
      expect(list.items.every((i) => i.disputes.some((d) => d.type === busiest.type) && i.cases === i.disputes.reduce((s, d) => s + d.caseCount, 0))).toBe(true);
      const any = (await get('futian.lead', '/api/parking/statistics/disputes/areas?pageSize=1').expect(200)).body as Page<ParkingDisputeAreaItem>;
      expect(any.total).toBe(table.total.projects);
      expect(any.items).toHaveLength(1);
      await get('futian.lead', '/api/parking/statistics/disputes/areas?type=NOISE').expect(400);
    });
  });

  describe('export', () => {
    it('downloads both tables as on screen, 合计 rows last', async () => {
      const table = await stats('futian.lead');
      const disputes = (await get('futian.lead', '/api/parking/statistics/disputes').expect(200)).body as ParkingDisputeStats;
      const response = await get('futian.lead', '/api/parking/statistics/export').buffer(true).parse(binaryBody).expect(200);
      expect(response.headers['content-type']).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.body as ArrayBuffer);
      const [regions, types] = workbook.worksheets;
      expect((regions.getRow(1).values as unknown[]).slice(1)).toEqual(['街道', ...PARKING_STATS_COLUMNS.map((c) => c.label)]);
      expect(regions.rowCount).toBe(table.items.length + 2);
      const last = (regions.getRow(regions.rowCount).values as unknown[]).slice(1);
      expect(last).toEqual(['合计', ...PARKING_STATS_COLUMNS.map((c) => table.total[c.key])]);
      expect(types.rowCount).toBe(disputes.items.length + 2);
      expect((types.getRow(types.rowCount).values as unknown[]).slice(1)).toEqual(['合计', disputes.total.projects, disputes.total.cases, disputes.total.share]);
    });
  });

  describe('提醒更新', () => {
    /** the active project-manager accounts of the district's projects that never filed, and those projects without one */
    async function outstanding(districtId: number): Promise<{ accounts: number[]; withoutAccount: number }> {
      const never = await sql<{ id: number; projectManagerId: number | null }>('SELECT a.id, a.projectManagerId FROM property_areas a WHERE a.districtId = ? AND NOT EXISTS (SELECT 1 FROM parking_filings f WHERE f.propertyAreaId = a.id)', [districtId]);
      const managers = [...new Set(never.map((a) => a.projectManagerId).filter((id): id is number => id !== null).map(Number))];
      const accounts = managers.length
        ? await sql<{ id: number; unitId: number }>(`SELECT id, unitId FROM accounts WHERE role = 'PROJECT_MANAGER' AND unitCategory = 'PROJECT_MANAGER' AND status = 'ACTIVE' AND unitId IN (${managers.map(() => '?').join(',')})`, managers)
        : [];
      const reached = new Set(accounts.map((a) => Number(a.unitId)));
      return { accounts: accounts.map((a) => Number(a.id)).sort((a, b) => a - b), withoutAccount: never.filter((a) => a.projectManagerId === null || !reached.has(Number(a.projectManagerId))).length };
    }

    it('reaches exactly the 负责人 of the projects that never filed, once per cooldown', async () => {
      const expected = await outstanding(NANSHAN_ID);
      expect(expected.accounts.length).toBeGreaterThan(0);
      const result = (await post('nanshan.lead', '/api/parking/remind-update', {}).expect(200)).body as UrgeResult;
      expect(result).toMatchObject({ urged: expected.accounts.length, skippedInCooldown: 0, withoutAccount: expected.withoutAccount });
      const [campaign] = await sql<{ kind: string; link: string; subjectType: string }>('SELECT kind, link, subjectType FROM notification_campaigns WHERE id = ?', [result.campaignId]);
      expect(campaign).toMatchObject({ kind: CampaignKind.REMIND_UPDATE, link: MESSAGE_LINKS.parkingFiling(), subjectType: 'parking-filing' });
      const reached = await sql<{ recipientId: number }>("SELECT DISTINCT recipientId FROM notification_deliveries WHERE campaignId = ? AND channel = 'INBOX' ORDER BY recipientId", [result.campaignId]);
      expect(reached.map((r) => Number(r.recipientId))).toEqual(expected.accounts);

      const again = (await post('nanshan.lead', '/api/parking/remind-update', {}).expect(200)).body as UrgeResult;
      expect(again).toMatchObject({ campaignId: null, urged: 0, skippedInCooldown: expected.accounts.length });
      expect(await t.dataSource.getRepository(AuditLog).countBy({ action: 'parking.remind-update', statusCode: 200 })).toBeGreaterThanOrEqual(2);
    });

    it('answers 409 where every project has filed, and refuses officers without the operate grant', async () => {
      const filedEverywhere = await sql<{ streetId: number; communityId: number }>(
        'SELECT a.streetId, a.communityId FROM property_areas a WHERE a.districtId = ? GROUP BY a.streetId, a.communityId HAVING SUM(CASE WHEN EXISTS (SELECT 1 FROM parking_filings f WHERE f.propertyAreaId = a.id) THEN 0 ELSE 1 END) = 0 ORDER BY a.communityId LIMIT 1',
        [FUTIAN_ID],
      );
      expect(filedEverywhere).toHaveLength(1);
      const { streetId, communityId } = filedEverywhere[0];
      expect((await post('futian.lead', '/api/parking/remind-update', { streetId: Number(streetId), communityId: Number(communityId) }).expect(409)).body.code).toBe('NOTIFICATIONS_NOTHING_TO_URGE');
      expect((await post('futian.supervisor', '/api/parking/remind-update', {}).expect(403)).body.code).toBe('MODULE_NOT_GRANTED');
      expect((await post('futian.lead', '/api/parking/remind-update', { districtId: NANSHAN_ID }).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      await post('futian.lead', '/api/parking/remind-update', { streetId: 'x' }).expect(400);
    });
  });
});
