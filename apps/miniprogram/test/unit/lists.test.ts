import { Page } from '@szpm/contract';
import { describe, expect, it } from 'vitest';
import { canLoadMore, hasMore, initialPagedState, listFooter, listView, nextPage, pagedReducer, PagedState } from '../../src/logic/paged-list';

const page = (items: number[], pageNo: number, total: number): Page<number> => ({ items, page: pageNo, pageSize: 2, total });

function run(actions: Parameters<typeof pagedReducer<number>>[1][]): PagedState<number> {
  return actions.reduce((s, a) => pagedReducer(s, a), initialPagedState<number>(2));
}

describe('paged list', () => {
  it('shows loading, then rows, then pages on to the end', () => {
    let state = initialPagedState<number>(2);
    expect(listView(state)).toBe('loading');
    state = pagedReducer(state, { type: 'start', mode: 'reset', requestId: 1 });
    expect(listView(state)).toBe('loading');
    state = pagedReducer(state, { type: 'success', mode: 'reset', requestId: 1, page: page([1, 2], 1, 3) });
    expect(listView(state)).toBe('items');
    expect(listFooter(state)).toBe('more');
    expect(canLoadMore(state)).toBe(true);
    expect(nextPage(state, 'more')).toBe(2);
    state = pagedReducer(state, { type: 'start', mode: 'more', requestId: 2 });
    expect(listFooter(state)).toBe('loading-more');
    expect(canLoadMore(state)).toBe(false);
    state = pagedReducer(state, { type: 'success', mode: 'more', requestId: 2, page: page([3], 2, 3) });
    expect(state.items).toEqual([1, 2, 3]);
    expect(hasMore(state)).toBe(false);
    expect(listFooter(state)).toBe('end');
  });

  it('says empty only after an answer with no rows', () => {
    const state = run([
      { type: 'start', mode: 'reset', requestId: 1 },
      { type: 'success', mode: 'reset', requestId: 1, page: page([], 1, 0) },
    ]);
    expect(listView(state)).toBe('empty');
    expect(listFooter(state)).toBeNull();
  });

  it('shows a failed first load as an error, and a failed page under the rows', () => {
    const failedFirst = run([
      { type: 'start', mode: 'reset', requestId: 1 },
      { type: 'failure', mode: 'reset', requestId: 1, message: '网络连接失败' },
    ]);
    expect(listView(failedFirst)).toBe('error');
    const failedMore = run([
      { type: 'start', mode: 'reset', requestId: 1 },
      { type: 'success', mode: 'reset', requestId: 1, page: page([1, 2], 1, 4) },
      { type: 'start', mode: 'more', requestId: 2 },
      { type: 'failure', mode: 'more', requestId: 2, message: '网络连接失败' },
    ]);
    expect(listView(failedMore)).toBe('items');
    expect(listFooter(failedMore)).toBe('error');
    expect(canLoadMore(failedMore)).toBe(false);
  });

  it('keeps the rows while refreshing and replaces them with page 1', () => {
    let state = run([
      { type: 'start', mode: 'reset', requestId: 1 },
      { type: 'success', mode: 'reset', requestId: 1, page: page([1, 2], 1, 4) },
      { type: 'start', mode: 'more', requestId: 2 },
      { type: 'success', mode: 'more', requestId: 2, page: page([3, 4], 2, 4) },
      { type: 'start', mode: 'refresh', requestId: 3 },
    ]);
    expect(state.items).toEqual([1, 2, 3, 4]);
    expect(listView(state)).toBe('items');
    expect(nextPage(state, 'refresh')).toBe(1);
    state = pagedReducer(state, { type: 'success', mode: 'refresh', requestId: 3, page: page([9, 1], 1, 5) });
    expect(state.items).toEqual([9, 1]);
    expect(state.total).toBe(5);
  });

  it('drops the answer of a request a newer one replaced (tab switch while loading)', () => {
    const state = run([
      { type: 'start', mode: 'reset', requestId: 1 },
      { type: 'start', mode: 'reset', requestId: 2 },
      { type: 'success', mode: 'reset', requestId: 2, page: page([7], 1, 1) },
      { type: 'success', mode: 'reset', requestId: 1, page: page([1, 2], 1, 9) },
      { type: 'failure', mode: 'reset', requestId: 1, message: 'late' },
    ]);
    expect(state.items).toEqual([7]);
    expect(state.total).toBe(1);
    expect(state.error).toBeNull();
  });
});
