import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { BuildingNode, FacilityItem, FacilityStatistics, PropertyAreaDetail, PropertyAreaTab, UnitNode } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../../api';
import { EmptyArt } from '../../../components/EmptyArt';
import { InfoRows, Section } from '../../../components/InfoRows';
import { LoadState } from '../../../components/LoadState';
import { PagedListView } from '../../../components/PagedListView';
import { SearchBox } from '../../../components/SearchBox';
import { SegmentTabs } from '../../../components/SegmentTabs';
import { useLoader } from '../../../hooks/useLoader';
import { usePagedList } from '../../../hooks/usePagedList';
import { shanghaiToday } from '../../../logic/format';
import { areaInfoSections, buildingSummary, detailTabs, facilityDueMark, facilityPlace, formatSquareMetres, houseSummary } from '../../../logic/property-areas';
import { runsProjects } from '../../../logic/home-modules';
import { ROUTES } from '../../../routes';
import { useSession } from '../../../session';
import { go, intParam } from '../../../utils/navigation';
import { Button } from '../../../ui/button';
import { Empty } from '../../../ui/empty';
import { Tag } from '../../../ui/tag';
import { AreaPractitionersTabView } from '../../practitioners/area-tab';
import { AreaCommonFundsTabView } from '../../common-funds/area-tab';
import { AreaParkingTabView } from '../../parking/area-tab';
import '../property-areas.scss';

const TAB_KEYS = Object.values(PropertyAreaTab) as string[];

/**
 * 详情 of a property area: 物业区域信息, 共有资金信息, 房屋信息 (楼栋 → 单元 → 房屋, each level loaded
 * when opened), 设施设备信息 (per-type statistics, the ledger with due special equipment marked),
 * 车位信息 and 项目从业人员信息 (each its own endpoint; a chapter not landed yet says so). `?tab=` opens a tab.
 */
