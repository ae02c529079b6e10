import { describe, expect, it } from 'vitest';
import { QUICK_ENTRIES, type CompanyPractitionerRow, type Page as ListPage, type PractitionerCellPage, type PractitionerProjectStats } from '@szpm/contract';
import { label, pcSuite } from './support/statistics-page';

/**
 * Chapter 12 on PC (1440×900): 从业人员信息 from its quick entry — the street table agreeing with the
 * api, a number opening the people behind it, the drill-down into a street, 企业从业人员 searched by
 * 企业名称, and 提醒更新 confirmed and answered with its summary.
 */
const { call, signInPc, screenshot } = pcSuite();

describe('从业人员信息 on PC', () => {
  it('drills the project table, opens the people behind a number, searches companies and sends 提醒更新', async () => {
    const stats = await call<PractitionerProjectStats>('/practitioners/statistics');
    const page = await signInPc('futian.lead');
    const quick = QUICK_ENTRIES.find((e) => e.key === 'practitioners')!;
    // 功能快捷入口 when it is among those shown, else the menu
    const entry = page.locator('.ant-pro-card', { hasText: '功能快捷入口' }).getByRole('button', { name: quick.label });
    if (await entry.count()) await entry.click();
    else await page.locator('.ant-menu').getByText('从业人员信息').first().click();
    await page.waitForURL(/\/portal\/practitioners$/);
    const table = page.locator('.ant-pro-card .ant-table').first();
    await expect.poll(() => table.locator('.ant-table-tbody .ant-table-row').count()).toBe(stats.items.length);
    expect(await table.locator('.ant-table-summary').innerText()).toContain(String(stats.total.people));
    await expect.poll(() => page.getByTestId('practitioner-position-chart').getAttribute('aria-label')).toContain('秩序维护员');
    await screenshot(page, 'practitioners-streets');

    // a street's 从业人员数 opens its people, as many as the number says
    const street = stats.items.find((s) => s.people > 0)!;
    await page.getByRole('button', { name: `${street.regionName}从业人员数 ${street.people}，查看明细` }).click();
    const dialog = page.locator('.ant-modal', { hasText: `${street.regionName} · 从业人员数` });
    await expect.poll(() => dialog.locator('.ant-pagination-total-text').innerText().catch(() => '')).toContain(String(street.people));
    await dialog.getByRole('button', { name: 'Close' }).click();

    // down to the street's communities
    const communities = await call<PractitionerProjectStats>(`/practitioners/statistics?streetId=${street.regionId}`);
    await page.getByRole('button', { name: `查看${street.regionName}的下级统计` }).click();
    await expect.poll(() => table.locator('.ant-table-tbody .ant-table-row').count()).toBe(communities.items.length);
    await expect.poll(() => page.locator('.ant-breadcrumb').innerText()).toContain(street.regionName);

    // 企业从业人员, searched by name
    const companies = await call<ListPage<CompanyPractitionerRow>>('/practitioners/companies?pageSize=5');
    const word = companies.items[0].companyName.slice(2, 5);
    await page.locator('.ant-menu').getByText('企业从业人员').click();
    await page.getByLabel('企业名称').fill(word);
    await page.getByRole('button', { name: label('查询') }).click();
    const found = await call<ListPage<CompanyPractitionerRow>>(`/practitioners/companies?search=${encodeURIComponent(word)}`);
    await expect.poll(() => page.locator('.ant-pro-table .ant-table-tbody .ant-table-row').count()).toBe(Math.min(found.total, 20));
    for (const text of await page.locator('.ant-pro-table .ant-table-tbody .ant-table-row').allInnerTexts()) expect(text).toContain(word);
    await screenshot(page, 'practitioners-companies');

    // 提醒更新: confirmed, answered with how many managers were asked
    await page.locator('.ant-menu').getByText('项目从业人员').click();
    await page.getByRole('button', { name: /提醒更新/ }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: label('发送') }).click();
    await expect.poll(() => page.locator('.ant-message').innerText()).toMatch(/已提醒 \d+ 人.*涉及 \d+ 个项目/);
    const cell = await call<PractitionerCellPage>('/practitioners/statistics/cells?counter=projects&pageSize=1');
    expect(cell.total).toBe(stats.total.projects);
  });
});
