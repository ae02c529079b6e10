// Benchmark of chapter 12 (从业人员信息, module practitioners) at city scale, on MariaDB, on the bench
// harness (bench/harness; how to run it and what the columns mean: README.md, section Benchmarks).
// Prints numbers; not a test.
//
//   npm run build -w api && node bench/practitioners.bench.mjs     (it runs the built api)
//
// Chapter settings: BENCH_AREAS (default 10000 property areas; companies, project managers and
// developers scale with it) and BENCH_HOUSES (default 1000000); the practitioners follow the city
// seed's own plan (seed/practitioner-seed.ts, ≈ 400,000 at the default size). BENCH_EXPORT_RUNS
// (default 2) and BENCH_REMIND (default 1; either 0: that section is left out).
// The harness's settings (BENCH_SECONDS, BENCH_CLIENTS, BENCH_RESEED, BENCH_SCENARIOS, …) in README.md.
//
// 1. Database szpm_bench_practitioners: the api's city seed, reused while its parameters stay the same.
// 2. Under BENCH_CLIENTS closed-loop clients, the API and the same answer by raw SQL on a mysql2 pool,
//    checked equal first: 项目从业人员统计 of the district with the most areas (by street, a street by
//    community, a community by project) and one project's people (the drill-down's last step). The
//    raw SQL is written independently of the counters in practitioner-statistics.service.ts (from
//    the base tables: practitioners and their certificates, not the api's per-area counts); and the
//    city's table as a city officer (by district).
// 3. On the running api: the district's on-duty practitioners streamed as xlsx (time, and the api's
//    RSS while it streams), and 提醒更新 to every project manager of the city. The manual makes it a
//    district's button (对在本行政区有在管项目的项目经理发送催办通知; a city account must pick a
//    district), so every district's lead clicks it in turn: the sum of the answer times (each
//    campaign written and its messages enqueued), urged + cooldown-skipped compared with the active
//    manager accounts raw SQL counts; then the WeChat messages the api's queue delivers to the
//    bench's fake WeChat server (apps/api/test/fakes): per second first to last, and duplicates (one
//    manager receiving the same message twice). The roster reminders' cooldown rows of earlier runs
//    are deleted first, so every run sends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { busiestDistrict, fromApi, isMain, officerOf, runAsScript, runBenchmark, startFakeWechat, streamedDownload } from './harness/index.mjs';

const number = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const AREAS = number('BENCH_AREAS', 10_000);
const HOUSES = number('BENCH_HOUSES', 1_000_000);
const EXPORT_RUNS = Math.max(0, number('BENCH_EXPORT_RUNS', 2));
const REMIND = number('BENCH_REMIND', 1) > 0;

const TARGETS = { listP95Ms: 100, apiOverRaw: 1.5, exportSeconds: 20, exportRssMb: 150, remindSeconds: 2, deliveredPerSecond: 1000, duplicates: 0 };
const DELIVERY_TIMEOUT_MS = 300_000;

const fmtS = (n) => `${n.toFixed(2)} s`;
const fmtMs = (n) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : '—');
const int = (n) => Number(n).toLocaleString('en-US');
const queryString = (input) =>
  new URLSearchParams(
    Object.entries(input)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  ).toString();

/** the contract's rate(): n / d × 100, two decimals, 0 when either is 0 */
const rate = (n, d) => (!n || !d ? 0 : Math.round((n / d) * 10000) / 100);
/** today in Shanghai, YYYY-MM-DD */
const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

// the certificates that qualify each position needing one (contract POSITION_REQUIRED_CERTIFICATES), restated
const QUALIFYING = {
  ELECTRICIAN: ['LOW_VOLTAGE_ELECTRICIAN', 'HIGH_VOLTAGE_ELECTRICIAN'],
  FIRE_CONTROL: ['FIRE_FACILITY_OPERATOR'],
  LIFT_SAFETY: ['LIFT_SAFETY_MANAGER', 'SPECIAL_EQUIPMENT_SAFETY'],
};
const NEEDS = Object.keys(QUALIFYING)
  .map((p) => `'${p}'`)
  .join(', ');
