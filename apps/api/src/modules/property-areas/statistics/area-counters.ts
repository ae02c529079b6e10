import { PropertyAreaCounters } from '@szpm/contract';
import { CounterSet } from '../../regions/statistics/counters';

export type PropertyAreaCounter = keyof PropertyAreaCounters;

/**
 * 本区项目统计 over areas `a` with their profile `pp`: 项目数, 总建筑面积 (summed), 总户数 (summed:
 * the profile's 总户数, else the area's house count), 企业管理 / 自管 (a partition: managed by a
 * company unless it has none or is marked self-managed) and 已成立业委会.
 */
export function areaCounters(): CounterSet<PropertyAreaCounter> {
  const selfManaged = '(a.companyId IS NULL OR a.selfManaged = 1)';
  return {
    projects: {},
    buildArea: { sum: 'a.floorArea' },
    households: { sum: 'COALESCE(pp.totalHouseholds, a.houseCount)' },
    companyManaged: { when: `NOT ${selfManaged}` },
    selfManaged: { when: selfManaged },
    withCommittee: { when: 'pp.hasCommittee = 1' },
  };
}
