import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, freePort, openBrowser, REPO_ROOT, removeBrowserProfiles, type RunningApi, screenshotIn, startApi } from '../../../../test/support/browser';

const PORTAL_DIR = join(REPO_ROOT, 'apps/portal/dist');
const ARTIFACTS = join(REPO_ROOT, 'apps/portal/test-artifacts');

/** The pages with forms and search forms an officer works in, as a district lead (who holds every district module). */
const LEAD_PAGES = [
  '/',
  '/todos',
  '/permissions/staff',
  '/permissions/binding-stats',
  '/permissions/accounts',
  '/property-areas/list',
  '/property-areas/reviewing',
  '/property-areas/submitted',
  '/evaluation/work',
  '/evaluation/bad-record-entry',
  '/evaluation/risk-entry',
  '/evaluation/cases',
  '/evaluation/bad-records',
  '/evaluation/risk-list',
  '/evaluation/scores',
  '/evaluation/delegations',
  '/notices/publish',
  '/notices/sent',
  '/notices/received',
  '/safety-inspections/templates',
  '/safety-inspections/launch',
  '/safety-inspections/list',
  '/safety-inspections/statistics',
  '/account',
  '/account/password',
  '/disputes/unfinished',
  '/disputes/finished',
];

let api: RunningApi;
let context: BrowserContext;

/**
 * The visible form controls of the page without an accessible name: no aria-label, no
 * aria-labelledby naming text, no <label>, no title and no placeholder (the names HTML-AAM gives).
 */
function unlabelledControls(page: Page): Promise<{ checked: number; unlabelled: string[] }> {
  return page.evaluate(() => {
    const controls = [...document.querySelectorAll<HTMLElement>('input:not([type=hidden]), select, textarea, [role=combobox], [role=switch], [role=checkbox], [role=radio], [role=slider]')];
    const visible = (el: HTMLElement) => {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none' && el.closest('[aria-hidden=true]') === null;
    };
    // antd draws checkboxes and radios as a styled input inside a wrapper label, switches as a button
    const named = (el: HTMLElement) => {
      const text = (s: string | null | undefined) => (s ?? '').trim() !== '';
      if (text(el.getAttribute('aria-label')) || text(el.getAttribute('title')) || text(el.getAttribute('placeholder'))) return true;
      const labelledBy = el.getAttribute('aria-labelledby');
      if (labelledBy && labelledBy.split(/\s+/).some((id) => text(document.getElementById(id)?.textContent))) return true;
      const labels = (el as HTMLInputElement).labels;
      if (labels && [...labels].some((l) => text(l.textContent))) return true;
      return text(el.closest('label')?.textContent);
    };
    const shown = controls.filter(visible);
    return { checked: shown.length, unlabelled: shown.filter((el) => !named(el)).map((el) => el.outerHTML.slice(0, 200)) };
  });
}

/** A page signed in afresh (the context's other tests leave their session in localStorage). */
async function signedIn(username: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${api.base}/portal/login`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/portal\/?$/);
  return page;
}

beforeAll(async () => {
  if (!existsSync(join(PORTAL_DIR, 'index.html'))) throw new Error(`no portal build at ${PORTAL_DIR}: run npm run build -w portal`);
  api = await startApi({ PORT: String(await freePort()), PORTAL_DIR });
  context = await openBrowser({ viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(60_000);
});

afterAll(async () => {
  await context?.close();
  removeBrowserProfiles();
  await api?.stop();
});

describe('accessibility basics (labels, keyboard, language)', () => {
  it('signs in with the keyboard alone: Tab through the labelled fields, Enter submits', async () => {
    const page = await context.newPage();
    await page.goto(`${api.base}/portal/login`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.getByLabel('用户名').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await unlabelledControls(page)).toEqual({ checked: 2, unlabelled: [] });
    await page.getByLabel('用户名').focus();
    await page.keyboard.type('futian.lead');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('id'))).toBe(await page.getByLabel('密码', { exact: true }).getAttribute('id'));
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/portal\/?$/);
    await page.close();
  });

  it('labels every form control of the officer’s pages', async () => {
    const page = await signedIn('futian.lead');
    const found: Record<string, string[]> = {};
    let checked = 0;
    for (const path of LEAD_PAGES) {
      await page.goto(`${api.base}/portal${path}`);
      // the page has rendered its own content, not just the frame
      await expect.poll(() => page.locator('.ant-pro-page-container, .ant-pro-grid-content').count()).toBeGreaterThan(0);
      await page.waitForLoadState('networkidle');
      const controls = await unlabelledControls(page);
      checked += controls.checked;
      if (controls.unlabelled.length) found[path] = controls.unlabelled;
    }
    await screenshotIn(ARTIFACTS, page, 'a11y-last-page');
    expect(found).toEqual({});
    // the search forms and entry forms were there to check (not an empty pass)
    expect(checked, `form controls checked on ${LEAD_PAGES.length} pages`).toBeGreaterThan(40);
    await page.close();
  });

  it('reaches the menu by keyboard and opens a page with Enter', async () => {
    const page = await signedIn('futian.lead');
    // the home and the todo badge have loaded: a later re-render of the menu would take the focus away
    await expect.poll(() => page.locator('.ant-pro-page-container, .ant-pro-grid-content').count()).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    // Tab from the top of the page into the menu, then the arrow keys to 待办事项
    const inMenu = () => page.evaluate(() => document.activeElement?.closest('.ant-menu') !== null);
    for (let i = 0; i < 40 && !(await inMenu()); i += 1) await page.keyboard.press('Tab');
    expect(await inMenu()).toBe(true);
    const onTodos = () =>
      page.evaluate(() => {
        // the focused item itself, so that Enter acts on it
        const active = document.activeElement?.closest('.ant-menu-item');
        return (active?.textContent ?? '').includes('待办事项');
      });
    // a late re-render of the menu (a badge arriving) can drop the focus: Tab back into the menu, then on down
    for (let i = 0; i < 60 && !(await onTodos()); i += 1) await page.keyboard.press((await inMenu()) ? 'ArrowDown' : 'Tab');
    expect(await onTodos()).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/portal\/todos/);
    await page.close();
  });
});
