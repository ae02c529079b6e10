// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { CommonErrorCode, Page } from '@szpm/contract';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@szpm/api-client';
import { useCountdown } from '../../src/hooks/useCountdown';
import { useLoader } from '../../src/hooks/useLoader';
import { usePagedList } from '../../src/hooks/usePagedList';
import { listFooter, listView } from '../../src/logic/paged-list';

/** A fake list endpoint over 1..total, answering on demand so that the test controls the order. */
function endpoint(total: number) {
  const calls: Array<{ page: number; search: string; resolve: () => void; reject: (e: Error) => void }> = [];
  const fetch = (search: string) => (page: number, pageSize: number) =>
    new Promise<Page<string>>((resolve, reject) => {
      const items = Array.from({ length: total }, (_, i) => `${search}${i + 1}`).slice((page - 1) * pageSize, page * pageSize);
      calls.push({ page, search, resolve: () => resolve({ items, total, page, pageSize }), reject });
    });
  return { calls, fetch };
}

afterEach(() => vi.useRealTimers());

describe('usePagedList', () => {
  it('loads page 1, pages on, refreshes, and starts over when the query changes', async () => {
    const api = endpoint(3);
    const { result, rerender } = renderHook(({ search }) => usePagedList(api.fetch(search), [search], { pageSize: 2 }), { initialProps: { search: 'a' } });
    expect(listView(result.current.state)).toBe('loading');
    await act(async () => api.calls[0].resolve());
    expect(result.current.state.items).toEqual(['a1', 'a2']);

    await act(async () => {
      void result.current.loadMore();
    });
    expect(api.calls[1].page).toBe(2);
    // paging again while a page is loading asks nothing
    await act(async () => {
      void result.current.loadMore();
    });
    expect(api.calls).toHaveLength(2);
    await act(async () => api.calls[1].resolve());
    expect(result.current.state.items).toEqual(['a1', 'a2', 'a3']);
    expect(listFooter(result.current.state)).toBe('end');
    await act(async () => {
      void result.current.loadMore();
    });
    expect(api.calls).toHaveLength(2);

    await act(async () => {
      void result.current.refresh();
    });
    expect(result.current.state.items).toHaveLength(3);
    await act(async () => api.calls[2].resolve());
    expect(result.current.state.items).toEqual(['a1', 'a2']);

    rerender({ search: 'b' });
    await waitFor(() => expect(api.calls).toHaveLength(4));
    expect(api.calls[3]).toMatchObject({ page: 1, search: 'b' });
    await act(async () => api.calls[3].resolve());
    expect(result.current.state.items).toEqual(['b1', 'b2']);
  });

  it('drops a slower answer to an older query', async () => {
    const api = endpoint(2);
    const { result, rerender } = renderHook(({ search }) => usePagedList(api.fetch(search), [search], { pageSize: 2 }), { initialProps: { search: 'old' } });
    rerender({ search: 'new' });
    await waitFor(() => expect(api.calls).toHaveLength(2));
    await act(async () => api.calls[1].resolve());
    await act(async () => api.calls[0].resolve());
    expect(result.current.state.items).toEqual(['new1', 'new2']);
  });

  it('shows the api’s message on failure and retries', async () => {
    const api = endpoint(1);
    const { result } = renderHook(() => usePagedList(api.fetch('x'), [], { pageSize: 2 }));
    await act(async () => api.calls[0].reject(new ApiError(403, CommonErrorCode.MODULE_NOT_GRANTED, '您的账号未开通该模块的权限')));
    expect(listView(result.current.state)).toBe('error');
    expect(result.current.state.error).toBe('您的账号未开通该模块的权限');
    await act(async () => {
      void result.current.retry();
    });
    await act(async () => api.calls[1].resolve());
    expect(result.current.state.items).toEqual(['x1']);
  });

  it('waits while disabled', async () => {
    const api = endpoint(1);
    const { rerender } = renderHook(({ enabled }) => usePagedList(api.fetch('x'), [], { enabled }), { initialProps: { enabled: false } });
    expect(api.calls).toHaveLength(0);
    rerender({ enabled: true });
    await waitFor(() => expect(api.calls).toHaveLength(1));
  });
});

describe('useLoader', () => {
  it('loads, shows errors, and reloads', async () => {
    let fail = true;
    const load = vi.fn(async () => {
      if (fail) throw new ApiError(404, CommonErrorCode.NOT_FOUND, '记录不存在或已被删除');
      return { id: 1 };
    });
    const { result } = renderHook(() => useLoader(load, []));
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.error).toBe('记录不存在或已被删除');
    fail = false;
    await act(() => result.current.reload());
    expect(result.current.data).toEqual({ id: 1 });
    expect(result.current.error).toBeNull();
  });
});

describe('useCountdown', () => {
  it('counts the 60 s before another code can be sent', () => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
    const { result, rerender } = renderHook(({ until }) => useCountdown(until), { initialProps: { until: null as number | null } });
    expect(result.current).toBe(0);
    rerender({ until: Date.now() + 60_000 });
    expect(result.current).toBe(60);
    act(() => vi.advanceTimersByTime(1000));
    expect(result.current).toBe(59);
    act(() => vi.advanceTimersByTime(59_000));
    expect(result.current).toBe(0);
  });
});
