import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { GrantAction, ModuleKey, NoticeDetail, NOTICE_AUDIENCE_LABELS, urgeSummary } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../../api';
import { InfoRows, Section } from '../../../components/InfoRows';
import { LoadState } from '../../../components/LoadState';
import { PagedListView } from '../../../components/PagedListView';
import { SegmentTabs } from '../../../components/SegmentTabs';
import { UrgeButton } from '../../../components/UrgeButton';
import { usePagedList } from '../../../hooks/usePagedList';
import { useLoader } from '../../../hooks/useLoader';
import { formatDateTime } from '../../../logic/format';
import { holds } from '../../../logic/home-modules';
import { modulesOf, useSession } from '../../../session';
import { intParam } from '../../../utils/navigation';
import { Tag } from '../../../ui/tag';

type ReadFilter = 'all' | 'unread' | 'read';

/** 通知详情: content, read statistics, recipients (已读 / 未读), 催办 of the unread. */
export default function NoticeDetailPage() {
  const { params } = useRouter();
  const id = intParam(params, 'id');
  const loaded = useLoader(() => (id === null ? Promise.reject(new Error('通知编号不正确')) : api.notices.detail(id)), [id]);
  const [filter, setFilter] = useState<ReadFilter>('all');
  const recipients = usePagedList(
    (page, pageSize) => api.notices.recipients(id ?? 0, { read: filter === 'all' ? undefined : filter === 'read', page, pageSize }),
    [id, filter],
    { enabled: id !== null },
  );
  usePullDownRefresh(() => void Promise.all([loaded.reload(), recipients.refresh()]).finally(() => Taro.stopPullDownRefresh()));
  useReachBottom(() => void recipients.loadMore());

  return (
    <View className="page" id="notice-detail">
      <LoadState loaded={loaded} id="notice">
        {(notice) => (
          <>
            <NoticeInfo notice={notice} onUrged={() => void Promise.all([loaded.reload(), recipients.refresh()])} />
            <Section title="接收人阅读情况">
              <SegmentTabs
                id="notice-recipients-filter"
                tabs={[
                  { value: 'all', label: `全部 ${notice.recipients}` },
                  { value: 'unread', label: `未读 ${notice.unread}` },
                  { value: 'read', label: `已读 ${notice.read}` },
                ]}
                value={filter}
                onChange={setFilter}
              />
              <PagedListView
                list={recipients}
                id="notice-recipients"
                emptyText="没有符合条件的接收人"
                renderItem={(r) => (
                  <View key={r.accountId} className="staff-row info-row" id={`recipient-${r.accountId}`}>
                    <View className="staff-row__text">
                      <Text className="staff-row__name">
                        {r.name}（{r.audienceLabel}）
                      </Text>
                      <Text className="muted">{r.unitName}</Text>
                      {r.urgeCount > 0 && <Text className="muted">已催办 {r.urgeCount} 次</Text>}
                    </View>
                    <Tag type={r.readAt ? 'success' : 'danger'}>{r.readAt ? `已读 ${formatDateTime(r.readAt)}` : '未读'}</Tag>
                  </View>
                )}
              />
            </Section>
          </>
        )}
      </LoadState>
    </View>
  );
}

function NoticeInfo({ notice, onUrged }: { notice: NoticeDetail; onUrged: () => void }) {
  const { me } = useSession();
  const canUrge = holds(modulesOf(me), ModuleKey.NOTICES, GrantAction.OPERATE) && notice.unread > 0;
  return (
    <>
      <Section title={notice.title} id="notice-info">
        <InfoRows
          rows={[
            { label: '通知类型', value: notice.noticeTypeName },
            { label: '接收对象', value: notice.audiences.map((a) => NOTICE_AUDIENCE_LABELS[a]).join('、') },
            { label: '发布人', value: notice.senderName },
            { label: '发布时间', value: formatDateTime(notice.createdAt) },
            { label: '通知内容', value: notice.content },
            { label: '附件', value: notice.attachments.length ? notice.attachments.map((a) => a.fileName).join('、') : '无' },
          ]}
        />
      </Section>
      <Section title="阅读统计" id="notice-stats">
        <View className="stats-grid">
          <View className="stat">
            <Text className="stat__value" id="notice-stat-recipients">
              {notice.recipients}
            </Text>
            <Text className="stat__label">接收人数</Text>
          </View>
          <View className="stat">
            <Text className="stat__value" id="notice-stat-read">
              {notice.read}
            </Text>
            <Text className="stat__label">已读</Text>
          </View>
          <View className="stat">
            <Text className="stat__value" id="notice-stat-unread">
              {notice.unread}
            </Text>
            <Text className="stat__label">未读</Text>
          </View>
        </View>
        {notice.urges.length > 0 && (
          <View className="form-row">
            {notice.urges.map((u) => (
              <Text key={u.campaignId} className="muted">
                {formatDateTime(u.createdAt)} 催办 {u.recipients} 人，已读 {u.read}
              </Text>
            ))}
          </View>
        )}
        {canUrge && (
          <UrgeButton
            id="notice-urge"
            type="primary"
            fill="outline"
            block
            action="催办"
            question={`向 ${notice.unread} 位未读的接收人发送催办提醒？同一接收人24小时内只催办一次。`}
            urge={() => api.notices.urge(notice.id)}
            summary={urgeSummary}
            nothingLeftText="所有接收人均已阅读，无需催办"
            onDone={onUrged}
          >
            催办未读
          </UrgeButton>
        )}
      </Section>
    </>
  );
}
