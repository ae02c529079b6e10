import { RegionCellQuery, RegionStats, RegionStatsFilter } from './statistics';

/**
 * Chapter 11, 共有资金 — the owners' common-fund bank accounts of every property area: the
 * accounts (基本账户 opened by the owners' assembly, 共管账户 opened by the company) at banks of the
 * shared-bank dictionary, their transactions from the banks' feed, the statistics (应开 / 已开 / 未开,
 * 开户率, 异常, 逾期未开户 责令整改 / 行政处罚) with the lists behind every number, 共享银行统计, the
 * overdue escalation (逾期 → 责令整改 → 行政处罚, closed when a normal account is opened) and 催办.
 */

/** Defaults of the API's settings (COMMON_FUND_OVERDUE_DAYS, COMMON_FUND_RECTIFY_DAYS). */
export const COMMON_FUND_OVERDUE_DAYS_DEFAULT = 30;
export const COMMON_FUND_RECTIFY_DAYS_DEFAULT = 15;

/** 账户类型 */
export enum CommonFundAccountType {
  /** 基本账户: opened by the owners' assembly */
  BASIC = 'BASIC',
  /** 共管账户: opened by the property company */
  CO_MANAGED = 'CO_MANAGED',
}

export const COMMON_FUND_ACCOUNT_TYPE_LABELS: Record<CommonFundAccountType, string> = {
  [CommonFundAccountType.BASIC]: '基本账户',
  [CommonFundAccountType.CO_MANAGED]: '共管账户',
};

/** 账户状态 */
export enum CommonFundAccountStatus {
  NORMAL = 'NORMAL',
  DISABLED = 'DISABLED',
}

export const COMMON_FUND_ACCOUNT_STATUS_LABELS: Record<CommonFundAccountStatus, string> = {
  [CommonFundAccountStatus.NORMAL]: '正常',
  [CommonFundAccountStatus.DISABLED]: '禁用',
};

/** 登记人身份: a basic account is registered by the committee, a co-managed one by the company's side. */
export enum CommonFundRegistrantType {
  COMMITTEE_CHAIR = 'COMMITTEE_CHAIR',
  COMMITTEE_AGENT = 'COMMITTEE_AGENT',
  PROJECT_MANAGER = 'PROJECT_MANAGER',
  PROJECT_AGENT = 'PROJECT_AGENT',
}

export const COMMON_FUND_REGISTRANT_TYPE_LABELS: Record<CommonFundRegistrantType, string> = {
  [CommonFundRegistrantType.COMMITTEE_CHAIR]: '业委会主任',
  [CommonFundRegistrantType.COMMITTEE_AGENT]: '经办人',
  [CommonFundRegistrantType.PROJECT_MANAGER]: '项目经理',
  [CommonFundRegistrantType.PROJECT_AGENT]: '项目经办',
};

/** The registrant types each account type admits. */
export const COMMON_FUND_REGISTRANT_TYPES: Record<CommonFundAccountType, readonly CommonFundRegistrantType[]> = {
  [CommonFundAccountType.BASIC]: [CommonFundRegistrantType.COMMITTEE_CHAIR, CommonFundRegistrantType.COMMITTEE_AGENT],
  [CommonFundAccountType.CO_MANAGED]: [CommonFundRegistrantType.PROJECT_MANAGER, CommonFundRegistrantType.PROJECT_AGENT],
};

/** 借 (debit, −) / 贷 (credit, +) */
export enum CommonFundDirection {
  CREDIT = 'CREDIT',
  DEBIT = 'DEBIT',
}

export const COMMON_FUND_DIRECTION_LABELS: Record<CommonFundDirection, string> = {
  [CommonFundDirection.CREDIT]: '贷',
  [CommonFundDirection.DEBIT]: '借',
};

/** Why a bank feed was not accepted. */
export enum CommonFundFeedIssueKind {
  /** a transaction number is missing between the last accepted one and the next */
  GAP = 'GAP',
  /** the balance after a transaction is not the previous balance ± its amount */
  BALANCE_MISMATCH = 'BALANCE_MISMATCH',
  /** the bank answered something that is not a feed */
  MALFORMED = 'MALFORMED',
  /** the bank did not answer the scheduled daily pull (down, timed out, busy) */
  UNAVAILABLE = 'UNAVAILABLE',
  /** no feed for the set number of days (COMMON_FUND_FEED_SILENT_DAYS): neither a transaction nor an answer */
  SILENT = 'SILENT',
}

