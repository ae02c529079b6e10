import { Text, View } from '@tarojs/components';
import { PropertyAreaCounters, PropertyAreaListItem, PropertyAreaStatsItem } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../api';
import { CellListPopup, OpenedCell } from '../../components/CellListPopup';
import { Section } from '../../components/InfoRows';
import { PagedListView } from '../../components/PagedListView';
import { RegionDrillDown } from '../../components/RegionDrillDown';
import { SearchBox } from '../../components/SearchBox';
import { StatsCell, StatsColumn } from '../../components/StatsGrid';
import { useListPage } from '../../hooks/useListPage';
import { usePagedList } from '../../hooks/usePagedList';
import { useRegionDrill } from '../../hooks/useRegionDrill';
import { AREA_COUNTER_KEYS, counterLabel, statsSummary } from '../../logic/property-areas';
import { cellQuery, crumbLabels } from '../../logic/region-drill';
import { useSession } from '../../session';
import { AreaCard } from './AreaCard';

type Column = StatsColumn<PropertyAreaStatsItem, PropertyAreaCounters>;

/**
 * 项目管理 (chapter 5, WeChat): 本区项目统计 — the district's totals by street (drilled down to
 * communities and areas, every number opening the areas behind it) — and the scrolling list of the
 * district's projects with search, both for the crumb chosen; a project opens its detail.
 */
export default function PropertyAreas() {
  const { me } = useSession();
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState<OpenedCell<PropertyAreaListItem> | null>(null);
  const drill = useRegionDrill((filter) => api.propertyAreas.statistics(filter), []);
  const filterKey = JSON.stringify(drill.filter);
  const list = usePagedList((page, pageSize) => api.propertyAreas.list({ ...drill.filter, search: search || undefined, page, pageSize }), [search, filterKey]);
  useListPage(list, { alsoRefresh: () => drill.stats.reload() });
  const rootLabel = me?.districtName ?? '全市';
  const place = crumbLabels(rootLabel, drill.stack).slice(-1)[0];

  const openList = (label: string) => (cell: StatsCell<PropertyAreaStatsItem, PropertyAreaCounters>) => {
    const stack = drill.stack;
    setOpened({
      title: `${cell.row?.regionName ?? `${place}合计`} · ${label}`,
      fetchPage: (page, pageSize) => api.propertyAreas.statisticsCells(cellQuery(stack, cell.row, cell.key, { page, pageSize })),
    });
  };
  const columns: Column[] = AREA_COUNTER_KEYS.map((key) => ({ key, label: counterLabel(key), kind: 'count', onOpenList: openList(counterLabel(key)) }));

  return (
    <View className="page page--list" id="property-areas">
      <RegionDrillDown
        id="area-stats"
        rootLabel={rootLabel}
        drill={drill}
        columns={columns}
        hideEmptyRows
        header={(stats) => (
          <Section title={`${place}项目统计`} id="area-stats-summary">
            <Text className="muted">{statsSummary(stats.total)}</Text>
          </Section>
        )}
      />
      <CellListPopup
        id="area-cell"
        cell={opened}
        onClose={() => setOpened(null)}
        emptyText="没有符合条件的物业项目"
        renderItem={(area) => <AreaCard key={area.id} area={area} idPrefix="area-cell-area" className="sheet__option" />}
      />
      <Section title={`${place}项目列表`} id="area-list-section">
        <SearchBox id="area-search" placeholder="物业区域名称" onSearch={setSearch} />
      </Section>
      <PagedListView
        list={list}
        id="area-list"
        emptyText={search ? '没有符合条件的物业项目' : `${place}暂无物业项目`}
        emptyHint={search ? '换个名称再搜索' : undefined}
        renderItem={(area) => <AreaCard key={area.id} area={area} />}
      />
    </View>
  );
}
