import {
  BuildingNode,
  HouseItem,
  PropertyAreaCounters,
  PropertyAreaDetail,
  PropertyAreaListItem,
  PropertyAreaProfileView,
  PropertyAreaTab,
  PropertyAreaTabInfo,
  PROPERTY_AREA_COUNTER_LABELS,
  PROPERTY_AREA_TAB_LABELS,
} from '@szpm/contract';
import { formatDate } from './format';

/** What a missing value reads as. */
export const NONE = '—';

/** A number with thousands separators and at most two decimals: 12,345.6 */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NONE;
  const rounded = Math.round(value * 100) / 100;
  const [whole, fraction] = String(Math.abs(rounded)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** An area measure: 12,345.6 ㎡ (a no-break space: the unit never wraps onto a line of its own) */
export function formatSquareMetres(value: number | null | undefined): string {
  const text = formatNumber(value);
  return text === NONE ? NONE : `${text}\u00a0㎡`;
}

function text(value: string | number | null | undefined, unit = ''): string {
  if (value === null || value === undefined || value === '') return NONE;
  return `${value}${unit}`;
}

function yesNo(value: boolean | null | undefined): string {
  if (value === null || value === undefined) return NONE;
  return value ? '是' : '否';
}

/** 物业服务企业 of a list row: the company, or 自管 for a self-managed area. */
export function managementText(area: Pick<PropertyAreaListItem, 'companyName' | 'selfManaged'>): string {
  if (area.selfManaged) return '自管';
  return area.companyName ?? '暂无物业服务企业';
}

/** The second line of a list row: where it is. */
export function areaPlace(area: Pick<PropertyAreaListItem, 'streetName' | 'communityName'>): string {
  return [area.streetName, area.communityName].filter(Boolean).join(' · ');
}

/** The third line of a list row: the size of the estate. */
export function areaSizeText(area: Pick<PropertyAreaListItem, 'floorArea' | 'houseCount'>): string {
  return `建筑面积 ${formatSquareMetres(area.floorArea)} · ${area.houseCount} 户`;
}

export interface InfoSection {
  key: string;
  title: string;
  rows: Array<{ label: string; value: string }>;
}

/** 物业区域信息: the area's core fields and its extension record, grouped as the officer reads them. */
export function areaInfoSections(area: PropertyAreaDetail): InfoSection[] {
  const p: PropertyAreaProfileView = area.profile;
  const contractPeriod = p.contractStart || p.contractEnd ? `${formatDate(p.contractStart) || NONE} 至 ${formatDate(p.contractEnd) || NONE}` : NONE;
  return [
    {
      key: 'basic',
      title: '基本信息',
      rows: [
        { label: '物业区域名称', value: area.name },
        { label: '项目编号', value: text(area.code) },
        { label: '所在区域', value: [area.districtName, area.streetName, area.communityName].filter(Boolean).join(' ') || NONE },
        { label: '地址', value: text(area.address) },
        { label: '宗地号', value: text(area.landNumber) },
        { label: '坐落', value: text(area.location) },
        { label: '物业类型', value: text(p.areaTypeLabel) },
        { label: '物业服务企业', value: managementText(area) },
        { label: '项目负责人', value: area.projectManagerName ? `${area.projectManagerName}${area.projectManagerPhone ? `（${area.projectManagerPhone}）` : ''}` : NONE },
        { label: '开发建设单位', value: text(p.developerName ?? area.developerName) },
        { label: '入伙日期', value: formatDate(p.handoverDate ?? area.handoverDate) || NONE },
        { label: '坐标图层', value: area.layer ? `${area.coordinateStatusLabel}（${area.layer}）` : area.coordinateStatusLabel },
        { label: '分期', value: p.totalPhases ? `共 ${p.totalPhases} 期${p.phase ? `，第 ${p.phase} 期` : ''}` : NONE },
        { label: '外市项目', value: yesNo(area.otherCityProject) },
        { label: '备注', value: text(area.remarks) },
      ],
    },
    {
      key: 'service',
      title: '物业服务',
      rows: [
        { label: '服务类型', value: text(p.serviceTypeLabel) },
        { label: '合同类型', value: text(p.contractTypeLabel) },
        { label: '合同期限', value: contractPeriod },
        { label: '物业服务费', value: p.servicePrice === null ? NONE : `${formatNumber(p.servicePrice)} 元/㎡·月` },
        { label: '物业费收缴率', value: p.collectionRate === null ? NONE : `${formatNumber(p.collectionRate)}%` },
        { label: '管理处', value: text(p.managementOffice) },
        { label: '管理处电话', value: text(p.managementOfficePhone) },
      ],
    },
    {
      key: 'households',
      title: '户数',
      rows: [
        { label: '总户数', value: text(p.totalHouseholds) },
        { label: '业主数', value: text(p.ownerCount) },
        { label: '入住户数', value: text(p.occupiedHouseholds) },
        { label: '房屋（已登记）', value: `${area.houseCount} 套，${area.buildingCount} 栋` },
      ],
    },
    {
      key: 'areas',
      title: '面积',
      rows: (
        [
          ['总建筑面积', p.buildArea ?? area.floorArea],
          ['服务面积', p.serviceArea],
          ['占地面积', p.siteArea],
          ['绿化面积', p.greenArea],
          ['停车场面积', p.parkingArea],
          ['公共配套面积', p.publicFacilityArea],
          ['多层面积', p.multiStoreyArea],
          ['高层面积', p.highRiseArea],
          ['别墅面积', p.villaArea],
          ['办公面积', p.officeArea],
          ['商业面积', p.commerceArea],
          ['工业面积', p.industrialArea],
          ['市政面积', p.municipalArea],
          ['其他面积', p.otherArea],
        ] as Array<[string, number | null]>
      ).map(([label, value]) => ({ label, value: formatSquareMetres(value) })),
    },
    {
      key: 'bounds',
      title: '四至',
      rows: [
        { label: '东至', value: text(p.boundEast) },
        { label: '南至', value: text(p.boundSouth) },
        { label: '西至', value: text(p.boundWest) },
        { label: '北至', value: text(p.boundNorth) },
        { label: '均价', value: p.averagePrice === null ? NONE : `${formatNumber(p.averagePrice)} 元/㎡` },
      ],
    },
    {
      key: 'committee',
      title: '业主委员会',
      rows: [
        { label: '已成立业委会', value: yesNo(p.hasCommittee) },
        { label: '业委会名称', value: text(p.committeeName) },
        { label: '业委会电话', value: text(p.committeePhone) },
      ],
    },
  ];
}

/** The six tabs as the detail page shows them: the api's list in its order, or the manual's when it sends none. */
export function detailTabs(area: Pick<PropertyAreaDetail, 'tabs'>): PropertyAreaTabInfo[] {
  if (area.tabs?.length) return area.tabs;
  return Object.values(PropertyAreaTab).map((key) => ({ key, label: PROPERTY_AREA_TAB_LABELS[key], path: '' }));
}

/** A building of the house tree: its size in one line. */
export function buildingSummary(building: Pick<BuildingNode, 'totalFloors' | 'hasBasement' | 'structureLabel' | 'unitCount' | 'houseCount' | 'buildingArea'>): string {
  const floors = `${building.totalFloors}层${building.hasBasement ? '（含地下室）' : ''}`;
  return `${floors} · ${building.structureLabel} · ${building.unitCount}个单元 · ${building.houseCount}户 · ${formatSquareMetres(building.buildingArea)}`;
}

/** A house row: room, floor, areas. */
export function houseSummary(house: Pick<HouseItem, 'floor' | 'usage' | 'buildingArea' | 'innerArea' | 'houseType'>): string {
  return [house.floor === null ? null : `${house.floor}层`, house.houseType ?? house.usage, `建筑面积 ${formatSquareMetres(house.buildingArea)}`, house.innerArea === null ? null : `套内 ${formatSquareMetres(house.innerArea)}`]
    .filter(Boolean)
    .join(' · ');
}

/** The counters of 本区项目统计 in the table's order; buildArea and households are sums, the rest counts of areas. */
export const AREA_COUNTER_KEYS: ReadonlyArray<keyof PropertyAreaCounters> = ['projects', 'buildArea', 'households', 'companyManaged', 'selfManaged', 'withCommittee'];

export function counterLabel(key: keyof PropertyAreaCounters): string {
  return PROPERTY_AREA_COUNTER_LABELS[key];
}

/** The summary line above the table: 共 26 个项目，总建筑面积 1,234,567 ㎡，总户数 12,345 户. */
export function statsSummary(total: PropertyAreaCounters): string {
  return `共 ${total.projects} 个项目，总建筑面积 ${formatSquareMetres(total.buildArea)}，总户数 ${formatNumber(total.households)} 户；企业管理 ${total.companyManaged} 个，自管 ${total.selfManaged} 个，已成立业委会 ${total.withCommittee} 个`;
}

/** Days from `today` to `date` (both YYYY-MM-DD, whole days; negative when past). */
export function daysUntil(date: string, today: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86400_000);
}

export interface DueMark {
  text: string;
  type: 'danger' | 'warning';
}

/**
 * 到期提醒 on a facility row: special equipment (lifts …) whose 到期日期 has passed or falls within
 * the look-ahead (the api's withinDays, 30 by default); nothing for other rows.
 */
export function facilityDueMark(facility: { isSpecialEquipment: boolean; dueDate: string | null; enabled?: boolean }, today: string, withinDays: number): DueMark | null {
  if (!facility.isSpecialEquipment || !facility.dueDate || facility.enabled === false) return null;
  const days = daysUntil(facility.dueDate, today);
  if (days < 0) return { text: `已过期 ${-days} 天`, type: 'danger' };
  if (days === 0) return { text: '今日到期', type: 'danger' };
  if (days <= withinDays) return { text: `${days} 天后到期`, type: 'warning' };
  return null;
}

/** A facility row's second line: where it is and how many. */
export function facilityPlace(facility: { buildingName: string | null; unitName: string | null; position: string | null; quantity: number }): string {
  const where = [facility.buildingName, facility.unitName, facility.position].filter(Boolean).join(' ');
  return `${where || '物业区域公共部位'} · 数量 ${facility.quantity}`;
}