export const COMMON_FUND_FEED_ISSUE_LABELS: Record<CommonFundFeedIssueKind, string> = {
  [CommonFundFeedIssueKind.GAP]: '流水不连续',
  [CommonFundFeedIssueKind.BALANCE_MISMATCH]: '余额不符',
  [CommonFundFeedIssueKind.MALFORMED]: '流水格式错误',
  [CommonFundFeedIssueKind.UNAVAILABLE]: '银行未应答',
  [CommonFundFeedIssueKind.SILENT]: '长期无流水',
};

/** 逾期未开户督办 stages. */
export enum CommonFundCaseStage {
  /** 逾期未开户: no normal account the set number of days after the trigger */
  OVERDUE = 'OVERDUE',
  /** 已责令整改, deadline not passed */
  RECTIFY_ORDERED = 'RECTIFY_ORDERED',
  /** 整改期满未开户: a 行政处罚 may be recorded */
  RECTIFY_EXPIRED = 'RECTIFY_EXPIRED',
  /** 已行政处罚 */
  PENALISED = 'PENALISED',
  /** 已开户: a normal account closed the case */
  CLOSED_OPENED = 'CLOSED_OPENED',
}

export const COMMON_FUND_CASE_STAGE_LABELS: Record<CommonFundCaseStage, string> = {
  [CommonFundCaseStage.OVERDUE]: '逾期未开户',
  [CommonFundCaseStage.RECTIFY_ORDERED]: '已责令整改',
  [CommonFundCaseStage.RECTIFY_EXPIRED]: '整改期满未开户',
  [CommonFundCaseStage.PENALISED]: '已行政处罚',
  [CommonFundCaseStage.CLOSED_OPENED]: '已开户结案',
};

/** The stages of a case still open. */
export const COMMON_FUND_OPEN_STAGES: readonly CommonFundCaseStage[] = [
  CommonFundCaseStage.OVERDUE,
  CommonFundCaseStage.RECTIFY_ORDERED,
  CommonFundCaseStage.RECTIFY_EXPIRED,
  CommonFundCaseStage.PENALISED,
];

/** One entry of a case's timeline (the stage it entered, by whom, and the step's particulars). */
export interface CommonFundCaseEvent {
  id: number;
  stage: CommonFundCaseStage;
  stageLabel: string;
  at: string;
  actorName: string | null;
  note: string;
}

export interface CommonFundCase {
  id: number;
  propertyAreaId: number;
  propertyAreaName: string;
  stage: CommonFundCaseStage;
  stageLabel: string;
  /** 触发日期: contract filing or the committee's term start */
  triggerDate: string;
  /** 应开户截止日期 (trigger + the overdue days) */
  dueDate: string;
  orderNo: string | null;
  orderDate: string | null;
  rectifyDeadline: string | null;
  penaltyNo: string | null;
  penaltyDate: string | null;
  /** 元 */
  penaltyAmount: number | null;
  closedAt: string | null;
  events: CommonFundCaseEvent[];
}

/** 共享银行 */
export interface SharedBank {
  id: number;
  code: string;
  name: string;
}

export interface CommonFundAccountItem {
  id: number;
  propertyAreaId: number;
  propertyAreaName: string;
  districtName: string;
  streetName: string;
  communityName: string;
  companyName: string | null;
  accountNo: string;
  accountName: string;
  bankId: number;
  bankName: string;
  accountType: CommonFundAccountType;
  accountTypeLabel: string;
  status: CommonFundAccountStatus;
  statusLabel: string;
  /** 异常: disabled, or the bank feed has an unresolved issue */
  abnormal: boolean;
  registrantType: CommonFundRegistrantType;
  registrantTypeLabel: string;
  registrant: string;
  registeredAt: string;
  /** 元, the last transaction's balance (0 before the first) */
  balance: number;
  lastTransactionAt: string | null;
}

export interface CommonFundTransaction {
  id: number;
  seq: number;
  transTime: string;
  direction: CommonFundDirection;
  directionLabel: string;
  amount: number;
  balance: number;
  summary: string;
}

export interface CommonFundFeedIssue {
  id: number;
  kind: CommonFundFeedIssueKind;
  kindLabel: string;
  detail: string;
  detectedAt: string;
}

export interface CommonFundAccountDetail extends CommonFundAccountItem {
  feedIssues: CommonFundFeedIssue[];
}

