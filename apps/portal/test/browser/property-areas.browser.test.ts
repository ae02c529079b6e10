import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AREA_CHANGE_STATUS_LABELS,
  CoordinateStatus,
  QUICK_ENTRIES,
  WorkflowStatus,
  type AreaCaseListItem,
  type BuildingNode,
  type FacilityItem,
  type FacilityTypeNode,
  type Page as ListPage,
  type PropertyAreaDetail,
  type PropertyAreaListItem,
  type UnitNode,
} from '@szpm/contract';
import { apiJson, apiLogin, DEMO_PASSWORD, freePort, openBrowser, REPO_ROOT, removeBrowserProfiles, type RunningApi, screenshotIn, startApi } from '../../../../test/support/browser';

/**
 * Chapter 5 on PC (1440×900): 物业区域管理 searched by each of its four keys (and the map rectangle),
 * an area's six tabs with the house tree expanded building → unit → house; the facility ledger's
 * import — a sheet with two bad rows is refused row by row in the dry run, the fixed sheet is
 * imported; and an edit that waits for the city bureau, approved by the city handler, after which
 * the district sees the new value.
 */
const PORTAL_DIR = join(REPO_ROOT, 'apps/portal/dist');
const ARTIFACTS = join(REPO_ROOT, 'apps/portal/test-artifacts');
const CITY_HANDLER = 'city.officer01';
const suffix = Date.now() % 100000;

let api: RunningApi;
let pc: BrowserContext;
const tokens: Record<string, string> = {};
/** an area of 福田区 with a company, a developer, a plotted boundary and buildings */
let area: PropertyAreaDetail;

const call = <T>(path: string, user: string, body?: unknown, method?: string) => apiJson<T>(api.base, path, { token: tokens[user], body, method });
const screenshot = (page: Page, name: string) => screenshotIn(ARTIFACTS, page, name);
/** antd puts a space between the two characters of a two-character button label; a busy button also names its loading icon */
const label = (text: string) => new RegExp(`^(loading\\s*)?${[...text].join('\\s*')}$`);
const rows = (page: Page) => page.locator('.ant-pro-table .ant-table-tbody .ant-table-row');

async function signInPc(username: string): Promise<Page> {
  const page = await pc.newPage();
  page.on('response', async (response) => {
    if (response.status() >= 400 && response.url().includes('/api/')) console.error(`${response.status()} ${response.request().method()} ${response.url()}: ${await response.text().catch(() => '')}`);
  });
  await page.goto(`${api.base}/portal/login`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: label('登录') }).click();
  await page.waitForURL(/\/portal\/?$/);
  return page;
}

/** the query parameter each search field sends */
const PARAM_OF: Record<string, string> = { 物业区域名称: 'search=', 物业服务企业: 'companySearch=', 开发建设单位: 'developerSearch=', 西南角: 'swLng=', 东北角: 'neLng=', 坐标图层: 'coordinateStatus=' };
const isList = (url: string) => url.includes('/api/property-areas?');

/**
 * Fills the list's search form afresh and runs it, waiting for the api's answer to exactly this
 * search (重置 runs a search of its own first); `asksApi` false: the form refuses it before asking.
 */
async function search(page: Page, fields: Record<string, string>, select?: { label: string; option: string }, asksApi = true): Promise<void> {
  const reset = page.waitForResponse((r) => isList(r.url()), { timeout: 10_000 }).catch(() => null);
  await page.getByRole('button', { name: label('重置') }).click();
  await reset;
  for (const [name, value] of Object.entries(fields)) await page.getByLabel(name).fill(value);
  if (select) {
    await page.getByLabel(select.label).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: select.option }).first().click();
  }
  const params = [...Object.keys(fields), ...(select ? [select.label] : [])].map((f) => PARAM_OF[f]);
  const answered = asksApi ? page.waitForResponse((r) => isList(r.url()) && params.every((p) => r.url().includes(p))) : null;
  await page.getByRole('button', { name: label('查询') }).click();
  await answered;
  // the table has taken the answer in (it spins while a request is out)
  await expect.poll(() => page.locator('.ant-pro-table .ant-spin-spinning').count()).toBe(0);
}

const totalShown = async (page: Page) => Number(/共\s*(\d+)\s*条/.exec(await page.locator('.ant-pagination-total-text').first().innerText())?.[1] ?? rows(page).count());

