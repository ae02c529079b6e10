import { Page } from '@szpm/contract';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { errorMessage, isRetryable } from '@szpm/api-client';
import { canLoadMore, initialPagedState, LoadMode, nextPage, pagedReducer, PagedState } from '../logic/paged-list';

export interface PagedList<T> {
  state: PagedState<T>;
  /** pull-down refresh: page 1 again, keeping the rows until the answer comes */
  refresh(): Promise<void>;
  /** paging on scroll: the next page, when there is one and nothing is loading */
  loadMore(): Promise<void>;
  /** a failed first load or page, again */
  retry(): Promise<void>;
  /** start over from page 1, showing the loading state */
  reload(): Promise<void>;
}

/**
 * A paged list bound to a fetcher. `deps` are the query (tab, search, filters): a change starts
 * over from page 1. Pages and hooks of Taro (pull-down, reach-bottom) call refresh / loadMore.
 */
export function usePagedList<T>(fetchPage: (page: number, pageSize: number) => Promise<Page<T>>, deps: unknown[], options: { pageSize?: number; enabled?: boolean } = {}): PagedList<T> {
  const [state, dispatch] = useReducer(pagedReducer<T>, options.pageSize, (size?: number) => initialPagedState<T>(size));
  const stateRef = useRef(state);
  stateRef.current = state;
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const counter = useRef(0);
  const enabled = options.enabled !== false;

  const load = useCallback(async (mode: LoadMode) => {
    const requestId = ++counter.current;
    const page = nextPage(stateRef.current, mode);
    dispatch({ type: 'start', mode, requestId });
    try {
      const result = await fetchRef.current(page, stateRef.current.pageSize);
      dispatch({ type: 'success', mode, requestId, page: result });
    } catch (error) {
      dispatch({ type: 'failure', mode, requestId, message: errorMessage(error), retryable: isRetryable(error) });
    }
  }, []);

  useEffect(() => {
    if (enabled) void load('reset');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, ...deps]);

  return {
    state,
    refresh: () => load('refresh'),
    loadMore: () => (canLoadMore(stateRef.current) ? load('more') : Promise.resolve()),
    retry: () => load(stateRef.current.items.length ? 'more' : 'reset'),
    reload: () => load('reset'),
  };
}
