import { StaffDetail, StaffListItem, Page as ApiPage } from '@szpm/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiJson, apiLogin, browserSession, freePort, RunningApi, screenshot, startApi, typeInto } from './support';

/**
 * Chapter 1 as a newcomer tries it after `npm start`: embedded mode has no WeChat, so the sign-in
 * page offers the development WeChat sign-in; the local identity is unbound, 身份认证 binds it to a
 * demo account with name, phone and the development SMS code, and the next visit goes straight in.
 */
let api: RunningApi;
const { newPage } = browserSession(() => api);

beforeAll(async () => {
  // the api exactly as `npm start` runs it: no WeChat settings at all
  api = await startApi({ PORT: String(await freePort()) });
});

describe('身份绑定 in embedded mode: the development WeChat sign-in', () => {
  it('signs in with a local WeChat identity, binds it with name, phone and the dev SMS code, then sees 物业服务', async () => {
    const lead = await apiLogin(api.base, 'futian.lead');
    const unbound = await apiJson<ApiPage<StaffListItem>>(api.base, `/permissions/staff?bound=false&status=ACTIVE&search=${encodeURIComponent('林晓敏')}`, { token: lead });
    const person = await apiJson<StaffDetail>(api.base, `/permissions/staff/${unbound.items[0].id}`, { token: lead });
    expect(person.wechatBound).toBe(false);

    const page = await newPage();
    await page.goto(`${api.base}/m/`);
    await page.locator('#login-dev-wechat').click();
    await screenshot(page, 'dev-01-unbound');

    await page.locator('#bind-entries').waitFor();
    await page.locator('#bind-entry-officer').click();
    await typeInto(page, 'bind-name', person.name);
    await typeInto(page, 'bind-phone', person.phone);
    await page.locator('#bind-send-code').click();
    await expect.poll(() => page.locator('#bind-send-code').textContent()).toMatch(/\d+秒后重新获取/);
    const outbox = await apiJson<Array<{ code: string }>>(api.base, `/identity/dev/sms-outbox?phone=${person.phone}`);
    // the page shows the development outbox's code too, clearly labelled
    await expect.poll(() => page.locator('#bind-dev-code').textContent()).toContain(outbox[0].code);
    await typeInto(page, 'bind-code', outbox[0].code);
    await screenshot(page, 'dev-02-bind-form');
    await page.locator('#bind-submit').click();

    await page.locator('#home-modules').waitFor();
    expect(await page.locator('#home-profile').textContent()).toContain(person.name);
    expect((await apiJson<StaffDetail>(api.base, `/permissions/staff/${person.id}`, { token: lead })).wechatBound).toBe(true);
    await screenshot(page, 'dev-03-bound-home');

    // signed out, the same local identity signs in directly
    const openid = await page.evaluate(() => window.localStorage.getItem('szpm.devWechatOpenid'));
    await page.evaluate(() => window.localStorage.clear());
    await page.evaluate((kept) => kept && window.localStorage.setItem('szpm.devWechatOpenid', kept), openid);
    await page.goto(`${api.base}/m/?again=1`);
    await page.locator('#login-dev-wechat').click();
    await page.locator('#home-modules').waitFor();
  });
});
