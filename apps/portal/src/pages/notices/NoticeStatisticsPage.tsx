import { PageContainer, ProCard, ProTable, type ProColumns } from '@ant-design/pro-components';
import { NOTICE_AUDIENCE_LABELS, NoticeAudience, rate, type NoticeRecipientStats, type NoticeStatisticsSummary, type NoticeTypeView } from '@szpm/contract';
import { Col, message, Row, Skeleton, Space, Statistic } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { api, errorMessage } from '../../api';
import { audienceBarsOption } from '../../logic/notices';
import { LIST_TABLE_DEFAULTS } from '../../list-table';

const NoticeChart = lazy(() => import('./NoticeChart'));

interface StatisticsFilters {
  noticeTypeId?: number;
  period?: [string, string];
  audience?: NoticeAudience;
  search?: string;
}

/** 查看全部统计: notices, 催办, messages, read and unread of the scope, by 接收对象 and per recipient. */
export default function NoticeStatisticsPage() {
  const [types, setTypes] = useState<NoticeTypeView[]>([]);
  const [summary, setSummary] = useState<NoticeStatisticsSummary | null>(null);
  useEffect(() => {
    api.notices.types({ includeDisabled: true }).then(setTypes, (e) => message.error(errorMessage(e)));
  }, []);
  const typeOptions = useMemo(() => Object.fromEntries(types.map((t) => [t.id, { text: t.name }])), [types]);

  const columns: ProColumns<NoticeRecipientStats>[] = [
    { title: '通知类型', dataIndex: 'noticeTypeId', valueType: 'select', valueEnum: typeOptions, hideInTable: true },
    { title: '发布日期', dataIndex: 'period', valueType: 'dateRange', hideInTable: true },
    { title: '统计对象', dataIndex: 'audience', valueType: 'select', valueEnum: Object.fromEntries(Object.values(NoticeAudience).map((a) => [a, { text: NOTICE_AUDIENCE_LABELS[a] }])), hideInTable: true },
    { title: '查看对象', dataIndex: 'search', hideInTable: true, fieldProps: { placeholder: '姓名或单位包含' } },
    { title: '接收人', dataIndex: 'name', search: false, width: 120 },
    { title: '接收对象', dataIndex: 'audienceLabel', search: false, width: 120 },
    { title: '单位', dataIndex: 'unitName', search: false, width: 280, ellipsis: true },
    { title: '收到通知', dataIndex: 'received', search: false, width: 100, align: 'right' },
    { title: '已读', dataIndex: 'read', search: false, width: 80, align: 'right' },
    { title: '未读', dataIndex: 'unread', search: false, width: 80, align: 'right' },
    { title: '阅读率', key: 'rate', search: false, width: 90, align: 'right', render: (_, row) => `${rate(row.read, row.received)}%` },
    { title: '被催办', dataIndex: 'urged', search: false, width: 90, align: 'right' },
  ];

  return (
    <PageContainer title="通知统计">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <ProCard title="总体情况" bordered>
          {summary ? (
            <Row gutter={24} align="middle">
              <Col xs={24} lg={12}>
                <Row gutter={[16, 16]} data-testid="notice-summary">
                  <Col span={8}>
                    <Statistic title="通知数" value={summary.notices} />
                  </Col>
                  <Col span={8}>
                    <Statistic title="催办数" value={summary.urges} />
                  </Col>
                  <Col span={8}>
                    <Statistic title="接收人次" value={summary.messages} />
                  </Col>
                  <Col span={8}>
                    <Statistic title="已读" value={summary.read} valueStyle={{ color: '#237804' }} />
                  </Col>
                  <Col span={8}>
                    <Statistic title="未读" value={summary.unread} valueStyle={{ color: '#d4380d' }} />
                  </Col>
                  <Col span={8}>
                    <Statistic title="阅读率" value={rate(summary.read, summary.messages)} suffix="%" />
                  </Col>
                </Row>
              </Col>
              <Col xs={24} lg={12}>
                <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 300 }} />}>
                  <NoticeChart
                    option={audienceBarsOption(summary.byAudience)}
                    label={`按接收对象：${summary.byAudience.map((a) => `${a.audienceLabel}已读${a.read}、未读${a.unread}`).join('；')}`}
                  />
                </Suspense>
              </Col>
            </Row>
          ) : (
            <Skeleton active />
          )}
        </ProCard>
        <ProTable<NoticeRecipientStats, StatisticsFilters>
          headerTitle="按接收人统计"
          rowKey="accountId"
          columns={columns}
          {...LIST_TABLE_DEFAULTS}
          search={{ ...LIST_TABLE_DEFAULTS.search, defaultCollapsed: false }}
          request={async ({ current, pageSize, noticeTypeId, period, audience, search }) => {
            const filter = { noticeTypeId: noticeTypeId ? Number(noticeTypeId) : undefined, from: period?.[0] || undefined, to: period?.[1] || undefined };
            try {
              const [totals, page] = await Promise.all([
                api.notices.statistics(filter),
                api.notices.recipientStatistics({ ...filter, page: current, pageSize, audience: audience || undefined, search: search || undefined }),
              ]);
              setSummary(totals);
              return { data: page.items, total: page.total, success: true };
            } catch (e) {
              message.error(errorMessage(e));
              return { data: [], total: 0, success: false };
            }
          }}
        />
      </Space>
    </PageContainer>
  );
}
