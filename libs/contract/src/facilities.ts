/**
 * Chapter 5, 项目管理 — the 设施设备信息 tab: the facility-type catalogue (a tree, admin-editable),
 * each property area's facility ledger (add, modify, logical delete, enable / disable), maintenance
 * records, per-type statistics, special equipment due soon, and the ledger as an xlsx sheet
 * (template, import with dry run, export).
 */

/** How many days ahead 到期提醒 looks by default (the API's setting FACILITY_DUE_WITHIN_DAYS). */
export const FACILITY_DUE_WITHIN_DAYS_DEFAULT = 30;
/** The longest look-ahead a due list may ask for. */
export const FACILITY_DUE_WITHIN_DAYS_MAX = 366;

/** 维保周期 */
export enum MaintenanceCycle {
  HALF_MONTH = 'HALF_MONTH',
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  HALF_YEAR = 'HALF_YEAR',
  YEAR = 'YEAR',
}

export const MAINTENANCE_CYCLE_LABELS: Record<MaintenanceCycle, string> = {
  [MaintenanceCycle.HALF_MONTH]: '半月',
  [MaintenanceCycle.MONTH]: '月',
  [MaintenanceCycle.QUARTER]: '季',
  [MaintenanceCycle.HALF_YEAR]: '半年',
  [MaintenanceCycle.YEAR]: '年',
};

/** 维修保养记录的类型 */
export enum MaintenanceKind {
  MAINTENANCE = 'MAINTENANCE',
  REPAIR = 'REPAIR',
  ANNUAL_INSPECTION = 'ANNUAL_INSPECTION',
  REPLACEMENT = 'REPLACEMENT',
}

export const MAINTENANCE_KIND_LABELS: Record<MaintenanceKind, string> = {
  [MaintenanceKind.MAINTENANCE]: '保养',
  [MaintenanceKind.REPAIR]: '维修',
  [MaintenanceKind.ANNUAL_INSPECTION]: '年检',
  [MaintenanceKind.REPLACEMENT]: '更换',
};

/** 所属对象: the whole area, one building, or one unit of a building. */
export enum FacilityRelationType {
  AREA = 'AREA',
  BUILDING = 'BUILDING',
  UNIT = 'UNIT',
}

export const FACILITY_RELATION_TYPE_LABELS: Record<FacilityRelationType, string> = {
  [FacilityRelationType.AREA]: '物业区域',
  [FacilityRelationType.BUILDING]: '楼栋',
  [FacilityRelationType.UNIT]: '单元',
};

/** A node of the facility-type catalogue (GET /api/facility-types answers the roots with their children). */
export interface FacilityTypeNode {
  id: number;
  parentId: number | null;
  code: string;
  name: string;
  /** 上级/本级, e.g. 电梯/乘客电梯: how the xlsx sheet names the type */
  path: string;
  sortOrder: number;
  /** 特种设备 (lifts …): its facilities carry 注册代码 and 到期日期 */
  isSpecialEquipment: boolean;
  enabled: boolean;
  children: FacilityTypeNode[];
}

/** A row of an area's facility list. */
export interface FacilityItem {
  id: number;
  propertyAreaId: number;
  name: string;
  facilityTypeId: number;
  facilityTypeName: string;
  /** 电梯/乘客电梯 */
  facilityTypePath: string;
  isSpecialEquipment: boolean;
  relationType: FacilityRelationType;
  buildingId: number | null;
  buildingName: string | null;
  unitName: string | null;
  position: string | null;
  brand: string | null;
  company: string | null;
  quantity: number;
  registerNumber: string | null;
  serialNumber: string | null;
  /** YYYY-MM-DD */
  commissionedAt: string | null;
  /** YYYY-MM-DD */
  dueDate: string | null;
  maintenanceCycle: MaintenanceCycle | null;
  maintenanceCycleLabel: string | null;
  personLiable: string | null;
  /** 元 */
  originalValue: number | null;
  currentValue: number | null;
  annualInspector: string | null;
  annualCost: number | null;
  enabled: boolean;
  remarks: string | null;
  updatedAt: string;
}

export interface FacilityMaintenanceAttachment {
  id: number;
  fileName: string;
  size: number;
  contentType: string;
}

export interface FacilityMaintenanceView {
  id: number;
  facilityId: number;
  /** YYYY-MM-DD */
  maintainedOn: string;
  kind: MaintenanceKind;
  kindLabel: string;
  content: string;
  situation: string | null;
  unit: string | null;
  person: string | null;
  /** 元 */
  cost: number | null;
  /** the facility's 到期日期 this record set (e.g. after 年检), if any */
  nextDueDate: string | null;
  attachments: FacilityMaintenanceAttachment[];
  createdByName: string;
  createdAt: string;
}

