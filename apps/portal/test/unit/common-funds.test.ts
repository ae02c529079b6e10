import { CommonFundCaseStage, type CommonFundBankStats } from '@szpm/contract';
import { describe, expect, it } from 'vitest';
import { bankChartLabel, bankChartOption, caseActions, COMMON_FUND_TABLE_COUNTERS, commonFundCounterTitle, defaultDeadline, urgeResultText, yuan } from '../../src/logic/common-funds';

const stats: CommonFundBankStats = {
  items: [
    { bankId: 1, bankName: '中国工商银行', basic: 2, coManaged: 8, accounts: 10, projects: 9, share: 62.5 },
    { bankId: 2, bankName: '招商银行', basic: 1, coManaged: 5, accounts: 6, projects: 6, share: 37.5 },
    { bankId: 3, bankName: '华夏银行', basic: 0, coManaged: 0, accounts: 0, projects: 0, share: 0 },
  ],
  total: { basic: 3, coManaged: 13, accounts: 16, projects: 15, share: 100 },
};

describe('共有资金 page logic', () => {
  it('names the table’s numbers as the real page does', () => {
    expect(COMMON_FUND_TABLE_COUNTERS.map(commonFundCounterTitle)).toEqual(['物业项目总数', '应开共有资金账户数', '已开', '未开', '基本账户数', '共管账户数', '异常账户数', '逾期未开户责令整改数', '逾期未开户行政处罚数']);
  });

  it('offers 责令整改 only to an overdue case and 行政处罚 only once the deadline has passed', () => {
    expect(caseActions(CommonFundCaseStage.OVERDUE)).toEqual(['rectify']);
    expect(caseActions(CommonFundCaseStage.RECTIFY_ORDERED)).toEqual([]);
    expect(caseActions(CommonFundCaseStage.RECTIFY_EXPIRED)).toEqual(['penalty']);
    expect(caseActions(CommonFundCaseStage.PENALISED)).toEqual([]);
    expect(caseActions(CommonFundCaseStage.CLOSED_OPENED)).toEqual([]);
  });

  it('defaults the deadline to 15 days after the order, across a month end', () => {
    expect(defaultDeadline('2026-01-20')).toBe('2026-02-04');
    expect(defaultDeadline('2026-12-25', 10)).toBe('2027-01-04');
  });

  it('charts the banks with accounts, 基本 and 共管 stacked, and says so in words', () => {
    const option = bankChartOption(stats) as { xAxis: { data: string[] }; series: Array<{ name: string; data: number[] }> };
    expect(option.xAxis.data).toEqual(['中国工商银行', '招商银行']);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['基本账户', [2, 1]],
      ['共管账户', [8, 5]],
    ]);
    expect(bankChartLabel(stats)).toBe('共享银行账户数：共 16 个账户，最多的是中国工商银行 10 个（62.5%）、招商银行 6 个（37.5%）');
  });

  it('words money and the 催办 result', () => {
    expect(yuan(1234567.5)).toBe('1,234,567.50');
    expect(urgeResultText({ campaignId: 1, urged: 3, skippedInCooldown: 0, withoutAccount: 0 })).toContain('3');
  });
});
