/**
 * 纠纷化解台账 (chapter 22): 矛盾纠纷件 entered by the district, 转办 to the street office of the
 * case's street, 处理 (化解 / 疏导), 审核 (驳回重报 / 同意办结), 修改 and 历程, the three ledgers,
 * import, export and the statistics. A case runs on the workflow engine (form type DISPUTE_CASE);
 * its ledger row (`DisputeSummary`) is kept in step with every transition.
 */
import type { Page } from './api-types';
import type { RegionStatsFilter } from './statistics';
import { AttachmentRef, WorkflowAction, WorkflowHistoryEntry, WorkflowStatus } from './workflow';

export const DISPUTE_FORM_TYPE = 'DISPUTE_CASE';

/** 来源 */
export enum DisputeSource {
  HOTLINE_12345 = 'HOTLINE_12345',
  LETTER = 'LETTER',
  VISIT = 'VISIT',
  ONLINE_PETITION = 'ONLINE_PETITION',
  COMMUNITY_SCREENING = 'COMMUNITY_SCREENING',
  STREET_ASSIGNED = 'STREET_ASSIGNED',
  PROPERTY_REPORT = 'PROPERTY_REPORT',
}

export const DISPUTE_SOURCE_LABELS: Record<DisputeSource, string> = {
  [DisputeSource.HOTLINE_12345]: '12345热线',
  [DisputeSource.LETTER]: '来信',
  [DisputeSource.VISIT]: '来访',
  [DisputeSource.ONLINE_PETITION]: '网上信访',
  [DisputeSource.COMMUNITY_SCREENING]: '社区排查',
  [DisputeSource.STREET_ASSIGNED]: '街道交办',
  [DisputeSource.PROPERTY_REPORT]: '物业上报',
};

/** 紧急程度 */
export enum DisputeUrgency {
  NORMAL = 'NORMAL',
  URGENT = 'URGENT',
  CRITICAL = 'CRITICAL',
}

export const DISPUTE_URGENCY_LABELS: Record<DisputeUrgency, string> = {
  [DisputeUrgency.NORMAL]: '一般',
  [DisputeUrgency.URGENT]: '紧急',
  [DisputeUrgency.CRITICAL]: '特急',
};

/** 当事人类型 (申请方 / 被申请方) */
export enum DisputePartyKind {
  OWNER = 'OWNER',
  PROPERTY_COMPANY = 'PROPERTY_COMPANY',
  OWNERS_COMMITTEE = 'OWNERS_COMMITTEE',
  DEVELOPER = 'DEVELOPER',
  OTHER = 'OTHER',
}

export const DISPUTE_PARTY_KIND_LABELS: Record<DisputePartyKind, string> = {
  [DisputePartyKind.OWNER]: '业主',
  [DisputePartyKind.PROPERTY_COMPANY]: '物业服务企业',
  [DisputePartyKind.OWNERS_COMMITTEE]: '业委会',
  [DisputePartyKind.DEVELOPER]: '开发商',
  [DisputePartyKind.OTHER]: '其他',
};

/** 信访形式 (信访工作条例 art.17) */
export enum PetitionForm {
  NETWORK = 'NETWORK',
  LETTER = 'LETTER',
  PHONE = 'PHONE',
  FAX = 'FAX',
  VISIT = 'VISIT',
}

export const PETITION_FORM_LABELS: Record<PetitionForm, string> = {
  [PetitionForm.NETWORK]: '信息网络',
  [PetitionForm.LETTER]: '书信',
  [PetitionForm.PHONE]: '电话',
  [PetitionForm.FAX]: '传真',
  [PetitionForm.VISIT]: '走访',
};

/** 信访类别 (信访工作条例 arts.29–31) */
export enum PetitionCategory {
  SUGGESTION = 'SUGGESTION',
  ACCUSATION = 'ACCUSATION',
  APPEAL = 'APPEAL',
}

export const PETITION_CATEGORY_LABELS: Record<PetitionCategory, string> = {
  [PetitionCategory.SUGGESTION]: '建议意见类',
  [PetitionCategory.ACCUSATION]: '检举控告类',
  [PetitionCategory.APPEAL]: '申诉求决类',
};

