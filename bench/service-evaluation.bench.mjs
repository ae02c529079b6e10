// Benchmark of chapter 7 (物业服务评价) at city scale, on MariaDB, on the bench harness
// (bench/harness; how to run it and what the columns mean: README.md, section Benchmarks). Prints
// numbers; not a test.
//
//   npm run build -w api && node bench/service-evaluation.bench.mjs     (it runs the built api)
//
// Chapter settings: BENCH_BAD_RECORDS (default 30000; good records are a tenth of it); the
// harness's settings (BENCH_SECONDS, BENCH_CLIENTS, BENCH_RESEED, BENCH_CPU_PROF, …) in README.md.
//
// 1. Database szpm_bench_evaluation: the city seed's organisation (3,000 companies, 10,000 project
//    managers, 10,000 property areas; houses kept small, they play no part here), then the bad and
//    good records generated over two years. Reused while its seed parameters stay the same.
// 2. Full recompute of every company's and project manager's score (ScoreService.recomputeAll,
//    what POST /api/service-evaluation/scores/recompute runs), three times.
// 3. 不良信息汇总 search (GET /api/service-evaluation/bad-records), a district handler of 福田区
//    (scoped by the server) and the city admin (whole city), each with an officer's search mix:
//    the API, the bare server running the service's SQL, and the same SQL raw.
import { performance } from 'node:perf_hooks';
import { apiHas, insertRows, isMain, loadApi, random, runAsScript, runBenchmark } from './harness/index.mjs';

const BAD_RECORDS = Number(process.env.BENCH_BAD_RECORDS ?? 30_000);
const GOOD_RECORDS = Math.round(BAD_RECORDS / 10);
const SEARCH_MODULE = 'modules/service-evaluation/records/bad-record-search.js';

/**
 * The service's own plain SQL and list item (records/bad-record-search.ts): what BadRecordsService.search
 * runs, so the bare server and the raw path cannot drift from it.
 */
function searchModule() {
  if (!apiHas(SEARCH_MODULE)) throw new Error(`the built api has no ${SEARCH_MODULE}: run npm run build -w api`);
  return loadApi(SEARCH_MODULE);
}

/**
 * The search filter of a request, as the service builds it from its DTO (search trimmed, blank =
 * none). `scopeDistrictId` stands in for a district account's token: the door's condition
 * (DistrictScope plainCondition('r') of a district scope), with no districtId of its own.
 */
function filterOf(query) {
  const int = (name) => (query.get(name) === null ? undefined : Number(query.get(name)));
  const text = (name) => query.get(name) ?? undefined;
  const search = query.get('search')?.trim();
  const scopeDistrictId = int('scopeDistrictId');
  const cursor = text('cursor');
  return {
    scope: scopeDistrictId === undefined ? null : { sql: 'r.districtId = ?', params: [scopeDistrictId] },
    districtId: scopeDistrictId === undefined ? (int('districtId') ?? null) : null,
    subjectType: text('subjectType'),
    subjectId: int('subjectId'),
    search: search === '' ? undefined : search,
    itemId: int('itemId'),
    status: text('status'),
    factDateFrom: text('factDateFrom'),
    factDateTo: text('factDateTo'),
    documentNo: text('documentNo'),
    page: int('page') ?? 1,
    pageSize: int('pageSize') ?? 20,
    after: cursor === undefined ? undefined : searchModule().parseBadRecordCursor(cursor),
  };
}

/** The page's ids, the count, then the page's rows by id: the queries the service runs, in its order. */
async function runSearch(pool, search, filter) {
  const queries = search.badRecordSearchQueries(filter, 'mysql');
  const [idRows] = await pool.query(queries.ids.sql, queries.ids.params);
  const ids = idRows.map((r) => Number(r.id));
  const [[{ n }]] = await pool.query(queries.count.sql, queries.count.params);
  let rows = [];
  if (ids.length) {
    const q = queries.rows(ids);
    const [found] = await pool.query(q.sql, q.params);
    const byId = new Map(found.map((r) => [Number(r.id), r]));
    rows = ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
  }
  return { total: Number(n), rows };
}

/**
 * The bare server's handler (bench/harness/bare-server.mjs imports it): the same SQL on its mysql2
 * pool and the same JSON as GET /api/service-evaluation/bad-records. District names are read once,
 * as the api's DistrictNamesService does; today is the Shanghai day, computed per request as the api does.
 */
