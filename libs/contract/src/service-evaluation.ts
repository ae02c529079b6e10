/**
 * Chapter 7, 物业服务评价: the catalogue, bad records (不良信息), good records (良好信息), the risk
 * list (风险名单), scores and publicity (信息公示).
 */

/** 评价对象: a property company or a project manager. */
export enum EvaluationSubjectType {
  COMPANY = 'COMPANY',
  PROJECT_MANAGER = 'PROJECT_MANAGER',
}

export const EVALUATION_SUBJECT_TYPE_LABELS: Record<EvaluationSubjectType, string> = {
  [EvaluationSubjectType.COMPANY]: '物业服务企业',
  [EvaluationSubjectType.PROJECT_MANAGER]: '项目负责人',
};

/** Where a determined bad record or risk-list entry stands (it exists only once its determination is approved). */
export enum EvaluationRecordStatus {
  /** 已生效: determined; published until its publicity end date and scored */
  EFFECTIVE = 'EFFECTIVE',
  /** 已撤销: no longer published, no longer scored */
  REVOKED = 'REVOKED',
  /** 已恢复: no longer published, points kept */
  RESTORED = 'RESTORED',
}

export const EVALUATION_RECORD_STATUS_LABELS: Record<EvaluationRecordStatus, string> = {
  [EvaluationRecordStatus.EFFECTIVE]: '已生效',
  [EvaluationRecordStatus.REVOKED]: '已撤销',
  [EvaluationRecordStatus.RESTORED]: '已恢复',
};

/** Whether a record is on public display now. */
export enum PublicityState {
  /** 公示中 */
  PUBLISHED = 'PUBLISHED',
  /** 公示期满 */
  ENDED = 'ENDED',
  /** 已撤销 / 已恢复: taken off publicity by a form */
  WITHDRAWN = 'WITHDRAWN',
}

export const PUBLICITY_STATE_LABELS: Record<PublicityState, string> = {
  [PublicityState.PUBLISHED]: '公示中',
  [PublicityState.ENDED]: '公示期满',
  [PublicityState.WITHDRAWN]: '不再公示',
};

/** The business forms of chapter 7 (stored as the workflow case's formType). */
export enum EvaluationFormType {
  BAD_RECORD_DETERMINATION = 'BAD_RECORD_DETERMINATION',
  BAD_RECORD_REVOCATION = 'BAD_RECORD_REVOCATION',
  BAD_RECORD_RESTORATION = 'BAD_RECORD_RESTORATION',
  GOOD_RECORD_DETERMINATION = 'GOOD_RECORD_DETERMINATION',
  RISK_LIST_DETERMINATION = 'RISK_LIST_DETERMINATION',
  RISK_LIST_REVOCATION = 'RISK_LIST_REVOCATION',
  RISK_LIST_RESTORATION = 'RISK_LIST_RESTORATION',
}

export const EVALUATION_FORM_TYPE_LABELS: Record<EvaluationFormType, string> = {
  [EvaluationFormType.BAD_RECORD_DETERMINATION]: '不良信息认定',
  [EvaluationFormType.BAD_RECORD_REVOCATION]: '不良信息撤销',
  [EvaluationFormType.BAD_RECORD_RESTORATION]: '不良信息恢复',
  [EvaluationFormType.GOOD_RECORD_DETERMINATION]: '良好信息认定',
  [EvaluationFormType.RISK_LIST_DETERMINATION]: '风险名单认定',
  [EvaluationFormType.RISK_LIST_REVOCATION]: '风险名单撤销',
  [EvaluationFormType.RISK_LIST_RESTORATION]: '风险名单恢复',
};

/** 计分周期 */
export enum ScoringCycleKind {
  /** calendar year: key "2026" */
  CALENDAR_YEAR = 'CALENDAR_YEAR',
  /** half-years: keys "2026-H1", "2026-H2" */
  HALF_YEAR = 'HALF_YEAR',
}

export const SCORING_CYCLE_KIND_LABELS: Record<ScoringCycleKind, string> = {
  [ScoringCycleKind.CALENDAR_YEAR]: '自然年度',
  [ScoringCycleKind.HALF_YEAR]: '半年度',
};

export enum EvaluationGrade {
  AAA = 'AAA',
  AA = 'AA',
  A = 'A',
  B = 'B',
  C = 'C',
}

// ---- catalogue -----------------------------------------------------------------------------

export interface BadRecordCircumstanceView {
  id: number;
  itemId: number;
  code: string;
  description: string;
  /** 1 is the most serious level */
  level: number;
  points: number;
  publicityMonths: number;
  enabled: boolean;
  sortOrder: number;
}

export interface BadRecordItemView {
  id: number;
  code: string;
  name: string;
  /** null: applies to both kinds of subject */
  subjectType: EvaluationSubjectType | null;
  /** 有多个处罚事项，同一事项只计一次，取最高等级计分 */
  countOncePerYear: boolean;
  enabled: boolean;
  sortOrder: number;
  circumstances: BadRecordCircumstanceView[];
}

