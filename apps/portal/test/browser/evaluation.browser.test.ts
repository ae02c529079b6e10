import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BadRecordItemView, EvaluationSubjectView, Page as ListPage, WorkflowCaseDetail } from '@szpm/contract';
import { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiJson, apiLogin, DEMO_PASSWORD, freePort, openBrowser, REPO_ROOT, removeBrowserProfiles, type RunningApi, screenshotIn, startApi } from '../../../../test/support/browser';

const PORTAL_DIR = join(REPO_ROOT, 'apps/portal/dist');
const ARTIFACTS = join(REPO_ROOT, 'apps/portal/test-artifacts');

let api: RunningApi;
let context: BrowserContext;
let page: Page;

const screenshot = (name: string) => screenshotIn(ARTIFACTS, page, `evaluation-${name}`);

/** What the handler enters: a company of 福田区 and a company item of the catalogue, chosen by their names. */
let subject: EvaluationSubjectView;
let item: BadRecordItemView;
const documentNo = `深福住建罚〔${new Date().getFullYear()}〕PC${Date.now() % 100000}号`;
let caseUrl: string;

/** A PDF the attachment check accepts (it reads the leading bytes). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function signInAs(username: string, path: string): Promise<void> {
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${api.base}/portal${path}`);
  await page.waitForURL(/\/portal\/login\?from=/);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(new RegExp(`/portal${path.replace(/[?]/g, '\\?')}$`));
}

/** Picks an option of an antd Select (opened by its label) whose text contains `text`. */
async function choose(select: Locator, text: string, typed?: string): Promise<void> {
  await select.click();
  if (typed) await select.fill(typed);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

/** The OK button of the open confirmation dialog. */
const confirmButton = (name: RegExp) => page.locator('.ant-modal-confirm .ant-modal-confirm-btns').getByRole('button', { name });

/**
 * Clicks the confirmation's button once the dialog has finished opening: a click while its zoom-in
 * still runs was seen to be lost under load (CI), leaving the action never sent.
 */
async function confirm(name: RegExp): Promise<void> {
  await expect.poll(() => page.locator('.ant-modal-confirm').evaluateAll((dialogs) => dialogs.map((d) => d.className).join(' '))).toMatch(/^(?![\s\S]*-(appear|enter|leave))[\s\S]+$/);
  await confirmButton(name).click();
}

beforeAll(async () => {
  if (!existsSync(join(PORTAL_DIR, 'index.html'))) throw new Error(`no portal build at ${PORTAL_DIR}: run npm run build -w portal`);
  api = await startApi({ PORT: String(await freePort()), PORTAL_DIR });
  const handler = await apiLogin(api.base, 'futian.handler');
  const items = await apiJson<BadRecordItemView[]>(api.base, '/service-evaluation/catalogue/bad-record-items?subjectType=COMPANY', { token: handler });
  item = items.find((i) => i.enabled && !i.countOncePerYear && i.circumstances.some((c) => c.enabled))!;
  const companies = await apiJson<ListPage<EvaluationSubjectView>>(api.base, '/service-evaluation/subjects?subjectType=COMPANY&pageSize=5', { token: handler });
  subject = companies.items[2];

  context = await openBrowser({ viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(60_000);
  page = await context.newPage();
  await page.goto(`${api.base}/portal/login`);
});

afterAll(async () => {
  await context?.close();
  removeBrowserProfiles();
  await api?.stop();
});

describe('物业服务评价 on PC (1440×900)', () => {
  it('a handler enters a bad record through the form: points and publicity as the server computes them, an attachment, submitted to review', async () => {
    await signInAs('futian.handler', '/evaluation/bad-record-entry');
    const circumstance = item.circumstances.find((c) => c.enabled)!;

    await choose(page.getByLabel('评价对象', { exact: true }), subject.name, subject.name.slice(0, 4));
    await choose(page.getByLabel('不良信息事项'), item.name);
    await expect.poll(() => page.getByTestId('entry-preview').innerText()).toContain('选择事项和情形后');
    await choose(page.getByLabel('情形'), circumstance.description);
    await expect.poll(() => page.getByTestId('entry-preview').innerText()).toContain(`${circumstance.points}分`);
    await expect.poll(() => page.getByTestId('entry-preview').innerText()).toContain(`${circumstance.publicityMonths}个月`);
    await page.getByLabel('文书编号').fill(documentNo);
    await page.getByLabel('情况说明').fill('经现场检查，未按规定公示物业服务事项，责令限期改正逾期未改正。');
    await page.locator('input[type=file]').setInputFiles({ name: '现场检查记录.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.locator('.ant-upload-list-item-done').filter({ hasText: '现场检查记录.pdf' }).waitFor();
    await screenshot('entry-form');

    await page.getByRole('button', { name: /提\s*交/ }).click();
    await expect.poll(() => page.locator('.ant-modal-confirm').innerText()).toContain(`计 ${circumstance.points} 分`);
    await confirm(/提\s*交/);
    await page.waitForURL(/\/portal\/evaluation\/cases\/\d+$/);
    caseUrl = page.url().replace(api.base, '');
    await expect.poll(() => page.getByTestId('case-payload').innerText()).toContain(documentNo);
    await expect.poll(() => page.getByTestId('case-payload').innerText()).toContain('现场检查记录.pdf');
    await expect.poll(() => page.locator('.ant-page-header').innerText()).toContain('认定审核');
    await screenshot('case-submitted');
  });

  it('the supervisor finds it in 审批列表 · 待办理 and approves it on the review page (审核信息), recorded in 审批流程记录', async () => {
    await signInAs('futian.supervisor', '/evaluation/work');
    await page.getByLabel('关键字').fill(subject.name);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const row = page.locator('.ant-table-row').filter({ hasText: subject.name }).first();
    await row.waitFor();
    await screenshot('work-pending');
    await row.getByRole('link', { name: /办理/ }).click();
    await page.waitForURL(/\/portal\/evaluation\/cases\/\d+\?tab=review$/);
    expect(page.url()).toContain(caseUrl);

    await page.getByLabel('同意', { exact: true }).check();
    await page.getByLabel(/审核意见（不填写则为/).fill('事实清楚，依据充分，同意认定。');
    await page.getByLabel('备注').fill('请按期公示');
    await screenshot('review');
    await page.locator('.ant-pro-form').getByRole('button', { name: /提\s*交/ }).click();
    await expect.poll(() => page.locator('.ant-modal-confirm').innerText()).toContain(`公示 ${item.circumstances.find((c) => c.enabled)!.publicityMonths} 个月`);
    await confirm(/同\s*意/);
    await page.waitForURL(/tab=history$/);
    await expect.poll(() => page.locator('.ant-page-header').innerText()).toContain('已同意');
    await expect.poll(() => page.locator('.ant-table-tbody').innerText()).toContain('事实清楚，依据充分，同意认定。');
    await expect.poll(() => page.locator('.ant-table-tbody').innerText()).toContain('请按期公示');
    await screenshot('history');
  });

  it('the approved record is on the public 信息公示 page without login', async () => {
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${api.base}/portal/public/`);
    await page.getByLabel('名称').fill(subject.name);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect.poll(() => page.locator('.ant-table-tbody').innerText()).toContain(documentNo);
    await screenshot('public');
  });

  it('不良信息汇总 finds the new record by its document number, and its page offers 撤销 / 恢复', async () => {
    await signInAs('futian.handler', '/evaluation/bad-records');
    await page.getByLabel('文书编号').fill(documentNo);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(1);
    await expect.poll(() => page.locator('.ant-table-tbody').innerText()).toContain(subject.name);
    await expect.poll(() => page.locator('.ant-table-tbody').innerText()).toContain('公示中');
    await screenshot('bad-records');
    await page.locator('.ant-table-row').getByRole('link', { name: /查看/ }).click();
    await page.waitForURL(/\/portal\/evaluation\/bad-records\/\d+$/);
    await expect.poll(() => page.getByTestId('record-detail').innerText()).toContain(documentNo);
    await page.getByRole('button', { name: /不良信息撤销/ }).click();
    await expect.poll(() => page.locator('.ant-modal').innerText()).toContain('不再公示也不参与计分');
    await screenshot('revocation-form');
    await page.locator('.ant-modal').getByRole('button', { name: /取\s*消/ }).click();
  });

  it('a delegation is started (发起委托) and ended (终止) with confirmation', async () => {
    await page.goto(`${api.base}/portal/evaluation/delegations`);
    await page.getByRole('button', { name: '发起委托' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '发起委托' });
    await choose(dialog.getByLabel('受托人'), '');
    const [start, end] = [dialog.locator('.ant-picker-range input').nth(0), dialog.locator('.ant-picker-range input').nth(1)];
    const at = (days: number) => {
      const d = new Date(Date.now() + days * 86_400_000);
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
    };
    await start.click();
    await start.fill(at(0));
    await start.press('Enter');
    await end.fill(at(7));
    await end.press('Enter');
    await dialog.getByLabel('委托代办的事宜').fill('休假期间代为办理物业服务评价审批事项');
    await screenshot('delegation-form');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    const row = page.locator('.ant-table-row').filter({ hasText: '休假期间代为办理物业服务评价审批事项' }).first();
    await expect.poll(() => row.innerText()).toMatch(/委托中|未开始/);
    await screenshot('delegations');

    await row.getByRole('button', { name: /终止/ }).click();
    await expect.poll(() => page.locator('.ant-modal-confirm').innerText()).toContain('立即不能再代您办理');
    // the answer of 终止 itself: a refusal is then reported in the api's words, not as a row that never changed
    const terminated = page.waitForResponse((r) => /\/api\/delegations\/\d+\/terminate$/.test(r.url()) && r.request().method() === 'POST', { timeout: 20_000 });
    await confirm(/终\s*止/);
    const answer = await terminated.catch(async (e: Error) => {
      await screenshot('delegation-end-not-sent');
      throw new Error(`终止 was not answered: ${e.message}; the page then said: ${(await page.locator('body').innerText()).slice(0, 400)}`);
    });
    expect(answer.ok(), `终止 answered ${answer.status()}: ${await answer.text()}`).toBe(true);
    await expect.poll(() => row.innerText()).toContain('已终止');
    await screenshot('delegation-ended');
  });
  it('the delegate acts for the delegator (代为办理): every request then carries X-On-Behalf-Of until 结束代办', async () => {
    const supervisor = await apiLogin(api.base, 'futian.supervisor');
    const handler = await apiJson<{ id: number }>(api.base, '/auth/me', { token: await apiLogin(api.base, 'futian.handler') });
    const supervisorMe = await apiJson<{ id: number; name: string }>(api.base, '/auth/me', { token: supervisor });
    await apiJson(api.base, '/delegations', {
      token: supervisor,
      body: { delegateId: handler.id, allModules: true, endAt: new Date(Date.now() + 86_400_000).toISOString(), matters: '出差期间代为审核' },
    });
    await signInAs('futian.handler', '/evaluation/delegations?list=received');
    await page.getByRole('button', { name: `代 ${supervisorMe.name} 办理` }).first().click();
    await page.waitForURL(/\/portal\/?$/);
    await expect.poll(() => page.getByTestId('acting-for').innerText()).toContain(`正在代 ${supervisorMe.name} 办理`);
    const onBehalf = page.waitForRequest((r) => r.url().includes('/api/todos') && r.headers()['x-on-behalf-of'] === String(supervisorMe.id));
    await page.goto(`${api.base}/portal/evaluation/work`);
    await onBehalf;
    await screenshot('acting-for');
    await page.getByRole('button', { name: '结束代办' }).click();
    await expect.poll(() => page.getByTestId('acting-for').count()).toBe(0);
    const own = page.waitForRequest((r) => r.url().includes('/api/todos'));
    await page.reload();
    expect((await own).headers()['x-on-behalf-of']).toBeUndefined();
  });

  it('异议处理 · 初查: the handler corrects the 修改稿 on PC; the change stays in the form (修改 in 审批流程记录)', async () => {
    const [lead, handler, supervisor, company] = await Promise.all(['futian.lead', 'futian.handler', 'futian.supervisor', 'demo.company'].map((u) => apiLogin(api.base, u)));
    const unitAccounts = await apiJson<ListPage<{ name: string; unitId: number | null }>>(api.base, '/permissions/binding-stats/PROPERTY_COMPANY/accounts?pageSize=100', { token: lead });
    const demoCompanyId = unitAccounts.items.find((a) => a.name === '李卫东')!.unitId!;
    const determined = await apiJson<WorkflowCaseDetail>(api.base, '/service-evaluation/bad-records/determinations', {
      token: handler,
      body: { subjectType: 'COMPANY', subjectId: demoCompanyId, itemId: item.id, circumstanceId: item.circumstances.find((c) => c.enabled)!.id, factDate: `${new Date().getFullYear()}-01-05`, documentNo: `${documentNo}-异议`, description: '经现场检查查实' },
    });
    await apiJson(api.base, `/workflow/cases/${determined.id}/actions`, { token: supervisor, body: { action: 'APPROVE', version: determined.version, opinion: '同意' } });
    const targets = await apiJson<Array<{ target: string; recordId: number; documentNo?: string }>>(api.base, '/service-evaluation/objections/targets', { token: company });
    const kinds = await apiJson<Array<{ id: number; target: string }>>(api.base, '/service-evaluation/objections/kinds', { token: company });
    const recordId = targets.filter((x) => x.target === 'BAD_RECORD').map((x) => x.recordId).sort((a, b) => b - a)[0];
    const filed = await apiJson<{ caseId: number; case: WorkflowCaseDetail }>(api.base, '/service-evaluation/objections', {
      token: company,
      body: { target: 'BAD_RECORD', recordId, kindId: kinds.find((k) => k.target === 'BAD_RECORD')!.id, grounds: 'WRONG_POINTS', text: '处罚为警告，计分有误' },
    });
    await apiJson(api.base, `/workflow/cases/${filed.caseId}/actions`, { token: handler, body: { action: 'ACCEPT', version: filed.case.version } });

    await signInAs('futian.handler', `/evaluation/cases/${filed.caseId}`);
    const draftCard = page.locator('.ant-pro-card').filter({ has: page.getByText('修改稿', { exact: true }) });
    await draftCard.getByRole('button', { name: /修\s*改/ }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '修改异议信息修改稿' });
    await dialog.getByLabel('情况说明').fill('经复核，处罚为警告');
    await screenshot('objection-draft');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => draftCard.innerText()).toContain('经复核，处罚为警告');
    const after = await apiJson<WorkflowCaseDetail>(api.base, `/workflow/cases/${filed.caseId}`, { token: handler });
    expect((after.payload.draft as { description: string }).description).toBe('经复核，处罚为警告');
    expect((after.payload.original as { description: string }).description).toBe('经现场检查查实');
    expect(after.history.map((h) => h.action)).toContain('EDIT');
  });

  it('the lists of the section open with their data: 审核事项查询, 信息公示, scores with their breakdown and 计分周期说明', async () => {
    await page.goto(`${api.base}/portal/evaluation/cases`);
    await expect.poll(() => page.locator('.ant-table-tbody').innerText()).toContain(subject.name);
    await screenshot('case-query');

    await page.goto(`${api.base}/portal/evaluation/publicity`);
    await expect.poll(() => page.locator('.ant-table-tbody').innerText()).toContain(documentNo);
    await screenshot('publicity-manage');

    await page.goto(`${api.base}/portal/evaluation/scores`);
    await page.locator('.ant-table-tbody').waitFor();
    await screenshot('scores');
    // the breakdown is computed when opened: the new record's points are in it at once
    await page.goto(`${api.base}/portal/evaluation/scores/COMPANY/${subject.subjectId}`);
    await expect.poll(() => page.locator('.ant-table-tbody').innerText()).toContain('不良信息');
    await page.getByRole('button', { name: '计分周期说明' }).click();
    await expect.poll(() => page.locator('.ant-modal').innerText()).toContain('计分周期说明');
    await screenshot('score-detail');
    await page.locator('.ant-modal').getByRole('button', { name: /知道了/ }).click();
  });

  it('a city admin keeps the catalogue: the export of the bad-record items checks clean in an import dry run', async () => {
    await signInAs('city.admin', '/evaluation/catalogue');
    await expect.poll(() => page.locator('.ant-table-tbody').first().innerText()).toContain(item.name);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导\s*出/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = join(mkdtempSync(join(tmpdir(), 'szpm-catalogue-')), download.suggestedFilename());
    await download.saveAs(file);
    await page.getByRole('button', { name: /^导\s*入$/ }).click();
    await page.locator('.ant-modal input[type=file]').setInputFiles(file);
    await page.locator('.ant-modal').getByRole('button', { name: /校\s*验/ }).click();
    await expect.poll(() => page.getByTestId('import-summary').innerText()).toMatch(/校验完成：共 \d+ 行，\d+ 行正确；未导入任何数据/);
    await screenshot('catalogue-import');
  });
});
