import { PageContainer, ProCard, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import {
  ModuleKey,
  NOTICE_AUDIENCE_LABELS,
  NoticeAudience,
  rate,
  urgeSummary,
  type NoticeDetail,
  type NoticeRecipientItem,
  type NoticeUrgeItem,
  type RegionNode,
} from '@szpm/contract';
import { Button, Col, Descriptions, message, Popconfirm, Result, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, errorMessage } from '../../api';
import { canOperate, readRingOption, readSummary } from '../../logic/notices';
import { useSession } from '../../session';
import { downloadFile } from '../../transfer';
import { LIST_TABLE_DEFAULTS, pagedRequest } from '../../list-table';

const NoticeChart = lazy(() => import('./NoticeChart'));

type ReadTab = 'all' | 'read' | 'unread';
const READ_TABS: Array<{ key: ReadTab; label: string }> = [
  { key: 'all', label: '全部接收人' },
  { key: 'read', label: '已读' },
  { key: 'unread', label: '未读' },
];

const time = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '-');

/** The names of the regions a notice was sent to, from the region tree of the account's scope. */
function regionNames(regions: readonly RegionNode[]): Map<number, string> {
  const names = new Map<number, string>();
  const walk = (nodes: readonly RegionNode[]) => nodes.forEach((n) => (names.set(n.id, n.name), walk(n.children ?? [])));
  walk(regions);
  return names;
}

