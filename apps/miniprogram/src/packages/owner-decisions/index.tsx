import { Text, View } from '@tarojs/components';
import {
  DECISION_CATEGORY_LABELS,
  DecisionCategory,
  RegionStatsFilter,
  RegionStatsItem,
  VOTE_MEETING_STATS_COLUMNS,
  VOTE_MEETING_TYPE_LABELS,
  VOTE_TOPIC_STATS_COLUMNS,
  VOTE_USAGE_STATS_COLUMNS,
  VoteMeetingCounter,
  VoteMeetingCounts,
  VoteMeetingType,
  VoteTopicCounter,
  VoteTopicCounts,
  VoteUsageAreaRow,
  VoteUsageCounter,
  VoteUsageCounts,
} from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../api';
import { CellListPopup, OpenedCell } from '../../components/CellListPopup';
import { Section } from '../../components/InfoRows';
import { RegionDrillDown } from '../../components/RegionDrillDown';
import { SegmentTabs } from '../../components/SegmentTabs';
import { SelectField } from '../../components/SelectField';
import { StatsCell, StatsColumn } from '../../components/StatsGrid';
import { RegionDrill, useRegionDrill } from '../../hooks/useRegionDrill';
import { shanghaiToday } from '../../logic/format';
import { mayConvene } from '../../logic/owner-decisions';
import { cellQuery, crumbLabels } from '../../logic/region-drill';
import { ROUTES } from '../../routes';
import { useSession } from '../../session';
import { Button } from '../../ui/button';
import { openApiFile } from '../../utils/download';
import { toastError } from '../../utils/feedback';
import { go } from '../../utils/navigation';

type Tab = 'usage' | 'meetings' | 'topics';
const TAB_LABELS: Record<Tab, string> = { usage: '使用情况', meetings: '会议统计', topics: '表决议题统计' };
const ALL = 'ALL';

/**
 * 业主决策情况 (chapter 10, officers): 使用情况, 会议统计 and 表决议题统计 by region, drilled down
 * to the property areas; every number opens the rows behind it, each table exports as on screen.
 */
export default function OwnerDecisionStats() {
  const { me } = useSession();
  const [tab, setTab] = useState<Tab>('usage');
  return (
    <View className="page page--list" id="owner-decision-stats">
      <SegmentTabs id="owner-decision-tabs" tabs={(Object.keys(TAB_LABELS) as Tab[]).map((value) => ({ value, label: TAB_LABELS[value] }))} value={tab} onChange={setTab} />
      {me && mayConvene(me) && (
        <View className="actions actions--inline">
          <Button id="owner-decision-manage" onClick={() => go(ROUTES.ownerDecisionVotes)}>
            业主投票管理
          </Button>
        </View>
      )}
      {tab === 'usage' && <UsageTab />}
      {tab === 'meetings' && <MeetingsTab />}
      {tab === 'topics' && <TopicsTab />}
    </View>
  );
}

