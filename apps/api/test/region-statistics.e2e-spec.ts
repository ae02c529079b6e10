import { Page, SafetyCellItem, SafetyCheckKind, SafetyCompletionCounter, SafetyRegionStats, SafetyTargetStatus, SafetyTemplateListItem, UnitCategoryStats } from '@szpm/contract';
import ExcelJS from 'exceljs';
import { PropertyArea } from '../src/modules/regions/entities/property-area.entity';
import { Region, RegionLevel } from '../src/modules/regions/entities/region.entity';
import { SafetyInspection } from '../src/modules/safety-inspections/entities/safety-inspection.entity';
import { SafetyInspectionTarget } from '../src/modules/safety-inspections/entities/safety-inspection-target.entity';
import { FUTIAN_ID, NANSHAN_ID } from '../src/seed/shenzhen';
import { binaryBody } from './support/binary-body';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(180_000);

const COUNTERS: SafetyCompletionCounter[] = ['targets', 'submitted', 'outstanding', 'overdue', 'problems', 'areasWithProblems'];

/**
 * The region drill-down kit on the existing chapters: every number of chapter 16's completion
 * statistics and of chapter 3's binding statistics equals the total of the list behind it, at every
 * level of the drill-down; filters are checked; the export is the table on screen.
 */
describe('region drill-down statistics (kit, chapters 3 and 16)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const get = (user: string, path: string) => t.http().get(path).set({ Authorization: `Bearer ${tokens[user]}` });
  const targets = () => t.dataSource.getRepository(SafetyInspectionTarget);
  let street: Region;
  let community: Region;

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of ['futian.handler', 'nanshan.handler', 'city.admin']) tokens[user] = await t.login(user);
    const library: SafetyTemplateListItem[] = (await get('futian.handler', '/api/safety-inspections/templates').expect(200)).body;
    const template = library.find((x) => x.kind === SafetyCheckKind.ROUTINE)!;
    const deadline = new Date(Date.now() + 14 * 24 * 3600_000).toISOString().slice(0, 10);
    const launch = (title: string) =>
      t.http().post('/api/safety-inspections').set({ Authorization: `Bearer ${tokens['futian.handler']}` }).send({ templateId: template.id, title, deadline, instructions: '自查' }).expect(201);
    const current = (await launch('本期检查')).body;
    const late = (await launch('逾期检查')).body;
    // a spread of states: every third area submitted, some of them with failed items; the second inspection is past its deadline
    await t.dataSource.getRepository(SafetyInspection).update({ id: late.id }, { deadline: '2020-01-01' });
    const rows = await targets().find({ where: [{ inspectionId: current.id }, { inspectionId: late.id }], order: { id: 'ASC' } });
    for (const [index, row] of rows.entries()) {
      if (index % 3 !== 0) continue;
      await targets().update({ id: row.id }, { status: SafetyTargetStatus.SUBMITTED, submittedAt: new Date(), failCount: index % 2 === 0 ? (index % 5) + 1 : 0, passCount: 3 });
    }
    const first = rows[0];
    street = await t.dataSource.getRepository(Region).findOneByOrFail({ id: first.streetId });
    community = await t.dataSource.getRepository(Region).findOneByOrFail({ id: first.communityId });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function xlsxOf(user: string, path: string): Promise<ExcelJS.Workbook> {
    const response = await get(user, path)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(response.headers['content-type']).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as ArrayBuffer);
    return workbook;
  }

  /** Every cell of a table (each region and the 合计 row, each counter) against its list. */
  async function expectCellsMatch(user: string, filter: string, stats: SafetyRegionStats) {
    const cells: Array<{ regionId?: number; regionName: string; counts: Record<string, number> }> = [
      ...stats.items.map((i) => ({ regionId: i.regionId, regionName: i.regionName, counts: i as unknown as Record<string, number> })),
      { regionName: '合计', counts: stats.total as unknown as Record<string, number> },
    ];
    for (const cell of cells) {
      for (const counter of COUNTERS) {
        const region = cell.regionId === undefined ? '' : `&regionId=${cell.regionId}`;
        const listed: SafetyCellItem[] = [];
        let total = 0;
        for (let page = 1; ; page++) {
          const body: Page<SafetyCellItem> = (await get(user, `/api/safety-inspections/statistics/regions/cells?counter=${counter}${filter}${region}&pageSize=100&page=${page}`).expect(200)).body;
          total = body.total;
          listed.push(...body.items);
          if (listed.length >= body.total || !body.items.length) break;
        }
        const expected = cell.counts[counter];
        // a count counter's list has that many rows; problems (failed items) sums over its areas
        const counted = counter === 'problems' ? listed.reduce((n, r) => n + r.failCount, 0) : total;
        expect({ region: cell.regionName, counter, counted }).toEqual({ region: cell.regionName, counter, counted: expected });
        if (counter === 'submitted') for (const row of listed) expect(row.status).toBe(SafetyTargetStatus.SUBMITTED);
        if (counter === 'outstanding' || counter === 'overdue') for (const row of listed) expect(row.status).not.toBe(SafetyTargetStatus.SUBMITTED);
        if (counter === 'overdue') for (const row of listed) expect(row.overdue).toBe(true);
        if (stats.level === 'STREET' && cell.regionId !== undefined) for (const row of listed) expect(row.streetName).toBe(cell.regionName);
        if (stats.level === 'COMMUNITY' && cell.regionId !== undefined) for (const row of listed) expect(row.communityName).toBe(cell.regionName);
        if (stats.level === 'PROPERTY_AREA' && cell.regionId !== undefined) for (const row of listed) expect(row.propertyAreaId).toBe(cell.regionId);
      }
    }
  }

  describe('chapter 16: completion statistics', () => {
    it('gives every level a row per child region and a 合计 row equal to their sum', async () => {
      const city: SafetyRegionStats = (await get('city.admin', '/api/safety-inspections/statistics/regions').expect(200)).body;
      expect(city.level).toBe('DISTRICT');
      expect(city.items).toHaveLength(await t.dataSource.getRepository(Region).countBy({ level: RegionLevel.DISTRICT }));
      expect(city.items.find((d) => d.regionId === NANSHAN_ID)).toMatchObject({ targets: 0, submitted: 0, completionRate: 0 });
      expect(city.total.targets).toBe(await targets().count());
      for (const counter of COUNTERS) expect(city.total[counter]).toBe(city.items.reduce((n, i) => n + i[counter], 0));
      const futian = city.items.find((d) => d.regionId === FUTIAN_ID)!;
      expect(futian.completionRate).toBe(Math.round((futian.submitted / futian.targets) * 10000) / 100);
      expect(futian.overdue).toBeGreaterThan(0);
      expect(futian.problems).toBeGreaterThan(futian.areasWithProblems);

      const byCommunity: SafetyRegionStats = (await get('futian.handler', `/api/safety-inspections/statistics/regions?streetId=${street.id}`).expect(200)).body;
      expect(byCommunity.level).toBe('COMMUNITY');
      expect(byCommunity.total.targets).toBe(await targets().countBy({ streetId: street.id }));
      const byArea: SafetyRegionStats = (await get('futian.handler', `/api/safety-inspections/statistics/regions?streetId=${street.id}&communityId=${community.id}`).expect(200)).body;
      expect(byArea.level).toBe('PROPERTY_AREA');
      const { regionId, regionName, level, ...communityRow } = byCommunity.items.find((c) => c.regionId === community.id)!;
      expect({ regionId, regionName, level }).toEqual({ regionId: community.id, regionName: community.name, level: 'COMMUNITY' });
      expect(byArea.total).toEqual(communityRow);
      expect(byArea.items).toHaveLength(await t.dataSource.getRepository(PropertyArea).countBy({ communityId: community.id }));
      expect(byArea.items.every((a) => a.level === 'PROPERTY_AREA')).toBe(true);
    });

    it('answers every number with the list behind it, at every level', async () => {
      const levels: Array<[string, string]> = [
        ['city.admin', ''],
        ['futian.handler', ''],
        ['futian.handler', `&streetId=${street.id}`],
        ['city.admin', `&districtId=${FUTIAN_ID}&streetId=${street.id}&communityId=${community.id}`],
      ];
      for (const [user, filter] of levels) {
        const stats: SafetyRegionStats = (await get(user, `/api/safety-inspections/statistics/regions?${filter.slice(1)}`).expect(200)).body;
        await expectCellsMatch(user, filter, stats);
      }
    });

    it('checks the filter against the scope and against itself, naming the field', async () => {
      const otherStreet = await t.dataSource.getRepository(Region).findOneByOrFail({ level: RegionLevel.STREET, districtId: NANSHAN_ID });
      const field = async (path: string, status: number) => (await get('city.admin', path).expect(status)).body.details?.[0]?.field;
      expect(await field(`/api/safety-inspections/statistics/regions?districtId=${NANSHAN_ID}&streetId=${street.id}`, 400)).toBe('streetId');
      expect(await field(`/api/safety-inspections/statistics/regions?streetId=${otherStreet.id}&communityId=${community.id}`, 400)).toBe('communityId');
      expect(await field(`/api/safety-inspections/statistics/regions?streetId=${community.id}`, 400)).toBe('streetId');
      expect(await field('/api/safety-inspections/statistics/regions/cells?counter=nothing', 400)).toBe('counter');
      expect(await field(`/api/safety-inspections/statistics/regions/cells?counter=targets&regionId=${street.id}`, 400)).toBe('regionId');
      await get('nanshan.handler', `/api/safety-inspections/statistics/regions/cells?counter=targets&districtId=${FUTIAN_ID}`).expect(403);
      await get('nanshan.handler', `/api/safety-inspections/statistics/regions/export?streetId=${street.id}`).expect(403);
    });

    it('exports exactly the table on screen, 合计 row included', async () => {
      const path = `/api/safety-inspections/statistics/regions?streetId=${street.id}`;
      const stats: SafetyRegionStats = (await get('futian.handler', path).expect(200)).body;
      const workbook = await xlsxOf('futian.handler', path.replace('/regions?', '/regions/export?'));
      const sheet = workbook.worksheets[0];
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['社区', '应检查项目', '已提交', '未提交', '逾期未提交', '发现问题', '有问题项目', '完成率(%)']);
      expect(sheet.rowCount).toBe(stats.items.length + 2);
      const asRow = (name: string, c: SafetyRegionStats['total']) => [name, c.targets, c.submitted, c.outstanding, c.overdue, c.problems, c.areasWithProblems, c.completionRate];
      const expected = [...stats.items.map((i) => asRow(i.regionName, i)), asRow('合计', stats.total)];
      const actual = expected.map((_, index) => (sheet.getRow(index + 2).values as unknown[]).slice(1));
      expect(actual).toEqual(expected);
    });
  });

  describe('chapter 3: binding statistics', () => {
    it('answers every number with the list behind it, for a district and for the city', async () => {
      for (const [user, filter] of [
        ['futian.handler', ''],
        ['city.admin', ''],
        ['city.admin', `districtId=${NANSHAN_ID}`],
      ]) {
        const stats: UnitCategoryStats[] = (await get(user, `/api/permissions/binding-stats?${filter}`).expect(200)).body;
        expect(stats.length).toBe(4);
        for (const row of stats) {
          const total = async (path: string) => (await get(user, `/api/permissions/binding-stats/${row.category}/${path}&${filter}`).expect(200)).body.total as number;
          expect({ category: row.category, allUnits: await total('units?pageSize=1'), unitsWithoutAccount: await total('units?filter=without-account&pageSize=1') }).toEqual({
            category: row.category,
            allUnits: row.allUnits,
            unitsWithoutAccount: row.unitsWithoutAccount,
          });
          expect({ accountTotal: await total('accounts?pageSize=1'), bound: await total('accounts?bound=true&pageSize=1'), unbound: await total('accounts?bound=false&pageSize=1') }).toEqual({
            accountTotal: row.accountTotal,
            bound: row.bound,
            unbound: row.unbound,
          });
          expect(row.bound + row.unbound).toBe(row.accountTotal);
        }
      }
    });

    it('exports the table on screen with the same district filter', async () => {
      const stats: UnitCategoryStats[] = (await get('city.admin', `/api/permissions/binding-stats?districtId=${FUTIAN_ID}`).expect(200)).body;
      const workbook = await xlsxOf('city.admin', `/api/permissions/binding-stats/export?districtId=${FUTIAN_ID}`);
      const sheet = workbook.worksheets[0];
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['单位类别', '全部单位', '未开设单位', '账户总数', '已绑定', '未绑定']);
      const actual = stats.map((_, index) => (sheet.getRow(index + 2).values as unknown[]).slice(1));
      expect(actual).toEqual(stats.map((r) => [r.label, r.allUnits, r.unitsWithoutAccount, r.accountTotal, r.bound, r.unbound]));
      expect(sheet.rowCount).toBe(stats.length + 1);
      await get('futian.handler', `/api/permissions/binding-stats/export?districtId=${NANSHAN_ID}`).expect(403);
    });

    it('pages a list in the database: the pages together are the whole list', async () => {
      const all: Page<{ unitId: number }> = (await get('city.admin', '/api/permissions/binding-stats/STREET_OFFICE/units?pageSize=100').expect(200)).body;
      const first: Page<{ unitId: number }> = (await get('city.admin', '/api/permissions/binding-stats/STREET_OFFICE/units?pageSize=7&page=1').expect(200)).body;
      const second: Page<{ unitId: number }> = (await get('city.admin', '/api/permissions/binding-stats/STREET_OFFICE/units?pageSize=7&page=2').expect(200)).body;
      expect([...first.items, ...second.items].map((u) => u.unitId)).toEqual(all.items.slice(0, 14).map((u) => u.unitId));
      const name = all.items[0] as unknown as { name: string };
      const searched: Page<{ name: string }> = (await get('city.admin', `/api/permissions/binding-stats/STREET_OFFICE/units?search=${encodeURIComponent(name.name)}`).expect(200)).body;
      expect(searched.items.every((u) => u.name.includes(name.name))).toBe(true);
      expect(searched.total).toBeGreaterThan(0);
    });
  });
});
