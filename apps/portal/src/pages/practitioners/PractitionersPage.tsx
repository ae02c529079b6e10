import { DownloadOutlined, NotificationOutlined } from '@ant-design/icons';
import { PageContainer, ProCard, ProTable, type ProColumns } from '@ant-design/pro-components';
import {
  EmployerKind,
  ModuleKey,
  type CompanyPractitionerRow,
  type PractitionerCellPage,
  type PractitionerProjectItem,
  type PractitionerProjectRow,
} from '@szpm/contract';
import { Button, Checkbox, Menu, message, Modal, Space } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { api, errorMessage } from '../../api';
import { DrillBreadcrumb, LinkButton, RegionCellModal, RegionStatsTable, useDownload, useDrillTrail, useLoaded, type DrillFilter, type RegionCell, type StatsColumn } from '../../components/RegionStatsTable';
import { pagedRequest } from '../../list-table';
import { canOperate, isCityRole } from '../../logic/notices';
import { counterTitle, opensProjects, positionChartLabel, positionChartOption, PROJECT_TABLE_COUNTERS, remindConfirmText, remindResultText, type PractitionerCounter } from '../../logic/practitioners';
import { useSession } from '../../session';
import { PeopleTable } from './PeopleTable';

const PositionChart = lazy(() => import('./PositionChart'));

type View = 'project' | 'company';

const PROJECT_COLUMNS: ProColumns<PractitionerProjectItem>[] = [
  { title: '物业项目', dataIndex: 'propertyAreaName', width: 200 },
  { title: '街道', dataIndex: 'streetName', width: 110 },
  { title: '社区', dataIndex: 'communityName', width: 130 },
  { title: '物业服务企业', dataIndex: 'companyName', width: 220, render: (_, r) => r.companyName ?? '-' },
  { title: '项目负责人', dataIndex: 'projectManagerName', width: 100, render: (_, r) => r.projectManagerName ?? '-' },
  { title: '在岗人数', dataIndex: 'onDuty', width: 80, align: 'right' },
  { title: '填报状态', dataIndex: 'filed', width: 90, render: (_, r) => (r.filed ? '已填报' : '未填报') },
  { title: '最近更新', dataIndex: 'lastUpdatedAt', width: 150, render: (_, r) => (r.lastUpdatedAt ? dayjs(r.lastUpdatedAt).format('YYYY-MM-DD HH:mm') : '-') },
];

/** The projects or people behind one number, paged, in a dialog. */
function CellDialog({ filter, cell, onClose }: { filter: DrillFilter; cell: RegionCell<PractitionerCounter> | null; onClose: () => void }) {
  const load = (page: number, pageSize: number): Promise<PractitionerCellPage> => api.practitioners.cells({ ...filter, regionId: cell?.regionId, counter: cell!.counter, page, pageSize });
  return (
    <RegionCellModal cell={cell} onClose={onClose}>
      {(opened) =>
        opensProjects(opened.counter) ? (
          <ProTable<PractitionerProjectItem>
            rowKey="propertyAreaId"
            columns={PROJECT_COLUMNS}
            search={false}
            options={false}
            scroll={{ x: 'max-content' }}
            pagination={{ defaultPageSize: 10, showSizeChanger: true }}
            request={pagedRequest(async ({ current, pageSize }: { current?: number; pageSize?: number }) => {
              const answer = await load(current ?? 1, pageSize ?? 10);
              return answer.kind === 'PROJECTS' ? answer : { items: [], total: 0, page: 1, pageSize: pageSize ?? 10 };
            })}
          />
        ) : (
          <PeopleTable
            id="practitioner-cell-people"
            load={async (page, pageSize) => {
              const answer = await load(page, pageSize);
              return answer.kind === 'PEOPLE' ? answer : { items: [], total: 0, page, pageSize };
            }}
          />
        )
      }
    </RegionCellModal>
  );
}

/** The project table's numbers (headed with the stats' day window), 持证率 after 持证. */
const statsColumns = (withinDays?: number): StatsColumn<PractitionerProjectRow, PractitionerCounter>[] =>
  PROJECT_TABLE_COUNTERS.flatMap((counter): StatsColumn<PractitionerProjectRow, PractitionerCounter>[] => {
    const column = { key: counter, title: counterTitle(counter, withinDays), label: counterTitle(counter), width: 96, counter };
    return counter === 'certified' ? [column, { key: 'certifiedRate', title: '持证率', width: 80, text: (value) => `${value}%` }] : [column];
  });

