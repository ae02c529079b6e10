import { DownloadOutlined } from '@ant-design/icons';
import { PageContainer, ProCard, ProTable, QueryFilter, ProFormDateRangePicker, ProFormSelect, type ProColumns } from '@ant-design/pro-components';
import {
  SAFETY_CHECK_KIND_LABELS,
  SafetyCheckKind,
  type SafetyCellItem,
  type SafetyCompletionCounter,
  type SafetyCompletionCounts,
  type SafetyFacilityStatsItem,
  type SafetyInspectionListItem,
  type SafetyOverviewQuery,
} from '@szpm/contract';
import { Button, message, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, errorMessage } from '../../api';
import { DrillBreadcrumb, RegionCellModal, RegionStatsTable, useDownload, useDrillTrail, useLoaded, type RegionCell, type StatsColumn } from '../../components/RegionStatsTable';
import { COMPLETION_COUNTERS } from '../../logic/inspections';
import { pagedRequest } from '../../list-table';

type Overview = Pick<SafetyOverviewQuery, 'inspectionId' | 'kind' | 'from' | 'to'>;

/** The completion numbers, each opening its areas, and 完成率. */
const STATS_COLUMNS: StatsColumn<SafetyCompletionCounts, SafetyCompletionCounter>[] = [
  ...COMPLETION_COUNTERS.map(({ counter, title }) => ({ key: counter, title, width: 110, counter })),
  { key: 'completionRate', title: '完成率', width: 100, text: (value: number) => `${value}%` },
];

/** The areas behind one number of the table, paged, in a dialog. */
function CellDialog({ query, cell, onClose }: { query: SafetyOverviewQuery; cell: RegionCell<SafetyCompletionCounter> | null; onClose: () => void }) {
  const columns: ProColumns<SafetyCellItem>[] = [
    { title: '安全检查', dataIndex: 'inspectionTitle', width: 220, ellipsis: true },
    { title: '物业项目', dataIndex: 'propertyAreaName', width: 200 },
    { title: '街道', dataIndex: 'streetName', width: 110 },
    { title: '社区', dataIndex: 'communityName', width: 130 },
    { title: '物业服务企业', dataIndex: 'companyName', width: 220, render: (_, row) => row.companyName ?? '-' },
    { title: '项目负责人', dataIndex: 'projectManagerName', width: 100, render: (_, row) => row.projectManagerName ?? '-' },
    { title: '填报状态', dataIndex: 'statusLabel', width: 120, render: (_, row) => (row.overdue ? <Space size={4}>{row.statusLabel}<Tag color="error">逾期</Tag></Space> : row.statusLabel) },
    { title: '不合格', dataIndex: 'failCount', width: 70, align: 'right' },
    { title: '提交时间', dataIndex: 'submittedAt', width: 150, render: (_, row) => (row.submittedAt ? dayjs(row.submittedAt).format('YYYY-MM-DD HH:mm') : '-') },
  ];
  return (
    <RegionCellModal cell={cell} onClose={onClose}>
      {(opened) => (
        <ProTable<SafetyCellItem>
          rowKey="targetId"
          columns={columns}
          search={false}
          options={false}
          scroll={{ x: 'max-content' }}
          pagination={{ defaultPageSize: 10, showSizeChanger: true }}
          request={pagedRequest(async ({ current, pageSize }) => {
            return api.safety.regionCells({ ...query, regionId: opened.regionId, counter: opened.counter, page: current, pageSize });
          })}
        />
      )}
    </RegionCellModal>
  );
}

/** 查看全部统计: completion by district → street → community → property area (every number opens its areas), the xlsx, and 设施设备统计. */
export default function SafetyStatisticsPage() {
  const [params] = useSearchParams();
  const presetInspection = Number(params.get('inspectionId')) || undefined;
  const [overview, setOverview] = useState<Overview>({ inspectionId: presetInspection });
  const trail = useDrillTrail();
  const { step } = trail;
  const [inspections, setInspections] = useState<SafetyInspectionListItem[]>([]);
  const [cell, setCell] = useState<RegionCell<SafetyCompletionCounter> | null>(null);
  const query = useMemo<SafetyOverviewQuery>(() => ({ ...overview, ...step.filter }), [overview, step]);
  const { data, loading } = useLoaded(() => Promise.all([api.safety.regionStats(query), api.safety.facilityStats(query)]), [query]);
  const [stats, facilities] = data ?? [null, []];
  const { busy, download } = useDownload();

  useEffect(() => {
    api.safety.list({ pageSize: 100 }).then((page) => setInspections(page.items), (e) => message.error(errorMessage(e)));
  }, []);

  return (
    <PageContainer title="安全检查统计">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <ProCard bordered>
          <QueryFilter<{ inspectionId?: number; kind?: SafetyCheckKind; period?: [string, string] }>
            defaultCollapsed={false}
            labelWidth="auto"
            initialValues={{ inspectionId: presetInspection }}
            onFinish={async (values) => {
              setOverview({ inspectionId: values.inspectionId, kind: values.kind, from: values.period?.[0], to: values.period?.[1] });
              return true;
            }}
            onReset={() => setOverview({})}
          >
            <ProFormSelect name="inspectionId" label="安全检查" showSearch placeholder="全部安全检查" options={inspections.map((i) => ({ value: i.id, label: `${i.title}（${i.districtName}，截止${i.deadline}）` }))} />
            <ProFormSelect name="kind" label="检查类型" placeholder="全部" options={Object.values(SafetyCheckKind).map((k) => ({ value: k, label: SAFETY_CHECK_KIND_LABELS[k] }))} />
            <ProFormDateRangePicker name="period" label="发起日期" />
          </QueryFilter>
        </ProCard>

        <ProCard
          bordered
          title={<DrillBreadcrumb trail={trail} />}
          extra={
            <Button icon={<DownloadOutlined />} loading={busy !== null} onClick={() => void download('table', api.safety.regionExportPath(query), '安全检查完成情况统计.xlsx')}>
              导出
            </Button>
          }
        >
          <div data-testid="safety-region-stats">
            <RegionStatsTable trail={trail} stats={stats} loading={loading} columns={STATS_COLUMNS} onOpen={setCell} detail="查看项目" totalName={`${step.name}合计`} regionWidth={200} size="middle" />
          </div>
        </ProCard>

        <ProCard bordered title="设施设备统计">
          <Table<SafetyFacilityStatsItem>
            rowKey="facility"
            size="middle"
            loading={loading}
            dataSource={facilities}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: '暂无已提交的设施设备检查结果' }}
            columns={[
              { title: '设施设备', dataIndex: 'facility', width: 160 },
              { title: '检查项目数', dataIndex: 'areas', align: 'right', width: 110 },
              { title: '合格', dataIndex: 'pass', align: 'right', width: 90 },
              { title: '不合格', dataIndex: 'fail', align: 'right', width: 90 },
              { title: '不涉及', dataIndex: 'notApplicable', align: 'right', width: 90 },
              { title: '发现问题项目', dataIndex: 'areasWithProblems', align: 'right', width: 120 },
            ]}
          />
        </ProCard>
      </Space>
      <CellDialog query={query} cell={cell} onClose={() => setCell(null)} />
    </PageContainer>
  );
}
