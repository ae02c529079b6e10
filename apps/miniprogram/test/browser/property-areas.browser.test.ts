import {
  AreaCaseListItem,
  AreaChangeResult,
  AreaFieldKind,
  AreaFieldRule,
  BuildingNode,
  DueFacilityItem,
  Page as ApiPage,
  PropertyAreaListItem,
  PropertyAreaStats,
  UnitNode,
  WorkflowAction,
  WorkflowCaseDetail,
  WorkflowStatus,
} from '@szpm/contract';
import { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiJson, apiLogin, browserSession, checkPage, DEMO_PASSWORD, freePort, RunningApi, screenshot, signIn, startApi, typeInto } from './support';

/**
 * 项目管理 (manual chapter 5) in the H5 build: 本区项目统计 with its drill-down and the areas behind a
 * number, the project list searched by name, a project's six tabs with the house tree opened down
 * to the houses and the facility ledger with due lifts marked; an edit that takes effect only once
 * the city bureau's handler approves it in 待办事项; and a project manager's 项目登记 with its status.
 */
let api: RunningApi;
const { newPage } = browserSession(() => api, { failedScreenshot: 'property-areas', logFailedApiCalls: true });
let handlerToken: string;

beforeAll(async () => {
  api = await startApi({ PORT: String(await freePort()) });
  handlerToken = await apiLogin(api.base, 'futian.handler');
});

/** Signs in an account without module grants (a project manager): its home shows 我的 only. */
async function signInCounterpart(page: Page, username: string): Promise<void> {
  await page.goto(`${api.base}/m/`);
  await page.locator('#login-page').waitFor();
  await typeInto(page, 'login-username', username);
  await typeInto(page, 'login-password', DEMO_PASSWORD);
  await page.locator('#login-submit').click();
  await page.locator('#home-personal').waitFor();
}

/** An area of 福田区 with a building that has units and houses, found through the api. */
async function areaWithHouses(): Promise<{ area: PropertyAreaListItem; building: BuildingNode; unit: UnitNode }> {
  const areas = await apiJson<ApiPage<PropertyAreaListItem>>(api.base, '/property-areas?pageSize=50&sort=houseCount&order=DESC', { token: handlerToken });
  for (const area of areas.items) {
    const buildings = await apiJson<BuildingNode[]>(api.base, `/property-areas/${area.id}/buildings`, { token: handlerToken });
    for (const building of buildings.filter((b) => b.houseCount > 0)) {
      const units = await apiJson<UnitNode[]>(api.base, `/property-areas/${area.id}/buildings/${building.id}/units`, { token: handlerToken });
      const unit = units.find((u) => u.houseCount > 0);
      if (unit) return { area, building, unit };
    }
  }
  throw new Error('the demo seed has no 福田区 area with houses in buildings and units');
}

