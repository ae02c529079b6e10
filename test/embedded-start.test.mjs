// The README's run command on a fresh machine: the built api with no configuration at all
// (embedded SQLite, in-process queue) must start, seed the demo once, and keep its data and
// its token secret across a restart.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';

const MAIN = new URL('../apps/api/dist/apps/api/src/main.js', import.meta.url).pathname;
const running = new Set();
after(() => running.forEach((child) => child.kill('SIGKILL')));

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts the api like `npm start` does and resolves with its banner once it listens. */
function start(dataDir, port) {
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'NODE_ENV', 'SEED_DEMO', 'QUEUE_PROCESSORS']) delete env[name];
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`api did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk) => {
      output += chunk;
      if (output.includes('Demo logins')) {
        clearTimeout(timer);
        resolve({ child, output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`api exited with ${code}:\n${output}`)));
  });
}

function stop(child) {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
    running.delete(child);
  });
}

test('npm start runs with embedded defaults and keeps its state across restarts', { timeout: 180_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'szpm-start-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;

  const first = await start(dataDir, port);
  assert.match(first.output, /API: {2}http:\/\/localhost:\d+\/api/);
  assert.match(first.output, /Docs: http:\/\/localhost:\d+\/docs/);
  assert.match(first.output, /first start: demo data seeded/);
  assert.match(first.output, /futian\.handler/);

  const ready = await fetch(`${base}/health/ready`);
  assert.equal(ready.status, 200);
  const docs = await fetch(`${base}/docs`);
  assert.equal(docs.status, 200);
  assert.match(docs.headers.get('content-type'), /text\/html/);

  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'futian.handler', password: 'Demo@2026' }),
  });
  assert.equal(login.status, 200);
  const { accessToken } = await login.json();
  await stop(first.child);

  const second = await start(dataDir, port);
  assert.doesNotMatch(second.output, /demo data seeded/, 'a restart must not seed again');
  const me = await fetch(`${base}/api/auth/me`, { headers: { authorization: `Bearer ${accessToken}` } });
  assert.equal(me.status, 200, 'a token from before the restart still works: the embedded secret is kept');
  assert.equal((await me.json()).username, 'futian.handler');
  await stop(second.child);
});
