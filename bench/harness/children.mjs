// The answerers that run as child processes: the api (its production entry point) and the bare
// server. Their output is drained continuously (a full pipe would block their logging) and the
// last lines are kept to show when one fails.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { API_MAIN, ROOT } from './api-dist.mjs';

const TAIL_LINES = 40;

function drain(child) {
  const tail = [];
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop();
      for (const line of lines) {
        tail.push(line);
        if (tail.length > TAIL_LINES) tail.shift();
      }
    });
  }
  return () => tail.join('\n');
}

function exited(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** SIGTERM, then SIGKILL after `graceMs` if it is still running. */
async function stopChild(child, graceMs = 15_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited(child);
  clearTimeout(timer);
}

/** A free TCP port on 127.0.0.1 (the api takes its port from PORT). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = http.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHttp(port, path, child, tail, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the process exited (${child.exitCode ?? child.signalCode}) before answering ${path}:\n${tail()}`);
    const status = await new Promise((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path, timeout: 2000 }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', () => resolve(0));
      req.on('timeout', () => req.destroy());
    });
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`no 200 from ${path} within ${timeoutMs / 1000} s:\n${tail()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * `node apps/api/dist/apps/api/src/main.js` on the bench database. With `cpuProfileDir` it runs
 * under --cpu-prof and writes its profile there when stopped.
 */
export async function startApi({ env, cpuProfileDir }) {
  const port = await freePort();
  const nodeArgs = [];
  if (cpuProfileDir) {
    mkdirSync(cpuProfileDir, { recursive: true });
    nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`, '--import', fileURLToPath(new URL('./exit-on-signal.mjs', import.meta.url)));
  }
  const spawnedAtUs = Number(process.hrtime.bigint() / 1000n);
  const child = spawn(process.execPath, [...nodeArgs, API_MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail = drain(child);
  try {
    await waitForHttp(port, '/health/ready', child, tail, 120_000);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { pid: child.pid, port, spawnedAtUs, tail, stop: () => stopChild(child) };
}

/** bench/harness/bare-server.mjs with the chapter's handler. */
export async function startBare({ databaseUrl, handler, connections }) {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./bare-server.mjs', import.meta.url))], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      BENCH_DATABASE_URL: databaseUrl,
      BENCH_HANDLER_MODULE: handler.module,
      BENCH_HANDLER_EXPORT: handler.export,
      BENCH_CONNECTIONS: String(connections),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let onListening = () => undefined;
  const port = await new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const onData = (chunk) => {
      out += chunk;
      const newline = out.indexOf('\n');
      if (newline >= 0) {
        child.stdout.off('data', onData);
        onListening();
        resolve(JSON.parse(out.slice(0, newline)).port);
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (c) => (err += c));
    const onExit = (code) => reject(new Error(`the bare server exited (${code}) before listening:\n${err.slice(-3000)}`));
    child.once('exit', onExit);
    // cleared once it listens: a timer left running would kill the bare server a minute into the run
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the bare server did not listen within 60 s:\n${err.slice(-3000)}`));
    }, 60_000);
    onListening = () => {
      clearTimeout(timer);
      child.off('exit', onExit);
    };
  });
  const tail = drain(child);
  return { pid: child.pid, port, tail, stop: () => stopChild(child) };
}