export interface RiskListCircumstanceView {
  id: number;
  itemId: number;
  code: string;
  description: string;
  publicityMonths: number;
  enabled: boolean;
  sortOrder: number;
}

export interface RiskListItemView {
  id: number;
  code: string;
  name: string;
  subjectType: EvaluationSubjectType | null;
  enabled: boolean;
  sortOrder: number;
  circumstances: RiskListCircumstanceView[];
}

export interface GoodRecordItemView {
  id: number;
  code: string;
  name: string;
  subjectType: EvaluationSubjectType | null;
  points: number;
  enabled: boolean;
  sortOrder: number;
}

export interface GradeThresholds {
  /** minimum total for each grade; below `b` is C */
  aaa: number;
  aa: number;
  a: number;
  b: number;
}

export interface ScoringRulesView {
  cycleKind: ScoringCycleKind;
  /** 基础信息满分 */
  basicScoreMax: number;
  /** 良好信息计分上限 */
  goodRecordCap: number;
  grades: GradeThresholds;
  version: number;
  updatedAt: string;
}

// ---- records -------------------------------------------------------------------------------

/** What the entry screen shows before submitting (分值 and 公示期时长 are never entered by hand). */
export interface BadRecordPreview {
  itemId: number;
  itemName: string;
  circumstanceId: number;
  circumstanceDescription: string;
  level: number;
  points: number;
  publicityMonths: number;
  countOncePerYear: boolean;
  /** publicity period if the form were approved today (Shanghai days, end inclusive) */
  publicityStartIfApprovedToday: string;
  publicityEndIfApprovedToday: string;
}

export interface RiskListPreview {
  itemId: number;
  itemName: string;
  circumstanceId: number;
  circumstanceDescription: string;
  publicityMonths: number;
  publicityStartIfApprovedToday: string;
  publicityEndIfApprovedToday: string;
}

export interface EvaluationSubjectView {
  subjectType: EvaluationSubjectType;
  subjectId: number;
  name: string;
  /** credit code of a company, certificate number of a project manager */
  identifier: string;
  /** for project managers: the company they work for */
  companyName: string | null;
}

export interface BadRecordListItem {
  id: number;
  subjectType: EvaluationSubjectType;
  subjectTypeLabel: string;
  subjectId: number;
  subjectName: string;
  districtId: number;
  districtName: string | null;
  itemId: number;
  itemName: string;
  circumstanceDescription: string;
  level: number;
  points: number;
  factDate: string;
  documentNo: string;
  status: EvaluationRecordStatus;
  statusLabel: string;
  publicityState: PublicityState;
  publicityStateLabel: string;
  publicityStart: string;
  publicityEnd: string;
  createdAt: string;
}

export interface BadRecordDetail extends BadRecordListItem {
  circumstanceId: number;
  publicityMonths: number;
  countOncePerYear: boolean;
  description: string;
  /** the same-year records of the same item the handler linked (count once, highest level) */
  linkedRecordIds: number[];
  /** all records counted together with this one (its count-once group), this one included */
  countOnceGroupRecordIds: number[];
  determinationCaseId: number;
  revocationCaseId: number | null;
  revocationReason: string | null;
  revokedAt: string | null;
  restorationCaseId: number | null;
  restorationReason: string | null;
  restoredAt: string | null;
  /** a revocation or restoration form running on this record */
  pendingCaseId: number | null;
}

export interface GoodRecordListItem {
  id: number;
  subjectType: EvaluationSubjectType;
  subjectTypeLabel: string;
  subjectId: number;
  subjectName: string;
  districtId: number;
  itemId: number;
  itemName: string;
  points: number;
  awardDate: string;
  documentNo: string;
  createdAt: string;
}

export interface GoodRecordDetail extends GoodRecordListItem {
  description: string;
  determinationCaseId: number;
}

export interface RiskListEntryListItem {
  id: number;
  subjectType: EvaluationSubjectType;
  subjectTypeLabel: string;
  subjectId: number;
  subjectName: string;
  districtId: number;
  districtName: string | null;
  itemId: number;
  itemName: string;
  circumstanceDescription: string;
  factDate: string;
  documentNo: string;
  status: EvaluationRecordStatus;
  statusLabel: string;
  publicityState: PublicityState;
  publicityStateLabel: string;
  publicityStart: string;
  publicityEnd: string;
  createdAt: string;
}

export interface RiskListEntryDetail extends RiskListEntryListItem {
  circumstanceId: number;
  publicityMonths: number;
  description: string;
  determinationCaseId: number;
  revocationCaseId: number | null;
  revocationReason: string | null;
  revokedAt: string | null;
  restorationCaseId: number | null;
  restorationReason: string | null;
  restoredAt: string | null;
  pendingCaseId: number | null;
}

// ---- scores --------------------------------------------------------------------------------

export enum ScoreLineKind {
  BASIC = 'BASIC',
  GOOD_RECORD = 'GOOD_RECORD',
  GOOD_RECORD_CAP = 'GOOD_RECORD_CAP',
  BAD_RECORD = 'BAD_RECORD',
  TOTAL = 'TOTAL',
  GRADE = 'GRADE',
}

