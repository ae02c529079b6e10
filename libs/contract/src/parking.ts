/**
 * Chapter 13, 车位信息: each property area's parking filing (the current one and its history), filed
 * by the project manager in the mini-program; the area's parking-dispute reports by type; the
 * officers' 车位信息统计 and 住宅小区车位纠纷类型情况 (region drill-down, every number opening its
 * list, xlsx export); and 提醒更新 to the 负责人 of projects that never filed.
 */
import { RegionCellQuery, RegionStats, RegionStatsFilter, RegionStatsItem } from './statistics';

/** 住宅小区车位纠纷类型: the domain notes' catalogue (existing notes plus two Shenzhen cases). */
export enum ParkingDisputeType {
  /** 产权 / 归属争议（含人防车位） */
  OWNERSHIP = 'OWNERSHIP',
  /** 产权车位被占用 */
  OWNED_SPACE_OCCUPIED = 'OWNED_SPACE_OCCUPIED',
  /** 停车费定价 */
  FEE_PRICING = 'FEE_PRICING',
  /** 欠费锁车 */
  ARREARS_LOCK = 'ARREARS_LOCK',
  /** 车辆被盗、损坏 */
  THEFT_DAMAGE = 'THEFT_DAMAGE',
  /** 共有场地收益 */
  COMMON_SITE_INCOME = 'COMMON_SITE_INCOME',
  /** 无产权车位被出售 */
  UNTITLED_SOLD = 'UNTITLED_SOLD',
  /** 车位“对外公用”配额与业主摇号 */
  PUBLIC_QUOTA = 'PUBLIC_QUOTA',
  /** 开发商“赠送”车位与公共车位之争 */
  GIFTED_SPACE = 'GIFTED_SPACE',
}

export const PARKING_DISPUTE_TYPE_LABELS: Record<ParkingDisputeType, string> = {
  [ParkingDisputeType.OWNERSHIP]: '产权/归属争议（含人防车位）',
  [ParkingDisputeType.OWNED_SPACE_OCCUPIED]: '产权车位被占用',
  [ParkingDisputeType.FEE_PRICING]: '停车费定价',
  [ParkingDisputeType.ARREARS_LOCK]: '欠费锁车',
  [ParkingDisputeType.THEFT_DAMAGE]: '车辆被盗、损坏',
  [ParkingDisputeType.COMMON_SITE_INCOME]: '共有场地收益',
  [ParkingDisputeType.UNTITLED_SOLD]: '无产权车位被出售',
  [ParkingDisputeType.PUBLIC_QUOTA]: '对外公用配额与业主摇号',
  [ParkingDisputeType.GIFTED_SPACE]: '开发商赠送车位与公共车位之争',
};

/** The space counts of a filing, in the form's order. */
export const PARKING_COUNT_FIELDS = [
  'total',
  'surface',
  'underground',
  'mechanical',
  'soldOwned',
  'developerHeld',
  'rented',
  'civilDefence',
  'common',
  'publicOpen',
  'temporary',
  'evCharging',
  'chargingPosts',
  'accessible',
] as const;

export type ParkingCountField = (typeof PARKING_COUNT_FIELDS)[number];

export const PARKING_FIELD_LABELS: Record<ParkingCountField | 'monthlyFee' | 'hourlyFee', string> = {
  total: '车位总数',
  surface: '地上车位',
  underground: '地下车位',
  mechanical: '机械车位',
  soldOwned: '产权车位（已售）',
  developerHeld: '开发商持有（未售）',
  rented: '出租车位',
  civilDefence: '人防车位',
  common: '共有车位',
  publicOpen: '对外开放车位',
  temporary: '临时车位',
  evCharging: '充电车位',
  chargingPosts: '充电桩数',
  accessible: '无障碍车位',
  monthlyFee: '月租标准（元/月）',
  hourlyFee: '临停标准（元/小时）',
};

/** 地上 + 地下 + 机械 = 车位总数 */
export const PARKING_LOCATION_FIELDS = ['surface', 'underground', 'mechanical'] as const;
/** by right: together at most 车位总数 */
export const PARKING_RIGHT_FIELDS = ['soldOwned', 'developerHeld', 'rented', 'civilDefence', 'common'] as const;
/** each at most 车位总数 */
export const PARKING_CAPPED_FIELDS = ['publicOpen', 'temporary', 'evCharging', 'accessible'] as const;

