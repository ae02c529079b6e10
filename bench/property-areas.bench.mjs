// Benchmark of chapter 5 (项目管理, module property-areas) at city scale, on MariaDB, on the bench
// harness (bench/harness; how to run it and what the columns mean: README.md, section Benchmarks).
// Prints numbers; not a test.
//
//   npm run build -w api && node bench/property-areas.bench.mjs     (it runs the built api)
//
// Chapter settings: BENCH_AREAS (default 10000 property areas; companies, project managers and
// developers scale with it) and BENCH_HOUSES (default 1000000); the facilities follow the city
// seed's own plan (≈ 50 per area). BENCH_EXPORT_RUNS (default 2), BENCH_IMPORT_ROWS (default 5000;
// either 0: that section is left out).
// The harness's settings (BENCH_SECONDS, BENCH_CLIENTS, BENCH_RESEED, BENCH_SCENARIOS, …) in README.md.
//
// 1. Database szpm_bench_property_areas: the api's city seed (seed/city-seed.ts: areas with their
//    extension records, buildings, houses in buildings and units, the n-gram name index,
//    facilities), time per table printed. Reused while its seed parameters stay the same.
// 2. Under BENCH_CLIENTS closed-loop clients, the API (its production build as a child process)
//    and the same answer by raw SQL on a mysql2 pool in the bench process, checked equal first
//    (same ids, totals, counts): the area list with each search key as a district officer, the
//    house tree of the largest estate (buildings, one building's units, one unit's houses), the
//    facility list of one area, and 本区项目统计. No bare server. The raw SQL here is written
//    independently of the services' (the list and the tree are plain SQL in
//    areas/area-sql.ts, the facility list and the statistics use the query builder), so that its
//    answers cross-check the API's. The API caches list totals and pages, tree levels and the
//    statistics table (LIST_COUNT_CACHE_SECONDS, emptied by writes); the raw SQL does not:
//    BENCH_API_ENV=LIST_COUNT_CACHE_SECONDS=0 measures the API uncached.
// 3. On the running api: the district's facility ledger streamed (time, and the api's RSS from
//    /proc/<pid>/status while it streams), and a facility sheet of BENCH_IMPORT_ROWS rows built
//    from the api's own template (exceljs), imported as a dry run and for real; the imported rows
//    are deleted again so that the database stays reusable.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { apiHas, fromApi, isMain, loadApi, runAsScript, runBenchmark, streamedDownload } from './harness/index.mjs';
import { rssMb } from './harness/proc.mjs';

const number = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const AREAS = number('BENCH_AREAS', 10_000);
const HOUSES = number('BENCH_HOUSES', 1_000_000);
const EXPORT_RUNS = Math.max(0, number('BENCH_EXPORT_RUNS', 2));
const IMPORT_ROWS = number('BENCH_IMPORT_ROWS', 5_000);

const TARGETS = { listP95Ms: 100, apiOverRaw: 1.5, exportSeconds: 20, exportRssMb: 150, importSeconds: 15 };

const fmtMs = (n) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : '—');
const fmtS = (n) => `${n.toFixed(2)} s`;
const int = (n) => Number(n).toLocaleString('en-US');

function requireApi(path) {
  if (!apiHas(path)) throw new Error(`the built api has no ${path}: run npm run build -w api`);
  return loadApi(path);
}

/** The kit's n-gram condition (common/search/text-search.ts) and the list's index domains: the SQL the service runs for a "contains". */
function textSearch() {
  const { containsCondition } = requireApi('common/search/text-search.js');
  const domains = requireApi('modules/property-areas/areas/area-search.js');
  return { containsCondition, domains };
}

const queryString = (input) =>
  new URLSearchParams(
    Object.entries(input)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  ).toString();

const round2 = (x) => Math.round(x * 100) / 100;
const compareUnitNo = (a, b) => a.localeCompare(b, 'zh', { numeric: true });

// ---- seed ---------------------------------------------------------------------------------------

/** Everything comes from the api's city seed; afterwards the optimizer statistics are brought up to date. */
async function generate({ dataSource }) {
  await dataSource.query('ANALYZE TABLE property_areas, property_area_profiles, buildings, houses, facilities, facility_types, text_search_entries, text_search_grams, regions, property_companies, developers');
}

async function counts(dataSource) {
  const one = async (sql) => Number((await dataSource.query(sql))[0].n);
  return {
    propertyAreas: await one('SELECT COUNT(*) AS n FROM property_areas'),
    profiles: await one('SELECT COUNT(*) AS n FROM property_area_profiles'),
    buildings: await one('SELECT COUNT(*) AS n FROM buildings'),
    houses: await one('SELECT COUNT(*) AS n FROM houses'),
    facilities: await one('SELECT COUNT(*) AS n FROM facilities WHERE deletedAt IS NULL'),
  };
}

// ---- what the scenarios draw from ---------------------------------------------------------------

async function handlerOf(dataSource, districtId) {
  const [row] = await dataSource.query("SELECT username FROM accounts WHERE role = 'DISTRICT_HANDLER' AND districtId = ? ORDER BY id LIMIT 1", [districtId]);
  if (!row) throw new Error(`no district handler account in district ${districtId}`);
  return row.username;
}