/** One number of a score and the rule behind it (计分周期说明). */
export interface ScoreLine {
  kind: ScoreLineKind;
  /** the record the line is about, if any */
  recordId: number | null;
  /** signed contribution to the total (0 for lines that count nothing) */
  points: number;
  counted: boolean;
  rule: string;
}

export interface ScoringCycleView {
  key: string;
  kind: ScoringCycleKind;
  start: string;
  end: string;
  label: string;
}

export interface ScoreListItem {
  subjectType: EvaluationSubjectType;
  subjectId: number;
  subjectName: string;
  districtId: number;
  cycleKey: string;
  basicScore: number;
  goodScore: number;
  badScore: number;
  total: number;
  grade: EvaluationGrade;
  badRecordCount: number;
  goodRecordCount: number;
  computedAt: string;
}

export interface ScoreDetail extends ScoreListItem {
  cycle: ScoringCycleView;
  /** uncapped sum of the good records */
  goodRawScore: number;
  lines: ScoreLine[];
  /** the scoring rules in words (计分周期说明) */
  explanation: string[];
}

export interface ScoreRecomputeResult {
  cycleKey: string;
  subjects: number;
  badRecords: number;
  goodRecords: number;
  durationMs: number;
}

// ---- publicity (信息公示, no login) --------------------------------------------------------

export interface PublicBadRecord {
  id: number;
  subjectType: EvaluationSubjectType;
  subjectTypeLabel: string;
  subjectName: string;
  districtName: string | null;
  itemName: string;
  circumstanceDescription: string;
  level: number;
  points: number;
  factDate: string;
  documentNo: string;
  description: string;
  publicityStart: string;
  publicityEnd: string;
}

/** GET /api/service-evaluation/publicity/districts (no login): the districts the public lists can be searched by */
export interface PublicDistrict {
  id: number;
  name: string;
}

export interface PublicRiskListEntry {
  id: number;
  subjectType: EvaluationSubjectType;
  subjectTypeLabel: string;
  subjectName: string;
  districtName: string | null;
  itemName: string;
  circumstanceDescription: string;
  factDate: string;
  documentNo: string;
  description: string;
  publicityStart: string;
  publicityEnd: string;
}

// ---- errors --------------------------------------------------------------------------------

export enum ServiceEvaluationErrorCode {
  SUBJECT_NOT_IN_DISTRICT = 'EVALUATION_SUBJECT_NOT_IN_DISTRICT',
  CATALOGUE_ENTRY_NOT_USABLE = 'EVALUATION_CATALOGUE_ENTRY_NOT_USABLE',
  CATALOGUE_CODE_TAKEN = 'EVALUATION_CATALOGUE_CODE_TAKEN',
  FACT_DATE_IN_FUTURE = 'EVALUATION_FACT_DATE_IN_FUTURE',
  INVALID_LINKED_RECORD = 'EVALUATION_INVALID_LINKED_RECORD',
  RECORD_NOT_EFFECTIVE = 'EVALUATION_RECORD_NOT_EFFECTIVE',
  RECORD_HAS_RUNNING_FORM = 'EVALUATION_RECORD_HAS_RUNNING_FORM',
  INVALID_GRADE_THRESHOLDS = 'EVALUATION_INVALID_GRADE_THRESHOLDS',
  INVALID_CYCLE = 'EVALUATION_INVALID_CYCLE',
  NO_DISTRICT = 'EVALUATION_NO_DISTRICT',
}

export const SERVICE_EVALUATION_ERROR_MESSAGES: Record<ServiceEvaluationErrorCode, string> = {
  [ServiceEvaluationErrorCode.SUBJECT_NOT_IN_DISTRICT]: '所选评价对象不存在或不属于本区',
  [ServiceEvaluationErrorCode.CATALOGUE_ENTRY_NOT_USABLE]: '所选事项或情形不存在、已停用或不适用于该评价对象',
  [ServiceEvaluationErrorCode.CATALOGUE_CODE_TAKEN]: '该编码已被使用',
  [ServiceEvaluationErrorCode.FACT_DATE_IN_FUTURE]: '事实发生日期不能晚于今天',
  [ServiceEvaluationErrorCode.INVALID_LINKED_RECORD]: '关联的不良信息须为同一评价对象、同一事项、同一年度且未撤销的记录，且该事项须为“同一事项只计一次”类型',
  [ServiceEvaluationErrorCode.RECORD_NOT_EFFECTIVE]: '只有已生效的信息可以撤销或恢复',
  [ServiceEvaluationErrorCode.RECORD_HAS_RUNNING_FORM]: '该信息已有正在办理的撤销或恢复业务单',
  [ServiceEvaluationErrorCode.INVALID_GRADE_THRESHOLDS]: '等级分数线须满足 AAA > AA > A > B',
  [ServiceEvaluationErrorCode.INVALID_CYCLE]: '计分周期格式不正确（如 2026 或 2026-H1，须与当前计分周期类型一致）',
  [ServiceEvaluationErrorCode.NO_DISTRICT]: '该操作需要区局账号办理',
};
