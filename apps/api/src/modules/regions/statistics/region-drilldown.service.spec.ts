import { Role } from '@szpm/contract';
import { Column, DataSource, Entity, Logger, PrimaryGeneratedColumn } from 'typeorm';
import { Actor } from '../../../access/actor';
import { DistrictScope } from '../../../access/district-scope';
import { PropertyArea } from '../entities/property-area.entity';
import { Region, RegionLevel } from '../entities/region.entity';
import { CounterSet } from './counters';
import { RegionCounterSource, RegionDrilldownService } from './region-drilldown.service';

/** A chapter's rows whose region columns may be empty or point elsewhere (a complaint without a street, bad data). */
@Entity('drill_spec_complaints')
class ComplaintRow {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'int', nullable: true }) districtId: number | null;
  @Column({ type: 'int', nullable: true }) streetId: number | null;
  @Column({ type: 'int', nullable: true }) communityId: number | null;
  @Column({ type: 'int', nullable: true }) propertyAreaId: number | null;
  @Column({ type: 'boolean' }) urgent: boolean;
}

/** Counts the SQL statements run, to keep the statistics at one grouped query and one region query. */
class CountingLogger implements Logger {
  queries = 0;
  logQuery() {
    this.queries += 1;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

const actor = (role: Role, districtId: number | null = null, streetId: number | null = null): Actor => ({
  accountId: 1,
  name: 'test',
  role,
  districtId,
  streetId,
  unitCategory: null,
  unitId: null,
  grants: new Set(),
  onBehalfOfId: null,
  onBehalfOfName: null,
});

const CITY = actor(Role.CITY_ADMIN);
const DISTRICT_1 = actor(Role.DISTRICT_HANDLER, 1);
const UNIT = actor(Role.PROJECT_MANAGER);
const STREET_101 = actor(Role.STREET_OFFICER, 1, 101);

type K = 'areas' | 'large' | 'houses';

describe('RegionDrilldownService', () => {
  let dataSource: DataSource;
  let logger: CountingLogger;
  let kit: RegionDrilldownService;
  // the chapter's rows here are the property areas themselves: counted, large ones counted, houses summed
  const counters: CounterSet<K> = { areas: {}, large: { when: 'a.houseCount >= :large', params: { large: 100 } }, houses: { sum: 'a.houseCount' } };
  const source = (): RegionCounterSource<K> => ({
    rows: () => dataSource.getRepository(PropertyArea).createQueryBuilder('a'),
    columns: { districtId: 'a.districtId', streetId: 'a.streetId', communityId: 'a.communityId', propertyAreaId: 'a.id' },
    counters,
  });

  beforeAll(async () => {
    logger = new CountingLogger();
    dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Region, PropertyArea, ComplaintRow], synchronize: true, logging: true, logger });
    await dataSource.initialize();
    const region = (id: number, level: RegionLevel, name: string, parentId: number | null, districtId: number, streetId: number | null) => ({ id, level, name, code: `R${id}`, parentId, districtId, streetId, sortOrder: id });
    await dataSource.getRepository(Region).insert([
      region(1, RegionLevel.DISTRICT, '甲区', null, 1, null),
      region(2, RegionLevel.DISTRICT, '乙区', null, 2, null),
      region(101, RegionLevel.STREET, '甲一街道', 1, 1, null),
      region(102, RegionLevel.STREET, '甲二街道', 1, 1, null),
      region(201, RegionLevel.STREET, '乙一街道', 2, 2, null),
      region(10101, RegionLevel.COMMUNITY, '甲一一社区', 101, 1, 101),
      region(10102, RegionLevel.COMMUNITY, '甲一二社区', 101, 1, 101),
      region(20101, RegionLevel.COMMUNITY, '乙一一社区', 201, 2, 201),
    ]);
    const area = (code: string, communityId: number, houseCount: number) => ({
      code,
      name: `小区${code}`,
      districtId: Math.floor(communityId / 10000),
      streetId: Math.floor(communityId / 100),
      communityId,
      address: '地址',
      floorArea: 1000,
      houseCount,
      longitude: 114,
      latitude: 22.5,
    });
    await dataSource.getRepository(PropertyArea).insert([area('A1', 10101, 120), area('A2', 10101, 40), area('A3', 10102, 300), area('B1', 20101, 80)]);
    kit = new RegionDrilldownService(dataSource, new DistrictScope(dataSource));
  });
  afterAll(() => dataSource.destroy());

