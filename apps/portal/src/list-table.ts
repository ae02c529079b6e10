/**
 * What every list page's ProTable shares: horizontal scroll instead of wrapping (1366 px and up),
 * the search form's layout, the toolbar, paging; and a request that turns an api page into the
 * table's data, showing the api's Chinese message when it fails.
 */
import type { Page } from '@szpm/contract';
import { message } from 'antd';
import { errorMessage } from './api';

export const LIST_TABLE_DEFAULTS = {
  scroll: { x: 'max-content' as const },
  search: { labelWidth: 'auto' as const },
  options: { reload: true, density: false, setting: false },
  pagination: { defaultPageSize: 20, showSizeChanger: true },
};

export interface TableAnswer<T> {
  data: T[];
  total: number;
  success: boolean;
}

/** ProTable's `request` from a loader of one api page (`params.current` is the page number). */
export function pagedRequest<T, P>(load: (params: P) => Promise<Page<T>>): (params: P) => Promise<TableAnswer<T>> {
  return async (params) => {
    try {
      const page = await load(params);
      return { data: page.items, total: page.total, success: true };
    } catch (e) {
      message.error(errorMessage(e));
      return { data: [], total: 0, success: false };
    }
  };
}

/** ProTable's `request` from a loader of a whole (unpaged) list, such as a catalogue. */
export function listRequest<T>(load: () => Promise<T[]>): () => Promise<Omit<TableAnswer<T>, 'total'>> {
  return async () => {
    try {
      return { data: await load(), success: true };
    } catch (e) {
      message.error(errorMessage(e));
      return { data: [], success: false };
    }
  };
}
