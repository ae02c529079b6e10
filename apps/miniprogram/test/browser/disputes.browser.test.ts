import {
  DISPUTE_DUPLICATE_WARNING,
  DisputeCategoryView,
  DisputeDetail,
  DisputeDuplicateResult,
  DisputeInput,
  DisputeLedgerPage,
  DisputePartyKind,
  DisputeSource,
  DisputeSummary,
  DisputeUrgency,
  h5Url,
  Page as ApiPage,
  PAGES,
  pageLink,
  PropertyAreaListItem,
  RegionNode,
  WorkflowCaseSummary,
} from '@szpm/contract';
import { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiJson, apiLogin, browserSession, checkPage, freePort, RunningApi, screenshot, signIn, startApi, typeInto } from './support';

/**
 * 纠纷化解台账 (manual chapter 22, WeChat part) in the H5 build: the district handler enters a case in
 * 园岭街道 — the duplicate warning for an earlier case of the same 小区 and 问题分类, its list opened —
 * and 转办 it; the street office finds it in 待办 and handles it (办结); the handler 驳回重报 with an
 * opinion; the street handles it again; the handler 同意办结; 历程 shows the six steps.
 */
let api: RunningApi;
const { newPage } = browserSession(() => api, { failedScreenshot: 'disputes', logFailedApiCalls: true });

beforeAll(async () => {
  api = await startApi({ PORT: String(await freePort()) });
});

const toast = (page: Page) => page.locator('.taro__toast').textContent();

/** Opens a page by its link and loads it afresh, as the officer's reload would: it is the only page then. */
async function openLink(page: Page, link: string): Promise<void> {
  await page.goto(h5Url(api.base, link));
  await page.reload();
}

/** A case's 查看 page, as it stands now. */
async function openCase(page: Page, id: number): Promise<void> {
  await openLink(page, pageLink(PAGES.disputeDetail, { id }));
  await page.locator('#dispute-status').waitFor();
}

/** The date picker: 确定 takes the value it opens at (today). */
async function pickToday(page: Page, id: string): Promise<void> {
  await page.locator(`#${id}`).click();
  await page.locator('.weui-picker__action', { hasText: '确定' }).click();
  await expect.poll(() => page.locator(`#${id}`).textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);
}

/** 处理 → 办结 on the handle page, confirmed; back on 查看 afterwards. `check` names the page's size check. */
async function handleCase(page: Page, note: string, check?: string): Promise<void> {
  await page.locator('#dispute-action-handle').click();
  await page.locator('#dispute-handle-form').waitFor();
  await page.locator('#dispute-handle-disposal-RESOLVE').click();
  await page.locator('#dispute-handle-outcome-SETTLED').click();
  await pickToday(page, 'dispute-handle-replied');
  await typeInto(page, 'dispute-handle-note', note);
  if (check) {
    await screenshot(page, check);
    await checkPage(page, check);
  }
  await page.locator('#dispute-handle-submit').click();
  await page.locator('#dispute-handle-confirm-confirm').click();
  await expect.poll(() => toast(page)).toContain('已办结');
  await page.locator('#dispute-status').waitFor();
}

/** The property areas the 小区 picker lists for a community (its first 100). */
function communityAreas(token: string, communityId: number): Promise<ApiPage<PropertyAreaListItem>> {
  return apiJson<ApiPage<PropertyAreaListItem>>(api.base, `/property-areas?communityId=${communityId}&pageSize=100`, { token });
}

/**
 * An earlier 园岭街道 case that a new case of the same 小区 and 问题分类 repeats: a recent one of the demo
 * seed, or — while the seed has none — one entered through the api first.
 */
async function earlierCase(token: string): Promise<DisputeSummary> {
  const recent = await apiJson<DisputeLedgerPage>(api.base, '/disputes?ledger=all&sort=enteredAt&order=DESC&pageSize=100', { token });
  for (const candidate of recent.items.filter((c) => c.streetName === '园岭街道').slice(0, 15)) {
    const found = await apiJson<DisputeDuplicateResult>(api.base, `/disputes/duplicates?propertyAreaId=${candidate.propertyAreaId}&categoryId=${candidate.categoryId}`, { token });
    if (found.duplicate && found.items.some((i) => i.id === candidate.id) && (await communityAreas(token, candidate.communityId)).items.some((a) => a.id === candidate.propertyAreaId)) return candidate;
  }
  return enterCase(token, '业主反映电梯长期停运，物业未及时维修');
}