describe('本区项目统计 and the project list', () => {
  it('shows the district’s totals by street, opens the areas behind a number and drills into a street', async () => {
    const stats = await apiJson<PropertyAreaStats>(api.base, '/property-areas/statistics', { token: handlerToken });
    expect(stats.level).toBe('STREET');
    expect(stats.total.projects).toBeGreaterThan(0);

    const page = await newPage();
    await signIn(page, api.base, 'futian.handler');
    await page.locator('#home-module-property-areas').click();
    await page.locator('#area-stats-table-total').waitFor();
    expect(await page.locator('#area-stats-table-total-projects').textContent()).toBe(String(stats.total.projects));
    expect(await page.locator('#area-stats-summary').textContent()).toContain(`共 ${stats.total.projects} 个项目`);
    // the list below shows the district's projects
    await page.locator('#area-list').waitFor();
    expect(await page.locator('#area-list').textContent()).toContain(`共${stats.total.projects}条`);
    await screenshot(page, '60-property-area-stats');
    await checkPage(page, '60-property-area-stats');

    // into a street: its communities, and the list follows the crumb
    const street = stats.items.find((row) => row.projects > 0)!;
    await page.locator(`#area-stats-table-${street.regionId}`).click();
    await page.locator('#area-stats-up').waitFor();
    await expect.poll(async () => page.locator('#area-stats-table-total-projects').textContent()).toBe(String(street.projects));
    await expect.poll(async () => (await page.locator('#area-list').textContent()) ?? '').toContain(`共${street.projects}条`);

    // a number opens the areas behind it, as many as it says
    await page.locator('#area-stats-table-total-projects').click();
    await page.locator('[id^="area-cell-area-"]').first().waitFor();
    await expect.poll(() => page.locator('.nut-popup').textContent()).toContain(`共${street.projects}条`);
    await screenshot(page, '61-property-area-cell');
    await checkPage(page, '61-property-area-cell');
  });

  it('searches an area by name, opens its six tabs and expands a building down to its houses', async () => {
    const { area, building, unit } = await areaWithHouses();
    const page = await newPage();
    await signIn(page, api.base, 'futian.handler');
    await page.goto(`${api.base}/m/#/packages/property-areas/index`);
    await page.locator('#area-list').waitFor();
    await typeInto(page, 'area-search', area.name);
    await page.locator('#area-search-go').click();
    await expect.poll(async () => page.locator('#area-list [id^="area-"].card').count()).toBeGreaterThanOrEqual(1);
    const card = page.locator(`#area-${area.id}`);
    await card.waitFor();
    // every row found carries the name searched
    for (const title of await page.locator('#area-list .case-card__title').allTextContents()) expect(title).toContain(area.name);
    await card.click();

    // 物业区域信息
    await page.locator('#area-info-basic').waitFor();
    expect(await page.locator('#area-name').textContent()).toBe(area.name);
    expect(await page.locator('#area-info').textContent()).not.toMatch(/PLOTTED|UNPLOTTED|RESIDENTIAL|null|undefined/);
    await screenshot(page, '62-property-area-info');
    await checkPage(page, '62-property-area-info');

    // 项目从业人员信息 (chapter 12): the area's roster
    await page.locator('#area-tabs-practitioners').click();
    await page.locator('#area-practitioners-filing').waitFor();
    // 车位信息 (chapter 13): the current filing, or that the project has not filed
    await page.locator('#area-tabs-parking').click();
    await page.locator('#area-parking-counts, #area-parking-empty').first().waitFor();
    // 共有资金信息 (chapter 11): the accounts, their latest transactions and any overdue case
    await page.locator('#area-tabs-common-funds').click();
    await page.locator('#area-common-funds-accounts').waitFor();
    await screenshot(page, '63-property-area-common-funds-tab');

    // 房屋信息: buildings first; a building opens its units, a unit its houses
    await page.locator('#area-tabs-houses').click();
    await page.locator(`#building-${building.id}`).waitFor();
    expect(await page.locator(`#building-${building.id}`).textContent()).toContain(`${building.houseCount}户`);
    expect(await page.locator(`#building-${building.id}-unit-list`).count()).toBe(0);
    await page.locator(`#building-${building.id}-toggle`).click();
    await page.locator(`#building-${building.id}-unit-list`).waitFor();
    const unitRow = page.locator(`#building-${building.id}-unit-list .tree-unit`).filter({ hasText: unit.unitNo }).first();
    await unitRow.locator('.tree-row').click();
    await expect.poll(async () => unitRow.locator('.tree-house').count()).toBe(Math.min(unit.houseCount, 20));
    await screenshot(page, '64-property-area-house-tree');
    await checkPage(page, '64-property-area-house-tree');

    // 设施设备信息: per-type counts and the ledger
    await page.locator('#area-tabs-facilities').click();
    await page.locator('#facility-stats-total').waitFor();
    await page.locator('#facility-list, #facility-list-empty').first().waitFor();
    await screenshot(page, '65-property-area-facilities');
    await checkPage(page, '65-property-area-facilities');
  });

  it('marks the lifts due within 30 days in an area’s facility ledger', async () => {
    const due = await apiJson<ApiPage<DueFacilityItem>>(api.base, '/facilities/due?pageSize=50', { token: handlerToken });
    const soon = due.items.find((f) => !f.overdue && f.daysLeft > 0);
    expect(soon, 'the demo seed has a lift due within 30 days').toBeTruthy();
    const page = await newPage();
    await signIn(page, api.base, 'futian.handler');
    await page.goto(`${api.base}/m/#/packages/property-areas/detail/index?id=${soon!.propertyAreaId}&tab=facilities`);
    await page.locator('#facility-stats-total').waitFor();
    await typeInto(page, 'facility-search', soon!.registerNumber ?? soon!.name);
    await page.locator('#facility-search-go').click();
    await page.locator(`#facility-${soon!.id}-due`).waitFor();
    expect(await page.locator(`#facility-${soon!.id}-due`).textContent()).toBe(`${soon!.daysLeft} 天后到期`);
    await screenshot(page, '66-property-area-due-lift');
  });
});

