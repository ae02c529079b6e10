import { InboxMessage, NoticeAudience, NoticeDetail, NoticeTypeView, Page as ApiPage, SafetyInspectionDetail, SafetyTemplateListItem } from '@szpm/contract';
import { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { apiJson, apiLogin, browserSession, checkPage, freePort, RunningApi, screenshot, signInCounterpart, startApi } from './support';

/**
 * A recipient's home: the demo project manager (demo.manager, 王俊峰) holds no module grants, yet
 * receives notices and inspection tasks. The home shows 我的消息 with its unread badge and
 * 我的检查任务; reading a message takes the badge down. Every page passes the size checks.
 */
let api: RunningApi;
const { newPage } = browserSession(() => api);
const tokens: Record<string, string> = {};
const suffix = Date.now() % 100000;
const noticeTitle = `关于做好高温天气安全防范的通知（E2E${suffix}）`;
const inspectionTitle = `电梯专项安全检查（E2E${suffix}）`;

const shanghaiDate = (daysAhead: number) => new Date(Date.now() + daysAhead * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

async function managerInbox(): Promise<ApiPage<InboxMessage>> {
  return apiJson<ApiPage<InboxMessage>>(api.base, '/inbox?pageSize=100', { token: tokens['demo.manager'] });
}

async function unreadCount(): Promise<number> {
  return (await apiJson<{ unread: number }>(api.base, '/inbox/unread-count', { token: tokens['demo.manager'] })).unread;
}

beforeAll(async () => {
  api = await startApi({ PORT: String(await freePort()) });
  for (const user of ['futian.handler', 'demo.manager']) tokens[user] = await apiLogin(api.base, user);
  const [noticeType] = await apiJson<NoticeTypeView[]>(api.base, '/notices/types', { token: tokens['futian.handler'] });
  await apiJson<NoticeDetail>(api.base, '/notices', {
    token: tokens['futian.handler'],
    body: { title: noticeTitle, noticeTypeId: noticeType.id, content: '请各项目加强高温时段的设备巡查。', audiences: [NoticeAudience.PROJECT_MANAGER] },
  });
  const [template] = await apiJson<SafetyTemplateListItem[]>(api.base, '/safety-inspections/templates', { token: tokens['futian.handler'] });
  await apiJson<SafetyInspectionDetail>(api.base, '/safety-inspections', {
    token: tokens['futian.handler'],
    body: { templateId: template.id, title: inspectionTitle, deadline: shanghaiDate(30) },
  });
  // both are delivered by the queue: wait until the manager's inbox holds them
  await vi.waitFor(
    async () => {
      if (!(await managerInbox()).items.some((m) => m.title.includes(noticeTitle))) throw new Error('the notice is not in the manager’s inbox yet');
    },
    { timeout: 30_000, interval: 200 },
  );
});

async function managerHome(): Promise<Page> {
  const page = await newPage();
  await signInCounterpart(page, api.base, 'demo.manager');
  return page;
}

const badge = (page: Page) => page.locator('#home-badge-inbox');

describe('a recipient’s home: 我的消息 and 我的检查任务', () => {
  it('the manager sees 我的消息 with the unread count, opens a notice from it, and the badge drops', async () => {
    const page = await managerHome();
    const before = await unreadCount();
    expect(before).toBeGreaterThan(0);
    await expect.poll(() => badge(page).textContent()).toBe(before > 99 ? '99+' : String(before));
    // no 未开通 dead end for an account that only receives
    expect(await page.locator('#home-no-modules').count()).toBe(0);
    await screenshot(page, 'home-01-manager-home');
    await checkPage(page, 'home-01-manager-home');

    await page.locator('#home-entry-inbox').click();
    const message = (await managerInbox()).items.find((m) => m.title.includes(noticeTitle) && m.readAt === null)!;
    const row = page.locator(`#message-${message.id}`);
    await row.waitFor();
    expect(await row.textContent()).toContain('未读');
    await screenshot(page, 'home-02-messages');
    await checkPage(page, 'home-02-messages');

    await row.click();
    await expect.poll(() => page.locator('#received-notice:visible').textContent()).toContain(noticeTitle);
    await checkPage(page, 'home-03-message-opened');
    await expect.poll(unreadCount).toBe(before - 1);

    // back in 我的消息 the row reads 已读; back home the badge shows one less
    await page.goBack();
    await expect.poll(() => page.locator(`#message-${message.id}:visible`).textContent()).toContain('已读');
    await page.goBack();
    await page.locator('#home-personal:visible').waitFor();
    await expect.poll(async () => ((await badge(page).count()) ? badge(page).textContent() : '')).toBe(before - 1 > 0 ? String(before - 1) : '');
  });

  it('the manager opens 我的检查任务 from the home and finds the inspection launched to the area', async () => {
    const page = await managerHome();
    await expect.poll(() => page.locator('#home-badge-safety-tasks').textContent()).toMatch(/^(\d+|99\+)$/);
    await page.locator('#home-entry-safety-tasks').click();
    await expect.poll(() => page.locator('#safety-tasks-list').textContent()).toContain(inspectionTitle);
    await screenshot(page, 'home-04-safety-tasks');
    await checkPage(page, 'home-04-safety-tasks');
  });
});