/** 处置方式 */
export enum DisputeDisposal {
  RESOLVE = 'RESOLVE',
  DE_ESCALATE = 'DE_ESCALATE',
}

export const DISPUTE_DISPOSAL_LABELS: Record<DisputeDisposal, string> = {
  [DisputeDisposal.RESOLVE]: '化解',
  [DisputeDisposal.DE_ESCALATE]: '疏导',
};

/** 处置情况: 案结事未了 closes the case but keeps it flagged for follow-up (回访) */
export enum DisputeOutcome {
  SETTLED = 'SETTLED',
  CLOSED_UNSETTLED = 'CLOSED_UNSETTLED',
}

export const DISPUTE_OUTCOME_LABELS: Record<DisputeOutcome, string> = {
  [DisputeOutcome.SETTLED]: '案结事了',
  [DisputeOutcome.CLOSED_UNSETTLED]: '案结事未了',
};

/** The three ledgers: 未办结台账 (not closed), 已办结台账 (closed), 总台账 (all). */
export enum DisputeLedger {
  UNFINISHED = 'unfinished',
  FINISHED = 'finished',
  ALL = 'all',
}

export const DISPUTE_LEDGER_LABELS: Record<DisputeLedger, string> = {
  [DisputeLedger.UNFINISHED]: '未办结台账',
  [DisputeLedger.FINISHED]: '已办结台账',
  [DisputeLedger.ALL]: '总台账',
};

/** A dispute case's statuses are the workflow's; these are their names in this chapter. */
export const DISPUTE_STATUSES = [
  WorkflowStatus.ENTRY,
  WorkflowStatus.STREET_HANDLING,
  WorkflowStatus.STREET_REVIEW,
  WorkflowStatus.REVIEW,
  WorkflowStatus.APPROVED,
] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export const DISPUTE_STATUS_LABELS: Record<DisputeStatus, string> = {
  [WorkflowStatus.ENTRY]: '已录入（区局办理）',
  [WorkflowStatus.STREET_HANDLING]: '已转办街道',
  [WorkflowStatus.STREET_REVIEW]: '街道申请办结待审核',
  [WorkflowStatus.REVIEW]: '区局办结待审核',
  [WorkflowStatus.APPROVED]: '已办结',
};

/** What a case allows its viewer to do (the detail's buttons), named as the workflow's actions. */
export const DISPUTE_ACTIONS = [
  WorkflowAction.EDIT,
  WorkflowAction.TRANSFER,
  WorkflowAction.HANDLE,
  WorkflowAction.RETURN_TO_PREVIOUS,
  WorkflowAction.SEND_BACK,
  WorkflowAction.APPROVE_CLOSE,
] as const;
export type DisputeAction = (typeof DISPUTE_ACTIONS)[number];

export const DISPUTE_ACTION_LABELS: Record<DisputeAction, string> = {
  [WorkflowAction.EDIT]: '修改',
  [WorkflowAction.TRANSFER]: '转办',
  [WorkflowAction.HANDLE]: '处理',
  [WorkflowAction.RETURN_TO_PREVIOUS]: '退回区局',
  [WorkflowAction.SEND_BACK]: '驳回重报',
  [WorkflowAction.APPROVE_CLOSE]: '同意办结',
};

/** 问题分类 (catalogue; an admin keeps it) */
export interface DisputeCategoryView {
  id: number;
  name: string;
  /** the default 办理时限 in working days (Chinese statutory calendar) */
  timeLimitWorkingDays: number;
  active: boolean;
  sortOrder: number;
}

export interface DisputeCategoryInput {
  name: string;
  timeLimitWorkingDays: number;
  active?: boolean;
  sortOrder?: number;
}

export interface DisputePartyInput {
  kind: DisputePartyKind;
  name: string;
  phone?: string | null;
}

/** 信访信息 (optional block) */
export interface DisputePetitionInput {
  /** 信访件编号 */
  petitionNo?: string | null;
  /** 信访人 */
  petitioner: string;
  phone?: string | null;
  form: PetitionForm;
  /** YYYY-MM-DD */
  date: string;
  /** 是否集体访 */
  collective: boolean;
  category: PetitionCategory;
}

