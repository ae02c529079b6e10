import { useListPage } from '../../hooks/useListPage';
import { Text, View } from '@tarojs/components';
import { GrantAction, ModuleKey, SentNoticeMessage } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../api';
import { PagedListView } from '../../components/PagedListView';
import { SearchBox } from '../../components/SearchBox';
import { usePagedList } from '../../hooks/usePagedList';
import { formatDateTime } from '../../logic/format';
import { holds } from '../../logic/home-modules';
import { ROUTES } from '../../routes';
import { modulesOf, useSession } from '../../session';
import { go } from '../../utils/navigation';
import { Tag } from '../../ui/tag';

/**
 * 通知发布 (chapter 15): 部门已发消息, with 显示催办 and statistics. The notices this account
 * receives are in 我的消息 (with 催办 and tasks, one place for everything received), linked here.
 */
export default function Notices() {
  const { me } = useSession();
  const [urgeOnly, setUrgeOnly] = useState(false);
  const [search, setSearch] = useState('');
  const sent = usePagedList((page, pageSize) => api.notices.sent({ urgeOnly: urgeOnly || undefined, search: search || undefined, page, pageSize }), [urgeOnly, search]);
  useListPage(sent, { refreshOnReturn: true });
  const canPublish = holds(modulesOf(me), ModuleKey.NOTICES, GrantAction.OPERATE);

  return (
    <View className="page page--list" id="notices">
      <View className="shortcuts">
        {canPublish && (
          <View className="shortcut" id="notices-publish" onClick={() => go(ROUTES.noticePublish)}>
            <Text>发布通知</Text>
          </View>
        )}
        <View className="shortcut" id="notices-statistics" onClick={() => go(ROUTES.noticeStatistics)}>
          <Text>查看全部统计</Text>
        </View>
        <View className="shortcut" id="notices-received" onClick={() => go(ROUTES.messages)}>
          <Text>我接收的消息</Text>
        </View>
      </View>
      <SearchBox id="notices-search" placeholder="通知标题" onSearch={setSearch} />
      <View id="notices-urge-only" className={`choice-row${urgeOnly ? ' choice-row--active' : ''}`} onClick={() => setUrgeOnly((v) => !v)}>
        <Text>{urgeOnly ? '☑' : '☐'}</Text>
        <Text className="choice-row__text">显示催办</Text>
      </View>
      <PagedListView list={sent} id="notices-sent" emptyText={urgeOnly ? '暂无催办消息' : '本部门暂未发布通知'} renderItem={(m) => <SentRow key={m.campaignId} message={m} />} />
    </View>
  );
}

function SentRow({ message }: { message: SentNoticeMessage }) {
  return (
    <View className="card case-card" id={`sent-${message.campaignId}`} onClick={() => go(ROUTES.noticeDetail, { id: message.noticeId })}>
      <View className="case-card__head">
        <Text className="case-card__type">{message.noticeTypeName}</Text>
        <Tag type={message.kind === 'URGE' ? 'warning' : 'primary'}>{message.kind === 'URGE' ? '催办' : '通知'}</Tag>
      </View>
      <Text className="case-card__title">{message.title}</Text>
      <Text className="muted">
        接收 {message.recipients} 人 · 已读 {message.read} · 未读 {message.unread}
      </Text>
      <Text className="muted">
        {message.senderName ?? ''} · {formatDateTime(message.createdAt)}
      </Text>
    </View>
  );
}