/**
 * What an officer types for a name: its distinctive first 2 characters (a unit's name after the
 * city, 深圳市; an estate's own name), not a word every name has (物业, 有限公司, 花园).
 */
function pieceOf(name) {
  return [...name.replace(/^深圳市/, '')].slice(0, 2).join('');
}

async function setup({ dataSource, log }) {
  // the district with the most areas: its handler searches the list and reads 本区项目统计
  const [big] = await dataSource.query(
    "SELECT r.id, r.name, COUNT(*) AS n FROM property_areas a JOIN regions r ON r.id = a.districtId WHERE r.level = 'DISTRICT' GROUP BY r.id, r.name ORDER BY n DESC, r.id LIMIT 1",
  );
  const districtId = Number(big.id);
  const account = await handlerOf(dataSource, districtId);
  const areas = await dataSource.query(
    `SELECT a.id, a.name, a.longitude, a.latitude, a.coordinateStatus, pc.name AS companyName, dv.name AS developerName
       FROM property_areas a LEFT JOIN property_companies pc ON pc.id = a.companyId LEFT JOIN developers dv ON dv.id = a.developerId
      WHERE a.districtId = ? ORDER BY a.id`,
    [districtId],
  );
  const every = (n, list) => list.filter((_, i) => i % Math.max(1, Math.floor(list.length / n)) === 0).slice(0, n);
  const namePieces = [...new Set(every(40, areas).map((a) => pieceOf(a.name)))];
  const companyPieces = [...new Set(every(40, areas.filter((a) => a.companyName)).map((a) => pieceOf(a.companyName)))];
  const developerPieces = [...new Set(every(40, areas.filter((a) => a.developerName)).map((a) => pieceOf(a.developerName)))];
  // map rectangles around areas' centroids (about 2 km across), as a map view of a neighbourhood asks
  const rectangles = every(40, areas).map((a) => {
    const lng = Number(a.longitude);
    const lat = Number(a.latitude);
    return { swLng: (lng - 0.01).toFixed(6), swLat: (lat - 0.01).toFixed(6), neLng: (lng + 0.01).toFixed(6), neLat: (lat + 0.01).toFixed(6) };
  });
  const streets = (await dataSource.query("SELECT id FROM regions WHERE level = 'STREET' AND parentId = ? ORDER BY sortOrder, id", [districtId])).map((r) => Number(r.id));
  const communities = (
    await dataSource.query("SELECT c.id FROM regions c JOIN regions s ON s.id = c.parentId WHERE c.level = 'COMMUNITY' AND s.parentId = ? ORDER BY c.id", [districtId])
  ).map((r) => Number(r.id));
  const plotted = areas.filter((a) => a.coordinateStatus === 'PLOTTED').length;
  log(`  list and 本区项目统计: ${big.name} (district ${districtId}, ${int(areas.length)} areas, ${int(plotted)} plotted, ${streets.length} streets, ${communities.length} communities), account ${account}`);

  // the largest estate by houses: the house tree
  const [largest] = await dataSource.query('SELECT propertyAreaId AS id, COUNT(*) AS n FROM houses GROUP BY propertyAreaId ORDER BY n DESC, propertyAreaId LIMIT 1');
  const estateId = Number(largest.id);
  const [estate] = await dataSource.query('SELECT id, name, districtId FROM property_areas WHERE id = ?', [estateId]);
  const estateAccount = await handlerOf(dataSource, Number(estate.districtId));
  const buildingIds = (await dataSource.query('SELECT id FROM buildings WHERE propertyAreaId = ? ORDER BY id', [estateId])).map((b) => Number(b.id));
  const units = await dataSource.query('SELECT DISTINCT buildingId, unitNo FROM houses WHERE propertyAreaId = ? AND buildingId IS NOT NULL ORDER BY buildingId, unitNo', [estateId]);
  log(`  house tree: the largest estate ${estate.name} (area ${estateId}, district ${estate.districtId}): ${int(largest.n)} houses, ${buildingIds.length} buildings, ${units.length} units; account ${estateAccount}`);

  // the facility list: the area of the district with the most facilities
  const [facilityArea] = await dataSource.query(
    'SELECT propertyAreaId AS id, COUNT(*) AS n FROM facilities WHERE districtId = ? AND deletedAt IS NULL GROUP BY propertyAreaId ORDER BY n DESC, propertyAreaId LIMIT 1',
    [districtId],
  );
  const facilityAreaId = Number(facilityArea.id);
  const typesInArea = (
    await dataSource.query(
      'SELECT DISTINCT COALESCE(t.parentId, t.id) AS id FROM facilities f JOIN facility_types t ON t.id = f.facilityTypeId WHERE f.propertyAreaId = ? AND f.deletedAt IS NULL ORDER BY id',
      [facilityAreaId],
    )
  ).map((r) => Number(r.id));
  const facilityNames = (await dataSource.query('SELECT name FROM facilities WHERE propertyAreaId = ? AND deletedAt IS NULL ORDER BY id', [facilityAreaId])).map((r) => r.name);
  const facilityPieces = [...new Set(every(12, facilityNames).map((n) => [...n].slice(0, 2).join('')))];
  log(`  facility list: area ${facilityAreaId} (${int(facilityArea.n)} facilities, ${typesInArea.length} categories)`);

  // the ledger export: the district whose live facilities are closest to 50,000
  const byDistrict = await dataSource.query(
    "SELECT f.districtId AS id, r.name, COUNT(*) AS n FROM facilities f JOIN regions r ON r.id = f.districtId WHERE f.deletedAt IS NULL GROUP BY f.districtId, r.name ORDER BY f.districtId",
  );
  const exportDistrict = byDistrict.reduce((best, d) => (Math.abs(Number(d.n) - 50_000) < Math.abs(Number(best.n) - 50_000) ? d : best));
  log(`  facilities per district: ${byDistrict.map((d) => `${d.name} ${int(d.n)}`).join(', ')}`);
  log('  raw SQL: the conditions the services build (the kit\'s n-gram containsCondition, the counters of area-counters.js), written as plain SQL with only the joins each answer needs');

  return {
    districtId,
    account,
    areaCount: areas.length,
    namePieces,
    companyPieces,
    developerPieces,
    rectangles,
    streets,
    communities,
    estate: { id: estateId, districtId: Number(estate.districtId), account: estateAccount, buildingIds, units: units.map((u) => ({ buildingId: Number(u.buildingId), unitNo: u.unitNo })) },
    facilityArea: { id: facilityAreaId, count: Number(facilityArea.n), categories: typesInArea, pieces: facilityPieces },
    exportDistrict: { id: Number(exportDistrict.id), name: exportDistrict.name, facilities: Number(exportDistrict.n), account: await handlerOf(dataSource, Number(exportDistrict.id)) },
  };
}

