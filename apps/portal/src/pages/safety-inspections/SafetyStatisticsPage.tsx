import { DownloadOutlined } from '@ant-design/icons';
import { PageContainer, ProCard, ProTable, QueryFilter, ProFormDateRangePicker, ProFormSelect, type ProColumns } from '@ant-design/pro-components';
import {
  SAFETY_CHECK_KIND_LABELS,
  SafetyCheckKind,
  type SafetyCellItem,
  type SafetyCompletionCounter,
  type SafetyFacilityStatsItem,
  type SafetyInspectionListItem,
  type SafetyOverviewQuery,
  type SafetyRegionStats,
  type SafetyRegionStatsItem,
} from '@szpm/contract';
import { Breadcrumb, Button, message, Modal, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, errorMessage } from '../../api';
import { COMPLETION_COUNTERS, counterTitle, drillInto, regionColumnTitle, type DrillStep } from '../../logic/inspections';
import { isCityRole } from '../../logic/notices';
import { useSession } from '../../session';
import { downloadFile } from '../../transfer';
import { pagedRequest } from '../../list-table';

type Overview = Pick<SafetyOverviewQuery, 'inspectionId' | 'kind' | 'from' | 'to'>;

interface OpenedCell {
  regionId?: number;
  regionName: string;
  counter: SafetyCompletionCounter;
}

/** The areas behind one number of the table, paged, in a dialog. */
function CellDialog({ query, cell, onClose }: { query: SafetyOverviewQuery; cell: OpenedCell | null; onClose: () => void }) {
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
    <Modal open={cell !== null} onCancel={onClose} footer={null} width={1200} title={cell ? `${cell.regionName} · ${counterTitle(cell.counter)}` : ''} destroyOnClose>
      {cell && (
        <ProTable<SafetyCellItem>
          rowKey="targetId"
          columns={columns}
          search={false}
          options={false}
          scroll={{ x: 'max-content' }}
          pagination={{ defaultPageSize: 10, showSizeChanger: true }}
          request={pagedRequest(async ({ current, pageSize }) => {
            return api.safety.regionCells({ ...query, regionId: cell.regionId, counter: cell.counter, page: current, pageSize });
          })}
        />
      )}
    </Modal>
  );
}

/** 查看全部统计: completion by district → street → community → property area (every number opens its areas), the xlsx, and 设施设备统计. */
export default function SafetyStatisticsPage() {
  const { me } = useSession();
  const [params] = useSearchParams();
  const presetInspection = Number(params.get('inspectionId')) || undefined;
  const [overview, setOverview] = useState<Overview>({ inspectionId: presetInspection });
  const [trail, setTrail] = useState<DrillStep[]>([{ filter: {}, name: isCityRole(me?.role) ? '全市' : (me?.districtName ?? '本区') }]);
  const [stats, setStats] = useState<SafetyRegionStats | null>(null);
  const [facilities, setFacilities] = useState<SafetyFacilityStatsItem[]>([]);
  const [loading, setLoading] = useState(false);
  const [inspections, setInspections] = useState<SafetyInspectionListItem[]>([]);
  const [cell, setCell] = useState<OpenedCell | null>(null);
  const [exporting, setExporting] = useState(false);

  const step = trail[trail.length - 1];
  const query = useMemo<SafetyOverviewQuery>(() => ({ ...overview, ...step.filter }), [overview, step]);

  useEffect(() => {
    api.safety.list({ pageSize: 100 }).then((page) => setInspections(page.items), (e) => message.error(errorMessage(e)));
  }, []);
  useEffect(() => {
    setLoading(true);
    Promise.all([api.safety.regionStats(query), api.safety.facilityStats(query)])
      .then(([regions, byFacility]) => {
        setStats(regions);
        setFacilities(byFacility);
      }, (e) => message.error(errorMessage(e)))
      .finally(() => setLoading(false));
  }, [query]);

  const exportTable = async () => {
    setExporting(true);
    try {
      await downloadFile(api.safety.regionExportPath(query), {}, '安全检查完成情况统计.xlsx');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const number = (row: { regionId?: number; regionName: string }, counter: SafetyCompletionCounter, value: number) =>
    value > 0 ? (
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setCell({ regionId: row.regionId, regionName: row.regionName, counter })} aria-label={`${row.regionName}${counterTitle(counter)} ${value}，查看项目`}>
        {value}
      </Button>
    ) : (
      <span>0</span>
    );

  const level = stats?.level ?? 'STREET';
  const columns = [
    {
      title: regionColumnTitle(level),
      dataIndex: 'regionName',
      fixed: 'left' as const,
      width: 200,
      render: (name: string, row: SafetyRegionStatsItem) => {
        const next = drillInto(step.filter, row.level, row.regionId);
        return next ? (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setTrail([...trail, { filter: next, name }])} aria-label={`查看${name}的下级统计`}>
            {name}
          </Button>
        ) : (
          name
        );
      },
    },
    ...COMPLETION_COUNTERS.map(({ counter, title }) => ({
      title,
      dataIndex: counter,
      align: 'right' as const,
      width: 110,
      render: (value: number, row: SafetyRegionStatsItem) => number(row, counter, value),
    })),
    { title: '完成率', dataIndex: 'completionRate', align: 'right' as const, width: 100, render: (value: number) => `${value}%` },
  ];

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
          title={
            <Breadcrumb
              items={trail.map((s, index) => ({
                title:
                  index < trail.length - 1 ? (
                    <a href="#" onClick={(e) => (e.preventDefault(), setTrail(trail.slice(0, index + 1)))}>
                      {s.name}
                    </a>
                  ) : (
                    s.name
                  ),
              }))}
            />
          }
          extra={
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportTable()}>
              导出
            </Button>
          }
        >
          <div data-testid="safety-region-stats">
            <Table<SafetyRegionStatsItem>
              rowKey="regionId"
              size="middle"
              loading={loading}
              columns={columns}
              dataSource={stats?.items ?? []}
              pagination={false}
              scroll={{ x: 'max-content' }}
              summary={() =>
                stats ? (
                  <Table.Summary fixed>
                    <Table.Summary.Row>
                      <Table.Summary.Cell index={0}>
                        <strong>合计</strong>
                      </Table.Summary.Cell>
                      {COMPLETION_COUNTERS.map(({ counter }, i) => (
                        <Table.Summary.Cell key={counter} index={i + 1} align="right">
                          {number({ regionName: `${step.name}合计` }, counter, stats.total[counter])}
                        </Table.Summary.Cell>
                      ))}
                      <Table.Summary.Cell index={COMPLETION_COUNTERS.length + 1} align="right">
                        {stats.total.completionRate}%
                      </Table.Summary.Cell>
                    </Table.Summary.Row>
                  </Table.Summary>
                ) : null
              }
            />
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
