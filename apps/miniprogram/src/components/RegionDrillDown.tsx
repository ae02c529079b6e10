import { Text, View } from '@tarojs/components';
import { REGION_STATS_CHILD_LEVEL_LABELS, RegionStats, RegionStatsItem } from '@szpm/contract';
import { Fragment, ReactNode } from 'react';
import { RegionDrill } from '../hooks/useRegionDrill';
import { canDrillInto, crumbLabels } from '../logic/region-drill';
import { LoadState } from './LoadState';
import { StatsColumn, StatsGrid } from './StatsGrid';
import './stats.scss';

interface Props<C> {
  /** ids: `${id}-crumbs`, `${id}-crumb-${depth}`, `${id}-up` (返回上一级), `${id}-table` (the StatsGrid) */
  id: string;
  /** the root crumb: 全市 for a city account, the district's name for a district account */
  rootLabel: string;
  drill: RegionDrill<C>;
  columns: Array<StatsColumn<RegionStatsItem<C>, C>>;
  /** shown between the crumbs and the table (a summary of the current crumb) */
  header?: (stats: RegionStats<C>) => ReactNode;
  /** fold away regions whose counts are all 0 behind 显示全部 */
  hideEmptyRows?: boolean;
  /** tapping a row that cannot be drilled into (a property area): open what lies behind it */
  onTapLeaf?: (row: RegionStatsItem<C>) => void;
}

/** Region drill-down: crumbs (全市 › 福田区 › 园岭街道), 返回上一级, a row per child region and a 合计 row. */
export function RegionDrillDown<C>({ id, rootLabel, drill, columns, header, hideEmptyRows, onTapLeaf }: Props<C>) {
  const labels = crumbLabels(rootLabel, drill.stack);
  return (
    <View id={id}>
      <View className="crumbs" id={`${id}-crumbs`}>
        {labels.map((label, depth) => {
          const current = depth === labels.length - 1;
          return (
            <Fragment key={depth}>
              {depth > 0 && <Text className="crumbs__sep">›</Text>}
              <Text id={`${id}-crumb-${depth}`} className={`crumbs__item${current ? ' crumbs__item--current' : ''}`} onClick={current ? undefined : () => drill.to(depth)}>
                {label}
              </Text>
            </Fragment>
          );
        })}
        {drill.stack.length > 0 && (
          <Text className="crumbs__up" id={`${id}-up`} onClick={drill.up}>
            返回上一级
          </Text>
        )}
      </View>
      <LoadState loaded={drill.stats} id={`${id}-stats`} homeLink={false}>
        {(stats) => (
          <>
            {header?.(stats)}
            {drill.stats.loading && <Text className="muted">加载中…</Text>}
            <StatsGrid
              id={`${id}-table`}
              nameHeader={REGION_STATS_CHILD_LEVEL_LABELS[stats.level]}
              columns={columns}
              rows={stats.items}
              rowKey={(row) => row.regionId}
              rowName={(row) => row.regionName}
              onTapRow={(row) => (canDrillInto(row.level, drill.deepest) ? drill.into(row) : onTapLeaf?.(row))}
              canTapRow={(row) => canDrillInto(row.level, drill.deepest) || onTapLeaf !== undefined}
              total={stats.total}
              hideEmptyRows={hideEmptyRows}
            />
          </>
        )}
      </LoadState>
    </View>
  );
}