// ---- raw SQL ------------------------------------------------------------------------------------

/** The scoped door's condition for a district account: the area must be of the district (else the API answers 403/404). */
async function areaInDistrict(pool, areaId, districtId) {
  const [rows] = await pool.query('SELECT id FROM property_areas WHERE id = ? AND districtId = ?', [areaId, districtId]);
  if (!rows.length) throw new Error(`raw SQL: area ${areaId} is not in district ${districtId}`);
}

async function buildingOfArea(pool, areaId, buildingId) {
  const [rows] = await pool.query('SELECT id FROM buildings WHERE id = ? AND propertyAreaId = ?', [buildingId, areaId]);
  if (!rows.length) throw new Error(`raw SQL: building ${buildingId} is not in area ${areaId}`);
}

/** GET /api/property-areas for a district account: the filters, the count, the page. */
async function rawAreaList(pool, districtId, input) {
  const { containsCondition, domains } = textSearch();
  const where = ['a.districtId = ?'];
  const params = [districtId];
  const joins = new Set();
  const contains = (domain, column, text) => {
    const c = containsCondition(domain, column, text);
    where.push(c.sql);
    params.push(...c.params);
  };
  if (input.search) contains(domains.PROPERTY_AREA_NAMES, 'a.name', input.search);
  if (input.companySearch) {
    joins.add('LEFT JOIN property_companies pc ON pc.id = a.companyId');
    contains(domains.PROPERTY_COMPANY_NAMES, 'pc.name', input.companySearch);
  }
  if (input.developerSearch) {
    joins.add('LEFT JOIN developers dv ON dv.id = a.developerId');
    contains(domains.DEVELOPER_NAMES, 'dv.name', input.developerSearch);
  }
  if (input.coordinateStatus) {
    where.push('a.coordinateStatus = ?');
    params.push(input.coordinateStatus);
  }
  if (input.swLng !== undefined) {
    where.push('a.longitude BETWEEN ? AND ?', 'a.latitude BETWEEN ? AND ?');
    params.push(Number(input.swLng), Number(input.neLng), Number(input.swLat), Number(input.neLat));
  }
  const filter = `WHERE ${where.join(' AND ')}`;
  const [[{ n }]] = await pool.query(`SELECT COUNT(*) AS n FROM property_areas a ${[...joins].join(' ')} ${filter}`, params);
  const page = Number(input.page ?? 1);
  const pageSize = Number(input.pageSize ?? 20);
  const order = input.sort === 'floorArea' ? `a.floorArea ${input.order ?? 'ASC'}, a.id ${input.order ?? 'ASC'}` : 'a.id ASC';
  const [rows] = await pool.query(
    `SELECT a.id, a.code, a.name, a.address, a.floorArea, a.houseCount, a.coordinateStatus, a.layer, a.selfManaged,
            rd.name AS districtName, s.name AS streetName, c.name AS communityName, pc.name AS companyName, dv.name AS developerName,
            pm.name AS projectManagerName, pp.hasCommittee, pp.handoverDate
       FROM property_areas a
       LEFT JOIN regions rd ON rd.id = a.districtId LEFT JOIN regions s ON s.id = a.streetId LEFT JOIN regions c ON c.id = a.communityId
       LEFT JOIN property_companies pc ON pc.id = a.companyId LEFT JOIN project_managers pm ON pm.id = a.projectManagerId
       LEFT JOIN developers dv ON dv.id = a.developerId LEFT JOIN property_area_profiles pp ON pp.propertyAreaId = a.id
       ${filter} ORDER BY ${order} LIMIT ? OFFSET ?`,
    [...params, pageSize, (page - 1) * pageSize],
  );
  return {
    total: Number(n),
    page,
    items: rows.map((r) => ({ id: Number(r.id), name: r.name, streetName: r.streetName, companyName: r.companyName, developerName: r.developerName, floorArea: Number(r.floorArea), houseCount: Number(r.houseCount), coordinateStatus: r.coordinateStatus })),
  };
}

