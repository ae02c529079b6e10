import { useListPage } from '../../hooks/useListPage';
import { Text, View } from '@tarojs/components';
import { GrantAction, ModuleKey, ReceivedNoticeItem, SentNoticeMessage } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../api';
import { PagedListView } from '../../components/PagedListView';
import { SearchBox } from '../../components/SearchBox';
import { SegmentTabs } from '../../components/SegmentTabs';
import { usePagedList } from '../../hooks/usePagedList';
import { formatDateTime } from '../../logic/format';
import { holds } from '../../logic/home-modules';
import { ROUTES } from '../../routes';
import { modulesOf, useSession } from '../../session';
import { go } from '../../utils/navigation';
import { Button } from '../../ui/button';
import { Tag } from '../../ui/tag';

type Tab = 'sent' | 'received';

/** 通知发布 (chapter 15): 部门已发消息 (with 显示催办 and statistics) and 我接收的消息. */
export default function Notices() {
  const { me } = useSession();
  const [tab, setTab] = useState<Tab>('sent');
  const [urgeOnly, setUrgeOnly] = useState(false);
  const [search, setSearch] = useState('');
  const sent = usePagedList((page, pageSize) => api.notices.sent({ urgeOnly: urgeOnly || undefined, search: search || undefined, page, pageSize }), [urgeOnly, search], { enabled: tab === 'sent' });
  const received = usePagedList((page, pageSize) => api.notices.received({ page, pageSize }), [], { enabled: tab === 'received' });
  const list = tab === 'sent' ? sent : received;
  useListPage(list, { refreshOnReturn: true });
  const canPublish = holds(modulesOf(me), ModuleKey.NOTICES, GrantAction.OPERATE);

  return (
    <View className="page page--list" id="notices">
      <SegmentTabs
        id="notices-tabs"
        tabs={[
          { value: 'sent', label: '部门已发消息' },
          { value: 'received', label: '我接收的消息' },
        ]}
        value={tab}
        onChange={setTab}
      />
      {tab === 'sent' ? (
        <>
          <View className="shortcuts">
            {canPublish && (
              <View className="shortcut" id="notices-publish" onClick={() => go(ROUTES.noticePublish)}>
                <Text>发布通知</Text>
              </View>
            )}
            <View className="shortcut" id="notices-statistics" onClick={() => go(ROUTES.noticeStatistics)}>
              <Text>查看全部统计</Text>
            </View>
          </View>
          <SearchBox id="notices-search" placeholder="通知标题" onSearch={setSearch} />
          <View id="notices-urge-only" className={`choice-row${urgeOnly ? ' choice-row--active' : ''}`} onClick={() => setUrgeOnly((v) => !v)}>
            <Text>{urgeOnly ? '☑' : '☐'}</Text>
            <Text className="choice-row__text">显示催办</Text>
          </View>
          <PagedListView list={sent} id="notices-sent" emptyText={urgeOnly ? '暂无催办消息' : '本部门暂未发布通知'} renderItem={(m) => <SentRow key={m.campaignId} message={m} />} />
        </>
      ) : (
        <>
          <Button id="notices-read-all" size="small" fill="outline" onClick={() => void api.notices.markAllRead().then(() => received.refresh())}>
            全部标为已读
          </Button>
          <PagedListView list={received} id="notices-received" emptyText="暂无接收的消息" renderItem={(n) => <ReceivedRow key={n.id} notice={n} />} />
        </>
      )}
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

function ReceivedRow({ notice }: { notice: ReceivedNoticeItem }) {
  return (
    <View className="card case-card" id={`received-${notice.id}`} onClick={() => go(ROUTES.receivedNotice, { id: notice.id })}>
      <View className="case-card__head">
        <Text className="case-card__type">{notice.noticeTypeName}</Text>
        <Tag type={notice.readAt ? 'default' : 'danger'}>{notice.readAt ? '已读' : '未读'}</Tag>
      </View>
      <Text className="case-card__title">{notice.title}</Text>
      <Text className="muted">
        {notice.senderUnit} · {notice.senderName} · {formatDateTime(notice.createdAt)}
      </Text>
      {notice.lastUrgedAt && <Text className="muted">最近催办：{formatDateTime(notice.lastUrgedAt)}</Text>}
    </View>
  );
}