/** A case in 园岭街道 entered through the api by the district handler. */
async function enterCase(token: string, summary: string): Promise<DisputeDetail> {
  const tree = await apiJson<RegionNode[]>(api.base, '/regions/tree', { token });
  const street = tree.flatMap((node) => (node.level === 'DISTRICT' ? (node.children ?? []) : [node])).find((s) => s.name === '园岭街道');
  const community = street?.children?.find((c) => c.propertyAreaCount > 0);
  expect(community, '园岭街道 has a community with property areas').toBeTruthy();
  const [area] = (await communityAreas(token, community!.id)).items;
  const category = (await apiJson<DisputeCategoryView[]>(api.base, '/disputes/categories', { token })).find((c) => c.active);
  expect(category, 'an active 问题分类').toBeTruthy();
  const input: DisputeInput = {
    streetId: street!.id,
    communityId: community!.id,
    propertyAreaId: area.id,
    categoryId: category!.id,
    summary,
    demand: '尽快修复电梯',
    peopleCount: 30,
    applicant: { kind: DisputePartyKind.OWNER, name: '黄伟' },
    respondent: { kind: DisputePartyKind.PROPERTY_COMPANY, name: '园岭物业服务中心' },
    source: DisputeSource.COMMUNITY_SCREENING,
    urgency: DisputeUrgency.URGENT,
  };
  return apiJson<DisputeDetail>(api.base, '/disputes', { token, body: input });
}

