// Benchmark of chapter 22 (纠纷化解台账, module disputes) at city scale, on MariaDB, on the bench harness
// (bench/harness; how to run it and what the columns mean: README.md, section Benchmarks).
// Prints numbers; not a test.
//
//   npm run build -w api && node bench/disputes.bench.mjs     (it runs the built api; BENCH_API_DIST for a private copy)
//
// Chapter settings: BENCH_AREAS (default 10000 property areas; the city seed writes 20 dispute cases
// per area over three years, 200,000 at the default, with ≈ 4 workflow actions each) and BENCH_HOUSES
// (default 1000000; the disputes do not depend on it, a smaller number only shortens the seed).
// BENCH_EXPORT_ROWS (default 50000; 0 leaves the export out), BENCH_IMPORT_ROWS (default 10000; 0 leaves
// the import out), BENCH_DUPLICATE_SECONDS (default BENCH_SECONDS).
// The harness's settings (BENCH_SECONDS, BENCH_CLIENTS, BENCH_RESEED, BENCH_SCENARIOS, …) in README.md.
//
// 1. Database szpm_bench_disputes: the api's city seed (seed/dispute-seed.ts writes the cases as the
//    workflow engine leaves them), reused while its parameters stay the same.
// 2. Under BENCH_CLIENTS closed-loop clients, the API and the same answer by raw SQL on a mysql2 pool,
//    checked equal first (total, overdue, the page's ids): each ledger (未办结 / 已办结 / 总台账) of the
//    district with the most areas, as its handler, with each search key: none, 小区名称, 处置方式,
//    处置情况, 化解疏导情况 (text), 问题分类, 街道, 状态, 录入日期 range, 超期. The raw SQL is written
//    here from the columns' meaning (LIKE on the names, not the api's n-gram index), independently of
//    dispute-ledger.ts.
// 3. On the running api: the duplicate check (GET /api/disputes/duplicates: same 小区 and 问题分类,
//    same petitioner phone) under the same load, against its raw SQL; the export of a ledger of
//    BENCH_EXPORT_ROWS cases (the newest cases of the city as a city officer: streamed, or the
//    background job through /api/downloads), time and the api's RSS growth; the import of a
//    BENCH_IMPORT_ROWS-row 已办结 sheet built from the api's template (dry run, then real; the rows it
//    wrote are deleted again so the database stays as seeded). A section whose route the api does not
//    have yet prints "not measured". The api child runs with XLSX_IMPORT_MAX_ROWS raised to
//    BENCH_IMPORT_ROWS (the kit's default of 5,000 rows a sheet would refuse the 10,000-row sheet).
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { busiestDistrict, fromApi, httpRequest, isMain, officerOf, runAsScript, runBenchmark, streamedDownload } from './harness/index.mjs';
import { cpuMs, databaseServerPid, loadAverage, rssMb } from './harness/proc.mjs';
import { closedLoop, latencySummary } from './harness/stats.mjs';

const number = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const AREAS = number('BENCH_AREAS', 10_000);
const HOUSES = number('BENCH_HOUSES', 1_000_000);
const EXPORT_ROWS = Math.max(0, number('BENCH_EXPORT_ROWS', 50_000));
const IMPORT_ROWS = Math.max(0, number('BENCH_IMPORT_ROWS', 10_000));
const CLIENTS = number('BENCH_CLIENTS', 20);
const DUPLICATE_SECONDS = number('BENCH_DUPLICATE_SECONDS', number('BENCH_SECONDS', 10));

const TARGETS = { ledgerP95Ms: 100, apiOverRaw: 1.5, duplicateP95Ms: 50, exportSeconds: 20, exportRssMb: 150, importSeconds: 20 };
const DAY = 86_400_000;
const PAGE_SIZE = 20;

const fmtS = (n) => `${n.toFixed(2)} s`;
const fmtMs = (n) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : '—');
const fmtX = (n) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : '—');
const int = (n) => Number(n).toLocaleString('en-US');
const queryString = (input) =>
  new URLSearchParams(
    Object.entries(input)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  ).toString();
/** YYYY-MM-DD of the Shanghai day of an instant */
const shanghaiDate = (instant) => new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const startOfShanghaiDay = (date) => new Date(`${date}T00:00:00+08:00`);
const nextDay = (date) => new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

// ---- seed ---------------------------------------------------------------------------------------