  it('starts a city account at the districts, with zero rows and a 合计 row', async () => {
    const drill = await kit.resolve(CITY, {});
    logger.queries = 0;
    const stats = await kit.statistics(drill, source(), (c) => ({ largeShare: Math.round((c.large / c.areas) * 100) || 0 }));
    expect(logger.queries).toBe(2);
    expect(stats).toEqual({
      level: 'DISTRICT',
      items: [
        { regionId: 1, regionName: '甲区', level: 'DISTRICT', areas: 3, large: 2, houses: 460, largeShare: 67 },
        { regionId: 2, regionName: '乙区', level: 'DISTRICT', areas: 1, large: 0, houses: 80, largeShare: 0 },
      ],
      total: { areas: 4, large: 2, houses: 540, largeShare: 50 },
    });
  });

  it('starts a district account at its streets and goes down to the property areas', async () => {
    const streets = await kit.statistics(await kit.resolve(DISTRICT_1, {}), source());
    expect(streets.level).toBe('STREET');
    expect(streets.items.map((i) => [i.regionName, i.areas])).toEqual([
      ['甲一街道', 3],
      ['甲二街道', 0],
    ]);
    const communities = await kit.statistics(await kit.resolve(DISTRICT_1, { streetId: 101 }), source());
    expect(communities.items.map((i) => [i.regionId, i.houses])).toEqual([
      [10101, 160],
      [10102, 300],
    ]);
    const areas = await kit.statistics(await kit.resolve(CITY, { communityId: 10101 }), source());
    expect(areas.level).toBe('PROPERTY_AREA');
    expect(areas.items.map((i) => [i.regionName, i.large])).toEqual([
      ['小区A1', 1],
      ['小区A2', 0],
    ]);
  });

  it('starts a street-office account at the communities of its street and keeps it there', async () => {
    const drill = await kit.resolve(STREET_101, {});
    expect(drill).toEqual({ level: 'COMMUNITY', districtId: 1, streetId: 101, communityId: null });
    expect((await kit.statistics(drill, source())).total.areas).toBe(3);
    expect((await kit.resolve(STREET_101, { communityId: 10102 })).level).toBe('PROPERTY_AREA');
    // its own district it may name (the scoped door's regionFilter decides for every statistic)
    expect(await kit.resolve(STREET_101, { districtId: 1 })).toEqual(drill);
    expect(await kit.resolve(STREET_101, { districtId: 1, streetId: 101 })).toEqual(drill);
    await expect(kit.resolve(STREET_101, { streetId: 102 })).rejects.toMatchObject({ status: 403, code: 'OUT_OF_DISTRICT' });
    await expect(kit.resolve(STREET_101, { communityId: 20101 })).rejects.toMatchObject({ status: 403, code: 'OUT_OF_DISTRICT' });
    await expect(kit.resolve(STREET_101, { districtId: 2 })).rejects.toMatchObject({ status: 403, code: 'OUT_OF_DISTRICT' });
  });

  it('refuses a filter outside the scope or inconsistent with itself, naming the field', async () => {
    await expect(kit.resolve(DISTRICT_1, { districtId: 2 })).rejects.toMatchObject({ status: 403, code: 'OUT_OF_DISTRICT' });
    await expect(kit.resolve(DISTRICT_1, { streetId: 201 })).rejects.toMatchObject({ status: 403, code: 'OUT_OF_DISTRICT' });
    await expect(kit.resolve(DISTRICT_1, { communityId: 20101 })).rejects.toMatchObject({ status: 403, code: 'OUT_OF_DISTRICT' });
    await expect(kit.resolve(CITY, { streetId: 999 })).rejects.toMatchObject({ status: 400, details: [{ field: 'streetId' }] });
    await expect(kit.resolve(UNIT, {})).rejects.toMatchObject({ status: 403 });
    await expect(kit.resolve(CITY, { districtId: 2, streetId: 101 })).rejects.toMatchObject({ status: 400, details: [{ field: 'streetId' }] });
    await expect(kit.resolve(CITY, { streetId: 102, communityId: 10101 })).rejects.toMatchObject({ status: 400, details: [{ field: 'communityId' }] });
    await expect(kit.resolve(CITY, { districtId: 2, communityId: 10101 })).rejects.toMatchObject({ status: 400, details: [{ field: 'communityId' }] });
    await expect(kit.resolve(CITY, { streetId: 10101 })).rejects.toMatchObject({ status: 400, details: [{ field: 'streetId' }] });
    await expect(kit.resolve(CITY, { districtId: 101 })).rejects.toMatchObject({ status: 400, details: [{ field: 'districtId' }] });
  });

