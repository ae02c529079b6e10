import { BadRecordDetail, Page as ApiPage, PublicBadRecord, ReceivedNoticeItem, StaffDetail, StaffListItem } from '@szpm/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeWechat } from './fake-wechat';
import { apiJson, apiLogin, browserSession, checkPage, freePort, RunningApi, screenshot, signIn, startApi, typeInto } from './support';

/**
 * The H5 build as a new officer uses it, against the api in embedded mode (fresh data, demo seed):
 * a handler enters a bad record, the supervisor approves it, it is published; an officer binds
 * WeChat with an SMS code from the development provider; a notice is published, read and urged; a safety
 * inspection is launched, followed up, urged and drilled down by region; the binding statistics open
 * their lists and 催绑 urges.
 */
const OA = { appId: 'wxoa0000000000e2e1', secret: 'oa-secret-for-the-browser-e2e-000' };

let api: RunningApi;
let wechat: FakeWechat;
// the api's answer to a failed request is what the officer saw in the toast
const { newPage } = browserSession(() => api, { logFailedApiCalls: true });

beforeAll(async () => {
  wechat = await FakeWechat.start(OA.appId, OA.secret);
  const port = await freePort();
  api = await startApi({
    PORT: String(port),
    WECHAT_API_BASE: wechat.url,
    WECHAT_OA_APPID: OA.appId,
    WECHAT_OA_SECRET: OA.secret,
    WECHAT_OAUTH_REDIRECT_URL: `http://127.0.0.1:${port}/m/`,
  });
});

afterAll(async () => {
  await wechat?.close();
});