const QUALIFIES = Object.entries(QUALIFYING)
  .map(([p, types]) => `(p.position = '${p}' AND c.type IN (${types.map((t) => `'${t}'`).join(', ')}))`)
  .join(' OR ');

// ---- seed ---------------------------------------------------------------------------------------

async function generate({ dataSource }) {
  await dataSource.query('ANALYZE TABLE practitioners, practitioner_certificates, practitioner_rosters, property_areas, regions, accounts');
}

async function counts(dataSource) {
  const one = async (sql) => Number((await dataSource.query(sql))[0].n);
  return {
    propertyAreas: await one('SELECT COUNT(*) AS n FROM property_areas'),
    practitioners: await one('SELECT COUNT(*) AS n FROM practitioners'),
    certificates: await one('SELECT COUNT(*) AS n FROM practitioner_certificates'),
    rosters: await one('SELECT COUNT(*) AS n FROM practitioner_rosters'),
  };
}

async function setup({ dataSource, log }) {
  const big = await busiestDistrict(dataSource);
  const { districtId, streets, communities } = big;
  const account = await officerOf(dataSource, 'DISTRICT_HANDLER', districtId);
  const lead = await officerOf(dataSource, 'DISTRICT_LEAD', districtId);
  const [{ username: cityAccount }] = await dataSource.query(
    "SELECT a.username FROM accounts a JOIN module_grants g ON g.accountId = a.id AND g.module = 'practitioners' AND g.action = 'view' WHERE a.role = 'CITY_OFFICER' AND a.status = 'ACTIVE' ORDER BY a.id LIMIT 1",
  );
  const [project] = await dataSource.query(
    "SELECT propertyAreaId AS id, COUNT(*) AS n FROM practitioners WHERE districtId = ? AND employerKind = 'PROJECT' AND status = 'ON_DUTY' GROUP BY propertyAreaId ORDER BY n DESC, propertyAreaId LIMIT 1",
    [districtId],
  );
  const [{ n: people }] = await dataSource.query("SELECT COUNT(*) AS n FROM practitioners WHERE districtId = ? AND status = 'ON_DUTY'", [districtId]);
  log(`  ${big.name} (district ${districtId}, ${int(big.areas)} areas, ${streets.length} streets, ${communities.length} communities, ${int(people)} on-duty practitioners); statistics as ${account}, 提醒更新 as ${lead}`);
  log(`  one project's people: area ${project.id} (${int(project.n)} on duty); the city's table as ${cityAccount}`);
  // the api's 即将到期 window (PRACTITIONER_CERT_EXPIRING_DAYS, the api's default 90), for the raw SQL
  const withinDays = number('PRACTITIONER_CERT_EXPIRING_DAYS', 90);
  return { withinDays, districtId, districtName: big.name, account, lead, cityAccount, streets, communities, project: { id: Number(project.id), people: Number(project.n) }, people: Number(people) };
}

// ---- raw SQL ------------------------------------------------------------------------------------

