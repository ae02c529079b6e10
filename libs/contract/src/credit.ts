/**
 * Chapter 8, 信用信息: the basic, good and bad information of property companies, project managers,
 * owners'-committee chairs, owners, owners'-committee executive secretaries and owner supervisors.
 */

/** Whose credit information: the six kinds of subject of chapter 8. */
export enum CreditSubjectType {
  PROPERTY_COMPANY = 'PROPERTY_COMPANY',
  PROJECT_MANAGER = 'PROJECT_MANAGER',
  COMMITTEE_CHAIR = 'COMMITTEE_CHAIR',
  OWNER = 'OWNER',
  EXECUTIVE_SECRETARY = 'EXECUTIVE_SECRETARY',
  OWNER_SUPERVISOR = 'OWNER_SUPERVISOR',
}

export const CREDIT_SUBJECT_TYPE_LABELS: Record<CreditSubjectType, string> = {
  [CreditSubjectType.PROPERTY_COMPANY]: '物业服务企业',
  [CreditSubjectType.PROJECT_MANAGER]: '项目负责人',
  [CreditSubjectType.COMMITTEE_CHAIR]: '业委会主任',
  [CreditSubjectType.OWNER]: '业主',
  [CreditSubjectType.EXECUTIVE_SECRETARY]: '业委会执行秘书',
  [CreditSubjectType.OWNER_SUPERVISOR]: '业主监事',
};

/** The offices of owners' self-governance a person may hold (an OwnerOfficeHolder row). */
export enum OwnerOffice {
  COMMITTEE_CHAIR = 'COMMITTEE_CHAIR',
  EXECUTIVE_SECRETARY = 'EXECUTIVE_SECRETARY',
  OWNER_SUPERVISOR = 'OWNER_SUPERVISOR',
}

export enum CreditInfoKind {
  /** 良好信息 */
  GOOD = 'GOOD',
  /** 不良信息 */
  BAD = 'BAD',
}

/** Where a piece of good or bad information comes from. */
export enum CreditInfoSource {
  /** 诚信登记: registered in chapter 8 itself (courts, other departments, commendations) */
  CREDIT_REGISTRATION = 'CREDIT_REGISTRATION',
  /** 物业服务评价 (chapter 7): a determined bad record */
  EVALUATION_BAD_RECORD = 'EVALUATION_BAD_RECORD',
  /** 物业服务评价: a good record */
  EVALUATION_GOOD_RECORD = 'EVALUATION_GOOD_RECORD',
  /** 物业服务评价: a risk-list entry */
  EVALUATION_RISK_LIST = 'EVALUATION_RISK_LIST',
  /** 业主评价 (chapter 9): 连续六个月排名前十 (good) / 倒十 (bad) */
  OWNER_EVALUATION_RANKING = 'OWNER_EVALUATION_RANKING',
}

export const CREDIT_INFO_SOURCE_LABELS: Record<CreditInfoSource, string> = {
  [CreditInfoSource.CREDIT_REGISTRATION]: '诚信登记',
  [CreditInfoSource.EVALUATION_BAD_RECORD]: '物业服务评价不良信息',
  [CreditInfoSource.EVALUATION_GOOD_RECORD]: '物业服务评价良好信息',
  [CreditInfoSource.EVALUATION_RISK_LIST]: '风险名单',
  [CreditInfoSource.OWNER_EVALUATION_RANKING]: '业主评价排名',
};

export interface CreditSubjectListItem {
  subjectType: CreditSubjectType;
  subjectTypeLabel: string;
  subjectId: number;
  name: string;
  /** credit code of a company; masked identity number of a person */
  identifier: string;
  districtId: number;
  /** the property area of an owner or office holder */
  propertyAreaName: string | null;
  /** the company a project manager works for */
  companyName: string | null;
  goodCount: number;
  badCount: number;
}

/** One line of the basic information (基本信息). */
export interface CreditBasicField {
  label: string;
  value: string;
}

export interface CreditInfoItem {
  source: CreditInfoSource;
  sourceLabel: string;
  kind: CreditInfoKind;
  /** id within its source (credit record, bad record, good record, risk-list entry) */
  recordId: number;
  title: string;
  content: string;
  /** the day it was decided (事实发生 / 表彰 / 认定日期) */
  date: string;
  issuedBy: string | null;
  documentNo: string | null;
  /** points of an evaluation record */
  points: number | null;
  /** status of an evaluation record (已生效 / 已恢复) */
  statusLabel: string | null;
  /** last day the information counts, when it has one */
  validUntil: string | null;
}

export interface CreditSubjectDetail {
  subjectType: CreditSubjectType;
  subjectTypeLabel: string;
  subjectId: number;
  name: string;
  districtId: number;
  districtName: string | null;
  basic: CreditBasicField[];
  good: CreditInfoItem[];
  bad: CreditInfoItem[];
}

/** Body of POST /api/credit/records (诚信登记). */
export interface CreateCreditRecordRequest {
  subjectType: CreditSubjectType;
  subjectId: number;
  kind: CreditInfoKind;
  title: string;
  content: string;
  issuedBy: string;
  documentNo?: string;
  /** 'YYYY-MM-DD', not in the future */
  recordDate: string;
  /** 'YYYY-MM-DD', on or after recordDate */
  validUntil?: string;
}

export enum CreditErrorCode {
  RECORD_DATE_IN_FUTURE = 'CREDIT_RECORD_DATE_IN_FUTURE',
  VALID_UNTIL_BEFORE_RECORD_DATE = 'CREDIT_VALID_UNTIL_BEFORE_RECORD_DATE',
}

export const CREDIT_ERROR_MESSAGES: Record<CreditErrorCode, string> = {
  [CreditErrorCode.RECORD_DATE_IN_FUTURE]: '认定日期不能晚于今天',
  [CreditErrorCode.VALID_UNTIL_BEFORE_RECORD_DATE]: '有效期截止日期不能早于认定日期',
};
