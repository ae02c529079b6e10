import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach } from 'vitest';
import { apiJson, DEMO_PASSWORD, openBrowser as openChromium, type RunningApi, REPO_ROOT, removeBrowserProfiles, screenshotIn, startApi as startBuiltApi } from '../../../../test/support/browser';

export { apiJson, apiLogin, DEMO_PASSWORD, freePort } from '../../../../test/support/browser';
export type { RunningApi } from '../../../../test/support/browser';

export const H5_DIR = join(REPO_ROOT, 'apps/miniprogram/dist/h5');
export const ARTIFACTS = join(REPO_ROOT, 'apps/miniprogram/test-artifacts');

/** The built api as `npm start` runs it: embedded SQLite in a fresh DATA_DIR, demo seed, H5 at /m/. */
export async function startApi(env: Record<string, string> & { PORT: string }): Promise<RunningApi> {
  if (!existsSync(join(H5_DIR, 'index.html'))) throw new Error(`no H5 build at ${H5_DIR}: run npm run build:h5 -w miniprogram`);
  return startBuiltApi({ MINIPROGRAM_H5_DIR: H5_DIR, ...env });
}

/** A fresh chromium profile (own user-data-dir) with a phone-sized window. */
async function openBrowser(options: { userAgent?: string } = {}): Promise<BrowserContext> {
  const context = await openChromium({ viewport: { width: 414, height: 896 }, deviceScaleFactor: 1, userAgent: options.userAgent });
  // the H5 build, the api and chromium share two busy cores: a first page load can take longer than Playwright's 30 s
  context.setDefaultTimeout(60_000);
  context.setDefaultNavigationTimeout(90_000);
  return context;
}

export function screenshot(page: Page, name: string): Promise<void> {
  return screenshotIn(ARTIFACTS, page, name);
}

export interface BrowserSession {
  /** A page in a browser of its own (a fresh profile: no session, no storage). */
  newPage(options?: { userAgent?: string }): Promise<Page>;
}

/**
 * The browsers of a test file against `api()`: after each failed test, a screenshot of the last page
 * opened (`<failedScreenshot>-<test>.png`) and the end of the api's output; after the file, the
 * browsers closed, their profiles removed and the api stopped. `logFailedApiCalls` prints every
 * /api/ answer of 400 or more with its body: what the officer saw in the toast.
 */
export function browserSession(api: () => RunningApi | undefined, options: { failedScreenshot?: string; logFailedApiCalls?: boolean } = {}): BrowserSession {
  const contexts: BrowserContext[] = [];
  let lastPage: Page | null = null;

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    removeBrowserProfiles();
    await api()?.stop();
  });

  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    if (lastPage) await screenshot(lastPage, `${options.failedScreenshot ?? 'failed'}-${context.task.name.slice(0, 40)}`).catch(() => undefined);
    console.error(`api output (end):\n${api()?.output().slice(-3000)}`);
  });

  return {
    async newPage(pageOptions = {}) {
      const context = await openBrowser(pageOptions);
      contexts.push(context);
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
      if (options.logFailedApiCalls) {
        page.on('response', async (response) => {
          if (response.status() >= 400 && response.url().includes('/api/')) console.error(`${response.status()} ${response.request().method()} ${response.url()}: ${await response.text().catch(() => '')}`);
        });
      }
      lastPage = page;
      return page;
    },
  };
}

/** Types into a Taro / NutUI input (the real <input> or <textarea> inside the element with this id). */
export async function typeInto(page: Page, id: string, text: string): Promise<void> {
  const field = page.locator(`#${id} input, #${id} textarea, input#${id}, textarea#${id}`).first();
  await field.click();
  await field.fill(text);
}

/** Signs in on the H5 login page as a demo officer and waits for 物业服务 (or the given home). */
export async function signIn(page: Page, base: string, username: string, home = '#home-modules'): Promise<void> {
  await page.goto(`${base}/m/`);
  await page.locator('#login-page').waitFor();
  await typeInto(page, 'login-username', username);
  await typeInto(page, 'login-password', DEMO_PASSWORD);
  await page.locator('#login-submit').click();
  await page.locator(home).waitFor();
}

/** Signs in as a counterpart (a project manager, an owners' committee): its home is 个人, not 物业服务. */
export function signInCounterpart(page: Page, base: string, username: string): Promise<void> {
  return signIn(page, base, username, '#home-personal');
}

/** The accessibility limits of the README (适老化): WeChat asks government services for them. */
export const TAP_TARGET_MIN_PX = 44;
export const TEXT_MIN_PX = 14;
/** Measured on a 375 px wide phone, where the app's 750 px drawing maps 2:1 (88 px → 44 px, 28 px → 14 px). */
const CHECK_VIEWPORT = { width: 375, height: 812 };
/** WeChat's large-text mode (and Android's text zoom) scales the page's text, not its layout. */
const LARGE_TEXT_SCALE = 1.5;

/** Waits until the H5 build's rem script has taken the window's width (its root font size is 40 / 750 of it, within 20–40 px). */
async function waitForRootSize(page: Page, width: number): Promise<void> {
  const expected = Math.min(40, Math.max(20, (40 * width) / 750));
  await page.waitForFunction((size) => Math.abs(parseFloat(document.documentElement.style.fontSize) - size) < 0.01, expected);
}

