// Benchmark of chapter 7 (物业服务评价) at city scale, on MariaDB. Prints numbers; not a test.
//
//   npm run build -w api && node bench/service-evaluation.bench.mjs     (it runs the built api)
//
// Environment: BENCH_DATABASE_URL (default mysql://root@127.0.0.1:3306/szpm_bench_evaluation; the
// database is dropped and recreated), BENCH_SECONDS (per search scenario, default 15),
// BENCH_CLIENTS (default 20), BENCH_BAD_RECORDS (default 30000).
//
// 1. City-scale organisation by the city seed (3,000 companies, 10,000 project managers, 10,000
//    property areas; houses kept small, they play no part here), then 30,000 bad records and
//    3,000 good records generated in the database, spread over two years.
// 2. Full recompute of every company's and project manager's score (ScoreService.recomputeAll,
//    what POST /api/service-evaluation/scores/recompute runs), three times.
// 3. 不良信息汇总 search: 20 concurrent clients through the HTTP API (keep-alive, real login,
//    guard, validation, JSON), next to the same SQL (count, page ids, rows) run on a mysql2 pool
//    by 20 concurrent clients; p50 / p95 / p99 of each and their ratio. Two scenarios: a district
//    handler (scoped to 福田区 by the server) and the city admin (whole city).
import { createRequire } from 'node:module';
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const DIST = new URL('../apps/api/dist/apps/api/src/', import.meta.url).pathname;
const load = (path) => require(DIST + path);

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/szpm_bench_evaluation';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const BAD_RECORDS = Number(process.env.BENCH_BAD_RECORDS ?? 30_000);
const GOOD_RECORDS = Math.round(BAD_RECORDS / 10);
const MAX_REQUESTS_PER_SCENARIO = 200_000;

const { loadConfig } = load('config/app-config.js');
const { prepareDatabase, recreateMysqlDatabase } = load('database/mysql-admin.js');
const { createApiApp } = load('bootstrap.js');
const { seedCity } = load('seed/city-seed.js');
const { DataSource } = require(require.resolve('typeorm', { paths: [DIST] }));
const mysql = require(require.resolve('mysql2/promise', { paths: [DIST] }));
const { ScoreService } = load('modules/service-evaluation/scoring/score.service.js');
const { shanghaiDate, addMonthsToDate } = load('common/http/shanghai-time.js');

const log = (line = '') => console.log(line);
const ms = (n) => `${n.toFixed(1)} ms`;

/** Deterministic pseudo-random numbers (mulberry32), so every run generates the same records. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function addDays(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(latencies, seconds) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: sorted.reduce((s, x) => s + x, 0) / sorted.length,
    perSecond: sorted.length / seconds,
  };
}

/** `clients` loops, each running `once()` back to back until the time is up; latencies in ms. */
async function closedLoop(clients, seconds, once) {
  const latencies = [];
  const deadline = performance.now() + seconds * 1000;
  let i = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline && latencies.length < MAX_REQUESTS_PER_SCENARIO) {
        const n = i++;
        const t0 = performance.now();
        await once(n);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return summary(latencies, (performance.now() - started) / 1000);
}

function request(agent, port, method, path, token, body) {
  return new Promise((resolve, reject) => {
    const payload = body ? JSON.stringify(body) : undefined;
    const req = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {}) },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode >= 400) reject(new Error(`${method} ${path} → ${res.statusCode} ${text.slice(0, 300)}`));
          else resolve(text ? JSON.parse(text) : null);
        });
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