async function generate({ dataSource, log }) {
  // the city seed wrote the cases (seedCity's dispute step); fresh statistics for the planner
  await dataSource.query('ANALYZE TABLE dispute_cases, workflow_cases, workflow_actions, property_areas, regions, dispute_categories');
  const [row] = await dataSource.query('SELECT COUNT(*) AS n, SUM(closed = 0) AS open, MIN(enteredAt) AS first, MAX(enteredAt) AS last FROM dispute_cases');
  log(`  dispute cases: ${int(row.n)} (${int(row.open)} not closed), entered ${new Date(row.first).toISOString().slice(0, 10)} … ${new Date(row.last).toISOString().slice(0, 10)}`);
}

async function counts(dataSource) {
  const one = async (sql) => Number((await dataSource.query(sql))[0].n);
  return {
    propertyAreas: await one('SELECT COUNT(*) AS n FROM property_areas'),
    disputes: await one('SELECT COUNT(*) AS n FROM dispute_cases'),
    disputeCases: await one("SELECT COUNT(*) AS n FROM workflow_cases WHERE formType = 'DISPUTE_CASE'"),
    workflowActions: await one('SELECT COUNT(*) AS n FROM workflow_actions'),
    importBatches: await one('SELECT COUNT(*) AS n FROM dispute_import_batches'),
  };
}

async function setup({ dataSource, log, today }) {
  const big = await busiestDistrict(dataSource);
  const { districtId, streets } = big;
  const handler = await officerOf(dataSource, 'DISTRICT_HANDLER', districtId);
  const [{ n: cases, open, overdue }] = await dataSource.query('SELECT COUNT(*) AS n, SUM(closed = 0) AS open, SUM(closed = 0 AND deadline < ?) AS overdue FROM dispute_cases WHERE districtId = ?', [today, districtId]);
  const categories = (await dataSource.query('SELECT id FROM dispute_categories WHERE active = 1 ORDER BY sortOrder, id')).map((r) => Number(r.id));
  // 小区名称 fragments as an officer types them: two characters of the district's area names
  const names = (await dataSource.query('SELECT name FROM property_areas WHERE districtId = ? ORDER BY id', [districtId])).map((r) => String(r.name));
  const fragments = [...new Set(names.filter((_, i) => i % 37 === 0).map((name, i) => [...name].slice(i % 2, (i % 2) + 2).join('')))].slice(0, 24);
  // 化解疏导情况 words the seeded notes use (and the officers would search for)
  const notes = ['调解', '释法', '回访', '协议', '诉讼', '整改', '业委会', '人民调解委员会'];
  const months = [];
  for (let m = 1; m <= 34; m += 3) {
    const from = new Date(Date.now() - m * 30 * DAY);
    months.push({ enteredFrom: shanghaiDate(from), enteredTo: shanghaiDate(new Date(from.getTime() + 30 * DAY)) });
  }
  const [city] = await dataSource.query("SELECT username FROM accounts WHERE role = 'CITY_OFFICER' AND status = 'ACTIVE' ORDER BY id LIMIT 1");
  if (!city) throw new Error('no CITY_OFFICER account in the city seed');
  log(`  ${big.name} (district ${districtId}): ${int(cases)} dispute cases, ${int(open)} not closed, ${int(overdue)} overdue, ${streets.length} streets; account ${handler}; city account ${city.username}`);
  return { districtId, districtName: big.name, account: handler, cityAccount: city.username, streets, categories, fragments, notes, months };
}

// ---- raw SQL ------------------------------------------------------------------------------------

const OPEN_STATUSES = ['ENTRY', 'STREET_HANDLING', 'STREET_REVIEW', 'REVIEW'];

