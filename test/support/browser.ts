// What the browser e2e of the mini-program's H5 build and of the PC portal share: the built api
// started as `npm start` runs it, its JSON api, and Debian's chromium in a fresh profile.
// A .ts module: `node --test test/` runs .js/.mjs files only, so it is not taken for a test (and types
// are imported as types, so that a Node which strips types and runs test/**/*.ts too still loads it).
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const API_MAIN = join(REPO_ROOT, 'apps/api/dist/apps/api/src/main.js');
export const DEMO_PASSWORD = 'Demo@2026';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

export interface RunningApi {
  base: string;
  /** the embedded SQLite file of this run (a test reads the registry a person would know: an owner's own name and ID number) */
  sqlitePath: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * The built api as `npm start` runs it: embedded SQLite in a fresh DATA_DIR, demo seed. `env` holds
 * its PORT and whatever else the test sets (the build dirs it serves, WeChat settings).
 */
export async function startApi(env: Record<string, string> & { PORT: string }): Promise<RunningApi> {
  if (!existsSync(API_MAIN)) throw new Error(`no api build at ${API_MAIN}: run npm run build -w api`);
  const dataDir = mkdtempSync(join(tmpdir(), 'szpm-browser-'));
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'NODE_ENV', 'SEED_DEMO', 'QUEUE_PROCESSORS', 'SMS_PROVIDER']) delete childEnv[name];
  Object.assign(childEnv, env);
  const sqlitePath = join(dataDir, 'szpm.sqlite');
  const template = seededTemplate(childEnv);
  // a seeded database of the same build and day: the api finds it full and does not seed again
  const fromTemplate = template !== null && existsSync(template);
  if (fromTemplate) copyFileSync(template, sqlitePath);
  const child = spawn(process.execPath, [API_MAIN], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`api did not start within 90 s:\n${output}`)), 90_000);
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Demo logins')) {
        clearTimeout(timer);
        done();
      }
    });
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => fail(new Error(`api exited with ${code}:\n${output}`)));
  });
  child.removeAllListeners('exit');
  if (template !== null && !fromTemplate) await keepSeededTemplate(sqlitePath, template);
  return {
    base: `http://127.0.0.1:${env.PORT}`,
    sqlitePath,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        await new Promise<void>((done) => {
          child.once('exit', () => done());
          child.kill('SIGTERM');
        });
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Where the seeded database of this api build and day is kept (the demo seed takes seconds and is
 * the same for every api a test run starts with the default seed); null when the run seeds
 * otherwise (another database, no seed, another owners' ID hash secret).
 */
function seededTemplate(env: NodeJS.ProcessEnv): string | null {
  if (env.DATABASE_URL || env.SEED_DEMO === 'false' || env.SQLITE_PATH || env.OWNER_ID_HASH_SECRET) return null;
  const build = Math.round(statSync(API_MAIN).mtimeMs);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  return join(tmpdir(), `szpm-browser-seeded-${build}-${day}.sqlite`);
}

interface BackupDatabase {
  backup(destination: string): Promise<unknown>;
  close(): void;
}

/** SQLite's online backup of the api's fresh database (a plain copy of a file in use could be torn). */
async function keepSeededTemplate(sqlitePath: string, template: string): Promise<void> {
  const Sqlite = createRequire(import.meta.url)('better-sqlite3') as new (path: string, options: { fileMustExist: boolean; timeout: number }) => BackupDatabase;
  const db = new Sqlite(sqlitePath, { fileMustExist: true, timeout: 10_000 });
  const partial = `${template}.${process.pid}.partial`;
  try {
    await db.backup(partial);
    renameSync(partial, template);
  } finally {
    db.close();
  }
  // those of other builds and days
  for (const name of readdirSync(tmpdir())) if (name.startsWith('szpm-browser-seeded-') && join(tmpdir(), name) !== template) rmSync(join(tmpdir(), name), { force: true });
}

export async function apiJson<T>(base: string, path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${base}/api${path}`, {
    method: init.method ?? (init.body ? 'POST' : 'GET'),
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A demo account's access token. */
export async function apiLogin(base: string, username: string): Promise<string> {
  const tokens = await apiJson<{ accessToken: string }>(base, '/auth/login', { body: { username, password: DEMO_PASSWORD } });
  return tokens.accessToken;
}

const profiles: string[] = [];

/** Headless chromium in a fresh profile (own user-data-dir), Chinese and on Shenzhen's clock; `options` set the window. */
export async function openBrowser(options: BrowserContextOptions): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'szpm-chromium-'));
  profiles.push(profile);
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...options,
  });
}

/** Removes the browser profiles once every context is closed (chromium writes to them until it exits). */
export function removeBrowserProfiles(): void {
  for (const profile of profiles.splice(0)) rmSync(profile, { recursive: true, force: true });
}

/** A full-page screenshot `<name>.png` in `dir`. */
export async function screenshotIn(dir: string, page: Page, name: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