export interface FacilityDetail extends FacilityItem {
  propertyAreaName: string;
  maintenanceRecords: FacilityMaintenanceView[];
}

/** 设施设备统计: one facility type's count in an area. */
export interface FacilityTypeCount {
  facilityTypeId: number;
  facilityTypeName: string;
  facilityTypePath: string;
  /** the top-level category (电梯, 消防 …) */
  categoryId: number;
  categoryName: string;
  isSpecialEquipment: boolean;
  /** facilities (rows) of the type */
  facilities: number;
  /** the sum of their 数量 */
  quantity: number;
  enabled: number;
  disabled: number;
}

export interface FacilityCategoryCount {
  categoryId: number;
  categoryName: string;
  facilities: number;
  quantity: number;
}

export interface FacilityStatistics {
  propertyAreaId: number;
  total: { facilities: number; quantity: number; enabled: number; disabled: number; specialEquipment: number; dueSoon: number };
  /** the look-ahead of dueSoon */
  withinDays: number;
  categories: FacilityCategoryCount[];
  types: FacilityTypeCount[];
}

/** A row of 到期提醒: special equipment whose 到期日期 is within the look-ahead (or already passed). */
export interface DueFacilityItem {
  id: number;
  name: string;
  facilityTypePath: string;
  registerNumber: string | null;
  dueDate: string;
  /** negative: overdue */
  daysLeft: number;
  overdue: boolean;
  position: string | null;
  buildingName: string | null;
  propertyAreaId: number;
  propertyAreaName: string;
  propertyAreaCode: string;
  districtId: number;
  streetName: string;
  communityName: string;
  companyName: string | null;
  personLiable: string | null;
}

export enum FacilityErrorCode {
  NOT_FOUND = 'FACILITY_NOT_FOUND',
  TYPE_NOT_FOUND = 'FACILITY_TYPE_NOT_FOUND',
  TYPE_NOT_USABLE = 'FACILITY_TYPE_NOT_USABLE',
  TYPE_CODE_TAKEN = 'FACILITY_TYPE_CODE_TAKEN',
  TYPE_NAME_TAKEN = 'FACILITY_TYPE_NAME_TAKEN',
  TYPE_PARENT_INVALID = 'FACILITY_TYPE_PARENT_INVALID',
  REGISTER_NUMBER_TAKEN = 'FACILITY_REGISTER_NUMBER_TAKEN',
  DUPLICATE = 'FACILITY_DUPLICATE',
  SPECIAL_EQUIPMENT_INCOMPLETE = 'FACILITY_SPECIAL_EQUIPMENT_INCOMPLETE',
  BUILDING_NOT_IN_AREA = 'FACILITY_BUILDING_NOT_IN_AREA',
  UNIT_NEEDS_BUILDING = 'FACILITY_UNIT_NEEDS_BUILDING',
  ATTACHMENT_NOT_FOUND = 'FACILITY_ATTACHMENT_NOT_FOUND',
}

export const FACILITY_ERROR_MESSAGES: Record<FacilityErrorCode, string> = {
  [FacilityErrorCode.NOT_FOUND]: '设施设备不存在或已被删除',
  [FacilityErrorCode.TYPE_NOT_FOUND]: '设施设备类型不存在',
  [FacilityErrorCode.TYPE_NOT_USABLE]: '设施设备类型不存在或已停用，请从类型目录中选择',
  [FacilityErrorCode.TYPE_CODE_TAKEN]: '类型编码已被使用',
  [FacilityErrorCode.TYPE_NAME_TAKEN]: '同一上级类型下已有同名的类型',
  [FacilityErrorCode.TYPE_PARENT_INVALID]: '上级类型不存在，或不能把类型移到它自己或它的下级之下（目录最多三级）',
  [FacilityErrorCode.REGISTER_NUMBER_TAKEN]: '该注册代码已登记在其他设施设备上，请核对',
  [FacilityErrorCode.DUPLICATE]: '本物业区域已有名称和位置（楼栋、单元、位置）都相同的设施设备',
  [FacilityErrorCode.SPECIAL_EQUIPMENT_INCOMPLETE]: '电梯等特种设备须填写注册代码和到期日期',
  [FacilityErrorCode.BUILDING_NOT_IN_AREA]: '所选楼栋不属于该物业区域',
  [FacilityErrorCode.UNIT_NEEDS_BUILDING]: '填写单元时须同时选择楼栋',
  [FacilityErrorCode.ATTACHMENT_NOT_FOUND]: '附件不存在或不属于该维修保养记录',
};