/** The ledger's answer from the table alone: total, overdue and the first page's ids, newest entry first. */
async function rawLedger(pool, districtId, ledger, input) {
  const today = shanghaiDate(new Date());
  const where = [];
  const params = [];
  const add = (sql, ...values) => {
    where.push(sql);
    params.push(...values);
  };
  const contains = (text) => `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
  add('d.districtId = ?', districtId);
  if (ledger === 'unfinished') add('d.closed = 0');
  if (ledger === 'finished') add('d.closed = 1');
  if (input.propertyAreaName) add("d.propertyAreaId IN (SELECT a.id FROM property_areas a WHERE a.districtId = ? AND a.name LIKE ? ESCAPE '!')", districtId, contains(input.propertyAreaName));
  if (input.disposal) add('d.disposal = ?', input.disposal);
  if (input.outcome) add('d.outcome = ?', input.outcome);
  if (input.handlingNote) add("d.handlingNote LIKE ? ESCAPE '!'", contains(input.handlingNote));
  if (input.categoryId) add('d.categoryId = ?', input.categoryId);
  if (input.streetId) add('d.streetId = ?', input.streetId);
  if (input.status) add('d.status = ?', input.status);
  if (input.overdue === true) add('d.closed = 0 AND d.deadline < ?', today);
  if (input.enteredFrom) add('d.enteredAt >= ?', startOfShanghaiDay(input.enteredFrom));
  if (input.enteredTo) add('d.enteredAt < ?', startOfShanghaiDay(nextDay(input.enteredTo)));
  const condition = where.join(' AND ');
  const [[[counted]], [rows]] = await Promise.all([
    pool.query(`SELECT COUNT(*) AS total, COALESCE(SUM(d.closed = 0 AND d.deadline < ?), 0) AS overdue FROM dispute_cases d WHERE ${condition}`, [today, ...params]),
    pool.query(`SELECT d.id FROM dispute_cases d WHERE ${condition} ORDER BY d.enteredAt DESC, d.id DESC LIMIT ${PAGE_SIZE}`, params),
  ]);
  return { total: Number(counted.total), overdue: Number(counted.overdue), items: rows.map((r) => ({ id: Number(r.id) })) };
}

/** The duplicate check's answer: the earlier cases of the window with the same area and category, or the same petitioner phone. */
async function rawDuplicates(pool, districtId, input) {
  const since = new Date(Date.now() - 180 * DAY);
  const ids = new Map();
  if (input.propertyAreaId) {
    const [rows] = await pool.query('SELECT id, enteredAt FROM dispute_cases WHERE districtId = ? AND propertyAreaId = ? AND categoryId = ? AND enteredAt >= ? ORDER BY enteredAt DESC LIMIT 20', [districtId, input.propertyAreaId, input.categoryId, since]);
    for (const r of rows) ids.set(Number(r.id), r.enteredAt);
  }
  if (input.petitionerPhone) {
    const [rows] = await pool.query('SELECT id, enteredAt FROM dispute_cases WHERE districtId = ? AND petitionerPhone = ? AND enteredAt >= ? ORDER BY enteredAt DESC LIMIT 20', [districtId, input.petitionerPhone, since]);
    for (const r of rows) ids.set(Number(r.id), r.enteredAt);
  }
  const items = [...ids].sort((a, b) => b[1] - a[1] || b[0] - a[0]).map(([id]) => ({ id }));
  return { duplicate: items.length > 0, items };
}

// ---- scenarios ----------------------------------------------------------------------------------

/** The ledger's search keys, each a shape (k: the request's number within its shape). */
function searchShapes(state, ledger) {
  const pick = (list, k) => list[k % list.length];
  const statuses = ledger === 'finished' ? ['APPROVED'] : ledger === 'unfinished' ? OPEN_STATUSES : [...OPEN_STATUSES, 'APPROVED'];
  return [
    { name: 'none', input: () => ({}) },
    { name: '小区名称', input: (k) => ({ propertyAreaName: pick(state.fragments, k) }) },
    { name: '处置方式', input: (k) => ({ disposal: pick(['RESOLVE', 'DE_ESCALATE'], k) }) },
    { name: '处置情况', input: (k) => ({ outcome: pick(['SETTLED', 'CLOSED_UNSETTLED'], k) }) },
    { name: '化解疏导情况', input: (k) => ({ handlingNote: pick(state.notes, k) }) },
    { name: 'category', input: (k) => ({ categoryId: pick(state.categories, k) }) },
    { name: 'street', input: (k) => ({ streetId: pick(state.streets, k) }) },
    { name: 'status', input: (k) => ({ status: pick(statuses, k) }) },
    { name: 'date range', input: (k) => pick(state.months, k) },
    // the finished ledger has no overdue case: its 超期 search is the empty answer, still a query to answer
    { name: 'overdue', input: () => ({ overdue: true }) },
  ];
}

function scenarios(state) {
  return ['unfinished', 'finished', 'all'].map((ledger) => ({
    name: ledger,
    label: `${{ unfinished: '未办结台账', finished: '已办结台账', all: '总台账' }[ledger]} of ${state.districtName} (${state.account}), page 1 of ${PAGE_SIZE}, newest entry first, by each search key`,
    account: state.account,
    shapes: searchShapes(state, ledger),
    api: (input) => `/api/disputes?${queryString({ ledger, ...input, page: 1, pageSize: PAGE_SIZE })}`,
    raw: (pool, input) => rawLedger(pool, state.districtId, ledger, input),
  }));
}

// ---- on the running api -------------------------------------------------------------------------

/** GET that resolves with { status, text } whatever the status (a route the api lacks is a 404 to report, not a crash). */
function get(port, path, token) {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, headers: { Authorization: `Bearer ${token}` } }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** 您录入的信息与历史数据存在重复: the check an entry form makes while the officer types, under load, against raw SQL. */
async function duplicates({ api, tokenOf, state, pool, log, target }) {
  const token = await tokenOf(state.account);
  const since = new Date(Date.now() - 180 * DAY);
  // (area, category) pairs of the window, with and without an earlier case, and petitioner phones of the window
  const [pairs] = await pool.query('SELECT propertyAreaId, categoryId FROM dispute_cases WHERE districtId = ? AND enteredAt >= ? ORDER BY id LIMIT 400', [state.districtId, since]);
  const [phones] = await pool.query('SELECT petitionerPhone FROM dispute_cases WHERE districtId = ? AND enteredAt >= ? AND petitionerPhone IS NOT NULL ORDER BY id LIMIT 200', [state.districtId, since]);
  const [areas] = await pool.query('SELECT id FROM property_areas WHERE districtId = ? ORDER BY id LIMIT 400', [state.districtId]);
  if (!pairs.length) {
    target(`duplicate check p95 ≤ ${TARGETS.duplicateP95Ms} ms`, 'no case in the window', null);
    return;
  }
  const shapes = [
    { name: 'area+category (a case)', input: (k) => ({ propertyAreaId: Number(pairs[k % pairs.length].propertyAreaId), categoryId: Number(pairs[k % pairs.length].categoryId) }) },
    { name: 'area+category (any)', input: (k) => ({ propertyAreaId: Number(areas[(k * 7) % areas.length].id), categoryId: state.categories[k % state.categories.length] }) },
    { name: 'area+category+phone', input: (k) => ({ propertyAreaId: Number(pairs[(k * 3) % pairs.length].propertyAreaId), categoryId: Number(pairs[(k * 3) % pairs.length].categoryId), petitionerPhone: phones.length ? String(phones[k % phones.length].petitionerPhone) : undefined }) },
  ];
  const inputOf = (n) => shapes[n % shapes.length].input(Math.floor(n / shapes.length));
  const agent = api.agent;
  log('');
  log(`duplicate check (GET /api/disputes/duplicates as ${state.account}): ${shapes.map((s) => s.name).join(', ')}; ${CLIENTS} clients, ${DUPLICATE_SECONDS} s per path`);
  // the same answer first: the flagged cases (ids), newest first, and whether the warning shows
  let checked = 0;
  for (let n = 0; n < 24; n++) {
    const input = inputOf(n);
    const answer = JSON.parse(await httpRequest(agent, api.port, 'GET', `/api/disputes/duplicates?${queryString(input)}`, { token }));
    const raw = await rawDuplicates(pool, state.districtId, input);
    const apiIds = answer.items.map((i) => i.id);
    // the api ranks cases flagged for two reasons first; compare the sets and the warning
    if (answer.duplicate !== raw.duplicate || [...apiIds].sort().join() !== raw.items.map((i) => i.id).sort().join()) {
      throw new Error(`duplicate check differs for ${JSON.stringify(input)}: API ${JSON.stringify({ duplicate: answer.duplicate, ids: apiIds })}, raw SQL ${JSON.stringify(raw)}`);
    }
    checked += raw.items.length;
  }
  log(`  answers equal for 24 inputs (${checked} flagged cases in all): duplicate, the flagged ids`);
  const paths = {
    API: (n) => httpRequest(agent, api.port, 'GET', `/api/disputes/duplicates?${queryString(inputOf(n))}`, { token }),
    'raw SQL': (n) => rawDuplicates(pool, state.districtId, inputOf(n)),
  };
  const results = {};
  const mariadb = databaseServerPid();
  for (const [name, once] of Object.entries(paths)) {
    await closedLoop({ clients: CLIENTS, seconds: 2, once, shapeOf: (n) => n % shapes.length });
    // CPU per request of the answering process (the api child, or this process for raw SQL) and of MariaDB
    const pid = name === 'API' ? api.pid : process.pid;
    const [node0, db0] = [cpuMs(pid), cpuMs(mariadb)];
    const run = await closedLoop({ clients: CLIENTS, seconds: DUPLICATE_SECONDS, once, shapeOf: (n) => n % shapes.length });
    const n = run.latencies.length;
    results[name] = { ...latencySummary(run.latencies), perSecond: n / run.elapsedSeconds, perShape: shapes.map((_, i) => latencySummary(run.latencies.filter((_, j) => run.shapes[j] === i))) };
    log(
      `  ${name.padEnd(7)} ${int(n).padStart(7)} requests, ${results[name].perSecond.toFixed(0)}/s, p50 ${fmtMs(results[name].p50)}, p95 ${fmtMs(results[name].p95)}, p99 ${fmtMs(results[name].p99)}; node CPU/req ${fmtMs((cpuMs(pid) - node0) / n)}, DB CPU/req ${fmtMs((cpuMs(mariadb) - db0) / n)}, load ${loadAverage().toFixed(2)}`,
    );
  }
  shapes.forEach((shape, i) => log(`    ${shape.name.padEnd(22)} API p95 ${fmtMs(results.API.perShape[i].p95).padStart(9)}   raw SQL p95 ${fmtMs(results['raw SQL'].perShape[i].p95).padStart(9)}`));
  target(`duplicate check: API p95 ≤ ${TARGETS.duplicateP95Ms} ms`, fmtMs(results.API.p95), results.API.p95 <= TARGETS.duplicateP95Ms);
  target(`duplicate check: API p95 ≤ ${TARGETS.apiOverRaw}× raw SQL p95`, `${fmtX(results.API.p95 / results['raw SQL'].p95)} (${fmtMs(results.API.p95)} / ${fmtMs(results['raw SQL'].p95)})`, results.API.p95 <= TARGETS.apiOverRaw * results['raw SQL'].p95);
}

/** Data rows of the first worksheet of an xlsx file (read as a stream). */
async function xlsxDataRows(file) {
  const ExcelJS = fromApi('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore' });
  for await (const sheet of reader) {
    let rows = 0;
    for await (const row of sheet) if (row.number > 1 && row.hasValues) rows++;
    return rows;
  }
  return 0;
}

/** The export of a ledger of about EXPORT_ROWS cases: the city's newest cases as a city officer (a ledger is a district's at most ≈ 45,000). */
async function exportLedger({ api, tokenOf, state, pool, log, target }) {
  const token = await tokenOf(state.cityAccount);
  const [[edge]] = await pool.query(`SELECT enteredAt FROM dispute_cases ORDER BY enteredAt DESC, id DESC LIMIT 1 OFFSET ${Math.max(0, EXPORT_ROWS - 1)}`);
  const enteredFrom = edge ? shanghaiDate(new Date(edge.enteredAt)) : undefined;
  const filter = { ledger: 'all', enteredFrom };
  const [[{ n }]] = await pool.query('SELECT COUNT(*) AS n FROM dispute_cases d WHERE d.enteredAt >= ?', [enteredFrom ? startOfShanghaiDay(enteredFrom) : new Date(0)]);
  log('');
  log(`ledger export (GET /api/disputes/export?${queryString(filter)} as ${state.cityAccount}; ${int(n)} cases by raw SQL), api RSS sampled every 100 ms`);
  const dir = mkdtempSync(join(tmpdir(), 'szpm-bench-disputes-'));
  const file = join(dir, 'ledger.xlsx');
  const rssBefore = rssMb(api.pid);
  let peak = rssBefore;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(api.pid))), 100);
  const started = performance.now();
  try {
    // streamed at once (200), or a background job (202 with its download id) for a large ledger
    const first = await streamedDownload({ port: api.port, path: `/api/disputes/export?${queryString(filter)}`, token, pid: api.pid, toFile: file });
    let how = `200 streamed (first byte after ${fmtMs(first.firstByteMs)})`;
    if (first.status === 202) {
      const { downloadId } = JSON.parse(readFileSync(file, 'utf8'));
      let view;
      for (;;) {
        const list = await get(api.port, '/api/downloads', token);
        if (list.status !== 200) throw new Error(`GET /api/downloads → ${list.status} ${list.body.toString('utf8').slice(0, 300)}`);
        view = JSON.parse(list.body.toString('utf8')).find((d) => d.id === downloadId);
        if (!view) throw new Error(`download ${downloadId} is not in GET /api/downloads`);
        if (view.status === 'DONE' || view.status === 'FAILED') break;
        if (performance.now() - started > 300_000) throw new Error(`download ${downloadId} still ${view.status} after 300 s`);
        await new Promise((r) => setTimeout(r, 200));
      }
      if (view.status === 'FAILED') throw new Error(`the background export failed: ${view.error}`);
      const ready = (performance.now() - started) / 1000;
      const d = await streamedDownload({ port: api.port, path: `/api/downloads/${downloadId}/file`, token, pid: api.pid, toFile: file });
      how = `202 → background job ${downloadId} DONE after ${fmtS(ready)}, then GET /api/downloads/${downloadId}/file in ${fmtS(d.seconds)}`;
    } else if (first.status !== 200) {
      throw new Error(`GET /api/disputes/export → ${first.status}`);
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(timer);
    peak = Math.max(peak, rssMb(api.pid));
    const rows = await xlsxDataRows(file);
    log(`  ${how}; ${fmtS(seconds)} in all, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB, ${int(rows)} data rows (raw SQL ${int(n)}); api RSS ${rssBefore.toFixed(0)} → peak ${peak.toFixed(0)} MB`);
    if (rows !== Number(n)) throw new Error(`the export has ${rows} data rows, raw SQL counts ${n}`);
    target(`export ${int(n)} cases ≤ ${TARGETS.exportSeconds} s`, `${fmtS(seconds)} (${(seconds / TARGETS.exportSeconds).toFixed(2)} of target)`, seconds <= TARGETS.exportSeconds);
    target(`export: api RSS growth ≤ ${TARGETS.exportRssMb} MB`, `${(peak - rssBefore).toFixed(0)} MB`, peak - rssBefore <= TARGETS.exportRssMb);
  } finally {
    clearInterval(timer);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What a template column holds for row i (matched on the header's words); null: left empty. */
function cellValue(header, i, ctx) {
  const h = header.replace(/[\s*＊（）()]/g, '');
  const area = ctx.areas[i % ctx.areas.length];
  const entered = new Date(Date.now() - (400 - (i % 300)) * DAY);
  const date = shanghaiDate(entered);
  const replied = shanghaiDate(new Date(entered.getTime() + (3 + (i % 20)) * DAY));
  const rules = [
    [/所属区域|行政区/, () => ctx.districtName],
    [/所属街道|街道/, () => area.streetName],
    [/所属社区|社区/, () => area.communityName],
    [/小区名称|小区|物业项目/, () => area.name],
    [/详细地址|地址/, () => `${area.name}${1 + (i % 20)}栋${100 + (i % 30)}`],
    [/问题分类|分类/, () => ctx.categories[i % ctx.categories.length]],
    [/纠纷简述|简述/, () => `基准导入纠纷${String(i).padStart(5, '0')}：业主反映物业服务问题`],
    [/诉求/, () => '要求物业公司整改'],
    [/涉及人数|人数/, () => 1 + (i % 5)],
    // 被申请方 before 申请方, which it contains
    [/被申请方.*类型|被申请方类别/, () => '物业服务企业'],
    [/被申请方.*(姓名|名称)|^被申请方$/, () => `${area.name}物业服务中心`],
    [/被申请方.*电话/, () => null],
    [/申请方.*类型|申请方类别/, () => '业主'],
    [/申请方.*(姓名|名称)|^申请方$/, () => `业主${i}`],
    [/申请方.*电话/, () => `139${String(10_000_000 + i).slice(-8)}`],
    // 信访信息 is optional: the imported rows have none
    [/信访|集体访/, () => null],
    [/来源/, () => '12345热线'],
    [/紧急程度/, () => '一般'],
    [/办理时限|时限/, () => shanghaiDate(new Date(entered.getTime() + 14 * DAY))],
    [/录入日期|录入时间|受理日期/, () => date],
    [/处置方式/, () => (i % 10 < 7 ? '化解' : '疏导')],
    [/处置情况/, () => (i % 10 < 6 ? '案结事了' : '案结事未了')],
    [/答复日期/, () => replied],
    [/化解疏导情况/, () => '社区组织双方调解，达成一致意见'],
    [/存在问题/, () => null],
    [/办结日期|办结时间/, () => replied],
  ];
  for (const [pattern, value] of rules) if (pattern.test(h)) return value();
  ctx.unknown.add(header);
  return null;
}

async function postSheet(api, token, buffer, dryRun) {
  const form = new FormData();
  form.append('file', new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), 'disputes.xlsx');
  const started = performance.now();
  const rssBefore = rssMb(api.pid);
  let peak = rssBefore;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(api.pid))), 100);
  try {
    const res = await fetch(`http://127.0.0.1:${api.port}/api/disputes/import?dryRun=${dryRun}&mode=all-or-nothing`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
    const text = await res.text();
    const seconds = (performance.now() - started) / 1000;
    if (!res.ok) throw new Error(`import${dryRun ? ' (dry run)' : ''} → ${res.status} ${text.slice(0, 800)}`);
    return { report: JSON.parse(text), seconds, rssBefore, rssPeak: Math.max(peak, rssMb(api.pid)) };
  } finally {
    clearInterval(timer);
  }
}