/** What a feed pull accepted and whether it stopped at an issue. */
export interface CommonFundSyncResult {
  accepted: number;
  balance: number;
  issue: CommonFundFeedIssue | null;
}

/** The 共有资金信息 tab of a property area. */
export interface AreaCommonFunds {
  propertyAreaId: number;
  /** 是否应开共有资金账户 */
  shouldOpen: boolean;
  /** each with its unresolved feed issues (why an account is 异常: a gap, a wrong balance, no feed for days) */
  accounts: CommonFundAccountDetail[];
  /** the account type the signed-in counterpart may register here (项目负责人 共管, 业主委员会 基本); null for officers and others */
  ownAccountType: CommonFundAccountType | null;
  /** the latest transactions of the area's accounts, newest first */
  latestTransactions: Array<CommonFundTransaction & { accountId: number; accountNo: string }>;
  /** the area's escalation cases, newest first, each with its timeline */
  cases: CommonFundCase[];
}

/** The statistics' counters (统计表 columns). */
export interface CommonFundCounters {
  /** 物业项目总数 */
  projects: number;
  /** 应开共有资金账户数 */
  shouldOpen: number;
  /** 已开 (should open, with a normal account) */
  opened: number;
  /** 未开 */
  unopened: number;
  /** 基本账户数 (normal) */
  basic: number;
  /** 共管账户数 (normal) */
  coManaged: number;
  /** 异常账户数 */
  abnormal: number;
  /** 逾期未开户责令整改数 (open cases ordered, penalised ones included) */
  rectifyOrdered: number;
  /** 逾期未开户行政处罚数 (open penalised cases) */
  penalised: number;
}

export type CommonFundCounter = keyof CommonFundCounters;

export const COMMON_FUND_COUNTER_LABELS: Record<CommonFundCounter, string> = {
  projects: '物业项目总数',
  shouldOpen: '应开共有资金账户数',
  opened: '已开',
  unopened: '未开',
  basic: '基本账户数',
  coManaged: '共管账户数',
  abnormal: '异常账户数',
  rectifyOrdered: '逾期未开户责令整改数',
  penalised: '逾期未开户行政处罚数',
};

export type CommonFundStatsRow = CommonFundCounters & {
  /** 开户率 % = 已开 / 应开 (rate()) */
  openRate: number;
};

export type CommonFundStats = RegionStats<CommonFundStatsRow>;

export interface CommonFundStatsQuery extends RegionStatsFilter {
  /** 物业项目名称（包含） */
  search?: string;
}

export interface CommonFundCellQuery extends RegionCellQuery {
  /** the table's search (物业项目名称), so the list is the one behind the number shown */
  search?: string;
  /**
   * a search inside the list: 物业项目名称, 项目经理 or 业委会主任 (包含) — the 未开 list's search
   * (domain notes 11d); it narrows the list, not the number it was opened from
   */
  keyword?: string;
}

/**
 * The columns of the 未开 list (domain notes 11d: the people columns only — an unopened area has no
 * account to show): the area and its regions, its company, 项目经理 and 业委会主任 with their phones.
 */
export const COMMON_FUND_UNOPENED_CELL_FIELDS = [
  'propertyAreaName',
  'districtName',
  'streetName',
  'communityName',
  'companyName',
  'projectManagerName',
  'projectManagerPhone',
  'committeeChairName',
  'committeeChairPhone',
  'caseStageLabel',
] as const satisfies ReadonlyArray<keyof CommonFundCellItem>;

/** One row behind a number of the table: the area, its (chosen) account and its people. */
export interface CommonFundCellItem {
  propertyAreaId: number;
  propertyAreaName: string;
  districtName: string;
  streetName: string;
  communityName: string;
  companyName: string | null;
  projectManagerName: string | null;
  projectManagerPhone: string | null;
  committeeChairName: string | null;
  committeeChairPhone: string | null;
  account: Pick<CommonFundAccountItem, 'id' | 'accountNo' | 'accountName' | 'bankName' | 'accountType' | 'accountTypeLabel' | 'status' | 'statusLabel' | 'registrant' | 'abnormal'> | null;
  caseStage: CommonFundCaseStage | null;
  caseStageLabel: string | null;
}

/** 共享银行统计: one row per bank of the dictionary. */
export interface CommonFundBankRow {
  bankId: number;
  bankName: string;
  basic: number;
  coManaged: number;
  accounts: number;
  projects: number;
  /** share of all accounts of the scope, % (rate()) */
  share: number;
}