/** 项目从业人员: street → community → project (→ that project's people); every number opens its list; 导出, 提醒更新. */
function ProjectView() {
  const { me } = useSession();
  const trail = useDrillTrail();
  const { filter } = trail;
  const [cell, setCell] = useState<RegionCell<PractitionerCounter> | null>(null);
  const [project, setProject] = useState<{ id: number; name: string } | null>(null);
  const { data: stats, loading } = useLoaded(() => api.practitioners.statistics(filter), [filter]);
  const { busy, download } = useDownload();
  const operate = canOperate(me?.modules, ModuleKey.PRACTITIONERS) && !isCityRole(me?.role);

  const remind = () => {
    let onlyOutdated = false;
    Modal.confirm({
      title: '提醒更新',
      width: 520,
      content: (
        <Space direction="vertical">
          <span>{remindConfirmText(false)}</span>
          <Checkbox onChange={(e) => (onlyOutdated = e.target.checked)} data-testid="remind-only-outdated">
            只提醒从未填报或超过90天未更新的项目
          </Checkbox>
        </Space>
      ),
      okText: '发送',
      cancelText: '取消',
      onOk: async () => {
        try {
          message.success(remindResultText(await api.practitioners.remind({ onlyOutdated })));
        } catch (e) {
          message.warning(errorMessage(e));
        }
      },
    });
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <DrillBreadcrumb trail={trail} />
        <Space>
          <Button icon={<DownloadOutlined />} loading={busy === 'stats'} onClick={() => void download('stats', api.practitioners.statisticsExportPath(filter), '项目从业人员统计.xlsx')}>
            导出统计
          </Button>
          {!isCityRole(me?.role) && (
            <Button icon={<DownloadOutlined />} loading={busy === 'people'} onClick={() => void download('people', api.practitioners.exportPath(), '从业人员信息.xlsx')}>
              导出人员
            </Button>
          )}
          {operate && (
            <Button type="primary" icon={<NotificationOutlined />} onClick={remind}>
              提醒更新
            </Button>
          )}
        </Space>
      </Space>
      <ProCard bordered>
        <RegionStatsTable
          trail={trail}
          stats={stats}
          loading={loading}
          columns={statsColumns(stats?.withinDays)}
          onOpen={setCell}
          detail="查看明细"
          regionWidth={200}
          leaf={(row) => (
            <LinkButton onClick={() => setProject({ id: row.regionId, name: row.regionName })} aria-label={`查看${row.regionName}的人员`}>
              {row.regionName}
            </LinkButton>
          )}
        />
      </ProCard>
      {stats && (
        <ProCard bordered title="岗位分布（在岗）">
          <Suspense fallback={null}>
            <PositionChart option={positionChartOption(stats.total)} label={positionChartLabel(stats.total)} />
          </Suspense>
        </ProCard>
      )}
      <CellDialog filter={filter} cell={cell} onClose={() => setCell(null)} />
      <Modal open={project !== null} onCancel={() => setProject(null)} footer={null} width={1200} title={project ? `${project.name} · 项目从业人员` : ''} destroyOnClose>
        {project && <PeopleTable id="practitioner-project-people" load={(page, pageSize) => api.practitioners.list({ propertyAreaId: project.id, page, pageSize })} />}
      </Modal>
    </Space>
  );
}

/** 企业从业人员: the companies the district sees, searchable by 企业名称; a company opens its own staff. */
function CompanyView() {
  const [company, setCompany] = useState<CompanyPractitionerRow | null>(null);
  const columns: ProColumns<CompanyPractitionerRow>[] = [
    {
      title: '企业名称',
      dataIndex: 'companyName',
      width: 260,
      fixed: 'left',
      search: false,
      render: (_, row) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setCompany(row)} aria-label={`查看${row.companyName}的企业从业人员`}>
          {row.companyName}
        </Button>
      ),
    },
    { title: '企业名称', dataIndex: 'search', hideInTable: true },
    { title: '本区在管项目数', dataIndex: 'projects', width: 120, align: 'right', search: false },
    { title: '企业从业人员数', dataIndex: 'companyStaff', width: 120, align: 'right', search: false },
    { title: '项目从业人员数', dataIndex: 'projectStaff', width: 120, align: 'right', search: false },
    { title: '电工', dataIndex: ['byPosition', 'ELECTRICIAN'], width: 70, align: 'right', search: false },
    { title: '秩序维护员', dataIndex: ['byPosition', 'SECURITY'], width: 90, align: 'right', search: false },
    { title: '保洁员', dataIndex: ['byPosition', 'CLEANER'], width: 80, align: 'right', search: false },
    { title: '项目负责人', dataIndex: ['byPosition', 'PROJECT_MANAGER'], width: 90, align: 'right', search: false },
  ];
  return (
    <>
      <ProTable<CompanyPractitionerRow, { search?: string }>
        rowKey="companyId"
        columns={columns}
        scroll={{ x: 'max-content' }}
        search={{ labelWidth: 'auto' }}
        options={false}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        request={pagedRequest(async ({ current, pageSize, search }: { current?: number; pageSize?: number; search?: string }) => api.practitioners.companies({ search: search || undefined, page: current, pageSize }))}
      />
      <Modal open={company !== null} onCancel={() => setCompany(null)} footer={null} width={1200} title={company ? `${company.companyName} · 企业从业人员` : ''} destroyOnClose>
        {company && <PeopleTable id="practitioner-company-people" load={(page, pageSize) => api.practitioners.list({ employerKind: EmployerKind.COMPANY, companyId: company.companyId, page, pageSize })} />}
      </Modal>
    </>
  );
}

/** 从业人员信息 (PC): 项目从业人员 and 企业从业人员 switched on the left. */
export default function PractitionersPage() {
  const [view, setView] = useState<View>('project');
  return (
    <PageContainer title="从业人员信息">
      <ProCard split="vertical" bordered>
        <ProCard colSpan="180px">
          <Menu
            mode="inline"
            selectedKeys={[view]}
            onClick={({ key }) => setView(key as View)}
            items={[
              { key: 'project', label: '项目从业人员' },
              { key: 'company', label: '企业从业人员' },
            ]}
          />
        </ProCard>
        <ProCard>{view === 'project' ? <ProjectView /> : <CompanyView />}</ProCard>
      </ProCard>
    </PageContainer>
  );
}
