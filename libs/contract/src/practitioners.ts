/**
 * 从业人员信息 (chapter 12): the staff of property projects (项目从业人员) and of property companies
 * (企业从业人员), their certificates, the roster each project manager keeps, the drill-down
 * statistics and 提醒更新.
 */
import { Page } from './api-types';
import { RegionStats, RegionStatsItem } from './statistics';
import { UrgeResult } from './notifications';

/** 项目从业人员 work in one property area; 企业从业人员 at the company (no area). */
export enum EmployerKind {
  PROJECT = 'PROJECT',
  COMPANY = 'COMPANY',
}

export const EMPLOYER_KIND_LABELS: Record<EmployerKind, string> = {
  [EmployerKind.PROJECT]: '项目从业人员',
  [EmployerKind.COMPANY]: '企业从业人员',
};

export enum PractitionerGender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

export const PRACTITIONER_GENDER_LABELS: Record<PractitionerGender, string> = {
  [PractitionerGender.MALE]: '男',
  [PractitionerGender.FEMALE]: '女',
};

/** 岗位, in the order the statistics show them (names as property companies use them). */
export enum PractitionerPosition {
  PROJECT_MANAGER = 'PROJECT_MANAGER',
  CUSTOMER_SERVICE = 'CUSTOMER_SERVICE',
  SECURITY = 'SECURITY',
  CLEANER = 'CLEANER',
  GARDENER = 'GARDENER',
  MAINTENANCE = 'MAINTENANCE',
  ELECTRICIAN = 'ELECTRICIAN',
  FIRE_CONTROL = 'FIRE_CONTROL',
  LIFT_SAFETY = 'LIFT_SAFETY',
  FINANCE = 'FINANCE',
  ADMIN = 'ADMIN',
  OTHER = 'OTHER',
}

export const PRACTITIONER_POSITION_LABELS: Record<PractitionerPosition, string> = {
  [PractitionerPosition.PROJECT_MANAGER]: '项目负责人',
  [PractitionerPosition.CUSTOMER_SERVICE]: '客服/管家',
  [PractitionerPosition.SECURITY]: '秩序维护员',
  [PractitionerPosition.CLEANER]: '保洁员',
  [PractitionerPosition.GARDENER]: '绿化工',
  [PractitionerPosition.MAINTENANCE]: '工程维修',
  [PractitionerPosition.ELECTRICIAN]: '电工',
  [PractitionerPosition.FIRE_CONTROL]: '消控值班员',
  [PractitionerPosition.LIFT_SAFETY]: '电梯安全管理员',
  [PractitionerPosition.FINANCE]: '财务',
  [PractitionerPosition.ADMIN]: '行政人事',
  [PractitionerPosition.OTHER]: '其他',
};

export enum PractitionerStatus {
  ON_DUTY = 'ON_DUTY',
  LEFT = 'LEFT',
}

export const PRACTITIONER_STATUS_LABELS: Record<PractitionerStatus, string> = {
  [PractitionerStatus.ON_DUTY]: '在岗',
  [PractitionerStatus.LEFT]: '离职',
};

export enum CertificateType {
  LOW_VOLTAGE_ELECTRICIAN = 'LOW_VOLTAGE_ELECTRICIAN',
  HIGH_VOLTAGE_ELECTRICIAN = 'HIGH_VOLTAGE_ELECTRICIAN',
  WELDER = 'WELDER',
  WORK_AT_HEIGHT = 'WORK_AT_HEIGHT',
  FIRE_FACILITY_OPERATOR = 'FIRE_FACILITY_OPERATOR',
  SPECIAL_EQUIPMENT_SAFETY = 'SPECIAL_EQUIPMENT_SAFETY',
  LIFT_SAFETY_MANAGER = 'LIFT_SAFETY_MANAGER',
  SECURITY_GUARD = 'SECURITY_GUARD',
}

export const CERTIFICATE_TYPE_LABELS: Record<CertificateType, string> = {
  [CertificateType.LOW_VOLTAGE_ELECTRICIAN]: '低压电工作业证',
  [CertificateType.HIGH_VOLTAGE_ELECTRICIAN]: '高压电工作业证',
  [CertificateType.WELDER]: '焊工作业证',
  [CertificateType.WORK_AT_HEIGHT]: '高处作业证',
  [CertificateType.FIRE_FACILITY_OPERATOR]: '消防设施操作员证',
  [CertificateType.SPECIAL_EQUIPMENT_SAFETY]: '特种设备安全管理员证',
  [CertificateType.LIFT_SAFETY_MANAGER]: '电梯安全管理员证',
  [CertificateType.SECURITY_GUARD]: '保安员证',
};

