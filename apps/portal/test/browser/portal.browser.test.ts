import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BadRecordItemView, EvaluationSubjectView, Page as ListPage, WorkflowCaseDetail } from '@szpm/contract';
import { apiJson, apiLogin, DEMO_PASSWORD, freePort, openBrowser, REPO_ROOT, removeBrowserProfiles, type RunningApi, screenshotIn, startApi } from '../../../../test/support/browser';
import { chooseAccountMenuItem } from './support/statistics-page';

const PORTAL_DIR = join(REPO_ROOT, 'apps/portal/dist');
const ARTIFACTS = join(REPO_ROOT, 'apps/portal/test-artifacts');

let api: RunningApi;
let context: BrowserContext;

const call = <T>(path: string, init: { token?: string; body?: unknown } = {}) => apiJson<T>(api.base, path, init);
const screenshot = (page: Page, name: string) => screenshotIn(ARTIFACTS, page, name);

async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** 福田区: one bad record approved (publicised), one sent back to the handler (a 待办 of theirs). */
let published: { subjectName: string };
let returned: WorkflowCaseDetail;

beforeAll(async () => {
  if (!existsSync(join(PORTAL_DIR, 'index.html'))) throw new Error(`no portal build at ${PORTAL_DIR}: run npm run build -w portal`);
  // the built api as `npm start` runs it (embedded SQLite in a fresh DATA_DIR, demo seed), serving the portal build
  api = await startApi({ PORT: String(await freePort()), PORTAL_DIR });
  const [handler, supervisor] = [await apiLogin(api.base, 'futian.handler'), await apiLogin(api.base, 'futian.supervisor')];
  const items = await call<BadRecordItemView[]>('/service-evaluation/catalogue/bad-record-items', { token: handler });
  const item = items.find((i) => i.enabled && i.subjectType !== 'PROJECT_MANAGER' && i.circumstances.length)!;
  const companies = await call<ListPage<EvaluationSubjectView>>('/service-evaluation/subjects?subjectType=COMPANY&pageSize=5', { token: handler });
  const year = new Date().getFullYear();
  const determine = (subject: EvaluationSubjectView, n: number) =>
    call<WorkflowCaseDetail>('/service-evaluation/bad-records/determinations', {
      token: handler,
      body: { subjectType: 'COMPANY', subjectId: subject.subjectId, itemId: item.id, circumstanceId: item.circumstances[0].id, factDate: `${year}-01-0${n}`, documentNo: `深福住建罚〔${year}〕10${n}号`, description: '经现场检查查实' },
    });
  const act = (c: WorkflowCaseDetail, action: string) => call<WorkflowCaseDetail>(`/workflow/cases/${c.id}/actions`, { token: supervisor, body: { action, version: c.version, opinion: '审核意见' } });
  await act(await determine(companies.items[0], 1), 'APPROVE');
  published = { subjectName: companies.items[0].name };
  returned = await act(await determine(companies.items[1], 2), 'RETURN_TO_PREVIOUS');

  context = await openBrowser({ viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(60_000);
});

afterAll(async () => {
  await context?.close();
  removeBrowserProfiles();
  await api?.stop();
});

describe('PC portal at /portal/ (1440×900)', () => {
  it('shows 信息公示 without login, searchable by name', async () => {
    const page = await context.newPage();
    await page.goto(`${api.base}/portal/public/`);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.ant-table-tbody').innerText()).toContain(published.subjectName);
    await screenshot(page, 'public-publicity');
    await page.getByLabel('名称').fill('不存在的企业名称');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(0);
    await expect.poll(() => page.locator('.ant-table-tbody').innerText()).toContain('暂无数据');
    await page.close();
  });

  it('says why a wrong password was refused, and for how many minutes a locked account stays locked', async () => {
    const page = await context.newPage();
    await page.goto(`${api.base}/`);
    await page.waitForURL(/\/portal\/login$/);
    await signIn(page, 'futian.handler', 'Wrong@2026');
    await expect.poll(() => page.getByTestId('login-error').innerText()).toContain('用户名或密码错误');
    await screenshot(page, 'login-wrong-password');
    // four wrong passwords elsewhere, the fifth here locks the account for 15 minutes
    for (let i = 0; i < 4; i += 1) await call('/auth/login', { body: { username: 'futian.lead', password: 'Wrong@2026' } }).catch(() => undefined);
    await signIn(page, 'futian.lead', 'Wrong@2026');
    await expect.poll(() => page.getByTestId('login-error').innerText()).toBe('密码连续错误次数过多，账号已锁定，请15分钟后再试');
    await screenshot(page, 'login-locked');
    await page.close();
  });

  it('signs in at a deep link, lands there, shows the menu of the grants and the todo badge, lists 待办 and 已办, signs out', async () => {
    const page = await context.newPage();
    // a page opened without a session: login first, then that very page
    await page.goto(`${api.base}/portal/todos/cases/${returned.id}`);
    await page.waitForURL(/\/portal\/login\?from=/);
    await signIn(page, 'futian.handler');
    await page.waitForURL(new RegExp(`/portal/todos/cases/${returned.id}$`));
    await expect.poll(() => page.locator('main, .ant-pro-layout').first().innerText()).toContain('审批流程记录');
    await expect.poll(() => page.locator('.ant-table-tbody').last().innerText()).toContain('退回上一级');
    await screenshot(page, 'case-detail');

    await expect.poll(() => page.getByRole('menuitem').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('首页'), expect.stringContaining('待办事项')]));
    // the returned determination, besides what the demo seed has waiting for the handler (dispute cases with their 超期)
    const counts = await call<{ pending: number; overdue: number }>('/todos/counts', { token: await apiLogin(api.base, 'futian.handler') });
    expect(counts.pending).toBeGreaterThanOrEqual(1);
    await expect.poll(() => page.getByTestId('todo-badge').getAttribute('aria-label')).toBe(`待办事项 ${counts.pending} 件${counts.overdue ? `，超期 ${counts.overdue} 件` : ''}`);

    await page.getByRole('menuitem', { name: /首页/ }).click();
    await page.waitForURL(/\/portal\/?$/);
    await expect.poll(() => page.getByTestId('todo-summary').innerText()).toMatch(new RegExp(`待办\\s*${counts.pending}\\s*件`));
    await screenshot(page, 'home');

    await page.getByRole('menuitem', { name: /待办事项/ }).click();
    await page.waitForURL(/\/portal\/todos$/);
    await expect.poll(() => page.locator('.ant-table-tbody').innerText()).toContain(returned.businessNo);
    await screenshot(page, 'todos-pending');
    await page.getByRole('tab', { name: /已办/ }).click();
    await page.waitForURL(/list=handled/);
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    await screenshot(page, 'todos-handled');

    // a session that ends (here: tokens the api no longer accepts) returns to login, then to the page
    await page.evaluate(() => localStorage.setItem('szpm.tokens', JSON.stringify({ accessToken: 'revoked', refreshToken: 'revoked', expiresIn: 900 })));
    // the next request of the page (the click, or the badge's own refresh if it comes first) meets the refusal
    await page.getByRole('tab', { name: /待办/ }).first().click({ timeout: 5_000 }).catch(() => undefined);
    await page.waitForURL(/\/portal\/login\?from=%2Ftodos/);
    await expect.poll(() => page.locator('main').innerText()).toContain('登录已过期，请重新登录');
    // back to the page the session ended on (待办 when the click met the refusal first, 已办 when the badge did)
    const endedOn = new URL(page.url()).searchParams.get('from')!;
    expect(endedOn).toMatch(/^\/todos\?list=(pending|handled)$/);
    await signIn(page, 'futian.handler');
    await page.waitForURL((url) => `${url.pathname}${url.search}` === `/portal${endedOn}`);

    await chooseAccountMenuItem(page, /退出登录/);
    await page.waitForURL(/\/portal\/login$/);
    // signed out for good: the stored tokens are gone
    expect(await page.evaluate(() => localStorage.getItem('szpm.tokens'))).toBeNull();
    await page.close();
  });
});