/** 通知详情 (sender's side): the notice, its read statistics with a chart, who has and has not read, 催办. */
export default function NoticeDetailPage() {
  const id = Number(useParams().id);
  const { me } = useSession();
  const [notice, setNotice] = useState<NoticeDetail | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [regions, setRegions] = useState<RegionNode[]>([]);
  const [tab, setTab] = useState<ReadTab>('all');
  const [urging, setUrging] = useState(false);
  const recipients = useRef<ActionType>();

  const load = useCallback(() => api.notices.detail(id).then(setNotice, (e) => setFailure(errorMessage(e))), [id]);
  useEffect(() => {
    void load();
    api.regions.tree().then(setRegions, () => setRegions([]));
  }, [load]);
  const names = useMemo(() => regionNames(regions), [regions]);

  if (failure) return <Result status="warning" title="无法打开通知" subTitle={failure} />;
  if (!notice) return <Skeleton active style={{ padding: 24 }} />;

  const urge = async () => {
    setUrging(true);
    try {
      const result = await api.notices.urge(id);
      message.success(urgeSummary(result));
      await load();
      recipients.current?.reload();
    } catch (e) {
      // e.g. NOTIFICATIONS_NOTHING_TO_URGE: the api's own words
      message.error(errorMessage(e));
    } finally {
      setUrging(false);
    }
  };

  const { target } = notice;
  const scope = [
    ...target.districtIds.map((d) => names.get(d) ?? `行政区${d}`),
    ...target.streetIds.map((s) => names.get(s) ?? `街道${s}`),
    ...target.communityIds.map((c) => names.get(c) ?? `社区${c}`),
    ...(target.propertyAreaIds.length ? [`指定物业项目 ${target.propertyAreaIds.length} 个`] : []),
  ];

  const columns: ProColumns<NoticeRecipientItem>[] = [
    { title: '姓名或单位', dataIndex: 'search', hideInTable: true, fieldProps: { placeholder: '接收人姓名或单位包含' } },
    {
      title: '接收对象',
      dataIndex: 'audience',
      valueType: 'select',
      valueEnum: Object.fromEntries(notice.audiences.map((a) => [a, { text: NOTICE_AUDIENCE_LABELS[a] }])),
      render: (_, row) => row.audienceLabel,
      width: 120,
    },
    { title: '接收人', dataIndex: 'name', search: false, width: 120 },
    { title: '单位', dataIndex: 'unitName', search: false, width: 280, ellipsis: true },
    { title: '阅读状态', key: 'readAt', search: false, width: 100, render: (_, row) => (row.readAt ? <Tag color="success">已读</Tag> : <Tag color="error">未读</Tag>) },
    { title: '阅读时间', dataIndex: 'readAt', search: false, width: 160, render: (_, row) => time(row.readAt) },
    { title: '被催办次数', dataIndex: 'urgeCount', search: false, width: 110, align: 'right' },
    { title: '最近催办', dataIndex: 'lastUrgedAt', search: false, width: 160, render: (_, row) => time(row.lastUrgedAt) },
  ];

  const urgeColumns = [
    { title: '催办时间', dataIndex: 'createdAt', render: (v: string) => time(v) },
    { title: '催办人', dataIndex: 'senderName', render: (v: string | null) => v ?? '-' },
    { title: '催办人数', dataIndex: 'recipients' },
    { title: '已读', dataIndex: 'read' },
    { title: '未读', dataIndex: 'unread' },
  ];

  return (
    <PageContainer
      title={notice.title}
      extra={
        canOperate(me?.modules, ModuleKey.NOTICES) && (
          <Popconfirm
            title="催办未读接收人"
            description={`将提醒 ${notice.unread} 位尚未阅读的接收人（同一接收人24小时内只催办一次），确认催办？`}
            okText="催办"
            cancelText="取消"
            onConfirm={() => void urge()}
          >
            <Button type="primary" loading={urging}>
              催办
            </Button>
          </Popconfirm>
        )
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <ProCard title="阅读统计" bordered>
          <Row gutter={24} align="middle">
            <Col xs={24} lg={12}>
              <Row gutter={16} data-testid="notice-read-stats">
                <Col span={6}>
                  <Statistic title="接收人数" value={notice.recipients} />
                </Col>
                <Col span={6}>
                  <Statistic title="已读" value={notice.read} valueStyle={{ color: '#237804' }} />
                </Col>
                <Col span={6}>
                  <Statistic title="未读" value={notice.unread} valueStyle={{ color: '#d4380d' }} />
                </Col>
                <Col span={6}>
                  <Statistic title="阅读率" value={rate(notice.read, notice.recipients)} suffix="%" />
                </Col>
              </Row>
            </Col>
            <Col xs={24} lg={12}>
              <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 300 }} />}>
                <NoticeChart option={readRingOption(notice)} label={`阅读情况：${readSummary(notice)}`} />
              </Suspense>
            </Col>
          </Row>
        </ProCard>

        <ProCard title="通知内容" bordered>
          <Descriptions column={{ xs: 1, lg: 3 }} bordered size="small">
            <Descriptions.Item label="通知类型">{notice.noticeTypeName}</Descriptions.Item>
            <Descriptions.Item label="发送人">{notice.senderName}</Descriptions.Item>
            <Descriptions.Item label="发送时间">{time(notice.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="接收对象">{notice.audiences.map((a) => NOTICE_AUDIENCE_LABELS[a as NoticeAudience]).join('、')}</Descriptions.Item>
            <Descriptions.Item label="发送范围" span={2}>
              {scope.length ? scope.join('、') : '全部物业项目'}
            </Descriptions.Item>
            <Descriptions.Item label="通知内容" span={3}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{notice.content}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label="附件" span={3}>
              {notice.attachments.length
                ? notice.attachments.map((a) => (
                    <Button key={a.id} type="link" size="small" onClick={() => void downloadFile(api.notices.attachmentPath(id, a.id), {}, a.fileName).catch((e) => message.error(errorMessage(e)))}>
                      {a.fileName}
                    </Button>
                  ))
                : '无'}
            </Descriptions.Item>
          </Descriptions>
        </ProCard>

        <ProTable<NoticeRecipientItem, { search?: string; audience?: NoticeAudience; tab: ReadTab }>
          headerTitle="接收人阅读情况"
          actionRef={recipients}
          rowKey="accountId"
          columns={columns}
          params={{ tab }}
          {...LIST_TABLE_DEFAULTS}
          search={{ ...LIST_TABLE_DEFAULTS.search, defaultCollapsed: false }}
          toolbar={{ menu: { type: 'tab', activeKey: tab, items: READ_TABS, onChange: (key) => setTab(key as ReadTab) } }}
          request={pagedRequest(async ({ current, pageSize, search, audience }) => {
            return api.notices.recipients(id, { page: current, pageSize, search: search || undefined, audience: audience || undefined, read: tab === 'all' ? undefined : tab === 'read' });
          })}
        />

        <ProCard title="催办记录" bordered>
          <Table<NoticeUrgeItem> rowKey="campaignId" size="small" columns={urgeColumns} dataSource={notice.urges} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: '尚未催办' }} />
        </ProCard>
      </Space>
    </PageContainer>
  );
}
