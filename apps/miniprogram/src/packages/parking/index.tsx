import { Text, View } from '@tarojs/components';
import { GrantAction, ModuleKey, PARKING_STATS_COLUMNS, PARKING_DERIVED_KEYS, ParkingCellItem, ParkingCounter, ParkingDisputeAreaItem, ParkingDisputeType, ParkingRow, ParkingStatsItem, urgeSummary } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../api';
import { CellListPopup, OpenedCell } from '../../components/CellListPopup';
import { Section } from '../../components/InfoRows';
import { LoadState } from '../../components/LoadState';
import { RegionDrillDown } from '../../components/RegionDrillDown';
import { StatsCell, StatsColumn } from '../../components/StatsGrid';
import { UrgeButton } from '../../components/UrgeButton';
import { useLoader } from '../../hooks/useLoader';
import { useRegionDrill } from '../../hooks/useRegionDrill';
import { holds } from '../../logic/home-modules';
import { cellQuery, crumbLabels, drillFilter } from '../../logic/region-drill';
import { useSession } from '../../session';

type Row = ParkingStatsItem;
type Column = StatsColumn<Row, ParkingRow>;

/** The columns on a phone: the counts that matter most (the PC shows every class). */
const SHOWN: Array<ParkingCounter | 'filedRate' | 'ratio'> = ['projects', 'filed', 'notFiled', 'filedRate', 'total', 'underground', 'civilDefence', 'common', 'evCharging', 'chargingPosts', 'ratio'];
const labelOf = (key: string) => PARKING_STATS_COLUMNS.find((c) => c.key === key)!.label;

function ProjectCard({ item }: { item: ParkingCellItem }) {
  return (
    <View className="card sheet__option" id={`parking-project-${item.propertyAreaId}`}>
      <Text className="case-card__title">{item.propertyAreaName}</Text>
      <Text className="muted">
        {item.streetName} · {item.communityName} · {item.households} 户
      </Text>
      <Text className="muted">{item.filedAt ? `车位 ${item.total} 个（地下 ${item.underground}，人防 ${item.civilDefence}，充电 ${item.evCharging}），配比 ${item.ratio?.toFixed(2)}，${item.filedAt.slice(0, 10)} 填报` : '未填报'}</Text>
      <Text className="muted">项目负责人 {item.projectManagerName ?? '—'}</Text>
    </View>
  );
}

function DisputeCard({ item }: { item: ParkingDisputeAreaItem }) {
  return (
    <View className="card sheet__option" id={`parking-dispute-project-${item.propertyAreaId}`}>
      <Text className="case-card__title">{item.propertyAreaName}</Text>
      <Text className="muted">
        {item.streetName} · {item.communityName}
      </Text>
      <Text className="muted">{item.disputes.map((d) => `${d.typeLabel} ${d.caseCount}宗`).join('；')}</Text>
    </View>
  );
}

/**
 * 车位信息 (chapter 13, WeChat): 车位信息统计情况 by street → community → project (every number opens
 * its projects), 住宅小区车位纠纷类型情况 (a type opens its projects), and 提醒更新 to the 负责人 of the
 * projects that never filed.
 */
export default function Parking() {
  const { me } = useSession();
  const [opened, setOpened] = useState<OpenedCell<ParkingCellItem> | null>(null);
  const [disputeOpened, setDisputeOpened] = useState<OpenedCell<ParkingDisputeAreaItem> | null>(null);
  const drill = useRegionDrill((filter) => api.parking.statistics(filter), []);
  const filter = drillFilter(drill.stack);
  const disputes = useLoader(() => api.parking.disputes(filter), [JSON.stringify(filter)]);
  const rootLabel = me?.districtName ?? '全市';
  const place = crumbLabels(rootLabel, drill.stack).slice(-1)[0];
  const operate = me !== null && holds(me.modules, ModuleKey.PARKING, GrantAction.OPERATE);

  const openList = (label: string) => (cell: StatsCell<Row, ParkingRow>) => {
    const stack = drill.stack;
    setOpened({ title: `${cell.row?.regionName ?? `${place}合计`} · ${label}`, fetchPage: (page, pageSize) => api.parking.cells({ ...cellQuery(stack, cell.row, cell.key, { page, pageSize }), counter: cell.key as ParkingCounter }) });
  };
  const openDisputes = (type: ParkingDisputeType | undefined, label: string) => setDisputeOpened({ title: `车位纠纷 · ${label}`, fetchPage: (page, pageSize) => api.parking.disputeAreas({ ...filter, type, page, pageSize }) });
  const columns: Column[] = SHOWN.map((key): Column => {
    if (key === 'filedRate') return { key, label: labelOf(key), kind: 'rate' };
    if ((PARKING_DERIVED_KEYS as readonly string[]).includes(key)) return { key, label: labelOf(key), kind: 'count' };
    return { key, label: labelOf(key), kind: 'count', onOpenList: openList(labelOf(key)) };
  });

  return (
    <View className="page page--list" id="parking">
      <RegionDrillDown
        id="parking-stats"
        rootLabel={rootLabel}
        drill={drill}
        columns={columns}
        header={(stats) => (
          <Section title={`${place}车位信息统计情况`} id="parking-stats-summary">
            <Text className="muted">
              项目 {stats.total.projects} 个（已填报 {stats.total.filed}，未填报 {stats.total.notFiled}），车位 {stats.total.total} 个，人防 {stats.total.civilDefence} 个，充电 {stats.total.evCharging} 个，车位配比 {stats.total.ratio.toFixed(2)}
            </Text>
          </Section>
        )}
      />
      {operate && (
        <UrgeButton
          id="parking-remind"
          type="primary"
          block
          action="提醒更新"
          question={`向${place}范围内从未填报过车位信息的物业项目负责人发送微信通知？每位负责人24小时内只提醒一次。`}
          urge={() => api.parking.remind(filter)}
          summary={(result) => urgeSummary(result, { verb: '提醒' })}
          nothingLeftText="所选范围内的物业项目均已填报过车位信息"
          onDone={() => void drill.stats.reload()}
        >
          提醒更新
        </UrgeButton>
      )}
      <Section title={`${place}住宅小区车位纠纷类型情况`} id="parking-disputes">
        <LoadState loaded={disputes} id="parking-disputes-table" homeLink={false}>
          {(table) => (
            <View className="info-rows">
              {table.items.map((item) => (
                <View className="info-row" key={item.type} id={`parking-dispute-${item.type}`} onClick={item.projects > 0 ? () => openDisputes(item.type, item.typeLabel) : undefined}>
                  <Text className="info-row__label">{item.typeLabel}</Text>
                  <Text className="info-row__value">
                    {item.projects} 个项目 · {item.cases} 宗 · {item.share.toFixed(2)}%
                  </Text>
                </View>
              ))}
              <View className="info-row" id="parking-dispute-total" onClick={table.total.projects > 0 ? () => openDisputes(undefined, '全部类型') : undefined}>
                <Text className="info-row__label">合计</Text>
                <Text className="info-row__value">
                  {table.total.projects} 个项目 · {table.total.cases} 宗
                </Text>
              </View>
            </View>
          )}
        </LoadState>
      </Section>
      <CellListPopup id="parking-cell" cell={opened} onClose={() => setOpened(null)} emptyText="没有符合条件的项目" renderItem={(item) => <ProjectCard key={item.propertyAreaId} item={item} />} />
      <CellListPopup id="parking-dispute-cell" cell={disputeOpened} onClose={() => setDisputeOpened(null)} emptyText="没有符合条件的项目" renderItem={(item) => <DisputeCard key={item.propertyAreaId} item={item} />} />
    </View>
  );
}
