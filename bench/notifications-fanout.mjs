// Benchmark of the notification pipeline: fan-out through Bull on Redis to a local fake WeChat
// server, with a separate worker process that is killed mid-run and restarted. Prints numbers.
//
//   npm run build -w api && node bench/notifications-fanout.mjs     (it runs the built api)
//
// Environment: BENCH_DATABASE_URL (default mysql://root@127.0.0.1:3306/szpm_bench_notify; dropped
// and recreated), BENCH_REDIS_URL (default redis://127.0.0.1:6379; keys under a prefix of the run),
// BENCH_RECIPIENTS (default 10000), BENCH_CONCURRENCY (deliveries one worker sends at once,
// default 100), BENCH_KILL (TERM, KILL, both or none; default both).
//
// 1. 10,000 accounts of 福田区: half bound to the mini-program (subscribe messages), half to the
//    official account (template messages). The fake WeChat server runs in this process.
// 2. Throughput: a worker process (`main.js worker`, rate limit off) is running; one campaign to
//    all recipients. "enqueue" is NotificationsService.send(): the campaign, 20,000 delivery rows
//    (inbox + WeChat) in one transaction and 10,000 Bull jobs. Deliveries per second is what the
//    fake WeChat server received, first to last message.
// 3. Kill and restart: a new campaign; when ~30 % has arrived the worker is killed (SIGTERM: the
//    graceful stop an orchestrator sends first; SIGKILL: the process dies mid-send) and a new worker
//    is started. When every delivery row is final: duplicates at the fake server (a user receiving
//    the campaign's message more than once) and lost messages (a recipient who never received it).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DIST, fromApi, loadApi as load } from './harness/api-dist.mjs';
import { startFakeWechat } from './harness/fake-wechat.mjs';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/szpm_bench_notify';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 100);
const KILL = process.env.BENCH_KILL ?? 'both';
const KILLS = KILL === 'both' ? ['TERM', 'KILL'] : KILL === 'none' ? [] : [KILL];
const KILL_AT = 0.3;
const SETTLE_TIMEOUT_MS = 240_000;

const log = (line = '') => console.log(line);
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const { loadConfig } = load('config/app-config.js');
const { prepareDatabase, recreateMysqlDatabase } = load('database/mysql-admin.js');
const { AppModule } = load('app.module.js');
const { NotificationsService } = load('modules/notifications/notifications.service.js');
const { Account } = load('access/entities/account.entity.js');
const { NestFactory } = fromApi('@nestjs/core');
const { DataSource } = fromApi('typeorm');
const Redis = fromApi('ioredis').default ?? fromApi('ioredis');

// the tests' fake WeChat server, sending without a rate limit
const { server: wechat, apiEnv: wechatEnv } = await startFakeWechat({ concurrency: CONCURRENCY });
const prefix = `szpm-bench-${process.pid}`;
const env = {
  ...process.env,
  NODE_ENV: 'production',
  DATABASE_URL,
  REDIS_URL,
  QUEUE_PREFIX: prefix,
  JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
  SMS_PROVIDER: 'development',
  ALLOW_DEVELOPMENT_SMS: 'true',
  ...wechatEnv,
  NOTIFY_RETRY_BASE_MS: '1000',
  NOTIFY_RETRY_MAX_MS: '10000',
  NOTIFY_MAX_ATTEMPTS: '8',
};

log(`notifications fan-out benchmark: ${RECIPIENTS} recipients, MariaDB ${DATABASE_URL.replace(/\/\/[^@]*@/, '//')}, Redis ${REDIS_URL}, worker concurrency ${CONCURRENCY}`);
await recreateMysqlDatabase(DATABASE_URL);
const config = await prepareDatabase(loadConfig({ ...env, QUEUE_PROCESSORS: 'off' }));
// the producer: an api-like process that does not work the queues
const producer = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
const dataSource = producer.get(DataSource);
const notifications = producer.get(NotificationsService);