function useYears() {
  const thisYear = Number(shanghaiToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  return { year, setYear, years: [thisYear, thisYear - 1, thisYear - 2, thisYear - 3] };
}

function YearField({ id, year, years, onChange }: { id: string; year: number; years: number[]; onChange: (year: number) => void }) {
  return <SelectField id={id} label="年份" placeholder="选择年份" value={year} options={years.map((value) => ({ value, label: `${value}年` }))} onChange={onChange} />;
}

/** The table, its crumbs, and 导出 of exactly what is on screen. */
function DrillTable<C>({ id, title, drill, columns, exportPath }: { id: string; title: string; drill: RegionDrill<C>; columns: Array<StatsColumn<RegionStatsItem<C>, C>>; exportPath: string }) {
  const { me } = useSession();
  const [exporting, setExporting] = useState(false);
  const rootLabel = me?.districtName ?? '全市';
  const place = crumbLabels(rootLabel, drill.stack).slice(-1)[0];
  const exportTable = async () => {
    setExporting(true);
    try {
      await openApiFile(exportPath, `${place}${title}.xlsx`);
    } catch (error) {
      toastError(error);
    } finally {
      setExporting(false);
    }
  };
  return (
    <>
      <RegionDrillDown id={id} rootLabel={rootLabel} drill={drill} columns={columns} />
      <View className="actions actions--inline">
        <Button id={`${id}-export`} loading={exporting} disabled={exporting} onClick={() => void exportTable()}>
          导出
        </Button>
      </View>
    </>
  );
}

/** Where a number of the table lies: the crumbs' filter, the row (none for 合计), the counter. */
function cellTitle(place: string, row: { regionName: string } | null, label: string): string {
  return `${row?.regionName ?? `${place}合计`} · ${label}`;
}

function countOrRate<C>(columns: Array<{ key: keyof C; label: string }>, counters: Set<string>, open: (label: string) => (cell: StatsCell<RegionStatsItem<C>, C>) => void): Array<StatsColumn<RegionStatsItem<C>, C>> {
  return columns.map(({ key, label }) => {
    const k = key as StatsColumn<RegionStatsItem<C>, C>['key'];
    return counters.has(k) ? { key: k, label, kind: 'count', onOpenList: open(label) } : { key: k, label, kind: 'rate' };
  });
}

function useMeLabel(stack: RegionDrill<unknown>['stack']): string {
  const { me } = useSession();
  return crumbLabels(me?.districtName ?? '全市', stack).slice(-1)[0];
}

function UsageTab() {
  const { year, setYear, years } = useYears();
  const drill = useRegionDrill<VoteUsageCounts>((filter) => api.ownerDecisions.usage({ ...filter, year }), [year]);
  const place = useMeLabel(drill.stack);
  const [opened, setOpened] = useState<OpenedCell<VoteUsageAreaRow> | null>(null);
  const columns = countOrRate<VoteUsageCounts>(VOTE_USAGE_STATS_COLUMNS, new Set(Object.values(VoteUsageCounter)), (label) => (cell) => {
    const stack = drill.stack;
    setOpened({
      title: cellTitle(place, cell.row, label),
      fetchPage: (page, pageSize) => api.ownerDecisions.usageCells({ ...cellQuery(stack, cell.row, cell.key, { page, pageSize }), year, counter: cell.key as VoteUsageCounter }),
    });
  });
  return (
    <>
      <Section id="owner-usage-filter">
        <YearField id="owner-usage-year" year={year} years={years} onChange={setYear} />
      </Section>
      <DrillTable id="owner-usage" title="业主决策使用情况" drill={drill} columns={columns} exportPath={api.ownerDecisions.exportPath('usage', { ...drill.filter, year })} />
      <CellListPopup id="owner-usage-cell" cell={opened} onClose={() => setOpened(null)} emptyText="没有符合条件的物业项目" renderItem={(row) => <UsageAreaCard key={row.propertyAreaId} row={row} />} />
    </>
  );
}

function UsageAreaCard({ row }: { row: VoteUsageAreaRow }) {
  return (
    <View className="card sheet__option" id={`owner-usage-area-${row.propertyAreaId}`} onClick={() => go(ROUTES.ownerDecisionVotes, { propertyAreaId: row.propertyAreaId, name: row.propertyAreaName })}>
      <Text className="case-card__title">{row.propertyAreaName}</Text>
      <Text className="muted">
        {row.streetName} · {row.communityName} · {row.companyName || '无物业企业'}
      </Text>
      <Text className="muted">
        投票 {row.votes} 次（本年 {row.votesThisYear} 次） · 绑定 {row.boundHouses} 户 / {row.houseTotal} 户 · 绑定业主 {row.boundOwners} 人
      </Text>
    </View>
  );
}

/** The rows behind a number of 会议统计 / 表决议题统计 open as the vote list (编号, 小区, 议题, 范围, 起止时间, 状态). */
function openVoteCells(table: 'meetings' | 'topics', title: string, filter: RegionStatsFilter & { regionId?: number; counter: string }, extra: Record<string, string | number | undefined>) {
  go(ROUTES.ownerDecisionVotes, { cells: table, title, ...filter, ...extra });
}

function MeetingsTab() {
  const { year, setYear, years } = useYears();
  const [meetingType, setMeetingType] = useState<VoteMeetingType | typeof ALL>(ALL);
  const type = meetingType === ALL ? undefined : meetingType;
  const drill = useRegionDrill<VoteMeetingCounts>((filter) => api.ownerDecisions.meetings({ ...filter, year, meetingType: type }), [year, meetingType]);
  const place = useMeLabel(drill.stack);
  const countable = new Set<string>([VoteMeetingCounter.MEETINGS, VoteMeetingCounter.VOTING, VoteMeetingCounter.PUBLICITY, VoteMeetingCounter.COMPLETED, VoteMeetingCounter.DELAYED, VoteMeetingCounter.QUORUM_REACHED]);
  const columns = countOrRate<VoteMeetingCounts>(VOTE_MEETING_STATS_COLUMNS, countable, (label) => (cell) => openVoteCells('meetings', cellTitle(place, cell.row, label), cellQuery(drill.stack, cell.row, cell.key), { year, meetingType: type }));
  return (
    <>
      <Section id="owner-meetings-filter">
        <SelectField
          id="owner-meetings-type"
          label="会议类型"
          placeholder="全部"
          value={meetingType}
          options={[{ value: ALL, label: '全部' }, ...Object.values(VoteMeetingType).map((value) => ({ value, label: VOTE_MEETING_TYPE_LABELS[value] }))]}
          onChange={setMeetingType}
        />
        <YearField id="owner-meetings-year" year={year} years={years} onChange={setYear} />
      </Section>
      <DrillTable id="owner-meetings" title="业主大会会议统计" drill={drill} columns={columns} exportPath={api.ownerDecisions.exportPath('meetings', { ...drill.filter, year, meetingType: type })} />
    </>
  );
}

function TopicsTab() {
  const { year, setYear, years } = useYears();
  const [category, setCategory] = useState<DecisionCategory | typeof ALL>(ALL);
  const chosen = category === ALL ? undefined : category;
  const drill = useRegionDrill<VoteTopicCounts>((filter) => api.ownerDecisions.topics({ ...filter, year, category: chosen }), [year, category]);
  const place = useMeLabel(drill.stack);
  const columns = countOrRate<VoteTopicCounts>(VOTE_TOPIC_STATS_COLUMNS, new Set(Object.values(VoteTopicCounter)), (label) => (cell) => openVoteCells('topics', cellTitle(place, cell.row, label), cellQuery(drill.stack, cell.row, cell.key), { year, category: chosen }));
  return (
    <>
      <Section id="owner-topics-filter">
        <SelectField
          id="owner-topics-category"
          label="议题类别"
          placeholder="全部"
          value={category}
          options={[{ value: ALL, label: '全部' }, ...Object.values(DecisionCategory).map((value) => ({ value, label: DECISION_CATEGORY_LABELS[value] }))]}
          onChange={setCategory}
        />
        <YearField id="owner-topics-year" year={year} years={years} onChange={setYear} />
      </Section>
      <DrillTable id="owner-topics" title="表决议题统计" drill={drill} columns={columns} exportPath={api.ownerDecisions.exportPath('topics', { ...drill.filter, year, category: chosen })} />
    </>
  );
}