export type ParkingCounts = Record<ParkingCountField, number>;

/** One dispute type reported with a filing. */
export interface ParkingDisputeInput {
  type: ParkingDisputeType;
  /** 宗数, at least 1 */
  caseCount: number;
  note?: string | null;
}

/** POST /api/property-areas/:id/parking/filings (the project manager of the area). */
export interface ParkingFilingRequest extends ParkingCounts {
  /** 元/月; null: not charged / not stated */
  monthlyFee?: number | null;
  /** 元/小时 */
  hourlyFee?: number | null;
  remarks?: string | null;
  /** the dispute types the area has had, each at most once; empty: none */
  disputes?: ParkingDisputeInput[];
}

export interface ParkingDisputeView {
  type: ParkingDisputeType;
  typeLabel: string;
  caseCount: number;
  note: string | null;
}

export interface ParkingFilingView extends ParkingCounts {
  id: number;
  propertyAreaId: number;
  monthlyFee: number | null;
  hourlyFee: number | null;
  remarks: string | null;
  /** true for the filing in force; false once a later one superseded it */
  current: boolean;
  filedAt: string;
  filedByName: string;
  supersededAt: string | null;
  disputes: ParkingDisputeView[];
}

/** GET /api/property-areas/:id/parking: the 车位信息 tab. */
export interface ParkingAreaTab {
  propertyAreaId: number;
  /** 总户数 (the profile's, else the area's house count) */
  households: number;
  /** null: never filed */
  current: ParkingFilingView | null;
  /** 车位配比 of the current filing (spaces per household), null when not filed */
  ratio: number | null;
  /** 业主优先 (民法典 276): the spaces open to outsiders exceed those left after one per household (a flag, not a refusal) */
  ownersFirstWarning: boolean;
  /** how many filings the area has, the current one included */
  filingCount: number;
}

/**
 * 车位配比: spaces per household, two decimals; 0 when either is 0. One rule for the server, the
 * mini-program and the portal.
 */
export function parkingRatio(spaces: number, households: number): number {
  if (!spaces || !households) return 0;
  return Math.round((spaces / households) * 100) / 100;
}

/** 业主优先: open-to-the-public spaces beyond what is left after one space per household. */
export function ownersFirstWarning(total: number, publicOpen: number, households: number): boolean {
  return publicOpen > 0 && publicOpen > Math.max(0, total - households);
}

/** 车位信息统计: the counters of one row. */
export interface ParkingCounters {
  /** 项目数 */
  projects: number;
  /** 已填报 */
  filed: number;
  /** 未填报 */
  notFiled: number;
  /** 总户数 of the filed projects (车位配比's denominator) */
  households: number;
  total: number;
  surface: number;
  underground: number;
  mechanical: number;
  soldOwned: number;
  developerHeld: number;
  rented: number;
  civilDefence: number;
  common: number;
  publicOpen: number;
  temporary: number;
  evCharging: number;
  chargingPosts: number;
  accessible: number;
}

export type ParkingCounter = keyof ParkingCounters;

/** derived from the counters (never a list of its own) */
export interface ParkingDerived {
  /** 填报率 % */
  filedRate: number;
  /** 车位配比: total / households of the filed projects */
  ratio: number;
}

export type ParkingRow = ParkingCounters & ParkingDerived;
export type ParkingStatsItem = RegionStatsItem<ParkingRow>;
export type ParkingStats = RegionStats<ParkingRow>;

