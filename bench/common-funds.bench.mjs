// Benchmark of chapter 11 (共有资金, module common-funds) at city scale, on MariaDB, on the bench
// harness (bench/harness; how to run it and what the columns mean: README.md, section Benchmarks).
// Prints numbers; not a test.
//
//   npm run build -w api && node bench/common-funds.bench.mjs     (it runs the built api)
//
// Chapter settings: BENCH_AREAS (default 10000 property areas; companies, project managers and
// developers scale with it) and BENCH_HOUSES (default 1000000). The accounts, ~12 months of their
// transactions and the escalation cases come from the city seed (seed/common-fund-seed.ts).
// The harness's settings (BENCH_SECONDS, BENCH_CLIENTS, BENCH_RESEED, BENCH_SCENARIOS, …) in README.md.
//
// 1. Database szpm_bench_common_funds: the api's city seed, reused while its parameters stay the same.
// 2. Under BENCH_CLIENTS closed-loop clients, the API (its production build as a child process) and
//    the same answer by raw SQL on a mysql2 pool in the bench process, checked equal first: 共有资金账户统计
//    of the district with the most areas (the district by street, a street, a community, a name
//    search), the areas behind its numbers (cells; the 未开 list's keyword search), the accounts list
//    (pages, by bank, a search) and 共享银行统计, as that district's lead; and the city level (the
//    table by district, 共享银行统计, the lists of a district's row and of the 合计 row) as a city officer
//    (district leads hold the city-only module's view grant in the city seed). No bare server. The
//    raw SQL here is written independently of the services' (which use the query builder and the
//    region drill-down kit), so that its answers cross-check the API's.
import { busiestDistrict, isMain, officerOf, runAsScript, runBenchmark } from './harness/index.mjs';

const number = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const AREAS = number('BENCH_AREAS', 10_000);
const HOUSES = number('BENCH_HOUSES', 1_000_000);

const TARGETS = { p95Ms: 100, apiOverRaw: 1.5 };

/** The areas `a` with their profile, open case and per-area account counts: the rows the raw table and its lists count. */
const AREA_FACTS_FROM = `FROM property_areas a
      LEFT JOIN property_area_profiles pp ON pp.propertyAreaId = a.id
      LEFT JOIN common_fund_cases oc ON oc.openAreaId = a.id
      LEFT JOIN (SELECT propertyAreaId,
                        SUM(status = 'NORMAL') AS normalCount,
                        SUM(status = 'NORMAL' AND accountType = 'BASIC') AS basicCount,
                        SUM(status = 'NORMAL' AND accountType = 'CO_MANAGED') AS coManagedCount,
                        SUM(status = 'DISABLED' OR feedAbnormal = 1) AS abnormalCount
                   FROM common_fund_accounts GROUP BY propertyAreaId) acc ON acc.propertyAreaId = a.id`;
const AREA_TYPES = ['RESIDENTIAL', 'MIXED'];
const int = (n) => Number(n).toLocaleString('en-US');

const queryString = (input) =>
  new URLSearchParams(
    Object.entries(input)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  ).toString();

const rate = (n, d) => (n === 0 || d === 0 ? 0 : Math.round((n / d) * 100 * 100) / 100);

// ---- seed ---------------------------------------------------------------------------------------

async function generate({ dataSource }) {
  await dataSource.query('ANALYZE TABLE property_areas, property_area_profiles, common_fund_accounts, common_fund_transactions, common_fund_cases, shared_banks, regions');
}

async function counts(dataSource) {
  const one = async (sql) => Number((await dataSource.query(sql))[0].n);
  return {
    propertyAreas: await one('SELECT COUNT(*) AS n FROM property_areas'),
    accounts: await one('SELECT COUNT(*) AS n FROM common_fund_accounts'),
    transactions: await one('SELECT COUNT(*) AS n FROM common_fund_transactions'),
    cases: await one('SELECT COUNT(*) AS n FROM common_fund_cases'),
  };
}

