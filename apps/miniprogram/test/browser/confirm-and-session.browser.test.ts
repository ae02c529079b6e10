import { NoticeAudience, NoticeAudienceCount, RegionNode, WorkflowCaseDetail } from '@szpm/contract';
import { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiJson, apiLogin, browserSession, DEMO_PASSWORD, freePort, RunningApi, screenshot, signIn, startApi, typeInto } from './support';

/**
 * Confirm-then-act and lost sessions, as the officers meet them: a 认定 and the decisions on it say
 * what they will do before they go, and what happened after; 退回上一级 needs a reason, which the
 * returned form shows in its correction screen, with one way to submit it again; a session ended
 * mid-correction brings the officer to sign in and back to the form as it was typed.
 */
let api: RunningApi;
const { newPage } = browserSession(() => api, { failedScreenshot: 'failed-confirm' });

beforeAll(async () => {
  api = await startApi({ PORT: String(await freePort()) });
});

const toast = (page: Page) => page.locator('.taro__toast').textContent();

/** 我的工作 → 待办理 → the form → 审核信息. */
async function openPending(page: Page, caseId: number): Promise<void> {
  await page.locator('#home-module-service-evaluation').click();
  await page.locator('#evaluation-work-pending').click();
  await page.locator(`#case-${caseId}`).click();
  await page.locator('#case-tabs-audit').click();
}

describe('confirmations with consequences, a returned form, a session lost mid-entry', () => {
  const reason = '文书编号与处罚决定书不一致，请核对后重新提交。';
  let caseId: number;
  let points: string;
  let months: string;

  it('the handler confirms a 认定 with what approving it will do', async () => {
    const page = await newPage();
    await signIn(page, api.base, 'futian.handler');
    await page.locator('#home-module-service-evaluation').click();
    await page.locator('#evaluation-entry-bad-record').click();
    await page.locator('#entry-subject').click();
    await page.locator('[id^="entry-subject-option-"]').first().click();
    await page.locator('#entry-item').click();
    await page.locator('[id^="entry-item-option-"]').first().click();
    await page.locator('#entry-circumstance').click();
    await page.locator('[id^="entry-circumstance-option-"]').first().click();
    await expect.poll(() => page.locator('#entry-preview').textContent()).toMatch(/分值\d+分.*公示期时长\d+个月/);
    const preview = (await page.locator('#entry-preview').textContent())!;
    points = preview.match(/分值(\d+)分/)![1];
    months = preview.match(/公示期时长(\d+)个月/)![1];
    await typeInto(page, 'entry-document-no', `深福住建罚〔2026〕C${Date.now() % 100000}号`);
    await typeInto(page, 'entry-description', '未按规定公示物业服务收费标准，责令限期整改逾期未改正。');

    await page.locator('#entry-submit').click();
    await expect.poll(() => page.locator('#entry-confirm-content').textContent()).toContain(`公示 ${months} 个月并计 ${points} 分`);
    await screenshot(page, 'confirm-01-entry');
    // 取消 sends nothing
    await page.locator('#entry-confirm-cancel').click();
    await expect.poll(() => page.locator('#entry-confirm-content').isVisible()).toBe(false);
    await page.locator('#entry-submit').click();
    await page.locator('#entry-confirm-confirm').click();
    await expect.poll(() => toast(page)).toContain('已提交，转认定审核');
    await page.locator('#case-page #case-status').waitFor();
    caseId = Number(new URL(page.url().replace('#', '')).searchParams.get('id'));
    expect(caseId).toBeGreaterThan(0);
  });

  it('退回上一级 needs a reason, and says what it does before it goes', async () => {
    const page = await newPage();
    await signIn(page, api.base, 'futian.supervisor');
    await openPending(page, caseId);
    await page.locator('#decision-RETURN_TO_PREVIOUS').click();
    expect(await page.locator('#decision-opinion-label').textContent()).toContain('退回上一级的理由');
    await page.locator('#case-submit').click();
    await expect.poll(() => toast(page)).toContain('请填写退回上一级的理由');
    await typeInto(page, 'decision-opinion', reason);
    await page.locator('#case-submit').click();
    await expect.poll(() => page.locator('#case-confirm-content').textContent()).toContain('退回上一环节');
    await page.locator('#case-confirm-confirm').click();
    await expect.poll(() => toast(page)).toContain('已退回上一级');
    await page.locator('#work').waitFor();
  });

  it('the returned form says 已退回 with the reason, offers one way back, and a lost session keeps the correction', async () => {
    const page = await newPage();
    await signIn(page, api.base, 'futian.handler');
    await openPending(page, caseId);
    expect(await page.locator('#case-returned').textContent()).toContain('已退回');
    expect(await page.locator('#case-return-reason').textContent()).toContain(reason);
    // one resubmit path: the entry screen, not a 提交 decision beside it
    expect(await page.locator('[id^="decision-"]').count()).toBe(0);
    await screenshot(page, 'confirm-02-returned-case');
    await page.locator('#case-correct').click();

    await page.locator('#entry-submit').waitFor();
    await expect.poll(() => page.locator('#entry-return-reason').textContent()).toContain(reason);
    const corrected = '未按规定公示物业服务收费标准，责令十五日内整改，逾期未改正（已核对文书编号）。';
    await typeInto(page, 'entry-description', corrected);
    await screenshot(page, 'confirm-03-correction-with-reason');

    // the session ends elsewhere (signed out from another request) while the correction is typed
    const refreshToken = await page.evaluate(() => {
      const raw = window.localStorage.getItem('szpm.tokens');
      const stored = raw ? JSON.parse(raw) : null;
      return (stored?.data ?? stored)?.refreshToken as string;
    });
    expect(refreshToken).toBeTruthy();
    await apiJson(api.base, '/auth/logout', { body: { refreshToken } });

    await page.locator('#entry-submit').click();
    await page.locator('#entry-confirm-confirm').click();
    await expect.poll(() => toast(page)).toContain('登录已过期，请重新登录');
    await page.locator('#login-page').waitFor();
    await typeInto(page, 'login-username', 'futian.handler');
    await typeInto(page, 'login-password', DEMO_PASSWORD);
    await page.locator('#login-submit').click();

    // back on the same correction screen, as it was left
    await page.locator('#bad-record-entry #entry-submit').waitFor();
    expect(page.url()).toContain(`caseId=${caseId}`);
    await expect.poll(() => page.locator('#entry-description textarea').inputValue()).toBe(corrected);
    await screenshot(page, 'confirm-04-draft-restored');
    await page.locator('#entry-submit').click();
    expect(await page.locator('#entry-confirm-content').textContent()).toContain(`公示 ${months} 个月并计 ${points} 分`);
    await page.locator('#entry-confirm-confirm').click();
    await expect.poll(() => toast(page)).toContain('已重新提交，转认定审核');
    const status = page.locator('#case-status:visible');
    await status.waitFor();
    await expect.poll(() => status.textContent()).toContain('认定审核');

    // submitted: the draft is gone, the entry screen opens blank again
    const handler = await apiLogin(api.base, 'futian.handler');
    const detail = await apiJson<WorkflowCaseDetail>(api.base, `/workflow/cases/${caseId}`, { token: handler });
    expect(detail.payload.description).toBe(corrected);
    expect(await page.evaluate(() => Object.keys(window.localStorage).filter((key) => key.startsWith('szpm.draft.')))).toEqual([]);
  });

  it('同意 is confirmed with the publicity and the points, and then says it is published', async () => {
    const page = await newPage();
    await signIn(page, api.base, 'futian.supervisor');
    await openPending(page, caseId);
    await page.locator('#decision-APPROVE').click();
    await page.locator('#case-submit').click();
    await expect.poll(() => page.locator('#case-confirm-content').textContent()).toBe(`通过后该不良信息将公示 ${months} 个月并计 ${points} 分。`);
    await screenshot(page, 'confirm-05-approve');
    await page.locator('#case-confirm-confirm').click();
    await expect.poll(() => toast(page)).toContain('已同意，已进入公示');
    await page.locator('#work').waitFor();
  });
});