/** The kit's aggregate of one counter (regions/statistics/counters.ts), from the chapter's own counter definitions. */
function aggregate(counter) {
  const value = counter.sum ?? '1';
  if (!counter.when) return counter.sum ? `COALESCE(SUM(${value}), 0)` : 'COUNT(*)';
  return `COALESCE(SUM(CASE WHEN ${counter.when} THEN ${value} ELSE 0 END), 0)`;
}

/** GET /api/property-areas/statistics for a district account: the child regions, one grouped query, zero rows, the 合计 row. */
async function rawStatistics(pool, districtId, input) {
  const counters = requireApi('modules/property-areas/statistics/area-counters.js').areaCounters();
  const keys = Object.keys(counters);
  let level;
  let group;
  let children;
  const where = ['a.districtId = ?'];
  const params = [districtId];
  if (input.communityId !== undefined) {
    level = 'PROPERTY_AREA';
    group = 'a.id';
    where.push('a.communityId = ?');
    params.push(input.communityId);
    [children] = await pool.query('SELECT id, name FROM property_areas WHERE communityId = ? ORDER BY id', [input.communityId]);
  } else if (input.streetId !== undefined) {
    level = 'COMMUNITY';
    group = 'a.communityId';
    where.push('a.streetId = ?');
    params.push(input.streetId);
    [children] = await pool.query("SELECT id, name FROM regions WHERE level = 'COMMUNITY' AND parentId = ? ORDER BY sortOrder, id", [input.streetId]);
  } else {
    level = 'STREET';
    group = 'a.streetId';
    [children] = await pool.query("SELECT id, name FROM regions WHERE level = 'STREET' AND parentId = ? ORDER BY sortOrder, id", [districtId]);
  }
  const ids = children.map((c) => Number(c.id));
  const [rows] = ids.length
    ? await pool.query(
        `SELECT ${group} AS regionId, ${keys.map((k) => `${aggregate(counters[k])} AS ${k}`).join(', ')}
           FROM property_areas a LEFT JOIN property_area_profiles pp ON pp.propertyAreaId = a.id
          WHERE ${where.join(' AND ')} AND ${group} IN (?) GROUP BY ${group}`,
        [...params, ids],
      )
    : [[]];
  const byRegion = new Map(rows.map((r) => [Number(r.regionId), r]));
  const items = children.map((c) => {
    const r = byRegion.get(Number(c.id));
    return { regionId: Number(c.id), regionName: c.name, level, ...Object.fromEntries(keys.map((k) => [k, Number(r?.[k] ?? 0)])) };
  });
  const total = Object.fromEntries(keys.map((k) => [k, items.reduce((sum, item) => sum + item[k], 0)]));
  return { level, total, items };
}

/** 楼栋: the buildings with their unit and house counts and building area. */
async function rawBuildings(pool, districtId, areaId) {
  await areaInDistrict(pool, areaId, districtId);
  const [buildings] = await pool.query('SELECT id, code, name, totalFloors, structure FROM buildings WHERE propertyAreaId = ? ORDER BY id', [areaId]);
  const [sums] = await pool.query(
    'SELECT buildingId, COUNT(*) AS houseCount, COUNT(DISTINCT unitNo) AS unitCount, COALESCE(SUM(COALESCE(buildingArea, floorArea)), 0) AS buildingArea FROM houses WHERE propertyAreaId = ? AND buildingId IS NOT NULL GROUP BY buildingId',
    [areaId],
  );
  const byBuilding = new Map(sums.map((s) => [Number(s.buildingId), s]));
  return buildings.map((b) => {
    const s = byBuilding.get(Number(b.id));
    return { id: Number(b.id), name: b.name, unitCount: Number(s?.unitCount ?? 0), houseCount: Number(s?.houseCount ?? 0), buildingArea: round2(Number(s?.buildingArea ?? 0)) };
  });
}

/** 单元 of one building. */
async function rawUnits(pool, districtId, areaId, buildingId) {
  await areaInDistrict(pool, areaId, districtId);
  await buildingOfArea(pool, areaId, buildingId);
  const [rows] = await pool.query(
    'SELECT unitNo, COUNT(*) AS houseCount, COALESCE(SUM(COALESCE(buildingArea, floorArea)), 0) AS buildingArea FROM houses WHERE propertyAreaId = ? AND buildingId = ? GROUP BY unitNo',
    [areaId, buildingId],
  );
  return rows.map((r) => ({ unitNo: String(r.unitNo), houseCount: Number(r.houseCount), buildingArea: round2(Number(r.buildingArea)) })).sort((a, b) => compareUnitNo(a.unitNo, b.unitNo));
}

