import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { NOTICE_AUDIENCE_LABELS, NoticeAudience } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../../api';
import { RateBar } from '../../../components/charts/RateBar';
import { RingChart } from '../../../components/charts/RingChart';
import { Section } from '../../../components/InfoRows';
import { LoadState } from '../../../components/LoadState';
import { PagedListView } from '../../../components/PagedListView';
import { SearchBox } from '../../../components/SearchBox';
import { SegmentTabs } from '../../../components/SegmentTabs';
import { usePagedList } from '../../../hooks/usePagedList';
import { useLoader } from '../../../hooks/useLoader';
import { CHART_COLORS } from '../../../logic/chart';
import { percentOf } from '../../../logic/format';

type AudienceFilter = 'all' | NoticeAudience.PROJECT_MANAGER | NoticeAudience.COMMITTEE_CHAIR;

/** 查看全部统计: totals by audience; per recipient, chosen by 统计对象 or searched (查看对象). */
export default function NoticeStatistics() {
  const summary = useLoader(() => api.notices.statistics({}), []);
  const [audience, setAudience] = useState<AudienceFilter>('all');
  const [search, setSearch] = useState('');
  const recipients = usePagedList(
    (page, pageSize) => api.notices.recipientStatistics({ audience: audience === 'all' ? undefined : audience, search: search || undefined, page, pageSize }),
    [audience, search],
  );
  usePullDownRefresh(() => void Promise.all([summary.reload(), recipients.refresh()]).finally(() => Taro.stopPullDownRefresh()));
  useReachBottom(() => void recipients.loadMore());

  return (
    <View className="page" id="notice-statistics">
      <LoadState loaded={summary} id="notice-summary">
        {(s) => (
          <Section title="总体情况" id="notice-summary-totals">
            <View className="stats-grid">
              {[
                ['通知', s.notices],
                ['催办', s.urges],
                ['接收人次', s.messages],
                ['已读', s.read],
                ['未读', s.unread],
              ].map(([label, value]) => (
                <View className="stat" key={label}>
                  <Text className="stat__value">{value}</Text>
                  <Text className="stat__label">{label}</Text>
                </View>
              ))}
            </View>
            <RingChart
              id="notice-read-ring"
              centerText={percentOf(s.read, s.messages) === null ? '暂无' : `${percentOf(s.read, s.messages)}%`}
              centerLabel="已读率"
              emptyText="尚未发送通知"
              segments={[
                { label: '已读', value: s.read, color: CHART_COLORS.done },
                { label: '未读', value: s.unread, color: CHART_COLORS.pending },
              ]}
            />
            {s.byAudience.map((a) => (
              <RateBar key={a.audience} id={`notice-read-rate-${a.audience}`} label={`${a.audienceLabel}已读率`} part={a.read} whole={a.recipients} detail={`接收 ${a.recipients} 人次，已读 ${a.read}，未读 ${a.unread}`} />
            ))}
          </Section>
        )}
      </LoadState>
      <Section title="按接收人统计">
        <SegmentTabs
          id="notice-statistics-audience"
          tabs={[
            { value: 'all', label: '全部对象' },
            { value: NoticeAudience.PROJECT_MANAGER, label: NOTICE_AUDIENCE_LABELS[NoticeAudience.PROJECT_MANAGER] },
            { value: NoticeAudience.COMMITTEE_CHAIR, label: NOTICE_AUDIENCE_LABELS[NoticeAudience.COMMITTEE_CHAIR] },
          ]}
          value={audience}
          onChange={setAudience}
        />
        <SearchBox id="notice-statistics-search" placeholder="姓名或单位" onSearch={setSearch} />
        <PagedListView
          list={recipients}
          id="notice-statistics-list"
          emptyText={search || audience !== 'all' ? '没有符合条件的接收人' : '暂无接收人'}
          emptyHint={search || audience !== 'all' ? '换个姓名或单位，或选择全部对象' : '发布通知后，这里按接收人统计已读和未读'}
          renderItem={(r) => (
            <View key={`${r.accountId}-${r.audience}`} className="info-row" id={`recipient-stats-${r.accountId}`}>
              <View className="staff-row__text">
                <Text className="staff-row__name">
                  {r.name}（{r.audienceLabel}）
                </Text>
                <Text className="muted">{r.unitName}</Text>
                <Text className="muted">
                  收到 {r.received} · 已读 {r.read} · 未读 {r.unread} · 被催办 {r.urged}
                </Text>
              </View>
            </View>
          )}
        />
      </Section>
    </View>
  );
}