describe('物业服务评价: 不良信息认定 from entry to publicity', () => {
  const documentNo = `深福住建罚〔2026〕E2E${Date.now() % 100000}号`;
  let caseId: number;
  let subjectName: string;

  it('the handler enters a bad record (录入初审) and it goes to 认定审核', async () => {
    const page = await newPage();
    await signIn(page, api.base, 'futian.handler');
    await screenshot(page, '01-handler-home');
    await checkPage(page, '01-handler-home');

    await page.locator('#home-module-service-evaluation').click();
    await page.locator('#evaluation').waitFor();
    await screenshot(page, '02-evaluation-menu');
    await checkPage(page, '02-evaluation-menu');
    await page.locator('#evaluation-entry-bad-record').click();
    await page.locator('#entry-submit').waitFor();

    // 评价对象: the first company of the district
    await page.locator('#entry-subject').click();
    const firstSubject = page.locator('[id^="entry-subject-option-"]').first();
    await firstSubject.waitFor();
    subjectName = (await firstSubject.locator('.sheet__label').textContent())!.trim();
    await firstSubject.click();
    await expect.poll(() => page.locator('#entry-subject').textContent()).toContain(subjectName);

    // 事项 and 情形 from the catalogue
    await page.locator('#entry-item').click();
    await page.locator('[id^="entry-item-option-"]').first().click();
    await page.locator('#entry-circumstance').click();
    await page.locator('[id^="entry-circumstance-option-"]').first().click();

    // 分值 and 公示期时长 as the server previews them, never typed
    await expect.poll(() => page.locator('#entry-preview').textContent()).toMatch(/分值\d+分/);
    await expect.poll(() => page.locator('#entry-preview').textContent()).toMatch(/公示期时长\d+个月/);

    await typeInto(page, 'entry-document-no', documentNo);
    await typeInto(page, 'entry-description', '经现场检查，该项目未按规定公示物业服务收费标准，责令限期整改逾期未改正。');
    await screenshot(page, '03-bad-record-entry');
    await checkPage(page, '03-bad-record-entry');
    await page.locator('#entry-submit').click();
    await page.locator('#entry-confirm-confirm').click();

    await page.locator('#case-page #case-status').waitFor();
    await expect.poll(() => page.locator('#case-status').textContent()).toContain('认定审核');
    caseId = Number(new URL(page.url().replace('#', '')).searchParams.get('id'));
    expect(caseId).toBeGreaterThan(0);
    await screenshot(page, '04-submitted-case');
    await checkPage(page, '04-submitted-case');
  });

  it('the supervisor returns it (退回上一级); the handler corrects it in the entry screen and submits again', async () => {
    const openFromWork = async (page: Awaited<ReturnType<typeof newPage>>) => {
      await page.locator('#home-module-service-evaluation').click();
      await page.locator('#evaluation-work-pending').click();
      await page.locator(`#case-${caseId}`).click();
      await page.locator('#case-tabs-audit').click();
    };
    const supervisor = await newPage();
    await signIn(supervisor, api.base, 'futian.supervisor');
    await openFromWork(supervisor);
    await supervisor.locator('#decision-RETURN_TO_PREVIOUS').click();
    await typeInto(supervisor, 'decision-opinion', '请补充整改期限。');
    await supervisor.locator('#case-submit').click();
    await supervisor.locator('#case-confirm-confirm').click();
    await supervisor.locator('#work').waitFor();

    const handler = await newPage();
    await signIn(handler, api.base, 'futian.handler');
    // the handler's 待办 card says it came back (已退回), not the step it is at (录入初审)
    await handler.locator('#home-module-service-evaluation').click();
    await handler.locator('#evaluation-work-pending').click();
    await expect.poll(() => handler.locator(`#case-${caseId}`).textContent()).toContain('已退回');
    expect(await handler.locator(`#case-${caseId}`).textContent()).not.toContain('录入初审');
    await handler.locator(`#case-${caseId}`).click();
    await handler.locator('#case-tabs-audit').click();
    await handler.locator('#case-correct').click();
    await handler.locator('#entry-submit').waitFor();
    await expect.poll(() => handler.locator('#entry-subject').textContent()).toContain(subjectName);
    await typeInto(handler, 'entry-description', '经现场检查，该项目未按规定公示物业服务收费标准，责令十五日内整改，逾期未改正。');
    await screenshot(handler, '04b-handler-corrects-returned');
    await checkPage(handler, '04b-handler-corrects-returned');
    await handler.locator('#entry-submit').click();
    await handler.locator('#entry-confirm-confirm').click();
    // the corrected form opens as a new page above the one it was corrected from
    const status = handler.locator('#case-status:visible');
    await status.waitFor();
    await expect.poll(() => status.textContent()).toContain('认定审核');
    expect(await handler.locator('#case-info:visible').textContent()).toContain('责令十五日内整改');
  });

  it('the supervisor approves it in 待办理, then finds it in 已完成', async () => {
    const page = await newPage();
    await signIn(page, api.base, 'futian.supervisor');
    await expect.poll(() => page.locator('#home-badge-todos').textContent()).toMatch(/\d+/);
    await page.locator('#home-module-service-evaluation').click();
    await page.locator('#evaluation-work-pending').click();
    const card = page.locator(`#case-${caseId}`);
    await card.waitFor();
    expect(await card.textContent()).toContain(subjectName);
    await screenshot(page, '05-supervisor-pending');
    await checkPage(page, '05-supervisor-pending');
    await card.click();

    await page.locator('#case-info').waitFor();
    expect(await page.locator('#case-info').textContent()).toContain(documentNo);
    await page.locator('#case-tabs-audit').click();
    await page.locator('#decision-APPROVE').click();
    await typeInto(page, 'decision-opinion', '同意认定，予以公示。');
    await screenshot(page, '06-supervisor-audit');
    await checkPage(page, '06-supervisor-audit');
    await page.locator('#case-submit').click();
    await page.locator('#case-confirm-confirm').click();

    // back in 我的工作; the form is finished and listed under 已完成
    await page.locator('#work').waitFor();
    await page.locator('#work-tabs-completed').click();
    await page.locator(`#case-${caseId}`).waitFor();
    expect(await page.locator(`#case-${caseId}`).textContent()).toContain('已同意');
    await screenshot(page, '07-supervisor-completed');
    await checkPage(page, '07-supervisor-completed');

    await page.locator(`#case-${caseId}`).click();
    await page.locator('#case-tabs-audit').click();
    await page.locator('#case-history').waitFor();
    const history = await page.locator('#case-history').textContent();
    expect(history).toContain('同意认定，予以公示。');
    expect(history).toContain('黄志强');
    expect(history).toContain('林晓敏');
  });

  it('the record is published (public publicity list) and listed under the company', async () => {
    const published = await apiJson<ApiPage<PublicBadRecord>>(api.base, `/service-evaluation/publicity/bad-records?search=${encodeURIComponent(subjectName)}&pageSize=100`);
    const record = published.items.find((r) => r.documentNo === documentNo);
    expect(record).toBeDefined();
    expect(record!.subjectName).toBe(subjectName);

    const page = await newPage();
    await signIn(page, api.base, 'futian.handler');
    await page.locator('#home-module-service-evaluation').click();
    await page.locator('#evaluation-company-bad-records').click();
    const row = page.locator(`#record-${record!.id}`);
    await row.waitFor();
    await row.click();
    await page.locator('#record-info').waitFor();
    const info = await page.locator('#record-info').textContent();
    expect(info).toContain(documentNo);
    expect(info).toContain('公示中');
    await expect(page.locator('#record-revoke').isVisible()).resolves.toBe(true);
    await screenshot(page, '08-record-detail');
    await checkPage(page, '08-record-detail');

    const token = await apiLogin(api.base, 'futian.handler');
    const detail = await apiJson<BadRecordDetail>(api.base, `/service-evaluation/bad-records/${record!.id}`, { token });
    expect(detail.determinationCaseId).toBe(caseId);

    // 物业企业 基础信息: the company's score now counts the record, with 计分周期说明
    await page.goto(`${api.base}/m/#/packages/evaluation/scores/index?subjectType=COMPANY`);
    await typeInto(page, 'scores-search', subjectName);
    await page.locator('#scores-search-go').click();
    await page.locator(`#score-${detail.subjectId}`).waitFor();
    await page.locator(`#score-${detail.subjectId}`).click();
    await page.locator('#score-section-BAD').waitFor();
    expect(await page.locator('#score-section-BAD').textContent()).toContain(`-${detail.points}`);
    await page.locator('#score-explain').click();
    await page.locator('#score-explanation').waitFor();
    expect((await page.locator('#score-explanation').textContent())!.length).toBeGreaterThan(20);
    await screenshot(page, '08b-score-detail');
    await checkPage(page, '08b-score-detail');
  });
});