export async function bareBadRecordSearch({ pool }) {
  const search = searchModule();
  const { shanghaiDate } = loadApi('common/http/shanghai-time.js');
  const [districts] = await pool.query("SELECT id, name FROM regions WHERE level = 'DISTRICT'");
  const districtNames = new Map(districts.map((d) => [Number(d.id), d.name]));
  return async (url) => {
    const filter = filterOf(url.searchParams);
    const { total, rows } = await runSearch(pool, search, filter);
    const today = shanghaiDate(new Date());
    const items = rows.map((r) => search.badRecordListItem(r, districtNames, today));
    const last = items.at(-1);
    // the service's page: a next-page cursor when the page is full
    return JSON.stringify({ items, total, page: filter.page, pageSize: filter.pageSize, ...(last && items.length === filter.pageSize ? { nextCursor: search.badRecordCursor(last) } : {}) });
  };
}

function addDays(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Bad records over two years (90 % effective, 6 % revoked, 4 % restored; count-once groups linked) and good records. */
async function generateRecords({ dataSource, params }) {
  const { shanghaiDate, addMonthsToDate } = loadApi('common/http/shanghai-time.js');
  const today = shanghaiDate(new Date());
  const rng = random(params.recordSeed);
  const pick = (list) => list[Math.floor(rng() * list.length)];
  const companies = await dataSource.query('SELECT id, name, registeredDistrictId AS districtId FROM property_companies ORDER BY id');
  const managers = await dataSource.query('SELECT id, name, districtId FROM project_managers ORDER BY id');
  const items = await dataSource.query('SELECT id, name, subjectType, countOncePerYear FROM evaluation_bad_record_items ORDER BY id');
  const circumstances = await dataSource.query('SELECT id, itemId, description, level, points, publicityMonths FROM evaluation_bad_record_circumstances ORDER BY id');
  const goodItems = await dataSource.query('SELECT id, name, points FROM evaluation_good_record_items ORDER BY id');
  const itemsFor = (type) => items.filter((i) => i.subjectType === null || i.subjectType === type);
  const firstDay = `${Number(today.slice(0, 4)) - 1}-01-01`;
  const span = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${firstDay}T00:00:00Z`)) / 86_400_000);

  const rows = [];
  /** the latest record per subject + count-once item + year, to link the next one to */
  const lastOfGroup = new Map();
  for (let id = 1; id <= params.badRecords; id++) {
    const isCompany = rng() < 0.4;
    const subject = isCompany ? pick(companies) : pick(managers);
    const subjectType = isCompany ? 'COMPANY' : 'PROJECT_MANAGER';
    const item = pick(itemsFor(subjectType));
    const circumstance = pick(circumstances.filter((c) => c.itemId === item.id));
    const factDate = addDays(firstDay, Math.floor(rng() * (span + 1)));
    const approved = addDays(factDate, 10 + Math.floor(rng() * 40));
    const publicityStart = approved > today ? today : approved;
    const publicityEnd = addDays(addMonthsToDate(publicityStart, circumstance.publicityMonths), -1);
    const roll = rng();
    const status = roll < 0.9 ? 'EFFECTIVE' : roll < 0.96 ? 'REVOKED' : 'RESTORED';
    let linkedRecordIds = [];
    let countOnceGroupId = null;
    if (Number(item.countOncePerYear)) {
      const key = `${subjectType}:${subject.id}:${item.id}:${factDate.slice(0, 4)}`;
      const previous = lastOfGroup.get(key);
      if (previous) {
        linkedRecordIds = [previous.id];
        countOnceGroupId = previous.countOnceGroupId ?? previous.id;
        previous.countOnceGroupId = countOnceGroupId;
      }
      lastOfGroup.set(key, { id, countOnceGroupId });
    }
    rows.push({
      id,
      subjectType,
      subjectId: subject.id,
      subjectName: subject.name,
      districtId: subject.districtId,
      itemId: item.id,
      itemName: item.name,
      countOncePerYear: Number(item.countOncePerYear),
      circumstanceId: circumstance.id,
      circumstanceDescription: circumstance.description,
      level: circumstance.level,
      points: circumstance.points,
      publicityMonths: circumstance.publicityMonths,
      factDate,
      documentNo: `深住建罚〔${factDate.slice(0, 4)}〕${id}号`,
      description: '经现场检查查实，责令限期改正。',
      status,
      published: status === 'EFFECTIVE' && publicityEnd >= today ? 1 : 0,
      publicityStart,
      publicityEnd,
      linkedRecordIds: JSON.stringify(linkedRecordIds),
      countOnceGroupId,
      determinationCaseId: id,
    });
  }
  // a group's first record learns its group id only when a later record links to it
  const grouped = new Set(rows.filter((r) => r.countOnceGroupId !== null).map((r) => r.countOnceGroupId));
  for (const row of rows) if (row.countOnceGroupId === null && grouped.has(row.id)) row.countOnceGroupId = row.id;
  const columns = Object.keys(rows[0]);
  await insertRows(dataSource, 'evaluation_bad_records', columns, rows.map((row) => columns.map((c) => row[c])));

  const goodRows = [];
  for (let id = 1; id <= params.goodRecords; id++) {
    const isCompany = rng() < 0.5;
    const subject = isCompany ? pick(companies) : pick(managers);
    const item = pick(goodItems);
    goodRows.push([isCompany ? 'COMPANY' : 'PROJECT_MANAGER', subject.id, subject.name, subject.districtId, item.id, item.name, item.points, addDays(firstDay, Math.floor(rng() * (span + 1))), `表彰〔${id}〕号`, '表彰', id]);
  }
  await insertRows(dataSource, 'evaluation_good_records', ['subjectType', 'subjectId', 'subjectName', 'districtId', 'itemId', 'itemName', 'points', 'awardDate', 'documentNo', 'description', 'determinationCaseId'], goodRows);
  await dataSource.query('ANALYZE TABLE evaluation_bad_records, evaluation_good_records, property_companies, project_managers');
}

async function counts(dataSource) {
  const [{ n: badRecords }] = await dataSource.query('SELECT COUNT(*) AS n FROM evaluation_bad_records');
  const [{ n: goodRecords }] = await dataSource.query('SELECT COUNT(*) AS n FROM evaluation_good_records');
  const [{ n: companies }] = await dataSource.query('SELECT COUNT(*) AS n FROM property_companies');
  const [{ n: projectManagers }] = await dataSource.query('SELECT COUNT(*) AS n FROM project_managers');
  return { badRecords: Number(badRecords), goodRecords: Number(goodRecords), companies: Number(companies), projectManagers: Number(projectManagers) };
}

/** What the search mix draws from: names of 福田区's managers, pieces of company names, the items. */
async function setup({ dataSource, today, log }) {
  const [futian] = await dataSource.query("SELECT id FROM regions WHERE level = 'DISTRICT' AND name = '福田区'");
  const districtId = Number(futian.id);
  const managers = await dataSource.query('SELECT name FROM project_managers WHERE districtId = ? ORDER BY id LIMIT 40', [districtId]);
  const companies = await dataSource.query('SELECT name FROM property_companies ORDER BY id LIMIT 40');
  const items = await dataSource.query('SELECT id FROM evaluation_bad_record_items ORDER BY id');
  const byDistrict = await dataSource.query('SELECT districtId, COUNT(*) AS n FROM evaluation_bad_records GROUP BY districtId ORDER BY districtId');
  log(`  bad records per district: ${byDistrict.map((r) => `${r.districtId}:${r.n}`).join(' ')}; 福田区 is ${districtId}`);
  log("  note: the api caches each filter's count until a bad record changes; the bare server and raw SQL run the count on every request");
  return {
    districtId,
    today,
    year: today.slice(0, 4),
    namePieces: managers.map((m) => m.name.slice(0, 2)),
    companyPieces: companies.map((c) => c.name.slice(2, 4)),
    itemIds: items.map((i) => Number(i.id)),
  };
}

/** An officer's searches: browse, filter by status and year, by name, by company name, by item and year, the withdrawn. */
function shapes(state, scopeDistrictId) {
  const { year, today, namePieces, companyPieces, itemIds } = state;
  const base = scopeDistrictId === null ? {} : { scopeDistrictId };
  return [
    { name: 'browse', input: (k) => ({ ...base, page: 1 + (k % 3) }) },
    { name: 'status+year', input: () => ({ ...base, status: 'EFFECTIVE', factDateFrom: `${year}-01-01`, factDateTo: today }) },
    { name: 'name', input: (k) => ({ ...base, search: namePieces[k % namePieces.length] }) },
    { name: 'company name', input: (k) => ({ ...base, search: companyPieces[k % companyPieces.length], subjectType: 'COMPANY' }) },
    { name: 'item+year', input: (k) => ({ ...base, itemId: itemIds[k % itemIds.length], factDateFrom: `${Number(year) - 1}-01-01`, factDateTo: `${Number(year) - 1}-12-31` }) },
    { name: 'revoked/restored', input: (k) => ({ ...base, status: k % 2 ? 'REVOKED' : 'RESTORED' }) },
  ];
}

const queryString = (input) => new URLSearchParams(Object.entries(input).map(([k, v]) => [k, String(v)])).toString();
const PATH = '/api/service-evaluation/bad-records';

function scenarios(state) {
  /** raw SQL gives the total, the page and each row's own columns (not the labels the service adds) */
  const raw = async (pool, input) => {
    const filter = filterOf(new URLSearchParams(queryString(input)));
    const { total, rows } = await runSearch(pool, searchModule(), filter);
    return {
      total,
      page: filter.page,
      items: rows.map((r) => ({ id: r.id, subjectType: r.subjectType, subjectName: r.subjectName, districtId: r.districtId, factDate: r.factDate, documentNo: r.documentNo, status: r.status, points: r.points })),
    };
  };
  return [
    {
      name: 'district',
      label: '福田区经办人 futian.handler01 (the server scopes the search to 福田区)',
      account: 'futian.handler01',
      shapes: shapes(state, state.districtId),
      // a district officer's scope comes from the token: the api is sent no district, the bare server its stand-in
      api: ({ scopeDistrictId, ...input }) => `${PATH}?${queryString(input)}`,
      bare: (input) => `${PATH}?${queryString(input)}`,
      raw,
    },
    {
      name: 'city',
      label: '市局管理员 city.admin01 (the whole city)',
      account: 'city.admin01',
      shapes: shapes(state, null),
      api: (input) => `${PATH}?${queryString(input)}`,
      bare: (input) => `${PATH}?${queryString(input)}`,
      raw,
    },
  ];
}

/** Full recompute of every score, three times, in this process (the answerers are not running yet). */
async function recompute({ inProcessApp, dataSource, log, target }) {
  const { ScoreService } = loadApi('modules/service-evaluation/scoring/score.service.js');
  log('');
  log('full recompute of every score (current cycle), in-process');
  const app = await inProcessApp();
  try {
    const scores = app.get(ScoreService);
    const runs = [];
    for (let run = 1; run <= 3; run++) {
      const started = performance.now();
      const result = await scores.recomputeAll();
      const elapsed = performance.now() - started;
      runs.push(elapsed);
      log(`  run ${run}: ${(elapsed / 1000).toFixed(2)} s — ${result.subjects.toLocaleString('en-US')} subjects, ${result.badRecords.toLocaleString('en-US')} bad and ${result.goodRecords.toLocaleString('en-US')} good records of cycle ${result.cycleKey}`);
    }
    const [{ n: scoreRows }] = await dataSource.query('SELECT COUNT(*) AS n FROM evaluation_scores');
    const grades = await dataSource.query('SELECT grade, COUNT(*) AS n FROM evaluation_scores GROUP BY grade ORDER BY grade');
    log(`  ${scoreRows} score rows; grades ${grades.map((g) => `${g.grade}:${g.n}`).join(' ')}`);
    const worst = Math.max(...runs);
    target('full score recompute < 10 s (worst of 3)', `${(worst / 1000).toFixed(2)} s`, worst < 10_000);
  } finally {
    await app.close();
  }
}

/** How MariaDB plans the page-ids query of each shape (after the load, so it does not disturb it). */
async function explain({ dataSource, state, log }) {
  const search = searchModule();
  log('');
  log('EXPLAIN of the page-ids query');
  for (const [scope, districtId] of [
    ['district', state.districtId],
    ['city', null],
  ]) {
    for (const shape of shapes(state, districtId)) {
      const filter = filterOf(new URLSearchParams(queryString(shape.input(0))));
      const { ids } = search.badRecordSearchQueries(filter, 'mysql');
      const plan = await dataSource.query(`EXPLAIN ${ids.sql}`, ids.params);
      log(`  ${scope.padEnd(8)} ${shape.name.padEnd(16)} ${plan.map((e) => `${e.type} ${e.key} rows=${e.rows} ${e.Extra ?? ''}`).join(' | ')}`);
    }
  }
}

if (isMain(import.meta.url)) {
  runAsScript(() =>
    runBenchmark({
      name: 'evaluation',
      title: 'chapter 7 benchmark (物业服务评价: score recompute, 不良信息汇总 search)',
      params: {
        seed: 1,
        city: { propertyAreas: 10_000, companies: 3_000, projectManagers: 10_000, developers: 1_500, houses: 10_000 },
        recordSeed: 7,
        badRecords: BAD_RECORDS,
        goodRecords: GOOD_RECORDS,
        // bump when generateRecords changes what it writes, so that older databases are seeded again
        generator: 1,
      },
      generate: generateRecords,
      counts,
      setup,
      beforeLoad: recompute,
      afterLoad: explain,
      bare: { module: import.meta.url, export: 'bareBadRecordSearch' },
      scenarios,
      soakScenario: 'district',
    }),
  );
}
