import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { SafetyCellItem, SafetyCompletionCounts, SafetyRegionStatsItem, SafetyTargetStatus } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../../api';
import { CellListPopup, OpenedCell } from '../../../components/CellListPopup';
import { RingChart } from '../../../components/charts/RingChart';
import { Section } from '../../../components/InfoRows';
import { LoadState } from '../../../components/LoadState';
import { RegionDrillDown } from '../../../components/RegionDrillDown';
import { SegmentTabs } from '../../../components/SegmentTabs';
import { StatsCell, StatsColumn } from '../../../components/StatsGrid';
import { useLoader } from '../../../hooks/useLoader';
import { useRegionDrill } from '../../../hooks/useRegionDrill';
import { CHART_COLORS } from '../../../logic/chart';
import { formatDateTime } from '../../../logic/format';
import { cellQuery } from '../../../logic/region-drill';
import { completionText } from '../../../logic/safety';
import { useSession } from '../../../session';
import { openApiFile } from '../../../utils/download';
import { toastError } from '../../../utils/feedback';
import { intParam } from '../../../utils/navigation';
import { Button } from '../../../ui/button';
import { Tag } from '../../../ui/tag';

type Tab = 'regions' | 'facilities';
type Column = StatsColumn<SafetyRegionStatsItem, SafetyCompletionCounts>;

/** 查看全部统计: completion drilled down district → street → community → property area, and 设施设备统计. */
export default function SafetyOverview() {
  const { params } = useRouter();
  const { me } = useSession();
  const inspectionId = intParam(params, 'inspectionId') ?? undefined;
  const [tab, setTab] = useState<Tab>('regions');
  const [opened, setOpened] = useState<OpenedCell<SafetyCellItem> | null>(null);
  const [exporting, setExporting] = useState(false);
  const drill = useRegionDrill((filter) => api.safety.regionStats({ inspectionId, ...filter }), [inspectionId]);
  const facilities = useLoader(() => api.safety.facilityStats({ inspectionId }), [inspectionId], { enabled: tab === 'facilities' });
  usePullDownRefresh(() => void (tab === 'regions' ? drill.stats : facilities).reload().finally(() => Taro.stopPullDownRefresh()));

  const openList = (label: string) => (cell: StatsCell<SafetyRegionStatsItem, SafetyCompletionCounts>) => {
    const stack = drill.stack;
    setOpened({
      title: `${cell.row?.regionName ?? '合计'} · ${label}`,
      fetchPage: (page, pageSize) => api.safety.regionCells({ inspectionId, ...cellQuery(stack, cell.row, cell.key, { page, pageSize }) }),
    });
  };
  const count = (key: Column['key'], label: string): Column => ({ key, label, kind: 'count', onOpenList: openList(label) });
  const columns: Column[] = [
    count('targets', '应检查'),
    count('submitted', '已提交'),
    count('outstanding', '未提交'),
    count('overdue', '逾期'),
    { key: 'completionRate', label: '完成率', kind: 'rate' },
    count('problems', '发现问题'),
    count('areasWithProblems', '有问题项目'),
  ];

  const exportTable = async () => {
    setExporting(true);
    try {
      await openApiFile(api.safety.regionExportPath({ inspectionId, ...drill.filter }), '安全检查完成情况统计.xlsx');
    } catch (error) {
      toastError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <View className="page" id="safety-overview-page">
      <SegmentTabs
        id="safety-overview-tabs"
        tabs={[
          { value: 'regions', label: '完成情况统计' },
          { value: 'facilities', label: '设施设备统计' },
        ]}
        value={tab}
        onChange={setTab}
      />
      {tab === 'regions' ? (
        <>
          <RegionDrillDown
            id="safety-regions"
            rootLabel={me?.districtName ?? '全市'}
            drill={drill}
            columns={columns}
            hideEmptyRows
            header={(stats) => (
              <Section title="总体情况" id="safety-regions-summary">
                <RingChart
                  id="safety-completion-ring"
                  centerText={stats.total.targets ? `${stats.total.completionRate.toFixed(1)}%` : '暂无'}
                  centerLabel="完成率"
                  emptyText="暂无检查对象"
                  segments={[
                    { label: '已提交', value: stats.total.submitted, color: CHART_COLORS.done },
                    { label: '未提交（未逾期）', value: Math.max(stats.total.outstanding - stats.total.overdue, 0), color: CHART_COLORS.pending },
                    { label: '逾期未提交', value: stats.total.overdue, color: CHART_COLORS.danger },
                  ]}
                />
                <Text className="muted">{completionText(stats.total)}</Text>
                <Text className="muted">
                  发现问题 {stats.total.problems} 项（{stats.total.areasWithProblems}个项目）
                </Text>
              </Section>
            )}
          />
          <Button id="safety-regions-export" fill="outline" block loading={exporting} onClick={() => void exportTable()}>
            导出统计表
          </Button>
          <CellListPopup id="safety-cell" cell={opened} onClose={() => setOpened(null)} emptyText="没有符合条件的物业项目" renderItem={(area) => <CellArea key={area.targetId} area={area} />} />
        </>
      ) : (
        <LoadState loaded={facilities} id="safety-facilities">
          {(items) => (
            <>
              {items.length === 0 && <Text className="muted">暂无已提交的检查结果</Text>}
              {items.map((f) => (
                <View key={f.facility} className="card" id={`facility-${f.facility}`}>
                  <Text className="case-card__title">{f.facility}</Text>
                  <Text className="muted">
                    {f.areas}个项目 · 合格 {f.pass} · 不合格 {f.fail} · 不涉及 {f.notApplicable}
                  </Text>
                  <Text className="muted">发现问题的项目 {f.areasWithProblems} 个</Text>
                </View>
              ))}
            </>
          )}
        </LoadState>
      )}
    </View>
  );
}

/** One property area behind a number: its inspection, status and the people to call. */
function CellArea({ area }: { area: SafetyCellItem }) {
  const submitted = area.status === SafetyTargetStatus.SUBMITTED;
  return (
    <View className="sheet__option" id={`safety-cell-area-${area.targetId}`}>
      <View className="case-card__head">
        <Text className="sheet__label">{area.propertyAreaName}</Text>
        <Tag type={submitted ? 'success' : area.overdue ? 'danger' : 'warning'}>{area.overdue && !submitted ? '逾期未完成' : area.statusLabel}</Tag>
      </View>
      <Text className="muted">{area.inspectionTitle}</Text>
      <Text className="muted">
        {area.streetName} · {area.communityName} · {area.companyName ?? '无物业服务企业'} · 项目负责人 {area.projectManagerName ?? '—'}
      </Text>
      {submitted && (
        <Text className="muted">
          合格 {area.passCount} · 不合格 {area.failCount} · 不涉及 {area.notApplicableCount} · {formatDateTime(area.submittedAt)}提交
        </Text>
      )}
    </View>
  );
}