// --- recipients ---------------------------------------------------------------------------------
const started = performance.now();
const rows = Array.from({ length: RECIPIENTS }, (_, i) => ({
  username: `bench.${i}`,
  passwordHash: 'not-a-login-account',
  name: `收件人${i}`,
  phone: `147${String(i).padStart(8, '0')}`,
  role: 'PROJECT_MANAGER',
  districtId: null,
  status: 'ACTIVE',
  miniOpenId: i % 2 === 0 ? `oMP-bench-${i}` : null,
  wechatOpenId: i % 2 === 1 ? `oOA-bench-${i}` : null,
  boundAt: new Date(),
}));
for (let i = 0; i < rows.length; i += 1000) await dataSource.getRepository(Account).insert(rows.slice(i, i + 1000));
const recipientIds = (await dataSource.query("SELECT id FROM accounts WHERE username LIKE 'bench.%' ORDER BY id")).map((r) => Number(r.id));
const openidOf = new Map(rows.map((r) => [r.miniOpenId ?? r.wechatOpenId, r]));
log(`seeded ${recipientIds.length} recipient accounts in ${seconds(performance.now() - started)}`);

// --- worker processes ---------------------------------------------------------------------------
function startWorker() {
  const child = spawn(process.execPath, [join(DIST, 'main.js'), 'worker'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk.toString();
      if (output.includes('queue worker started')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`worker exited before it was ready (${code ?? signal}):\n${output.slice(-2000)}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return { child, ready, exited, output: () => output };
}

const bullKeys = new Redis(REDIS_URL);
async function openDeliveries(campaignId) {
  const [row] = await dataSource.query(
    "SELECT SUM(status IN ('PENDING','SENDING')) AS open, SUM(status = 'DELIVERED') AS delivered, COUNT(*) AS total FROM notification_deliveries WHERE campaignId = ? AND channel = 'WECHAT'",
    [campaignId],
  );
  return { open: Number(row.open ?? 0), delivered: Number(row.delivered ?? 0), total: Number(row.total) };
}

async function waitFor(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const messagesOf = (title) => wechat.messages.filter((m) => m.data.thing1?.value === title);

function tally(title) {
  const received = messagesOf(title);
  const perUser = new Map();
  for (const m of received) perUser.set(m.touser, (perUser.get(m.touser) ?? 0) + 1);
  let duplicates = 0;
  const duplicatesByApi = { subscribe: 0, template: 0 };
  for (const [touser, n] of perUser) {
    if (n > 1) {
      duplicates += n - 1;
      duplicatesByApi[openidOf.get(touser)?.miniOpenId ? 'subscribe' : 'template'] += n - 1;
    }
  }
  const lost = rows.filter((r) => !perUser.has(r.miniOpenId ?? r.wechatOpenId)).length;
  const times = received.map((m) => m.at).sort((a, b) => a - b);
  return { received: received.length, duplicates, duplicatesByApi, lost, first: times[0], last: times.at(-1) };
}

function campaignInput(title) {
  return { kind: 'NOTICE', sender: null, districtId: null, title, content: '基准测试', link: '/pages/inbox/index', recipientIds };
}

const results = {};

// --- 1. throughput ------------------------------------------------------------------------------
let worker = startWorker();
await worker.ready;
{
  const title = 'bench-throughput';
  const t0 = performance.now();
  const campaign = await notifications.send(campaignInput(title));
  const enqueueMs = performance.now() - t0;
  const enqueuedAt = Date.now();
  await waitFor(async () => (await openDeliveries(campaign.id)).open === 0, SETTLE_TIMEOUT_MS, 'the throughput campaign');
  const doneAt = Date.now();
  const t = tally(title);
  const waitingJobs = await bullKeys.llen(`${prefix}:notifications:wait`);
  results.throughput = {
    enqueueMs,
    deliveriesPerSecond: (t.received - 1) / ((t.last - t.first) / 1000),
    wallDeliveriesPerSecond: t.received / ((doneAt - enqueuedAt + enqueueMs) / 1000),
    ...t,
    waitingJobs,
  };
  log(`throughput: enqueue ${seconds(enqueueMs)} (campaign + ${RECIPIENTS * 2} rows + ${RECIPIENTS} jobs); ${t.received} messages, first→last ${seconds(t.last - t.first)}`);
}

// --- 2. kill the worker mid-run and restart it --------------------------------------------------
for (const signal of KILLS) {
  const title = `bench-kill-${signal}`;
  const dedupedBefore = wechat.dedupedByClientMsgId;
  const campaign = await notifications.send(campaignInput(title));
  await waitFor(async () => messagesOf(title).length >= RECIPIENTS * KILL_AT, SETTLE_TIMEOUT_MS, `${KILL_AT * 100} % of ${title}`);
  const receivedAtKill = messagesOf(title).length;
  const killedAt = Date.now();
  worker.child.kill(`SIG${signal}`);
  const exitedWith = await worker.exited;
  const stoppedAfterMs = Date.now() - killedAt;
  const receivedWhileStopping = messagesOf(title).length - receivedAtKill;
  const [{ sending }] = await dataSource.query("SELECT COUNT(*) AS sending FROM notification_deliveries WHERE campaignId = ? AND status = 'SENDING'", [campaign.id]);
  worker = startWorker();
  await worker.ready;
  await waitFor(async () => (await openDeliveries(campaign.id)).open === 0, SETTLE_TIMEOUT_MS, `${title} after the restart`);
  const recoveredMs = Date.now() - killedAt;
  const t = tally(title);
  const db = await openDeliveries(campaign.id);
  results[signal] = {
    receivedAtKill,
    receivedWhileStopping,
    exitedWith,
    stoppedAfterMs,
    leftSending: Number(sending),
    recoveredMs,
    dedupedByWechat: wechat.dedupedByClientMsgId - dedupedBefore,
    dbDelivered: db.delivered,
    ...t,
  };
  log(`SIG${signal}: killed at ${receivedAtKill} received; worker exited (${exitedWith}) after ${stoppedAfterMs} ms; ${Number(sending)} rows left SENDING; all final ${seconds(recoveredMs)} after the kill`);
}

worker.child.kill('SIGTERM');
await worker.exited;

// --- report -------------------------------------------------------------------------------------
const r = results.throughput;
log();
log('| measure | value | target |');
log('|---|---|---|');
log(`| enqueue ${RECIPIENTS} recipients (send(): campaign, ${RECIPIENTS * 2} rows, ${RECIPIENTS} Bull jobs) | ${seconds(r.enqueueMs)} | ≤ 2 s ${r.enqueueMs <= 2000 ? '✓' : '✗'} |`);
log(`| deliveries / s at the fake WeChat server (first → last message, rate limit off) | ${r.deliveriesPerSecond.toFixed(0)} | ≥ 1000 ${r.deliveriesPerSecond >= 1000 ? '✓' : '✗'} |`);
log(`| deliveries / s end to end (send() start → every row DELIVERED) | ${r.wallDeliveriesPerSecond.toFixed(0)} | |`);
log(`| throughput run: received / duplicates / lost | ${r.received} / ${r.duplicates} / ${r.lost} | ${RECIPIENTS} / 0 / 0 |`);
for (const signal of KILLS) {
  const k = results[signal];
  log(
    `| SIG${signal} mid-run (at ${k.receivedAtKill}), restart: duplicates (subscribe / template) / lost | ${k.duplicates} (${k.duplicatesByApi.subscribe} / ${k.duplicatesByApi.template}) / ${k.lost} | 0 / 0 ${k.duplicates === 0 && k.lost === 0 ? '✓' : '✗'} |`,
  );
  log(
    `| SIG${signal}: rows left SENDING by the dead worker / resends WeChat dropped by client_msg_id / DB DELIVERED / all final after | ${k.leftSending} / ${k.dedupedByWechat} / ${k.dbDelivered} / ${seconds(k.recoveredMs)} | |`,
  );
}

await producer.close();
bullKeys.disconnect();
await wechat.close();
// the run's Bull keys stay out of the way of the next run
const cleanup = new Redis(REDIS_URL);
const stream = cleanup.scanStream({ match: `${prefix}:*`, count: 1000 });
for await (const keys of stream) if (keys.length) await cleanup.del(...keys);
cleanup.disconnect();
