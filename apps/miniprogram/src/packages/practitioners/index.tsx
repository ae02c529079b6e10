import { Text, View } from '@tarojs/components';
import {
  CompanyPractitionerRow,
  EmployerKind,
  GrantAction,
  ModuleKey,
  PRACTITIONER_COUNTER_LABELS,
  PractitionerItem,
  PractitionerProjectItem,
  PractitionerProjectRow,
  PractitionerProjectStatsItem,
  urgeSummary,
} from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../api';
import { CellListPopup, OpenedCell } from '../../components/CellListPopup';
import { Section } from '../../components/InfoRows';
import { PagedListView } from '../../components/PagedListView';
import { RegionDrillDown } from '../../components/RegionDrillDown';
import { SearchBox } from '../../components/SearchBox';
import { SegmentTabs } from '../../components/SegmentTabs';
import { StatsCell, StatsColumn } from '../../components/StatsGrid';
import { UrgeButton } from '../../components/UrgeButton';
import { useListPage } from '../../hooks/useListPage';
import { usePagedList } from '../../hooks/usePagedList';
import { useRegionDrill } from '../../hooks/useRegionDrill';
import { holds } from '../../logic/home-modules';
import { cellQuery, crumbLabels } from '../../logic/region-drill';
import { useSession } from '../../session';
import { PractitionerCard } from './area-tab';

type Row = PractitionerProjectStatsItem;
type Column = StatsColumn<Row, PractitionerProjectRow>;
type Listed = PractitionerItem | PractitionerProjectItem;
type Counter = keyof typeof PRACTITIONER_COUNTER_LABELS;

const COLUMNS: Counter[] = ['projects', 'filed', 'notFiled', 'people', 'managers', 'security', 'cleaners', 'electricians', 'fireControl', 'liftSafety', 'needCertificate', 'certified', 'expiringSoon', 'partyMembers'];

/**
 * 从业人员信息 (chapter 12, WeChat): 项目从业人员统计 by street → community → project (every number
 * opens its projects or people; a project's 从业人员数 is that project's people) with 提醒更新, and
 * 企业从业人员统计 searchable by 企业名称 (a company opens its own staff).
 */
export default function Practitioners() {
  const [tab, setTab] = useState<EmployerKind>(EmployerKind.PROJECT);
  return (
    <View className="page page--list" id="practitioners">
      <SegmentTabs
        id="practitioner-tabs"
        tabs={[
          { value: EmployerKind.PROJECT, label: '项目从业人员' },
          { value: EmployerKind.COMPANY, label: '企业从业人员' },
        ]}
        value={tab}
        onChange={setTab}
      />
      {tab === EmployerKind.PROJECT ? <ProjectStats /> : <CompanyStats />}
    </View>
  );
}

function ListedCard({ item }: { item: Listed }) {
  if ('employerKind' in item) return <PractitionerCard practitioner={item} />;
  return (
    <View className="card sheet__option" id={`practitioner-project-${item.propertyAreaId}`}>
      <Text className="case-card__title">{item.propertyAreaName}</Text>
      <Text className="muted">
        {item.streetName} · {item.communityName} · 在岗 {item.onDuty} 人
      </Text>
      <Text className="muted">{item.filed && item.lastUpdatedAt ? `已填报，最近更新 ${item.lastUpdatedAt.slice(0, 10)}` : '未填报'}</Text>
      <Text className="muted">项目负责人 {item.projectManagerName ?? '—'}</Text>
    </View>
  );
}

