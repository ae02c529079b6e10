import { Text, View } from '@tarojs/components';
import {
  EVALUATION_STATS_COLUMNS,
  EvaluationAreaRow,
  EvaluationCounter,
  EvaluationCounts,
  EvaluationTarget,
  GrantAction,
  ModuleKey,
  RANKING_SUBJECT_LABELS,
  RANKING_SUBJECT_TARGET,
  RankingItem,
  RankingSubject,
  RegionStatsItem,
  urgeSummary,
} from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../api';
import { CellListPopup, OpenedCell } from '../../components/CellListPopup';
import { Section } from '../../components/InfoRows';
import { LoadState } from '../../components/LoadState';
import { RegionDrillDown } from '../../components/RegionDrillDown';
import { SegmentTabs } from '../../components/SegmentTabs';
import { SelectField } from '../../components/SelectField';
import { StatsCell, StatsColumn } from '../../components/StatsGrid';
import { UrgeButton } from '../../components/UrgeButton';
import { useLoader } from '../../hooks/useLoader';
import { useRegionDrill } from '../../hooks/useRegionDrill';
import { shanghaiToday } from '../../logic/format';
import { holds } from '../../logic/home-modules';
import { monthOf, recentMonths, urgeWords } from '../../logic/owner-evaluation';
import { cellQuery, crumbLabels, drillFilter } from '../../logic/region-drill';
import { ROUTES } from '../../routes';
import { useSession } from '../../session';
import { Input } from '../../ui/input';
import { go } from '../../utils/navigation';

type Tab = 'ranking' | 'stats';
type Row = RegionStatsItem<EvaluationCounts>;
type Column = StatsColumn<Row, EvaluationCounts>;

const SUBJECTS = [RankingSubject.PROJECT, RankingSubject.COMPANY, RankingSubject.COMMITTEE];
const COUNT_COLUMNS = new Set<string>(Object.values(EvaluationCounter));
const WHOLE_YEAR = 0;

/**
 * 业主评价情况 (chapter 9, officers): 评价排名 — the city's monthly ranking of projects, companies and
 * owners' committees, both ways, with the city average — and 评价统计 by region with 不满意原因 and 催办.
 */
export default function OwnerEvaluationStats() {
  const [tab, setTab] = useState<Tab>('ranking');
  return (
    <View className="page page--list" id="owner-evaluation-stats">
      <SegmentTabs
        id="owner-evaluation-tabs"
        tabs={[
          { value: 'ranking', label: '评价排名' },
          { value: 'stats', label: '评价统计' },
        ]}
        value={tab}
        onChange={setTab}
      />
      {tab === 'ranking' ? <Ranking /> : <Statistics />}
    </View>
  );
}

/** The records behind a subject of the ranking (a tap on its name). */
function openRecords(subject: RankingSubject, item: Pick<RankingItem, 'subjectId' | 'propertyAreaId' | 'name'>, month: string) {
  const [year, m] = month.split('-').map(Number);
  const target = RANKING_SUBJECT_TARGET[subject];
  go(ROUTES.ownerEvaluationRecords, { target, year, month: m, name: item.name, ...(subject === RankingSubject.COMPANY ? { companyId: item.subjectId } : { propertyAreaId: item.propertyAreaId ?? item.subjectId }) });
}