export default function PropertyAreaDetailPage() {
  const { params } = useRouter();
  const id = intParam(params, 'id');
  const initialTab = params.tab && TAB_KEYS.includes(params.tab) ? (params.tab as PropertyAreaTab) : PropertyAreaTab.INFO;
  const [tab, setTab] = useState<PropertyAreaTab>(initialTab);
  const loaded = useLoader(() => (id === null ? Promise.reject(new Error('物业区域编号不正确')) : api.propertyAreas.detail(id)), [id]);
  const [refreshKey, setRefreshKey] = useState(0);
  usePullDownRefresh(() => {
    setRefreshKey((k) => k + 1);
    void loaded.reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className="page" id="area-detail">
      <LoadState loaded={loaded} id="area">
        {(area) => (
          <>
            <AreaHead area={area} />
            <SegmentTabs id="area-tabs" tabs={detailTabs(area).map((t) => ({ value: t.key, label: t.label }))} value={tab} onChange={setTab} />
            <View key={`${tab}-${refreshKey}`}>
              {tab === PropertyAreaTab.INFO && <InfoTab area={area} />}
              {tab === PropertyAreaTab.HOUSES && <HousesTab area={area} />}
              {tab === PropertyAreaTab.FACILITIES && <FacilitiesTab area={area} />}
              {tab === PropertyAreaTab.PARKING && <AreaParkingTabView areaId={area.id} />}
              {tab === PropertyAreaTab.COMMON_FUNDS && <AreaCommonFundsTabView areaId={area.id} />}
              {tab === PropertyAreaTab.PRACTITIONERS && <AreaPractitionersTabView areaId={area.id} />}
            </View>
          </>
        )}
      </LoadState>
    </View>
  );
}

function AreaHead({ area }: { area: PropertyAreaDetail }) {
  const { me } = useSession();
  // a counterpart reads its own project here: 项目经理变更 and the update of its registration start from it
  const counterpart = me !== null && runsProjects(me.role);
  return (
    <View className="card" id="area-head">
      <Text className="case-card__title" id="area-name">
        {area.name}
      </Text>
      <Text className="muted">
        {area.districtName} · {area.streetName} · {area.communityName}
      </Text>
      <Text className="muted">{area.address}</Text>
      {counterpart && (
        <View className="actions actions--inline">
          <Button id="area-registration-update" size="small" fill="outline" onClick={() => go(ROUTES.projectRegistration, { areaId: area.id })}>
            更新登记信息
          </Button>
          <Button id="area-manager-change" size="small" fill="outline" onClick={() => go(ROUTES.managerChange, { areaId: area.id })}>
            项目经理变更
          </Button>
        </View>
      )}
    </View>
  );
}

function InfoTab({ area }: { area: PropertyAreaDetail }) {
  return (
    <View id="area-info">
      {areaInfoSections(area).map((section) => (
        <Section key={section.key} title={section.title} id={`area-info-${section.key}`}>
          <InfoRows rows={section.rows} />
        </Section>
      ))}
    </View>
  );
}

/** 房屋信息: the buildings; a building opens its units, a unit its houses (paged). */
function HousesTab({ area }: { area: PropertyAreaDetail }) {
  const buildings = useLoader(() => api.propertyAreas.buildings(area.id), [area.id]);
  return (
    <LoadState loaded={buildings} id="area-buildings" homeLink={false}>
      {(rows) => (
        <View id="area-houses">
          <Text className="muted" id="area-houses-summary">
            共 {rows.length} 栋，{rows.reduce((sum, b) => sum + b.houseCount, 0)} 户，建筑面积 {formatSquareMetres(rows.reduce((sum, b) => sum + b.buildingArea, 0))}
          </Text>
          {rows.length === 0 && (
            <View className="state-box" id="area-buildings-empty">
              <Empty status="empty" image={<EmptyArt text="空" />} title="该物业区域暂无楼栋信息" />
            </View>
          )}
          {rows.map((building) => (
            <BuildingRow key={building.id} areaId={area.id} building={building} />
          ))}
        </View>
      )}
    </LoadState>
  );
}

function BuildingRow({ areaId, building }: { areaId: number; building: BuildingNode }) {
  const [open, setOpen] = useState(false);
  const units = useLoader(() => api.propertyAreas.units(areaId, building.id), [areaId, building.id], { enabled: open });
  return (
    <View className="card" id={`building-${building.id}`}>
      <View className="tree-row" id={`building-${building.id}-toggle`} onClick={() => setOpen(!open)}>
        <View className="tree-row__text">
          <Text className="tree-row__title">{building.name}</Text>
          <Text className="muted">{buildingSummary(building)}</Text>
        </View>
        <Text className="tree-row__arrow">{open ? '收起' : '展开'}</Text>
      </View>
      {open && (
        <LoadState loaded={units} id={`building-${building.id}-units`} homeLink={false}>
          {(rows) => (
            <View className="tree-children" id={`building-${building.id}-unit-list`}>
              {rows.length === 0 && <Text className="muted">该楼栋暂无房屋</Text>}
              {rows.map((unit) => (
                <UnitRow key={unit.unitNo} areaId={areaId} buildingId={building.id} unit={unit} />
              ))}
            </View>
          )}
        </LoadState>
      )}
    </View>
  );
}

/** A unit's id part: unit numbers are free text (1单元, A座). */
function unitKey(unitNo: string): string {
  return encodeURIComponent(unitNo).replace(/%/g, '');
}

function UnitRow({ areaId, buildingId, unit }: { areaId: number; buildingId: number; unit: UnitNode }) {
  const [open, setOpen] = useState(false);
  const houses = usePagedList((page, pageSize) => api.propertyAreas.houses(areaId, { buildingId, unitNo: unit.unitNo, page, pageSize }), [areaId, buildingId, unit.unitNo], { enabled: open });
  const key = `unit-${buildingId}-${unitKey(unit.unitNo)}`;
  return (
    <View className="tree-unit" id={key}>
      <View className="tree-row" id={`${key}-toggle`} onClick={() => setOpen(!open)}>
        <View className="tree-row__text">
          <Text className="tree-row__title">{unit.unitNo || '未分单元'}</Text>
          <Text className="muted">
            {unit.houseCount}户 · {formatSquareMetres(unit.buildingArea)}
          </Text>
        </View>
        <Text className="tree-row__arrow">{open ? '收起' : '展开'}</Text>
      </View>
      {open && (
        <View className="tree-children">
          <PagedListView
            list={houses}
            id={`${key}-houses`}
            emptyText="该单元暂无房屋"
            renderItem={(house) => (
              <View key={house.id} className="tree-house" id={`house-${house.id}`}>
                <Text className="tree-row__title">{house.roomNo}</Text>
                <Text className="muted">{houseSummary(house)}</Text>
              </View>
            )}
          />
        </View>
      )}
    </View>
  );
}

/** 设施设备信息: the counts per type, and the ledger (searchable, paged) with due special equipment marked. */
function FacilitiesTab({ area }: { area: PropertyAreaDetail }) {
  const [search, setSearch] = useState('');
  const [typeId, setTypeId] = useState<number | null>(null);
  const stats = useLoader(() => api.propertyAreas.facilityStatistics(area.id), [area.id]);
  const list = usePagedList((page, pageSize) => api.propertyAreas.facilities(area.id, { search: search || undefined, typeId: typeId ?? undefined, page, pageSize }), [area.id, search, typeId]);
  const today = shanghaiToday();
  const withinDays = stats.data?.withinDays ?? 30;
  const filtered = search !== '' || typeId !== null;
  return (
    <View id="area-facilities">
      <LoadState loaded={stats} id="facility-stats" homeLink={false}>
        {(s) => <FacilityStatsView stats={s} typeId={typeId} onType={setTypeId} />}
      </LoadState>
      <SearchBox id="facility-search" placeholder="设施设备名称、注册代码或位置" onSearch={setSearch} />
      <PagedListView
        list={list}
        id="facility-list"
        emptyText={filtered ? '没有符合条件的设施设备' : '该物业区域暂无设施设备'}
        emptyHint={filtered ? '换个名称或类型再查' : undefined}
        renderItem={(facility) => <FacilityRow key={facility.id} facility={facility} today={today} withinDays={withinDays} />}
      />
    </View>
  );
}

function FacilityStatsView({ stats, typeId, onType }: { stats: FacilityStatistics; typeId: number | null; onType: (id: number | null) => void }) {
  const types = stats.types.filter((t) => t.facilities > 0);
  return (
    <Section title="设施设备统计" id="facility-stats-summary">
      <Text className="muted" id="facility-stats-total">
        共 {stats.total.facilities} 项（数量 {stats.total.quantity}），在用 {stats.total.enabled} 项，停用 {stats.total.disabled} 项；特种设备 {stats.total.specialEquipment} 项，其中 {stats.withinDays} 天内到期或已过期 {stats.total.dueSoon} 项
      </Text>
      <View className="choices" id="facility-types">
        <View className={`choice${typeId === null ? ' choice--active' : ''}`} id="facility-type-all" onClick={() => onType(null)}>
          <Text>全部 {stats.total.facilities}</Text>
        </View>
        {types.map((t) => (
          <View key={t.facilityTypeId} className={`choice${typeId === t.facilityTypeId ? ' choice--active' : ''}`} id={`facility-type-${t.facilityTypeId}`} onClick={() => onType(typeId === t.facilityTypeId ? null : t.facilityTypeId)}>
            <Text>
              {t.facilityTypePath} {t.facilities}
            </Text>
          </View>
        ))}
      </View>
    </Section>
  );
}

function FacilityRow({ facility, today, withinDays }: { facility: FacilityItem; today: string; withinDays: number }) {
  const due = facilityDueMark(facility, today, withinDays);
  return (
    <View className="card" id={`facility-${facility.id}`}>
      <View className="case-card__head">
        <Text className="case-card__title">{facility.name}</Text>
        <View className="inline">
          {!facility.enabled && <Tag type="default">已停用</Tag>}
          {due && (
            <View id={`facility-${facility.id}-due`}>
              <Tag type={due.type}>{due.text}</Tag>
            </View>
          )}
        </View>
      </View>
      <Text className="muted">{facility.facilityTypePath}</Text>
      <Text className="muted">{facilityPlace(facility)}</Text>
      {facility.isSpecialEquipment && (
        <Text className="muted">
          注册代码：{facility.registerNumber ?? '—'} · 到期日期：{facility.dueDate ?? '—'}
        </Text>
      )}
      {(facility.company || facility.personLiable) && (
        <Text className="muted">
          {[facility.company && `维保单位：${facility.company}`, facility.personLiable && `责任人：${facility.personLiable}`].filter(Boolean).join(' · ')}
        </Text>
      )}
    </View>
  );
}