describe('身份绑定: an officer opens the H5 page inside WeChat for the first time', () => {
  it('binds the WeChat identity with name, phone and the SMS code, then sees 物业服务', async () => {
    const lead = await apiLogin(api.base, 'futian.lead');
    const unbound = await apiJson<ApiPage<StaffListItem>>(api.base, '/permissions/staff?bound=false&status=ACTIVE&pageSize=100', { token: lead });
    const demoNames = ['刘建华', '黄志强', '林晓敏'];
    const officer = unbound.items.find((p) => !demoNames.includes(p.name));
    expect(officer).toBeDefined();
    const person = await apiJson<StaffDetail>(api.base, `/permissions/staff/${officer!.id}`, { token: lead });

    const page = await newPage({ userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0.50 NetType/WIFI Language/zh_CN' });
    // WeChat's OAuth page: it redirects back at once with a code for this visitor (snsapi_base)
    await page.route('https://open.weixin.qq.com/**', async (route) => {
      const authorize = new URL(route.request().url());
      const back = new URL(authorize.searchParams.get('redirect_uri')!);
      back.searchParams.set('code', wechat.issueOaCode(`openid-e2e-${person.id}`));
      back.searchParams.set('state', authorize.searchParams.get('state') ?? '');
      await route.fulfill({ status: 302, headers: { location: back.toString() } });
    });
    await page.goto(`${api.base}/m/`);
    await page.locator('#bind-entries').waitFor();
    expect(page.url()).not.toContain('code=');
    await screenshot(page, '09-bind-entries');
    await checkPage(page, '09-bind-entries');

    await page.locator('#bind-entry-officer').click();
    await typeInto(page, 'bind-name', person.name);
    await typeInto(page, 'bind-phone', person.phone);
    await page.locator('#bind-send-code').click();
    await expect.poll(() => page.locator('#bind-send-code').textContent()).toMatch(/\d+秒后重新获取/);

    const outbox = await apiJson<Array<{ code: string }>>(api.base, `/identity/dev/sms-outbox?phone=${person.phone}`);
    expect(outbox.length).toBeGreaterThan(0);
    await typeInto(page, 'bind-code', outbox[0].code);
    await screenshot(page, '10-bind-form');
    await checkPage(page, '10-bind-form');
    await page.locator('#bind-submit').click();

    await page.locator('#home-modules').waitFor();
    expect(await page.locator('#home-profile').textContent()).toContain(person.name);
    await screenshot(page, '11-bound-home');
    await checkPage(page, '11-bound-home');

    const after = await apiJson<StaffDetail>(api.base, `/permissions/staff/${person.id}`, { token: lead });
    expect(after.wechatBound).toBe(true);

    // the next visit signs in through WeChat directly
    await page.goto(`${api.base}/m/?again=1`);
    await page.evaluate(() => window.localStorage.clear());
    await page.goto(`${api.base}/m/`);
    await page.locator('#home-modules').waitFor();
  });
});

describe('通知发布: publish to the project managers and follow the reading', () => {
  it('publishes a notice, a project manager reads it, the statistics show it', async () => {
    const title = `关于开展汛期安全隐患排查的通知（E2E${Date.now() % 100000}）`;
    const page = await newPage();
    await signIn(page, api.base, 'futian.handler');
    await page.locator('#home-module-notices').click();
    await page.locator('#notices').waitFor();
    await page.locator('#notices-publish').click();
    await page.locator('#notice-submit').waitFor();
    await typeInto(page, 'notice-title', title);
    await page.locator('#notice-type').click();
    await page.locator('[id^="notice-type-option-"]').first().click();
    await typeInto(page, 'notice-content', '请各物业服务项目于6月10日前完成地下车库防倒灌设施检查，并将检查情况报街道办。');
    await screenshot(page, '12-notice-publish');
    await checkPage(page, '12-notice-publish');
    await page.locator('#notice-submit').click();
    await page.locator('#notice-confirm-confirm').click();

    await page.locator('#notice-stats').waitFor();
    const recipients = Number(await page.locator('#notice-stat-recipients').textContent());
    expect(recipients).toBeGreaterThan(0);
    expect(Number(await page.locator('#notice-stat-unread').textContent())).toBe(recipients);
    expect(Number(await page.locator('#notice-stat-read').textContent())).toBe(0);

    // 催办未读: confirm, then the result in words
    await page.locator('#notice-urge').click();
    await page.locator('#notice-urge-confirm').click();
    await expect.poll(() => page.locator('.taro__toast').textContent()).toContain(`已催办 ${recipients} 人`);

    // 我接收的消息 of the demo project manager, who opens it
    const manager = await apiLogin(api.base, 'demo.manager');
    const inbox = await apiJson<ApiPage<ReceivedNoticeItem>>(api.base, '/notices/received?pageSize=100', { token: manager });
    const received = inbox.items.find((n) => n.title === title);
    expect(received).toBeDefined();
    await apiJson(api.base, `/notices/received/${received!.id}/read`, { method: 'POST', token: manager, body: {} });

    await page.reload();
    await page.locator('#notice-stats').waitFor();
    await expect.poll(async () => Number(await page.locator('#notice-stat-read').textContent())).toBe(1);
    await page.locator('#notice-recipients-filter-read').click();
    await expect.poll(() => page.locator('#notice-recipients').textContent()).toContain('王俊峰');
    await screenshot(page, '13-notice-statistics');
    await checkPage(page, '13-notice-statistics');


    // 部门已发消息 lists it; 查看全部统计 counts it
    await page.goto(`${api.base}/m/#/packages/notices/index`);
    await page.locator('#notices-sent').waitFor();
    expect(await page.locator('#notices-sent').textContent()).toContain(title);
    await page.locator('#notices-statistics').click();
    await page.locator('#notice-summary-totals').waitFor();
    expect(await page.locator('#notice-summary-totals').textContent()).toMatch(/1\s*通知/);
    await screenshot(page, '14-notice-all-statistics');
    await checkPage(page, '14-notice-all-statistics');
  });
});

describe('安全检查: launch from the rule library, follow completion, 催办', () => {
  it('launches an inspection for the district, sees it by area and by company, and urges a company', async () => {
    const page = await newPage();
    await signIn(page, api.base, 'futian.handler');
    await page.locator('#home-module-safety-inspections').click();
    await page.locator('#safety').waitFor();
    await page.locator('#safety-launch').click();
    await page.locator('#safety-template').click();
    await page.locator('[id^="safety-template-option-"]').first().click();
    // the date picker: 确定 takes the first allowed day (today)
    await page.locator('#safety-deadline').click();
    await page.locator('.weui-picker__action', { hasText: '确定' }).click();
    await expect.poll(() => page.locator('#safety-deadline').textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);
    await typeInto(page, 'safety-instructions', '请对照检查项逐项自查，不合格项须拍照并说明整改措施。');
    await screenshot(page, '15-safety-launch');
    await checkPage(page, '15-safety-launch');
    await page.locator('#safety-submit').click();
    await page.locator('#safety-confirm-confirm').click();

    await page.locator('#inspection-info').waitFor();
    expect(await page.locator('#inspection-info').textContent()).toMatch(/完成 0\/\d+/);
    await page.locator('#inspection-areas').waitFor();
    await page.locator('#inspection-tabs-companies').click();
    const urge = page.locator('[id^="company-"][id$="-urge"]').first();
    await urge.waitFor();
    await urge.click();
    await page.locator(`#${await urge.getAttribute('id')}-confirm`).click();
    await expect.poll(() => page.locator('.taro__toast').textContent()).toMatch(/已催办 \d+ 人/);
    await screenshot(page, '16-safety-by-company');
    await checkPage(page, '16-safety-by-company');

    await page.locator('#inspection-overview').click();
    await page.locator('#safety-overview-page').waitFor();
    await expect.poll(() => page.locator('#safety-overview-page').textContent()).toContain('总体情况');
    await page.locator('#safety-regions-table-total').waitFor();
    await screenshot(page, '17-safety-overview');
    await checkPage(page, '17-safety-overview');

    // the district's streets; a street drills down to its communities, 返回上一级 comes back
    const street = page.locator('#safety-regions-table .stats-table__name--link').first();
    const streetName = (await street.textContent())!.replace('›', '').trim();
    await street.click();
    await expect.poll(() => page.locator('#safety-regions-crumbs').textContent()).toContain(streetName);
    await page.locator('#safety-regions-up').click();
    await expect.poll(() => page.locator('#safety-regions-up').count()).toBe(0);
    await page.locator('#safety-regions-table-total').waitFor();

    // a number opens the areas behind it, as many as it says
    const targets = await page.locator('#safety-regions-table-total-targets').textContent();
    await page.locator('#safety-regions-table-total-targets').click();
    await page.locator('[id^="safety-cell-area-"]').first().waitFor();
    await expect.poll(() => page.locator('.nut-popup').textContent()).toContain(`共${targets}条`);
    await screenshot(page, '17b-safety-cell-list');
    await checkPage(page, '17b-safety-cell-list');
  });
});

describe('用户统计: binding statistics by unit category, the lists behind the numbers, 催绑', () => {
  it('shows the table with its 合计 row, urges every unbound account, and opens the units behind a number', async () => {
    const page = await newPage();
    await signIn(page, api.base, 'futian.lead');
    await page.locator('#home-module-permissions').click();
    await page.locator('#permissions-stats').click();
    await page.locator('#stats-table-total').waitFor();
    const allUnits = Number(await page.locator('#stats-table-PROPERTY_COMPANY-allUnits').textContent());
    expect(allUnits).toBeGreaterThan(0);
    await screenshot(page, '18-binding-stats');
    await checkPage(page, '18-binding-stats');

    await page.locator('#stats-urge-all').click();
    await page.locator('#stats-urge-all-confirm').click();
    await expect.poll(() => page.locator('.taro__toast').textContent()).toMatch(/已催绑 \d+ 人/);
    await screenshot(page, '19-binding-urged');
    await checkPage(page, '19-binding-urged');

    await page.locator('#stats-table-PROPERTY_COMPANY-allUnits').click();
    await page.locator('#units-list').waitFor();
    await expect.poll(() => page.locator('#units-list').textContent()).toContain(`共${allUnits}条`);
  });
});