async function setup({ dataSource, log }) {
  const big = await busiestDistrict(dataSource);
  const { districtId, streets, communities } = big;
  const lead = await officerOf(dataSource, 'DISTRICT_LEAD', districtId);
  const names = (await dataSource.query('SELECT name FROM property_areas WHERE districtId = ? ORDER BY id', [districtId])).map((r) => [...r.name].slice(0, 2).join(''));
  const banks = (await dataSource.query('SELECT bankId, COUNT(*) AS n FROM common_fund_accounts WHERE districtId = ? GROUP BY bankId ORDER BY n DESC, bankId', [districtId])).map((r) => Number(r.bankId));
  const [{ n: accounts }] = await dataSource.query('SELECT COUNT(*) AS n FROM common_fund_accounts WHERE districtId = ?', [districtId]);
  const [city] = await dataSource.query("SELECT username FROM accounts WHERE role = 'CITY_OFFICER' AND status = 'ACTIVE' ORDER BY id LIMIT 1");
  if (!city) throw new Error('no CITY_OFFICER account in the city seed');
  // the first character of managers' names (a surname): what an officer types into the 未开 list's search
  const managerPieces = (
    await dataSource.query('SELECT DISTINCT LEFT(pm.name, 1) AS piece FROM property_areas a JOIN project_managers pm ON pm.id = a.projectManagerId WHERE a.districtId = ? ORDER BY piece LIMIT 20', [districtId])
  ).map((r) => r.piece);
  log(`  ${big.name} (district ${districtId}): ${int(big.areas)} areas, ${int(accounts)} accounts at ${banks.length} banks, ${streets.length} streets, ${communities.length} communities; account ${lead}; city account ${city.username}`);
  return { districtId, account: lead, cityAccount: city.username, streets, communities, pieces: [...new Set(names.filter((_, i) => i % Math.max(1, Math.floor(names.length / 30)) === 0))], managerPieces, banks, accounts: Number(accounts) };
}

// ---- raw SQL ------------------------------------------------------------------------------------

const SHOULD = "(a.otherCityProject = 0 AND (pp.areaType IS NULL OR pp.areaType IN ('RESIDENTIAL', 'MIXED')) AND ((a.companyId IS NOT NULL AND a.selfManaged = 0) OR a.ownersCommitteeId IS NOT NULL))";
const COUNTERS = {
  projects: '1',
  shouldOpen: `CASE WHEN ${SHOULD} THEN 1 ELSE 0 END`,
  opened: `CASE WHEN ${SHOULD} AND COALESCE(acc.normalCount, 0) > 0 THEN 1 ELSE 0 END`,
  unopened: `CASE WHEN ${SHOULD} AND COALESCE(acc.normalCount, 0) = 0 THEN 1 ELSE 0 END`,
  basic: 'COALESCE(acc.basicCount, 0)',
  coManaged: 'COALESCE(acc.coManagedCount, 0)',
  abnormal: 'COALESCE(acc.abnormalCount, 0)',
  rectifyOrdered: "CASE WHEN oc.stage IN ('RECTIFY_ORDERED', 'RECTIFY_EXPIRED', 'PENALISED') THEN 1 ELSE 0 END",
  penalised: "CASE WHEN oc.stage = 'PENALISED' THEN 1 ELSE 0 END",
};

