/**
 * Chapter 5, 项目管理: the property-area registry (物业区域管理) — the list with its four search keys,
 * the detail with its six tabs, the house tree 楼栋 → 单元 → 房屋 and 本区项目统计.
 */
import { Page } from './api-types';
import { RegionStats, RegionStatsItem } from './statistics';

/**
 * The coordinates the platform takes (WGS-84 degrees): China's extent, beyond which no property
 * area and no map view of one lies — a centroid, a registration's or the list's map rectangle.
 */
export const LONGITUDE_RANGE = { min: 73, max: 136 } as const;
export const LATITUDE_RANGE = { min: 3, max: 54 } as const;

/** 坐标图层: whether the area's boundary has been plotted on the map. */
export enum CoordinateStatus {
  PLOTTED = 'PLOTTED',
  UNPLOTTED = 'UNPLOTTED',
}

export const COORDINATE_STATUS_LABELS: Record<CoordinateStatus, string> = {
  [CoordinateStatus.PLOTTED]: '已标注',
  [CoordinateStatus.UNPLOTTED]: '未标注',
};

/** 物业类型 */
export enum AreaType {
  RESIDENTIAL = 'RESIDENTIAL',
  COMMERCIAL = 'COMMERCIAL',
  OFFICE = 'OFFICE',
  INDUSTRIAL_PARK = 'INDUSTRIAL_PARK',
  MIXED = 'MIXED',
}

export const AREA_TYPE_LABELS: Record<AreaType, string> = {
  [AreaType.RESIDENTIAL]: '住宅',
  [AreaType.COMMERCIAL]: '商业',
  [AreaType.OFFICE]: '办公',
  [AreaType.INDUSTRIAL_PARK]: '工业园区',
  [AreaType.MIXED]: '综合',
};

/** 服务类型 (how the service fee is charged) */
export enum ServiceType {
  /** 包干制 */
  LUMP_SUM = 'LUMP_SUM',
  /** 酬金制 */
  COMMISSION = 'COMMISSION',
}

export const SERVICE_TYPE_LABELS: Record<ServiceType, string> = {
  [ServiceType.LUMP_SUM]: '包干制',
  [ServiceType.COMMISSION]: '酬金制',
};

/** 合同类型 */
export enum ContractType {
  /** 前期物业服务合同 (signed by the developer before the owners' assembly) */
  PRELIMINARY = 'PRELIMINARY',
  /** 物业服务合同 (signed by the owners' committee) */
  REGULAR = 'REGULAR',
}

export const CONTRACT_TYPE_LABELS: Record<ContractType, string> = {
  [ContractType.PRELIMINARY]: '前期物业服务合同',
  [ContractType.REGULAR]: '物业服务合同',
};

/** 楼栋结构 (HouseMade) */
export enum BuildingStructure {
  RC = 'RC',
  FRAME = 'FRAME',
  MASONRY = 'MASONRY',
  STEEL = 'STEEL',
  OTHER = 'OTHER',
}

export const BUILDING_STRUCTURE_LABELS: Record<BuildingStructure, string> = {
  [BuildingStructure.RC]: '钢混',
  [BuildingStructure.FRAME]: '框架',
  [BuildingStructure.MASONRY]: '砖混',
  [BuildingStructure.STEEL]: '钢结构',
  [BuildingStructure.OTHER]: '其他',
};

/** The sort keys of the area list. */
export enum PropertyAreaSort {
  NAME = 'name',
  FLOOR_AREA = 'floorArea',
  HOUSE_COUNT = 'houseCount',
  HANDOVER_DATE = 'handoverDate',
}

export enum PropertyAreaErrorCode {
  NOT_FOUND = 'PROPERTY_AREA_NOT_FOUND',
  BUILDING_NOT_FOUND = 'PROPERTY_AREA_BUILDING_NOT_FOUND',
  /** swLng, swLat, neLng, neLat: all four or none */
  RECTANGLE_INCOMPLETE = 'PROPERTY_AREA_RECTANGLE_INCOMPLETE',
  /** the south-west corner lies north or east of the north-east corner */
  RECTANGLE_INVERTED = 'PROPERTY_AREA_RECTANGLE_INVERTED',
  /** unitNo without buildingId */
  UNIT_WITHOUT_BUILDING = 'PROPERTY_AREA_UNIT_WITHOUT_BUILDING',
}

export const PROPERTY_AREA_ERROR_MESSAGES: Record<PropertyAreaErrorCode, string> = {
  [PropertyAreaErrorCode.NOT_FOUND]: '物业区域不存在',
  [PropertyAreaErrorCode.BUILDING_NOT_FOUND]: '该物业区域下没有这个楼栋',
  [PropertyAreaErrorCode.RECTANGLE_INCOMPLETE]: '地图范围查询须同时填写西南角和东北角的经度、纬度',
  [PropertyAreaErrorCode.RECTANGLE_INVERTED]: '地图范围的西南角须在东北角的西南方向（经度、纬度都较小）',
  [PropertyAreaErrorCode.UNIT_WITHOUT_BUILDING]: '按单元查看房屋时须先选择楼栋',
};

/** One row of 物业区域管理 (GET /api/property-areas). */
export interface PropertyAreaListItem {
  id: number;
  code: string;
  name: string;
  districtId: number;
  districtName: string;
  streetId: number;
  streetName: string;
  communityId: number;
  communityName: string;
  address: string;
  companyId: number | null;
  /** 物业服务企业; null for self-managed areas */
  companyName: string | null;
  /** 开发建设单位 */
  developerName: string | null;
  projectManagerName: string | null;
  /** 建筑面积 ㎡ */
  floorArea: number;
  houseCount: number;
  selfManaged: boolean;
  hasCommittee: boolean;
  coordinateStatus: CoordinateStatus;
  coordinateStatusLabel: string;
  layer: string | null;
  /** 入伙日期 YYYY-MM-DD */
  handoverDate: string | null;
  longitude: number;
  latitude: number;
}