async function generateRecords(dataSource, today) {
  const rng = random(7);
  const pick = (list) => list[Math.floor(rng() * list.length)];
  const companies = await dataSource.query('SELECT id, name, registeredDistrictId AS districtId FROM property_companies ORDER BY id');
  const managers = await dataSource.query('SELECT id, name, districtId FROM project_managers ORDER BY id');
  const items = await dataSource.query('SELECT id, name, subjectType, countOncePerYear FROM evaluation_bad_record_items');
  const circumstances = await dataSource.query('SELECT id, itemId, description, level, points, publicityMonths FROM evaluation_bad_record_circumstances');
  const goodItems = await dataSource.query('SELECT id, name, points FROM evaluation_good_record_items');
  const itemsFor = (type) => items.filter((i) => i.subjectType === null || i.subjectType === type);
  const firstDay = `${Number(today.slice(0, 4)) - 1}-01-01`;
  const span = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${firstDay}T00:00:00Z`)) / 86_400_000);

  const rows = [];
  /** the latest record per subject + count-once item + year, to link the next one to */
  const lastOfGroup = new Map();
  for (let id = 1; id <= BAD_RECORDS; id++) {
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
  const groupOf = new Map();
  for (const row of rows) if (row.countOnceGroupId !== null) groupOf.set(row.countOnceGroupId, true);
  for (const row of rows) if (row.countOnceGroupId === null && groupOf.has(row.id)) row.countOnceGroupId = row.id;

  const columns = Object.keys(rows[0]);
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await dataSource.query(
      `INSERT INTO evaluation_bad_records (${columns.join(', ')}) VALUES ${chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ')}`,
      chunk.flatMap((row) => columns.map((c) => row[c])),
    );
  }

  const goodRows = [];
  for (let id = 1; id <= GOOD_RECORDS; id++) {
    const isCompany = rng() < 0.5;
    const subject = isCompany ? pick(companies) : pick(managers);
    const item = pick(goodItems);
    goodRows.push([isCompany ? 'COMPANY' : 'PROJECT_MANAGER', subject.id, subject.name, subject.districtId, item.id, item.name, item.points, addDays(firstDay, Math.floor(rng() * (span + 1))), `表彰〔${id}〕号`, '表彰', id]);
  }
  for (let i = 0; i < goodRows.length; i += 1000) {
    const chunk = goodRows.slice(i, i + 1000);
    await dataSource.query(
      `INSERT INTO evaluation_good_records (subjectType, subjectId, subjectName, districtId, itemId, itemName, points, awardDate, documentNo, description, determinationCaseId) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      chunk.flat(),
    );
  }
  return { rows, companies, managers, items };
}

/**
 * The summary search exactly as BadRecordsService runs it on MySQL: the count and the page's ids
 * (both answered from a covering index), then the page's rows by primary key.
 */
function rawSearchSql(filter) {
  const where = [];
  const params = [];
  if (filter.districtId !== undefined) {
    where.push('r.districtId = ?');
    params.push(filter.districtId);
  }
  if (filter.subjectType) {
    where.push('r.subjectType = ?');
    params.push(filter.subjectType);
  }
  if (filter.search) {
    where.push(`r.subjectName LIKE ? ESCAPE '!'`);
    params.push(`%${filter.search.replace(/[!%_]/g, (c) => `!${c}`)}%`);
  }
  if (filter.itemId) {
    where.push('r.itemId = ?');
    params.push(filter.itemId);
  }
  if (filter.status) {
    where.push('r.status = ?');
    params.push(filter.status);
  }
  if (filter.factDateFrom) {
    where.push('r.factDate >= ?');
    params.push(filter.factDateFrom);
  }
  if (filter.factDateTo) {
    where.push('r.factDate <= ?');
    params.push(filter.factDateTo);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // the service hints the name indexes for '%…%' searches (USE INDEX, MySQL only)
  const from = `evaluation_bad_records r${filter.search ? ` USE INDEX (${filter.districtId !== undefined ? 'IDX_bad_records_district_name' : 'IDX_bad_records_name'})` : ''}`;
  const list =
    'r.id, r.subjectType, r.subjectId, r.subjectName, r.districtId, r.itemId, r.itemName, r.circumstanceDescription, r.level, r.points, r.factDate, r.documentNo, r.status, r.published, r.publicityStart, r.publicityEnd, r.createdAt';
  const offset = ((filter.page ?? 1) - 1) * 20;
  return {
    count: { sql: `SELECT COUNT(*) AS n FROM ${from} ${clause}`, params },
    ids: { sql: `SELECT r.id AS id FROM ${from} ${clause} ORDER BY r.factDate DESC, r.id DESC LIMIT 20${offset ? ` OFFSET ${offset}` : ''}`, params },
    rows: (ids) => ({ sql: `SELECT ${list} FROM evaluation_bad_records r WHERE r.id IN (${ids.map(() => '?').join(', ')})`, params: ids }),
  };
}

/** count + ids + rows, as the service does; resolves when all three are back. */
async function rawSearch(pool, filter) {
  const sql = rawSearchSql(filter);
  await pool.query(sql.count.sql, sql.count.params);
  const [idRows] = await pool.query(sql.ids.sql, sql.ids.params);
  const ids = idRows.map((r) => r.id);
  if (ids.length) {
    const rows = sql.rows(ids);
    await pool.query(rows.sql, rows.params);
  }
}

function queryString(filter) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && k !== 'label') q.set(k, String(v));
  return q.toString();
}

async function main() {
  log(`chapter 7 benchmark — ${new Date().toISOString()}`);
  log(`database ${DATABASE_URL.replace(/\/\/[^@]*@/, '//…@')}, ${CLIENTS} clients, ${SECONDS} s per search scenario`);

  await recreateMysqlDatabase(DATABASE_URL);
  const config = await prepareDatabase(
    loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL,
      JWT_SECRET: 'benchmark-secret-benchmark-secret-0123456789',
      SEED_DEMO: 'false',
      SMS_PROVIDER: 'development',
      ALLOW_DEVELOPMENT_SMS: 'true',
      DATA_DIR: `/tmp/szpm-bench-evaluation-${process.pid}`,
    }),
  );
  const app = await createApiApp(config, { logger: false });
  await app.init();
  const dataSource = app.get(DataSource);

  let t0 = performance.now();
  const seeded = await seedCity(dataSource, {
    seed: 1,
    log: () => undefined,
    size: { propertyAreas: 10_000, companies: 3_000, projectManagers: 10_000, developers: 1_500, houses: 10_000 },
  });
  log(`city seed (organisation and accounts): ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const today = shanghaiDate(new Date());
  t0 = performance.now();
  const generated = await generateRecords(dataSource, today);
  const [{ n: badCount }] = await dataSource.query('SELECT COUNT(*) AS n FROM evaluation_bad_records');
  const [{ n: goodCount }] = await dataSource.query('SELECT COUNT(*) AS n FROM evaluation_good_records');
  const byDistrict = await dataSource.query('SELECT districtId, COUNT(*) AS n FROM evaluation_bad_records GROUP BY districtId ORDER BY districtId');
  log(`machine: ${(await import('node:os')).cpus().length} cores, load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  log(`generated ${Number(badCount).toLocaleString('en-US')} bad records and ${Number(goodCount).toLocaleString('en-US')} good records in ${((performance.now() - t0) / 1000).toFixed(1)} s over ${generated.companies.length.toLocaleString('en-US')} companies and ${generated.managers.length.toLocaleString('en-US')} project managers`);
  log(`bad records per district: ${byDistrict.map((r) => `${r.districtId}:${r.n}`).join(' ')}`);
  await dataSource.query('ANALYZE TABLE evaluation_bad_records, evaluation_good_records, property_companies, project_managers');

  // ---- full recompute -------------------------------------------------------------------------
  log('');
  log('full recompute of every score (current cycle)');
  const scores = app.get(ScoreService);
  const recomputes = [];
  for (let run = 1; run <= 3; run++) {
    const started = performance.now();
    const result = await scores.recomputeAll();
    const elapsed = performance.now() - started;
    recomputes.push(elapsed);
    log(`  run ${run}: ${(elapsed / 1000).toFixed(2)} s — ${result.subjects.toLocaleString('en-US')} subjects, ${result.badRecords.toLocaleString('en-US')} bad and ${result.goodRecords.toLocaleString('en-US')} good records of cycle ${result.cycleKey}`);
  }
  const [{ n: scoreRows }] = await dataSource.query('SELECT COUNT(*) AS n FROM evaluation_scores');
  const grades = await dataSource.query('SELECT grade, COUNT(*) AS n FROM evaluation_scores GROUP BY grade ORDER BY grade');
  log(`  ${scoreRows} score rows; grades ${grades.map((g) => `${g.grade}:${g.n}`).join(' ')}`);

  // ---- search --------------------------------------------------------------------------------
  const server = app.getHttpServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const login = async (username) => (await request(agent, port, 'POST', '/api/auth/login', null, { username, password: seeded.initialPassword })).accessToken;
  const futianHandler = await login('futian.handler01');
  const cityAdmin = await login('city.admin01');

  const year = today.slice(0, 4);
  const namePieces = generated.managers.filter((m) => m.districtId === 2).slice(0, 40).map((m) => m.name.slice(0, 2));
  const companyPieces = generated.companies.slice(0, 40).map((c) => c.name.slice(2, 4));
  const itemIds = generated.items.map((i) => i.id);
  /** the mix an officer's searches follow: browse, filter by status and year, search by name, by item */
  const mix = (districtId) => (n) => {
    switch (n % 6) {
      case 0:
        return { districtId, page: 1 + (n % 3) };
      case 1:
        return { districtId, status: 'EFFECTIVE', factDateFrom: `${year}-01-01`, factDateTo: today };
      case 2:
        return { districtId, search: namePieces[n % namePieces.length] };
      case 3:
        return { districtId, search: companyPieces[n % companyPieces.length], subjectType: 'COMPANY' };
      case 4:
        return { districtId, itemId: itemIds[n % itemIds.length], factDateFrom: `${Number(year) - 1}-01-01`, factDateTo: `${Number(year) - 1}-12-31` };
      default:
        return { districtId, status: n % 2 ? 'REVOKED' : 'RESTORED' };
    }
  };

  const pool = mysql.createPool({ uri: DATABASE_URL, connectionLimit: CLIENTS, timezone: 'Z' });
  const scenarios = [
    { label: '福田区经办人 (district-scoped)', token: futianHandler, filters: mix(2), apiDistrict: false },
    { label: '市局管理员 (whole city)', token: cityAdmin, filters: mix(undefined), apiDistrict: true },
  ];
  const results = [];
  for (const scenario of scenarios) {
    // warm up both paths
    for (let n = 0; n < 30; n++) {
      const f = scenario.filters(n);
      const apiFilter = scenario.apiDistrict ? f : { ...f, districtId: undefined };
      await request(agent, port, 'GET', `/api/service-evaluation/bad-records?${queryString(apiFilter)}`, scenario.token);
      await rawSearch(pool, f);
    }
    const api = await closedLoop(CLIENTS, SECONDS, async (n) => {
      const f = scenario.filters(n);
      // a district officer's scope is applied by the server, not sent
      const apiFilter = scenario.apiDistrict ? f : { ...f, districtId: undefined };
      await request(agent, port, 'GET', `/api/service-evaluation/bad-records?${queryString(apiFilter)}`, scenario.token);
    });
    const raw = await closedLoop(CLIENTS, SECONDS, (n) => rawSearch(pool, scenario.filters(n)));
    results.push({ scenario: scenario.label, api, raw });
  }

  const explained = [];
  for (const [label, filter] of [
    ['browse', { districtId: 2 }],
    ['name', { districtId: 2, search: namePieces[0] }],
    ['status+year', { districtId: 2, status: 'EFFECTIVE', factDateFrom: `${year}-01-01`, factDateTo: today }],
    ['city name', { search: namePieces[0] }],
  ]) {
    const sql = rawSearchSql(filter);
    const plan = await dataSource.query(`EXPLAIN ${sql.ids.sql}`, sql.ids.params);
    explained.push(`${label}: ${plan.map((e) => `${e.type} ${e.key} rows=${e.rows} ${e.Extra ?? ''}`).join(' | ')}`);
  }

  log('');
  log(`不良信息汇总 search, ${CLIENTS} concurrent clients, ${SECONDS} s each (one API request = the same count, page-ids and rows queries run raw)`);
  log('  scenario                              path      requests   req/s     p50        p95        p99        mean');
  for (const r of results) {
    for (const [name, s] of [
      ['API', r.api],
      ['raw SQL', r.raw],
    ]) {
      log(`  ${r.scenario.padEnd(36)}  ${name.padEnd(8)}  ${String(s.n).padStart(8)}  ${s.perSecond.toFixed(0).padStart(6)}  ${ms(s.p50).padStart(9)}  ${ms(s.p95).padStart(9)}  ${ms(s.p99).padStart(9)}  ${ms(s.mean).padStart(9)}`);
    }
    log(`  ${''.padEnd(36)}  API / raw: p50 ${(r.api.p50 / r.raw.p50).toFixed(2)}×, p95 ${(r.api.p95 / r.raw.p95).toFixed(2)}×`);
  }
  log('');
  log('EXPLAIN of the page-ids query:');
  for (const line of explained) log(`  ${line}`);

  log('');
  log('summary against the targets');
  const best = Math.min(...recomputes);
  log(`  full recompute: best ${(best / 1000).toFixed(2)} s, worst ${(Math.max(...recomputes) / 1000).toFixed(2)} s  (target < 10 s: ${Math.max(...recomputes) < 10_000 ? 'met' : 'NOT met'})`);
  for (const r of results) {
    log(`  search ${r.scenario}: API p95 ${ms(r.api.p95)} (target < 100 ms: ${r.api.p95 < 100 ? 'met' : 'NOT met'}), ${(r.api.p95 / r.raw.p95).toFixed(2)}× raw SQL p95 (target ≤ 1.5×: ${r.api.p95 <= 1.5 * r.raw.p95 ? 'met' : 'NOT met'})`);
  }

  agent.destroy();
  await pool.end();
  await app.close();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