/** 项目从业人员统计 for a district account (districtId) or the city (null: by district): the child regions, their project and people counts, the 合计 row. */
async function rawStatistics(pool, districtId, input, withinDays) {
  const today = shanghaiToday();
  const until = new Date(Date.parse(`${today}T00:00:00Z`) + withinDays * 86_400_000).toISOString().slice(0, 10);
  let children;
  let areaGroup;
  let peopleGroup;
  const where = districtId === null ? { sql: '1 = 1', params: [] } : { sql: 'districtId = ?', params: [districtId] };
  if (districtId === null) {
    [children] = await pool.query("SELECT id FROM regions WHERE level = 'DISTRICT' ORDER BY sortOrder, id");
    areaGroup = 'a.districtId';
    peopleGroup = 'p.districtId';
  } else if (input.communityId !== undefined) {
    [children] = await pool.query('SELECT id FROM property_areas WHERE communityId = ? AND districtId = ? ORDER BY id', [input.communityId, districtId]);
    areaGroup = 'a.id';
    peopleGroup = 'p.propertyAreaId';
    where.sql += ' AND communityId = ?';
    where.params.push(input.communityId);
  } else if (input.streetId !== undefined) {
    [children] = await pool.query("SELECT id FROM regions WHERE level = 'COMMUNITY' AND parentId = ? ORDER BY sortOrder, id", [input.streetId]);
    areaGroup = 'a.communityId';
    peopleGroup = 'p.communityId';
    where.sql += ' AND streetId = ?';
    where.params.push(input.streetId);
  } else {
    [children] = await pool.query("SELECT id FROM regions WHERE level = 'STREET' AND parentId = ? ORDER BY sortOrder, id", [districtId]);
    areaGroup = 'a.streetId';
    peopleGroup = 'p.streetId';
  }
  const [areas] = await pool.query(
    `SELECT ${areaGroup} AS g, COUNT(*) AS projects, SUM(r.id IS NOT NULL) AS filed FROM property_areas a LEFT JOIN practitioner_rosters r ON r.propertyAreaId = a.id WHERE ${districtId === null ? '1 = 1' : `a.${where.sql.replace(/ AND /g, ' AND a.')}`} GROUP BY ${areaGroup}`,
    where.params,
  );
  const [people] = await pool.query(
    `SELECT ${peopleGroup} AS g, COUNT(*) AS people, SUM(p.position = 'SECURITY') AS security, SUM(p.position IN (${NEEDS})) AS needCertificate,
            SUM(p.position IN (${NEEDS}) AND EXISTS (SELECT 1 FROM practitioner_certificates c WHERE c.practitionerId = p.id AND c.expiresAt >= ? AND (${QUALIFIES}))) AS certified,
            SUM(EXISTS (SELECT 1 FROM practitioner_certificates c WHERE c.practitionerId = p.id AND c.expiresAt >= ? AND c.expiresAt <= ?)) AS expiringSoon,
            SUM(p.isPartyMember = 1) AS partyMembers
       FROM practitioners p WHERE ${districtId === null ? '1 = 1' : `p.${where.sql.replace(/ AND /g, ' AND p.')}`} AND p.employerKind = 'PROJECT' AND p.status = 'ON_DUTY' GROUP BY ${peopleGroup}`,
    [today, today, until, ...where.params],
  );
  const byArea = new Map(areas.map((r) => [Number(r.g), r]));
  const byPeople = new Map(people.map((r) => [Number(r.g), r]));
  const rowOf = (a, p) => {
    const row = {
      projects: Number(a?.projects ?? 0),
      filed: Number(a?.filed ?? 0),
      notFiled: Number(a?.projects ?? 0) - Number(a?.filed ?? 0),
      people: Number(p?.people ?? 0),
      security: Number(p?.security ?? 0),
      needCertificate: Number(p?.needCertificate ?? 0),
      certified: Number(p?.certified ?? 0),
      expiringSoon: Number(p?.expiringSoon ?? 0),
      partyMembers: Number(p?.partyMembers ?? 0),
    };
    return { ...row, certifiedRate: rate(row.certified, row.needCertificate) };
  };
  const items = children.map((c) => ({ regionId: Number(c.id), ...rowOf(byArea.get(Number(c.id)), byPeople.get(Number(c.id))) }));
  const sum = (key) => items.reduce((n, i) => n + i[key], 0);
  const total = { projects: sum('projects'), filed: sum('filed'), notFiled: sum('notFiled'), people: sum('people'), security: sum('security'), needCertificate: sum('needCertificate'), certified: sum('certified'), expiringSoon: sum('expiringSoon'), partyMembers: sum('partyMembers') };
  return { total: { ...total, certifiedRate: rate(total.certified, total.needCertificate) }, items };
}

/** One project's on-duty people, a page by id. */
async function rawPeople(pool, districtId, areaId, page) {
  const [[{ n }]] = await pool.query("SELECT COUNT(*) AS n FROM practitioners WHERE districtId = ? AND propertyAreaId = ? AND status = 'ON_DUTY'", [districtId, areaId]);
  const [rows] = await pool.query("SELECT id, name, position FROM practitioners WHERE districtId = ? AND propertyAreaId = ? AND status = 'ON_DUTY' ORDER BY id LIMIT 20 OFFSET ?", [districtId, areaId, (page - 1) * 20]);
  return { total: Number(n), items: rows.map((r) => ({ id: Number(r.id), name: r.name, position: r.position })) };
}