describe('编辑 takes effect after the city bureau approves it', () => {
  it('sends a district handler’s edit to the city handler, who approves it in 待办事项; the new value shows', async () => {
    const { area } = await areaWithHouses();
    const rules = await apiJson<AreaFieldRule[]>(api.base, '/property-areas/field-rules', { token: handlerToken });
    const rule = rules.find((r) => r.field === 'landNumber' && r.editable && r.requiresCityApproval && r.kind === AreaFieldKind.TEXT);
    expect(rule, '宗地号 needs the city bureau’s approval').toBeTruthy();
    const landNumber = `B${Date.now() % 1_000_000}-E2E`;
    // 编辑 is a PC page (manual chapter 5): the handler's edit is filed through the api
    const filed = await apiJson<AreaChangeResult>(api.base, `/property-areas/${area.id}/change-requests`, { token: handlerToken, body: { changes: { landNumber }, reason: '宗地号登记有误' } });
    expect(filed.applied).toEqual([]);
    expect(filed.pending.map((c) => c.field)).toEqual(['landNumber']);
    const caseId = filed.case!.id;

    // not yet in effect
    const handler = await newPage();
    await signIn(handler, api.base, 'futian.handler');
    await handler.goto(`${api.base}/m/#/packages/property-areas/detail/index?id=${area.id}`);
    await handler.locator('#area-info-basic').waitFor();
    expect(await handler.locator('#area-info-basic').textContent()).not.toContain(landNumber);

    // the city handler: 待办事项 → the request → 同意
    const city = await newPage();
    await signIn(city, api.base, 'city.officer01');
    await city.locator('#home-module-todos').click();
    await city.locator(`#case-${caseId}`).waitFor();
    await city.locator(`#case-${caseId}`).click();
    await city.locator('#case-title').waitFor();
    await screenshot(city, '67-area-change-case');
    await city.locator('#case-tabs-audit').click();
    await city.locator('#decision-APPROVE').click();
    await typeInto(city, 'decision-opinion', '核对无误，同意修改');
    await city.locator('#case-submit').click();
    await city.locator('#case-confirm-confirm').click();
    await expect.poll(async () => (await apiJson<{ status: string }>(api.base, `/workflow/cases/${caseId}`, { token: handlerToken })).status).toBe('APPROVED');

    // the new value shows on the district's side
    await handler.reload();
    await handler.locator('#area-info-basic').waitFor();
    await expect.poll(async () => (await handler.locator('#area-info-basic').textContent()) ?? '').toContain(landNumber);
    await screenshot(handler, '68-area-change-applied');
  });
});

