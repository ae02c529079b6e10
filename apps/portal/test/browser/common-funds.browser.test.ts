import { describe, expect, it } from 'vitest';
import { type CommonFundBankStats, type CommonFundCase, type CommonFundStats, type Page as ListPage } from '@szpm/contract';
import { label, pcSuite } from './support/statistics-page';

/**
 * Chapter 11 on PC (1440×900): 共有资金 from the quick entry; the district's statistics with a number
 * opened to its list; 共享银行统计 with its chart; 逾期未开户督办 with a 责令整改 entered in its form,
 * confirmed, and its timeline; and the area detail's 共有资金信息 tab.
 */
const suite = pcSuite();
const { call, signInPc, screenshot } = suite;

describe('共有资金 on PC', () => {
  it('shows the statistics, opens a number’s list, the bank statistics with a chart, and orders rectification with confirmation', async () => {
    const stats = await call<CommonFundStats>('/common-funds/statistics');
    const page = await signInPc('futian.lead');
    await page.locator('.ant-pro-card', { hasText: '功能快捷入口' }).getByRole('button', { name: '共有资金' }).click();
    await page.waitForURL(/\/portal\/common-funds$/);
    await expect.poll(() => page.locator('.ant-table-summary').innerText()).toContain(String(stats.total.shouldOpen));

    // 合计 · 未开 opens the unopened areas
    await page.getByRole('button', { name: `合计未开 ${stats.total.unopened}，查看明细` }).click();
    const dialog = page.locator('.ant-modal', { hasText: '合计 · 未开' });
    await expect.poll(() => dialog.locator('.ant-pagination-total-text').first().innerText()).toContain(String(stats.total.unopened));
    await screenshot(page, 'common-funds-unopened');
    await dialog.locator('.ant-modal-close').click();

    // 共享银行统计
    const banks = await call<CommonFundBankStats>('/common-funds/bank-statistics');
    await page.locator('.ant-menu').getByText('共享银行统计').click();
    await expect.poll(() => page.getByTestId('common-fund-bank-chart').getAttribute('aria-label')).toContain(`共 ${banks.total.accounts} 个账户`);
    await expect.poll(() => page.locator('.ant-table-tbody .ant-table-row').first().innerText()).toContain(banks.items[0].bankName);

    // 逾期未开户督办: 责令整改 on an overdue case, confirmed
    const overdue = await call<ListPage<CommonFundCase>>('/common-funds/cases?stage=OVERDUE&pageSize=1');
    const target = overdue.items[0];
    await page.locator('.ant-menu').getByText('逾期未开户督办').click();
    await page.getByLabel('物业项目名称').fill(target.propertyAreaName);
    await page.getByRole('button', { name: label('查询') }).click();
    const row = page.locator('.ant-table-tbody .ant-table-row', { hasText: target.propertyAreaName }).first();
    await row.getByText('责令整改', { exact: true }).click();
    const form = page.locator('.ant-modal', { hasText: `责令整改 · ${target.propertyAreaName}` });
    await form.getByLabel('责令整改通知书编号').fill('福住建责改〔2026〕88号');
    await form.getByRole('button', { name: label('确定') }).click();
    const confirm = page.locator('.ant-modal-confirm', { hasText: '福住建责改〔2026〕88号' });
    await confirm.getByRole('button', { name: label('确认') }).click();
    await expect.poll(async () => (await call<CommonFundCase>(`/common-funds/cases/${target.id}`)).stage).toBe('RECTIFY_ORDERED');
    await row.getByRole('button', { name: `查看${target.propertyAreaName}的督办时间线` }).click();
    await expect.poll(() => page.getByTestId('common-fund-case-timeline').innerText()).toContain('福住建责改〔2026〕88号');
    await screenshot(page, 'common-funds-timeline');

    // the area detail's 共有资金信息 tab
    await page.goto(`${suite.base}/portal/property-areas/list/${target.propertyAreaId}?tab=common-funds`);
    await expect.poll(() => page.getByTestId('area-common-funds').innerText()).toContain('已责令整改');
  });
});