// ---- scenarios ----------------------------------------------------------------------------------

function scenarios(state) {
  const pick = (list, k) => list[k % list.length];
  const pages = Math.max(1, Math.ceil(state.project.people / 20));
  return [
    {
      name: 'statistics',
      label: `项目从业人员统计 of district ${state.districtId}: the district (by street), a street (by community), a community (by project)`,
      account: state.account,
      shapes: [
        { name: 'district', input: () => ({}) },
        { name: 'street', input: (k) => ({ streetId: pick(state.streets, k) }) },
        { name: 'community', input: (k) => ({ communityId: pick(state.communities, k * 13) }) },
      ],
      api: (input) => `/api/practitioners/statistics?${queryString(input)}`,
      raw: (pool, input) => rawStatistics(pool, state.districtId, input, state.withinDays),
    },
    {
      name: 'city',
      label: '项目从业人员统计 of the city as a city officer (by district)',
      account: state.cityAccount,
      shapes: [{ name: 'city', input: () => ({}) }],
      api: () => '/api/practitioners/statistics',
      raw: (pool) => rawStatistics(pool, null, {}, state.withinDays),
    },
    {
      name: 'people',
      label: `one project's people (area ${state.project.id}, ${state.project.people} on duty), page by page`,
      account: state.account,
      shapes: [{ name: 'page', input: (k) => ({ page: 1 + (k % pages) }) }],
      api: ({ page }) => `/api/practitioners?propertyAreaId=${state.project.id}&pageSize=20&page=${page}`,
      raw: (pool, { page }) => rawPeople(pool, state.districtId, state.project.id, page),
    },
  ];
}

// ---- on the running api: the district export and 提醒更新 ----------------------------------------

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

