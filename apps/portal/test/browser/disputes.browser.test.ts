import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DISPUTE_DISPOSAL_LABELS,
  DISPUTE_OUTCOME_LABELS,
  DISPUTE_PARTY_KIND_LABELS,
  DISPUTE_SOURCE_LABELS,
  DisputeDisposal,
  DisputeOutcome,
  DisputePartyKind,
  DisputeSource,
  DisputeUrgency,
  WorkflowAction,
  WorkflowStatus,
  type DisputeCategoryView,
  type DisputeDetail,
  type DisputeDuplicateResult,
  type DisputeInput,
  type DisputeLedgerPage,
  type DisputeSummary,
  type Page as ApiPage,
  type PropertyAreaListItem,
  type RegionNode,
} from '@szpm/contract';
import { checkInDialog, chooseAccountMenuItem, label, pcSuite } from './support/statistics-page';

/**
 * Chapter 22 on PC (1440×900), the whole path of a 矛盾纠纷件: futian.handler enters a case in 园岭街道
 * for the 小区 and 问题分类 of an earlier case (the duplicate warning appears and lists it), transfers
 * it and signs out; the street office handles it (办结); the handler sends it back (驳回重报 with an
 * opinion); the street handles again; the handler closes it (同意办结); the 历程 shows all six steps.
 */
const HANDLER = 'futian.handler';
const STREET = 'futian.street.yuanling';
const suite = pcSuite([HANDLER, STREET]);
const { call, signInPc, screenshot } = suite;

/** Picks an option of an antd Select opened by its label (typing first into a searchable one). */
async function pick(page: Page, fieldLabel: string, option: string): Promise<void> {
  const select = page.getByLabel(fieldLabel, { exact: true });
  await select.click();
  if (await select.isEditable()) await select.fill(option);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).first().click();
  // the closing dropdown stays visible during its animation: the next pick must not find its options
  await page.waitForFunction(() => !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'));
}

async function signOut(page: Page): Promise<void> {
  await chooseAccountMenuItem(page, /退出登录/);
  await page.waitForURL(/\/portal\/login$/);
  await page.close();
}

const dialog = (page: Page, title: string) => page.locator('.ant-modal').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });

/** The case's page as `user`, once the api says it is in `status`. */
async function openCase(user: string, id: number, status: WorkflowStatus): Promise<Page> {
  await expect.poll(async () => (await call<DisputeDetail>(`/disputes/${id}`, user)).status).toBe(status);
  const page = await signInPc(user);
  await page.goto(`${suite.base}/portal/disputes/${id}`);
  await expect.poll(() => page.locator('main').innerText()).toContain('历程');
  return page;
}

/** 处理 → 办结 by the street office. */
async function handleAsStreet(page: Page, note: string): Promise<void> {
  await page.getByRole('button', { name: label('处理') }).click();
  const form = dialog(page, '处理');
  // 处置情况 waits for 处置方式
  await expect.poll(() => form.getByRole('radio', { name: '案结事了', exact: true }).isDisabled()).toBe(true);
  await checkInDialog(form.getByRole('radio', { name: '化解', exact: true }));
  await checkInDialog(form.getByRole('radio', { name: '案结事了', exact: true }));
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await form.getByLabel('答复日期').fill(today);
  await form.getByLabel('答复日期').press('Enter');
  await form.getByLabel('化解疏导情况').fill(note);
  await form.getByRole('button', { name: label('办结') }).click();
  await expect.poll(() => page.locator('main').innerText()).toContain('街道申请办结待审核');
}

/** 审核 by the district handler. */
async function review(page: Page, decision: '驳回重报' | '同意办结', opinion?: string): Promise<void> {
  await page.getByRole('button', { name: label('审核') }).click();
  const form = dialog(page, '审核');
  await checkInDialog(form.getByRole('radio', { name: decision, exact: true }));
  if (opinion) await form.getByLabel('意见', { exact: true }).fill(opinion);
  await form.getByRole('button', { name: label('提交') }).click();
  await expect.poll(() => form.isVisible()).toBe(false);
}

/** A case of the street entered through the api, for a demo seed without cases there. */
async function enterThroughApi(street: RegionNode): Promise<DisputeSummary> {
  const community = (street.children ?? []).find((c) => c.propertyAreaCount > 0)!;
  const [area] = (await call<ApiPage<PropertyAreaListItem>>(`/property-areas?communityId=${community.id}&pageSize=1`, HANDLER)).items;
  const [category] = await call<DisputeCategoryView[]>('/disputes/categories', HANDLER);
  const input: DisputeInput = {
    streetId: street.id,
    communityId: community.id,
    propertyAreaId: area.id,
    categoryId: category.id,
    summary: '业主反映小区物业费调价未经业主大会表决',
    demand: '暂停调价并公开成本',
    peopleCount: 8,
    applicant: { kind: DisputePartyKind.OWNER, name: '林业主' },
    respondent: { kind: DisputePartyKind.PROPERTY_COMPANY, name: '某物业服务有限公司' },
    source: DisputeSource.VISIT,
    urgency: DisputeUrgency.NORMAL,
  };
  return call<DisputeDetail>('/disputes', HANDLER, input, 'POST');
}

