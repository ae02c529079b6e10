import {
  h5Url,
  InboxMessage,
  MESSAGE_LINKS,
  NoticeAudience,
  NoticeDetail,
  NoticeTypeView,
  ObjectionDetail,
  ObjectionKindView,
  Page as ApiPage,
  RiskListItemView,
  SafetyInspectionDetail,
  SafetyTargetForm,
  SafetyTaskItem,
  SafetyTemplateListItem,
  EvaluationSubjectView,
  pageLink,
  PAGES,
  WorkflowAction,
  WorkflowCaseDetail,
} from '@szpm/contract';
import { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiJson, apiLogin, browserSession, checkPage, DEMO_PASSWORD, freePort, RunningApi, screenshot, signIn, startApi, typeInto } from './support';

/**
 * The links the server sends, opened in the H5 build by the project manager they were sent to
 * (demo.manager, 王俊峰): the launch notice of a safety inspection opens 我的安全检查 at that
 * inspection, where the manager fills the checklist in and submits it; the 退回补录 message of an
 * objection opens its detail, where the manager supplements it and files it again.
 */
let api: RunningApi;
const { newPage } = browserSession(() => api, { logFailedApiCalls: true });
const tokens: Record<string, string> = {};

beforeAll(async () => {
  api = await startApi({ PORT: String(await freePort()) });
  for (const user of ['futian.handler', 'futian.supervisor', 'demo.manager']) tokens[user] = await apiLogin(api.base, user);
});

/** Fills the H5 password sign-in in, on the login page that is shown (or about to be). */
async function submitLogin(page: Page, username: string): Promise<void> {
  await page.locator('#login-page').waitFor();
  await typeInto(page, 'login-username', username);
  await typeInto(page, 'login-password', DEMO_PASSWORD);
  await page.locator('#login-submit').click();
}

/** A project manager holds no menus of the officers: the home shows only the profile. */
async function signInAsManager(page: Page): Promise<void> {
  await page.goto(`${api.base}/m/`);
  await submitLogin(page, 'demo.manager');
  await page.locator('#home-profile').waitFor();
}

