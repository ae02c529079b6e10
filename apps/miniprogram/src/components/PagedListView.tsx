import { Text, View } from '@tarojs/components';
import { ReactNode } from 'react';
import { PagedList } from '../hooks/usePagedList';
import { listFooter, listView } from '../logic/paged-list';
import { Button } from '../ui/button';
import { Empty } from '../ui/empty';
import { Loading } from '../ui/loading';
import { EmptyArt } from './EmptyArt';

interface Props<T> {
  list: PagedList<T>;
  /** test id prefix: `${id}-loading`, `${id}-empty`, `${id}-error`, `${id}-retry`, `${id}-end` */
  id: string;
  renderItem: (item: T, index: number) => ReactNode;
  emptyText?: string;
  emptyHint?: string;
}

/** Every list's four states (loading, error with retry, empty, rows) and its paging footer. */
export function PagedListView<T>({ list, id, renderItem, emptyText = '暂无数据', emptyHint }: Props<T>) {
  const view = listView(list.state);
  if (view === 'loading') {
    return (
      <View className="state-box" id={`${id}-loading`}>
        <Loading type="spinner">加载中…</Loading>
      </View>
    );
  }
  if (view === 'error') {
    return (
      <View className="state-box" id={`${id}-error`}>
        <Empty status="error" image={<EmptyArt text="!" />} title={list.state.retryable ? '加载失败' : '无法查看'} description={list.state.error ?? ''} />
        {list.state.retryable && (
          <Button id={`${id}-retry`} type="primary" fill="outline" onClick={() => void list.retry()}>
            重新加载
          </Button>
        )}
      </View>
    );
  }
  if (view === 'empty') {
    return (
      <View className="state-box" id={`${id}-empty`}>
        <Empty status="empty" image={<EmptyArt text="空" />} title={emptyText} description={emptyHint} />
      </View>
    );
  }
  const footer = listFooter(list.state);
  return (
    <View id={id} className="list">
      {list.state.items.map((item, index) => renderItem(item, index))}
      <View className="list-footer">
        {footer === 'loading-more' && <Loading type="spinner">加载中…</Loading>}
        {footer === 'error' && (
          <View id={`${id}-more-error`} className="list-footer__error" onClick={() => void list.retry()}>
            <Text>{list.state.error}，点击重试</Text>
          </View>
        )}
        {footer === 'more' && (
          <View id={`${id}-more`} onClick={() => void list.loadMore()}>
            <Text>上拉或点击加载更多（共{list.state.total}条）</Text>
          </View>
        )}
        {footer === 'end' && (
          <Text id={`${id}-end`}>共{list.state.total}条，已全部加载</Text>
        )}
      </View>
    </View>
  );
}