/** The 已办结台账 import: IMPORT_ROWS rows built from the api's template, dry run then real; then the rows it wrote go again. */
async function importSheet({ api, tokenOf, state, pool, log, target }) {
  const token = await tokenOf(state.account);
  const template = await get(api.port, '/api/disputes/import/template', token);
  log('');
  if (template.status !== 200) throw new Error(`template → ${template.status} ${template.body.toString('utf8').slice(0, 300)}`);
  const ExcelJS = fromApi('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template.body);
  const sheet = workbook.worksheets[0];
  const headers = [];
  sheet.getRow(1).eachCell((cell, col) => headers.push({ col, name: String(cell.value ?? '') }));
  const [areas] = await pool.query(
    `SELECT a.id, a.name, s.name AS streetName, c.name AS communityName FROM property_areas a JOIN regions s ON s.id = a.streetId JOIN regions c ON c.id = a.communityId WHERE a.districtId = ? ORDER BY a.id LIMIT 500`,
    [state.districtId],
  );
  const categories = (await pool.query('SELECT name FROM dispute_categories WHERE active = 1 ORDER BY sortOrder, id'))[0].map((r) => r.name);
  const ctx = { areas, categories, districtName: state.districtName, unknown: new Set() };
  const built = performance.now();
  // example rows of the template are replaced
  for (let r = sheet.rowCount; r >= 2; r--) sheet.spliceRows(r, 1);
  for (let i = 0; i < IMPORT_ROWS; i++) {
    const row = sheet.getRow(i + 2);
    for (const h of headers) {
      const value = cellValue(h.name, i, ctx);
      if (value !== null) row.getCell(h.col).value = value;
    }
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  log(`已办结台账 import (POST /api/disputes/import as ${state.account}): ${int(IMPORT_ROWS)} rows over ${areas.length} areas of ${state.districtName}, built from GET /api/disputes/import/template (${headers.length} columns${ctx.unknown.size ? `; left empty: ${[...ctx.unknown].join('、')}` : ''}) in ${fmtS((performance.now() - built) / 1000)}, ${(buffer.length / 1024).toFixed(0)} KB`);
  const [[{ maxCase }]] = await pool.query('SELECT COALESCE(MAX(id), 0) AS maxCase FROM workflow_cases');
  const [[{ maxBatch }]] = await pool.query('SELECT COALESCE(MAX(id), 0) AS maxBatch FROM dispute_import_batches');
  const [[{ n: before }]] = await pool.query('SELECT COUNT(*) AS n FROM dispute_cases');
  try {
    const dry = await postSheet(api, token, buffer, true);
    const [[{ n: afterDry }]] = await pool.query('SELECT COUNT(*) AS n FROM dispute_cases');
    log(`  dry run: ${fmtS(dry.seconds)}; report total ${dry.report.total}, valid ${dry.report.valid}, imported ${dry.report.imported}, errors ${dry.report.errors.length}${dry.report.errors.length ? ` (first: ${JSON.stringify(dry.report.errors[0])})` : ''}; cases still ${int(afterDry)}; api RSS ${dry.rssBefore.toFixed(0)} → peak ${dry.rssPeak.toFixed(0)} MB`);
    if (dry.report.valid !== IMPORT_ROWS || Number(afterDry) !== Number(before)) throw new Error('the dry run did not accept every row, or wrote something');
    const real = await postSheet(api, token, buffer, false);
    const [[{ n: afterReal }]] = await pool.query('SELECT COUNT(*) AS n FROM dispute_cases');
    log(`  real:    ${fmtS(real.seconds)}; report total ${real.report.total}, imported ${real.report.imported}, errors ${real.report.errors.length}; cases ${int(before)} → ${int(afterReal)} (raw SQL); api RSS ${real.rssBefore.toFixed(0)} → peak ${real.rssPeak.toFixed(0)} MB`);
    if (real.report.imported !== IMPORT_ROWS || Number(afterReal) !== Number(before) + IMPORT_ROWS) throw new Error(`the import wrote ${Number(afterReal) - Number(before)} cases, not ${IMPORT_ROWS}`);
    target(`import ${int(IMPORT_ROWS)}-row 已办结 sheet, dry run ≤ ${TARGETS.importSeconds} s`, `${fmtS(dry.seconds)} (${(dry.seconds / TARGETS.importSeconds).toFixed(2)} of target)`, dry.seconds <= TARGETS.importSeconds);
    target(`import ${int(IMPORT_ROWS)}-row 已办结 sheet, real ≤ ${TARGETS.importSeconds} s`, `${fmtS(real.seconds)} (${(real.seconds / TARGETS.importSeconds).toFixed(2)} of target)`, real.seconds <= TARGETS.importSeconds);
  } finally {
    // the database stays as seeded (bench_meta's counts), so that the next run can reuse it
    const [d] = await pool.query('DELETE FROM dispute_cases WHERE workflowCaseId > ?', [maxCase]);
    await pool.query('DELETE FROM workflow_actions WHERE caseId > ?', [maxCase]);
    await pool.query('DELETE FROM workflow_cases WHERE id > ?', [maxCase]);
    await pool.query('DELETE FROM dispute_import_batches WHERE id > ?', [maxBatch]);
    log(`  removed the ${int(d.affectedRows)} imported cases (and their workflow cases, actions and batch) again`);
  }
}

/**
 * One section on the running api: a route the api does not have (404) is "not measured", any other
 * failure is logged and NOT met, so that the targets of the other sections are still printed.
 */
async function section(ctx, name, run) {
  try {
    await run(ctx);
  } catch (error) {
    const missing = / → 404 /.test(String(error?.message));
    ctx.log(`  ${name}: ${missing ? 'the api has no such route yet' : 'FAILED'}: ${String(error?.message ?? error).slice(0, 600)}`);
    ctx.target(name, missing ? 'route missing' : 'failed (see above)', missing ? null : false);
  }
}

async function withApi(ctx) {
  await section(ctx, `duplicate check p95 ≤ ${TARGETS.duplicateP95Ms} ms`, duplicates);
  if (EXPORT_ROWS > 0) await section(ctx, `export ${int(EXPORT_ROWS)} cases ≤ ${TARGETS.exportSeconds} s, api RSS growth ≤ ${TARGETS.exportRssMb} MB`, exportLedger);
  else ctx.target(`export ≤ ${TARGETS.exportSeconds} s, api RSS growth ≤ ${TARGETS.exportRssMb} MB`, 'BENCH_EXPORT_ROWS=0', null);
  if (IMPORT_ROWS > 0) await section(ctx, `import ${int(IMPORT_ROWS)}-row 已办结 sheet ≤ ${TARGETS.importSeconds} s (dry run and real)`, importSheet);
  else ctx.target(`import of a 10,000-row sheet ≤ ${TARGETS.importSeconds} s (dry run and real)`, 'BENCH_IMPORT_ROWS=0', null);
}

if (isMain(import.meta.url)) {
  runAsScript(() =>
    runBenchmark({
      name: 'disputes',
      title: `chapter 22 benchmark (纠纷化解台账: the three ledgers by each search key, the duplicate check, export, import) at ${int(AREAS)} areas (${int(AREAS * 20)} cases)`,
      params: {
        seed: 1,
        city: { propertyAreas: AREAS, companies: Math.round(AREAS * 0.3), projectManagers: AREAS, developers: Math.round(AREAS * 0.15), houses: HOUSES },
        // bump when generate() or the dispute seed changes what it writes, so that older databases are seeded again
        generator: 1,
      },
      generate,
      counts,
      setup,
      scenarios,
      withApi,
      // the kit's default (5,000 rows a sheet) would refuse the issue's 10,000-row sheet
      apiEnv: { XLSX_IMPORT_MAX_ROWS: String(Math.max(5_000, IMPORT_ROWS)) },
      soakScenario: 'all',
      targets: { p95Ms: TARGETS.ledgerP95Ms, apiOverRawP95: TARGETS.apiOverRaw, perShapeRatio: true },
    }),
  );
}