describe('项目登记 by a project manager', () => {
  it('files a registration from 我的项目, sees it pending in 我的申请, and after the district’s approval its approved status and the new project', async () => {
    const page = await newPage();
    await signInCounterpart(page, 'demo.manager');
    await page.locator('#home-entry-my-projects').click();
    await page.locator('#my-projects-areas, #my-projects-empty').first().waitFor();
    await screenshot(page, '69-my-projects');
    await checkPage(page, '69-my-projects');

    await page.locator('#my-projects-register').click();
    await page.locator('#registration-name').waitFor();
    const name = `登记测试花园${Date.now() % 10_000}`;
    await typeInto(page, 'registration-name', name);
    await page.locator('#registration-street').click();
    await page.locator('[id^="registration-street-option-"]').first().click();
    await page.locator('#registration-community').click();
    await page.locator('[id^="registration-community-option-"]').first().click();
    await typeInto(page, 'registration-address', '福田区测试路1号');
    await typeInto(page, 'registration-floor-area', '35000');
    await typeInto(page, 'registration-house-count', '288');
    await typeInto(page, 'registration-longitude', '114.0579');
    await typeInto(page, 'registration-latitude', '22.5431');
    await checkPage(page, '70-project-registration');
    await page.locator('#registration-submit').click();
    await page.locator('#registration-confirm-confirm').click();

    // back in 我的申请: the registration, waiting for the district, with the status the api gives it
    await page.locator('#my-applications').waitFor();
    const card = page.locator('#my-applications .case-card').filter({ hasText: name }).first();
    await card.waitFor();
    const managerToken = await apiLogin(api.base, 'demo.manager');
    const mine = await apiJson<ApiPage<AreaCaseListItem>>(api.base, '/property-areas/applications/mine', { token: managerToken });
    const filed = mine.items.find((item) => item.title.includes(name))!;
    expect(filed.status).not.toBe(WorkflowStatus.APPROVED);
    expect(await card.textContent()).toContain(filed.statusLabel);
    await screenshot(page, '71-my-applications');
    await checkPage(page, '71-my-applications');

    // the district approves it (审批列表 is a PC page): the handler accepts and proposes, the reviewer approves
    const reviewers = await Promise.all(['futian.handler', 'futian.supervisor', 'futian.lead'].map((username) => apiLogin(api.base, username)));
    const forward = [WorkflowAction.APPROVE, WorkflowAction.PROPOSE_APPROVE, WorkflowAction.ACCEPT];
    for (let step = 0; step < 6; step++) {
      const views = await Promise.all(reviewers.map((token) => apiJson<WorkflowCaseDetail>(api.base, `/workflow/cases/${filed.id}`, { token }).then((detail) => ({ token, detail }))));
      if (views[0].detail.status === WorkflowStatus.APPROVED) break;
      const next = views.map(({ token, detail }) => ({ token, detail, action: forward.find((a) => detail.allowedActions.includes(a)) })).find((v) => v.action);
      expect(next, `someone of the district moves the registration on (status ${views[0].detail.status})`).toBeTruthy();
      await apiJson(api.base, `/workflow/cases/${filed.id}/actions`, { token: next!.token, body: { action: next!.action, version: next!.detail.version, opinion: '材料齐全，同意登记' } });
    }
    const approved = await apiJson<WorkflowCaseDetail>(api.base, `/workflow/cases/${filed.id}`, { token: handlerToken });
    expect(approved.status).toBe(WorkflowStatus.APPROVED);
    await page.reload();
    await page.locator('#my-applications').waitFor();
    await expect.poll(async () => (await page.locator('#my-applications .case-card').filter({ hasText: name }).first().textContent()) ?? '').toContain(approved.statusLabel);
    expect(approved.statusLabel).not.toBe(filed.statusLabel);
    await page.locator('#my-projects-tabs-projects').click();
    await expect.poll(async () => (await page.locator('#my-projects-areas').textContent()) ?? '').toContain(name);

    // the application opens the form with its 审批流程记录
    await page.locator('#my-projects-tabs-applications').click();
    await page.locator('#my-applications .case-card').filter({ hasText: name }).first().click();
    await page.locator('#case-title').waitFor();
    await page.locator('#case-tabs-audit').click();
    await expect.poll(async () => (await page.locator('#case-page').textContent()) ?? '').toContain('材料齐全，同意登记');
  });
});
