import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  NoticeAudience,
  type InboxMessage,
  type MeResponse,
  type NoticeDetail,
  type NoticeTypeView,
  type Page as ListPage,
  type SafetyAreaCandidate,
  type SafetyTargetForm,
  type SafetyTaskItem,
} from '@szpm/contract';
import { apiJson, apiLogin, DEMO_PASSWORD, freePort, openBrowser, REPO_ROOT, removeBrowserProfiles, type RunningApi, screenshotIn, startApi } from '../../../../test/support/browser';

/**
 * Chapters 15 and 16 on PC (1440×900): a notice published on the portal is read by a project manager
 * in the mini-program's H5 build and the portal's read statistics then show it read, with 催办; the
 * rule library's template CRUD; an inspection launched on the portal to chosen areas, filled by the
 * manager, drilled into on the statistics page, and its ledger exported as a valid xlsx under the
 * server's file name.
 */
const PORTAL_DIR = join(REPO_ROOT, 'apps/portal/dist');
const H5_DIR = join(REPO_ROOT, 'apps/miniprogram/dist/h5');
const ARTIFACTS = join(REPO_ROOT, 'apps/portal/test-artifacts');
/** a 1×1 PNG: the api checks an attachment's leading bytes */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const suffix = Date.now() % 100000;

let api: RunningApi;
let pc: BrowserContext;
let phone: BrowserContext;
const tokens: Record<string, string> = {};
let manager: MeResponse;
/** the property areas demo.manager runs (their project manager is 王俊峰) */
let managerAreas: SafetyAreaCandidate[];

const call = <T>(path: string, user: string, body?: unknown) => apiJson<T>(api.base, path, { token: tokens[user], body });
const screenshot = (page: Page, name: string) => screenshotIn(ARTIFACTS, page, name);
const shanghaiDate = (daysAhead: number) => new Date(Date.now() + daysAhead * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
/** antd puts a space between the two characters of a two-character button label; a busy button also names its loading icon */
const label = (text: string) => new RegExp(`^(loading\\s*)?${[...text].join('\\s*')}$`);

async function signInPc(username: string): Promise<Page> {
  const page = await pc.newPage();
  // what the officer saw in a toast: every refused /api/ call, with its body
  page.on('response', async (response) => {
    if (response.status() >= 400 && response.url().includes('/api/')) console.error(`${response.status()} ${response.request().method()} ${response.url()}: ${await response.text().catch(() => '')}`);
  });
  // the browser keeps the session of an earlier test: sign in afresh
  await page.goto(`${api.base}/portal/login`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: label('登录') }).click();
  await page.waitForURL(/\/portal\/?$/);
  return page;
}