/** Body of 录入 (POST /api/disputes) and, with `version`, of 修改 (PATCH /api/disputes/:id). */
export interface DisputeInput {
  /** 所属街道 / 所属社区: fixed once entered (所属区域 is the street's district) */
  streetId: number;
  communityId: number;
  /** 小区名称: a property area of that community (changeable) */
  propertyAreaId: number;
  /** 详细地址 */
  address?: string | null;
  /** 问题分类 */
  categoryId: number;
  /** 纠纷简述 */
  summary: string;
  /** 诉求 */
  demand: string;
  /** 涉及人数 */
  peopleCount: number;
  applicant: DisputePartyInput;
  respondent: DisputePartyInput;
  source: DisputeSource;
  urgency: DisputeUrgency;
  petition?: DisputePetitionInput | null;
  /** 办理时限 (YYYY-MM-DD, today or later); default: the category's working days from today */
  deadline?: string;
  /** ids from POST /api/attachments */
  attachmentIds?: number[];
}

export interface DisputeEditRequest extends DisputeInput {
  version: number;
}

export interface DisputeVersionRequest {
  version: number;
}

/** 退回区局: the street office returns a transferred case to the district */
export interface DisputeReturnRequest {
  version: number;
  reason: string;
}

/** 处理 → 办结 / 申请办结 */
export interface DisputeHandleRequest {
  version: number;
  disposal: DisputeDisposal;
  outcome: DisputeOutcome;
  /** 答复日期 YYYY-MM-DD: not before the case was entered, not in the future */
  repliedAt: string;
  /** 化解疏导情况 */
  handlingNote: string;
  /** 存在问题 */
  issues?: string | null;
  attachmentIds?: number[];
}

/** 审核 */
export interface DisputeReviewRequest {
  version: number;
  decision: WorkflowAction.SEND_BACK | WorkflowAction.APPROVE_CLOSE;
  /** required with 驳回重报 */
  opinion?: string;
  remark?: string;
}

export interface DisputeHandling {
  disposal: DisputeDisposal;
  outcome: DisputeOutcome;
  repliedAt: string;
  handlingNote: string;
  issues: string | null;
}

/** A ledger row. */
export interface DisputeSummary {
  id: number;
  businessNo: string;
  status: DisputeStatus;
  statusLabel: string;
  districtId: number;
  districtName: string;
  streetId: number;
  streetName: string;
  communityId: number;
  communityName: string;
  propertyAreaId: number;
  propertyAreaName: string;
  categoryId: number;
  categoryName: string;
  summary: string;
  peopleCount: number;
  source: DisputeSource;
  urgency: DisputeUrgency;
  /** 办理时限 YYYY-MM-DD */
  deadline: string;
  /** past its 办理时限 and not closed */
  overdue: boolean;
  /** with the street office now (转办, until it is closed or returned) */
  withStreet: boolean;
  /** ever passed to the street office */
  transferred: boolean;
  disposal: DisputeDisposal | null;
  outcome: DisputeOutcome | null;
  repliedAt: string | null;
  handlingNote: string | null;
  /** 案结事未了: closed, kept for follow-up (回访) */
  followUp: boolean;
  sendBackCount: number;
  enteredAt: string;
  enteredByName: string;
  closedAt: string | null;
  /** 导入批次 of an imported case */
  importBatchNo: string | null;
  version: number;
}

/** GET /api/disputes: the page and the overdue count of the whole filtered ledger. */
export interface DisputeLedgerPage extends Page<DisputeSummary> {
  overdue: number;
}

export interface DisputeParty {
  kind: DisputePartyKind;
  name: string;
  phone: string | null;
}

export interface DisputePetition {
  petitionNo: string | null;
  petitioner: string;
  phone: string | null;
  form: PetitionForm;
  date: string;
  collective: boolean;
  category: PetitionCategory;
}