/**
 * The positions that need a certificate (电工, 消控, 电梯) and the certificates that qualify for each:
 * 持证人数 / 持证率 count only these positions, and a holder only with a valid qualifying certificate.
 */
export const POSITION_REQUIRED_CERTIFICATES: Partial<Record<PractitionerPosition, readonly CertificateType[]>> = {
  [PractitionerPosition.ELECTRICIAN]: [CertificateType.LOW_VOLTAGE_ELECTRICIAN, CertificateType.HIGH_VOLTAGE_ELECTRICIAN],
  [PractitionerPosition.FIRE_CONTROL]: [CertificateType.FIRE_FACILITY_OPERATOR],
  [PractitionerPosition.LIFT_SAFETY]: [CertificateType.LIFT_SAFETY_MANAGER, CertificateType.SPECIAL_EQUIPMENT_SAFETY],
};

export const CERTIFIED_POSITIONS = Object.keys(POSITION_REQUIRED_CERTIFICATES) as PractitionerPosition[];

/** 有效 / 即将到期 (within the setting's days) / 已过期, as of a Shanghai calendar day. */
export enum CertificateState {
  VALID = 'VALID',
  EXPIRING = 'EXPIRING',
  EXPIRED = 'EXPIRED',
}

export const CERTIFICATE_STATE_LABELS: Record<CertificateState, string> = {
  [CertificateState.VALID]: '有效',
  [CertificateState.EXPIRING]: '即将到期',
  [CertificateState.EXPIRED]: '已过期',
};

export interface PractitionerCertificateView {
  id: number;
  type: CertificateType;
  typeLabel: string;
  certNo: string;
  /** YYYY-MM-DD */
  issuedAt: string;
  /** YYYY-MM-DD */
  expiresAt: string;
  state: CertificateState;
  stateLabel: string;
}

/** A practitioner as lists show them: idNumber and phone masked unless `masked` is false. */
export interface PractitionerItem {
  id: number;
  employerKind: EmployerKind;
  name: string;
  gender: PractitionerGender;
  genderLabel: string;
  /** masked (4403**********1234) unless the reader may see it whole */
  idNumber: string;
  phone: string;
  /** whether idNumber and phone are masked in this answer */
  masked: boolean;
  position: PractitionerPosition;
  positionLabel: string;
  status: PractitionerStatus;
  statusLabel: string;
  /** YYYY-MM-DD */
  hiredAt: string;
  leftAt: string | null;
  isPartyMember: boolean;
  education: string | null;
  companyId: number | null;
  companyName: string | null;
  propertyAreaId: number | null;
  propertyAreaName: string | null;
  certificates: PractitionerCertificateView[];
  updatedAt: string;
}

/** The roster's filing of one project: filed once its manager first files it; every change stamps lastUpdatedAt. */
export interface RosterFiling {
  filed: boolean;
  filedAt: string | null;
  lastUpdatedAt: string | null;
  lastUpdatedByName: string | null;
}

/** GET /api/property-areas/:id/practitioners: the area detail's 项目从业人员信息 tab. */
export interface AreaPractitionersTab extends Page<PractitionerItem>, RosterFiling {
  propertyAreaId: number;
  onDuty: number;
}

/** 项目从业人员统计 counters per region. */
export interface PractitionerProjectCounters {
  /** 项目数 */
  projects: number;
  /** 已填报项目数 */
  filed: number;
  /** 未填报 */
  notFiled: number;
  /** 从业人员数 (on duty) */
  people: number;
  /** 项目负责人数 */
  managers: number;
  customerService: number;
  security: number;
  cleaners: number;
  gardeners: number;
  maintenance: number;
  electricians: number;
  fireControl: number;
  liftSafety: number;
  otherPositions: number;
  /** people in positions that need a certificate (电工, 消控, 电梯) */
  needCertificate: number;
  /** of those, holding a valid qualifying certificate */
  certified: number;
  /** people holding a certificate that expires within the window (not yet expired) */
  expiringSoon: number;
  /** 党员数 */
  partyMembers: number;
}

export interface PractitionerProjectDerived {
  /** 持证率: rate(certified, needCertificate) */
  certifiedRate: number;
}

export type PractitionerProjectRow = PractitionerProjectCounters & PractitionerProjectDerived;

export interface PractitionerProjectStats extends RegionStats<PractitionerProjectRow> {
  withinDays: number;
}