  it('lists the rows behind every number, so that a count and its list agree', async () => {
    for (const filter of [{}, { districtId: 1 }, { streetId: 101 }, { communityId: 10101 }]) {
      const drill = await kit.resolve(CITY, filter);
      const stats = await kit.statistics(drill, source());
      for (const cell of [...stats.items.map((i) => ({ regionId: i.regionId, counts: i })), { regionId: undefined, counts: stats.total }]) {
        for (const counter of Object.keys(counters) as K[]) {
          const page = await kit.cellPage(drill, source(), { regionId: cell.regionId, counter }, { page: 1, pageSize: 100, skip: 0, take: 100 }, (qb) =>
            qb.select('a.houseCount', 'houseCount').getRawMany<{ houseCount: number }>(),
          );
          const listed = counter === 'houses' ? page.items.reduce((n, r) => n + Number(r.houseCount), 0) : page.total;
          expect({ filter, regionId: cell.regionId, counter, listed }).toEqual({ filter, regionId: cell.regionId, counter, listed: cell.counts[counter] });
        }
      }
    }
  });

  it('adds up in 合计 exactly the rows its list shows, leaving out rows without a child region (no street) or with a region not in the table', async () => {
    const complaints = dataSource.getRepository(ComplaintRow);
    const row = (districtId: number | null, streetId: number | null, communityId: number | null, urgent: boolean) => ({ districtId, streetId, communityId, propertyAreaId: null, urgent });
    await complaints.insert([
      row(1, 101, 10101, true),
      row(1, 102, null, false),
      row(1, null, null, true), // a complaint of the district that lacks a street
      row(1, 201, 20101, true), // a street of another district: not a street of 甲区
      row(2, 201, 20101, false),
      row(null, null, null, true), // no region at all
    ]);
    const complaintCounters: CounterSet<'complaints' | 'urgent'> = { complaints: {}, urgent: { when: 'c.urgent = :urgent', params: { urgent: true } } };
    const complaintSource = (): RegionCounterSource<'complaints' | 'urgent'> => ({
      rows: () => complaints.createQueryBuilder('c'),
      columns: { districtId: 'c.districtId', streetId: 'c.streetId', communityId: 'c.communityId', propertyAreaId: 'c.propertyAreaId' },
      counters: complaintCounters,
    });
    const expected = { '{}': { complaints: 5, urgent: 3 }, '{"districtId":1}': { complaints: 2, urgent: 1 }, '{"streetId":101}': { complaints: 1, urgent: 1 } };
    for (const [key, total] of Object.entries(expected)) {
      const drill = await kit.resolve(CITY, JSON.parse(key));
      const stats = await kit.statistics(drill, complaintSource());
      expect({ key, total: stats.total }).toEqual({ key, total });
      for (const counter of ['complaints', 'urgent'] as const) {
        const listed = await kit.cellPage(drill, complaintSource(), { counter }, { page: 1, pageSize: 100, skip: 0, take: 100 }, (qb) => qb.select('c.id', 'id').getRawMany());
        expect({ key, counter, listed: listed.total }).toEqual({ key, counter, listed: total[counter] });
        expect(stats.items.reduce((n, item) => n + item[counter], 0)).toBe(total[counter]);
      }
    }
  });

  it('refuses a cell of an unknown counter or of a region not in the table', async () => {
    const drill = await kit.resolve(CITY, { districtId: 1 });
    await expect(kit.cellQuery(drill, source(), { counter: 'nothing' })).rejects.toMatchObject({ details: [{ field: 'counter' }] });
    await expect(kit.cellQuery(drill, source(), { counter: 'toString' })).rejects.toMatchObject({ details: [{ field: 'counter' }] });
    await expect(kit.cellQuery(drill, source(), { regionId: 201, counter: 'areas' })).rejects.toMatchObject({ details: [{ field: 'regionId' }] });
    await expect(kit.cellQuery(drill, source(), { regionId: 1, counter: 'areas' })).rejects.toMatchObject({ details: [{ field: 'regionId' }] });
  });
});
