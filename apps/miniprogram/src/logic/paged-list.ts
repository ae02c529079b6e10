import { DEFAULT_PAGE_SIZE, Page } from '@szpm/contract';

/**
 * One paged list's state: the first load, pull-down refresh, paging on scroll, errors. A newer
 * request makes an older one's answer stale (a tab switch or search while a page was loading).
 */
export type LoadMode = 'reset' | 'refresh' | 'more';

export interface PagedState<T> {
  items: T[];
  total: number;
  /** the last page loaded (0: none yet) */
  page: number;
  pageSize: number;
  loading: LoadMode | null;
  error: string | null;
  /** false when trying again cannot help (无权限, 不存在): the error offers no 重新加载 */
  retryable: boolean;
  /** the request whose answer counts */
  requestId: number;
}

export type PagedAction<T> =
  | { type: 'start'; mode: LoadMode; requestId: number }
  | { type: 'success'; mode: LoadMode; requestId: number; page: Page<T> }
  | { type: 'failure'; mode: LoadMode; requestId: number; message: string; retryable?: boolean };

export function initialPagedState<T>(pageSize = DEFAULT_PAGE_SIZE): PagedState<T> {
  return { items: [], total: 0, page: 0, pageSize, loading: null, error: null, retryable: true, requestId: 0 };
}

export function pagedReducer<T>(state: PagedState<T>, action: PagedAction<T>): PagedState<T> {
  switch (action.type) {
    case 'start':
      return {
        ...state,
        loading: action.mode,
        error: null,
        requestId: action.requestId,
        // a new query (reset) shows the loading state instead of the old rows
        ...(action.mode === 'reset' ? { items: [], total: 0, page: 0 } : {}),
      };
    case 'success': {
      if (action.requestId !== state.requestId) return state;
      const items = action.mode === 'more' ? [...state.items, ...action.page.items] : action.page.items;
      return { ...state, items, total: action.page.total, page: action.page.page, loading: null, error: null };
    }
    case 'failure':
      if (action.requestId !== state.requestId) return state;
      return { ...state, loading: null, error: action.message, retryable: action.retryable ?? true };
  }
}

/** The page to ask for next with this mode. */
export function nextPage(state: PagedState<unknown>, mode: LoadMode): number {
  return mode === 'more' ? state.page + 1 : 1;
}

export function hasMore(state: PagedState<unknown>): boolean {
  return state.page > 0 && state.items.length < state.total;
}

/** Paging on scroll only when the last page is in, more exist and nothing is loading or failed. */
export function canLoadMore(state: PagedState<unknown>): boolean {
  return state.loading === null && state.error === null && hasMore(state);
}

export type ListView = 'loading' | 'error' | 'empty' | 'items';

/** What the list area shows: a first load's spinner, its error, the empty state, or the rows. */
export function listView(state: PagedState<unknown>): ListView {
  if (state.items.length > 0) return 'items';
  if (state.loading === 'reset' || (state.loading !== null && state.page === 0)) return 'loading';
  if (state.error !== null) return 'error';
  if (state.page === 0) return 'loading';
  return 'empty';
}

/** The footer under the rows: loading more, a failed page with retry, the end, or nothing. */
export function listFooter(state: PagedState<unknown>): 'loading-more' | 'error' | 'end' | 'more' | null {
  if (state.items.length === 0) return null;
  if (state.loading === 'more') return 'loading-more';
  if (state.error !== null) return 'error';
  return hasMore(state) ? 'more' : 'end';
}
