import { SafetyInspectionDetail, SafetyTemplateListItem, UnitCategoryStats } from '@szpm/contract';
import { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiJson, apiLogin, browserSession, checkPage, freePort, RunningApi, screenshot, signIn, startApi, typeInto } from './support';

/**
 * Statistics as pictures (issue 12): the binding rate as a ring and a bar per unit category, the
 * completion of a safety inspection as a ring and bars, regions whose numbers are all 0 folded
 * behind 显示全部, and dates shown as 2026-12-01 / 2026-12-01 14:05 on one line.
 */
let api: RunningApi;
const { newPage } = browserSession(() => api);
let inspection: SafetyInspectionDetail;

beforeAll(async () => {
  api = await startApi({ PORT: String(await freePort()) });
  const handler = await apiLogin(api.base, 'futian.handler');
  const [template] = await apiJson<SafetyTemplateListItem[]>(api.base, '/safety-inspections/templates', { token: handler });
  const deadline = new Date(Date.now() + 30 * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);
  inspection = await apiJson<SafetyInspectionDetail>(api.base, '/safety-inspections', { token: handler, body: { templateId: template.id, title: '统计图测试检查', deadline } });
});

/** Whether uCharts drew on the canvas: some pixel is not transparent. */
function canvasDrawn(page: Page, id: string): Promise<boolean> {
  return page.evaluate((canvasId) => {
    const canvas = document.getElementById(canvasId) as HTMLCanvasElement | null;
    if (!canvas || !canvas.width || !canvas.height) return false;
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) return true;
    return false;
  }, id);
}

describe('用户统计: the binding rate as a picture', () => {
  it('draws the ring of bound / unbound accounts and a bar per unit category with its percentage', async () => {
    const lead = await apiLogin(api.base, 'futian.lead');
    const stats = await apiJson<UnitCategoryStats[]>(api.base, '/permissions/binding-stats', { token: lead });
    const companies = stats.find((s) => s.category === 'PROPERTY_COMPANY')!;
    const bound = stats.reduce((sum, s) => sum + s.bound, 0);
    const unbound = stats.reduce((sum, s) => sum + s.unbound, 0);

    const page = await newPage();
    await signIn(page, api.base, 'futian.lead');
    await page.goto(`${api.base}/m/#/packages/permissions/stats/index`);
    await page.locator('#stats-binding-ring').waitFor();
    await expect.poll(() => canvasDrawn(page, 'stats-binding-ring-canvas')).toBe(true);
    expect(await page.locator('#stats-binding-ring-legend-0').textContent()).toContain(`已绑定 ${bound}`);
    expect(await page.locator('#stats-binding-ring-legend-1').textContent()).toContain(`未绑定 ${unbound}`);

    const bar = page.locator(`#stats-rate-PROPERTY_COMPANY`);
    const percent = Math.round((companies.bound / companies.accountTotal) * 1000) / 10;
    expect(Number(await bar.getAttribute('data-percent'))).toBe(percent);
    expect(await bar.textContent()).toContain(`${percent}%`);
    // the fill is as long as the rate says
    const [fill, track] = await Promise.all([page.locator('#stats-rate-PROPERTY_COMPANY-fill').boundingBox(), bar.locator('.rate-bar__track').boundingBox()]);
    expect(fill!.width / track!.width).toBeCloseTo(percent / 100, 1);
    await screenshot(page, '40-binding-rate');
    await checkPage(page, '40-binding-rate');

    // opened directly (one page in the stack): a way home
    await page.locator('#home-link').click();
    await page.locator('#home-modules').waitFor();
  });
});