async function pick(page: Page, fieldLabel: string, option: string | RegExp): Promise<void> {
  await page.getByLabel(fieldLabel).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

const messageText = (page: Page) => page.locator('.ant-message-notice').last().innerText();
const number = (text: string, name: string) => Number(new RegExp(`${name}\\s*(\\d+)`).exec(text)?.[1]);

beforeAll(async () => {
  for (const dir of [PORTAL_DIR, H5_DIR]) if (!existsSync(join(dir, 'index.html'))) throw new Error(`no build at ${dir}: run npm run build -w portal and npm run build:h5 -w miniprogram`);
  api = await startApi({ PORT: String(await freePort()), PORTAL_DIR, MINIPROGRAM_H5_DIR: H5_DIR });
  for (const user of ['futian.lead', 'demo.manager']) tokens[user] = await apiLogin(api.base, user);
  manager = await call<MeResponse>('/auth/me', 'demo.manager');
  managerAreas = [];
  for (let page = 1; ; page += 1) {
    const found = await call<ListPage<SafetyAreaCandidate>>(`/safety-inspections/area-candidates?pageSize=100&page=${page}`, 'futian.lead');
    managerAreas.push(...found.items.filter((a) => a.projectManagerName === manager.name));
    if (page * 100 >= found.total) break;
  }
  expect(managerAreas.length).toBeGreaterThan(0);
  pc = await openBrowser({ viewport: { width: 1440, height: 900 } });
  pc.setDefaultTimeout(30_000);
  pc.setDefaultNavigationTimeout(60_000);
  phone = await openBrowser({ viewport: { width: 414, height: 896 } });
  phone.setDefaultTimeout(60_000);
  phone.setDefaultNavigationTimeout(90_000);
});

afterAll(async () => {
  await pc?.close();
  await phone?.close();
  removeBrowserProfiles();
  await api?.stop();
});

describe('通知发布 on PC, read in the mini-program', () => {
  const title = `关于做好汛期安全防范工作的通知（PC${suffix}）`;

  it('publishes on PC with an attachment, the manager reads it in the H5 app, and the statistics show it read; 催办 the rest', async () => {
    const page = await signInPc('futian.lead');
    // the home's 功能快捷入口 opens the form
    await page.locator('.ant-pro-card', { hasText: '功能快捷入口' }).getByRole('button', { name: '通知发布' }).click();
    await page.waitForURL(/\/portal\/notices\/publish$/);
    await page.getByLabel('标题').fill(title);
    await pick(page, '通知类型', '工作通知');
    await page.getByLabel('项目经理').check();
    await page.getByLabel('通知内容').fill('请各物业服务项目于汛期前完成地下车库防倒灌设施检查。');
    await page.locator('input[type=file]').setInputFiles({ name: '排查要求.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('.ant-upload-list-item-done', { hasText: '排查要求.png' }).waitFor();
    await screenshot(page, 'notice-01-publish-form');
    await page.getByRole('button', { name: label('发布') }).first().click();
    const confirm = page.locator('.ant-modal-confirm');
    await expect.poll(() => confirm.innerText()).toMatch(/本通知将发送给 \d+ 人（项目经理 \d+ 人），确认发布？/);
    const recipients = Number(/发送给 (\d+) 人/.exec(await confirm.innerText())![1]);
    await confirm.getByRole('button', { name: label('发布') }).click();
    await page.waitForURL(/\/portal\/notices\/sent\/\d+$/);
    const noticeId = Number(/sent\/(\d+)$/.exec(page.url())![1]);
    const stats = page.getByTestId('notice-read-stats');
    await expect.poll(async () => number(await stats.innerText(), '接收人数')).toBe(recipients);
    expect(number(await stats.innerText(), '已读')).toBe(0);
    await expect.poll(() => page.locator('.ant-descriptions').innerText()).toContain('排查要求.png');

    // the manager, on the phone: 我的消息 → the notice
    await vi.waitFor(
      async () => {
        const inbox = await call<ListPage<InboxMessage>>('/inbox?pageSize=100', 'demo.manager');
        if (!inbox.items.some((m) => m.title.includes(title))) throw new Error('not delivered yet');
      },
      { timeout: 30_000, interval: 300 },
    );
    const inbox = await call<ListPage<InboxMessage>>('/inbox?pageSize=100', 'demo.manager');
    const delivered = inbox.items.find((m) => m.title.includes(title))!;
    const mobile = phone.pages()[0] ?? (await phone.newPage());
    await mobile.goto(`${api.base}/m/`);
    await mobile.locator('#login-page').waitFor();
    for (const [id, text] of [['login-username', 'demo.manager'], ['login-password', DEMO_PASSWORD]]) {
      const field = mobile.locator(`#${id} input, input#${id}`).first();
      await field.click();
      await field.fill(text);
    }
    await mobile.locator('#login-submit').click();
    await mobile.locator('#home-personal').waitFor();
    await mobile.locator('#home-entry-inbox').click();
    await mobile.locator(`#message-${delivered.id}`).click();
    await expect.poll(() => mobile.locator('#received-notice:visible').textContent()).toContain(title);
    await screenshotIn(ARTIFACTS, mobile, 'notice-02-read-in-h5');

    // back on PC: read by one, and the 已读 list names the manager
    await page.reload();
    await expect.poll(async () => number(await page.getByTestId('notice-read-stats').innerText(), '已读')).toBe(1);
    expect(number(await page.getByTestId('notice-read-stats').innerText(), '未读')).toBe(recipients - 1);
    await expect.poll(() => page.getByTestId('notice-chart').getAttribute('aria-label')).toBe(`阅读情况：已读 1 / ${recipients} 人（${Math.round((1 / recipients) * 10000) / 100}%）`);
    await page.getByRole('tab', { name: '已读' }).click();
    await expect.poll(() => page.locator('.ant-pro-table .ant-table-tbody').first().innerText()).toContain(manager.name);
    await expect.poll(() => page.locator('.ant-pro-table .ant-table-tbody').first().locator('.ant-table-row').count()).toBe(1);
    await screenshot(page, 'notice-03-read-statistics');

    // 催办 the unread; again at once: everyone was urged within the cooldown
    const urgeOnce = async () => {
      await page.getByRole('button', { name: label('催办') }).first().click();
      await page.locator('.ant-popconfirm:visible').getByRole('button', { name: label('催办') }).click();
    };
    await urgeOnce();
    await expect.poll(() => messageText(page)).toBe(`已催办 ${recipients - 1} 人`);
    await screenshot(page, 'notice-04-urged');
    await urgeOnce();
    await expect.poll(() => messageText(page)).toBe(`未催办任何人，${recipients - 1} 人 24 小时内已催办过`);
    const detail = await call<NoticeDetail>(`/notices/${noticeId}`, 'futian.lead');
    expect(detail.urges.length).toBe(1);
    await page.close();
  });

  it('answers 催办 of a notice everyone has read with the api’s message', async () => {
    const [type] = await call<NoticeTypeView[]>('/notices/types', 'futian.lead');
    const notice = await call<NoticeDetail>('/notices', 'futian.lead', {
      title: `关于报送防汛物资清单的通知（PC${suffix}）`,
      noticeTypeId: type.id,
      content: '请于本周内报送。',
      audiences: [NoticeAudience.PROJECT_MANAGER],
      propertyAreaIds: managerAreas.map((a) => a.propertyAreaId),
    });
    expect(notice.recipients).toBe(1);
    await call(`/notices/received/${notice.id}/read`, 'demo.manager', {});
    const page = await signInPc('futian.lead');
    await page.goto(`${api.base}/portal/notices/sent/${notice.id}`);
    await expect.poll(async () => number(await page.getByTestId('notice-read-stats').innerText(), '已读')).toBe(1);
    await page.getByRole('button', { name: label('催办') }).first().click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: label('催办') }).click();
    await expect.poll(() => messageText(page)).toBe('所有接收人均已阅读，无需催办');
    // the list of sent messages finds it by title
    await page.goto(`${api.base}/portal/notices/sent`);
    await page.getByLabel('标题').fill(`PC${suffix}`);
    await page.getByRole('button', { name: label('查询') }).click();
    // both notices and the 催办 of the first; 显示催办 keeps only the 催办
    await expect.poll(() => page.locator('.ant-table-tbody .ant-table-row').count()).toBe(3);
    await screenshot(page, 'notice-05-sent-list');
    await page.getByLabel('显示催办').check();
    await page.getByRole('button', { name: label('查询') }).click();
    await expect.poll(() => page.locator('.ant-table-tbody .ant-table-row').count()).toBe(1);
    expect(await page.locator('.ant-table-tbody .ant-table-row').innerText()).toContain('催办');
    await page.close();
  });
});

describe('安全检查 on PC', () => {
  const title = `汛前安全专项检查（PC${suffix}）`;

  it('adds a template with indicators and sub-items, and deletes it after confirming', async () => {
    const page = await signInPc('futian.lead');
    const name = `电动自行车停放充电检查（PC${suffix}）`;
    await page.goto(`${api.base}/portal/safety-inspections/templates`);
    await page.getByRole('button', { name: /新增/ }).click();
    await page.waitForURL(/\/templates\/new$/);
    await page.getByText('新增检查模板').first().waitFor();
    await page.getByLabel('模板名称').fill(name);
    await page.getByLabel('专项检查', { exact: true }).check();
    await page.getByLabel('指标名称').fill('电动自行车管理');
    await page.getByLabel('子项内容').fill('电动自行车未在楼道、门厅停放充电');
    await page.getByLabel('设施设备').fill('集中充电设施');
    await page.getByRole('button', { name: '添加检查子项' }).click();
    await page.getByLabel('子项内容').nth(1).fill('集中充电场所配备灭火器');
    await screenshot(page, 'safety-01-template-form');
    await page.getByRole('button', { name: label('保存') }).click();
    await page.waitForURL(/\/safety-inspections\/templates$/);
    const row = page.locator('.ant-table-row', { hasText: name });
    await expect.poll(() => row.innerText()).toMatch(/专项检查\s+本区\s+1\s+2\s+1/);
    await screenshot(page, 'safety-02-template-list');
    await row.getByRole('button', { name: `删除 ${name}` }).click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: label('删除') }).click();
    await expect.poll(() => row.count()).toBe(0);
    await page.close();
  });

  it('launches to chosen areas, drills into the statistics, and exports the ledger under the server’s name', async () => {
    const page = await signInPc('futian.lead');
    await page.locator('.ant-pro-card', { hasText: '功能快捷入口' }).getByRole('button', { name: '发起安全检查' }).click();
    await page.waitForURL(/\/portal\/safety-inspections\/launch$/);
    await pick(page, '检查模板', /专项检查/);
    await page.getByLabel('检查标题').fill(title);
    await page.getByLabel('截止日期').fill(shanghaiDate(14));
    await page.getByLabel('截止日期').press('Enter');
    await page.getByLabel('检查说明').fill('请逐项自查，不合格项须拍照并说明整改措施。');
    await page.getByLabel('指定物业项目').check();
    for (const area of managerAreas) {
      await page.getByLabel('项目名称或编号').fill(area.propertyAreaCode);
      await page.getByRole('button', { name: label('查询') }).click();
      const candidate = page.locator('.ant-table-row', { hasText: area.propertyAreaCode });
      await candidate.getByRole('checkbox').check();
    }
    await expect.poll(() => page.getByText(/^已选 \d+ 个物业项目$/).innerText()).toBe(`已选 ${managerAreas.length} 个物业项目`);
    await screenshot(page, 'safety-03-launch-form');
    await page.getByRole('button', { name: label('发起') }).first().click();
    const confirm = page.locator('.ant-modal-confirm');
    await expect.poll(() => confirm.innerText()).toContain(`将向 ${managerAreas.length} 个物业项目的项目负责人发起安全检查，截止日期 ${shanghaiDate(14)}`);
    await confirm.getByRole('button', { name: label('发起') }).click();
    await page.waitForURL(/\/portal\/safety-inspections\/list\/\d+$/);
    const inspectionId = Number(/list\/(\d+)$/.exec(page.url())![1]);

    // the manager fills the first area: one item fails
    const tasks = await call<ListPage<SafetyTaskItem>>(`/safety-inspections/my-tasks?inspectionId=${inspectionId}`, 'demo.manager');
    expect(tasks.total).toBe(managerAreas.length);
    const task = tasks.items[0];
    const form = await call<SafetyTargetForm>(`/safety-inspections/my-tasks/${task.targetId}`, 'demo.manager');
    const items = form.indicators.flatMap((i) => i.items);
    await call(`/safety-inspections/my-tasks/${task.targetId}/submit`, 'demo.manager', {
      results: items.map((item, index) => (index === 0 ? { itemId: item.id, outcome: 'FAIL', note: '挡水板缺失，已安排采购' } : { itemId: item.id, outcome: 'PASS' })),
    });

    await page.reload();
    await expect.poll(async () => number(await page.getByTestId('inspection-completion').innerText(), '已提交')).toBe(1);
    await expect.poll(() => page.locator('.ant-table-tbody').first().innerText()).toContain(task.propertyAreaName);
    await screenshot(page, 'safety-04-inspection-detail');

    // the ledger: the server's file name, a header row and one row per area
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出总体情况台账' }).click()]);
    const served = await fetch(`${api.base}/api/safety-inspections/${inspectionId}/ledger`, { headers: { authorization: `Bearer ${tokens['futian.lead']}` } });
    const serverName = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(served.headers.get('content-disposition') ?? '')![1]);
    expect(serverName).toBe(`福田区${title}总体情况台账.xlsx`);
    expect(download.suggestedFilename()).toBe(serverName);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const ledger = workbook.getWorksheet('总体情况台账')!;
    const rows = ledger.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0].slice(1, 5)).toEqual(['序号', '街道', '社区', '物业项目']);
    const header = rows[0] as string[];
    const data = rows.slice(1);
    expect(data.length).toBe(managerAreas.length);
    const filled = data.find((r) => r[header.indexOf('物业项目')] === task.propertyAreaName)!;
    expect(filled[header.indexOf('填报状态')]).toBe('已完成');
    expect(filled[header.indexOf('不合格项')]).toBe(1);
    expect(String(filled[header.indexOf('发现问题')])).toContain('挡水板缺失，已安排采购');
    expect(data.filter((r) => r[header.indexOf('填报状态')] === '未填报').length).toBe(managerAreas.length - 1);
    const problems = workbook.getWorksheet('问题明细')!;
    expect(problems.actualRowCount).toBe(2);

    // 查看全部统计 of this inspection: the 合计 row's 已提交 opens the area behind it
    await page.getByRole('button', { name: '查看全部统计' }).click();
    await page.waitForURL(new RegExp(`/safety-inspections/statistics\\?inspectionId=${inspectionId}$`));
    const table = page.getByTestId('safety-region-stats');
    await expect.poll(() => table.locator('.ant-table-summary').innerText()).toMatch(new RegExp(`合计\\s+${managerAreas.length}\\s+1\\s+${managerAreas.length - 1}`));
    await table.locator('.ant-table-summary').getByRole('button', { name: /已提交 1，查看项目/ }).click();
    const cells = page.locator('.ant-modal', { hasText: '已提交' });
    await expect.poll(() => cells.locator('.ant-table-tbody').innerText()).toContain(task.propertyAreaName);
    expect(await cells.locator('.ant-table-row').count()).toBe(1);
    await screenshot(page, 'safety-05-statistics-cell');
    await page.close();
  });
});
