import { describe, expect, it } from 'vitest';
import { ParkingDisputeType, type ParkingDisputeStats, type ParkingFilingView } from '@szpm/contract';
import { cellText, disputeChartLabel, disputeChartOption, disputeSlices, filingRows, PARKING_TABLE_COLUMNS, remindConfirmText, remindResultText } from '../../src/logic/parking';

const disputes: ParkingDisputeStats = {
  items: [
    { type: ParkingDisputeType.OWNERSHIP, typeLabel: '产权/归属争议（含人防车位）', projects: 2, cases: 3, share: 25 },
    { type: ParkingDisputeType.FEE_PRICING, typeLabel: '停车费定价', projects: 3, cases: 9, share: 75 },
    { type: ParkingDisputeType.THEFT_DAMAGE, typeLabel: '车辆被盗、损坏', projects: 0, cases: 0, share: 0 },
  ],
  total: { projects: 4, cases: 12, share: 100 },
};

describe('parking logic', () => {
  it('lets every counter open its list and keeps 填报率 and 车位配比 plain', () => {
    const keys = PARKING_TABLE_COLUMNS.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(PARKING_TABLE_COLUMNS.filter((c) => c.counter === null).map((c) => c.key)).toEqual(['filedRate', 'ratio']);
    expect(PARKING_TABLE_COLUMNS.slice(0, 3).map((c) => c.counter)).toEqual(['projects', 'filed', 'notFiled']);
    const rate = PARKING_TABLE_COLUMNS.find((c) => c.key === 'filedRate')!;
    const ratio = PARKING_TABLE_COLUMNS.find((c) => c.key === 'ratio')!;
    expect(cellText(rate, 62.5)).toBe('62.5%');
    expect(cellText(ratio, 0.8)).toBe('0.80');
    expect(cellText(PARKING_TABLE_COLUMNS[0], 12)).toBe('12');
  });

  it('draws the dispute types with cases, most first, and says so in words', () => {
    expect(disputeSlices(disputes).map((s) => s.name)).toEqual(['停车费定价', '产权/归属争议（含人防车位）']);
    const option = disputeChartOption(disputes) as { yAxis: { data: string[] }; series: Array<{ data: number[] }> };
    expect(option.yAxis.data).toEqual(['停车费定价', '产权/归属争议（含人防车位）']);
    expect(option.series[0].data).toEqual([9, 3]);
    expect(disputeChartLabel(disputes)).toBe('车位纠纷类型分布：停车费定价9宗（75%），产权/归属争议（含人防车位）3宗（25%）');
    expect(disputeChartLabel({ items: [], total: { projects: 0, cases: 0, share: 0 } })).toBe('暂无车位纠纷');
  });

  it('words 提醒更新', () => {
    expect(remindConfirmText('福田区')).toContain('福田区范围内从未填报过车位信息');
    expect(remindResultText({ campaignId: 3, urged: 12, skippedInCooldown: 3, withoutAccount: 0 })).toBe('已提醒 12 人，3 人 24 小时内已提醒过');
    expect(remindResultText({ campaignId: null, urged: 0, skippedInCooldown: 2, withoutAccount: 1 })).toBe('未提醒任何人，2 人 24 小时内已提醒过，1 个未开设账号');
  });

  it('lists a filing\'s counts and fees for the tab', () => {
    const filing = { total: 300, surface: 40, underground: 240, mechanical: 20, soldOwned: 120, developerHeld: 30, rented: 50, civilDefence: 40, common: 30, publicOpen: 10, temporary: 15, evCharging: 60, chargingPosts: 45, accessible: 6, monthlyFee: 350, hourlyFee: null } as unknown as ParkingFilingView;
    const rows = filingRows(filing);
    expect(rows[0]).toEqual({ label: '车位总数', value: '300' });
    expect(rows.find((r) => r.label === '人防车位')!.value).toBe('40');
    expect(rows.slice(-2)).toEqual([
      { label: '月租标准（元/月）', value: '350 元/月' },
      { label: '临停标准（元/小时）', value: '未填报' },
    ]);
  });
});
