import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModuleKey, type MeResponse, type Page as ListPage, type StaffListItem, type UnitCategoryStats } from '@szpm/contract';
import { apiJson, apiLogin, DEMO_PASSWORD, freePort, openBrowser, REPO_ROOT, removeBrowserProfiles, type RunningApi, screenshotIn, startApi } from '../../../../test/support/browser';

/**
 * Chapters 2 and 3 on PC (1440×900): the forced change of an initial password; a lead finds a
 * person, opens the detail and gives a module grant (confirmed), which the grantee's menu then
 * shows; the 用户统计 drill-down lists as many rows as the number clicked; 催绑 answers in words;
 * the city admin's 审计日志 shows the grant.
 */
const PORTAL_DIR = join(REPO_ROOT, 'apps/portal/dist');
const ARTIFACTS = join(REPO_ROOT, 'apps/portal/test-artifacts');
const NEW_PASSWORD = 'Newcomer@2026';

let api: RunningApi;
let context: BrowserContext;
const call = <T>(path: string, init: { token?: string; body?: unknown } = {}) => apiJson<T>(api.base, path, init);
const screenshot = (page: Page, name: string) => screenshotIn(ARTIFACTS, page, name);

async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** A page in a browser profile of its own (its own stored session). */
async function freshPage(): Promise<Page> {
  const own = await openBrowser({ viewport: { width: 1440, height: 900 } });
  own.setDefaultTimeout(30_000);
  return own.newPage();
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

describe('权限管理 and the forced password change on PC (1440×900)', () => {
  it('sends a newcomer with an initial password to the change, keeps every other page closed, then reaches the home', async () => {
    const page = await freshPage();
    await page.goto(`${api.base}/portal/login`);
    await signIn(page, 'futian.newcomer');
    await page.waitForURL(/\/portal\/account\/password$/);
    await expect.poll(() => page.getByTestId('password-change-notice').innerText()).toContain('您的账号仍在使用初始密码，请先修改密码');
    await expect.poll(() => page.getByLabel('密码规则').innerText()).toContain('包含大写字母、小写字母、数字、符号中的至少三类');
    await screenshot(page, 'password-change-required');

    // no other page opens: a menu entry or a typed address comes back here
    await page.goto(`${api.base}/portal/todos`);
    await page.waitForURL(/\/portal\/account\/password$/);
    await page.getByRole('menuitem', { name: /首页/ }).click();
    await page.waitForURL(/\/portal\/account\/password$/);

    await page.getByLabel('原密码').fill(DEMO_PASSWORD);
    await page.getByLabel('新密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByLabel('确认新密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /修改密码/ }).click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').allInnerTexts()).toContain('新密码不能与原密码相同');
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: /修改密码/ }).click();
    await page.waitForURL(/\/portal\/login$/);
    await expect.poll(() => page.locator('main').innerText()).toContain('密码已修改，请用新密码登录');
    await signIn(page, 'futian.newcomer', NEW_PASSWORD);
    await page.waitForURL(/\/portal\/?$/);
    await expect.poll(() => page.getByTestId('account-name').innerText()).toBe('陈思远');
    await page.getByRole('menuitem', { name: /待办事项/ }).click();
    await page.waitForURL(/\/portal\/todos$/);
    await screenshot(page, 'password-changed-home');
    await page.context().close();
  });

  it('lets a lead find a person, open the detail and give a module grant with confirmation; the grantee’s menu then shows it', async () => {
    const grantee = 'futian.street.yuanling';
    const granteeToken = await apiLogin(api.base, grantee);
    const before = await call<MeResponse>('/auth/me', { token: granteeToken });
    expect(before.modules.map((m) => m.module)).not.toContain(ModuleKey.NOTICES);

    const page = await context.newPage();
    await page.goto(`${api.base}/portal/login`);
    await signIn(page, 'futian.lead');
    await page.waitForURL(/\/portal\/?$/);
    await page.getByRole('menuitem', { name: /权限管理/ }).click();
    await page.getByRole('menuitem', { name: /人员列表/ }).click();
    await page.waitForURL(/\/portal\/permissions\/staff$/);
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    await page.getByLabel('姓名', { exact: true }).first().fill(before.name);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(1);
    await screenshot(page, 'permissions-staff-search');

    await page.getByRole('button', { name: `查看 ${before.name} 的详情` }).click();
    await expect.poll(() => page.getByTestId('staff-detail').innerText()).toContain(grantee);
    const grantSwitch = page.getByTestId(`grant-${ModuleKey.NOTICES}-view`);
    expect(await grantSwitch.getAttribute('aria-checked')).toBe('false');
    await grantSwitch.click();
    await expect.poll(() => page.locator('.ant-popconfirm').innerText()).toContain('授予「通知发布查看权限」？');
    await screenshot(page, 'permissions-grant-confirm');
    await page.locator('.ant-popconfirm').getByRole('button', { name: /授\s*予/ }).click();
    await expect.poll(() => grantSwitch.getAttribute('aria-checked')).toBe('true');
    await screenshot(page, 'permissions-staff-detail');

    // the api gives it at once; the grantee's menu shows 通知发布 at their next sign-in
    const after = await call<MeResponse>('/auth/me', { token: granteeToken });
    expect(after.modules.find((m) => m.module === ModuleKey.NOTICES)?.actions).toEqual(['view']);
    const granteePage = await freshPage();
    await granteePage.goto(`${api.base}/portal/login`);
    await signIn(granteePage, grantee);
    await granteePage.waitForURL(/\/portal\/?$/);
    await expect.poll(() => granteePage.getByRole('menuitem').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('通知发布')]));
    await screenshot(granteePage, 'permissions-grantee-menu');
    await granteePage.context().close();

    // a city-only module: the api refuses a district lead, and the page shows its words
    await page.getByTestId(`grant-${ModuleKey.CREDIT}-operate`).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /授\s*予/ }).click();
    await expect.poll(() => page.locator('.ant-modal-confirm').innerText()).toContain('该模块的权限需要市局相关负责人赋权');
    await screenshot(page, 'permissions-grant-city-only-refused');
    await page.close();
  });

  it('drills from a 用户统计 number into a list of as many rows, and 催绑 answers in words', async () => {
    const lead = await apiLogin(api.base, 'futian.lead');
    const stats = await call<UnitCategoryStats[]>('/permissions/binding-stats', { token: lead });
    const counters = ['unitsWithoutAccount', 'unbound', 'bound', 'accountTotal', 'allUnits'] as const;
    const pick = stats.flatMap((row) => counters.map((counter) => ({ row, counter, value: row[counter] }))).find((c) => c.value >= 1 && c.value <= 20)!;
    expect(pick).toBeDefined();

    const page = await context.newPage();
    await page.goto(`${api.base}/portal/permissions/binding-stats`);
    await page.waitForURL(/\/portal\/permissions\/binding-stats$/);
    const cell = page.getByTestId(`stats-${pick.row.category}-${pick.counter}`);
    await expect.poll(() => cell.innerText()).toBe(String(pick.value));
    await screenshot(page, 'permissions-binding-stats');
    await cell.click();
    await expect.poll(() => page.getByTestId('drill-title').innerText()).toContain(`（${pick.value}）`);
    await expect.poll(() => page.locator('.ant-drawer .ant-table-row').count()).toBe(pick.value);
    await screenshot(page, 'permissions-binding-drilldown');
    await page.locator('.ant-drawer-close').click();

    await page.getByRole('button', { name: /^催\s*绑$/ }).first().click();
    await expect.poll(() => page.locator('.ant-modal-confirm').innerText()).toContain('向全部未绑定微信的账号发送催绑消息？');
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /催\s*绑/ }).click();
    await expect.poll(() => page.getByTestId('urge-result').innerText()).toMatch(/^已催绑 \d+ 人/);
    await screenshot(page, 'permissions-urge-binding');
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('shows the city admin the grant in 审计日志', async () => {
    const page = await freshPage();
    await page.goto(`${api.base}/portal/login`);
    await signIn(page, 'city.admin');
    await page.waitForURL(/\/portal\/?$/);
    await page.goto(`${api.base}/portal/admin/audit-logs`);
    await page.getByLabel('操作', { exact: true }).fill('add-grant');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect.poll(() => page.locator('.ant-table-tbody').innerText()).toContain('admin.add-grant');
    await expect.poll(() => page.locator('.ant-table-tbody').innerText()).toContain('刘建华');
    await screenshot(page, 'admin-audit-logs');
    const staff = await call<ListPage<StaffListItem>>('/permissions/staff?search=%E8%B5%B5%E9%9B%85%E7%90%B4', { token: await apiLogin(api.base, 'futian.lead') });
    await page.getByLabel('对象ID').fill(String(staff.items[0].id));
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThanOrEqual(2);
    await page.goto(`${api.base}/portal/admin/queues`);
    await expect.poll(() => page.locator('main, .ant-pro-layout').first().innerText()).toContain('打开队列监控');
    await page.context().close();
  });
});
