import { BadRecordItemView, EvaluationSubjectView, Page as ApiPage, WorkflowCaseDetail } from '@szpm/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiJson, apiLogin, browserSession, checkPage, freePort, RunningApi, screenshot, signIn, startApi, typeInto } from './support';

/** 信息公示 on the WeChat side: from the home to the public lists (物业服务评价信息查询), searchable by name. */
let api: RunningApi;
const { newPage } = browserSession(() => api, { logFailedApiCalls: true });
const documentNo = `深福住建罚〔2026〕GS${Date.now() % 100000}号`;
let subjectName: string;

beforeAll(async () => {
  api = await startApi({ PORT: String(await freePort()) });
  // an approved bad record of 福田区: published from today
  const [handler, supervisor] = [await apiLogin(api.base, 'futian.handler'), await apiLogin(api.base, 'futian.supervisor')];
  const items = await apiJson<BadRecordItemView[]>(api.base, '/service-evaluation/catalogue/bad-record-items?subjectType=COMPANY', { token: handler });
  const item = items.find((i) => i.enabled && i.circumstances.some((c) => c.enabled))!;
  const subject = (await apiJson<ApiPage<EvaluationSubjectView>>(api.base, '/service-evaluation/subjects?subjectType=COMPANY&pageSize=5', { token: handler })).items[3];
  subjectName = subject.name;
  const started = await apiJson<WorkflowCaseDetail>(api.base, '/service-evaluation/bad-records/determinations', {
    token: handler,
    body: { subjectType: 'COMPANY', subjectId: subject.subjectId, itemId: item.id, circumstanceId: item.circumstances.find((c) => c.enabled)!.id, factDate: '2026-01-05', documentNo, description: '经现场检查查实' },
  });
  await apiJson(api.base, `/workflow/cases/${started.id}/actions`, { token: supervisor, body: { action: 'APPROVE', version: started.version, opinion: '同意' } });
});

describe('信息公示 (WeChat side)', () => {
  it('opens from the home and lists the published bad record; a name search narrows the list, the risk lists have their tabs', async () => {
    const page = await newPage();
    await signIn(page, api.base, 'futian.handler');
    await page.locator('#home-publicity-open').click();
    await page.locator('#publicity').waitFor();
    await expect.poll(() => page.locator('#publicity-list').innerText()).toContain(documentNo);
    await screenshot(page, 'publicity-list');
    await checkPage(page, 'publicity-list');

    await typeInto(page, 'publicity-search', subjectName);
    await page.locator('#publicity-search-go').click();
    await expect.poll(() => page.locator('[id^="publicity-"].card').count()).toBeGreaterThan(0);
    await expect.poll(async () => (await page.locator('[id^="publicity-"].card').allInnerTexts()).every((text) => text.includes(subjectName))).toBe(true);

    await typeInto(page, 'publicity-search', '不存在的企业名称');
    await page.locator('#publicity-search-go').click();
    await expect.poll(() => page.locator('#publicity-list-empty').innerText()).toContain('没有符合条件的公示信息');

    await page.locator('#publicity-tabs-risk-companies').click();
    await expect.poll(() => page.locator('#publicity-list-empty').innerText()).toContain('没有符合条件的公示信息');
    await checkPage(page, 'publicity-risk');
  });
});
