// Benchmark of chapter 13 (车位信息, module parking) at city scale, on MariaDB, on the bench harness
// (bench/harness; how to run it and what the columns mean: README.md, section Benchmarks).
// Prints numbers; not a test.
//
//   npm run build -w api && node bench/parking.bench.mjs     (it runs the built api)
//
// Chapter settings: BENCH_AREAS (default 10000 property areas; companies, project managers and
// developers scale with it) and BENCH_HOUSES (default 1000000). The filings (60–85 % of the areas,
// some with history) and the dispute reports come from the city seed (seed/parking-seed.ts).
// The harness's settings (BENCH_SECONDS, BENCH_CLIENTS, BENCH_RESEED, BENCH_SCENARIOS, …) in README.md.
//
// 1. Database szpm_bench_parking: the api's city seed, reused while its parameters stay the same.
// 2. Under BENCH_CLIENTS closed-loop clients, the API (its production build as a child process) and
//    the same answer by raw SQL on a mysql2 pool in the bench process, checked equal first: 车位信息统计
//    of the district with the most areas (the district by street, a street, a community), the
//    projects behind its numbers (已填报, 未填报, 人防, 充电 of a street and of the 合计 row),
//    住宅小区车位纠纷类型情况 and the projects behind a dispute type, as that district's lead; and the city
//    level (the table by district, the dispute table, the lists of a district's row) as a city officer. No bare
//    server. The raw SQL here is written independently of the services' (which use the query
//    builder and the region drill-down kit), so that its answers cross-check the API's. The API
//    caches both tables (LIST_COUNT_CACHE_SECONDS, emptied by writes); the raw SQL does not:
//    BENCH_API_ENV=LIST_COUNT_CACHE_SECONDS=0 measures the API uncached.
import { busiestDistrict, envNumber as number, formatInt as int, isMain, officerOf, queryString, runAsScript, runBenchmark } from './harness/index.mjs';

const AREAS = number('BENCH_AREAS', 10_000);
const HOUSES = number('BENCH_HOUSES', 1_000_000);

const TARGETS = { p95Ms: 100, apiOverRaw: 1.5 };


const rate = (n, d) => (n === 0 || d === 0 ? 0 : Math.round((n / d) * 100 * 100) / 100);
const ratio = (n, d) => (n === 0 || d === 0 ? 0 : Math.round((n / d) * 100) / 100);

/** The dispute catalogue in the contract's order (ParkingDisputeType). */
const DISPUTE_TYPES = ['OWNERSHIP', 'OWNED_SPACE_OCCUPIED', 'FEE_PRICING', 'ARREARS_LOCK', 'THEFT_DAMAGE', 'COMMON_SITE_INCOME', 'UNTITLED_SOLD', 'PUBLIC_QUOTA', 'GIFTED_SPACE'];
/** the summed space classes and their columns (无障碍's column is accessibleSpaces: ACCESSIBLE is reserved in MySQL) */
const SUMMED = { total: 'total', surface: 'surface', underground: 'underground', mechanical: 'mechanical', soldOwned: 'soldOwned', developerHeld: 'developerHeld', rented: 'rented', civilDefence: 'civilDefence', common: 'common', publicOpen: 'publicOpen', temporary: 'temporary', evCharging: 'evCharging', chargingPosts: 'chargingPosts', accessible: 'accessibleSpaces' };
const HOUSEHOLDS = 'COALESCE(pp.totalHouseholds, a.houseCount)';
/** 车位信息统计's counters as plain SQL over areas a, their current filing f and profile pp */
const COUNTERS = {
  projects: '1',
  filed: 'CASE WHEN f.id IS NOT NULL THEN 1 ELSE 0 END',
  notFiled: 'CASE WHEN f.id IS NULL THEN 1 ELSE 0 END',
  households: `CASE WHEN f.id IS NOT NULL THEN ${HOUSEHOLDS} ELSE 0 END`,
  ...Object.fromEntries(Object.entries(SUMMED).map(([key, column]) => [key, `COALESCE(f.${column}, 0)`])),
};
/** the rows behind a counter: its condition (a summed class: the areas where it is not 0) */
const CELL_CONDITION = {
  projects: '1 = 1',
  filed: 'f.id IS NOT NULL',
  notFiled: 'f.id IS NULL',
  households: `f.id IS NOT NULL AND ${HOUSEHOLDS} <> 0`,
  ...Object.fromEntries(Object.entries(SUMMED).map(([key, column]) => [key, `f.${column} <> 0`])),
};
const FROM = 'FROM property_areas a LEFT JOIN parking_filings f ON f.currentAreaId = a.id LEFT JOIN property_area_profiles pp ON pp.propertyAreaId = a.id';