/** 房屋 of one unit, the first page. */
async function rawHouses(pool, districtId, areaId, buildingId, unitNo) {
  await areaInDistrict(pool, areaId, districtId);
  await buildingOfArea(pool, areaId, buildingId);
  const [[{ n }]] = await pool.query('SELECT COUNT(*) AS n FROM houses WHERE propertyAreaId = ? AND buildingId = ? AND unitNo = ?', [areaId, buildingId, unitNo]);
  const [rows] = await pool.query(
    'SELECT id, unitNo, roomNo, floor FROM houses WHERE propertyAreaId = ? AND buildingId = ? AND unitNo = ? ORDER BY buildingId, unitNo, floor, roomNo, id LIMIT 20',
    [areaId, buildingId, unitNo],
  );
  return { total: Number(n), items: rows.map((r) => ({ id: Number(r.id), unitNo: r.unitNo, roomNo: r.roomNo })) };
}

/** 设施设备信息 of one area: the catalogue (type names and the typeId subtree), the count, the page, its buildings' names. */
async function rawFacilities(pool, districtId, areaId, input) {
  await areaInDistrict(pool, areaId, districtId);
  const [types] = await pool.query('SELECT id, parentId FROM facility_types');
  const where = ['f.deletedAt IS NULL', 'f.districtId = ?', 'f.propertyAreaId = ?'];
  const params = [districtId, areaId];
  if (input.typeId !== undefined) {
    const subtree = [Number(input.typeId)];
    for (let i = 0; i < subtree.length; i++) for (const t of types) if (Number(t.parentId) === subtree[i] && t.parentId !== null) subtree.push(Number(t.id));
    where.push('f.facilityTypeId IN (?)');
    params.push(subtree);
  }
  if (input.enabled !== undefined) {
    where.push('f.enabled = ?');
    params.push(input.enabled === 'true' ? 1 : 0);
  }
  if (input.search) {
    where.push('(f.name LIKE ? OR f.registerNumber LIKE ? OR f.position LIKE ?)');
    const like = `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.push(like, like, like);
  }
  const filter = `WHERE ${where.join(' AND ')}`;
  const [[{ n }]] = await pool.query(`SELECT COUNT(*) AS n FROM facilities f ${filter}`, params);
  const page = Number(input.page ?? 1);
  const [rows] = await pool.query(`SELECT f.* FROM facilities f ${filter} ORDER BY f.id ASC LIMIT 20 OFFSET ?`, [...params, (page - 1) * 20]);
  const buildingIds = [...new Set(rows.map((r) => r.buildingId).filter((id) => id !== null))];
  const [buildings] = buildingIds.length ? await pool.query('SELECT id, name FROM buildings WHERE id IN (?) AND districtId = ?', [buildingIds, districtId]) : [[]];
  const names = new Map(buildings.map((b) => [Number(b.id), b.name]));
  return {
    total: Number(n),
    page,
    items: rows.map((r) => ({ id: Number(r.id), name: r.name, facilityTypeId: Number(r.facilityTypeId), buildingName: r.buildingId === null ? null : (names.get(Number(r.buildingId)) ?? null), registerNumber: r.registerNumber })),
  };
}

// ---- scenarios ----------------------------------------------------------------------------------

function scenarios(state) {
  const { districtId, estate, facilityArea } = state;
  const pick = (list, k) => list[k % list.length];
  const listPath = (input) => `/api/property-areas?${queryString(input)}`;
  const pages = Math.max(1, Math.min(5, Math.ceil(state.areaCount / 20)));
  const facilityPages = Math.max(1, Math.min(5, Math.ceil(facilityArea.count / 20)));
  return [
    {
      name: 'list',
      label: `物业区域管理 list of district ${districtId} (${state.account}; the server scopes it): each search key alone, one combination, one sort`,
      account: state.account,
      shapes: [
        { name: 'browse', input: (k) => ({ page: 1 + (k % pages) }) },
        { name: 'name', input: (k) => ({ search: pick(state.namePieces, k) }) },
        { name: 'coordinate', input: (k) => ({ coordinateStatus: k % 2 ? 'UNPLOTTED' : 'PLOTTED' }) },
        { name: 'company', input: (k) => ({ companySearch: pick(state.companyPieces, k) }) },
        { name: 'developer', input: (k) => ({ developerSearch: pick(state.developerPieces, k) }) },
        { name: 'rectangle', input: (k) => ({ ...pick(state.rectangles, k) }) },
        { name: 'combined+sort', input: (k) => ({ companySearch: pick(state.companyPieces, k), coordinateStatus: 'PLOTTED', sort: 'floorArea', order: 'DESC' }) },
      ],
      api: listPath,
      raw: (pool, input) => rawAreaList(pool, districtId, input),
    },
    {
      name: 'tree',
      label: `房屋信息 of the largest estate (area ${estate.id}): 楼栋, one building's 单元, one unit's 房屋 (first page)`,
      account: estate.account,
      shapes: [
        { name: 'buildings', input: () => ({ level: 'buildings' }) },
        { name: 'units', input: (k) => ({ level: 'units', buildingId: pick(estate.buildingIds, k) }) },
        { name: 'houses', input: (k) => ({ level: 'houses', ...pick(estate.units, k * 7) }) },
      ],
      api: ({ level, buildingId, unitNo }) =>
        level === 'buildings'
          ? `/api/property-areas/${estate.id}/buildings`
          : level === 'units'
            ? `/api/property-areas/${estate.id}/buildings/${buildingId}/units`
            : `/api/property-areas/${estate.id}/houses?${queryString({ buildingId, unitNo })}`,
      raw: (pool, { level, buildingId, unitNo }) => {
        if (level === 'buildings') return rawBuildings(pool, estate.districtId, estate.id);
        if (level === 'units') return rawUnits(pool, estate.districtId, estate.id, buildingId);
        return rawHouses(pool, estate.districtId, estate.id, buildingId, unitNo);
      },
    },
    {
      name: 'facilities',
      label: `设施设备信息 of area ${facilityArea.id} (${facilityArea.count} facilities): pages, by category, enabled, name contains`,
      account: state.account,
      shapes: [
        { name: 'browse', input: (k) => ({ page: 1 + (k % facilityPages) }) },
        { name: 'category', input: (k) => ({ typeId: pick(facilityArea.categories, k) }) },
        { name: 'enabled', input: () => ({ enabled: 'true' }) },
        { name: 'search', input: (k) => ({ search: pick(facilityArea.pieces, k) }) },
      ],
      api: (input) => `/api/property-areas/${facilityArea.id}/facilities?${queryString(input)}`,
      raw: (pool, input) => rawFacilities(pool, districtId, facilityArea.id, input),
    },
    {
      name: 'statistics',
      label: `本区项目统计 of district ${districtId}: the district (by street), a street (by community), a community (by area)`,
      account: state.account,
      shapes: [
        { name: 'district', input: () => ({}) },
        { name: 'street', input: (k) => ({ streetId: pick(state.streets, k) }) },
        { name: 'community', input: (k) => ({ communityId: pick(state.communities, k * 13) }) },
      ],
      api: (input) => `/api/property-areas/statistics?${queryString(input)}`,
      raw: (pool, input) => rawStatistics(pool, districtId, input),
    },
  ];
}

// ---- on the running api: the ledger export and the sheet import ----------------------------------

/** Data rows of the first worksheet of an xlsx file (read as a stream). */
async function xlsxDataRows(file) {
  const ExcelJS = fromApi('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore' });
  for await (const sheet of reader) {
    let rows = 0;
    for await (const row of sheet) if (row.number > 1) rows++;
    return rows;
  }
  return 0;
}

async function exportLedger({ api, tokenOf, state, pool, log, target }) {
  const { exportDistrict } = state;
  const token = await tokenOf(exportDistrict.account);
  const [[{ n }]] = await pool.query('SELECT COUNT(*) AS n FROM facilities WHERE districtId = ? AND deletedAt IS NULL', [exportDistrict.id]);
  log('');
  log(`facility ledger export of ${exportDistrict.name} (GET /api/facilities/export as ${exportDistrict.account}; ${int(n)} live facilities by raw SQL), ${EXPORT_RUNS} run(s), api RSS sampled every 100 ms`);
  const dir = mkdtempSync(join(tmpdir(), 'szpm-bench-export-'));
  const runs = [];
  try {
    for (let run = 1; run <= EXPORT_RUNS; run++) {
      const file = join(dir, `ledger-${run}.xlsx`);
      const d = await streamedDownload({ port: api.port, path: '/api/facilities/export', token, pid: api.pid, toFile: file });
      const rows = await xlsxDataRows(file);
      if (rows !== Number(n)) throw new Error(`the exported ledger has ${rows} data rows, raw SQL counts ${n} live facilities of district ${exportDistrict.id}`);
      runs.push(d);
      log(
        `  run ${run}: ${fmtS(d.seconds)} (first byte after ${fmtMs(d.firstByteMs)}), ${(d.bytes / 1024 / 1024).toFixed(1)} MB, ${int(rows)} data rows = raw SQL count; api RSS ${d.rss.before.toFixed(0)} → peak ${d.rss.peak.toFixed(0)} → ${d.rss.after.toFixed(0)} MB (growth ${d.rss.growth.toFixed(0)} MB)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const slowest = Math.max(...runs.map((r) => r.seconds));
  const growth = Math.max(...runs.map((r) => r.rss.growth));
  target(`export ${int(n)} facilities (${exportDistrict.name}) streamed ≤ ${TARGETS.exportSeconds} s (slowest of ${runs.length})`, `${fmtS(slowest)} (${(slowest / TARGETS.exportSeconds).toFixed(2)} of target)`, slowest <= TARGETS.exportSeconds);
  target(`export: api RSS growth during the download ≤ ${TARGETS.exportRssMb} MB (largest of ${runs.length})`, `${growth.toFixed(0)} MB (${(growth / TARGETS.exportRssMb).toFixed(2)} of target)`, growth <= TARGETS.exportRssMb);
}

/** POST an xlsx to the import endpoint (multipart field `file`); the report and the time. */
async function postSheet(api, token, areaId, buffer, dryRun) {
  const form = new FormData();
  form.append('file', new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), 'facilities.xlsx');
  const started = performance.now();
  const rssBefore = rssMb(api.pid);
  let peak = rssBefore;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(api.pid))), 100);
  try {
    const res = await fetch(`http://127.0.0.1:${api.port}/api/property-areas/${areaId}/facilities/import?dryRun=${dryRun}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
    const text = await res.text();
    const seconds = (performance.now() - started) / 1000;
    if (!res.ok) throw new Error(`import${dryRun ? ' (dry run)' : ''} → ${res.status} ${text.slice(0, 500)}`);
    return { report: JSON.parse(text), seconds, rssBefore, rssPeak: Math.max(peak, rssMb(api.pid)) };
  } finally {
    clearInterval(timer);
  }
}

/** The template from the api, filled with `rows` facilities of the area (names, types from its own type sheet, the area's buildings). */
async function buildSheet(api, token, areaId, pool, rows) {
  const ExcelJS = fromApi('exceljs');
  const res = await fetch(`http://127.0.0.1:${api.port}/api/property-areas/${areaId}/facilities/template`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`template → ${res.status} ${(await res.text()).slice(0, 300)}`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()));
  const [sheet, typeSheet] = workbook.worksheets;
  const headers = new Map();
  sheet.getRow(1).eachCell((cell, col) => headers.set(String(cell.value), col));
  const types = [];
  typeSheet.eachRow((row, n) => {
    if (n === 1) return;
    types.push({ path: String(row.getCell(1).value), special: row.getCell(3).value === '是', enabled: row.getCell(4).value === '是' });
  });
  // leaf types only (a category is a heading of the catalogue), enabled ones
  const leaves = types.filter((t) => t.enabled && !types.some((o) => o.path.startsWith(`${t.path}/`)));
  const [buildings] = await pool.query('SELECT name FROM buildings WHERE propertyAreaId = ? ORDER BY id', [areaId]);
  const { shanghaiDate } = loadApi('common/http/shanghai-time.js');
  const due = new Date(`${shanghaiDate(new Date())}T00:00:00Z`);
  due.setUTCDate(due.getUTCDate() + 200);
  const dueDate = due.toISOString().slice(0, 10);
  const set = (row, header, value) => {
    const col = headers.get(header);
    if (col === undefined) throw new Error(`the template has no column ${header}`);
    row.getCell(col).value = value;
  };
  for (let i = 1; i <= rows; i++) {
    const type = leaves[i % leaves.length];
    const row = sheet.getRow(i + 1);
    set(row, '设备名称', `基准导入设备${String(i).padStart(5, '0')}`);
    set(row, '设施设备类型', type.path);
    if (buildings.length) set(row, '楼栋', buildings[i % buildings.length].name);
    set(row, '位置', `基准测试位置${i % 50}`);
    set(row, '品牌', '基准品牌');
    set(row, '数量', 1 + (i % 5));
    if (type.special) {
      // 特种设备: a register code unique city-wide, and a due date
      set(row, '注册代码', `BENCH${String(i).padStart(8, '0')}`);
      set(row, '到期日期', dueDate);
    }
    set(row, '启用时间', '2020-06-01');
    set(row, '原值（元）', 1000 + i);
    set(row, '启用', '是');
    row.commit?.();
  }
  return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), types: leaves.length, special: leaves.filter((t) => t.special).length };
}

