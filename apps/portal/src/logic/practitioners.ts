/**
 * 从业人员信息 on PC: the columns of the project table (each number opens its list), the position
 * distribution as a chart, and the words of 提醒更新.
 */
import {
  PRACTITIONER_COUNTER_LABELS,
  PRACTITIONER_POSITION_LABELS,
  PRACTITIONER_TABLE_COUNTERS,
  PRACTITIONER_PROJECT_COUNTERS,
  PractitionerPosition,
  urgeSummary,
  type PractitionerProjectCounters,
  type PractitionerRemindResult,
} from '@szpm/contract';

export type PractitionerCounter = keyof PractitionerProjectCounters;

/** The table's numbers in the order on screen (持证率 follows 持证人数). */
export const PROJECT_TABLE_COUNTERS: readonly PractitionerCounter[] = PRACTITIONER_TABLE_COUNTERS;

export const counterTitle = (counter: PractitionerCounter, withinDays?: number): string =>
  counter === 'expiringSoon' && withinDays !== undefined ? `证书${withinDays}天内到期` : PRACTITIONER_COUNTER_LABELS[counter];

/** Whether a number opens projects (项目数 / 已填报 / 未填报) or people. */
export const opensProjects = (counter: PractitionerCounter): boolean => (PRACTITIONER_PROJECT_COUNTERS as readonly string[]).includes(counter);

/** The on-duty people of a row by position, as the chart draws them (positions with nobody left out). */
export function positionSlices(row: PractitionerProjectCounters): Array<{ name: string; value: number }> {
  const P = PractitionerPosition;
  const parts: Array<[PractitionerPosition | 'OTHERS', number]> = [
    [P.PROJECT_MANAGER, row.managers],
    [P.CUSTOMER_SERVICE, row.customerService],
    [P.SECURITY, row.security],
    [P.CLEANER, row.cleaners],
    [P.GARDENER, row.gardeners],
    [P.MAINTENANCE, row.maintenance],
    [P.ELECTRICIAN, row.electricians],
    [P.FIRE_CONTROL, row.fireControl],
    [P.LIFT_SAFETY, row.liftSafety],
    ['OTHERS', row.otherPositions],
  ];
  return parts.filter(([, value]) => value > 0).map(([position, value]) => ({ name: position === 'OTHERS' ? '其他岗位' : PRACTITIONER_POSITION_LABELS[position], value }));
}

/** An ECharts pie of the position distribution. */
export function positionChartOption(row: PractitionerProjectCounters): Record<string, unknown> {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c} 人（{d}%）' },
    legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle' },
    series: [{ type: 'pie', radius: ['35%', '65%'], center: ['40%', '50%'], data: positionSlices(row), label: { formatter: '{b} {c}' } }],
  };
}

/** The chart's words for screen readers. */
export function positionChartLabel(row: PractitionerProjectCounters): string {
  const slices = positionSlices(row);
  return slices.length ? `岗位分布：${slices.map((s) => `${s.name}${s.value}人`).join('，')}` : '暂无在岗从业人员';
}

/** 提醒更新's confirmation. */
export function remindConfirmText(onlyOutdated: boolean, staleDays = 90): string {
  return onlyOutdated
    ? `将向本区从未填报或超过${staleDays}天未更新从业人员信息的项目的项目经理发送催办通知，提示其完善从业人员信息。确定发送吗？`
    : '将向在本行政区有在管项目的全部项目经理发送催办通知，提示其完善从业人员信息。确定发送吗？';
}

/** 提醒更新's result: 已提醒 12 人，3 人 24 小时内已提醒过（共 20 个项目）. */
export function remindResultText(result: PractitionerRemindResult): string {
  return `${urgeSummary(result, { verb: '提醒' })}（涉及 ${result.projects} 个项目）`;
}