function Ranking() {
  // this month is still being evaluated: last month is the one shown first
  const months = recentMonths(shanghaiToday());
  const [month, setMonth] = useState(months[1]);
  const [subject, setSubject] = useState(RankingSubject.PROJECT);
  const [order, setOrder] = useState<'desc' | 'asc'>('desc');
  const loaded = useLoader(() => api.ownerEvaluations.ranking({ subject, month, order, pageSize: 50 }), [subject, month, order]);
  return (
    <>
      <SegmentTabs id="owner-ranking-subject" tabs={SUBJECTS.map((value) => ({ value, label: RANKING_SUBJECT_LABELS[value] }))} value={subject} onChange={setSubject} />
      <Section id="owner-ranking-filter">
        <SelectField id="owner-ranking-month" label="月份" placeholder="选择月份" value={month} options={months.map((value) => ({ value, label: value }))} onChange={setMonth} />
        <SegmentTabs
          id="owner-ranking-order"
          tabs={[
            { value: 'desc', label: '从高到低' },
            { value: 'asc', label: '从低到高' },
          ]}
          value={order}
          onChange={setOrder}
        />
      </Section>
      <LoadState loaded={loaded} id="owner-ranking">
        {(ranking) => (
          <>
            <Section id="owner-ranking-summary">
              <Text className="muted">
                {ranking.month} 全市平均分 {ranking.cityAverage.toFixed(2)} · 参与排名 {ranking.ranked} 个（当月评价不少于 {ranking.minSample} 次）
              </Text>
            </Section>
            {ranking.items.length === 0 && <Text className="muted">当月没有达到最少评价次数的{RANKING_SUBJECT_LABELS[subject]}</Text>}
            {ranking.items.map((item) => (
              <View key={item.subjectId} className="card" id={`owner-ranking-${item.subjectId}`} onClick={() => openRecords(subject, item, ranking.month)}>
                <Text className="case-card__title">
                  第 {item.rank} 名 · {item.name}
                </Text>
                <Text className="muted">
                  {item.districtName ?? ''} 平均分 {item.score.toFixed(2)} · 评价 {item.records} 次
                </Text>
              </View>
            ))}
          </>
        )}
      </LoadState>
    </>
  );
}

function AreaCard({ row, target, year, month }: { row: EvaluationAreaRow; target: EvaluationTarget; year: number; month: number }) {
  return (
    <View className="card sheet__option" id={`owner-evaluation-area-${row.propertyAreaId}`} onClick={() => go(ROUTES.ownerEvaluationRecords, { target, propertyAreaId: row.propertyAreaId, name: row.propertyAreaName, year, month: month || undefined })}>
      <Text className="case-card__title">{row.propertyAreaName}</Text>
      <Text className="muted">
        {row.streetName} · {row.communityName} · {row.companyName ?? '无物业企业'} · 项目经理 {row.projectManagerName ?? '—'}
      </Text>
      <Text className="muted">
        评价 {row.houses} 户 / {row.houseTotal} 户（{row.participationRate.toFixed(2)}%），{row.records} 次，平均分 {row.averageScore.toFixed(2)}，三星及以下 {row.lowStar} 次，已回复 {row.replied} 次
      </Text>
    </View>
  );
}