async function importSheet({ api, tokenOf, state, pool, log, target }) {
  // an area of the list's district with buildings (not the facility list's, whose answers were checked)
  const [[area]] = await pool.query(
    'SELECT a.id, a.name FROM property_areas a WHERE a.districtId = ? AND a.id <> ? AND EXISTS (SELECT 1 FROM buildings b WHERE b.propertyAreaId = a.id) ORDER BY a.id LIMIT 1',
    [state.districtId, state.facilityArea.id],
  );
  const token = await tokenOf(state.account);
  const [[{ maxId }]] = await pool.query('SELECT COALESCE(MAX(id), 0) AS maxId FROM facilities');
  const [[{ n: before }]] = await pool.query('SELECT COUNT(*) AS n FROM facilities WHERE propertyAreaId = ? AND deletedAt IS NULL', [area.id]);
  const built = performance.now();
  const sheet = await buildSheet(api, token, area.id, pool, IMPORT_ROWS);
  log('');
  log(
    `facility sheet import into area ${area.id} ${area.name} (${int(before)} facilities) as ${state.account}: ${int(IMPORT_ROWS)} rows over ${sheet.types} leaf types (${sheet.special} special equipment), built from GET …/facilities/template with exceljs in ${fmtS((performance.now() - built) / 1000)}, ${(sheet.buffer.length / 1024).toFixed(0)} KB`,
  );
  try {
    const dry = await postSheet(api, token, area.id, sheet.buffer, true);
    const [[{ n: afterDry }]] = await pool.query('SELECT COUNT(*) AS n FROM facilities WHERE propertyAreaId = ? AND deletedAt IS NULL', [area.id]);
    const dryOk = dry.report.total === IMPORT_ROWS && dry.report.valid === IMPORT_ROWS && dry.report.errors.length === 0 && Number(afterDry) === Number(before);
    log(`  dry run: ${fmtS(dry.seconds)}; report total ${dry.report.total}, valid ${dry.report.valid}, imported ${dry.report.imported}, errors ${dry.report.errors.length}${dry.report.errors.length ? ` (first: ${JSON.stringify(dry.report.errors[0])})` : ''}; facilities of the area still ${int(afterDry)}; api RSS ${dry.rssBefore.toFixed(0)} → peak ${dry.rssPeak.toFixed(0)} MB`);
    if (!dryOk) throw new Error('the dry run did not accept every row, or wrote something');
    const real = await postSheet(api, token, area.id, sheet.buffer, false);
    const [[{ n: afterReal }]] = await pool.query('SELECT COUNT(*) AS n FROM facilities WHERE propertyAreaId = ? AND deletedAt IS NULL', [area.id]);
    const realOk = real.report.imported === IMPORT_ROWS && Number(afterReal) === Number(before) + IMPORT_ROWS;
    log(`  real:    ${fmtS(real.seconds)}; report total ${real.report.total}, valid ${real.report.valid}, imported ${real.report.imported}, errors ${real.report.errors.length}; facilities of the area ${int(before)} → ${int(afterReal)} (raw SQL); api RSS ${real.rssBefore.toFixed(0)} → peak ${real.rssPeak.toFixed(0)} MB`);
    if (!realOk) throw new Error(`the import wrote ${Number(afterReal) - Number(before)} facilities, not ${IMPORT_ROWS}`);
    // the same file again: every row matches a facility it wrote (the update path, nothing changes)
    const again = await postSheet(api, token, area.id, sheet.buffer, false);
    const [[{ n: afterAgain }]] = await pool.query('SELECT COUNT(*) AS n FROM facilities WHERE propertyAreaId = ? AND deletedAt IS NULL', [area.id]);
    log(`  again (every row matches one just imported; not a target): ${fmtS(again.seconds)}; imported ${again.report.imported}, errors ${again.report.errors.length}; facilities of the area ${int(afterAgain)}`);
    target(`import ${int(IMPORT_ROWS)}-row facility sheet, dry run ≤ ${TARGETS.importSeconds} s`, `${fmtS(dry.seconds)} (${(dry.seconds / TARGETS.importSeconds).toFixed(2)} of target)`, dry.seconds <= TARGETS.importSeconds);
    target(`import ${int(IMPORT_ROWS)}-row facility sheet, real ≤ ${TARGETS.importSeconds} s`, `${fmtS(real.seconds)} (${(real.seconds / TARGETS.importSeconds).toFixed(2)} of target)`, real.seconds <= TARGETS.importSeconds);
  } finally {
    // the database stays as seeded (bench_meta's counts), so that the next run can reuse it
    const [result] = await pool.query('DELETE FROM facilities WHERE propertyAreaId = ? AND id > ?', [area.id, maxId]);
    log(`  removed the ${int(result.affectedRows)} imported facilities again`);
  }
}