// ---- seed ---------------------------------------------------------------------------------------

async function generate({ dataSource }) {
  await dataSource.query('ANALYZE TABLE property_areas, property_area_profiles, parking_filings, parking_dispute_reports, regions');
}

async function counts(dataSource) {
  const one = async (sql) => Number((await dataSource.query(sql))[0].n);
  return {
    propertyAreas: await one('SELECT COUNT(*) AS n FROM property_areas'),
    filings: await one('SELECT COUNT(*) AS n FROM parking_filings'),
    current: await one('SELECT COUNT(*) AS n FROM parking_filings WHERE currentAreaId IS NOT NULL'),
    reports: await one('SELECT COUNT(*) AS n FROM parking_dispute_reports'),
  };
}

async function setup({ dataSource, log }) {
  const big = await busiestDistrict(dataSource);
  const { districtId, streets, communities } = big;
  const lead = await officerOf(dataSource, 'DISTRICT_LEAD', districtId);
  const [{ n: filed }] = await dataSource.query('SELECT COUNT(*) AS n FROM parking_filings WHERE districtId = ? AND currentAreaId IS NOT NULL', [districtId]);
  const types = (
    await dataSource.query('SELECT r.disputeType AS type, COUNT(*) AS n FROM parking_dispute_reports r JOIN parking_filings f ON f.id = r.filingId AND f.currentAreaId IS NOT NULL WHERE r.districtId = ? GROUP BY r.disputeType ORDER BY n DESC', [districtId])
  ).map((r) => r.type);
  log(`  ${big.name} (district ${districtId}): ${int(big.areas)} areas, ${int(filed)} filed, ${types.length} dispute types reported, ${streets.length} streets, ${communities.length} communities; account ${lead}`);
  const [city] = await dataSource.query("SELECT username FROM accounts WHERE role = 'CITY_OFFICER' AND status = 'ACTIVE' ORDER BY id LIMIT 1");
  if (!city) throw new Error('no CITY_OFFICER account in the city seed');
  log(`  city account ${city.username}`);
  return { districtId, account: lead, cityAccount: city.username, streets, communities, types };
}

// ---- raw SQL ------------------------------------------------------------------------------------

/** The child regions of a filter and the column the rows group by. */
async function childrenOf(pool, districtId, input) {
  if (districtId === null) {
    const [children] = await pool.query("SELECT id, name FROM regions WHERE level = 'DISTRICT' ORDER BY sortOrder, id");
    return { level: 'DISTRICT', group: 'a.districtId', where: ['1 = 1'], params: [], children };
  }
  if (input.communityId !== undefined) {
    const [children] = await pool.query('SELECT id, name FROM property_areas WHERE communityId = ? ORDER BY id', [input.communityId]);
    return { level: 'PROPERTY_AREA', group: 'a.id', where: ['a.districtId = ?', 'a.communityId = ?'], params: [districtId, input.communityId], children };
  }
  if (input.streetId !== undefined) {
    const [children] = await pool.query("SELECT id, name FROM regions WHERE level = 'COMMUNITY' AND parentId = ? ORDER BY sortOrder, id", [input.streetId]);
    return { level: 'COMMUNITY', group: 'a.communityId', where: ['a.districtId = ?', 'a.streetId = ?'], params: [districtId, input.streetId], children };
  }
  const [children] = await pool.query("SELECT id, name FROM regions WHERE level = 'STREET' AND parentId = ? ORDER BY sortOrder, id", [districtId]);
  return { level: 'STREET', group: 'a.streetId', where: ['a.districtId = ?'], params: [districtId], children };
}