function Statistics() {
  const { me } = useSession();
  const today = shanghaiToday();
  const thisYear = Number(today.slice(0, 4));
  const [target, setTarget] = useState(EvaluationTarget.PROPERTY);
  const [year, setYear] = useState(thisYear);
  const [month, setMonth] = useState(Number(monthOf(today, -1).slice(5)));
  const period = { target, year, ...(month ? { month } : {}) };
  const drill = useRegionDrill((filter) => api.ownerEvaluations.statistics({ ...filter, ...period }), [target, year, month]);
  const discontent = useLoader(() => api.ownerEvaluations.discontent({ ...drillFilter(drill.stack), ...period }), [target, year, month, drill.stack]);
  const [opened, setOpened] = useState<OpenedCell<EvaluationAreaRow> | null>(null);
  const rootLabel = me?.districtName ?? '全市';
  const place = crumbLabels(rootLabel, drill.stack).slice(-1)[0];
  const operate = me !== null && holds(me.modules, ModuleKey.OWNER_EVALUATIONS, GrantAction.OPERATE);
  const urgeMonth = month ? `${year}-${String(month).padStart(2, '0')}` : null;
  const committee = target === EvaluationTarget.COMMITTEE;
  const [words, setWords] = useState(() => urgeWords(monthOf(today, -1), false));

  const openList = (label: string) => (cell: StatsCell<Row, EvaluationCounts>) => {
    const stack = drill.stack;
    setOpened({
      title: `${cell.row?.regionName ?? `${place}合计`} · ${label}`,
      fetchPage: (page, pageSize) => api.ownerEvaluations.cells({ ...cellQuery(stack, cell.row, cell.key, { page, pageSize }), ...period, counter: cell.key as EvaluationCounter }),
    });
  };
  const columns: Column[] = EVALUATION_STATS_COLUMNS.map(({ key, label }): Column => {
    if (COUNT_COLUMNS.has(key)) return { key, label, kind: 'count', onOpenList: openList(label) };
    return { key, label, kind: key === 'averageScore' ? 'score' : 'rate' };
  });
  const years = [thisYear, thisYear - 1, thisYear - 2];

  return (
    <>
      <SegmentTabs
        id="owner-stats-target"
        tabs={[
          { value: EvaluationTarget.PROPERTY, label: '物业项目' },
          { value: EvaluationTarget.COMMITTEE, label: '业委会' },
        ]}
        value={target}
        onChange={(next) => {
          setTarget(next);
          if (urgeMonth) setWords(urgeWords(urgeMonth, next === EvaluationTarget.COMMITTEE));
        }}
      />
      <Section id="owner-stats-period">
        <SelectField id="owner-stats-year" label="年份" placeholder="选择年份" value={year} options={years.map((value) => ({ value, label: `${value}年` }))} onChange={setYear} />
        <SelectField
          id="owner-stats-month"
          label="月份"
          placeholder="全年"
          value={month}
          options={[{ value: WHOLE_YEAR, label: '全年' }, ...Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }))]}
          onChange={(next) => {
            setMonth(next);
            if (next) setWords(urgeWords(`${year}-${String(next).padStart(2, '0')}`, committee));
          }}
        />
      </Section>
      <RegionDrillDown
        id="owner-stats"
        rootLabel={rootLabel}
        drill={drill}
        columns={columns}
        onTapLeaf={(row) => go(ROUTES.ownerEvaluationRecords, { target, propertyAreaId: row.regionId, name: row.regionName, year, month: month || undefined })}
        header={(stats) => (
          <Section title={`${place}${committee ? '业委会' : '物业服务'}评价总体情况`} id="owner-stats-summary">
            <Text className="muted">
              评价 {stats.total.houses} 户（参评率 {stats.total.participationRate.toFixed(2)}%）{stats.total.records} 次，平均分 {stats.total.averageScore.toFixed(2)}，三星及以下占比 {stats.total.lowStarRate.toFixed(2)}%，回复率 {stats.total.replyRate.toFixed(2)}%
            </Text>
          </Section>
        )}
      />
      <LoadState loaded={discontent} id="owner-stats-discontent" homeLink={false}>
        {(summary) => (
          <Section title="不满意原因" id="owner-stats-reasons">
            {summary.reasons.length === 0 && summary.otherCount === 0 && <Text className="muted">没有三星及以下的评价</Text>}
            {summary.reasons.map((r) => (
              <Text className="muted" key={r.reasonId}>
                {r.name}：{r.count} 次
              </Text>
            ))}
            {summary.otherCount > 0 && <Text className="muted">其他：{summary.otherCount} 次</Text>}
            {summary.otherTexts.map((t) => (
              <Text className="muted" key={t.evaluationId}>
                “{t.text}”（{t.propertyAreaName}，{t.month}）
              </Text>
            ))}
          </Section>
        )}
      </LoadState>
      {operate && urgeMonth && (
        <Section title="催办" id="owner-stats-urge-section">
          <Input id="owner-stats-urge-title" placeholder="催办标题" value={words.title} maxLength={64} onChange={(title) => setWords((w) => ({ ...w, title }))} />
          <Input id="owner-stats-urge-content" placeholder="催办内容" value={words.content} maxLength={500} onChange={(content) => setWords((w) => ({ ...w, content }))} />
          <UrgeButton
            id="owner-stats-urge"
            type="primary"
            block
            action="催办"
            question={`向${place}${urgeMonth}有未回复低星评价或参评率偏低的${committee ? '业委会主任' : '项目经理'}发送催办？同一接收人24小时内只催办一次。`}
            urge={() => api.ownerEvaluations.urge({ ...drillFilter(drill.stack), month: urgeMonth, target, title: words.title.trim(), content: words.content.trim() })}
            summary={(result) => urgeSummary(result)}
            nothingLeftText="范围内没有待回复的低星评价，参评率也均已达标"
            onDone={() => void drill.stats.reload()}
          >
            催办
          </UrgeButton>
        </Section>
      )}
      <CellListPopup id="owner-stats-cell" cell={opened} onClose={() => setOpened(null)} emptyText="没有符合条件的物业项目" renderItem={(row) => <AreaCard key={row.propertyAreaId} row={row} target={target} year={year} month={month} />} />
    </>
  );
}
