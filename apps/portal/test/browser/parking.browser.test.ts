import { describe, expect, it } from 'vitest';
import { QUICK_ENTRIES, type ParkingAreaTab, type ParkingStats, type PropertyAreaListItem } from '@szpm/contract';
import { label, pcSuite } from './support/statistics-page';

/**
 * Chapter 13 on PC (1440×900): a project manager files the parking of an own project through the
 * api; 车位信息统计 (from its quick entry) shows the new total in the project's street, a number opens
 * the projects behind it, the dispute chart says what it draws, and 提醒更新 is confirmed and answered.
 */
const { call, signInPc, screenshot } = pcSuite(['futian.lead', 'demo.manager']);

describe('车位信息统计 on PC', () => {
  it('shows a project manager\'s new filing in the statistics, opens a number\'s projects and sends 提醒更新', async () => {
    const [area] = await call<PropertyAreaListItem[]>('/property-areas/mine', 'demo.manager');
    const before = await call<ParkingAreaTab>(`/property-areas/${area.id}/parking`, 'demo.manager');
    const street = (await call<ParkingStats>('/parking/statistics')).items.find((i) => i.regionId === area.streetId)!;
    const filing = { total: 321, surface: 21, underground: 280, mechanical: 20, soldOwned: 150, developerHeld: 20, rented: 40, civilDefence: 56, common: 21, publicOpen: 0, temporary: 10, evCharging: 64, chargingPosts: 50, accessible: 5, monthlyFee: 300, hourlyFee: 6, disputes: [{ type: 'FEE_PRICING', caseCount: 2 }] };
    await call<ParkingAreaTab>(`/property-areas/${area.id}/parking/filings`, 'demo.manager', filing, 'POST');
    const expectedTotal = street.total - (before.current?.total ?? 0) + filing.total;

    const page = await signInPc('futian.lead');
    const quick = QUICK_ENTRIES.find((e) => e.key === 'parking-statistics')!;
    const entry = page.locator('.ant-pro-card', { hasText: '功能快捷入口' }).getByRole('button', { name: quick.label });
    if (await entry.count()) await entry.click();
    else await page.locator('.ant-menu').getByText('车位信息统计').first().click();
    await page.waitForURL(/\/portal\/parking$/);
    const stats = await call<ParkingStats>('/parking/statistics');
    const table = page.locator('#parking-statistics');
    await expect.poll(() => table.locator('.ant-table-tbody .ant-table-row').count()).toBe(stats.items.length);
    const row = table.locator('.ant-table-tbody .ant-table-row', { hasText: street.regionName });
    await expect.poll(() => row.innerText()).toContain(String(expectedTotal));
    expect(await table.locator('.ant-table-summary').innerText()).toContain(String(stats.total.total));
    await expect.poll(() => page.getByTestId('parking-dispute-chart').getAttribute('aria-label')).toContain('停车费定价');
    await screenshot(page, 'parking-streets');

    // the street's 已填报 opens its filed projects, as many as the number says
    const filed = stats.items.find((i) => i.regionId === area.streetId)!.filed;
    await page.getByRole('button', { name: `${street.regionName}已填报 ${filed}，查看项目` }).click();
    const dialog = page.locator('.ant-modal', { hasText: `${street.regionName} · 已填报` });
    await expect.poll(() => dialog.locator('.ant-pagination-total-text').innerText().catch(() => '')).toContain(String(filed));
    await dialog.getByRole('button', { name: 'Close' }).click();

    // 提醒更新: confirmed, answered in words
    await page.getByRole('button', { name: /提醒更新/ }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: label('发送') }).click();
    await expect.poll(() => page.locator('.ant-message').innerText()).toMatch(/已提醒 \d+ 人|未提醒任何人/);
    await screenshot(page, 'parking-reminded');
  });
});