describe('a 矛盾纠纷件 from 录入 to 同意办结', () => {
  it('is entered with the duplicate warning, transferred, handled by the street, sent back, handled again and closed', async () => {
    const [handlerToken, streetToken] = await Promise.all([apiLogin(api.base, 'futian.handler'), apiLogin(api.base, 'futian.street.yuanling')]);
    const earlier = await earlierCase(handlerToken);
    const { streetId, communityId, propertyAreaId, categoryId } = earlier;

    // 录入, from the module's ledger
    const handler = await newPage();
    await signIn(handler, api.base, 'futian.handler');
    await handler.locator('#home-module-disputes').click();
    await handler.locator('#disputes-list').waitFor();
    await screenshot(handler, '60-disputes-ledger');
    await checkPage(handler, '60-disputes-ledger');
    await handler.locator('#disputes-enter').click();
    await handler.locator('#dispute-business').waitFor();
    expect(await handler.locator('#dispute-district').textContent()).toContain('福田区');

    await handler.locator('#dispute-street').click();
    await handler.locator(`#dispute-street-option-${streetId}`).click();
    await handler.locator('#dispute-community').click();
    await handler.locator(`#dispute-community-option-${communityId}`).click();
    await handler.locator('#dispute-area').click();
    await handler.locator(`#dispute-area-option-${propertyAreaId}`).click();
    await handler.locator('#dispute-category').click();
    await handler.locator(`#dispute-category-option-${categoryId}`).click();
    // the category's 办理时限 fills in
    await expect.poll(() => handler.locator('#dispute-deadline').textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);
    await expect.poll(() => handler.locator('#dispute-deadline-hint').textContent()).toMatch(/按问题分类默认\d+个工作日/);

    // the same 小区 and 问题分类 as an earlier case: the warning, and its list
    await expect.poll(() => handler.locator('#dispute-duplicate').textContent()).toContain(DISPUTE_DUPLICATE_WARNING);
    await handler.locator('#dispute-duplicate-open').click();
    await expect.poll(() => handler.locator(`#dispute-duplicate-${earlier.id}`).textContent()).toContain(earlier.businessNo);
    expect(await handler.locator(`#dispute-duplicate-${earlier.id}`).textContent()).toContain('同一小区同一问题分类');
    await screenshot(handler, '61-dispute-duplicates');
    await checkPage(handler, '61-dispute-duplicates');
    await handler.locator('#dispute-duplicates-close').click();

    // the required fields are asked for first; then the case is entered all the same
    await handler.locator('#dispute-submit').click();
    await expect.poll(() => handler.locator('#dispute-business .field-error').count()).toBeGreaterThan(0);
    await typeInto(handler, 'dispute-summary', '物业费上调未经业主大会表决，业主拒缴');
    await typeInto(handler, 'dispute-demand', '恢复原收费标准并公示收支');
    await typeInto(handler, 'dispute-peopleCount', '15');
    await handler.locator('#dispute-applicant-kind').click();
    await handler.locator('#dispute-applicant-kind-option-OWNER').click();
    await typeInto(handler, 'dispute-applicantName', '陈晓燕');
    await typeInto(handler, 'dispute-applicantPhone', '13812345678');
    await handler.locator('#dispute-respondent-kind').click();
    await handler.locator('#dispute-respondent-kind-option-PROPERTY_COMPANY').click();
    await typeInto(handler, 'dispute-respondentName', '园岭物业服务中心');
    await handler.locator('#dispute-source').click();
    await handler.locator('#dispute-source-option-HOTLINE_12345').click();
    // the last picker's sheet has closed
    await expect.poll(() => handler.locator('.nut-popup:visible').count()).toBe(0);
    await screenshot(handler, '62-dispute-entry');
    await checkPage(handler, '62-dispute-entry');
    await handler.locator('#dispute-submit').click();
    await expect.poll(() => toast(handler)).toContain('已录入');
    await expect.poll(() => handler.locator('#dispute-status').textContent()).toContain('已录入');
    const id = Number(/[?&]id=(\d+)/.exec(handler.url())?.[1]);
    expect(id).toBeGreaterThan(0);
    const entered = await apiJson<DisputeDetail>(api.base, `/disputes/${id}`, { token: handlerToken });
    expect(entered).toMatchObject({ streetId, communityId, propertyAreaId, categoryId, peopleCount: 15, applicant: { name: '陈晓燕', phone: '13812345678' } });

    // 转办, confirmed with the street's name
    await handler.locator('#dispute-action-transfer').click();
    await expect.poll(() => handler.locator('.nut-dialog').textContent()).toContain('确定转办至园岭街道？');
    await handler.locator('#dispute-confirm-confirm').click();
    await expect.poll(() => toast(handler)).toContain('已转办至园岭街道');
    await expect.poll(() => handler.locator('#dispute-status').textContent()).toContain('已转办街道');
    await screenshot(handler, '63-dispute-transferred');
    await checkPage(handler, '63-dispute-transferred');

    // the street office: the case waits in its 待办; it handles it from the module (办结)
    const street = await newPage();
    await signIn(street, api.base, 'futian.street.yuanling');
    await street.locator('#home-module-todos').click();
    await street.locator(`#case-${entered.caseId}`).waitFor();
    expect(await street.locator(`#case-${entered.caseId}`).textContent()).toContain(entered.businessNo);
    const todos = await apiJson<ApiPage<WorkflowCaseSummary>>(api.base, '/todos?list=pending&pageSize=100', { token: streetToken });
    expect(todos.items.find((t) => t.id === entered.caseId)).toMatchObject({ formType: 'DISPUTE_CASE' });
    // the todo opens the dispute's own page (by its workflow case)
    await street.locator(`#case-${entered.caseId}`).click();
    await street.locator('#dispute-status').waitFor();
    expect(await street.locator('#dispute-head').textContent()).toContain(entered.businessNo);
    // a street office handles what it is sent: its ledger has no 录入
    await openLink(street, pageLink(PAGES.disputes, { ledger: 'unfinished' }));
    await street.locator('#disputes-list').waitFor();
    expect(await street.locator('#disputes-enter').count()).toBe(0);
    await typeInto(street, 'disputes-search', earlier.propertyAreaName);
    await street.locator('#disputes-search-go').click();
    await street.locator(`#dispute-${id}`).click();
    await street.locator('#dispute-status').waitFor();
    // the street handles or returns; it does not enter, transfer or edit
    expect(await street.locator('#dispute-actions').textContent()).toContain('退回区局');
    expect(await street.locator('#dispute-action-transfer').count()).toBe(0);
    await handleCase(street, '组织业主代表与物业面谈，物业暂缓调价');
    await expect.poll(() => street.locator('#dispute-status').textContent()).toContain('街道申请办结待审核');

    // 驳回重报: the opinion is required
    await openCase(handler, id);
    await handler.locator('#dispute-action-review').click();
    await handler.locator('#dispute-review-SEND_BACK').click();
    await handler.locator('#dispute-review-submit').click();
    await expect.poll(() => toast(handler)).toContain('驳回重报须填写意见');
    await typeInto(handler, 'dispute-review-opinion', '未附业主大会决议材料，请补充后重报');
    await screenshot(handler, '64-dispute-review');
    await checkPage(handler, '64-dispute-review');
    await handler.locator('#dispute-review-submit').click();
    await expect.poll(() => toast(handler)).toContain('已驳回重报');
    await expect.poll(() => handler.locator('#dispute-status').textContent()).toContain('已转办街道');

    // the street handles it again: the page opens with its earlier handling
    await openCase(street, id);
    await handleCase(street, '已补充业主大会决议，物业恢复原收费标准', '65-dispute-handle');
    await expect.poll(() => street.locator('#dispute-status').textContent()).toContain('街道申请办结待审核');

    // 同意办结
    await openCase(handler, id);
    await handler.locator('#dispute-action-review').click();
    await handler.locator('#dispute-review-APPROVE_CLOSE').click();
    await handler.locator('#dispute-review-submit').click();
    await expect.poll(() => toast(handler)).toContain('已同意办结');
    await expect.poll(() => handler.locator('#dispute-status').textContent()).toContain('已办结');
    expect(await handler.locator('#dispute-info-handling').textContent()).toContain('已补充业主大会决议');
    expect(await handler.locator('#dispute-actions').count()).toBe(0);

    // 历程: the six steps, newest first
    await handler.locator('#dispute-tabs-history').click();
    const steps = handler.locator('#dispute-history .timeline__action');
    await expect.poll(() => steps.allTextContents()).toEqual(['同意办结', '申请办结', '驳回重报', '申请办结', '转办', '录入']);
    expect(await handler.locator('#dispute-history').textContent()).toContain('未附业主大会决议材料，请补充后重报');
    await screenshot(handler, '66-dispute-history');
    await checkPage(handler, '66-dispute-history');
    const closed = await apiJson<DisputeDetail>(api.base, `/disputes/${id}`, { token: handlerToken });
    expect(closed).toMatchObject({ status: 'APPROVED', sendBackCount: 1, disposal: 'RESOLVE', outcome: 'SETTLED' });
  });
});