async function rawStatistics(pool, districtId, input) {
  const { level, group, where, params, children } = await childrenOf(pool, districtId, input);
  const keys = Object.keys(COUNTERS);
  const ids = children.map((c) => Number(c.id));
  const [rows] = ids.length ? await pool.query(`SELECT ${group} AS regionId, ${keys.map((k) => `SUM(${COUNTERS[k]}) AS \`${k}\``).join(', ')} ${FROM} WHERE ${where.join(' AND ')} AND ${group} IN (?) GROUP BY ${group}`, [...params, ids]) : [[]];
  const byRegion = new Map(rows.map((r) => [Number(r.regionId), r]));
  const derive = (c) => ({ filedRate: rate(c.filed, c.projects), ratio: ratio(c.total, c.households) });
  const items = children.map((c) => {
    const r = byRegion.get(Number(c.id));
    const counts = Object.fromEntries(keys.map((k) => [k, Number(r?.[k] ?? 0)]));
    return { regionId: Number(c.id), regionName: c.name, level, ...counts, ...derive(counts) };
  });
  const total = Object.fromEntries(keys.map((k) => [k, items.reduce((sum, item) => sum + item[k], 0)]));
  return { level, total: { ...total, ...derive(total) }, items };
}

async function rawCells(pool, districtId, input) {
  const { group, where, params, children } = await childrenOf(pool, districtId, input);
  const conditions = [...where, CELL_CONDITION[input.counter]];
  const values = [...params];
  if (input.regionId !== undefined) {
    conditions.push(`${group} = ?`);
    values.push(input.regionId);
  } else {
    conditions.push(`${group} IN (?)`);
    values.push(children.map((c) => Number(c.id)));
  }
  const sql = `${FROM} WHERE ${conditions.join(' AND ')}`;
  const [[{ n }]] = await pool.query(`SELECT COUNT(*) AS n ${sql}`, values);
  const [rows] = await pool.query(`SELECT a.id, f.total ${sql} ORDER BY a.id LIMIT 20`, values);
  return { total: Number(n), items: rows.map((r) => ({ propertyAreaId: Number(r.id), total: r.total === null ? null : Number(r.total) })) };
}

const REPORTS_OF = (districtId) => `FROM parking_dispute_reports r JOIN parking_filings f ON f.id = r.filingId AND f.currentAreaId IS NOT NULL JOIN property_areas a ON a.id = r.propertyAreaId WHERE ${districtId === null ? '1 = 1' : 'a.districtId = ?'}`;
const REPORTS = REPORTS_OF(0);

async function rawDisputes(pool, districtId) {
  const at = districtId === null ? [] : [districtId];
  const [rows] = await pool.query(`SELECT r.disputeType AS type, COUNT(DISTINCT r.propertyAreaId) AS projects, SUM(r.caseCount) AS cases ${REPORTS_OF(districtId)} GROUP BY r.disputeType`, at);
  const [[all]] = await pool.query(`SELECT COUNT(DISTINCT r.propertyAreaId) AS projects, COALESCE(SUM(r.caseCount), 0) AS cases ${REPORTS_OF(districtId)}`, at);
  const cases = Number(all.cases);
  const byType = new Map(rows.map((r) => [r.type, r]));
  return {
    items: DISPUTE_TYPES.map((type) => ({ type, projects: Number(byType.get(type)?.projects ?? 0), cases: Number(byType.get(type)?.cases ?? 0), share: rate(Number(byType.get(type)?.cases ?? 0), cases) })),
    total: { projects: Number(all.projects), cases, share: cases ? 100 : 0 },
  };
}

async function rawDisputeAreas(pool, districtId, input) {
  const [[{ n }]] = await pool.query(`SELECT COUNT(DISTINCT r.propertyAreaId) AS n ${REPORTS} AND r.disputeType = ?`, [districtId, input.type]);
  const [rows] = await pool.query(`SELECT DISTINCT r.propertyAreaId AS id ${REPORTS} AND r.disputeType = ? ORDER BY r.propertyAreaId LIMIT 20`, [districtId, input.type]);
  return { total: Number(n), items: rows.map((r) => ({ propertyAreaId: Number(r.id) })) };
}

// ---- scenarios ----------------------------------------------------------------------------------

function scenarios(state) {
  const { districtId } = state;
  const pick = (list, k) => list[k % list.length];
  return [
    {
      name: 'statistics',
      label: `车位信息统计 of district ${districtId} (${state.account}): the district by street, a street, a community`,
      account: state.account,
      shapes: [
        { name: 'district', input: () => ({}) },
        { name: 'street', input: (k) => ({ streetId: pick(state.streets, k) }) },
        { name: 'community', input: (k) => ({ communityId: pick(state.communities, k * 13) }) },
      ],
      api: (input) => `/api/parking/statistics?${queryString(input)}`,
      raw: (pool, input) => rawStatistics(pool, districtId, input),
    },
    {
      name: 'cells',
      label: `the projects behind a number of district ${districtId}: 已填报 / 未填报 / 人防 / 充电 of a street, 已填报 of the 合计 row`,
      account: state.account,
      shapes: [
        { name: 'filed', input: (k) => ({ regionId: pick(state.streets, k), counter: 'filed' }) },
        { name: 'notFiled', input: (k) => ({ regionId: pick(state.streets, k + 1), counter: 'notFiled' }) },
        { name: 'civilDefence', input: (k) => ({ regionId: pick(state.streets, k + 2), counter: 'civilDefence' }) },
        { name: 'evCharging', input: (k) => ({ regionId: pick(state.streets, k + 3), counter: 'evCharging' }) },
        { name: 'total-row', input: () => ({ counter: 'filed' }) },
      ],
      api: (input) => `/api/parking/statistics/cells?${queryString({ ...input, pageSize: 20 })}`,
      raw: (pool, input) => rawCells(pool, districtId, input),
    },
    {
      name: 'disputes',
      label: `住宅小区车位纠纷类型情况 of district ${districtId} and the projects behind a type`,
      account: state.account,
      shapes: [
        { name: 'table', input: () => ({ kind: 'table' }) },
        { name: 'type', input: (k) => ({ kind: 'areas', type: pick(state.types.length ? state.types : DISPUTE_TYPES, k) }) },
      ],
      api: ({ kind, ...input }) => (kind === 'table' ? '/api/parking/statistics/disputes' : `/api/parking/statistics/disputes/areas?${queryString({ ...input, pageSize: 20 })}`),
      raw: (pool, { kind, ...input }) => (kind === 'table' ? rawDisputes(pool, districtId) : rawDisputeAreas(pool, districtId, input)),
    },
    {
      name: 'city',
      label: `city level (${state.cityAccount}): 车位信息统计 by district, 车位纠纷类型情况, the 已填报 / 未填报 projects of district ${districtId}'s row and 已填报 of the 合计 row`,
      account: state.cityAccount,
      shapes: [
        { name: 'statistics', input: () => ({ kind: 'statistics' }) },
        { name: 'disputes', input: () => ({ kind: 'disputes' }) },
        { name: 'filed', input: () => ({ kind: 'cells', regionId: districtId, counter: 'filed' }) },
        { name: 'notFiled', input: () => ({ kind: 'cells', regionId: districtId, counter: 'notFiled' }) },
        { name: 'total-row', input: () => ({ kind: 'cells', counter: 'filed' }) },
      ],
      api: ({ kind, ...input }) =>
        kind === 'statistics' ? '/api/parking/statistics' : kind === 'disputes' ? '/api/parking/statistics/disputes' : `/api/parking/statistics/cells?${queryString({ ...input, pageSize: 20 })}`,
      raw: (pool, { kind, ...input }) => (kind === 'statistics' ? rawStatistics(pool, null, input) : kind === 'disputes' ? rawDisputes(pool, null) : rawCells(pool, null, input)),
    },
  ];
}

if (isMain(import.meta.url)) {
  runAsScript(() =>
    runBenchmark({
      name: 'parking',
      title: 'chapter 13 benchmark (车位信息: 车位信息统计 drill-down, the projects behind its numbers, 车位纠纷类型情况)',
      params: {
        seed: 1,
        city: { propertyAreas: AREAS, companies: Math.round(AREAS * 0.3), projectManagers: AREAS, developers: Math.round(AREAS * 0.15), houses: HOUSES },
        generator: 1,
      },
      generate,
      counts,
      setup,
      scenarios,
      soakScenario: 'statistics',
      targets: { p95Ms: TARGETS.p95Ms, apiOverRawP95: TARGETS.apiOverRaw, perShapeRatio: true },
    }),
  );
}
