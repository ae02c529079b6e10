/**
 * 车位信息 on PC: the statistics table's columns (each counter opens its projects, the derived ones
 * do not), the dispute-type chart, the words of 提醒更新, and the rows of an area's 车位信息 tab.
 */
import {
  PARKING_COUNT_FIELDS,
  PARKING_DERIVED_KEYS,
  PARKING_FIELD_LABELS,
  PARKING_STATS_COLUMNS,
  urgeSummary,
  type ParkingCounter,
  type ParkingDisputeStats,
  type ParkingFilingView,
  type ParkingRow,
  type UrgeResult,
} from '@szpm/contract';

export interface ParkingColumn {
  key: keyof ParkingRow;
  label: string;
  /** a counter: its number opens the projects behind it */
  counter: ParkingCounter | null;
  /** shown with a % (填报率) */
  percent: boolean;
}

/** The table's columns in the order on screen (and in the export). */
export const PARKING_TABLE_COLUMNS: readonly ParkingColumn[] = PARKING_STATS_COLUMNS.map(({ key, label }) => {
  const derived = (PARKING_DERIVED_KEYS as readonly string[]).includes(key);
  return { key, label, counter: derived ? null : (key as ParkingCounter), percent: key === 'filedRate' };
});

/** A cell's text: 填报率 with %, 车位配比 with two decimals, counts as they are. */
export function cellText(column: ParkingColumn, value: number): string {
  if (column.percent) return `${value}%`;
  if (column.key === 'ratio') return value.toFixed(2);
  return String(value);
}

/** The dispute types with cases, most first, as the chart draws them. */
export function disputeSlices(stats: ParkingDisputeStats): Array<{ name: string; value: number; share: number }> {
  return stats.items
    .filter((item) => item.cases > 0)
    .sort((a, b) => b.cases - a.cases)
    .map((item) => ({ name: item.typeLabel, value: item.cases, share: item.share }));
}

/** An ECharts bar chart of the cases per dispute type. */
export function disputeChartOption(stats: ParkingDisputeStats): Record<string, unknown> {
  const slices = disputeSlices(stats);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: '宗数', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: slices.map((s) => s.name) },
    series: [{ type: 'bar', name: '宗数', data: slices.map((s) => s.value), label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => `${slices[p.dataIndex].value}宗（${slices[p.dataIndex].share}%）` } }],
  };
}

/** The chart's words for screen readers. */
export function disputeChartLabel(stats: ParkingDisputeStats): string {
  const slices = disputeSlices(stats);
  return slices.length ? `车位纠纷类型分布：${slices.map((s) => `${s.name}${s.value}宗（${s.share}%）`).join('，')}` : '暂无车位纠纷';
}

/** 提醒更新's confirmation, naming the region of the table on screen. */
export function remindConfirmText(regionName: string): string {
  return `将向${regionName}范围内从未填报过车位信息的物业项目负责人发送微信通知，提醒其填报车位信息。每位负责人24小时内只提醒一次。确定发送吗？`;
}

/** 提醒更新's answer in words: 已提醒 12 人，3 人 24 小时内已提醒过. */
export function remindResultText(result: UrgeResult, cooldownHours?: number): string {
  return urgeSummary(result, { verb: '提醒', cooldownHours });
}

/** The 车位信息 tab's rows: every count with its label, then the fees. */
export function filingRows(filing: ParkingFilingView): Array<{ label: string; value: string }> {
  const fee = (value: number | null, unit: string) => (value === null ? '未填报' : `${value} ${unit}`);
  return [
    ...PARKING_COUNT_FIELDS.map((field) => ({ label: PARKING_FIELD_LABELS[field], value: String(filing[field]) })),
    { label: PARKING_FIELD_LABELS.monthlyFee, value: fee(filing.monthlyFee, '元/月') },
    { label: PARKING_FIELD_LABELS.hourlyFee, value: fee(filing.hourlyFee, '元/小时') },
  ];
}