describe('登录: the password can be shown, and a wrong one warns of the lock', () => {
  it('toggles the password’s visibility and warns after a wrong password', async () => {
    const page = await newPage();
    await page.goto(`${api.base}/m/`);
    await page.locator('#login-page').waitFor();
    await typeInto(page, 'login-username', 'futian.supervisor');
    await typeInto(page, 'login-password', 'Wrong#2026x');
    const input = page.locator('#login-password input, input#login-password').first();
    expect(await input.getAttribute('type')).toBe('password');
    await page.locator('#login-password-toggle').click();
    await expect.poll(() => input.getAttribute('type')).toBe('text');
    expect(await page.locator('#login-password-toggle').textContent()).toBe('隐藏密码');
    await page.locator('#login-submit').click();
    await page.locator('#login-error').waitFor();
    expect(await page.locator('#login-lockout-warning').textContent()).toContain('锁定');
    await screenshot(page, '44-login-wrong-password');
    await checkPage(page, '44-login-wrong-password');
  });
});

describe('安全检查 statistics: completion as a ring and bars, empty regions folded away', () => {
  it('shows the completion ring, the rate bars of the table, and 显示全部 for communities without projects', async () => {
    const page = await newPage();
    await signIn(page, api.base, 'futian.handler');
    await page.goto(`${api.base}/m/#/packages/safety/overview/index?inspectionId=${inspection.id}`);
    await page.locator('#safety-regions-table-total').waitFor();
    await expect.poll(() => canvasDrawn(page, 'safety-completion-ring-canvas')).toBe(true);
    expect(await page.locator('#safety-completion-ring-legend-1').textContent()).toContain(`未提交（未逾期） ${inspection.targets}`);
    // every rate cell carries its bar
    expect(await page.locator('#safety-regions-table-total-completionRate .rate-bar').count()).toBe(1);

    // a street's communities: those without a project are folded away until 显示全部
    await page.locator('#safety-regions-table .stats-table__name--link').first().click();
    await expect.poll(() => page.locator('#safety-regions-up').count()).toBe(1);
    const toggle = page.locator('#safety-regions-table-show-all');
    await toggle.waitFor();
    const hidden = Number(/另有 (\d+) 行/.exec((await toggle.textContent()) ?? '')?.[1]);
    expect(hidden).toBeGreaterThan(0);
    const rows = page.locator('#safety-regions-table .stats-table__row:not(.stats-table__row--head):not(.stats-table__row--total)');
    const shown = await rows.count();
    // the shown communities have projects to check
    for (const cell of await page.locator('#safety-regions-table [id$="-targets"]:not([id*="-total-"])').allTextContents()) expect(Number(cell)).toBeGreaterThan(0);
    await screenshot(page, '41-safety-regions-folded');
    await checkPage(page, '41-safety-regions-folded');
    await toggle.click();
    await expect.poll(() => rows.count()).toBe(shown + hidden);
    expect(await toggle.textContent()).toContain('收起');
    await screenshot(page, '42-safety-regions-all');
  });

  it('shows the inspection’s dates as 2026-12-01 and 2026-12-01 14:05, each on one line', async () => {
    const page = await newPage();
    await signIn(page, api.base, 'futian.handler');
    await page.goto(`${api.base}/m/#/packages/safety/stats/index?id=${inspection.id}`);
    await page.locator('#inspection-info').waitFor();
    const info = (await page.locator('#inspection-info').textContent()) ?? '';
    expect(info).toContain(inspection.deadline);
    expect(info).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(info).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}/);
    expect(await page.locator('#inspection-completion').getAttribute('data-percent')).toBe('0');

    // at 150 % text on a narrow phone a date still takes one line
    await page.setViewportSize({ width: 320, height: 700 });
    const lines = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('#inspection-info .date')).map((el) => {
        el.style.fontSize = `${parseFloat(getComputedStyle(el).fontSize) * 1.5}px`;
        const range = document.createRange();
        range.selectNodeContents(el);
        const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
        return { whiteSpace: getComputedStyle(el).whiteSpace, lines: tops.size };
      }),
    );
    expect(lines.length).toBe(2);
    for (const date of lines) {
      expect(date.whiteSpace).toBe('nowrap');
      expect(date.lines).toBeLessThanOrEqual(1);
    }
    await screenshot(page, '43-inspection-dates');
  });
});