/** The page the H5 hash router shows: `/packages/...?query`. */
const shownLink = (page: Page) => decodeURIComponent(new URL(page.url()).hash.replace(/^#/, ''));

/** The link of the manager's inbox message that `matches`, once it is delivered. */
async function linkInInbox(matches: (message: InboxMessage) => boolean): Promise<string> {
  let found: InboxMessage | undefined;
  await expect
    .poll(async () => {
      const inbox = await apiJson<ApiPage<InboxMessage>>(api.base, '/inbox?pageSize=100', { token: tokens['demo.manager'] });
      found = inbox.items.find(matches);
      return Boolean(found?.link);
    })
    .toBe(true);
  return found!.link!;
}

const shanghaiDate = (daysAhead: number) => new Date(Date.now() + daysAhead * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

async function act(user: string, caseId: number, action: WorkflowAction, extra: Record<string, unknown> = {}): Promise<WorkflowCaseDetail> {
  const current = await apiJson<WorkflowCaseDetail>(api.base, `/workflow/cases/${caseId}`, { token: tokens[user] });
  return apiJson<WorkflowCaseDetail>(api.base, `/workflow/cases/${caseId}/actions`, { token: tokens[user], body: { action, version: current.version, ...extra } });
}

describe('安全检查: the launch notice opens 我的安全检查 at that inspection', () => {
  const suffix = Date.now() % 100000;
  const title = `汛期专项安全检查（E2E${suffix}）`;
  const otherTitle = `消防专项安全检查（E2E${suffix}）`;

  it('the manager opens the link, sees only that inspection’s task, fills the checklist in and submits it', async () => {
    const [template] = await apiJson<SafetyTemplateListItem[]>(api.base, '/safety-inspections/templates', { token: tokens['futian.handler'] });
    const launch = (t: string) =>
      apiJson<SafetyInspectionDetail>(api.base, '/safety-inspections', { token: tokens['futian.handler'], body: { templateId: template.id, title: t, deadline: shanghaiDate(30) } });
    const inspection = await launch(title);
    await launch(otherTitle);

    const link = await linkInInbox((m) => m.link?.includes(`inspectionId=${inspection.id}`) ?? false);
    expect(link).toBe(MESSAGE_LINKS.safetyTasks(inspection.id));
    const tasks = await apiJson<ApiPage<SafetyTaskItem>>(api.base, `/safety-inspections/my-tasks?inspectionId=${inspection.id}`, { token: tokens['demo.manager'] });
    expect(tasks.total).toBeGreaterThan(0);
    expect(tasks.items.every((t) => t.inspectionId === inspection.id)).toBe(true);
    const task = tasks.items[0];

    const page = await newPage();
    await signInAsManager(page);
    await page.goto(h5Url(api.base, link));
    const card = page.locator(`#task-${task.targetId}`);
    await card.waitFor();
    expect(await card.textContent()).toContain('待提交');
    const list = (await page.locator('#safety-tasks-list').textContent()) ?? '';
    expect(list).toContain(title);
    expect(list).not.toContain(otherTitle);
    await screenshot(page, 'deep-01-safety-tasks');
    await checkPage(page, 'deep-01-safety-tasks');

    await card.click();
    await page.locator('#task-submit').waitFor();
    const form = await apiJson<SafetyTargetForm>(api.base, `/safety-inspections/my-tasks/${task.targetId}`, { token: tokens['demo.manager'] });
    const items = form.indicators.flatMap((i) => i.items);
    const [failed, notApplicable] = items;

    // 不合格 needs the problem described before the form can go
    await page.locator(`#task-item-${failed.id}-FAIL`).click();
    await page.locator(`#task-item-${notApplicable.id}-NOT_APPLICABLE`).click();
    await page.locator('#task-fill-pass').click();
    await expect.poll(() => page.locator('#task-progress').textContent()).toContain(`已填 ${items.length}/${items.length} 项`);
    await page.locator('#task-submit').click();
    await expect.poll(() => page.locator(`#task-item-${failed.id}`).textContent()).toContain('不合格须填写问题说明');
    await typeInto(page, `task-item-${failed.id}-note`, '地下车库挡水板缺失，已安排本周内补齐。');
    await screenshot(page, 'deep-02-safety-task-form');
    await checkPage(page, 'deep-02-safety-task-form');
    await page.locator('#task-submit').click();
    await page.locator('#task-confirm-confirm').click();

    // submitted: read-only results
    await page.locator('#task-submitted').waitFor();
    expect(await page.locator('#task-submitted').textContent()).toContain(`合格 ${items.length - 2} · 不合格 1 · 不涉及 1`);
    expect(await page.locator(`#task-result-${failed.id}`).textContent()).toContain('地下车库挡水板缺失');
    expect(await page.locator('#task-submit').count()).toBe(0);
    await screenshot(page, 'deep-03-safety-task-submitted');
    await checkPage(page, 'deep-03-safety-task-submitted');

    const submitted = await apiJson<SafetyTargetForm>(api.base, `/safety-inspections/my-tasks/${task.targetId}`, { token: tokens['demo.manager'] });
    expect(submitted).toMatchObject({ status: 'SUBMITTED', failCount: 1, notApplicableCount: 1, passCount: items.length - 2 });
    await page.goto(h5Url(api.base, link));
    await expect.poll(() => page.locator(`#task-${task.targetId}`).textContent()).toContain('已提交');
  });
});

describe('异议处理: the 退回补录 message opens the objection for the unit to supplement', () => {
  it('the manager opens the link, sees what to supplement, supplements it and files it again', async () => {
    // a risk-list entry on the demo manager, determined and approved by the 福田区 officers
    const subjects = await apiJson<ApiPage<EvaluationSubjectView>>(api.base, `/service-evaluation/subjects?subjectType=PROJECT_MANAGER&search=${encodeURIComponent('王俊峰')}&pageSize=100`, {
      token: tokens['futian.handler'],
    });
    expect(subjects.total).toBeGreaterThan(0);
    const riskItems = await apiJson<RiskListItemView[]>(api.base, '/service-evaluation/catalogue/risk-list-items', { token: tokens['futian.handler'] });
    const item = riskItems.find((i) => i.code === 'FALSE_MATERIALS')!;
    // another manager may share the name: each gets the entry, the demo manager objects to theirs
    for (const subject of subjects.items) {
      const started = await apiJson<WorkflowCaseDetail>(api.base, '/service-evaluation/risk-list/determinations', {
        token: tokens['futian.handler'],
        body: {
          subjectType: 'PROJECT_MANAGER',
          subjectId: subject.subjectId,
          itemId: item.id,
          circumstanceId: item.circumstances[0].id,
          factDate: shanghaiDate(-10),
          documentNo: `深福住建风〔E2E〕${subject.subjectId}号`,
          description: '申报材料与事实不符',
        },
      });
      await act('futian.supervisor', started.id, WorkflowAction.APPROVE, { opinion: '同意' });
    }
    const targets = await apiJson<Array<{ target: string; recordId: number | null }>>(api.base, '/service-evaluation/objections/targets', { token: tokens['demo.manager'] });
    const entry = targets.find((t) => t.target === 'RISK_LIST_ENTRY')!;
    const [kind] = await apiJson<ObjectionKindView[]>(api.base, '/service-evaluation/objections/kinds?target=RISK_LIST_ENTRY', { token: tokens['demo.manager'] });
    const filed = await apiJson<ObjectionDetail>(api.base, '/service-evaluation/objections', {
      token: tokens['demo.manager'],
      body: { target: 'RISK_LIST_ENTRY', recordId: entry.recordId, kindId: kind.id, grounds: 'WRONG_FACTS', text: '材料真实' },
    });
    await act('futian.handler', filed.caseId, WorkflowAction.ACCEPT);
    await act('futian.handler', filed.caseId, WorkflowAction.RETURN_FOR_SUPPLEMENT, { opinion: '请补充材料原件' });

    const link = await linkInInbox((m) => m.link === MESSAGE_LINKS.objectionDetail(filed.id));
    const page = await newPage();
    await signInAsManager(page);
    await page.goto(h5Url(api.base, link));
    await page.locator('#objection-supplement').waitFor();
    expect(await page.locator('#objection-status').textContent()).toContain('退回补录');
    expect(await page.locator('#objection-supplement-request').textContent()).toContain('请补充材料原件');
    expect(await page.locator('#objection-statement').textContent()).toContain('事实认定有误');
    expect(await page.locator('#objection-original').textContent()).toContain('申报材料与事实不符');
    await screenshot(page, 'deep-04-objection-returned');
    await checkPage(page, 'deep-04-objection-returned');

    // nothing supplemented yet: refused in the page
    await page.locator('#objection-resubmit').click();
    await expect.poll(() => page.locator('.taro__toast').textContent()).toContain('请补充异议内容或上传补充材料');
    await typeInto(page, 'objection-text', '材料真实，补充原件扫描件');
    await page.locator('#objection-resubmit').click();

    await expect.poll(() => page.locator('#objection-status').textContent()).toContain('待受理');
    expect(await page.locator('#objection-supplement').count()).toBe(0);
    expect(await page.locator('#objection-statement').textContent()).toContain('材料真实，补充原件扫描件');
    expect(await page.locator('#case-history').textContent()).toContain('请补充材料原件');
    await screenshot(page, 'deep-05-objection-resubmitted');
    await checkPage(page, 'deep-05-objection-resubmitted');

    const after = await apiJson<ObjectionDetail>(api.base, `/service-evaluation/objections/${filed.id}`, { token: tokens['demo.manager'] });
    expect(after).toMatchObject({ status: 'PENDING_ACCEPTANCE' });
    expect(after.case.payload.text).toBe('材料真实，补充原件扫描件');
  });
});

describe('消息链接: a link opened without a session, and a page reloaded', () => {
  let notice: NoticeDetail;
  const title = `关于做好台风防御工作的通知（E2E${Date.now() % 100000}）`;

  beforeAll(async () => {
    const [noticeType] = await apiJson<NoticeTypeView[]>(api.base, '/notices/types', { token: tokens['futian.handler'] });
    notice = await apiJson<NoticeDetail>(api.base, '/notices', {
      token: tokens['futian.handler'],
      body: { title, noticeTypeId: noticeType.id, content: '请各项目做好台风期间的巡查和值守。', audiences: [NoticeAudience.PROJECT_MANAGER] },
    });
  });

  it('the manager opens the link signed out, signs in and is brought to the linked notice, not home', async () => {
    const link = await linkInInbox((m) => m.link === MESSAGE_LINKS.receivedNotice(notice.id));
    const page = await newPage();
    await page.goto(h5Url(api.base, link));
    await submitLogin(page, 'demo.manager');
    await expect.poll(() => page.locator('#received-notice').textContent()).toContain(title);
    expect(shownLink(page)).toBe(link);
    expect(await page.locator('#home-profile').count()).toBe(0);
    await screenshot(page, 'deep-06-link-after-sign-in');
    await checkPage(page, 'deep-06-link-after-sign-in');
  });

  it('the handler reloads the notice’s detail and is still offered 催办 (the officer is loaded again)', async () => {
    expect(notice.unread).toBeGreaterThan(1);
    const detail = pageLink(PAGES.noticeDetail, { id: notice.id });
    const page = await newPage();
    await signIn(page, api.base, 'futian.handler');
    await page.goto(h5Url(api.base, detail));
    await page.locator('#notice-urge').waitFor();
    await page.reload();
    await page.locator('#notice-stats').waitFor();
    await page.locator('#notice-urge').waitFor();
    expect(shownLink(page)).toBe(detail);
    await screenshot(page, 'deep-07-reloaded-notice-detail');
    await checkPage(page, 'deep-07-reloaded-notice-detail');
  });
});