describe('修改 and a case that moved on meanwhile', () => {
  it('keeps the region read-only in 修改, saves the change into 历程, and shows the case anew when a colleague acted first', async () => {
    const token = await apiLogin(api.base, 'futian.handler');
    const entered = await enterCase(token, '地下车库渗水，业主车辆受损');
    const page = await newPage();
    await signIn(page, api.base, 'futian.handler');
    await openCase(page, entered.id);

    await page.locator('#dispute-action-edit').click();
    await page.locator('#dispute-region').waitFor();
    expect(await page.locator('#dispute-region').textContent()).toContain('园岭街道');
    expect(await page.locator('#dispute-street').count()).toBe(0);
    expect(await page.locator('#dispute-community').count()).toBe(0);
    await expect.poll(() => page.locator('#dispute-summary textarea, textarea#dispute-summary').first().inputValue()).toBe('地下车库渗水，业主车辆受损');
    await typeInto(page, 'dispute-address', '地下二层B区');
    await screenshot(page, '67-dispute-edit');
    await checkPage(page, '67-dispute-edit');
    await page.locator('#dispute-submit').click();
    await expect.poll(() => toast(page)).toContain('已保存修改');
    await expect.poll(() => page.locator('#dispute-info-address').textContent()).toContain('地下二层B区');
    const edited = await apiJson<DisputeDetail>(api.base, `/disputes/${entered.id}`, { token });
    expect(edited).toMatchObject({ address: '地下二层B区', streetId: entered.streetId, communityId: entered.communityId });
    expect(edited.history.map((h) => h.action)).toEqual(['CREATE', 'EDIT']);

    // a colleague transfers it first: this page's 转办 is refused and the case shown as it stands
    await apiJson(api.base, `/disputes/${entered.id}/transfer`, { token, body: { version: edited.version } });
    await page.locator('#dispute-action-transfer').click();
    await page.locator('#dispute-confirm-confirm').click();
    await expect.poll(() => toast(page)).toMatch(/刷新|他人/);
    await expect.poll(() => page.locator('#dispute-status').textContent()).toContain('已转办街道');
    expect(await page.locator('#dispute-action-transfer').count()).toBe(0);
  });
});