export interface DisputeDetail extends DisputeSummary {
  address: string | null;
  demand: string;
  applicant: DisputeParty;
  respondent: DisputeParty;
  petition: DisputePetition | null;
  handling: DisputeHandling | null;
  issues: string | null;
  attachments: AttachmentRef[];
  /** the workflow case behind it (its 历程) */
  caseId: number;
  allowedActions: DisputeAction[];
  /** 历程: every step, who, when, with which opinion; 修改 entries carry the before / after values in `remark` */
  history: WorkflowHistoryEntry[];
}

/** Why an earlier case was flagged as a possible duplicate. */
export enum DisputeDuplicateReason {
  SAME_CATEGORY_AREA = 'SAME_CATEGORY_AREA',
  SAME_PETITIONER_PHONE = 'SAME_PETITIONER_PHONE',
  SIMILAR_SUMMARY = 'SIMILAR_SUMMARY',
}

export const DISPUTE_DUPLICATE_REASON_LABELS: Record<DisputeDuplicateReason, string> = {
  [DisputeDuplicateReason.SAME_CATEGORY_AREA]: '同一小区同一问题分类',
  [DisputeDuplicateReason.SAME_PETITIONER_PHONE]: '同一信访人电话',
  [DisputeDuplicateReason.SIMILAR_SUMMARY]: '纠纷简述相似',
};

export const DISPUTE_DUPLICATE_WARNING = '您录入的信息与历史数据存在重复';

/** GET /api/disputes/duplicates: what the entry form has so far (any subset) */
export interface DisputeDuplicateQuery {
  propertyAreaId?: number;
  categoryId?: number;
  petitionerPhone?: string;
  summary?: string;
  /** 修改: leave the case itself out */
  excludeId?: number;
}

export interface DisputeDuplicate {
  id: number;
  businessNo: string;
  propertyAreaName: string;
  categoryName: string;
  summary: string;
  status: DisputeStatus;
  statusLabel: string;
  enteredAt: string;
  reasons: DisputeDuplicateReason[];
  /** 0–1, the 纠纷简述 similarity */
  similarity: number;
}

export interface DisputeDuplicateResult {
  /** true: show 「您录入的信息与历史数据存在重复 查看>」 */
  duplicate: boolean;
  items: DisputeDuplicate[];
  windowDays: number;
}

/** GET /api/disputes/deadline-default?categoryId=: 办理时限 counted in working days from today */
export interface DisputeDeadlineDefault {
  categoryId: number;
  workingDays: number;
  deadline: string;
}

/** Ledger filters (GET /api/disputes, its 导出 and the background export). */
export interface DisputeLedgerQuery {
  ledger?: DisputeLedger;
  /** 小区名称 (contains) */
  propertyAreaName?: string;
  disposal?: DisputeDisposal;
  outcome?: DisputeOutcome;
  /** 化解疏导情况 (contains) */
  handlingNote?: string;
  categoryId?: number;
  districtId?: number;
  streetId?: number;
  communityId?: number;
  status?: DisputeStatus;
  overdue?: boolean;
  followUp?: boolean;
  /** 录入日期 YYYY-MM-DD */
  enteredFrom?: string;
  enteredTo?: string;
  deadlineFrom?: string;
  deadlineTo?: string;
  closedFrom?: string;
  closedTo?: string;
  sort?: DisputeSortKey;
  order?: 'ASC' | 'DESC';
  page?: number;
  pageSize?: number;
  cursor?: string;
}

export enum DisputeSortKey {
  ENTERED_AT = 'enteredAt',
  DEADLINE = 'deadline',
  CLOSED_AT = 'closedAt',
}

/** 导出: a ledger of at most this many rows streams at once; a larger one becomes a background job (下载列表) */
export interface DisputeExportStart {
  /** the background export's download id (GET /api/downloads) */
  downloadId: number;
  message: string;
}

export enum DisputeCounter {
  ENTERED = 'entered',
  TRANSFERRED = 'transferred',
  CLOSED = 'closed',
  UNFINISHED = 'unfinished',
  OVERDUE = 'overdue',
  RESOLVED = 'resolved',
  DE_ESCALATED = 'deEscalated',
  SETTLED = 'settled',
  SENT_BACK = 'sentBack',
}

