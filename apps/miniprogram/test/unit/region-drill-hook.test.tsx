// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { RegionStats, RegionStatsFilter } from '@szpm/contract';
import { describe, expect, it, vi } from 'vitest';
import { useRegionDrill } from '../../src/hooks/useRegionDrill';

type Counts = { targets: number };

/** A fake api: districts at the root, streets under a district, communities under a street. */
function statsFor(filter: RegionStatsFilter): RegionStats<Counts> {
  if (filter.streetId) return { level: 'COMMUNITY', total: { targets: 2 }, items: [{ regionId: 312, regionName: '红荔社区', level: 'COMMUNITY', targets: 2 }] };
  if (filter.districtId) return { level: 'STREET', total: { targets: 5 }, items: [{ regionId: 31, regionName: '园岭街道', level: 'STREET', targets: 5 }] };
  return { level: 'DISTRICT', total: { targets: 9 }, items: [{ regionId: 3, regionName: '福田区', level: 'DISTRICT', targets: 9 }] };
}

describe('useRegionDrill', () => {
  it('loads the level of the current crumb with its filter, and again for the page’s own filter', async () => {
    const load = vi.fn(async (filter: RegionStatsFilter) => statsFor(filter));
    let inspectionId = 1;
    const { result, rerender } = renderHook(() => useRegionDrill((filter) => load({ ...filter }), [inspectionId]));
    await waitFor(() => expect(result.current.stats.data?.level).toBe('DISTRICT'));
    expect(load).toHaveBeenLastCalledWith({});

    act(() => result.current.into(result.current.stats.data!.items[0]));
    // the districts are not shown under the 福田区 crumb while its streets load
    expect(result.current.stats.data).toBeNull();
    await waitFor(() => expect(result.current.stats.data?.level).toBe('STREET'));
    expect(load).toHaveBeenLastCalledWith({ districtId: 3 });

    act(() => result.current.into(result.current.stats.data!.items[0]));
    await waitFor(() => expect(result.current.stats.data?.level).toBe('COMMUNITY'));
    expect(load).toHaveBeenLastCalledWith({ districtId: 3, streetId: 31 });
    expect(result.current.stack.map((c) => c.regionName)).toEqual(['福田区', '园岭街道']);

    act(() => result.current.up());
    await waitFor(() => expect(result.current.stats.data?.level).toBe('STREET'));
    act(() => result.current.to(0));
    await waitFor(() => expect(result.current.stats.data?.level).toBe('DISTRICT'));
    const calls = load.mock.calls.length;

    inspectionId = 2;
    rerender();
    await waitFor(() => expect(load.mock.calls.length).toBe(calls + 1));
  });
});