/** BENCH_EXPORT_RUNS=0 / BENCH_IMPORT_ROWS=0 leave a section out (its targets then say "not measured"). */
async function withApi(ctx) {
  if (EXPORT_RUNS > 0) await exportLedger(ctx);
  else ctx.target(`export of a district's facilities ≤ ${TARGETS.exportSeconds} s, api RSS growth ≤ ${TARGETS.exportRssMb} MB`, 'BENCH_EXPORT_RUNS=0', null);
  if (IMPORT_ROWS > 0) await importSheet(ctx);
  else ctx.target(`import of a 5,000-row facility sheet ≤ ${TARGETS.importSeconds} s (dry run and real)`, 'BENCH_IMPORT_ROWS=0', null);
}

if (isMain(import.meta.url)) {
  runAsScript(() =>
    runBenchmark({
      name: 'property_areas',
      title: 'chapter 5 benchmark (项目管理: area list, house tree, facility list, 本区项目统计, ledger export, sheet import)',
      params: {
        seed: 1,
        city: { propertyAreas: AREAS, companies: Math.round(AREAS * 0.3), projectManagers: AREAS, developers: Math.round(AREAS * 0.15), houses: HOUSES },
        // bump when generate() changes what it writes, so that older databases are seeded again
        generator: 2,
      },
      generate,
      counts,
      setup,
      scenarios,
      withApi,
      soakScenario: 'list',
      targets: { p95Ms: TARGETS.listP95Ms, apiOverRawP95: TARGETS.apiOverRaw, perShapeRatio: true },
    }),
  );
}