beforeAll(async () => {
  if (!existsSync(join(PORTAL_DIR, 'index.html'))) throw new Error(`no portal build at ${PORTAL_DIR}: run npm run build -w portal`);
  api = await startApi({ PORT: String(await freePort()), PORTAL_DIR });
  for (const user of ['futian.lead', CITY_HANDLER]) tokens[user] = await apiLogin(api.base, user);
  const listed = await call<ListPage<PropertyAreaListItem>>('/property-areas?pageSize=100&coordinateStatus=PLOTTED', 'futian.lead');
  const candidates = listed.items.filter((a) => a.companyName && a.developerName && a.houseCount > 0);
  for (const candidate of candidates) {
    const detail = await call<PropertyAreaDetail>(`/property-areas/${candidate.id}`, 'futian.lead');
    if (detail.buildingCount > 0) {
      area = detail;
      break;
    }
  }
  expect(area, 'a plotted 福田区 area with a company, a developer and buildings').toBeDefined();
  pc = await openBrowser({ viewport: { width: 1440, height: 900 } });
  pc.setDefaultTimeout(30_000);
  pc.setDefaultNavigationTimeout(60_000);
});

afterAll(async () => {
  await pc?.close();
  removeBrowserProfiles();
  await api?.stop();
});

describe('物业区域管理 on PC', () => {
  it('searches by each of the four keys and the map rectangle, sorts, and opens the six tabs with the house tree', async () => {
    const page = await signInPc('futian.lead');
    // 功能快捷入口 once the api grants it, else the menu
    const quick = QUICK_ENTRIES.find((e) => e.key === 'property-area-management' && e.route !== null);
    if (quick) await page.locator('.ant-pro-card', { hasText: '功能快捷入口' }).getByRole('button', { name: quick.label }).click();
    else await page.locator('.ant-menu').getByText('物业区域管理').click();
    await page.waitForURL(/\/portal\/property-areas\/list$/);
    await expect.poll(() => rows(page).count()).toBeGreaterThan(0);

    // 物业区域名称
    await search(page, { 物业区域名称: area.name });
    await expect.poll(() => rows(page).first().innerText()).toContain(area.name);
    const byName = await call<ListPage<PropertyAreaListItem>>(`/property-areas?search=${encodeURIComponent(area.name)}`, 'futian.lead');
    expect(await totalShown(page)).toBe(byName.total);

    // 物业服务企业
    await search(page, { 物业服务企业: area.companyName! });
    await expect.poll(() => rows(page).count()).toBeGreaterThan(0);
    for (const text of await rows(page).allInnerTexts()) expect(text).toContain(area.companyName!);
    const byCompany = await call<ListPage<PropertyAreaListItem>>(`/property-areas?companySearch=${encodeURIComponent(area.companyName!)}`, 'futian.lead');
    expect(await totalShown(page)).toBe(byCompany.total);

    // 开发建设单位
    await search(page, { 开发建设单位: area.developerName! });
    await expect.poll(() => rows(page).count()).toBeGreaterThan(0);
    for (const text of await rows(page).allInnerTexts()) expect(text).toContain(area.developerName!);

    // 坐标图层: 未标注 only, then 已标注 with a rectangle around the area's centroid
    await search(page, {}, { label: '坐标图层', option: '未标注' });
    const unplotted = await call<ListPage<PropertyAreaListItem>>(`/property-areas?coordinateStatus=${CoordinateStatus.UNPLOTTED}`, 'futian.lead');
    await expect.poll(() => totalShown(page)).toBe(unplotted.total);
    for (const text of await rows(page).allInnerTexts()) expect(text).toContain('未标注');
    const corner = (dLng: number, dLat: number) => `${(area.longitude + dLng).toFixed(6)},${(area.latitude + dLat).toFixed(6)}`;
    await search(page, { 西南角: corner(-0.0005, -0.0005), 东北角: corner(0.0005, 0.0005) }, { label: '坐标图层', option: '已标注' });
    await expect.poll(() => page.locator('.ant-table-tbody').first().innerText()).toContain(area.name);
    for (const text of await rows(page).allInnerTexts()) expect(text).toContain('已标注');
    // a half rectangle is refused with the corner named
    await search(page, { 西南角: corner(0, 0) }, undefined, false);
    await expect.poll(() => page.locator('.ant-message-notice').last().innerText()).toBe('地图范围查询须同时填写西南角和东北角');
    await screenshot(page, 'areas-01-list');

    // sorting by 建筑面积 asks the api for it
    await search(page, {});
    const sorted = page.waitForRequest((r) => r.url().includes('/api/property-areas?') && r.url().includes('sort=floorArea'));
    await page.locator('.ant-table-thead th', { hasText: '建筑面积' }).click();
    expect((await sorted).url()).toContain('order=ASC');

    // 详情: the six tabs
    await search(page, { 物业区域名称: area.name });
    await rows(page).filter({ hasText: area.code }).getByRole('link', { name: `查看详情 ${area.name}` }).click();
    await page.waitForURL(new RegExp(`/property-areas/list/${area.id}$`));
    await expect.poll(() => page.getByTestId('area-core').innerText()).toContain(area.code);
    expect(await page.locator('.ant-pro-page-container').innerText()).toContain('总建筑面积');
    const tabs = page.locator('.ant-pro-page-container .ant-tabs-nav').first();
    expect((await tabs.innerText()).split(/\s+/)).toEqual(['物业区域信息', '共有资金信息', '房屋信息', '设施设备信息', '车位信息', '项目从业人员信息']);
    // 项目从业人员信息 (chapter 12): the roster itself, masked for this reader or not as the api answers
    await tabs.getByRole('tab', { name: '项目从业人员信息' }).click();
    await expect.poll(() => page.getByTestId('area-practitioners').locator('.ant-table-tbody .ant-table-row').count()).toBeGreaterThan(0);
    // 车位信息 (chapter 13): the current filing, or that the project has not filed
    await tabs.getByRole('tab', { name: '车位信息' }).click();
    await page.getByTestId(/^parking-tab(-empty)?$/).waitFor();
    // 共有资金信息 (chapter 11): the accounts, their latest transactions and any overdue case
    await tabs.getByRole('tab', { name: '共有资金信息' }).click();
    await expect.poll(() => page.getByTestId('area-common-funds').innerText()).toMatch(/共有资金账户|未开设/);
    await tabs.getByRole('tab', { name: '设施设备信息' }).click();
    await expect.poll(() => page.getByTestId('facility-stats').innerText()).toContain('设施设备（条）');

    // 房屋信息: 楼栋 → 单元 → 房屋, each level loaded when opened
    const [building] = await call<BuildingNode[]>(`/property-areas/${area.id}/buildings`, 'futian.lead');
    const units = await call<UnitNode[]>(`/property-areas/${area.id}/buildings/${building.id}/units`, 'futian.lead');
    await tabs.getByRole('tab', { name: '房屋信息' }).click();
    const tree = page.getByTestId('house-tree');
    const buildingNode = tree.locator('.ant-tree-treenode', { hasText: building.name }).first();
    await expect.poll(() => buildingNode.innerText()).toContain(`${building.houseCount} 户`);
    const unitsAsked = page.waitForResponse((r) => r.url().includes(`/buildings/${building.id}/units`));
    await buildingNode.locator('.ant-tree-switcher').click();
    await unitsAsked;
    const unitNode = tree.locator('.ant-tree-treenode', { hasText: `${units[0].unitNo || '（无单元）'} · ${units[0].houseCount} 户` }).first();
    await unitNode.waitFor();
    const housesAsked = page.waitForResponse((r) => r.url().includes(`/property-areas/${area.id}/houses?`));
    await unitNode.locator('.ant-tree-switcher').click();
    await housesAsked;
    // a house's title names its 建筑面积 (buildings and units count 户)
    const house = tree.locator('.ant-tree-treenode', { hasText: '建筑面积' }).first();
    await house.locator('.ant-tree-title').click();
    await expect.poll(() => page.getByTestId('house-detail').innerText()).toContain(building.name);
    await screenshot(page, 'areas-02-house-tree');
    await page.close();
  });
});