export const DISPUTE_STATS_COLUMNS: ReadonlyArray<{ key: DisputeCounter | 'settledRate' | 'averageHandlingDays'; label: string }> = [
  { key: DisputeCounter.ENTERED, label: '录入' },
  { key: DisputeCounter.TRANSFERRED, label: '转办' },
  { key: DisputeCounter.CLOSED, label: '办结' },
  { key: DisputeCounter.UNFINISHED, label: '未办结' },
  { key: DisputeCounter.OVERDUE, label: '超期' },
  { key: DisputeCounter.RESOLVED, label: '化解' },
  { key: DisputeCounter.DE_ESCALATED, label: '疏导' },
  { key: DisputeCounter.SETTLED, label: '案结事了' },
  { key: 'settledRate', label: '案结事了率(%)' },
  { key: DisputeCounter.SENT_BACK, label: '驳回重报次数' },
  { key: 'averageHandlingDays', label: '平均办理天数' },
];

export type DisputeCounts = Record<DisputeCounter, number> & { settledRate: number; averageHandlingDays: number };

export interface DisputeStatsFilter extends RegionStatsFilter {
  enteredFrom?: string;
  enteredTo?: string;
}

/** 按问题分类 */
export interface DisputeCategoryStatsRow extends DisputeCounts {
  categoryId: number;
  categoryName: string;
}

export enum DisputeErrorCode {
  REGION_LOCKED = 'DISPUTE_REGION_LOCKED',
  AREA_NOT_IN_COMMUNITY = 'DISPUTE_AREA_NOT_IN_COMMUNITY',
  COMMUNITY_NOT_IN_STREET = 'DISPUTE_COMMUNITY_NOT_IN_STREET',
  CATEGORY_INACTIVE = 'DISPUTE_CATEGORY_INACTIVE',
  DEADLINE_IN_PAST = 'DISPUTE_DEADLINE_IN_PAST',
  REPLIED_BEFORE_ENTRY = 'DISPUTE_REPLIED_BEFORE_ENTRY',
  REPLIED_IN_FUTURE = 'DISPUTE_REPLIED_IN_FUTURE',
  OUTCOME_WITHOUT_DISPOSAL = 'DISPUTE_OUTCOME_WITHOUT_DISPOSAL',
  HANDLING_REQUIRED = 'DISPUTE_HANDLING_REQUIRED',
  SELF_REVIEW = 'DISPUTE_SELF_REVIEW',
  WRONG_STREET = 'DISPUTE_WRONG_STREET',
  CLOSED = 'DISPUTE_CLOSED',
  CATEGORY_NAME_TAKEN = 'DISPUTE_CATEGORY_NAME_TAKEN',
}

export const DISPUTE_ERROR_MESSAGES: Record<DisputeErrorCode, string> = {
  [DisputeErrorCode.REGION_LOCKED]: '所属区域、所属街道、所属社区录入后不能修改',
  [DisputeErrorCode.AREA_NOT_IN_COMMUNITY]: '所选小区不属于所选社区',
  [DisputeErrorCode.COMMUNITY_NOT_IN_STREET]: '所选社区不属于所选街道',
  [DisputeErrorCode.CATEGORY_INACTIVE]: '该问题分类已停用',
  [DisputeErrorCode.DEADLINE_IN_PAST]: '办理时限不能早于今天',
  [DisputeErrorCode.REPLIED_BEFORE_ENTRY]: '答复日期不能早于录入日期',
  [DisputeErrorCode.REPLIED_IN_FUTURE]: '答复日期不能晚于今天',
  [DisputeErrorCode.OUTCOME_WITHOUT_DISPOSAL]: '请先选择处置方式，再选择处置情况',
  [DisputeErrorCode.HANDLING_REQUIRED]: '办结前须填写处置方式、处置情况、答复日期和化解疏导情况',
  [DisputeErrorCode.SELF_REVIEW]: '不能审核自己处理的矛盾纠纷件',
  [DisputeErrorCode.WRONG_STREET]: '矛盾纠纷件只能转办到其所属街道',
  [DisputeErrorCode.CLOSED]: '该矛盾纠纷件已办结，不能再修改',
  [DisputeErrorCode.CATEGORY_NAME_TAKEN]: '已有同名的问题分类',
};