export interface CommonFundBankStats {
  items: CommonFundBankRow[];
  total: Omit<CommonFundBankRow, 'bankId' | 'bankName'>;
}

export interface RegisterCommonFundAccountRequest {
  propertyAreaId: number;
  accountType: CommonFundAccountType;
  accountNo: string;
  accountName: string;
  bankId: number;
  registrantType: CommonFundRegistrantType;
  registrant: string;
}

/** 登记本项目的共有资金账户 (POST /api/property-areas/:id/common-funds/accounts): the area is the path's */
export type RegisterOwnCommonFundAccountRequest = Omit<RegisterCommonFundAccountRequest, 'propertyAreaId'>;

export interface RectifyOrderRequest {
  orderNo: string;
  /** YYYY-MM-DD */
  orderDate: string;
  /** YYYY-MM-DD; default orderDate + the rectification days */
  deadline?: string;
}

export interface PenaltyRequest {
  decisionNo: string;
  decisionDate: string;
  /** 元 */
  amount: number;
}

/** A bank account number: digits only, 10–30 of them (spaces between groups are dropped first). */
export const COMMON_FUND_ACCOUNT_NO_PATTERN = /^\d{10,30}$/;

export function normalizeAccountNo(value: string): string {
  return value.replace(/[\s-]+/g, '');
}

export function isValidAccountNo(value: string): boolean {
  return COMMON_FUND_ACCOUNT_NO_PATTERN.test(normalizeAccountNo(value));
}

export enum CommonFundErrorCode {
  ACCOUNT_NOT_FOUND = 'COMMON_FUND_ACCOUNT_NOT_FOUND',
  BANK_NOT_SHARED = 'COMMON_FUND_BANK_NOT_SHARED',
  ACCOUNT_NO_INVALID = 'COMMON_FUND_ACCOUNT_NO_INVALID',
  ACCOUNT_DUPLICATE = 'COMMON_FUND_ACCOUNT_DUPLICATE',
  REGISTRANT_TYPE_MISMATCH = 'COMMON_FUND_REGISTRANT_TYPE_MISMATCH',
  ACCOUNT_STATUS_UNCHANGED = 'COMMON_FUND_ACCOUNT_STATUS_UNCHANGED',
  CASE_NOT_FOUND = 'COMMON_FUND_CASE_NOT_FOUND',
  CASE_STAGE_INVALID = 'COMMON_FUND_CASE_STAGE_INVALID',
  DEADLINE_BEFORE_ORDER = 'COMMON_FUND_DEADLINE_BEFORE_ORDER',
  FEED_NOT_CONFIGURED = 'COMMON_FUND_FEED_NOT_CONFIGURED',
  FEED_UNAVAILABLE = 'COMMON_FUND_FEED_UNAVAILABLE',
}

export const COMMON_FUND_ERROR_MESSAGES: Record<CommonFundErrorCode, string> = {
  [CommonFundErrorCode.ACCOUNT_NOT_FOUND]: '共有资金账户不存在',
  [CommonFundErrorCode.BANK_NOT_SHARED]: '开户行不在共享银行名录中：共有资金账户只能开在与平台共享数据的银行',
  [CommonFundErrorCode.ACCOUNT_NO_INVALID]: '账户号码格式不正确：应为10至30位数字',
  [CommonFundErrorCode.ACCOUNT_DUPLICATE]: '该开户行下已登记此账户号码',
  [CommonFundErrorCode.REGISTRANT_TYPE_MISMATCH]: '登记人身份与账户类型不符：基本账户由业委会主任或经办人登记，共管账户由项目经理或项目经办登记',
  [CommonFundErrorCode.ACCOUNT_STATUS_UNCHANGED]: '账户已是该状态',
  [CommonFundErrorCode.CASE_NOT_FOUND]: '逾期未开户督办记录不存在',
  [CommonFundErrorCode.CASE_STAGE_INVALID]: '当前督办阶段不能进行此操作',
  [CommonFundErrorCode.DEADLINE_BEFORE_ORDER]: '整改期限不能早于责令整改日期',
  [CommonFundErrorCode.FEED_NOT_CONFIGURED]: '未配置银行流水接口',
  [CommonFundErrorCode.FEED_UNAVAILABLE]: '银行流水接口暂不可用，请稍后再试',
};
