import { CommonErrorCode, NotificationErrorCode, rate } from '@szpm/contract';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@szpm/api-client';
import { canDrillInto, cellQuery, crumbLabels, drillFilter, drillInto, drillTo, drillUp, DrillStack } from '../../src/logic/region-drill';
import { completionText } from '../../src/logic/safety';
import { opensList, StatsColumn, statValueText, sumCounts } from '../../src/logic/stats-grid';
import { isNothingToUrge, urgeErrorText } from '../../src/logic/urge';
import { urgeBindingSummary } from '../../src/logic/urge-binding';

const futian = { regionId: 3, regionName: '福田区', level: 'DISTRICT' as const };
const yuanling = { regionId: 31, regionName: '园岭街道', level: 'STREET' as const };
const hongli = { regionId: 312, regionName: '红荔社区', level: 'COMMUNITY' as const };
const area = { regionId: 9001, regionName: '百花园小区', level: 'PROPERTY_AREA' as const };

describe('region drill-down', () => {
  it('goes down city → district → street → community and sends each crumb under its own param', () => {
    let stack: DrillStack = [];
    expect(drillFilter(stack)).toEqual({});
    stack = drillInto(stack, futian);
    expect(drillFilter(stack)).toEqual({ districtId: 3 });
    stack = drillInto(stack, yuanling);
    expect(drillFilter(stack)).toEqual({ districtId: 3, streetId: 31 });
    stack = drillInto(stack, hongli);
    expect(drillFilter(stack)).toEqual({ districtId: 3, streetId: 31, communityId: 312 });
    expect(crumbLabels('全市', stack)).toEqual(['全市', '福田区', '园岭街道', '红荔社区']);
  });

  it('does not drill into a property area, nor below the page’s deepest level', () => {
    const stack = drillInto(drillInto([], futian), yuanling);
    expect(drillInto(stack, area)).toBe(stack);
    expect(canDrillInto('PROPERTY_AREA')).toBe(false);
    expect(canDrillInto('COMMUNITY')).toBe(true);
    expect(canDrillInto('COMMUNITY', 'COMMUNITY')).toBe(false);
    expect(drillInto(stack, hongli, 'COMMUNITY')).toBe(stack);
  });

  it('a district account starts at its streets: the first crumb is a street, with no district param', () => {
    const stack = drillInto([], yuanling);
    expect(drillFilter(stack)).toEqual({ streetId: 31 });
    expect(crumbLabels('福田区', stack)).toEqual(['福田区', '园岭街道']);
  });

  it('返回上一级 and a tapped crumb go back up', () => {
    const stack = drillInto(drillInto(drillInto([], futian), yuanling), hongli);
    expect(drillFilter(drillUp(stack))).toEqual({ districtId: 3, streetId: 31 });
    expect(drillUp([])).toEqual([]);
    expect(drillTo(stack, 1)).toEqual([futian]);
    expect(drillTo(stack, 0)).toEqual([]);
    expect(drillTo(stack, -1)).toEqual([]);
  });

  it('asks for the rows behind a number with the table’s filter, the row tapped and the counter', () => {
    const stack = drillInto([], futian);
    expect(cellQuery(stack, yuanling, 'overdue', { page: 2, pageSize: 20 })).toEqual({ districtId: 3, regionId: 31, counter: 'overdue', page: 2, pageSize: 20 });
    expect(cellQuery(stack, null, 'submitted')).toEqual({ districtId: 3, counter: 'submitted' });
  });
});

describe('statistics grid', () => {
  it('shows rates with two decimals (the contract’s rate rule) and counts as they are', () => {
    expect(statValueText('rate', rate(12, 52))).toBe('23.08%');
    expect(statValueText('rate', rate(0, 52))).toBe('0.00%');
    expect(statValueText('rate', rate(3, 0))).toBe('0.00%');
    expect(statValueText('rate', 100)).toBe('100.00%');
    // 平均分: two decimals, no percent sign, never a link
    expect(statValueText('score', 87.5)).toBe('87.50');
    expect(opensList({ key: 'x', label: '平均分', kind: 'score', onOpenList: () => undefined }, 87.5, false, true)).toBe(false);
    expect(statValueText('count', 52)).toBe('52');
    expect(completionText({ targets: 52, submitted: 12, outstanding: 40, overdue: 3, problems: 5, areasWithProblems: 2, completionRate: rate(12, 52) })).toBe('完成 12/52（23.08%），逾期未完成 3');
  });

  it('links a number to its list only when the column lists, the value is not 0 and (for 合计) the api can list the whole table', () => {
    type Counts = { targets: number; completionRate: number };
    const open = vi.fn();
    const targets: StatsColumn<Counts> = { key: 'targets', label: '应检查', kind: 'count', onOpenList: open };
    const plain: StatsColumn<Counts> = { key: 'targets', label: '应检查', kind: 'count' };
    const completion: StatsColumn<Counts> = { key: 'completionRate', label: '完成率', kind: 'rate', onOpenList: open };
    expect(opensList(targets, 5, false, true)).toBe(true);
    expect(opensList(targets, 0, false, true)).toBe(false);
    expect(opensList(plain, 5, false, true)).toBe(false);
    expect(opensList(completion, 50, false, true)).toBe(false);
    expect(opensList(targets, 5, true, true)).toBe(true);
    expect(opensList(targets, 5, true, false)).toBe(false);
  });

  it('sums a 合计 row of disjoint rows', () => {
    const rows = [
      { label: '物业服务企业', allUnits: 3, bound: 2 },
      { label: '业主委员会', allUnits: 4, bound: 0 },
    ];
    expect(sumCounts(rows, ['allUnits', 'bound'])).toEqual({ allUnits: 7, bound: 2 });
    expect(sumCounts([] as typeof rows, ['allUnits'])).toEqual({ allUnits: 0 });
  });
});

describe('urge button words', () => {
  it('tells what 催绑 did and skipped, in the reminder path’s words', () => {
    expect(urgeBindingSummary({ campaignId: 1, urged: 12, skippedInCooldown: 3, withoutAccount: 0, skippedAlreadyBound: 0 })).toBe('已催绑 12 人，3 人 24 小时内已催绑过');
    expect(urgeBindingSummary({ campaignId: 2, urged: 2, skippedInCooldown: 0, withoutAccount: 0, skippedAlreadyBound: 1 })).toBe('已催绑 2 人，1 个账号已绑定');
  });

  it('says "nobody left" in the page’s words for the reminder path’s code, and the api’s message otherwise', () => {
    const nothing = new ApiError(409, NotificationErrorCode.NOTHING_TO_URGE, '没有需要催办的对象，无需催办');
    expect(isNothingToUrge(nothing)).toBe(true);
    expect(urgeErrorText(nothing, '所有接收人均已阅读，无需催办')).toBe('所有接收人均已阅读，无需催办');
    expect(urgeErrorText(nothing)).toBe('没有需要催办的对象，无需催办');
    const forbidden = new ApiError(403, CommonErrorCode.MODULE_NOT_GRANTED, '您的账号未开通该模块的权限');
    expect(isNothingToUrge(forbidden)).toBe(false);
    expect(urgeErrorText(forbidden, '所有接收人均已阅读，无需催办')).toBe('您的账号未开通该模块的权限');
    expect(isNothingToUrge(new Error('x'))).toBe(false);
  });
});
