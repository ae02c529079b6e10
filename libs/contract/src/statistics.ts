/**
 * Region drill-down statistics, shared by every statistics chapter: a table with one row per child
 * region of the current filter (city → districts → streets → communities → property areas), a 合计
 * row, and for every number the list of rows behind it.
 */

/** The level of the rows of a drill-down table. */
export type RegionStatsLevel = 'DISTRICT' | 'STREET' | 'COMMUNITY' | 'PROPERTY_AREA';

/** The child level shown under each filter: no filter → districts, a district → its streets, and so on. */
export const REGION_STATS_CHILD_LEVEL_LABELS: Record<RegionStatsLevel, string> = {
  DISTRICT: '行政区',
  STREET: '街道',
  COMMUNITY: '社区',
  PROPERTY_AREA: '物业项目',
};

/** The region filter of a drill-down request; each step down adds the id of the row tapped. */
export interface RegionStatsFilter {
  /** a district (city accounts; a district account may only name its own) */
  districtId?: number;
  /** a street; must lie in districtId when both are given */
  streetId?: number;
  /** a community; must lie in streetId when both are given */
  communityId?: number;
}

/** One row of the table: a child region and the chapter's counters `C` for it. */
export type RegionStatsItem<C> = C & {
  /** the region's id (a property area's id at level PROPERTY_AREA): the next filter when drilling down */
  regionId: number;
  regionName: string;
  level: RegionStatsLevel;
};

/** A drill-down table: `items` has every child region (zero counts included), `total` is the 合计 row. */
export interface RegionStats<C> {
  /** the level of `items` */
  level: RegionStatsLevel;
  /** the 合计 row: the sum of the items' counters (rates recomputed from the sums) */
  total: C;
  items: Array<RegionStatsItem<C>>;
}

/**
 * "The rows behind this number": the table's own filter, the row tapped (`regionId`, absent for the
 * 合计 row) and the counter's key (a numeric field of the row). Pages like every list.
 */
export interface RegionCellQuery extends RegionStatsFilter {
  /** a region of the table's level (an item's regionId); absent: the 合计 row */
  regionId?: number;
  /** the counter tapped, e.g. 'submitted' */
  counter: string;
  page?: number;
  pageSize?: number;
}

/**
 * The one rate rule: numerator / denominator × 100, rounded to two decimals, and 0 when either is 0.
 * Rates are percentages: 75 means 75 %.
 */
export function rate(numerator: number, denominator: number): number {
  if (!numerator || !denominator) return 0;
  return Math.round((numerator / denominator) * 10000) / 100;
}