async function rawStatistics(pool, districtId, input) {
  let level;
  let group;
  let children;
  const where = districtId === null ? ['1 = 1'] : ['a.districtId = ?'];
  const params = districtId === null ? [] : [districtId];
  if (districtId === null) {
    level = 'DISTRICT';
    group = 'a.districtId';
    [children] = await pool.query("SELECT id, name FROM regions WHERE level = 'DISTRICT' ORDER BY sortOrder, id");
  } else if (input.communityId !== undefined) {
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
  if (input.search) {
    where.push('INSTR(a.name, ?) > 0');
    params.push(input.search);
  }
  const keys = Object.keys(COUNTERS);
  const ids = children.map((c) => Number(c.id));
  const [rows] = ids.length
    ? await pool.query(
        `SELECT ${group} AS regionId, ${keys.map((k) => `SUM(${COUNTERS[k]}) AS ${k}`).join(', ')}
           ${AREA_FACTS_FROM}
          WHERE ${where.join(' AND ')} AND ${group} IN (?) GROUP BY ${group}`,
        [...params, ids],
      )
    : [[]];
  const byRegion = new Map(rows.map((r) => [Number(r.regionId), r]));
  const items = children.map((c) => {
    const r = byRegion.get(Number(c.id));
    const counts = Object.fromEntries(keys.map((k) => [k, Number(r?.[k] ?? 0)]));
    return { regionId: Number(c.id), regionName: c.name, level, ...counts, openRate: rate(counts.opened, counts.shouldOpen) };
  });
  const total = Object.fromEntries(keys.map((k) => [k, items.reduce((sum, item) => sum + item[k], 0)]));
  return { level, total: { ...total, openRate: rate(total.opened, total.shouldOpen) }, items };
}

async function rawAccounts(pool, districtId, input) {
  const where = ['x.districtId = ?'];
  const params = [districtId];
  if (input.bankId !== undefined) {
    where.push('x.bankId = ?');
    params.push(input.bankId);
  }
  if (input.search) {
    where.push('(INSTR(a.name, ?) > 0 OR INSTR(x.accountNo, ?) > 0 OR INSTR(x.accountName, ?) > 0)');
    params.push(input.search, input.search, input.search);
  }
  const from = `FROM common_fund_accounts x JOIN property_areas a ON a.id = x.propertyAreaId WHERE ${where.join(' AND ')}`;
  const [[{ n }]] = await pool.query(`SELECT COUNT(*) AS n ${from}`, params);
  const page = input.page ?? 1;
  const [rows] = await pool.query(`SELECT x.id, x.accountNo, x.balance ${from} ORDER BY x.id LIMIT 20 OFFSET ?`, [...params, (page - 1) * 20]);
  return { total: Number(n), page, items: rows.map((r) => ({ id: Number(r.id), accountNo: r.accountNo, balance: Number(r.balance) })) };
}

async function rawBanks(pool, districtId) {
  const inDistrict = districtId === null ? '' : ' AND x.districtId = ?';
  const [rows] = await pool.query(
    `SELECT b.id AS bankId, b.name AS bankName, COALESCE(SUM(x.accountType = 'BASIC'), 0) AS basic, COALESCE(SUM(x.accountType = 'CO_MANAGED'), 0) AS coManaged, COUNT(x.id) AS accounts
       FROM shared_banks b LEFT JOIN common_fund_accounts x ON x.bankId = b.id${inDistrict} GROUP BY b.id, b.name`,
    districtId === null ? [] : [districtId],
  );
  const [[{ n: projects }]] = await pool.query(`SELECT COUNT(DISTINCT propertyAreaId) AS n FROM common_fund_accounts x WHERE 1 = 1${inDistrict}`, districtId === null ? [] : [districtId]);
  const total = rows.reduce((n, r) => n + Number(r.accounts), 0);
  return { total: { accounts: total, projects: Number(projects), basic: rows.reduce((n, r) => n + Number(r.basic), 0), coManaged: rows.reduce((n, r) => n + Number(r.coManaged), 0) } };
}

/** the rows behind a counter: its condition (a summed count: the areas where it is not 0) */
const CELL_CONDITION = {
  projects: '1 = 1',
  shouldOpen: SHOULD,
  opened: `${SHOULD} AND COALESCE(acc.normalCount, 0) > 0`,
  unopened: `${SHOULD} AND COALESCE(acc.normalCount, 0) = 0`,
  basic: 'COALESCE(acc.basicCount, 0) <> 0',
  coManaged: 'COALESCE(acc.coManagedCount, 0) <> 0',
  abnormal: 'COALESCE(acc.abnormalCount, 0) <> 0',
  rectifyOrdered: "oc.stage IN ('RECTIFY_ORDERED', 'RECTIFY_EXPIRED', 'PENALISED')",
  penalised: "oc.stage = 'PENALISED'",
};

/** The areas behind one number (districtId null: the city's table by district): total and the first page's ids. */
async function rawCells(pool, districtId, input) {
  const where = [CELL_CONDITION[input.counter]];
  const params = [];
  let group = 'a.districtId';
  if (districtId !== null) {
    where.push('a.districtId = ?');
    params.push(districtId);
    group = input.streetId !== undefined ? 'a.communityId' : 'a.streetId';
    if (input.streetId !== undefined) {
      where.push('a.streetId = ?');
      params.push(input.streetId);
    }
  }
  if (input.regionId !== undefined) {
    where.push(`${group} = ?`);
    params.push(input.regionId);
  } else {
    const [children] =
      districtId === null
        ? await pool.query("SELECT id FROM regions WHERE level = 'DISTRICT'")
        : await pool.query("SELECT id FROM regions WHERE level = ? AND parentId = ?", input.streetId !== undefined ? ['COMMUNITY', input.streetId] : ['STREET', districtId]);
    where.push(`${group} IN (?)`);
    params.push(children.map((c) => Number(c.id)));
  }
  let people = '';
  if (input.keyword) {
    people = ' LEFT JOIN project_managers kpm ON kpm.id = a.projectManagerId LEFT JOIN owners_committees kocm ON kocm.id = a.ownersCommitteeId';
    where.push('(INSTR(a.name, ?) > 0 OR INSTR(kpm.name, ?) > 0 OR INSTR(kocm.chairName, ?) > 0)');
    params.push(input.keyword, input.keyword, input.keyword);
  }
  const from = `${AREA_FACTS_FROM}${people}
     WHERE ${where.join(' AND ')}`;
  const [[{ n }]] = await pool.query(`SELECT COUNT(*) AS n ${from}`, params);
  const [rows] = await pool.query(`SELECT a.id ${from} ORDER BY a.id LIMIT 20`, params);
  return { total: Number(n), items: rows.map((r) => ({ propertyAreaId: Number(r.id) })) };
}

// ---- scenarios ----------------------------------------------------------------------------------

function scenarios(state) {
  const { districtId } = state;
  const pick = (list, k) => list[k % list.length];
  const pages = Math.max(1, Math.min(5, Math.ceil(state.accounts / 20)));
  return [
    {
      name: 'statistics',
      label: `共有资金账户统计 of district ${districtId} (${state.account}): the district by street, a street, a community, a project-name search`,
      account: state.account,
      shapes: [
        { name: 'district', input: () => ({}) },
        { name: 'street', input: (k) => ({ streetId: pick(state.streets, k) }) },
        { name: 'community', input: (k) => ({ communityId: pick(state.communities, k * 13) }) },
        { name: 'search', input: (k) => ({ search: pick(state.pieces, k) }) },
      ],
      api: (input) => `/api/common-funds/statistics?${queryString(input)}`,
      raw: (pool, input) => rawStatistics(pool, districtId, input),
    },
    {
      name: 'accounts',
      label: `共有资金账户 of district ${districtId}: pages, by bank, a search; and 共享银行统计`,
      account: state.account,
      shapes: [
        { name: 'browse', input: (k) => ({ kind: 'accounts', page: 1 + (k % pages) }) },
        { name: 'bank', input: (k) => ({ kind: 'accounts', bankId: pick(state.banks, k) }) },
        { name: 'search', input: (k) => ({ kind: 'accounts', search: pick(state.pieces, k) }) },
        { name: 'banks', input: () => ({ kind: 'banks' }) },
      ],
      api: ({ kind, ...input }) => (kind === 'banks' ? '/api/common-funds/bank-statistics' : `/api/common-funds/accounts?${queryString({ ...input, pageSize: 20 })}`),
      raw: (pool, { kind, ...input }) => (kind === 'banks' ? rawBanks(pool, districtId) : rawAccounts(pool, districtId, input)),
    },
    {
      name: 'cells',
      label: `the areas behind a number of district ${districtId}: 未开 / 已开 / 异常 / 基本 / 共管 / 责令整改 of a street, 未开 of the 合计 row, the 未开 list searched by a manager's name`,
      account: state.account,
      shapes: [
        { name: 'unopened', input: (k) => ({ regionId: pick(state.streets, k), counter: 'unopened' }) },
        { name: 'opened', input: (k) => ({ regionId: pick(state.streets, k + 1), counter: 'opened' }) },
        { name: 'abnormal', input: (k) => ({ regionId: pick(state.streets, k + 2), counter: 'abnormal' }) },
        { name: 'basic', input: (k) => ({ regionId: pick(state.streets, k + 3), counter: 'basic' }) },
        { name: 'coManaged', input: (k) => ({ regionId: pick(state.streets, k + 4), counter: 'coManaged' }) },
        { name: 'rectifyOrdered', input: (k) => ({ regionId: pick(state.streets, k + 5), counter: 'rectifyOrdered' }) },
        { name: 'total-row', input: () => ({ counter: 'unopened' }) },
        { name: 'keyword', input: (k) => ({ counter: 'unopened', keyword: pick(state.managerPieces, k) }) },
      ],
      api: (input) => `/api/common-funds/statistics/cells?${queryString({ ...input, pageSize: 20 })}`,
      raw: (pool, input) => rawCells(pool, districtId, input),
    },
    {
      name: 'city',
      label: `city level (${state.cityAccount}): 共有资金账户统计 by district, 共享银行统计, the 未开 / 已开 areas of district ${districtId}'s row and of the 合计 row`,
      account: state.cityAccount,
      shapes: [
        { name: 'statistics', input: () => ({ kind: 'statistics' }) },
        { name: 'banks', input: () => ({ kind: 'banks' }) },
        { name: 'unopened', input: () => ({ kind: 'cells', regionId: districtId, counter: 'unopened' }) },
        { name: 'opened', input: () => ({ kind: 'cells', regionId: districtId, counter: 'opened' }) },
        { name: 'total-row', input: () => ({ kind: 'cells', counter: 'unopened' }) },
      ],
      api: ({ kind, ...input }) =>
        kind === 'statistics' ? '/api/common-funds/statistics' : kind === 'banks' ? '/api/common-funds/bank-statistics' : `/api/common-funds/statistics/cells?${queryString({ ...input, pageSize: 20 })}`,
      raw: (pool, { kind, ...input }) => (kind === 'statistics' ? rawStatistics(pool, null, input) : kind === 'banks' ? rawBanks(pool, null) : rawCells(pool, null, input)),
    },
  ];
}

if (isMain(import.meta.url)) {
  runAsScript(() =>
    runBenchmark({
      name: 'common_funds',
      title: 'chapter 11 benchmark (共有资金: 账户统计 drill-down and search, accounts list, 共享银行统计)',
      params: {
        seed: 1,
        city: { propertyAreas: AREAS, companies: Math.round(AREAS * 0.3), projectManagers: AREAS, developers: Math.round(AREAS * 0.15), houses: HOUSES },
        generator: 1,
        areaTypes: AREA_TYPES,
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