export type PractitionerProjectStatsItem = RegionStatsItem<PractitionerProjectRow>;

/** The counters whose lists are projects (the others list people). */
export const PRACTITIONER_PROJECT_COUNTERS = ['projects', 'filed', 'notFiled'] as const;

export const PRACTITIONER_COUNTER_LABELS: Record<keyof PractitionerProjectCounters, string> = {
  projects: '项目数',
  filed: '已填报',
  notFiled: '未填报',
  people: '从业人员数',
  managers: '项目负责人',
  customerService: '客服/管家',
  security: '秩序维护员',
  cleaners: '保洁员',
  gardeners: '绿化工',
  maintenance: '工程维修',
  electricians: '电工',
  fireControl: '消控值班员',
  liftSafety: '电梯安全管理员',
  otherPositions: '其他岗位',
  needCertificate: '须持证人数',
  certified: '持证人数',
  expiringSoon: '证书即将到期',
  partyMembers: '党员数',
};

/** Every number of the statistics table, in the order on screen (the portal puts 持证率 after 持证人数). */
export const PRACTITIONER_TABLE_COUNTERS = Object.keys(PRACTITIONER_COUNTER_LABELS) as ReadonlyArray<keyof PractitionerProjectCounters>;

/** A project behind a 项目数 / 已填报 / 未填报 number. */
export interface PractitionerProjectItem extends RosterFiling {
  propertyAreaId: number;
  propertyAreaName: string;
  propertyAreaCode: string;
  streetName: string;
  communityName: string;
  companyName: string | null;
  projectManagerName: string | null;
  onDuty: number;
}

/** The rows behind one number: projects (项目数 / 已填报 / 未填报) or people (every other counter). */
export type PractitionerCellPage = ({ kind: 'PROJECTS' } & Page<PractitionerProjectItem>) | ({ kind: 'PEOPLE' } & Page<PractitionerItem>);

/** 企业从业人员统计: one row per company the district sees. */
export interface CompanyPractitionerRow {
  companyId: number;
  companyName: string;
  /** 本区在管项目数 */
  projects: number;
  /** 企业从业人员数 (on duty, the company's own staff) */
  companyStaff: number;
  /** 项目从业人员数 (on duty, over its projects in the district) */
  projectStaff: number;
  /** per position, company staff + project staff */
  byPosition: Record<PractitionerPosition, number>;
}

export interface PractitionerRemindRequest {
  districtId?: number;
  /** only managers of projects never filed or not updated within the setting's days */
  onlyOutdated?: boolean;
}

export interface PractitionerRemindResult extends UrgeResult {
  /** projects whose managers were asked */
  projects: number;
}

export enum PractitionerErrorCode {
  NOT_FOUND = 'PRACTITIONER_NOT_FOUND',
  CERTIFICATE_NOT_FOUND = 'PRACTITIONER_CERTIFICATE_NOT_FOUND',
  ID_NUMBER_INVALID = 'PRACTITIONER_ID_NUMBER_INVALID',
  ID_NUMBER_TAKEN = 'PRACTITIONER_ID_NUMBER_TAKEN',
  CERTIFICATE_DATES_INVALID = 'PRACTITIONER_CERTIFICATE_DATES_INVALID',
  LEFT_BEFORE_HIRED = 'PRACTITIONER_LEFT_BEFORE_HIRED',
  ALREADY_LEFT = 'PRACTITIONER_ALREADY_LEFT',
  NOT_OWN_PROJECT = 'PRACTITIONER_NOT_OWN_PROJECT',
}

export const PRACTITIONER_ERROR_MESSAGES: Record<PractitionerErrorCode, string> = {
  [PractitionerErrorCode.NOT_FOUND]: '从业人员不存在',
  [PractitionerErrorCode.CERTIFICATE_NOT_FOUND]: '证书不存在或不属于该从业人员',
  [PractitionerErrorCode.ID_NUMBER_INVALID]: '身份证号码不正确：须为18位，且校验位正确',
  [PractitionerErrorCode.ID_NUMBER_TAKEN]: '本项目已登记该身份证号码的在岗人员',
  [PractitionerErrorCode.CERTIFICATE_DATES_INVALID]: '证书有效期至不能早于发证日期',
  [PractitionerErrorCode.LEFT_BEFORE_HIRED]: '离职日期不能早于入职日期',
  [PractitionerErrorCode.ALREADY_LEFT]: '该人员已离职',
  [PractitionerErrorCode.NOT_OWN_PROJECT]: '只能维护本人负责项目的从业人员',
};