describe('broadcasts say how many they reach before they go', () => {
  it('发布通知 names the number of recipients the api counts for the choice', async () => {
    const handler = await apiLogin(api.base, 'futian.handler');
    const count = await apiJson<NoticeAudienceCount>(api.base, '/notices/audience', { token: handler, body: { audiences: [NoticeAudience.PROJECT_MANAGER] } });
    expect(count.total).toBeGreaterThan(0);

    const page = await newPage();
    await signIn(page, api.base, 'futian.handler');
    await page.locator('#home-module-notices').click();
    await page.locator('#notices-publish').click();
    await page.locator('#notice-submit').waitFor();
    await typeInto(page, 'notice-title', '关于做好寒潮天气防范工作的通知');
    await page.locator('#notice-type').click();
    await page.locator('[id^="notice-type-option-"]').first().click();
    await typeInto(page, 'notice-content', '请各项目做好供水管道防冻措施。');
    await page.locator('#notice-submit').click();
    await expect.poll(() => page.locator('#notice-confirm-content').textContent()).toBe(`将向 ${count.total} 名项目经理发送通知，发布后不能撤回。`);
    await screenshot(page, 'confirm-06-notice');
    await page.locator('#notice-confirm-confirm').click();
    await expect.poll(() => toast(page)).toContain(`已发布，已通知 ${count.total} 人`);
    await page.locator('#notice-stats').waitFor();
  });

  it('发起安全检查 names the number of property areas of the district', async () => {
    const handler = await apiLogin(api.base, 'futian.handler');
    const tree = await apiJson<RegionNode[]>(api.base, '/regions/tree', { token: handler });
    const areas = tree.find((node) => node.level === 'DISTRICT')!.propertyAreaCount;
    expect(areas).toBeGreaterThan(0);

    const page = await newPage();
    await signIn(page, api.base, 'futian.handler');
    await page.locator('#home-module-safety-inspections').click();
    await page.locator('#safety-launch').click();
    await page.locator('#safety-template').click();
    await page.locator('[id^="safety-template-option-"]').first().click();
    await page.locator('#safety-deadline').click();
    await page.locator('.weui-picker__action', { hasText: '确定' }).click();
    const launchedBefore = (await apiJson<{ total: number }>(api.base, '/safety-inspections?pageSize=1', { token: handler })).total;
    await page.locator('#safety-submit').click();
    await expect.poll(() => page.locator('#safety-confirm-content').textContent()).toContain(`将向本区 ${areas} 个物业项目发起安全检查`);
    await screenshot(page, 'confirm-07-safety');
    // 取消: nothing is launched
    await page.locator('#safety-confirm-cancel').click();
    await expect.poll(() => page.locator('#safety-confirm-content').isVisible()).toBe(false);
    expect((await apiJson<{ total: number }>(api.base, '/safety-inspections?pageSize=1', { token: handler })).total).toBe(launchedBefore);
  });
});