describe('纠纷化解台账 on PC', () => {
  it('enters a case with the duplicate warning, transfers it, and takes it through 驳回重报 to 同意办结', async () => {
    // an earlier case of 园岭街道 gives the 小区 and 问题分类 the new one repeats
    const tree = await call<RegionNode[]>('/regions/tree', HANDLER);
    const street = tree.flatMap((d) => d.children ?? []).find((s) => s.name === '园岭街道')!;
    expect(street).toBeDefined();
    const earlier = (await call<DisputeLedgerPage>(`/disputes?ledger=all&streetId=${street.id}&sort=enteredAt&order=DESC&pageSize=1`, HANDLER)).items[0] ?? (await enterThroughApi(street));
    const duplicates = await call<DisputeDuplicateResult>(`/disputes/duplicates?propertyAreaId=${earlier.propertyAreaId}&categoryId=${earlier.categoryId}`, HANDLER);
    expect(duplicates.duplicate).toBe(true);

    // 录入 from 未办结台账
    let page = await signInPc(HANDLER);
    // the section opens its menu pages
    await page.locator('.ant-menu').getByText('纠纷化解台账').first().click();
    await page.locator('.ant-menu').getByText('未办结台账').first().click();
    await page.waitForURL(/\/portal\/disputes\/unfinished$/);
    await expect.poll(() => page.getByTestId('dispute-overdue-count').innerText().catch(() => '')).toMatch(/^超期 \d+ 件$/);
    await page.getByRole('button', { name: /录\s*入$/ }).click();
    await page.waitForURL(/\/portal\/disputes\/new$/);
    await pick(page, '所属街道', '园岭街道');
    await pick(page, '所属社区', earlier.communityName);
    await pick(page, '小区名称', earlier.propertyAreaName);
    await pick(page, '问题分类', earlier.categoryName);
    // the warning appears in 业务信息 and lists the earlier cases; it does not block saving
    const warning = page.getByTestId('dispute-duplicate-warning');
    await expect.poll(() => warning.innerText().catch(() => '')).toContain('您录入的信息与历史数据存在重复');
    await warning.getByRole('button', { name: /查看/ }).click();
    const listed = page.locator('#dispute-duplicates');
    await expect.poll(() => listed.innerText().catch(() => '')).toContain(duplicates.items[0].businessNo);
    await screenshot(page, 'disputes-duplicates');
    await dialog(page, '可能重复的矛盾纠纷件').getByRole('button', { name: 'Close' }).click();
    // the category's default 办理时限 is filled in
    await expect.poll(() => page.getByLabel('办理时限', { exact: true }).inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const summary = `浏览器测试：${earlier.propertyAreaName}业主反映${earlier.categoryName}问题 ${Date.now()}`;
    await page.getByLabel('纠纷简述').fill(summary);
    await page.getByLabel('诉求').fill('请物业服务企业限期整改并答复');
    await page.getByLabel('涉及人数').fill('6');
    await pick(page, '申请方类型', '业主');
    await page.getByLabel('申请方名称', { exact: true }).fill('陈业主');
    await page.getByLabel('申请方电话', { exact: true }).fill('13800138000');
    await pick(page, '被申请方类型', '物业服务企业');
    await page.getByLabel('被申请方名称', { exact: true }).fill('某物业服务有限公司');
    await pick(page, '来源', '12345热线');
    await page.getByRole('button', { name: label('提交') }).click();
    await page.waitForURL(/\/portal\/disputes\/\d+$/);
    const id = Number(/\/disputes\/(\d+)$/.exec(page.url())![1]);
    const entered = await call<DisputeDetail>(`/disputes/${id}`, HANDLER);
    expect(entered).toMatchObject({ summary, streetName: '园岭街道', propertyAreaId: earlier.propertyAreaId, status: WorkflowStatus.ENTRY });

    // 转办, confirmed, to the case's street
    await page.getByRole('button', { name: label('转办') }).click();
    const confirm = page.locator('.ant-modal-confirm');
    await expect.poll(() => confirm.innerText()).toContain('确定转办至园岭街道?');
    await confirm.getByRole('button', { name: label('确定') }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('已转办街道');
    await signOut(page);

    // the street office opens it from its todo: 待办事项 → 办理 leads to the case's 详情
    await expect.poll(async () => (await call<DisputeDetail>(`/disputes/${id}`, STREET)).status).toBe(WorkflowStatus.STREET_HANDLING);
    page = await signInPc(STREET);
    await page.goto(`${suite.base}/portal/todos/cases/${entered.caseId}`);
    await page.getByRole('button', { name: label('办理') }).click();
    await page.waitForURL(new RegExp(`/portal/disputes/${id}$`));
    await expect.poll(() => page.locator('main').innerText()).toContain('历程');
    // the street office: 办结
    await handleAsStreet(page, '街道已约谈物业，物业承诺整改');
    await page.close();

    // the handler: 驳回重报 with an opinion
    page = await openCase(HANDLER, id, WorkflowStatus.STREET_REVIEW);
    await page.getByRole('button', { name: label('审核') }).click();
    const reviewForm = dialog(page, '审核');
    await checkInDialog(reviewForm.getByRole('radio', { name: '驳回重报', exact: true }));
    // 驳回重报 needs its opinion
    await reviewForm.getByRole('button', { name: label('提交') }).click();
    await expect.poll(() => reviewForm.innerText()).toContain('驳回重报须填写意见');
    await reviewForm.getByRole('button', { name: label('取消') }).click();
    await review(page, '驳回重报', '请补充整改完成情况及业主的意见');
    await expect.poll(() => page.locator('main').innerText()).toContain('已转办街道');
    await page.close();

    // the street office handles again
    page = await openCase(STREET, id, WorkflowStatus.STREET_HANDLING);
    await handleAsStreet(page, '整改已完成，业主表示满意');
    await page.close();

    // the handler: 同意办结
    page = await openCase(HANDLER, id, WorkflowStatus.STREET_REVIEW);
    await review(page, '同意办结');
    await expect.poll(() => page.locator('main').innerText()).toContain('已办结');

    // 历程: the six steps in order, with the send-back opinion
    const closed = await call<DisputeDetail>(`/disputes/${id}`, HANDLER);
    expect(closed.status).toBe(WorkflowStatus.APPROVED);
    expect(closed.history.map((h) => h.action)).toEqual([WorkflowAction.CREATE, WorkflowAction.TRANSFER, WorkflowAction.HANDLE, WorkflowAction.SEND_BACK, WorkflowAction.HANDLE, WorkflowAction.APPROVE_CLOSE]);
    const steps = page.getByTestId('dispute-history-entry');
    await expect.poll(() => steps.count()).toBe(6);
    const texts = await steps.allInnerTexts();
    closed.history.forEach((entry, index) => expect(texts[index]).toContain(entry.actionLabel));
    expect(texts[3]).toContain('请补充整改完成情况及业主的意见');
    expect(texts.join('\n')).toMatch(/录入[\s\S]*转办[\s\S]*办结[\s\S]*驳回重报[\s\S]*办结[\s\S]*同意办结/);
    expect(await page.getByRole('button', { name: label('审核') }).count()).toBe(0);
    await screenshot(page, 'disputes-closed');

    // the closed case is in 已办结台账
    await page.locator('.ant-menu').getByText('已办结台账').first().click();
    await page.waitForURL(/\/portal\/disputes\/finished$/);
    await page.getByLabel('小区名称').fill(earlier.propertyAreaName);
    await page.getByRole('button', { name: label('查询') }).click();
    await expect.poll(() => page.locator('#dispute-ledger-finished').innerText()).toContain(closed.businessNo);
    await page.close();
  });
});

/** YYYY-MM-DD `days` before today (UTC: never later than today in Shanghai). */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describe('已办结台账 import on PC', () => {
  it('downloads the template, lists the bad row of a dry run, imports the valid row and shows it in 已办结台账', async () => {
    const tree = await call<RegionNode[]>('/regions/tree', HANDLER);
    const street = tree.flatMap((d) => d.children ?? []).find((s) => s.name === '园岭街道')!;
    const community = (street.children ?? []).find((c) => c.propertyAreaCount > 0)!;
    const [area] = (await call<ApiPage<PropertyAreaListItem>>(`/property-areas?communityId=${community.id}&pageSize=1`, HANDLER)).items;
    const category = (await call<DisputeCategoryView[]>('/disputes/categories', HANDLER)).find((c) => c.active)!;
    expect(area && category).toBeTruthy();
    const token = `导入测试${Date.now()}`;

    const page = await signInPc(HANDLER);
    await page.goto(`${suite.base}/portal/disputes/finished`);
    // the ledger filtered to the case about to be imported: empty until the import reloads it
    await page.getByLabel('化解疏导情况').fill(token);
    await page.getByRole('button', { name: label('查询') }).click();
    const ledger = page.locator('#dispute-ledger-finished');
    await expect.poll(() => ledger.locator('.ant-empty').count()).toBeGreaterThan(0);

    // 下载模板, then two rows filled in under its header
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label('下载模板') }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
    const ws = workbook.worksheets[0];
    let headerRow = 0;
    ws.eachRow((row, n) => {
      if (headerRow === 0 && (row.values as unknown[]).includes('所属街道')) headerRow = n;
    });
    expect(headerRow).toBeGreaterThan(0);
    const header = ws.getRow(headerRow).values as unknown[];
    const put = (rowNo: number, values: Record<string, string | number>) => {
      const row = ws.getRow(rowNo);
      for (const [name, value] of Object.entries(values)) {
        expect(header, `template column ${name}`).toContain(name);
        row.getCell(header.indexOf(name)).value = value;
      }
      row.commit();
    };
    const summary = `${area.name}业主反映电梯长期停运（${token}）`;
    const finished = (streetName: string) => ({
      所属街道: streetName,
      所属社区: community.name,
      小区名称: area.name,
      问题分类: category.name,
      纠纷简述: summary,
      诉求: '尽快修复电梯',
      涉及人数: 12,
      申请方类型: DISPUTE_PARTY_KIND_LABELS[DisputePartyKind.OWNER],
      申请方: '黄业主',
      被申请方类型: DISPUTE_PARTY_KIND_LABELS[DisputePartyKind.PROPERTY_COMPANY],
      被申请方: '某物业服务有限公司',
      来源: DISPUTE_SOURCE_LABELS[DisputeSource.VISIT],
      录入日期: daysAgo(10),
      办理时限: daysAgo(3),
      处置方式: DISPUTE_DISPOSAL_LABELS[DisputeDisposal.RESOLVE],
      处置情况: DISPUTE_OUTCOME_LABELS[DisputeOutcome.SETTLED],
      答复日期: daysAgo(6),
      化解疏导情况: `街道协调维保单位更换主板，电梯已恢复运行 ${token}`,
      办结日期: daysAgo(5),
    });
    put(headerRow + 1, finished(street.name));
    put(headerRow + 2, finished('不存在的街道'));
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

    // 导入: the dry run names the bad row and column, and writes nothing
    await page.getByRole('button', { name: label('导入') }).click();
    const importDialog = dialog(page, '导入已办结台账');
    const checked = page.waitForResponse((r) => r.url().includes('/api/disputes/import') && r.url().includes('dryRun=true'));
    await importDialog.locator('input[type=file]').setInputFiles({ name: '已办结台账.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    await checked;
    const errors = importDialog.getByTestId('import-errors');
    await expect.poll(() => errors.locator('.ant-table-row').count()).toBe(1);
    const errorText = await errors.innerText();
    expect(errorText).toMatch(new RegExp(`\\b${headerRow + 2}\\s+所属街道`));
    expect(errorText).toContain('本区没有名为“不存在的街道”的街道');
    // the summary's first line (its description asks for a fixed file)
    expect((await importDialog.getByTestId('import-summary').innerText()).split('\n')[0]).toBe('校验完成：共 2 行，1 行正确，1 行有错误；未导入任何数据');
    // all-or-nothing (the default) refuses a file with a bad row; 只导入正确的行 allows it
    expect(await importDialog.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    expect((await call<DisputeLedgerPage>(`/disputes?ledger=all&handlingNote=${encodeURIComponent(token)}`, HANDLER)).total).toBe(0);
    await screenshot(page, 'disputes-import-dry-run');
    await checkInDialog(importDialog.getByRole('radio', { name: '只导入正确的行' }));
    await importDialog.getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => importDialog.getByTestId('import-summary').innerText()).toBe('导入完成：共 2 行，已导入 1 行，1 行有错误');
    await importDialog.getByRole('button', { name: label('取消') }).click();

    // the ledger reloaded behind the dialog: the imported case, closed
    await expect.poll(() => ledger.locator('.ant-table-tbody .ant-table-row').count()).toBe(1);
    expect(await ledger.locator('.ant-table-tbody').innerText()).toContain(area.name);
    const [imported] = (await call<DisputeLedgerPage>(`/disputes?ledger=finished&handlingNote=${encodeURIComponent(token)}`, HANDLER)).items;
    expect(imported).toMatchObject({ summary, streetName: '园岭街道', communityName: community.name, status: WorkflowStatus.APPROVED });
    expect(imported.importBatchNo).toMatch(/^DI-/);
    expect(await ledger.locator('.ant-table-tbody').innerText()).toContain(imported.businessNo);
    await screenshot(page, 'disputes-imported');
    await page.close();
  });
});
