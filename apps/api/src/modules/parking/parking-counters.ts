import { PARKING_COUNT_FIELDS, ParkingCounter, ParkingCounters, ParkingDerived, parkingRatio, rate } from '@szpm/contract';
import { CounterSet } from '../regions/statistics/counters';

/**
 * 车位信息统计 over areas `a` with their current filing `pf` (left-joined on currentAreaId) and
 * profile `pp`: 项目数, 已填报 / 未填报 (a partition), the households of the filed projects (车位配比's
 * denominator: the profile's 总户数, else the area's house count) and every space class summed.
 */
export function parkingCounters(): CounterSet<ParkingCounter> {
  const counters = {
    projects: {},
    filed: { when: 'pf.id IS NOT NULL' },
    notFiled: { when: 'pf.id IS NULL' },
    households: { when: 'pf.id IS NOT NULL', sum: 'COALESCE(pp.totalHouseholds, a.houseCount)' },
  } as CounterSet<ParkingCounter>;
  // every space class of the filing form, summed over the current filings
  for (const key of PARKING_COUNT_FIELDS) counters[key] = { sum: `pf.${key}` };
  return counters;
}

/** 填报率 and 车位配比 of a row (and of the 合计 row, from its sums). */
export function parkingDerived(c: ParkingCounters): ParkingDerived {
  return { filedRate: rate(c.filed, c.projects), ratio: parkingRatio(c.total, c.households) };
}
