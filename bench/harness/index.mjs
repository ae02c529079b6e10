// The benchmark harness every chapter's benchmark runs on. A chapter describes its data (seed
// parameters and a generator), its scenarios (inputs by shape, the api path, the bare path, the raw
// SQL) and a bare-server handler; the harness seeds or reuses the database, runs the three
// answerers in the same rounds under the same closed-loop load, checks they answer the same, and
// prints latency, CPU per request, memory and the targets. See README.md, section Benchmarks.
import http from 'node:http';
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { API_MAIN, ROOT, fromApi, loadApi } from './api-dist.mjs';
import { startApi, startBare } from './children.mjs';
import { logCityTables, openBenchDatabase } from './database.mjs';
import { cores, cpuMs, databaseServerPid, loadAverage, rssMb } from './proc.mjs';
import { newestProfile, summariseProfile } from './profile.mjs';
import { closedLoop, httpRequest, latencySummary } from './stats.mjs';

export { apiHas, fromApi, loadApi } from './api-dist.mjs';
export { httpRequest } from './stats.mjs';
export { streamedDownload } from './download.mjs';
export { busiestDistrict, officerOf } from './districts.mjs';
export { startFakeWechat } from './fake-wechat.mjs';

/** Whether the module at `moduleUrl` is the script node was started with (not imported by the bare server). */
export function isMain(moduleUrl) {
  return process.argv[1] !== undefined && fileURLToPath(moduleUrl) === process.argv[1];
}

/** Deterministic pseudo-random numbers (mulberry32): every seed run generates the same records. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Multi-row INSERTs of `rows` (arrays in `columns` order), `chunk` rows per statement. */
export async function insertRows(dataSource, table, columns, rows, chunk = 1000) {
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    await dataSource.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${part.map(() => tuple).join(', ')}`, part.flat());
  }
}

export const JWT_SECRET = 'benchmark-secret-benchmark-secret-0123456789';

function settings() {
  const number = (name, fallback) => {
    const value = process.env[name] === undefined || process.env[name] === '' ? fallback : Number(process.env[name]);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
    return value;
  };
  return {
    clients: number('BENCH_CLIENTS', 20),
    seconds: number('BENCH_SECONDS', 10),
    rounds: Math.max(1, number('BENCH_ROUNDS', 1)),
    warmupSeconds: number('BENCH_WARMUP_SECONDS', 2),
    checkSample: Math.max(1, number('BENCH_CHECK_SAMPLE', 12)),
    soakMinutes: number('BENCH_SOAK_MINUTES', 0),
    reseed: process.env.BENCH_RESEED === '1',
    cpuProfile: process.env.BENCH_CPU_PROF === '1',
    scenarios: process.env.BENCH_SCENARIOS ? process.env.BENCH_SCENARIOS.split(',').map((s) => s.trim()) : null,
    redisUrl: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
}

const fmtMs = (n) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : '—');
const fmtX = (n) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : '—');
const pct = (share) => `${(share * 100).toFixed(1)} %`;

/** The first place two answers differ, shown with some context of both; null when equal. */
function firstByteDifference(api, bare) {
  if (api === bare) return null;
  let i = 0;
  while (i < api.length && i < bare.length && api[i] === bare[i]) i++;
  const around = (s) => JSON.stringify(s.slice(Math.max(0, i - 80), i + 80));
  return `first difference at character ${i} (API ${api.length} characters, bare ${bare.length}):\n    API:  …${around(api)}…\n    bare: …${around(bare)}…`;
}

/** Where `part` (the raw SQL's answer) differs from `full` (the API's), on the fields `part` has. */
function firstSubsetDifference(full, part, path = '') {
  if (part === null || typeof part !== 'object') {
    return full === part ? null : `${path || '(answer)'}: API ${JSON.stringify(full)}, raw SQL ${JSON.stringify(part)}`;
  }
  if (Array.isArray(part)) {
    if (!Array.isArray(full)) return `${path}: API ${JSON.stringify(full)}, raw SQL a list of ${part.length}`;
    if (full.length !== part.length) return `${path}: API ${full.length} entries, raw SQL ${part.length}`;
    for (let i = 0; i < part.length; i++) {
      const d = firstSubsetDifference(full[i], part[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (full === null || typeof full !== 'object') return `${path || '(answer)'}: API ${JSON.stringify(full)}, raw SQL an object`;
  for (const key of Object.keys(part)) {
    if (!(key in full)) return `${path}.${key}: not in the API's answer`;
    const d = firstSubsetDifference(full[key], part[key], path ? `${path}.${key}` : key);
    if (d) return d;
  }
  return null;
}

