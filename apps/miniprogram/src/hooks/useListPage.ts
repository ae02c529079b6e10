import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useRef } from 'react';
import type { PagedList } from './usePagedList';

/**
 * The page hooks every list page wires the same way: pull-down refreshes (with whatever else the
 * page shows, `alsoRefresh`), scrolling to the bottom loads the next page, and — with
 * `refreshOnReturn` — coming back from a detail page refreshes the list, whose rows may have changed.
 */
export function useListPage(list: Pick<PagedList<unknown>, 'refresh' | 'loadMore'>, options: { refreshOnReturn?: boolean; alsoRefresh?: () => Promise<unknown> } = {}): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (options.refreshOnReturn && shown.current) void list.refresh();
    shown.current = true;
  });
  usePullDownRefresh(() => void Promise.all([list.refresh(), options.alsoRefresh?.()]).finally(() => Taro.stopPullDownRefresh()));
  useReachBottom(() => void list.loadMore());
}
