import {
  COMMON_FUND_COUNTER_LABELS,
  COMMON_FUND_RECTIFY_DAYS_DEFAULT,
  CommonFundCaseStage,
  type CommonFundBankStats,
  type CommonFundCounter,
  type UrgeResult,
  urgeSummary,
} from '@szpm/contract';

/** The numbers of 共有资金账户统计 in the order of the real page; each opens its list. */
export const COMMON_FUND_TABLE_COUNTERS: readonly CommonFundCounter[] = ['projects', 'shouldOpen', 'opened', 'unopened', 'basic', 'coManaged', 'abnormal', 'rectifyOrdered', 'penalised'];

export const commonFundCounterTitle = (counter: CommonFundCounter): string => COMMON_FUND_COUNTER_LABELS[counter];

/** The escalation steps an officer may take at a stage (the api refuses the others). */
export function caseActions(stage: CommonFundCaseStage): Array<'rectify' | 'penalty'> {
  if (stage === CommonFundCaseStage.OVERDUE) return ['rectify'];
  if (stage === CommonFundCaseStage.RECTIFY_EXPIRED) return ['penalty'];
  return [];
}

/** The deadline a 责令整改 gets when the officer leaves it empty (the api's default, COMMON_FUND_RECTIFY_DAYS). */
export function defaultDeadline(orderDate: string, days = COMMON_FUND_RECTIFY_DAYS_DEFAULT): string {
  const d = new Date(`${orderDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function rectifyConfirmText(areaName: string, orderNo: string, deadline: string): string {
  return `确认对「${areaName}」下达责令整改（${orderNo}），整改期限至 ${deadline}？期满仍未开户的，可记录行政处罚。`;
}

export function penaltyConfirmText(areaName: string, decisionNo: string, amount: number): string {
  return `确认记录「${areaName}」的行政处罚（${decisionNo}），罚款 ${amount.toFixed(2)} 元？`;
}

export function urgeConfirmText(scopeName: string, unopened: number): string {
  return `向${scopeName}${unopened} 个应开未开户物业项目的项目经理、业委会主任发送催办？24小时内已催办过的不再重复发送。`;
}

export const urgeResultText = (result: UrgeResult): string => urgeSummary(result);

/** 元 with thousands separators and two decimals. */
export const yuan = (value: number): string => value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 共享银行统计 as a bar chart: accounts per bank, 基本 and 共管 stacked. */
export function bankChartOption(stats: CommonFundBankStats): Record<string, unknown> {
  const banks = stats.items.filter((b) => b.accounts > 0);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 32, containLabel: true },
    xAxis: { type: 'category', data: banks.map((b) => b.bankName), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', name: '账户数' },
    series: [
      { name: '基本账户', type: 'bar', stack: 'accounts', data: banks.map((b) => b.basic) },
      { name: '共管账户', type: 'bar', stack: 'accounts', data: banks.map((b) => b.coManaged) },
    ],
  };
}

/** What the chart shows, in words (a canvas is opaque to screen readers). */
export function bankChartLabel(stats: CommonFundBankStats): string {
  const top = stats.items.filter((b) => b.accounts > 0).slice(0, 3);
  return `共享银行账户数：共 ${stats.total.accounts} 个账户${top.length ? `，最多的是${top.map((b) => `${b.bankName} ${b.accounts} 个（${b.share}%）`).join('、')}` : ''}`;
}
