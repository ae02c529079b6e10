import {
  BuildingNode,
  CoordinateStatus,
  HouseItem,
  Page,
  PropertyAreaDetail,
  PropertyAreaListItem,
  PropertyAreaStats,
  UnitNode,
} from '@szpm/contract';
import ExcelJS from 'exceljs';
import { Account } from '../src/access/entities/account.entity';
import { FUTIAN_ID, NANSHAN_ID } from '../src/seed/shenzhen';
import { binaryBody } from './support/binary-body';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(180_000);

/** One Futian area as the database holds it, with the names the list searches. */
interface AreaFact {
  id: number;
  name: string;
  districtId: number;
  streetId: number;
  communityId: number;
  companyId: number | null;
  companyName: string | null;
  developerName: string | null;
  projectManagerId: number | null;
  floorArea: number;
  houseCount: number;
  coordinateStatus: CoordinateStatus;
  layer: string | null;
  longitude: number;
  latitude: number;
  selfManaged: boolean;
  hasCommittee: boolean;
  totalHouseholds: number;
}

describe('property areas (chapter 5 物业区域管理)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const get = (user: string, path: string) => t.http().get(path).set({ Authorization: `Bearer ${tokens[user]}` });
  const page = async (user: string, query: string): Promise<Page<PropertyAreaListItem>> => (await get(user, `/api/property-areas?${query}`).expect(200)).body;
  /** every row of a list query (pages of 100) */
  const all = async (user: string, query: string): Promise<PropertyAreaListItem[]> => {
    const items: PropertyAreaListItem[] = [];
    for (let p = 1; ; p++) {
      const answer = await page(user, `${query}&pageSize=100&page=${p}`);
      items.push(...answer.items);
      if (items.length >= answer.total) return items;
    }
  };
  const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id).sort((a, b) => a - b);
  const sql = <T>(query: string, params: unknown[] = []) => t.dataSource.query(query, params) as Promise<T[]>;
  let futian: AreaFact[];

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of ['futian.handler', 'futian.lead', 'nanshan.handler', 'city.admin', 'futian.street.yuanling', 'demo.manager', 'demo.company', 'demo.committee']) {
      tokens[user] = await t.login(user);
    }
    const rows = await sql<Record<string, unknown>>(
      `SELECT a.id, a.name, a.districtId, a.streetId, a.communityId, a.companyId, pc.name AS companyName, d.name AS developerName, a.projectManagerId,
              a.floorArea, a.houseCount, a.coordinateStatus, a.layer, a.longitude, a.latitude, a.selfManaged, pp.hasCommittee, pp.totalHouseholds
       FROM property_areas a LEFT JOIN property_companies pc ON pc.id = a.companyId LEFT JOIN developers d ON d.id = a.developerId
       LEFT JOIN property_area_profiles pp ON pp.propertyAreaId = a.id WHERE a.districtId = ? ORDER BY a.id`,
      [FUTIAN_ID],
    );
    futian = rows.map((r) => ({
      id: Number(r.id),
      name: String(r.name),
      districtId: Number(r.districtId),
      streetId: Number(r.streetId),
      communityId: Number(r.communityId),
      companyId: r.companyId === null ? null : Number(r.companyId),
      companyName: (r.companyName as string | null) ?? null,
      developerName: (r.developerName as string | null) ?? null,
      projectManagerId: r.projectManagerId === null ? null : Number(r.projectManagerId),
      floorArea: Number(r.floorArea),
      houseCount: Number(r.houseCount),
      coordinateStatus: r.coordinateStatus as CoordinateStatus,
      layer: (r.layer as string | null) ?? null,
      longitude: Number(r.longitude),
      latitude: Number(r.latitude),
      selfManaged: Number(r.selfManaged) === 1,
      hasCommittee: Number(r.hasCommittee) === 1,
      totalHouseholds: Number(r.totalHouseholds),
    }));
    expect(futian.length).toBeGreaterThanOrEqual(48);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('the seeded registry', () => {
    it('gives every area a profile, about 80 % a boundary, and 2–30 buildings holding all its houses', async () => {
      const [counts] = await sql<Record<string, number | string>>(
        `SELECT COUNT(*) AS areas, SUM(CASE WHEN a.coordinateStatus = 'PLOTTED' THEN 1 ELSE 0 END) AS plotted,
                SUM(CASE WHEN (a.boundaryGeoJson IS NULL) <> (a.coordinateStatus = 'UNPLOTTED') THEN 1 ELSE 0 END) AS inconsistent,
                SUM(CASE WHEN pp.id IS NULL THEN 1 ELSE 0 END) AS withoutProfile
         FROM property_areas a LEFT JOIN property_area_profiles pp ON pp.propertyAreaId = a.id`,
      );
      expect(Number(counts.withoutProfile)).toBe(0);
      expect(Number(counts.inconsistent)).toBe(0);
      expect(Number(counts.plotted) / Number(counts.areas)).toBeGreaterThan(0.7);
      expect(Number(counts.plotted) / Number(counts.areas)).toBeLessThan(0.9);
      const perArea = await sql<{ n: number | string }>(`SELECT COUNT(*) AS n FROM buildings GROUP BY propertyAreaId`);
      expect(perArea.length).toBe(Number(counts.areas));
      expect(Math.min(...perArea.map((r) => Number(r.n)))).toBeGreaterThanOrEqual(2);
      expect(Math.max(...perArea.map((r) => Number(r.n)))).toBeLessThanOrEqual(30);
      // every house sits in a building of its own area
      const [stray] = await sql<{ n: number | string }>(
        `SELECT COUNT(*) AS n FROM houses h LEFT JOIN buildings b ON b.id = h.buildingId WHERE b.id IS NULL OR b.propertyAreaId <> h.propertyAreaId OR b.name <> h.building`,
      );
      expect(Number(stray.n)).toBe(0);
      const boundary = JSON.parse(
        (await sql<{ g: string }>(`SELECT boundaryGeoJson AS g FROM property_areas WHERE coordinateStatus = 'PLOTTED' ORDER BY id LIMIT 1`))[0].g,
      ) as { type: string; coordinates: number[][][] };
      expect(boundary.type).toBe('Polygon');
      expect(boundary.coordinates[0][0]).toEqual(boundary.coordinates[0][boundary.coordinates[0].length - 1]);
    });
  });

  describe('the list and its four search keys', () => {
    it('lists exactly the district’s areas, paged', async () => {
      const first = await page('futian.handler', 'pageSize=10');
      expect(first.total).toBe(futian.length);
      expect(first.items).toHaveLength(10);
      expect(ids(await all('futian.handler', ''))).toEqual(ids(futian));
      const item = first.items[0];
      expect(item).toMatchObject({ districtId: FUTIAN_ID, districtName: '福田区' });
      expect(item.streetName).toMatch(/街道$/);
      expect(item.coordinateStatusLabel).toBe(item.coordinateStatus === CoordinateStatus.PLOTTED ? '已标注' : '未标注');
    });

    it('searches 物业区域名称 (contains), matching LIKE', async () => {
      const name = futian[5].name;
      const part = [...name].slice(1, 3).join('');
      const found = await all('futian.handler', `search=${encodeURIComponent(part)}`);
      expect(found.length).toBeGreaterThan(0);
      expect(ids(found)).toEqual(ids(futian.filter((a) => a.name.includes(part))));
      expect(ids(await all('futian.handler', `search=${encodeURIComponent(name)}`))).toEqual(ids(futian.filter((a) => a.name.includes(name))));
      // one character, and a text nobody has
      const one = [...name][0];
      expect(ids(await all('futian.handler', `search=${encodeURIComponent(one)}`))).toEqual(ids(futian.filter((a) => a.name.includes(one))));
      expect((await page('futian.handler', `search=${encodeURIComponent('不存在的小区名')}`)).total).toBe(0);
    });

    it('filters 坐标图层: 已标注 / 未标注 and the layer', async () => {
      const plotted = await all('futian.handler', 'coordinateStatus=PLOTTED');
      const unplotted = await all('futian.handler', 'coordinateStatus=UNPLOTTED');
      expect(ids(plotted)).toEqual(ids(futian.filter((a) => a.coordinateStatus === CoordinateStatus.PLOTTED)));
      expect(plotted.length + unplotted.length).toBe(futian.length);
      expect(unplotted.length).toBeGreaterThan(0);
      const layer = futian.find((a) => a.layer !== null)!.layer!;
      expect(ids(await all('futian.handler', `layer=${encodeURIComponent(layer)}`))).toEqual(ids(futian.filter((a) => a.layer === layer)));
    });

    it('searches 物业服务企业 (contains)', async () => {
      const company = futian.find((a) => a.companyName !== null)!.companyName!;
      const part = company.replace(/^深圳市/, '').slice(0, 2);
      const found = await all('futian.handler', `companySearch=${encodeURIComponent(part)}`);
      expect(found.length).toBeGreaterThan(0);
      expect(ids(found)).toEqual(ids(futian.filter((a) => a.companyName?.includes(part))));
      expect(found.every((a) => a.companyName!.includes(part))).toBe(true);
    });

    it('searches 开发建设单位 (contains)', async () => {
      const developer = futian.find((a) => a.developerName !== null)!.developerName!;
      const part = developer.replace(/^深圳市/, '').slice(0, 3);
      const found = await all('futian.handler', `developerSearch=${encodeURIComponent(part)}`);
      expect(found.length).toBeGreaterThan(0);
      expect(ids(found)).toEqual(ids(futian.filter((a) => a.developerName?.includes(part))));
    });

    it('combines the keys (AND)', async () => {
      const target = futian.find((a) => a.companyName !== null && a.developerName !== null && a.coordinateStatus === CoordinateStatus.PLOTTED)!;
      const namePart = [...target.name].slice(0, 1).join('');
      const companyPart = target.companyName!.replace(/^深圳市/, '').slice(0, 2);
      const developerPart = target.developerName!.replace(/^深圳市/, '').slice(0, 2);
      const query = `search=${encodeURIComponent(namePart)}&companySearch=${encodeURIComponent(companyPart)}&developerSearch=${encodeURIComponent(developerPart)}&coordinateStatus=PLOTTED`;
      const found = await all('futian.handler', query);
      const expected = futian.filter(
        (a) => a.name.includes(namePart) && a.companyName?.includes(companyPart) && a.developerName?.includes(developerPart) && a.coordinateStatus === CoordinateStatus.PLOTTED,
      );
      expect(ids(found)).toEqual(ids(expected));
      expect(ids(found)).toContain(target.id);
      // name + company only
      expect(ids(await all('futian.handler', `search=${encodeURIComponent(namePart)}&companySearch=${encodeURIComponent(companyPart)}`))).toEqual(
        ids(futian.filter((a) => a.name.includes(namePart) && a.companyName?.includes(companyPart))),
      );
    });

    it('answers the map rectangle: areas whose centroid lies inside', async () => {
      const lngs = futian.map((a) => a.longitude).sort((a, b) => a - b);
      const lats = futian.map((a) => a.latitude).sort((a, b) => a - b);
      const box = { swLng: lngs[5], swLat: lats[5], neLng: lngs[lngs.length - 10], neLat: lats[lats.length - 10] };
      const found = await all('futian.handler', `swLng=${box.swLng}&swLat=${box.swLat}&neLng=${box.neLng}&neLat=${box.neLat}`);
      const expected = futian.filter((a) => a.longitude >= box.swLng && a.longitude <= box.neLng && a.latitude >= box.swLat && a.latitude <= box.neLat);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(futian.length);
      expect(ids(found)).toEqual(ids(expected));
      // with another key
      const plottedInside = await all('futian.handler', `swLng=${box.swLng}&swLat=${box.swLat}&neLng=${box.neLng}&neLat=${box.neLat}&coordinateStatus=PLOTTED`);
      expect(ids(plottedInside)).toEqual(ids(expected.filter((a) => a.coordinateStatus === CoordinateStatus.PLOTTED)));
    });

    it('sorts by floor area, house count, handover date and name, and pages the sorted list', async () => {
      const byArea = await all('futian.handler', 'sort=floorArea&order=DESC');
      for (let i = 1; i < byArea.length; i++) expect(byArea[i - 1].floorArea).toBeGreaterThanOrEqual(byArea[i].floorArea);
      const byHouses = await all('futian.handler', 'sort=houseCount&order=ASC');
      for (let i = 1; i < byHouses.length; i++) expect(byHouses[i - 1].houseCount).toBeLessThanOrEqual(byHouses[i].houseCount);
      const byHandover = await all('futian.handler', 'sort=handoverDate&order=ASC');
      for (let i = 1; i < byHandover.length; i++) expect(byHandover[i - 1].handoverDate! <= byHandover[i].handoverDate!).toBe(true);
      // names in the database's own collation
      const expectedNames = await sql<{ id: number | string }>(`SELECT id FROM property_areas WHERE districtId = ? ORDER BY name ASC, id ASC`, [FUTIAN_ID]);
      expect((await all('futian.handler', 'sort=name')).map((a) => a.id)).toEqual(expectedNames.map((r) => Number(r.id)));
      // page 2 of 10 is the 11th to 20th of the sorted list
      const second = await page('futian.handler', 'sort=floorArea&order=DESC&page=2&pageSize=10');
      expect(second).toMatchObject({ page: 2, pageSize: 10, total: futian.length });
      expect(second.items.map((a) => a.id)).toEqual(byArea.slice(10, 20).map((a) => a.id));
    });

    it('narrows by street and community, and lets the city choose a district', async () => {
      const street = futian[0].streetId;
      expect(ids(await all('futian.handler', `streetId=${street}`))).toEqual(ids(futian.filter((a) => a.streetId === street)));
      const community = futian[0].communityId;
      expect(ids(await all('futian.handler', `communityId=${community}`))).toEqual(ids(futian.filter((a) => a.communityId === community)));
      const nanshan = await all('city.admin', `districtId=${NANSHAN_ID}`);
      expect(nanshan.length).toBeGreaterThan(40);
      expect(nanshan.every((a) => a.districtId === NANSHAN_ID)).toBe(true);
      const city = await page('city.admin', 'pageSize=1');
      expect(city.total).toBeGreaterThan(futian.length + nanshan.length);
    });
  });

  describe('scope', () => {
    it('refuses another district at the scoped door', async () => {
      const nanshanArea = (await page('nanshan.handler', 'pageSize=1')).items[0];
      expect((await get('futian.handler', `/api/property-areas/${nanshanArea.id}`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      expect((await get('futian.handler', `/api/property-areas/${nanshanArea.id}/buildings`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      expect((await get('futian.handler', `/api/property-areas?districtId=${NANSHAN_ID}`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      expect((await get('futian.handler', `/api/property-areas/statistics?districtId=${NANSHAN_ID}`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
    });

    it('keeps a street office to its own street', async () => {
      const [officer] = await t.dataSource.getRepository(Account).find({ where: { username: 'futian.street.yuanling' } });
      const own = futian.filter((a) => a.streetId === officer.streetId);
      expect(own.length).toBeGreaterThan(0);
      expect(ids(await all('futian.street.yuanling', ''))).toEqual(ids(own));
      const other = futian.find((a) => a.streetId !== officer.streetId)!;
      expect((await get('futian.street.yuanling', `/api/property-areas/${other.id}`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      expect((await get('futian.street.yuanling', `/api/property-areas?streetId=${other.streetId}`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      const detail: PropertyAreaDetail = (await get('futian.street.yuanling', `/api/property-areas/${own[0].id}`).expect(200)).body;
      expect(detail.id).toBe(own[0].id);
      const buildings: BuildingNode[] = (await get('futian.street.yuanling', `/api/property-areas/${own[0].id}/buildings`).expect(200)).body;
      expect(buildings.reduce((n, b) => n + b.houseCount, 0)).toBe(own[0].houseCount);
      const stats: PropertyAreaStats = (await get('futian.street.yuanling', '/api/property-areas/statistics').expect(200)).body;
      expect(stats.level).toBe('COMMUNITY');
      expect(stats.total.projects).toBe(own.length);
    });

    it('shows a counterpart only its own areas', async () => {
      const manager = await t.dataSource.getRepository(Account).findOneByOrFail({ username: 'demo.manager' });
      const mine: PropertyAreaListItem[] = (await get('demo.manager', '/api/property-areas/mine').expect(200)).body;
      const expected = await sql<{ id: number | string }>(`SELECT id FROM property_areas WHERE projectManagerId = ? ORDER BY id`, [manager.unitId]);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.map((a) => a.id)).toEqual(expected.map((r) => Number(r.id)));
      const detail: PropertyAreaDetail = (await get('demo.manager', `/api/property-areas/${mine[0].id}`).expect(200)).body;
      expect(detail.tabs).toHaveLength(6);
      const buildings: BuildingNode[] = (await get('demo.manager', `/api/property-areas/${mine[0].id}/buildings`).expect(200)).body;
      expect(buildings.length).toBeGreaterThanOrEqual(2);
      const notMine = futian.find((a) => a.projectManagerId !== manager.unitId)!;
      expect((await get('demo.manager', `/api/property-areas/${notMine.id}`).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await get('demo.manager', `/api/property-areas/${notMine.id}/houses`).expect(403)).body.code).toBe('FORBIDDEN');
      // the officers' list and statistics are not theirs
      expect((await get('demo.manager', '/api/property-areas').expect(403)).body.code).toBe('MODULE_NOT_GRANTED');
      expect((await get('demo.manager', '/api/property-areas/statistics').expect(403)).body.code).toBe('MODULE_NOT_GRANTED');
      // and officers have no "own" areas
      await get('futian.handler', '/api/property-areas/mine').expect(403);

      const company = await t.dataSource.getRepository(Account).findOneByOrFail({ username: 'demo.company' });
      const companyAreas: PropertyAreaListItem[] = (await get('demo.company', '/api/property-areas/mine').expect(200)).body;
      const expectedCompany = await sql<{ id: number | string }>(`SELECT id FROM property_areas WHERE companyId = ? ORDER BY id`, [company.unitId]);
      expect(companyAreas.map((a) => a.id)).toEqual(expectedCompany.map((r) => Number(r.id)));
      expect(companyAreas.every((a) => a.companyId === company.unitId)).toBe(true);

      const committee = await t.dataSource.getRepository(Account).findOneByOrFail({ username: 'demo.committee' });
      const committeeAreas: PropertyAreaListItem[] = (await get('demo.committee', '/api/property-areas/mine').expect(200)).body;
      const [served] = await sql<{ id: number | string }>(`SELECT propertyAreaId AS id FROM owners_committees WHERE id = ?`, [committee.unitId]);
      expect(committeeAreas.map((a) => a.id)).toEqual([Number(served.id)]);
      expect(committeeAreas[0].hasCommittee).toBe(true);
    });
  });

  describe('the detail and its tabs', () => {
    it('shows the core fields, the extension record and the six tabs', async () => {
      const area = futian.find((a) => a.coordinateStatus === CoordinateStatus.PLOTTED && a.hasCommittee)!;
      const detail: PropertyAreaDetail = (await get('futian.handler', `/api/property-areas/${area.id}`).expect(200)).body;
      expect(detail).toMatchObject({ id: area.id, name: area.name, districtName: '福田区', floorArea: area.floorArea, houseCount: area.houseCount, hasCommittee: true, version: 1 });
      expect(JSON.parse(detail.boundaryGeoJson!).type).toBe('Polygon');
      expect(detail.landNumber).toMatch(/^[A-Z]\d{3}-\d{4}$/);
      expect(detail.profile.totalHouseholds).toBe(area.totalHouseholds);
      expect(detail.profile.buildArea).toBe(area.floorArea);
      expect(['住宅', '商业', '办公', '工业园区', '综合']).toContain(detail.profile.areaTypeLabel);
      expect(['包干制', '酬金制']).toContain(detail.profile.serviceTypeLabel);
      expect(detail.profile.handoverDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(detail.profile.committeeName).toMatch(/业主委员会$/);
      expect(detail.buildingCount).toBeGreaterThanOrEqual(2);
      expect(detail.tabs.map((tab) => [tab.label, tab.path])).toEqual([
        ['物业区域信息', ''],
        ['共有资金信息', 'common-funds'],
        ['房屋信息', 'buildings'],
        ['设施设备信息', 'facilities'],
        ['车位信息', 'parking'],
        ['项目从业人员信息', 'practitioners'],
      ]);
    });

    it('answers the tabs of later chapters from their own modules', async () => {
      const id = futian[0].id;
      // chapter 12 serves its tab itself (test/practitioners.e2e-spec.ts): the roster, no longer a pending answer
      const roster = (await get('futian.handler', `/api/property-areas/${id}/practitioners`).expect(200)).body as { propertyAreaId: number; items: unknown[]; available?: boolean };
      expect(roster.propertyAreaId).toBe(id);
      expect(roster.available).toBeUndefined();
      expect((await get('futian.handler', '/api/property-areas/99999999/parking').expect(404)).body.code).toBe('PROPERTY_AREA_NOT_FOUND');
    });

    it('loads the house tree level by level: buildings, units, houses', async () => {
      const area = [...futian].sort((a, b) => b.houseCount - a.houseCount)[0];
      const buildings: BuildingNode[] = (await get('futian.handler', `/api/property-areas/${area.id}/buildings`).expect(200)).body;
      expect(buildings.length).toBeGreaterThanOrEqual(2);
      expect(buildings.reduce((n, b) => n + b.houseCount, 0)).toBe(area.houseCount);
      const [sum] = await sql<{ s: number | string }>(`SELECT SUM(buildingArea) AS s FROM houses WHERE propertyAreaId = ?`, [area.id]);
      expect(buildings.reduce((n, b) => n + b.buildingArea, 0)).toBeCloseTo(Number(sum.s), 0);
      const building = buildings.reduce((a, b) => (b.houseCount > a.houseCount ? b : a));
      expect(building.structureLabel).toBeTruthy();
      const units: UnitNode[] = (await get('futian.handler', `/api/property-areas/${area.id}/buildings/${building.id}/units`).expect(200)).body;
      expect(units).toHaveLength(building.unitCount);
      expect(units.reduce((n, u) => n + u.houseCount, 0)).toBe(building.houseCount);
      const unit = units[0];
      const houses: Page<HouseItem> = (
        await get('futian.handler', `/api/property-areas/${area.id}/houses?buildingId=${building.id}&unitNo=${encodeURIComponent(unit.unitNo)}&pageSize=100`).expect(200)
      ).body;
      expect(houses.total).toBe(unit.houseCount);
      expect(houses.items.every((h) => h.buildingId === building.id && h.unitNo === unit.unitNo && h.buildingName === building.name)).toBe(true);
      expect(houses.items.reduce((n, h) => n + h.buildingArea!, 0)).toBeCloseTo(unit.buildingArea, 1);
      const house = houses.items[0];
      expect(house.floor).toBeGreaterThanOrEqual(1);
      expect(house.innerArea! + house.sharedArea!).toBeCloseTo(house.buildingArea!, 1);
      // the whole area, paged
      const firstPage: Page<HouseItem> = (await get('futian.handler', `/api/property-areas/${area.id}/houses?pageSize=7`).expect(200)).body;
      expect(firstPage.total).toBe(area.houseCount);
      expect(firstPage.items).toHaveLength(7);
      const byBuilding: Page<HouseItem> = (await get('futian.handler', `/api/property-areas/${area.id}/houses?buildingId=${building.id}`).expect(200)).body;
      expect(byBuilding.total).toBe(building.houseCount);
    });

    it('refuses a building of another area, an unknown one and a unit without its building', async () => {
      const [a, b] = futian;
      const otherBuildings: BuildingNode[] = (await get('futian.handler', `/api/property-areas/${b.id}/buildings`).expect(200)).body;
      const foreign = await get('futian.handler', `/api/property-areas/${a.id}/buildings/${otherBuildings[0].id}/units`).expect(404);
      expect(foreign.body.code).toBe('PROPERTY_AREA_BUILDING_NOT_FOUND');
      expect((await get('futian.handler', `/api/property-areas/${a.id}/houses?buildingId=99999999`).expect(404)).body.code).toBe('PROPERTY_AREA_BUILDING_NOT_FOUND');
      const unit = await get('futian.handler', `/api/property-areas/${a.id}/houses?unitNo=${encodeURIComponent('1单元')}`).expect(400);
      expect(unit.body.code).toBe('PROPERTY_AREA_UNIT_WITHOUT_BUILDING');
      expect(unit.body.details[0].field).toBe('unitNo');
    });
  });

  describe('本区项目统计', () => {
    it('counts by street with a 合计 row, and every number equals its list', async () => {
      const stats: PropertyAreaStats = (await get('futian.handler', '/api/property-areas/statistics').expect(200)).body;
      expect(stats.level).toBe('STREET');
      expect(stats.items.length).toBe(10);
      expect(stats.total.projects).toBe(futian.length);
      expect(stats.total.buildArea).toBe(futian.reduce((n, a) => n + a.floorArea, 0));
      expect(stats.total.households).toBe(futian.reduce((n, a) => n + a.totalHouseholds, 0));
      expect(stats.total.companyManaged + stats.total.selfManaged).toBe(stats.total.projects);
      expect(stats.total.selfManaged).toBe(futian.filter((a) => a.companyId === null || a.selfManaged).length);
      expect(stats.total.withCommittee).toBe(futian.filter((a) => a.hasCommittee).length);
      for (const item of stats.items) expect(item.projects).toBe(futian.filter((a) => a.streetId === item.regionId).length);

      const cell = async (counter: string, regionId?: number): Promise<PropertyAreaListItem[]> => {
        const rows: PropertyAreaListItem[] = [];
        for (let p = 1; ; p++) {
          const region = regionId === undefined ? '' : `&regionId=${regionId}`;
          const answer: Page<PropertyAreaListItem> = (await get('futian.handler', `/api/property-areas/statistics/cells?counter=${counter}${region}&pageSize=100&page=${p}`).expect(200)).body;
          rows.push(...answer.items);
          if (rows.length >= answer.total) return rows;
        }
      };
      const busiest = stats.items.reduce((a, b) => (b.projects > a.projects ? b : a));
      for (const regionId of [undefined, busiest.regionId]) {
        const row = regionId === undefined ? stats.total : busiest;
        for (const counter of ['projects', 'companyManaged', 'selfManaged', 'withCommittee'] as const) expect((await cell(counter, regionId)).length).toBe(row[counter]);
        expect((await cell('buildArea', regionId)).reduce((n, a) => n + a.floorArea, 0)).toBe(row.buildArea);
        const households = await cell('households', regionId);
        expect(households.reduce((n, a) => n + futian.find((f) => f.id === a.id)!.totalHouseholds, 0)).toBe(row.households);
      }
      const selfManagedRows = await cell('selfManaged');
      expect(selfManagedRows.every((a) => a.selfManaged || a.companyId === null)).toBe(true);
    });

    it('drills down to communities and areas', async () => {
      const street = futian[0].streetId;
      const byCommunity: PropertyAreaStats = (await get('futian.handler', `/api/property-areas/statistics?streetId=${street}`).expect(200)).body;
      expect(byCommunity.level).toBe('COMMUNITY');
      expect(byCommunity.total.projects).toBe(futian.filter((a) => a.streetId === street).length);
      const community = futian[0].communityId;
      const byArea: PropertyAreaStats = (await get('futian.handler', `/api/property-areas/statistics?communityId=${community}`).expect(200)).body;
      expect(byArea.level).toBe('PROPERTY_AREA');
      expect(byArea.items.map((i) => i.regionId).sort((a, b) => a - b)).toEqual(ids(futian.filter((a) => a.communityId === community)));
      const city: PropertyAreaStats = (await get('city.admin', '/api/property-areas/statistics').expect(200)).body;
      expect(city.level).toBe('DISTRICT');
      expect(city.items.find((i) => i.regionId === FUTIAN_ID)!.projects).toBe(futian.length);
    });

    it('exports exactly the table with its 合计 row', async () => {
      const stats: PropertyAreaStats = (await get('futian.handler', '/api/property-areas/statistics').expect(200)).body;
      const response = await get('futian.handler', '/api/property-areas/statistics/export').buffer(true).parse(binaryBody).expect(200);
      expect(response.headers['content-type']).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.body as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
      const header = (values(1).includes('街道') ? 1 : 2) as number;
      expect(values(header)).toEqual(['街道', '项目数', '总建筑面积（㎡）', '总户数', '企业管理', '自管', '已成立业委会']);
      const last = values(sheet.rowCount);
      expect(last).toEqual(['合计', stats.total.projects, stats.total.buildArea, stats.total.households, stats.total.companyManaged, stats.total.selfManaged, stats.total.withCommittee]);
      expect(sheet.rowCount - header).toBe(stats.items.length + 1);
    });
  });

  describe('bad input', () => {
    it('answers an unknown id with the module’s 404 and a malformed one with a 400', async () => {
      const unknown = await get('futian.handler', '/api/property-areas/99999999').expect(404);
      expect(unknown.body.code).toBe('PROPERTY_AREA_NOT_FOUND');
      expect(unknown.body.message).toBe('物业区域不存在');
      expect((await get('futian.handler', '/api/property-areas/99999999/buildings').expect(404)).body.code).toBe('PROPERTY_AREA_NOT_FOUND');
      expect((await get('demo.manager', '/api/property-areas/99999999').expect(404)).body.code).toBe('PROPERTY_AREA_NOT_FOUND');
      await get('futian.handler', '/api/property-areas/abc').expect(400);
    });

    it('refuses an incomplete or inverted rectangle naming the field', async () => {
      const incomplete = await get('futian.handler', '/api/property-areas?swLng=114.0&swLat=22.5&neLng=114.1').expect(400);
      expect(incomplete.body.code).toBe('PROPERTY_AREA_RECTANGLE_INCOMPLETE');
      expect(incomplete.body.details[0].field).toBe('neLat');
      const inverted = await get('futian.handler', '/api/property-areas?swLng=114.2&swLat=22.5&neLng=114.1&neLat=22.6').expect(400);
      expect(inverted.body.code).toBe('PROPERTY_AREA_RECTANGLE_INVERTED');
      expect(inverted.body.details[0].field).toBe('neLng');
      const text = await get('futian.handler', '/api/property-areas?swLng=east&swLat=22.5&neLng=114.1&neLat=22.6').expect(400);
      expect(text.body.details.map((d: { field: string }) => d.field)).toContain('swLng');
      const outside = await get('futian.handler', '/api/property-areas?swLng=114&swLat=95&neLng=114.1&neLat=22.6').expect(400);
      expect(outside.body.details.map((d: { field: string }) => d.field)).toContain('swLat');
    });

    it('refuses unknown sort keys, statuses, counters and regions naming the field', async () => {
      const field = async (path: string) => ((await get('futian.handler', path).expect(400)).body.details as Array<{ field: string }>).map((d) => d.field);
      expect(await field('/api/property-areas?sort=price')).toContain('sort');
      expect(await field('/api/property-areas?order=UP')).toContain('order');
      expect(await field('/api/property-areas?coordinateStatus=DRAWN')).toContain('coordinateStatus');
      expect(await field('/api/property-areas?pageSize=1000')).toContain('pageSize');
      expect(await field(`/api/property-areas?search=${'长'.repeat(33)}`)).toContain('search');
      expect(await field('/api/property-areas/statistics/cells?counter=rooms')).toContain('counter');
      expect(await field(`/api/property-areas?streetId=${FUTIAN_ID}`)).toContain('streetId');
    });
  });
});
