import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';

export const REPO_ROOT = resolve(__dirname, '../../../..');
export const API_MAIN = join(REPO_ROOT, 'apps/api/dist/apps/api/src/main.js');
export const H5_DIR = join(REPO_ROOT, 'apps/miniprogram/dist/h5');
export const ARTIFACTS = join(REPO_ROOT, 'apps/miniprogram/test-artifacts');
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
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** The built api as `npm start` runs it: embedded SQLite in a fresh DATA_DIR, demo seed, H5 at /m/. */
export async function startApi(extraEnv: Record<string, string>): Promise<RunningApi> {
  if (!existsSync(API_MAIN)) throw new Error(`no api build at ${API_MAIN}: run npm run build -w api`);
  if (!existsSync(join(H5_DIR, 'index.html'))) throw new Error(`no H5 build at ${H5_DIR}: run npm run build:h5 -w miniprogram`);
  const port = Number(extraEnv.PORT);
  const dataDir = mkdtempSync(join(tmpdir(), 'szpm-browser-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, MINIPROGRAM_H5_DIR: H5_DIR, ...extraEnv };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'NODE_ENV', 'SEED_DEMO', 'QUEUE_PROCESSORS', 'SMS_PROVIDER']) delete env[name];
  Object.assign(env, extraEnv);
  const child = spawn(process.execPath, [API_MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
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
  return {
    base: `http://127.0.0.1:${port}`,
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

/** A fresh chromium profile (own user-data-dir) with a phone-sized window. */
export async function openBrowser(options: { userAgent?: string } = {}): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'szpm-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 414, height: 896 },
    deviceScaleFactor: 1,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    userAgent: options.userAgent,
  });
  profiles.push(profile);
  // the H5 build, the api and chromium share two busy cores: a first page load can take longer than Playwright's 30 s
  context.setDefaultTimeout(60_000);
  context.setDefaultNavigationTimeout(90_000);
  return context;
}

const profiles: string[] = [];

/** Removes the browser profiles once every context is closed (chromium writes to them until it exits). */
export function removeBrowserProfiles(): void {
  for (const profile of profiles.splice(0)) rmSync(profile, { recursive: true, force: true });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
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

export async function apiLogin(base: string, username: string): Promise<string> {
  const tokens = await apiJson<{ accessToken: string }>(base, '/auth/login', { body: { username, password: DEMO_PASSWORD } });
  return tokens.accessToken;
}

/** Types into a Taro / NutUI input (the real <input> or <textarea> inside the element with this id). */
export async function typeInto(page: Page, id: string, text: string): Promise<void> {
  const field = page.locator(`#${id} input, #${id} textarea, input#${id}, textarea#${id}`).first();
  await field.click();
  await field.fill(text);
}

/** Signs in on the H5 login page as a demo officer and waits for 物业服务. */
export async function signIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/m/`);
  await page.locator('#login-page').waitFor();
  await typeInto(page, 'login-username', username);
  await typeInto(page, 'login-password', DEMO_PASSWORD);
  await page.locator('#login-submit').click();
  await page.locator('#home-modules').waitFor();
}