/** The statistics table's columns, in the order on screen (and in the export). */
export const PARKING_STATS_COLUMNS: ReadonlyArray<{ key: ParkingCounter | keyof ParkingDerived; label: string }> = [
  { key: 'projects', label: '项目数' },
  { key: 'filed', label: '已填报' },
  { key: 'notFiled', label: '未填报' },
  { key: 'filedRate', label: '填报率(%)' },
  { key: 'total', label: '车位总数' },
  { key: 'surface', label: '地上' },
  { key: 'underground', label: '地下' },
  { key: 'mechanical', label: '机械' },
  { key: 'soldOwned', label: '产权(已售)' },
  { key: 'developerHeld', label: '开发商持有' },
  { key: 'rented', label: '出租' },
  { key: 'civilDefence', label: '人防' },
  { key: 'common', label: '共有' },
  { key: 'publicOpen', label: '对外开放' },
  { key: 'temporary', label: '临时' },
  { key: 'evCharging', label: '充电车位' },
  { key: 'chargingPosts', label: '充电桩' },
  { key: 'accessible', label: '无障碍' },
  { key: 'households', label: '已填报户数' },
  { key: 'ratio', label: '车位配比' },
];

/** Derived columns: shown, not tappable. */
export const PARKING_DERIVED_KEYS: ReadonlyArray<keyof ParkingDerived> = ['filedRate', 'ratio'];

export type ParkingStatsQuery = RegionStatsFilter;

export interface ParkingCellQuery extends RegionCellQuery {
  counter: ParkingCounter;
}

/** One project behind a number of 车位信息统计. */
export interface ParkingCellItem {
  propertyAreaId: number;
  propertyAreaName: string;
  propertyAreaCode: string;
  streetName: string;
  communityName: string;
  companyName: string | null;
  projectManagerName: string | null;
  households: number;
  /** null: not filed */
  filedAt: string | null;
  total: number | null;
  underground: number | null;
  civilDefence: number | null;
  evCharging: number | null;
  ratio: number | null;
}

/** 住宅小区车位纠纷类型情况: one type. */
export interface ParkingDisputeTypeRow {
  type: ParkingDisputeType;
  typeLabel: string;
  /** projects that reported the type */
  projects: number;
  /** 宗数 */
  cases: number;
  /** share of all cases, % (rate) */
  share: number;
}

export interface ParkingDisputeStats {
  items: ParkingDisputeTypeRow[];
  /** 合计: projects with any dispute, all cases, 100 (0 when none) */
  total: { projects: number; cases: number; share: number };
}

/** The projects behind one dispute type (absent: any type), within the table's filter. */
export interface ParkingDisputeAreaQuery extends RegionStatsFilter {
  type?: ParkingDisputeType;
  page?: number;
  pageSize?: number;
}

export interface ParkingDisputeAreaItem {
  propertyAreaId: number;
  propertyAreaName: string;
  streetName: string;
  communityName: string;
  companyName: string | null;
  projectManagerName: string | null;
  /** the area's reported types with their counts */
  disputes: ParkingDisputeView[];
  cases: number;
}

/** POST /api/parking/remind-update: the projects of the filter that never filed. */
export type ParkingRemindRequest = RegionStatsFilter;

export interface ParkingHistoryQuery {
  page?: number;
  pageSize?: number;
}

/** The subject of every 提醒更新 of parking: one cooldown row per project manager, whoever reminds. */
export const PARKING_REMIND_SUBJECT = { type: 'parking-filing', id: 0 } as const;

export enum ParkingErrorCode {
  LOCATION_SUM_MISMATCH = 'PARKING_LOCATION_SUM_MISMATCH',
  RIGHTS_EXCEED_TOTAL = 'PARKING_RIGHTS_EXCEED_TOTAL',
  CLASS_EXCEEDS_TOTAL = 'PARKING_CLASS_EXCEEDS_TOTAL',
  DISPUTE_TYPE_REPEATED = 'PARKING_DISPUTE_TYPE_REPEATED',
}

export const PARKING_ERROR_MESSAGES: Record<ParkingErrorCode, string> = {
  [ParkingErrorCode.LOCATION_SUM_MISMATCH]: '地上、地下、机械车位之和须等于车位总数',
  [ParkingErrorCode.RIGHTS_EXCEED_TOTAL]: '产权、开发商持有、出租、人防、共有车位之和不能超过车位总数',
  [ParkingErrorCode.CLASS_EXCEEDS_TOTAL]: '该类车位数不能超过车位总数',
  [ParkingErrorCode.DISPUTE_TYPE_REPEATED]: '同一纠纷类型只能填报一次',
};
