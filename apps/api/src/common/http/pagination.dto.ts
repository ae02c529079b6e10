import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Page } from '@szpm/contract';
import { IntegerQuery } from '../validation/query-decorators';

/** The last page a list can be asked for: bounds the offset (page × pageSize) well inside the safe integers. */
export const MAX_PAGE = 1_000_000;

/** `page` and `pageSize` of every list; pageSize is capped at MAX_PAGE_SIZE. */
export class PageQueryDto {
  @IntegerQuery({ min: 1, max: MAX_PAGE, default: 1 })
  page?: number;

  @IntegerQuery({ min: 1, max: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  pageSize?: number;
}

export interface PageWindow {
  page: number;
  pageSize: number;
  skip: number;
  take: number;
}

export function pageWindow(query: PageQueryDto): PageWindow {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  return { page, pageSize, skip: (page - 1) * pageSize, take: pageSize };
}

export function toPage<T>(items: T[], total: number, window: PageWindow): Page<T> {
  return { items, total, page: window.page, pageSize: window.pageSize };
}
