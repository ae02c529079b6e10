import { AreaCommonFunds, CommonFundAccountItem, CommonFundCellItem, CommonFundStats, Page as ApiPage, PropertyAreaListItem, SharedBank } from '@szpm/contract';
import { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiJson, apiLogin, browserSession, checkPage, freePort, RunningApi, screenshot, signInCounterpart, signIn, startApi, typeInto } from './support';

/**
 * 共有资金 (manual chapter 11) in the H5 build: the project manager registers the own project's 共管账户
 * under 我的项目 — the api's refusal of a number already registered shown at its field, then the
 * account accepted — and the officer's statistics count the area as 已开; the officer drills the
 * statistics down and taps a number to the projects behind it.
 */
let api: RunningApi;
const { newPage } = browserSession(() => api, { failedScreenshot: 'common-funds', logFailedApiCalls: true });

beforeAll(async () => {
  api = await startApi({ PORT: String(await freePort()) });
});

const toast = (page: Page) => page.locator('.taro__toast').textContent();

describe('共有资金 registered by a project manager', () => {
  it('refuses a number already registered at its field, registers the 共管账户, and the officer’s statistics count the area as 已开', async () => {
    const [managerToken, handlerToken] = await Promise.all([apiLogin(api.base, 'demo.manager'), apiLogin(api.base, 'futian.handler')]);
    const mine = await apiJson<PropertyAreaListItem[]>(api.base, '/property-areas/mine', { token: managerToken });
    // an own project that should hold an account and has no normal one (the officer disables its accounts if need be)
    let area: PropertyAreaListItem | undefined;
    for (const candidate of mine) {
      const tab = await apiJson<AreaCommonFunds>(api.base, `/property-areas/${candidate.id}/common-funds`, { token: managerToken });
      if (!tab.shouldOpen) continue;
      for (const a of tab.accounts.filter((x) => x.status === 'NORMAL')) await apiJson(api.base, `/common-funds/accounts/${a.id}/disable`, { method: 'POST', token: handlerToken, body: {} });
      area = candidate;
      break;
    }
    expect(area, 'demo.manager runs a project that should hold a common-fund account').toBeTruthy();
    const banks = await apiJson<SharedBank[]>(api.base, `/property-areas/${area!.id}/common-funds/banks`, { token: managerToken });
    const taken = (await apiJson<ApiPage<CommonFundAccountItem>>(api.base, `/common-funds/accounts?bankId=${banks[0].id}&pageSize=1`, { token: handlerToken })).items[0];
    expect(taken, 'the seed has an account at the first shared bank').toBeTruthy();
    const streetRow = async () => (await apiJson<CommonFundStats>(api.base, `/common-funds/statistics?districtId=${area!.districtId}`, { token: handlerToken })).items.find((i) => i.regionId === area!.streetId)!;
    const before = await streetRow();

    const page = await newPage();
    await signInCounterpart(page, api.base, 'demo.manager');
    await page.locator('#home-entry-my-projects').click();
    await page.locator(`#my-project-${area!.id}-common-funds`).click();
    await page.locator('#own-common-funds-form').waitFor();
    expect(await page.locator('#own-common-funds-form').textContent()).toContain('登记共管账户');

    // a number of the right form, but already registered at that bank: the api names 账户号码, the page shows it there
    await typeInto(page, 'own-common-funds-accountNo', taken.accountNo);
    await page.locator('#own-common-funds-bank').click();
    await page.locator(`#own-common-funds-bank-option-${banks[0].id}`).click();
    await page.locator('#own-common-funds-submit').click();
    await expect.poll(() => page.locator('#own-common-funds-form .field-error').allTextContents()).toEqual([expect.stringContaining('已登记')]);
    expect((await apiJson<AreaCommonFunds>(api.base, `/property-areas/${area!.id}/common-funds`, { token: managerToken })).accounts.filter((a) => a.status === 'NORMAL')).toEqual([]);
    await screenshot(page, '95-common-fund-register-refused');
    await checkPage(page, '95-common-fund-register-refused');

    await typeInto(page, 'own-common-funds-accountNo', '6217 0030 0077 6655 44');
    await page.locator('#own-common-funds-submit').click();
    await expect.poll(() => toast(page)).toContain('已登记');
    await expect.poll(() => page.locator('#own-common-funds-accounts').textContent()).toContain('621700300077665544');

    const after = await streetRow();
    expect(after.opened).toBe(before.opened + 1);
    expect(after.unopened).toBe(before.unopened - 1);
    expect(after.coManaged).toBe(before.coManaged + 1);
    const opened = await apiJson<ApiPage<CommonFundCellItem>>(api.base, `/common-funds/statistics/cells?counter=opened&regionId=${area!.streetId}&districtId=${area!.districtId}&pageSize=100&search=${encodeURIComponent(area!.name)}`, { token: handlerToken });
    expect(opened.items.find((i) => i.propertyAreaId === area!.id)?.account).toMatchObject({ accountNo: '621700300077665544', accountType: 'CO_MANAGED', status: 'NORMAL' });
  });
});

describe('共有资金账户统计 of an officer', () => {
  it('drills the district down to a street’s communities and opens the projects behind a number', async () => {
    const token = await apiLogin(api.base, 'futian.handler');
    const me = await apiJson<{ districtId: number }>(api.base, '/auth/me', { token });
    const stats = await apiJson<CommonFundStats>(api.base, `/common-funds/statistics?districtId=${me.districtId}`, { token });
    const street = stats.items.find((i) => i.unopened > 0)!;
    expect(street, 'a 福田 street with unopened projects').toBeTruthy();
    const communities = await apiJson<CommonFundStats>(api.base, `/common-funds/statistics?districtId=${me.districtId}&streetId=${street.regionId}`, { token });
    const community = communities.items.find((i) => i.unopened > 0)!;
    const behind = await apiJson<ApiPage<CommonFundCellItem>>(api.base, `/common-funds/statistics/cells?counter=unopened&districtId=${me.districtId}&streetId=${street.regionId}&regionId=${community.regionId}&pageSize=100`, { token });
    expect(behind.total).toBe(community.unopened);

    const page = await newPage();
    await signIn(page, api.base, 'futian.handler');
    await page.goto(`${api.base}/m/#/packages/common-funds/index`);
    await expect.poll(async () => (await page.locator('#common-fund-stats-summary').textContent()) ?? '').toContain(`已开 ${stats.total.opened}，未开 ${stats.total.unopened}`);
    expect(await page.locator(`#common-fund-stats-table-${street.regionId}-unopened`).textContent()).toBe(String(street.unopened));
    await page.locator(`#common-fund-stats-table-${street.regionId}`).click();
    await page.locator(`#common-fund-stats-table-${community.regionId}`).waitFor();
    await expect.poll(() => page.locator('#common-fund-stats-summary').textContent()).toContain(`未开 ${street.unopened}`);
    await page.locator(`#common-fund-stats-table-${community.regionId}-unopened`).click();
    await page.locator(`#common-fund-cell-${behind.items[0].propertyAreaId}`).waitFor();
    for (const item of behind.items.slice(0, 5)) expect(await page.locator(`#common-fund-cell-${item.propertyAreaId}`).textContent()).toContain(item.propertyAreaName);
    await screenshot(page, '96-common-fund-cell-list');
    await checkPage(page, '96-common-fund-cell-list');
  });
});
