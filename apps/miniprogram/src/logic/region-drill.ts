import { RegionCellQuery, RegionStatsFilter, RegionStatsItem, RegionStatsLevel } from '@szpm/contract';

/** One step down the drill-down: the region tapped (福田区, 园岭街道 …). */
export interface DrillCrumb {
  regionId: number;
  regionName: string;
  level: RegionStatsLevel;
}

/** The crumbs above the table, root first: 全市 › 福田区 › 园岭街道. */
export type DrillStack = DrillCrumb[];

/** Which filter param names a crumb of each level; property areas are leaves, never a filter. */
const FILTER_PARAM: Partial<Record<RegionStatsLevel, keyof RegionStatsFilter>> = {
  DISTRICT: 'districtId',
  STREET: 'streetId',
  COMMUNITY: 'communityId',
};

/** A row can be drilled into when its level is a filter level and above the page's deepest level. */
export function canDrillInto(level: RegionStatsLevel, deepest: RegionStatsLevel = 'PROPERTY_AREA'): boolean {
  return level !== deepest && FILTER_PARAM[level] !== undefined;
}

/** The stack after tapping a row; a leaf row leaves the stack as it is. */
export function drillInto(stack: DrillStack, row: Pick<RegionStatsItem<object>, 'regionId' | 'regionName' | 'level'>, deepest?: RegionStatsLevel): DrillStack {
  if (!canDrillInto(row.level, deepest)) return stack;
  return [...stack, { regionId: row.regionId, regionName: row.regionName, level: row.level }];
}

/** 返回上一级 */
export function drillUp(stack: DrillStack): DrillStack {
  return stack.slice(0, -1);
}

/** Tapping a crumb: `depth` 0 is the root (nothing chosen), 1 the first region chosen, and so on. */
export function drillTo(stack: DrillStack, depth: number): DrillStack {
  return stack.slice(0, Math.max(0, depth));
}

/** The filter to send for the current crumb: every crumb's id under its level's param name. */
export function drillFilter(stack: DrillStack): RegionStatsFilter {
  const filter: RegionStatsFilter = {};
  for (const crumb of stack) {
    const param = FILTER_PARAM[crumb.level];
    if (param) filter[param] = crumb.regionId;
  }
  return filter;
}

/** The crumb labels, root first. */
export function crumbLabels(rootLabel: string, stack: DrillStack): string[] {
  return [rootLabel, ...stack.map((crumb) => crumb.regionName)];
}

/**
 * The query for the rows behind one number: the table's filter, the row tapped (none for 合计)
 * and the counter's key.
 */
export function cellQuery(stack: DrillStack, row: { regionId: number } | null, counter: string, page?: { page: number; pageSize: number }): RegionCellQuery {
  return { ...drillFilter(stack), ...(row ? { regionId: row.regionId } : {}), counter, ...(page ?? {}) };
}
