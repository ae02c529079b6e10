import { DownloadOutlined, NotificationOutlined } from '@ant-design/icons';
import { PageContainer, ProCard, ProTable, type ProColumns } from '@ant-design/pro-components';
import {
  ModuleKey,
  type ParkingCellItem,
  type ParkingCounter,
  type ParkingDisputeAreaItem,
  type ParkingDisputeType,
  type ParkingDisputeTypeRow,
  type ParkingRow,
} from '@szpm/contract';
import { Button, message, Modal, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { api, errorMessage } from '../../api';
import { DrillBreadcrumb, NumberLink, RegionCellModal, RegionStatsTable, useDownload, useDrillTrail, useLoaded, type DrillFilter, type RegionCell, type StatsColumn } from '../../components/RegionStatsTable';
import { pagedRequest } from '../../list-table';
import { canOperate } from '../../logic/notices';
import { cellText, disputeChartLabel, disputeChartOption, PARKING_TABLE_COLUMNS, remindConfirmText, remindResultText } from '../../logic/parking';
import { useSession } from '../../session';

const DisputeChart = lazy(() => import('./DisputeChart'));

const dash = (value: number | null | string) => (value === null || value === '' ? '-' : value);

const CELL_COLUMNS: ProColumns<ParkingCellItem>[] = [
  { title: '物业项目', dataIndex: 'propertyAreaName', width: 200 },
  { title: '街道', dataIndex: 'streetName', width: 110 },
  { title: '社区', dataIndex: 'communityName', width: 130 },
  { title: '物业服务企业', dataIndex: 'companyName', width: 220, render: (_, r) => dash(r.companyName) },
  { title: '项目负责人', dataIndex: 'projectManagerName', width: 100, render: (_, r) => dash(r.projectManagerName) },
  { title: '总户数', dataIndex: 'households', width: 80, align: 'right' },
  { title: '车位总数', dataIndex: 'total', width: 90, align: 'right', render: (_, r) => dash(r.total) },
  { title: '地下', dataIndex: 'underground', width: 70, align: 'right', render: (_, r) => dash(r.underground) },
  { title: '人防', dataIndex: 'civilDefence', width: 70, align: 'right', render: (_, r) => dash(r.civilDefence) },
  { title: '充电车位', dataIndex: 'evCharging', width: 90, align: 'right', render: (_, r) => dash(r.evCharging) },
  { title: '车位配比', dataIndex: 'ratio', width: 90, align: 'right', render: (_, r) => (r.ratio === null ? '-' : r.ratio.toFixed(2)) },
  { title: '填报时间', dataIndex: 'filedAt', width: 150, render: (_, r) => (r.filedAt ? dayjs(r.filedAt).format('YYYY-MM-DD HH:mm') : '未填报') },
];

const DISPUTE_AREA_COLUMNS: ProColumns<ParkingDisputeAreaItem>[] = [
  { title: '物业项目', dataIndex: 'propertyAreaName', width: 200 },
  { title: '街道', dataIndex: 'streetName', width: 110 },
  { title: '社区', dataIndex: 'communityName', width: 130 },
  { title: '物业服务企业', dataIndex: 'companyName', width: 220, render: (_, r) => dash(r.companyName) },
  { title: '纠纷类型', dataIndex: 'disputes', width: 300, render: (_, r) => r.disputes.map((d) => `${d.typeLabel} ${d.caseCount}宗`).join('；') },
  { title: '宗数', dataIndex: 'cases', width: 70, align: 'right' },
];

/** The projects behind one number of 车位信息统计, paged, in a dialog. */
function CellDialog({ filter, cell, onClose }: { filter: DrillFilter; cell: RegionCell<ParkingCounter> | null; onClose: () => void }) {
  return (
    <RegionCellModal cell={cell} onClose={onClose}>
      {(opened) => (
        <ProTable<ParkingCellItem>
          id="parking-cell-projects"
          rowKey="propertyAreaId"
          columns={CELL_COLUMNS}
          search={false}
          options={false}
          scroll={{ x: 'max-content' }}
          pagination={{ defaultPageSize: 10, showSizeChanger: true }}
          request={pagedRequest(({ current, pageSize }: { current?: number; pageSize?: number }) => api.parking.cells({ ...filter, regionId: opened.regionId, counter: opened.counter, page: current, pageSize }))}
        />
      )}
    </RegionCellModal>
  );
}

/** The projects that reported one dispute type (none: any), paged, in a dialog. */
function DisputeDialog({ filter, opened, onClose }: { filter: DrillFilter; opened: { type?: ParkingDisputeType; label: string } | null; onClose: () => void }) {
  return (
    <Modal open={opened !== null} onCancel={onClose} footer={null} width={1100} title={opened ? `车位纠纷 · ${opened.label}` : ''} destroyOnClose>
      {opened && (
        <ProTable<ParkingDisputeAreaItem>
          id="parking-dispute-projects"
          rowKey="propertyAreaId"
          columns={DISPUTE_AREA_COLUMNS}
          search={false}
          options={false}
          scroll={{ x: 'max-content' }}
          pagination={{ defaultPageSize: 10, showSizeChanger: true }}
          request={pagedRequest(({ current, pageSize }: { current?: number; pageSize?: number }) => api.parking.disputeAreas({ ...filter, type: opened.type, page: current, pageSize }))}
        />
      )}
    </Modal>
  );
}

/** The statistics table's numbers; the derived ones (填报率, 车位配比) open nothing. */
const STATS_COLUMNS: StatsColumn<ParkingRow, ParkingCounter>[] = PARKING_TABLE_COLUMNS.map((column) => ({
  key: column.key,
  title: column.label,
  width: column.label.length > 4 ? 96 : 72,
  counter: column.counter ?? undefined,
  text: (value: number) => cellText(column, value),
}));

/**
 * 车位信息统计 (PC): 车位信息统计情况 drilled down region by region with every number opening its
 * projects, 住宅小区车位纠纷类型情况 with its chart, 导出 (both tables), and 提醒更新 to the projects
 * that never filed.
 */
export default function ParkingStatisticsPage() {
  const { me } = useSession();
  const trail = useDrillTrail();
  const { step, filter } = trail;
  const [cell, setCell] = useState<RegionCell<ParkingCounter> | null>(null);
  const [disputeOpened, setDisputeOpened] = useState<{ type?: ParkingDisputeType; label: string } | null>(null);
  const { data, loading } = useLoaded(() => Promise.all([api.parking.statistics(filter), api.parking.disputes(filter)]), [filter]);
  const [stats, disputes] = data ?? [null, null];
  const { busy, download } = useDownload();
  const operate = canOperate(me?.modules, ModuleKey.PARKING);

  const remind = () =>
    Modal.confirm({
      title: '提醒更新',
      width: 520,
      content: remindConfirmText(step.name),
      okText: '发送',
      cancelText: '取消',
      onOk: async () => {
        try {
          message.success(remindResultText(await api.parking.remind(filter)));
        } catch (e) {
          message.warning(errorMessage(e));
        }
      },
    });

  const disputeNumber = (row: { type?: ParkingDisputeType; label: string }, value: number) => <NumberLink value={value} label={`${row.label} ${value}，查看项目`} onOpen={() => setDisputeOpened(row)} />;
  const disputeColumns = [
    { title: '纠纷类型', dataIndex: 'typeLabel', width: 260 },
    { title: '项目数', dataIndex: 'projects', align: 'right' as const, width: 90, render: (value: number, row: ParkingDisputeTypeRow) => disputeNumber({ type: row.type, label: row.typeLabel }, value) },
    { title: '宗数', dataIndex: 'cases', align: 'right' as const, width: 90 },
    { title: '占比', dataIndex: 'share', align: 'right' as const, width: 90, render: (value: number) => `${value}%` },
  ];

  return (
    <PageContainer title="车位信息统计">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
          <DrillBreadcrumb trail={trail} />
          <Space>
            <Button icon={<DownloadOutlined />} loading={busy !== null} onClick={() => void download('tables', api.parking.exportPath(filter), '车位信息统计.xlsx')}>
              导出
            </Button>
            {operate && (
              <Button type="primary" icon={<NotificationOutlined />} onClick={remind}>
                提醒更新
              </Button>
            )}
          </Space>
        </Space>
        <ProCard bordered title="车位信息统计情况">
          <RegionStatsTable id="parking-statistics" trail={trail} stats={stats} loading={loading} columns={STATS_COLUMNS} onOpen={setCell} detail="查看项目" />
        </ProCard>
        <ProCard bordered title="住宅小区车位纠纷类型情况" split="vertical">
          <ProCard colSpan="50%">
            <Table<ParkingDisputeTypeRow>
              id="parking-disputes"
              rowKey="type"
              loading={loading}
              columns={disputeColumns}
              dataSource={disputes?.items ?? []}
              pagination={false}
              size="small"
              summary={() =>
                disputes ? (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                    <Table.Summary.Cell index={1} align="right">
                      {disputeNumber({ label: '全部类型' }, disputes.total.projects)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2} align="right">
                      {disputes.total.cases}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={3} align="right">{`${disputes.total.share}%`}</Table.Summary.Cell>
                  </Table.Summary.Row>
                ) : null
              }
            />
          </ProCard>
          <ProCard>
            {disputes && (
              <Suspense fallback={null}>
                <DisputeChart option={disputeChartOption(disputes)} label={disputeChartLabel(disputes)} />
              </Suspense>
            )}
          </ProCard>
        </ProCard>
      </Space>
      <CellDialog filter={filter} cell={cell} onClose={() => setCell(null)} />
      <DisputeDialog filter={filter} opened={disputeOpened} onClose={() => setDisputeOpened(null)} />
    </PageContainer>
  );
}