async function exportDistrict({ api, tokenOf, state, pool, log, target }) {
  const token = await tokenOf(state.account);
  const [[{ n }]] = await pool.query("SELECT COUNT(*) AS n FROM practitioners WHERE districtId = ? AND status = 'ON_DUTY'", [state.districtId]);
  log('');
  log(`practitioner export of ${state.districtName} (GET /api/practitioners/export as ${state.account}; ${int(n)} on duty by raw SQL), ${EXPORT_RUNS} run(s), api RSS sampled every 100 ms`);
  const dir = mkdtempSync(join(tmpdir(), 'szpm-bench-practitioners-'));
  const runs = [];
  try {
    for (let run = 1; run <= EXPORT_RUNS; run++) {
      const file = join(dir, `practitioners-${run}.xlsx`);
      const d = await streamedDownload({ port: api.port, path: '/api/practitioners/export', token, pid: api.pid, toFile: file });
      const rows = await xlsxDataRows(file);
      if (rows !== Number(n)) throw new Error(`the export has ${rows} data rows, raw SQL counts ${n} on-duty practitioners of district ${state.districtId}`);
      runs.push(d);
      log(`  run ${run}: ${fmtS(d.seconds)} (first byte after ${fmtMs(d.firstByteMs)}), ${(d.bytes / 1024 / 1024).toFixed(1)} MB, ${int(rows)} data rows = raw SQL count; api RSS ${d.rss.before.toFixed(0)} → peak ${d.rss.peak.toFixed(0)} MB (growth ${d.rss.growth.toFixed(0)} MB)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const slowest = Math.max(...runs.map((r) => r.seconds));
  const growth = Math.max(...runs.map((r) => r.rss.growth));
  target(`export ${int(n)} practitioners (${state.districtName}) streamed ≤ ${TARGETS.exportSeconds} s (slowest of ${runs.length})`, `${fmtS(slowest)} (${(slowest / TARGETS.exportSeconds).toFixed(2)} of target)`, slowest <= TARGETS.exportSeconds);
  target(`export: api RSS growth during the download ≤ ${TARGETS.exportRssMb} MB (largest of ${runs.length})`, `${growth.toFixed(0)} MB (${(growth / TARGETS.exportRssMb).toFixed(2)} of target)`, growth <= TARGETS.exportRssMb);
}

/** 提醒更新 city-wide: every district's lead in turn; enqueue time, then delivery to the fake WeChat. */
async function remind({ api, tokenOf, pool, log, target }) {
  const wechat = FAKE_WECHAT.server;
  const [districts] = await pool.query("SELECT id, name FROM regions WHERE level = 'DISTRICT' ORDER BY sortOrder, id");
  const [[{ n: managers }]] = await pool.query(
    `SELECT COUNT(DISTINCT a.districtId, ac.id) AS n FROM property_areas a
       JOIN accounts ac ON ac.unitId = a.projectManagerId AND ac.role = 'PROJECT_MANAGER' AND ac.unitCategory = 'PROJECT_MANAGER' AND ac.status = 'ACTIVE'`,
  );
  const [[{ n: bound }]] = await pool.query(
    `SELECT COUNT(DISTINCT a.districtId, ac.id) AS n FROM property_areas a
       JOIN accounts ac ON ac.unitId = a.projectManagerId AND ac.role = 'PROJECT_MANAGER' AND ac.unitCategory = 'PROJECT_MANAGER' AND ac.status = 'ACTIVE'
      WHERE ac.wechatOpenId IS NOT NULL OR ac.miniOpenId IS NOT NULL`,
  );
  // earlier runs' cooldown claims on this bench database: without this a rerun within the cooldown sends nothing
  const [cleared] = await pool.query("DELETE FROM notification_urges WHERE subjectType = 'practitioner-roster'");
  const [[{ n: areasWithManager }]] = await pool.query('SELECT COUNT(*) AS n FROM property_areas WHERE projectManagerId IS NOT NULL');
  log('');
  log(`提醒更新 city-wide: each of ${districts.length} districts' lead in turn; ${int(areasWithManager)} areas with a project manager, ${int(managers)} (district, manager) pairs with an active account, ${int(bound)} of them bound to WeChat (raw SQL); ${int(cleared.affectedRows)} old cooldown rows cleared`);
  const received0 = wechat.messages.length;
  let enqueueSeconds = 0;
  const totals = { urged: 0, skippedInCooldown: 0, withoutAccount: 0, projects: 0 };
  const campaignIds = [];
  for (const district of districts) {
    const lead = await officerOf({ query: (sql, params) => pool.query(sql, params).then(([rows]) => rows) }, 'DISTRICT_LEAD', district.id);
    const token = await tokenOf(lead);
    const started = performance.now();
    const res = await fetch(`http://127.0.0.1:${api.port}/api/practitioners/remind`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{}' });
    const text = await res.text();
    const seconds = (performance.now() - started) / 1000;
    if (!res.ok) throw new Error(`remind in ${district.name} → ${res.status} ${text.slice(0, 300)}`);
    enqueueSeconds += seconds;
    const result = JSON.parse(text);
    for (const key of Object.keys(totals)) totals[key] += result[key];
    if (result.campaignId) campaignIds.push(result.campaignId);
    log(`  ${district.name} as ${lead}: ${fmtS(seconds)}, urged ${int(result.urged)}, in cooldown ${int(result.skippedInCooldown)}, without account ${int(result.withoutAccount)}, ${int(result.projects)} projects`);
  }
  log(`  all districts: ${fmtS(enqueueSeconds)} answering in all; urged ${int(totals.urged)}, in cooldown ${int(totals.skippedInCooldown)}, without account ${int(totals.withoutAccount)}, ${int(totals.projects)} projects`);
  if (totals.urged + totals.skippedInCooldown !== Number(managers)) throw new Error(`the reminders reached ${totals.urged + totals.skippedInCooldown} managers, raw SQL counts ${managers}`);
  target(`提醒更新 to every project manager of the city (${int(totals.urged)} urged, ${districts.length} districts in turn) enqueued ≤ ${TARGETS.remindSeconds} s`, `${fmtS(enqueueSeconds)} (${(enqueueSeconds / TARGETS.remindSeconds).toFixed(2)} of target)`, enqueueSeconds <= TARGETS.remindSeconds);

  // delivery: until no WeChat delivery row of these campaigns is open
  const ids = campaignIds.length ? campaignIds : [0];
  const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
  let rows;
  for (;;) {
    [[rows]] = await pool.query(
      `SELECT SUM(status IN ('PENDING', 'SENDING')) AS open, SUM(status = 'DELIVERED') AS delivered, COUNT(*) AS total FROM notification_deliveries WHERE channel = 'WECHAT' AND campaignId IN (${ids.map(() => '?').join(', ')})`,
      ids,
    );
    if (Number(rows.open ?? 0) === 0) break;
    if (Date.now() > deadline) throw new Error(`WeChat deliveries still open after ${DELIVERY_TIMEOUT_MS / 1000} s: ${JSON.stringify(rows)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const received = wechat.messages.slice(received0);
  const seen = new Map();
  for (const m of received) {
    const key = `${m.touser} ${JSON.stringify(m.data)}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const duplicates = [...seen.values()].reduce((n, k) => n + k - 1, 0);
  const times = received.map((m) => m.at).sort((a, b) => a - b);
  const spanS = times.length > 1 ? (times.at(-1) - times[0]) / 1000 : 0;
  const perSecond = spanS > 0 ? received.length / spanS : 0;
  log(`  WeChat: ${int(rows.total)} delivery rows, ${int(rows.delivered)} delivered; the fake received ${int(received.length)} messages in ${fmtS(spanS)} first to last (${perSecond.toFixed(0)}/s), ${int(duplicates)} duplicates`);
  if (received.length !== Number(rows.delivered)) throw new Error(`the fake WeChat received ${received.length} messages, ${rows.delivered} deliveries are DELIVERED`);
  target(`提醒更新 city-wide: delivered to the fake WeChat ≥ ${int(TARGETS.deliveredPerSecond)}/s (${int(received.length)} messages, first to last)`, `${perSecond.toFixed(0)}/s (${(perSecond / TARGETS.deliveredPerSecond).toFixed(2)} of target)`, perSecond >= TARGETS.deliveredPerSecond);
  target('提醒更新 city-wide: 0 duplicate WeChat messages', `${int(duplicates)}`, duplicates === TARGETS.duplicates);
}

async function withApi(ctx) {
  if (EXPORT_RUNS > 0) await exportDistrict(ctx);
  else ctx.target(`export of a district's practitioners ≤ ${TARGETS.exportSeconds} s, api RSS growth ≤ ${TARGETS.exportRssMb} MB`, 'BENCH_EXPORT_RUNS=0', null);
  if (REMIND) await remind(ctx);
  else ctx.target(`提醒更新 city-wide enqueued ≤ ${TARGETS.remindSeconds} s, delivered ≥ ${TARGETS.deliveredPerSecond}/s, 0 duplicates`, 'BENCH_REMIND=0', null);
}

/** the fake WeChat server the api child sends to (started before the api so that its settings point there) */
const FAKE_WECHAT = { server: null };

if (isMain(import.meta.url)) {
  runAsScript(async () => {
    const wechat = await startFakeWechat({ concurrency: 100 });
    FAKE_WECHAT.server = wechat.server;
    try {
      await runBenchmark({
      name: 'practitioners',
      title: 'chapter 12 benchmark (从业人员信息: 项目从业人员统计, a project\'s people, district export, 提醒更新)',
      params: {
        seed: 1,
        city: { propertyAreas: AREAS, companies: Math.round(AREAS * 0.3), projectManagers: AREAS, developers: Math.round(AREAS * 0.15), houses: HOUSES },
        generator: 1,
      },
      generate,
      counts,
      setup,
      scenarios,
      withApi,
      soakScenario: 'statistics',
      apiEnv: wechat.apiEnv,
      targets: { p95Ms: TARGETS.listP95Ms, apiOverRawP95: TARGETS.apiOverRaw, perShapeRatio: true },
    });
    } finally {
      await wechat.server.close();
    }
  });
}
