import { RegionStats, RegionStatsFilter, RegionStatsItem, RegionStatsLevel } from '@szpm/contract';
import { useState } from 'react';
import { DrillStack, drillFilter, drillInto, drillTo, drillUp } from '../logic/region-drill';
import { Loaded, useLoader } from './useLoader';

export interface RegionDrill<C> {
  stack: DrillStack;
  /** the filter of the current crumb (districtId / streetId / communityId) */
  filter: RegionStatsFilter;
  stats: Loaded<RegionStats<C>>;
  /** the deepest level a row can be drilled into (rows of this level are leaves) */
  deepest?: RegionStatsLevel;
  into(row: RegionStatsItem<C>): void;
  up(): void;
  /** 0: the root */
  to(depth: number): void;
}

/**
 * A drill-down table's state: the crumbs, and the statistics of the current crumb loaded with its
 * filter. `deps` are the page's own filters (an inspection, a period): a change loads again.
 */
export function useRegionDrill<C>(load: (filter: RegionStatsFilter) => Promise<RegionStats<C>>, deps: unknown[], options: { deepest?: RegionStatsLevel; enabled?: boolean } = {}): RegionDrill<C> {
  const [stack, setStack] = useState<DrillStack>([]);
  const filter = drillFilter(stack);
  const key = `${filter.districtId ?? ''}/${filter.streetId ?? ''}/${filter.communityId ?? ''}`;
  const loaded = useLoader(async () => ({ key, stats: await load(filter) }), [...deps, key], { enabled: options.enabled });
  // the numbers of the level just left are never shown under the new crumbs (a tap would open the wrong list)
  const stats = { ...loaded, data: loaded.data?.key === key ? loaded.data.stats : null };
  return {
    stack,
    filter,
    stats,
    deepest: options.deepest,
    into: (row) => setStack((current) => drillInto(current, row, options.deepest)),
    up: () => setStack(drillUp),
    to: (depth) => setStack((current) => drillTo(current, depth)),
  };
}
