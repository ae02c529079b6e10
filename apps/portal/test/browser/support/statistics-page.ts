import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { apiJson, apiLogin, DEMO_PASSWORD, freePort, openBrowser, REPO_ROOT, removeBrowserProfiles, type RunningApi, screenshotIn, startApi } from '../../../../../test/support/browser';

/**
 * The setup of a statistics page's browser test on PC (1440×900): the api serving the portal build,
 * signed-in api tokens for `users`, and a fresh browser context, all torn down after the file.
 */
export const PORTAL_DIR = join(REPO_ROOT, 'apps/portal/dist');
export const ARTIFACTS = join(REPO_ROOT, 'apps/portal/test-artifacts');

/** antd puts a space between the two characters of a two-character button label; a busy button also names its loading icon */
export const label = (text: string) => new RegExp(`^(loading\\s*)?${[...text].join('\\s*')}$`);

export interface PcSuite {
  /** the api's base URL (valid once the file's tests run) */
  readonly base: string;
  /** an api call as `user` (default: the first of `users`) */
  call<T>(path: string, user?: string, body?: unknown, method?: string): Promise<T>;
  /** a new page of the PC browser, signed in to the portal as `username` */
  signInPc(username: string): Promise<Page>;
  screenshot(page: Page, name: string): Promise<void>;
}

/** Registers the file's beforeAll/afterAll; call it at the top level of a test file. */
export function pcSuite(users: readonly string[] = ['futian.lead']): PcSuite {
  let api: RunningApi;
  let pc: BrowserContext;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    if (!existsSync(join(PORTAL_DIR, 'index.html'))) throw new Error(`no portal build at ${PORTAL_DIR}: run npm run build -w portal`);
    api = await startApi({ PORT: String(await freePort()), PORTAL_DIR });
    for (const user of users) tokens[user] = await apiLogin(api.base, user);
    pc = await openBrowser({ viewport: { width: 1440, height: 900 } });
    pc.setDefaultTimeout(30_000);
    pc.setDefaultNavigationTimeout(60_000);
  });

  afterAll(async () => {
    await pc?.close();
    removeBrowserProfiles();
    await api?.stop();
  });

  return {
    get base() {
      return api.base;
    },
    call: <T>(path: string, user = users[0], body?: unknown, method?: string) => apiJson<T>(api.base, path, { token: tokens[user], body, method }),
    async signInPc(username: string) {
      const page = await pc.newPage();
      // the browser keeps the session of an earlier test: sign in afresh
      await page.goto(`${api.base}/portal/login`);
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: label('登录') }).click();
      await page.waitForURL(/\/portal\/?$/);
      return page;
    },
    screenshot: (page: Page, name: string) => screenshotIn(ARTIFACTS, page, name),
  };
}

/**
 * Chooses an entry of the header's account menu. The menu opens on hover or click, and a click that lands
 * while a hover is opening it closes it again; so the menu is opened until the entry shows.
 */
export async function chooseAccountMenuItem(page: Page, entryName: RegExp): Promise<void> {
  const entry = page.getByRole('menuitem', { name: entryName });
  for (let attempt = 0; attempt < 5 && !(await entry.isVisible()); attempt++) {
    await page.getByTestId('account-menu').click();
    await entry.waitFor({ state: 'visible', timeout: 3_000 }).catch(() => undefined);
  }
  await entry.click();
}

/**
 * Checks a radio or checkbox of a dialog. A click that lands while the dialog still zooms in can miss
 * the control (Playwright then reports that the click did not change its state): it is tried until
 * the control is checked.
 */
export async function checkInDialog(control: Locator): Promise<void> {
  await expect
    .poll(async () => {
      await control.check({ timeout: 5_000 }).catch(() => undefined);
      return control.isChecked();
    })
    .toBe(true);
}
