import { PARKING_STATS_COLUMNS, PARKING_DERIVED_KEYS } from '@szpm/contract';
import { parkingCounters, parkingDerived } from './parking-counters';

describe('车位信息统计 counters', () => {
  it('has one counter for every tappable column and none for the derived ones', () => {
    const counters = parkingCounters();
    const tappable = PARKING_STATS_COLUMNS.map((c) => c.key).filter((k) => !(PARKING_DERIVED_KEYS as readonly string[]).includes(k));
    expect(Object.keys(counters).sort()).toEqual([...tappable].sort());
    expect(counters.filed.when).toBe('pf.id IS NOT NULL');
    expect(counters.notFiled.when).toBe('pf.id IS NULL');
    expect(counters.civilDefence.sum).toBe('pf.civilDefence');
    expect(counters.households).toEqual({ when: 'pf.id IS NOT NULL', sum: 'COALESCE(pp.totalHouseholds, a.houseCount)' });
  });

  it('derives 填报率 and 车位配比 from the sums', () => {
    const zero = Object.fromEntries(Object.keys(parkingCounters()).map((k) => [k, 0])) as unknown as Parameters<typeof parkingDerived>[0];
    expect(parkingDerived({ ...zero, projects: 8, filed: 6, total: 900, households: 1200 })).toEqual({ filedRate: 75, ratio: 0.75 });
    expect(parkingDerived(zero)).toEqual({ filedRate: 0, ratio: 0 });
  });
});
