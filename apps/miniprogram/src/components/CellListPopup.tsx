import { ScrollView } from '@tarojs/components';
import { Page } from '@szpm/contract';
import { ReactNode } from 'react';
import { usePagedList } from '../hooks/usePagedList';
import { Popup } from '../ui/popup';
import { PagedListView } from './PagedListView';
import './stats.scss';

/** The number tapped: a title (园岭街道 · 未提交) and the pages of the rows behind it. */
export interface OpenedCell<T> {
  title: string;
  fetchPage: (page: number, pageSize: number) => Promise<Page<T>>;
}

interface Props<T> {
  /** the list's ids are PagedListView's with this prefix */
  id: string;
  cell: OpenedCell<T> | null;
  onClose: () => void;
  renderItem: (item: T) => ReactNode;
  emptyText?: string;
}

/** The rows behind a number of a statistics table, paged in a bottom sheet over the table. */
export function CellListPopup<T>({ id, cell, onClose, renderItem, emptyText = '没有符合条件的记录' }: Props<T>) {
  const list = usePagedList<T>((page, pageSize) => (cell ? cell.fetchPage(page, pageSize) : Promise.resolve({ items: [], total: 0, page, pageSize })), [cell], { enabled: cell !== null });
  return (
    <Popup visible={cell !== null} position="bottom" round title={cell?.title} closeable onClose={onClose}>
      <ScrollView scrollY className="sheet cell-sheet" onScrollToLower={() => void list.loadMore()}>
        {cell && <PagedListView list={list} id={id} emptyText={emptyText} renderItem={renderItem} />}
      </ScrollView>
    </Popup>
  );
}