function fieldList(part, prefix = '') {
  if (Array.isArray(part)) return part.length ? fieldList(part[0], `${prefix}[]`) : [`${prefix}[]`];
  if (part && typeof part === 'object') return Object.keys(part).flatMap((k) => fieldList(part[k], prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

/**
 * Runs a chapter's benchmark. spec:
 *   name                  database szpm_bench_<name>
 *   title                 first line of the output
 *   params                seed parameters recorded in bench_meta: { seed, city: CitySize, ...chapter sizes }
 *   generate(ctx)         writes the chapter's records after the city seed ({ dataSource, params, log })
 *   counts(dataSource)    record counts recorded in bench_meta and checked on reuse
 *   setup(ctx)            → state the scenarios need (read from the database, so a reused one works)
 *   beforeLoad(ctx), afterLoad(ctx)   chapter sections before the answerers start / after they stop;
 *                         ctx: { dataSource, pool, state, params, today, log, target, inProcessApp }
 *   bare                  { module: file URL, export: name } of (ctx: { pool, loadApi, fromApi }) → async (url: URL) → JSON text;
 *                         optional: without it only the API and raw SQL answer (no bare column, no CPU-vs-bare target)
 *   withApi(ctx)          optional: chapter sections that need the running api child, after the scenarios' load
 *                         (downloads, uploads); ctx as above plus { api: { pid, port, agent }, tokenOf(account) }
 *   scenarios(state)      [{ name, label, account, shapes: [{ name, input(k) }], api(input) → path,
 *                           bare(input) → path, raw(pool, input) → the answer's fields SQL alone gives }]
 *   apiEnv                optional: settings the api child gets on top of the harness's (BENCH_API_ENV still wins)
 *   soakScenario          the scenario the memory soak keeps on the API
 *   targets               { p95Ms, apiOverRawP95, apiOverBareCpu, rssGrowth, perShapeRatio (also API/raw per shape) }
 */
export async function runBenchmark(spec) {
  const s = settings();
  const log = (line = '') => console.log(line);
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? `mysql://root@127.0.0.1:3306/szpm_bench_${spec.name}`;
  const targets = { p95Ms: 100, apiOverRawP95: 1.3, apiOverBareCpu: 2, rssGrowth: 0.1, ...spec.targets };
  const targetLines = [];
  const target = (name, measured, met) => targetLines.push({ name, measured, met });
  const cleanups = [];
  const { shanghaiDate } = loadApi('common/http/shanghai-time.js');
  const today = shanghaiDate(new Date());

  log(`${spec.title} — ${new Date().toISOString()}`);
  log(`machine: ${cores()} cores, load average ${loadAverage().toFixed(2)}; ${s.clients} closed-loop keep-alive clients, ${s.seconds} s per path and scenario, ${s.rounds} round(s)`);

  // the api child's environment: production on the bench database, Redis for its queue
  const dataDir = `/tmp/szpm-bench-${spec.name}-${process.pid}`;
  const apiEnv = {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: s.redisUrl,
    // its own queue keys: never the queues of a running api or test suite on the same Redis
    QUEUE_PREFIX: `szpm_bench_${spec.name}`,
    JWT_SECRET,
    SEED_DEMO: 'false',
    SMS_PROVIDER: 'development',
    ALLOW_DEVELOPMENT_SMS: 'true',
    DATA_DIR: dataDir,
    // the longest the api allows, so that a long soak never runs on an expired token
    ACCESS_TOKEN_TTL: String(24 * 3600),
    // the chapter's own settings (e.g. WeChat pointed at the bench's fake server)
    ...(spec.apiEnv ?? {}),
    // BENCH_API_ENV="ACTOR_CACHE_SECONDS=0,LIST_COUNT_CACHE_SECONDS=0": measure what a setting saves
    ...Object.fromEntries(
      (process.env.BENCH_API_ENV ?? '')
        .split(',')
        .filter(Boolean)
        .map((pair) => pair.split('=').map((part) => part.trim())),
    ),
  };
  if (process.env.BENCH_API_ENV) log(`api settings from BENCH_API_ENV: ${process.env.BENCH_API_ENV}`);
  const { loadConfig } = loadApi('config/app-config.js');
  const { prepareDatabase } = loadApi('database/mysql-admin.js');
  const inProcessEnv = { ...apiEnv, REDIS_URL: undefined };
  const config = await prepareDatabase(loadConfig(inProcessEnv));

  let api;
  let bare;
  let pool;
  let dataSource;
  try {
    log('');
    log(`database ${databaseUrl.replace(/\/\/[^@]*@/, '//…@')}`);
    const started = performance.now();
    const inProcessApp = async () => {
      const { createApiApp } = loadApi('bootstrap.js');
      const app = await createApiApp(config, { logger: false });
      await app.init();
      return app;
    };
    const db = await openBenchDatabase({ url: databaseUrl, config, params: { name: spec.name, ...spec.params }, generate: spec.generate, counts: spec.counts, reseed: s.reseed, log, inProcessApp });
    dataSource = db.dataSource;
    log(
      `  ${db.reused ? `reused (seeded ${db.meta.seededAt})` : `seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`}: ${Object.entries(db.meta.counts)
        .map(([k, v]) => `${k} ${Number(v).toLocaleString('en-US')}`)
        .join(', ')}`,
    );
    if (db.reused && db.meta.cityTables) {
      log(`  the city seed's time per table when it was seeded (${db.meta.seedSeconds} s in all, chapter generator included):`);
      logCityTables(db.meta.cityTables, log);
    }

    const mysql = fromApi('mysql2/promise');
    // the raw path's pool: the settings the api's TypeORM pool uses
    pool = mysql.createPool({ uri: databaseUrl, connectionLimit: s.clients, timezone: 'Z', charset: 'utf8mb4_unicode_ci' });
    cleanups.push(() => pool.end());

    const ctx = { dataSource, pool, params: spec.params, today, log, target, inProcessApp, state: undefined };
    ctx.state = await spec.setup(ctx);
    if (spec.beforeLoad) await spec.beforeLoad(ctx);

    let scenarios = spec.scenarios(ctx.state);
    if (s.scenarios) scenarios = scenarios.filter((sc) => s.scenarios.includes(sc.name));
    if (!scenarios.length) throw new Error(`BENCH_SCENARIOS=${s.scenarios} names none of the scenarios`);

    // ---- the answerers -----------------------------------------------------------------------
    const profileDir = s.cpuProfile ? `/tmp/szpm-bench-prof-${process.pid}` : null;
    log('');
    log(`starting the api (node ${API_MAIN.replace(ROOT, '')}${profileDir ? `, --cpu-prof into ${profileDir}` : ''})${spec.bare ? ' and the bare server' : ''}`);
    api = await startApi({ env: apiEnv, cpuProfileDir: profileDir });
    cleanups.push(() => api.stop());
    if (spec.bare) {
      bare = await startBare({ databaseUrl, handler: spec.bare, connections: s.clients });
      cleanups.push(() => bare.stop());
    }
    const mariadbPid = databaseServerPid();
    log(`  api pid ${api.pid} on :${api.port}, ${bare ? `bare server pid ${bare.pid} on :${bare.port}` : 'no bare server (this chapter compares the API with raw SQL only)'}, bench pid ${process.pid}, MariaDB pid ${mariadbPid ?? 'not found'}`);
    // the answerers of this run: API, bare (when the chapter has a handler), raw SQL
    const order = bare ? ['API', 'bare', 'raw SQL'] : ['API', 'raw SQL'];

    const apiAgent = new http.Agent({ keepAlive: true, maxSockets: s.clients });
    const bareAgent = new http.Agent({ keepAlive: true, maxSockets: s.clients });
    cleanups.push(() => {
      apiAgent.destroy();
      bareAgent.destroy();
    });
    const tokens = new Map();
    const tokenOf = async (account) => {
      if (!tokens.has(account)) {
        const answer = JSON.parse(await httpRequest(apiAgent, api.port, 'POST', '/api/auth/login', { body: { username: account, password: db.meta.initialPassword } }));
        tokens.set(account, answer.accessToken);
      }
      return tokens.get(account);
    };

    const paths = (scenario, token) => {
      const inputOf = (n) => scenario.shapes[n % scenario.shapes.length].input(Math.floor(n / scenario.shapes.length));
      return {
        inputOf,
        shapeOf: (n) => n % scenario.shapes.length,
        API: { pid: api.pid, once: (n) => httpRequest(apiAgent, api.port, 'GET', scenario.api(inputOf(n)), { token }) },
        bare: bare && { pid: bare.pid, once: (n) => httpRequest(bareAgent, bare.port, 'GET', scenario.bare(inputOf(n))) },
        'raw SQL': { pid: process.pid, once: (n) => scenario.raw(pool, inputOf(n)) },
      };
    };

    const profileWindows = [];
    const measure = async (pathName, path, shapeOf) => {
      const node0 = cpuMs(path.pid);
      const db0 = cpuMs(mariadbPid);
      const fromUs = Number(process.hrtime.bigint() / 1000n);
      const run = await closedLoop({ clients: s.clients, seconds: s.seconds, once: path.once, shapeOf });
      if (pathName === 'API') profileWindows.push({ fromUs, toUs: Number(process.hrtime.bigint() / 1000n) });
      return { ...run, nodeCpuMs: cpuMs(path.pid) - node0, dbCpuMs: cpuMs(mariadbPid) - db0, load: loadAverage(), rss: pathName === 'API' ? rssMb(api.pid) : NaN };
    };

    const results = [];
    for (const scenario of scenarios) {
      const token = await tokenOf(scenario.account);
      const p = paths(scenario, token);
      log('');
      log(`scenario ${scenario.name}: ${scenario.label}`);

      // the three must answer the same before any of them is timed
      let bytes = 0;
      let rawFields = [];
      for (let n = 0; n < s.checkSample; n++) {
        const input = p.inputOf(n);
        const shape = scenario.shapes[p.shapeOf(n)].name;
        const apiText = await httpRequest(apiAgent, api.port, 'GET', scenario.api(input), { token });
        const bareText = bare ? await httpRequest(bareAgent, bare.port, 'GET', scenario.bare(input)) : apiText;
        const byteDifference = firstByteDifference(apiText, bareText);
        if (byteDifference) throw new Error(`scenario ${scenario.name}, shape ${shape}, input ${JSON.stringify(input)}: the bare server's JSON differs from the API's, ${byteDifference}`);
        const rawAnswer = await scenario.raw(pool, input);
        const rawDifference = firstSubsetDifference(JSON.parse(apiText), rawAnswer);
        if (rawDifference) throw new Error(`scenario ${scenario.name}, shape ${shape}, input ${JSON.stringify(input)}: the raw SQL's answer differs from the API's at ${rawDifference}`);
        bytes += apiText.length;
        // every field compared, over the shapes (each shape's raw answer may have its own)
        rawFields = [...new Set([...rawFields, ...fieldList(rawAnswer)])];
      }
      log(`  answers identical for ${s.checkSample} inputs (${Math.min(s.checkSample, scenario.shapes.length)} shapes): ${bare ? 'API JSON = bare JSON byte for byte' : 'API JSON'} (${bytes.toLocaleString('en-US')} characters in all); raw SQL equal on ${rawFields.join(', ')}`);

      for (const name of order) await closedLoop({ clients: s.clients, seconds: s.warmupSeconds, once: p[name].once, shapeOf: p.shapeOf });

      const merged = Object.fromEntries(order.map((name) => [name, []]));
      for (let round = 0; round < s.rounds; round++) {
        // each round starts with the next path, so none always runs on the warmest database
        for (let k = 0; k < order.length; k++) {
          const name = order[(k + round) % order.length];
          const m = await measure(name, p[name], p.shapeOf);
          merged[name].push(m);
          log(`  round ${round + 1} ${name.padEnd(7)} ${String(m.latencies.length).padStart(7)} requests, p95 ${fmtMs(latencySummary(m.latencies).p95)}`);
        }
      }
      const byPath = {};
      for (const name of order) {
        const runs = merged[name];
        const latencies = runs.flatMap((r) => r.latencies);
        const shapes = runs.flatMap((r) => r.shapes);
        const seconds = runs.reduce((a, r) => a + r.elapsedSeconds, 0);
        const perShape = scenario.shapes.map((_, i) => latencySummary(latencies.filter((_, j) => shapes[j] === i)));
        byPath[name] = {
          ...latencySummary(latencies),
          perSecond: latencies.length / seconds,
          perShape,
          nodeCpuPerRequest: runs.reduce((a, r) => a + r.nodeCpuMs, 0) / latencies.length,
          dbCpuPerRequest: runs.reduce((a, r) => a + r.dbCpuMs, 0) / latencies.length,
          load: runs[runs.length - 1].load,
          rss: runs[runs.length - 1].rss,
        };
      }
      results.push({ scenario, byPath });
    }

    // ---- memory soak ---------------------------------------------------------------------------
    let soak = null;
    if (s.soakMinutes > 0) {
      const scenario = scenarios.find((sc) => sc.name === spec.soakScenario) ?? scenarios[0];
      const p = paths(scenario, await tokenOf(scenario.account));
      const totalMs = s.soakMinutes * 60_000;
      const referenceAtMs = Math.min(60_000, totalMs / 2);
      log('');
      log(`memory soak: scenario ${scenario.name} on the API for ${s.soakMinutes} min; RSS every 10 s`);
      const samples = [];
      const startedAt = performance.now();
      const timer = setInterval(() => samples.push({ atMs: performance.now() - startedAt, rss: rssMb(api.pid) }), 10_000);
      const run = await closedLoop({ clients: s.clients, seconds: totalMs / 1000, once: p.API.once, shapeOf: p.shapeOf });
      clearInterval(timer);
      samples.push({ atMs: performance.now() - startedAt, rss: rssMb(api.pid) });
      const reference = samples.find((x) => x.atMs >= referenceAtMs) ?? samples[0];
      const end = samples[samples.length - 1];
      soak = { scenario: scenario.name, minutes: s.soakMinutes, requests: run.latencies.length, p95: latencySummary(run.latencies).p95, reference, end, growth: end.rss / reference.rss - 1 };
      log(`  RSS ${samples.map((x) => x.rss.toFixed(0)).join(' ')} MB`);
    }

    // ---- chapter sections on the running api ---------------------------------------------------
    if (spec.withApi) await spec.withApi({ ...ctx, api: { pid: api.pid, port: api.port, agent: apiAgent }, tokenOf });

    // ---- stop the answerers (the api writes its profile as it exits) -------------------------
    if (bare) await bare.stop();
    await api.stop();
    const apiTail = api.tail();
    if (/"level":\s*(50|60)|"level":"(error|fatal)"/.test(apiTail)) log(`\nthe api logged errors; its last lines:\n${apiTail}`);
    let profile = null;
    if (profileDir) {
      const file = newestProfile(profileDir);
      if (!file) log(`\nno .cpuprofile was written into ${profileDir}`);
      else profile = summariseProfile(file, { windows: profileWindows, spawnedAtUs: api.spawnedAtUs });
    }
    if (spec.afterLoad) await spec.afterLoad(ctx);

    // ---- report ------------------------------------------------------------------------------
    log('');
    log(`results (${s.clients} clients; ${s.seconds} s × ${s.rounds} round(s) per path; load average = 1-minute, at the end of the path's last round)`);
    const header = `  ${'scenario'.padEnd(10)} ${'path'.padEnd(8)} ${'requests'.padStart(8)} ${'req/s'.padStart(7)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'p99'.padStart(9)} ${'mean'.padStart(9)} ${'node CPU/req'.padStart(12)} ${'DB CPU/req'.padStart(10)} ${'load'.padStart(5)} ${'API RSS'.padStart(8)}`;
    log(header);
    for (const { scenario, byPath } of results) {
      for (const [name, r] of Object.entries(byPath)) {
        log(
          `  ${scenario.name.padEnd(10)} ${name.padEnd(8)} ${String(r.n).padStart(8)} ${r.perSecond.toFixed(0).padStart(7)} ${fmtMs(r.p50).padStart(9)} ${fmtMs(r.p95).padStart(9)} ${fmtMs(r.p99).padStart(9)} ${fmtMs(r.mean).padStart(9)} ${fmtMs(r.nodeCpuPerRequest).padStart(12)} ${fmtMs(r.dbCpuPerRequest).padStart(10)} ${r.load.toFixed(2).padStart(5)} ${Number.isFinite(r.rss) ? `${r.rss.toFixed(0)} MB`.padStart(8) : ''.padStart(8)}`,
        );
      }
      const { API: a, bare: b, 'raw SQL': raw } = byPath;
      log(`  ${''.padEnd(10)} ratios   API p95 / raw p95 ${fmtX(a.p95 / raw.p95)}${b ? `, API p95 / bare p95 ${fmtX(a.p95 / b.p95)}, API CPU / bare CPU per request ${fmtX(a.nodeCpuPerRequest / b.nodeCpuPerRequest)}` : ''}`);
    }
    log('');
    log('p50 / p95 by shape');
    log(`  ${'scenario'.padEnd(10)} ${'shape'.padEnd(16)} ${order.map((name) => name.padStart(19)).join(' ')}${bare ? '' : `  ${'API p95 / raw p95'.padStart(17)}`}`);
    for (const { scenario, byPath } of results) {
      scenario.shapes.forEach((shape, i) => {
        const cell = (r) => `${r.perShape[i].p50.toFixed(1)} / ${r.perShape[i].p95.toFixed(1)} ms`.padStart(19);
        // without a bare server the per-shape ratio to raw SQL is the comparison this run makes
        const ratio = bare ? '' : `  ${fmtX(byPath.API.perShape[i].p95 / byPath['raw SQL'].perShape[i].p95).padStart(17)}`;
        log(`  ${scenario.name.padEnd(10)} ${shape.name.padEnd(16)} ${order.map((name) => cell(byPath[name])).join(' ')}${ratio}`);
      });
    }

    if (profile) {
      log('');
      log(`CPU profile of the api (${profile.file}; ${profile.windowed ? 'samples of the timed API rounds only' : 'clock not aligned: every sample, start-up included'}): ${profile.busyMs.toFixed(0)} ms busy, ${profile.idleMs.toFixed(0)} ms idle`);
      log('  top functions by self time');
      for (const f of profile.topSelf) log(`    ${fmtMs(f.ms).padStart(10)} ${pct(f.share).padStart(7)}  ${f.key}`);
      log('  self time by owner (node_modules package, the api, Node, GC; native functions count for the script that called them)');
      for (const o of profile.byOwner.slice(0, 25)) log(`    ${fmtMs(o.ms).padStart(10)} ${pct(o.share).padStart(7)}  ${o.owner}`);
      log("  the api's own frames by inclusive time (callees included)");
      for (const f of profile.topApiInclusive) log(`    ${fmtMs(f.ms).padStart(10)} ${pct(f.share).padStart(7)}  ${f.key}`);
    }

    const records = Object.entries(db.meta.counts).map(([k, v]) => `${k} ${Number(v).toLocaleString('en-US')}`).join(', ');
    for (const { scenario, byPath } of results) {
      const { API: a, bare: b, 'raw SQL': raw } = byPath;
      scenario.shapes.forEach((shape, i) => target(`${scenario.name} ${shape.name}: API p95 ≤ ${targets.p95Ms} ms`, fmtMs(a.perShape[i].p95), a.perShape[i].p95 <= targets.p95Ms));
      // targets.perShapeRatio: the ratio to raw SQL also per shape (a chapter whose shapes differ a lot in cost)
      if (targets.perShapeRatio) {
        scenario.shapes.forEach((shape, i) =>
          target(`${scenario.name} ${shape.name}: API p95 ≤ ${targets.apiOverRawP95}× raw SQL p95`, `${fmtX(a.perShape[i].p95 / raw.perShape[i].p95)} (${fmtMs(a.perShape[i].p95)} / ${fmtMs(raw.perShape[i].p95)})`, a.perShape[i].p95 <= targets.apiOverRawP95 * raw.perShape[i].p95),
        );
      }
      target(`${scenario.name} all shapes: API p95 ≤ ${targets.p95Ms} ms`, fmtMs(a.p95), a.p95 <= targets.p95Ms);
      target(`${scenario.name}: API p95 ≤ ${targets.apiOverRawP95}× raw SQL p95`, `${fmtX(a.p95 / raw.p95)} (${fmtMs(a.p95)} / ${fmtMs(raw.p95)})`, a.p95 <= targets.apiOverRawP95 * raw.p95);
      if (b) target(`${scenario.name}: API CPU per request ≤ ${targets.apiOverBareCpu}× bare`, `${fmtX(a.nodeCpuPerRequest / b.nodeCpuPerRequest)} (${fmtMs(a.nodeCpuPerRequest)} / ${fmtMs(b.nodeCpuPerRequest)})`, a.nodeCpuPerRequest <= targets.apiOverBareCpu * b.nodeCpuPerRequest);
    }
    if (soak) {
      target(
        `memory: API RSS after ${soak.minutes} min within ${targets.rssGrowth * 100} % of RSS at ${(soak.reference.atMs / 1000).toFixed(0)} s (${soak.scenario}, ${soak.requests.toLocaleString('en-US')} requests, p95 ${fmtMs(soak.p95)})`,
        `${soak.reference.rss.toFixed(0)} → ${soak.end.rss.toFixed(0)} MB (${soak.growth >= 0 ? '+' : ''}${(soak.growth * 100).toFixed(1)} %)`,
        Math.abs(soak.growth) <= targets.rssGrowth,
      );
    } else {
      target(`memory: API RSS after 10 min within ${targets.rssGrowth * 100} % of RSS after the first minute`, 'BENCH_SOAK_MINUTES=0', null);
    }
    log('');
    log(`targets (at ${records})`);
    const width = Math.max(...targetLines.map((t) => t.name.length));
    for (const t of targetLines) log(`  ${t.name.padEnd(width)}  ${t.measured.padStart(28)}  ${t.met === null ? 'not measured' : t.met ? 'met' : 'NOT met'}`);
    const unmet = targetLines.filter((t) => t.met === false).length;
    log(`  ${targetLines.filter((t) => t.met).length} met, ${unmet} NOT met, ${targetLines.filter((t) => t.met === null).length} not measured`);
  } catch (error) {
    // what the children said last: a crash or a refused request shows there, not in the client's error
    for (const [name, child] of [['api', api], ['bare server', bare]]) if (child) log(`\nlast output of the ${name} (pid ${child.pid}):\n${child.tail() || '(none)'}`);
    throw error;
  } finally {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
    if (dataSource?.isInitialized) await dataSource.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs `main` as a script: exit 0 when done, 1 (with the error) when anything failed. */
export function runAsScript(main) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(`\nBENCHMARK FAILED: ${error?.stack ?? error}`);
      process.exit(1);
    },
  );
}

/** A numeric setting of a bench from the environment (BENCH_AREAS and the like), else its default. */
export const envNumber = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);

/** A count as the printed lines show it: 1,000,000. */
export const formatInt = (n) => Number(n).toLocaleString('en-US');

/** The query string of an API call, without the undefined entries. */
export const queryString = (input) =>
  new URLSearchParams(
    Object.entries(input)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  ).toString();