/** The extension record (物业区域信息 tab); every value null when not recorded. */
export interface PropertyAreaProfileView {
  areaType: AreaType | null;
  areaTypeLabel: string | null;
  serviceType: ServiceType | null;
  serviceTypeLabel: string | null;
  contractType: ContractType | null;
  contractTypeLabel: string | null;
  contractStart: string | null;
  contractEnd: string | null;
  /** 物业服务费单价 元/㎡·月 */
  servicePrice: number | null;
  /** 物业费收缴率 % */
  collectionRate: number | null;
  totalHouseholds: number | null;
  ownerCount: number | null;
  occupiedHouseholds: number | null;
  handoverDate: string | null;
  buildArea: number | null;
  serviceArea: number | null;
  siteArea: number | null;
  greenArea: number | null;
  parkingArea: number | null;
  publicFacilityArea: number | null;
  multiStoreyArea: number | null;
  highRiseArea: number | null;
  villaArea: number | null;
  officeArea: number | null;
  commerceArea: number | null;
  industrialArea: number | null;
  municipalArea: number | null;
  otherArea: number | null;
  averagePrice: number | null;
  boundEast: string | null;
  boundSouth: string | null;
  boundWest: string | null;
  boundNorth: string | null;
  totalPhases: number | null;
  phase: number | null;
  hasCommittee: boolean;
  committeeName: string | null;
  committeePhone: string | null;
  managementOffice: string | null;
  managementOfficePhone: string | null;
  developerName: string | null;
}

/** The six tabs of 详情, in the manual's order. */
export enum PropertyAreaTab {
  INFO = 'info',
  COMMON_FUNDS = 'common-funds',
  HOUSES = 'houses',
  FACILITIES = 'facilities',
  PARKING = 'parking',
  PRACTITIONERS = 'practitioners',
}

export const PROPERTY_AREA_TAB_LABELS: Record<PropertyAreaTab, string> = {
  [PropertyAreaTab.INFO]: '物业区域信息',
  [PropertyAreaTab.COMMON_FUNDS]: '共有资金信息',
  [PropertyAreaTab.HOUSES]: '房屋信息',
  [PropertyAreaTab.FACILITIES]: '设施设备信息',
  [PropertyAreaTab.PARKING]: '车位信息',
  [PropertyAreaTab.PRACTITIONERS]: '项目从业人员信息',
};

export interface PropertyAreaTabInfo {
  key: PropertyAreaTab;
  label: string;
  /** the endpoint under /api/property-areas/:id that answers the tab ('' for the detail itself) */
  path: string;
}

/** GET /api/property-areas/:id */
export interface PropertyAreaDetail extends PropertyAreaListItem {
  landNumber: string | null;
  location: string | null;
  externalCode: string | null;
  otherCityProject: boolean;
  ownersCommitteeId: number | null;
  remarks: string | null;
  /** a GeoJSON Polygon, null while not plotted */
  boundaryGeoJson: string | null;
  developerId: number | null;
  projectManagerId: number | null;
  projectManagerPhone: string | null;
  version: number;
  updatedAt: string;
  profile: PropertyAreaProfileView;
  buildingCount: number;
  tabs: PropertyAreaTabInfo[];
}

/** 楼栋: the first level of the house tree. */
export interface BuildingNode {
  id: number;
  code: string;
  name: string;
  totalFloors: number;
  hasBasement: boolean;
  structure: BuildingStructure;
  structureLabel: string;
  buildYear: number | null;
  unitCount: number;
  houseCount: number;
  /** 建筑面积 of its houses, ㎡ */
  buildingArea: number;
}

/** 单元: the distinct unitNo of one building. */
export interface UnitNode {
  unitNo: string;
  houseCount: number;
  buildingArea: number;
}

/** 房屋 */
export interface HouseItem {
  id: number;
  buildingId: number | null;
  buildingName: string;
  unitNo: string;
  roomNo: string;
  floor: number | null;
  realEstateUnitNo: string | null;
  usage: string;
  houseType: string | null;
  saleStatus: string | null;
  buildingArea: number | null;
  innerArea: number | null;
  sharedArea: number | null;
  chargeArea: number | null;
  hasElevator: boolean | null;
  fundDue: number | null;
  fundBalance: number | null;
}

export type HousePage = Page<HouseItem>;

/** 本区项目统计 counters. */
export interface PropertyAreaCounters {
  /** 项目数 */
  projects: number;
  /** 总建筑面积 ㎡ (summed) */
  buildArea: number;
  /** 总户数 (summed) */
  households: number;
  /** 企业管理 */
  companyManaged: number;
  /** 自管 */
  selfManaged: number;
  /** 已成立业委会 */
  withCommittee: number;
}

export const PROPERTY_AREA_COUNTER_LABELS: Record<keyof PropertyAreaCounters, string> = {
  projects: '项目数',
  buildArea: '总建筑面积（㎡）',
  households: '总户数',
  companyManaged: '企业管理',
  selfManaged: '自管',
  withCommittee: '已成立业委会',
};

export type PropertyAreaStatsItem = RegionStatsItem<PropertyAreaCounters>;
export type PropertyAreaStats = RegionStats<PropertyAreaCounters>;