describe('设施设备 import on PC', () => {
  it('shows a sheet’s two bad rows from the dry run, and imports the fixed sheet', async () => {
    const types = await call<FacilityTypeNode[]>('/facility-types', 'futian.lead');
    const leaves: FacilityTypeNode[] = [];
    const walk = (nodes: FacilityTypeNode[]) => nodes.forEach((n) => (n.children.length ? walk(n.children) : leaves.push(n)));
    walk(types);
    const plain = leaves.find((t) => t.enabled && !t.isSpecialEquipment)!;
    expect(plain).toBeDefined();

    // the template as the officer downloads it
    const template = await fetch(`${api.base}/api/property-areas/${area.id}/facilities/template`, { headers: { authorization: `Bearer ${tokens['futian.lead']}` } });
    expect(template.status).toBe(200);
    const names = [`生活水泵（导入${suffix}）`, `排污泵（导入${suffix}）`, `视频监控主机（导入${suffix}）`];
    const sheet = async (fixed: boolean): Promise<Buffer> => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await template.clone().arrayBuffer()) as ArrayBuffer);
      const ws = workbook.getWorksheet('设施设备')!;
      let headerRow = 1;
      ws.eachRow((row, n) => {
        if ((row.values as unknown[]).includes('设备名称') && headerRow === 1) headerRow = n;
      });
      const header = ws.getRow(headerRow).values as unknown[];
      const col = (name: string) => header.indexOf(name);
      const put = (rowNo: number, values: Record<string, string | number>) => {
        const row = ws.getRow(rowNo);
        for (const [name, value] of Object.entries(values)) row.getCell(col(name)).value = value;
        row.commit();
      };
      put(headerRow + 1, { 设备名称: names[0], 设施设备类型: plain.path, 位置: '地下一层水泵房', 数量: 2, 到期日期: '2027-06-30' });
      put(headerRow + 2, { 设备名称: names[1], 设施设备类型: plain.path, 位置: '地下二层', 数量: 1, 到期日期: fixed ? '2027-12-31' : '2027-13-45' });
      put(headerRow + 3, { 设备名称: names[2], 设施设备类型: fixed ? plain.path : '不存在的设备类型', 位置: '监控室', 数量: 1 });
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };

    const page = await signInPc('futian.lead');
    await page.goto(`${api.base}/portal/property-areas/list/${area.id}?tab=facilities`);
    await page.getByRole('button', { name: label('导入') }).click();
    const dialog = page.locator('.ant-modal', { hasText: '导入设施设备' });
    const dryRun = () => page.waitForResponse((r) => r.url().includes('/facilities/import') && r.url().includes('dryRun=true'));
    let checked = dryRun();
    await dialog.locator('input[type=file]').setInputFiles({ name: '设施设备（有错误）.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await sheet(false) });
    await checked;
    const errors = dialog.getByTestId('import-errors');
    await expect.poll(() => errors.locator('.ant-table-row').count()).toBe(2);
    const errorText = await errors.innerText();
    expect(errorText).toMatch(/\b3\s+到期日期/);
    expect(errorText).toMatch(/\b4\s+设施设备类型/);
    expect(await dialog.getByTestId('import-summary').innerText()).toContain('未导入任何数据');
    expect(await dialog.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    await screenshot(page, 'facilities-01-dry-run-errors');
    // nothing was written
    const none = await call<ListPage<FacilityItem>>(`/property-areas/${area.id}/facilities?search=${encodeURIComponent(`导入${suffix}`)}`, 'futian.lead');
    expect(none.total).toBe(0);

    // the fixed sheet: clean dry run, then 确认导入
    checked = dryRun();
    await dialog.locator('input[type=file]').setInputFiles({ name: '设施设备（已修改）.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await sheet(true) });
    await checked;
    await expect.poll(() => dialog.getByTestId('import-summary').innerText()).toBe('校验完成：共 3 行，3 行正确；未导入任何数据');
    await dialog.getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => dialog.getByTestId('import-summary').innerText()).toBe('导入完成：共 3 行，已导入 3 行');
    await dialog.getByRole('button', { name: label('完成') }).click();

    // the ledger lists them
    await page.getByLabel('设备名称', { exact: true }).fill(`导入${suffix}`);
    await page.getByRole('button', { name: label('查询') }).click();
    const ledger = page.getByTestId('facility-ledger');
    await expect.poll(() => ledger.locator('.ant-table-tbody .ant-table-row').count()).toBe(3);
    expect(await ledger.locator('.ant-table-tbody').innerText()).toContain(names[1]);
    await screenshot(page, 'facilities-02-imported');
    await page.close();
  });
});

describe('编辑 approved by the city bureau', () => {
  it('files an edit whose name waits for the city handler, who approves it; the district then sees the new name', async () => {
    const newName = `${area.name}（更名${suffix}）`;
    const remark = `门岗迁至东门（${suffix}）`;
    const page = await signInPc('futian.lead');
    await page.goto(`${api.base}/portal/property-areas/list/${area.id}`);
    await page.getByRole('button', { name: label('编辑') }).click();
    await page.waitForURL(new RegExp(`/property-areas/list/${area.id}/edit$`));
    // the fields that wait for the city are marked
    const nameItem = page.locator('.ant-form-item', { has: page.locator('#name') });
    await expect.poll(() => nameItem.innerText()).toContain('需市局审核');
    expect(await page.locator('.ant-form-item', { has: page.locator('#remarks') }).innerText()).not.toContain('需市局审核');
    await page.locator('#name').fill(newName);
    await page.locator('#remarks').fill(remark);
    await screenshot(page, 'edit-01-form');
    await page.getByRole('button', { name: label('提交') }).click();
    const confirm = page.locator('.ant-modal-confirm');
    await expect.poll(() => confirm.innerText()).toContain('物业区域名称 需市局相关经办人审核后生效；其余 1 项保存后立即生效');
    await confirm.getByRole('button', { name: label('提交') }).click();
    await expect.poll(() => page.locator('.ant-result-title').innerText()).toBe('修改申请已提交市局审核');
    const result = page.getByTestId('change-result');
    await expect.poll(() => result.innerText()).toMatch(/备注[\s\S]*已生效/);
    expect(await result.innerText()).toMatch(/物业区域名称[\s\S]*待市局审核/);
    await page.getByRole('button', { name: '查看申请' }).click();
    await page.waitForURL(/\/property-areas\/submitted\/\d+$/);
    const caseId = Number(/submitted\/(\d+)$/.exec(page.url())![1]);
    await expect.poll(() => page.getByTestId('change-rows').innerText()).toContain(newName);

    // the free field applied at once; the name waits
    const pending = await call<PropertyAreaDetail>(`/property-areas/${area.id}`, 'futian.lead');
    expect(pending.name).toBe(area.name);
    expect(pending.remarks).toBe(remark);
    // 查看申请记录 lists it as 待市局审核
    await page.goto(`${api.base}/portal/property-areas/submitted`);
    const row = rows(page).filter({ hasText: area.name }).first();
    await expect.poll(() => row.innerText()).toContain(AREA_CHANGE_STATUS_LABELS[WorkflowStatus.REVIEW]!);

    // the city handler: 查看申请记录 (every district's edits) → 办理 → 同意
    const city = await signInPc(CITY_HANDLER);
    const queue = await call<ListPage<AreaCaseListItem>>('/property-areas/change-requests?view=submitted&pageSize=100', CITY_HANDLER);
    const filed = queue.items.find((c) => c.id === caseId)!;
    expect(filed).toBeDefined();
    await city.goto(`${api.base}/portal/property-areas/submitted`);
    await city.getByRole('link', { name: `办理 ${filed.businessNo}` }).click();
    await city.waitForURL(new RegExp(`/property-areas/submitted/${caseId}$`));
    await expect.poll(() => city.getByTestId('change-rows').innerText()).toContain(area.name);
    await city.getByRole('tab', { name: /审核信息/ }).click();
    await city.getByLabel('同意', { exact: true }).check();
    await city.getByRole('button', { name: label('提交') }).click();
    const sure = city.locator('.ant-modal-confirm');
    await expect.poll(() => sure.innerText()).toContain('同意后修改内容将立即写入该物业区域');
    await sure.getByRole('button', { name: label('同意') }).click();
    await expect.poll(() => city.getByTestId('case-history').innerText()).toContain('同意');
    await screenshot(city, 'edit-02-city-approved');
    await city.close();

    // the district: the new name on the detail and 已通过 in 查看申请记录
    await page.goto(`${api.base}/portal/property-areas/list/${area.id}`);
    await expect.poll(() => page.locator('.ant-page-header-heading-title, .ant-pro-page-container-title, .ant-page-header-heading').first().innerText()).toContain(newName);
    await page.goto(`${api.base}/portal/property-areas/submitted/${caseId}?tab=history`);
    await expect.poll(() => page.getByTestId('case-history').innerText()).toMatch(/提交[\s\S]*同意/);
    expect(await page.locator('.ant-pro-page-container').first().innerText()).toContain(AREA_CHANGE_STATUS_LABELS[WorkflowStatus.APPROVED]!);
    await screenshot(page, 'edit-03-new-name');
    await page.close();
  });
});

describe('a stale change request on PC', () => {
  it('shows the api’s refusal of a stale approval; returned, the applicant modifies and resubmits it', async () => {
    const before = await call<PropertyAreaDetail>(`/property-areas/${area.id}`, 'futian.lead');
    const filed = await call<{ case: { id: number; businessNo: string } }>(`/property-areas/${area.id}/change-requests`, 'futian.lead', { changes: { landNumber: `B777-${suffix}` }, reason: '宗地号更正' });
    // meanwhile 宗地号 is made free for a moment and the district corrects it directly
    tokens['city.admin'] = await apiLogin(api.base, 'city.admin');
    await call('/admin/property-areas/field-rules/landNumber', 'city.admin', { requiresCityApproval: false }, 'PATCH');
    await call(`/property-areas/${area.id}/change-requests`, 'futian.lead', { changes: { landNumber: `B778-${suffix}` } });
    await call('/admin/property-areas/field-rules/landNumber', 'city.admin', { requiresCityApproval: true }, 'PATCH');

    const city = await signInPc(CITY_HANDLER);
    await city.goto(`${api.base}/portal/property-areas/submitted/${filed.case.id}?tab=review`);
    await city.getByLabel('同意', { exact: true }).check();
    await city.getByRole('button', { name: label('提交') }).click();
    await city.locator('.ant-modal-confirm').getByRole('button', { name: label('同意') }).click();
    await expect.poll(() => city.getByTestId('review-refusal').innerText()).toBe('该项目的信息在申请后已被修改（宗地号），请退回申请人重新提交');
    expect((await call<PropertyAreaDetail>(`/property-areas/${area.id}`, 'futian.lead')).landNumber).toBe(`B778-${suffix}`);
    await screenshot(city, 'stale-01-refused');
    // so the handler returns it with a reason
    await city.getByLabel('退回上一级', { exact: true }).check();
    await city.getByLabel(/退回上一级的理由/).fill('宗地号已被修改，请核对后重新提交');
    await city.getByRole('button', { name: label('提交') }).click();
    await expect.poll(() => city.getByTestId('case-history').innerText()).toContain('宗地号已被修改，请核对后重新提交');
    await city.close();

    // the applicant: 退回修改 → 修改后重新提交 in the edit form, the proposed value filled in
    const page = await signInPc('futian.lead');
    await page.goto(`${api.base}/portal/property-areas/submitted/${filed.case.id}`);
    await expect.poll(() => page.locator('.ant-page-header-heading, .ant-pro-page-container').first().innerText()).toContain(AREA_CHANGE_STATUS_LABELS[WorkflowStatus.ENTRY]!);
    await page.getByRole('button', { name: '修改后重新提交' }).click();
    await page.waitForURL(new RegExp(`/property-areas/list/${area.id}/edit\\?case=${filed.case.id}$`));
    await expect.poll(() => page.locator('#landNumber').inputValue()).toBe(`B777-${suffix}`);
    // free fields wait until the request is closed
    expect(await page.locator('#remarks').isDisabled()).toBe(true);
    await page.locator('#landNumber').fill(`B779-${suffix}`);
    await page.getByRole('button', { name: label('提交') }).click();
    await page.waitForURL(new RegExp(`/property-areas/submitted/${filed.case.id}$`));
    await expect.poll(() => page.getByTestId('change-rows').innerText()).toMatch(new RegExp(`B778-${suffix}[\\s\\S]*B779-${suffix}`));
    await expect.poll(() => page.locator('.ant-page-header-heading, .ant-pro-page-container').first().innerText()).toContain(AREA_CHANGE_STATUS_LABELS[WorkflowStatus.REVIEW]!);
    await screenshot(page, 'stale-02-resubmitted');
    // still the old value until the city approves it
    const now = await call<PropertyAreaDetail>(`/property-areas/${area.id}`, 'futian.lead');
    expect(now.landNumber).toBe(`B778-${suffix}`);
    expect(now.name).toBe(before.name);
    await page.close();
  });
});