function ProjectStats() {
  const { me } = useSession();
  const [opened, setOpened] = useState<OpenedCell<Listed> | null>(null);
  const drill = useRegionDrill((filter) => api.practitioners.statistics(filter), []);
  const rootLabel = me?.districtName ?? '全市';
  const place = crumbLabels(rootLabel, drill.stack).slice(-1)[0];
  const operate = me !== null && me.districtId !== null && holds(me.modules, ModuleKey.PRACTITIONERS, GrantAction.OPERATE);

  const openList = (label: string) => (cell: StatsCell<Row, PractitionerProjectRow>) => {
    const stack = drill.stack;
    setOpened({
      title: `${cell.row?.regionName ?? `${place}合计`} · ${label}`,
      fetchPage: async (page, pageSize) => {
        const answer = await api.practitioners.cells({ ...cellQuery(stack, cell.row, cell.key, { page, pageSize }), counter: cell.key as Counter });
        return answer as { items: Listed[]; total: number; page: number; pageSize: number };
      },
    });
  };
  const columns: Column[] = [
    ...COLUMNS.map((key): Column => ({ key, label: PRACTITIONER_COUNTER_LABELS[key], kind: 'count', onOpenList: openList(PRACTITIONER_COUNTER_LABELS[key]) })),
    { key: 'certifiedRate', label: '持证率', kind: 'rate' },
  ];

  return (
    <>
      <RegionDrillDown
        id="practitioner-stats"
        rootLabel={rootLabel}
        drill={drill}
        columns={columns}
        header={(stats) => (
          <Section title={`${place}项目从业人员统计`} id="practitioner-stats-summary">
            <Text className="muted">
              项目 {stats.total.projects} 个（已填报 {stats.total.filed}，未填报 {stats.total.notFiled}），在岗 {stats.total.people} 人，持证率 {stats.total.certifiedRate.toFixed(2)}%，证书即将到期 {stats.total.expiringSoon} 人
            </Text>
          </Section>
        )}
      />
      {operate && (
        <UrgeButton
          id="practitioner-remind"
          type="primary"
          block
          action="提醒更新"
          question="向在本行政区有在管项目的项目经理发送催办通知，提示其完善从业人员信息？同一项目经理24小时内只提醒一次。"
          urge={() => api.practitioners.remind({})}
          summary={(result) => `${urgeSummary(result, { verb: '提醒' })}（涉及 ${result.projects} 个项目）`}
          nothingLeftText="本区没有需要提醒的项目经理"
          onDone={() => void drill.stats.reload()}
        >
          提醒更新
        </UrgeButton>
      )}
      <CellListPopup id="practitioner-cell" cell={opened} onClose={() => setOpened(null)} emptyText="没有符合条件的记录" renderItem={(item) => <ListedCard key={'employerKind' in item ? `p${item.id}` : `a${item.propertyAreaId}`} item={item} />} />
    </>
  );
}

function CompanyStats() {
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState<OpenedCell<PractitionerItem> | null>(null);
  const list = usePagedList((page, pageSize) => api.practitioners.companies({ search: search || undefined, page, pageSize }), [search]);
  useListPage(list);
  const open = (company: CompanyPractitionerRow) =>
    setOpened({ title: `${company.companyName} · 企业从业人员`, fetchPage: (page, pageSize) => api.practitioners.list({ employerKind: EmployerKind.COMPANY, companyId: company.companyId, page, pageSize }) });
  return (
    <>
      <Section title="企业从业人员统计" id="practitioner-companies-section">
        <SearchBox id="practitioner-company-search" placeholder="企业名称" onSearch={setSearch} />
      </Section>
      <PagedListView
        list={list}
        id="practitioner-companies"
        emptyText={search ? '没有符合条件的企业' : '暂无企业'}
        renderItem={(c) => (
          <View key={c.companyId} className="card" id={`practitioner-company-${c.companyId}`} onClick={() => open(c)}>
            <Text className="case-card__title">{c.companyName}</Text>
            <Text className="muted">
              本区在管项目 {c.projects} 个 · 企业从业人员 {c.companyStaff} 人 · 项目从业人员 {c.projectStaff} 人
            </Text>
          </View>
        )}
      />
      <CellListPopup id="practitioner-company-cell" cell={opened} onClose={() => setOpened(null)} emptyText="该企业暂无企业从业人员" renderItem={(p) => <PractitionerCard key={p.id} practitioner={p} />} />
    </>
  );
}
