import { DownloadOutlined } from '@ant-design/icons';
import { PageContainer, ProCard, ProTable, type ProColumns } from '@ant-design/pro-components';
import { DISPUTE_STATS_COLUMNS, DisputeCounter, type DisputeCategoryStatsRow, type DisputeCounts, type DisputeStatsFilter, type DisputeSummary } from '@szpm/contract';
import { Button, DatePicker, Form, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { DrillBreadcrumb, RegionCellModal, RegionStatsTable, useDownload, useDrillTrail, useLoaded, type DrillFilter, type RegionCell, type StatsColumn } from '../../components/RegionStatsTable';
import { pagedRequest } from '../../list-table';
import { dateTime } from './components';
import { disputesApi } from './endpoints';
import { isoDate } from './logic';

const COUNTERS = new Set<string>(Object.values(DisputeCounter));

/** The counters open their cases; 案结事了率 and 平均办理天数 are derived and open nothing. */
const STATS_COLUMNS: StatsColumn<DisputeCounts, DisputeCounter>[] = DISPUTE_STATS_COLUMNS.map((column) => ({
  key: column.key,
  title: column.label,
  width: column.label.length > 4 ? 110 : 72,
  counter: COUNTERS.has(column.key) ? (column.key as DisputeCounter) : undefined,
  text: column.key === 'averageHandlingDays' ? (value: number) => value.toFixed(1) : undefined,
}));

const CASE_COLUMNS: ProColumns<DisputeSummary>[] = [
  { title: '编号', dataIndex: 'businessNo', width: 150, render: (_, row) => <Link to={`/disputes/${row.id}`}>{row.businessNo}</Link> },
  { title: '小区名称', dataIndex: 'propertyAreaName', width: 180 },
  { title: '街道', dataIndex: 'streetName', width: 100 },
  { title: '社区', dataIndex: 'communityName', width: 120 },
  { title: '问题分类', dataIndex: 'categoryName', width: 120 },
  { title: '纠纷简述', dataIndex: 'summary', width: 240, ellipsis: true },
  { title: '状态', dataIndex: 'statusLabel', width: 150 },
  { title: '办理时限', dataIndex: 'deadline', width: 100 },
  { title: '录入时间', dataIndex: 'enteredAt', width: 140, render: (_, row) => dateTime(row.enteredAt) },
  { title: '办结时间', dataIndex: 'closedAt', width: 140, render: (_, row) => dateTime(row.closedAt) },
];

/** The cases behind one number, paged, in a dialog. */
function CellDialog({ filter, cell, onClose }: { filter: DisputeStatsFilter; cell: RegionCell<DisputeCounter> | null; onClose: () => void }) {
  return (
    <RegionCellModal cell={cell} onClose={onClose}>
      {(opened) => (
        <ProTable<DisputeSummary>
          id="dispute-cell-cases"
          rowKey="id"
          columns={CASE_COLUMNS}
          search={false}
          options={false}
          scroll={{ x: 'max-content' }}
          pagination={{ defaultPageSize: 10, showSizeChanger: true }}
          request={pagedRequest(({ current, pageSize }: { current?: number; pageSize?: number }) => disputesApi.statisticsCells({ ...filter, regionId: opened.regionId, counter: opened.counter, page: current, pageSize }))}
        />
      )}
    </RegionCellModal>
  );
}

/**
 * 纠纷统计: per street (drilling down to communities and 小区) 录入, 转办, 办结, 未办结, 超期, 化解 / 疏导,
 * 案结事了 and its rate, 驳回重报次数 and 平均办理天数, every count opening its cases; the same by
 * 问题分类; a 录入日期 range over both, and 导出.
 */
export default function StatisticsPage() {
  const trail = useDrillTrail();
  const [entered, setEntered] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [cell, setCell] = useState<RegionCell<DisputeCounter> | null>(null);
  const filter: DisputeStatsFilter = useMemo(() => ({ ...(trail.filter as DrillFilter), enteredFrom: isoDate(entered?.[0]), enteredTo: isoDate(entered?.[1]) }), [trail.filter, entered]);
  const { data, loading } = useLoaded(() => Promise.all([disputesApi.statistics(filter), disputesApi.categoryStatistics(filter)]), [filter]);
  const [stats, categories] = data ?? [null, null];
  const { busy, download } = useDownload();

  const categoryColumns = [
    { title: '问题分类', dataIndex: 'categoryName', width: 160, fixed: 'left' as const },
    ...STATS_COLUMNS.map((c) => ({ title: c.title, dataIndex: c.key, width: c.width, align: 'right' as const, render: (value: number) => (c.text ? c.text(value) : value) })),
  ];

  return (
    <PageContainer title="纠纷统计">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
          <DrillBreadcrumb trail={trail} />
          <Space wrap>
            <Form.Item label="录入日期" style={{ marginBottom: 0 }}>
              <DatePicker.RangePicker value={entered} onChange={(value) => setEntered(value as [Dayjs | null, Dayjs | null] | null)} allowEmpty={[true, true]} />
            </Form.Item>
            <Button icon={<DownloadOutlined />} loading={busy !== null} onClick={() => void download('statistics', disputesApi.statisticsExportPath(filter), '纠纷统计.xlsx')}>
              导出
            </Button>
          </Space>
        </Space>
        <ProCard bordered title="纠纷化解情况">
          <RegionStatsTable id="dispute-statistics" trail={trail} stats={stats} loading={loading} columns={STATS_COLUMNS} onOpen={setCell} detail="查看明细" />
        </ProCard>
        <ProCard bordered title="按问题分类">
          <Table<DisputeCategoryStatsRow> id="dispute-category-statistics" rowKey="categoryId" size="small" loading={loading} columns={categoryColumns} dataSource={categories ?? []} pagination={false} scroll={{ x: 'max-content' }} />
        </ProCard>
      </Space>
      <CellDialog filter={filter} cell={cell} onClose={() => setCell(null)} />
    </PageContainer>
  );
}
