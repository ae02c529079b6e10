import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { InboxMessage } from '@szpm/contract';
import { api, errorMessage } from '../../api';
import { HomeLink } from '../../components/HomeLink';
import { PagedListView } from '../../components/PagedListView';
import { useListPage } from '../../hooks/useListPage';
import { usePagedList } from '../../hooks/usePagedList';
import { formatDateTime } from '../../logic/format';
import { inboxRow } from '../../logic/inbox';
import { Button } from '../../ui/button';
import { Tag } from '../../ui/tag';

/**
 * 我的消息: every account's in-app messages (notices, 催办, inspection tasks, objection replies),
 * newest first. Opening one marks it read and goes to the page its link names.
 */
export default function Messages() {
  const list = usePagedList((page, pageSize) => api.inbox.list({ page, pageSize }), []);
  useListPage(list, { refreshOnReturn: true });

  const open = async (message: InboxMessage) => {
    const row = inboxRow(message);
    try {
      if (row.unread) await api.inbox.markRead(message.id);
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' });
      return;
    }
    if (row.target) await Taro.navigateTo({ url: row.target });
    else await list.refresh();
  };

  const readAll = async () => {
    try {
      const { marked } = await api.inbox.markAllRead();
      void Taro.showToast({ title: marked > 0 ? `已将 ${marked} 条消息标为已读` : '没有未读消息', icon: 'none' });
      await list.refresh();
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' });
    }
  };

  return (
    <View className="page page--list" id="messages">
      <HomeLink />
      <View className="actions actions--inline">
        <Button id="messages-read-all" fill="outline" onClick={() => void readAll()}>
          全部标为已读
        </Button>
      </View>
      <PagedListView
        list={list}
        id="messages-list"
        emptyText="暂无消息"
        emptyHint="区住房建设部门发布的通知、催办和安全检查任务会出现在这里"
        renderItem={(message) => <MessageRow key={message.id} message={message} onOpen={() => void open(message)} />}
      />
    </View>
  );
}

function MessageRow({ message, onOpen }: { message: InboxMessage; onOpen: () => void }) {
  const row = inboxRow(message);
  return (
    <View className={`card case-card${row.unread ? ' message--unread' : ''}`} id={`message-${message.id}`} onClick={onOpen}>
      <View className="case-card__head">
        <Text className="case-card__type">{row.kindLabel}</Text>
        <Tag type={row.unread ? 'danger' : 'default'}>{row.unread ? '未读' : '已读'}</Tag>
      </View>
      <Text className="case-card__title">{message.title}</Text>
      <Text className="message__content">{message.content}</Text>
      <Text className="muted">
        {message.senderName ? `${message.senderName} · ` : ''}
        {formatDateTime(message.createdAt)}
      </Text>
    </View>
  );
}