/** What the size checks find on the page as it is shown: one line per element below the limits. */
export function sizeOffenders(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ tapMin, textMin }) => {
      const tolerance = 0.5;
      const found: string[] = [];
      const describe = (el: Element) => {
        const id = el.id ? `#${el.id}` : '';
        const classes = Array.from(el.classList).slice(0, 2).map((c) => `.${c}`).join('');
        const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 24);
        return `${el.tagName.toLowerCase()}${id}${classes}${text ? ` “${text}”` : ''}`;
      };
      const shown = (el: Element) => {
        if (el.getClientRects().length === 0) return false;
        const style = getComputedStyle(el);
        return style.visibility !== 'hidden' && style.opacity !== '0' && style.pointerEvents !== 'none';
      };
      const hasClickHandler = (el: Element) => {
        const key = Object.keys(el).find((k) => k.startsWith('__reactProps$'));
        const props = key ? (el as unknown as Record<string, { onClick?: unknown }>)[key] : undefined;
        return typeof props?.onClick === 'function';
      };
      const native = 'button, a[href], input:not([type=hidden]), textarea, select, [role=button], .nut-button';
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        // NutUI's icons carry a click handler of their own; the control around them is the target
        if (el.closest('.nut-icon')) continue;
        if (!el.matches(native) && !hasClickHandler(el)) continue;
        if (!shown(el)) continue;
        const box = el.getBoundingClientRect();
        if (box.width + tolerance < tapMin || box.height + tolerance < tapMin) {
          found.push(`tap target ${Math.round(box.width)}×${Math.round(box.height)} px: ${describe(el)}`);
        }
      }
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const small = new Set<Element>();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || small.has(el) || !(node.textContent ?? '').trim() || el.closest('script, style, noscript')) continue;
        if (!shown(el)) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size + 0.01 < textMin) {
          small.add(el);
          found.push(`text ${size.toFixed(1)} px: ${describe(el)}`);
        }
      }
      return found;
    },
    { tapMin: TAP_TARGET_MIN_PX, textMin: TEXT_MIN_PX },
  );
}

/**
 * The size checks of every page the browser e2e visits, on a 375 px wide phone: every visible
 * clickable element (native controls, NutUI buttons, role=button, and any element React gave a
 * click handler) is at least 44 × 44 px, every visible text at least 14 px. Fails with the list of
 * offenders. Then saves `<name>@150.png`: the page with its text at 150 %, as WeChat's large-text
 * mode shows it, to look at for clipped boxes.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  const original = page.viewportSize();
  await page.setViewportSize(CHECK_VIEWPORT);
  await waitForRootSize(page, CHECK_VIEWPORT.width);
  // the layout settles after the root size changes
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const offenders = await sizeOffenders(page);

  // 150 % text: every element's own font size scaled, as a text zoom does, then put back
  await page.evaluate((scale) => {
    const elements = Array.from(document.querySelectorAll<HTMLElement>('body, body *'));
    const sizes = elements.map((el) => parseFloat(getComputedStyle(el).fontSize));
    const saved = elements.map((el) => el.style.fontSize);
    elements.forEach((el, i) => (el.style.fontSize = `${sizes[i] * scale}px`));
    (window as unknown as { __restoreText: () => void }).__restoreText = () => elements.forEach((el, i) => (el.style.fontSize = saved[i]));
  }, LARGE_TEXT_SCALE);
  await screenshot(page, `${name}@150`);
  await page.evaluate(() => (window as unknown as { __restoreText: () => void }).__restoreText());
  if (original) {
    await page.setViewportSize(original);
    await waitForRootSize(page, original.width);
  }
  if (offenders.length) throw new Error(`${name}: ${offenders.length} below the size limits (44 × 44 px targets, 14 px text):\n${offenders.join('\n')}`);
}

/** The api's own SQLite driver (a dependency of apps/api), for what a test reads or moves in the embedded database. */
type SqliteDatabase = { prepare(sql: string): { all(...params: unknown[]): unknown[]; run(...params: unknown[]): unknown }; close(): void };
const Sqlite = createRequire(import.meta.url)('better-sqlite3') as new (path: string, options: { readonly?: boolean; fileMustExist: boolean; timeout?: number }) => SqliteDatabase;

/** Rows of the running api's embedded database (e.g. the registry a person knows: an owner's own name and ID number). */
export function sqliteRows<T>(api: RunningApi, sql: string, ...params: unknown[]): T[] {
  const db = new Sqlite(api.sqlitePath, { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/**
 * Ends a vote in a few seconds as its clock would: its end is moved near (TypeORM keeps SQLite
 * datetimes as UTC text; the stored format is kept), then the convener extends it a little past that,
 * which queues the delayed job that closes it.
 */
export async function endVoteSoon(api: RunningApi, voteId: number, convenerToken: string, reason = '部分业主外出，延长表决时间'): Promise<void> {
  const db = new Sqlite(api.sqlitePath, { fileMustExist: true, timeout: 10_000 });
  try {
    const [{ endAt: stored }] = db.prepare('SELECT endAt FROM owner_votes WHERE id = ?').all(voteId) as Array<{ endAt: string }>;
    const near = new Date(Date.now() + 6_000).toISOString();
    db.prepare('UPDATE owner_votes SET endAt = ? WHERE id = ?').run(stored.includes('T') ? near : near.replace('T', ' ').replace('Z', ''), voteId);
  } finally {
    db.close();
  }
  await apiJson(api.base, `/owner-decisions/votes/${voteId}/extension`, { token: convenerToken, body: { endAt: new Date(Date.now() + 9_000).toISOString(), reason } });
}
