import { AreaPractitionersTab, PractitionerItem, PropertyAreaListItem } from '@szpm/contract';
import { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiJson, apiLogin, browserSession, checkPage, freePort, RunningApi, screenshot, signInCounterpart, startApi, typeInto } from './support';

/**
 * 从业人员 (manual chapter 12) in the H5 build: the project manager adds a practitioner to the own
 * project's roster under 我的项目 — the api's refusal of an ID number with a wrong check digit shown
 * at its field, then the person added — and marks the person 离职.
 */
let api: RunningApi;
const { newPage } = browserSession(() => api, { failedScreenshot: 'roster', logFailedApiCalls: true });

beforeAll(async () => {
  api = await startApi({ PORT: String(await freePort()) });
});

const toast = (page: Page) => page.locator('.taro__toast').textContent();

/** An 18-digit ID number with its GB 11643 check digit (or a wrong one). */
function idNumber(body17: string, wrong = false): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((n, d, i) => n + Number(d) * weights[i], 0);
  const checks = '10X98765432';
  const right = checks[sum % 11];
  return body17 + (wrong ? checks[(sum + 1) % 11] : right);
}

describe('the roster kept by a project manager', () => {
  it('refuses an ID number with a wrong check digit at its field, adds the practitioner, and marks the person 离职', async () => {
    const token = await apiLogin(api.base, 'demo.manager');
    const [area] = await apiJson<PropertyAreaListItem[]>(api.base, '/property-areas/mine', { token });
    expect(area, 'demo.manager runs a project').toBeTruthy();
    const body17 = `44030419900101${String(Date.now() % 1000).padStart(3, '0')}`;
    const roster = async () => apiJson<AreaPractitionersTab>(api.base, `/property-areas/${area.id}/practitioners?pageSize=100`, { token });
    const before = await roster();

    const page = await newPage();
    await signInCounterpart(page, api.base, 'demo.manager');
    await page.locator('#home-entry-my-projects').click();
    await page.locator(`#my-project-${area.id}-roster`).click();
    await page.locator('#roster-add').click();
    await page.locator('#roster-edit-basic').waitFor();

    await typeInto(page, 'roster-edit-name', '林晓东');
    await page.locator('#roster-edit-gender').click();
    await page.locator('#roster-edit-gender-option-MALE').click();
    await typeInto(page, 'roster-edit-idNumber', idNumber(body17, true));
    await typeInto(page, 'roster-edit-phone', '13912345678');
    await page.locator('#roster-edit-position').click();
    await page.locator('#roster-edit-position-option-SECURITY').click();
    // the date picker: 确定 takes today (the value it opens at)
    await page.locator('#roster-edit-hired').click();
    await page.locator('.weui-picker__action', { hasText: '确定' }).click();
    await expect.poll(() => page.locator('#roster-edit-hired').textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);

    // 18 characters, so the page sends it; the api checks the check digit and names 身份证号码
    await page.locator('#roster-edit-save').click();
    await expect.poll(() => page.locator('#roster-edit-basic .field-error').allTextContents()).toEqual([expect.stringContaining('校验位')]);
    expect((await roster()).total).toBe(before.total);
    await screenshot(page, '97-roster-refused');
    await checkPage(page, '97-roster-refused');

    await typeInto(page, 'roster-edit-idNumber', idNumber(body17));
    await page.locator('#roster-edit-save').click();
    await expect.poll(() => toast(page)).toContain('已添加');
    // back on the roster: the new person is listed on duty
    await page.locator('#roster-list').waitFor();
    const added = (await roster()).items.find((p) => p.name === '林晓东' && p.status === 'ON_DUTY') as PractitionerItem | undefined;
    expect(added, 'the practitioner is on the roster').toBeTruthy();
    expect(added).toMatchObject({ position: 'SECURITY', gender: 'MALE' });
    await page.locator(`#practitioner-${added!.id}`).click();

    await page.locator('#roster-edit-leave-submit').click();
    await expect.poll(() => toast(page)).toContain('已标记离职');
    const left = await apiJson<PractitionerItem>(api.base, `/practitioners/${added!.id}`, { token });
    expect(left.status).toBe('LEFT');
    expect(left.leftAt).toMatch(/\d{4}-\d{2}-\d{2}/);
    await expect.poll(() => page.locator('#roster-edit-basic').textContent()).toContain('离职');
  });
});
