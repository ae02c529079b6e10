/**
 * Chapter 16, 安全检查: the rule library (安全生产检查库), launched inspections, the project managers'
 * results, completion and facility statistics, 催办 and the overall ledger (总体情况台账).
 */
import { RegionStats, RegionStatsItem } from './statistics';
import { UrgeResult } from './notifications';
import { AttachmentRef } from './workflow';

export enum SafetyCheckKind {
  /** 常规检查 (e.g. the half-yearly check after SZDB/Z 307-2018) */
  ROUTINE = 'ROUTINE',
  /** 专项检查 (flood and typhoon, fire, e-bikes, …) */
  SPECIAL = 'SPECIAL',
}

export const SAFETY_CHECK_KIND_LABELS: Record<SafetyCheckKind, string> = {
  [SafetyCheckKind.ROUTINE]: '常规检查',
  [SafetyCheckKind.SPECIAL]: '专项检查',
};

export enum SafetyCheckOutcome {
  PASS = 'PASS',
  FAIL = 'FAIL',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
}

export const SAFETY_CHECK_OUTCOME_LABELS: Record<SafetyCheckOutcome, string> = {
  [SafetyCheckOutcome.PASS]: '合格',
  [SafetyCheckOutcome.FAIL]: '不合格',
  [SafetyCheckOutcome.NOT_APPLICABLE]: '不涉及',
};

/** One property area's part of an inspection. */
export enum SafetyTargetStatus {
  /** 未填报 */
  PENDING = 'PENDING',
  /** 填报中: results saved, not submitted */
  DRAFT = 'DRAFT',
  /** 已完成 */
  SUBMITTED = 'SUBMITTED',
}

export const SAFETY_TARGET_STATUS_LABELS: Record<SafetyTargetStatus, string> = {
  [SafetyTargetStatus.PENDING]: '未填报',
  [SafetyTargetStatus.DRAFT]: '填报中',
  [SafetyTargetStatus.SUBMITTED]: '已完成',
};

/** The subjectType of notification campaigns about an inspection (the launch notice and its 催办). */
export const SAFETY_INSPECTION_SUBJECT_TYPE = 'safety-inspection';

export interface SafetySubItemView {
  id: number;
  content: string;
  /** the facility the item checks (电梯, 排水泵, …): the key of 设施设备统计 */
  facility: string | null;
  sortOrder: number;
}

export interface SafetyIndicatorView {
  id: number;
  name: string;
  sortOrder: number;
  subItems: SafetySubItemView[];
}

export interface SafetyTemplateListItem {
  id: number;
  name: string;
  kind: SafetyCheckKind;
  kindLabel: string;
  /** null: a city-wide template (maintained by the city; districts copy it to adapt it) */
  districtId: number | null;
  /** each edit adds one; an inspection keeps the version it was launched from */
  version: number;
  indicatorCount: number;
  subItemCount: number;
  updatedAt: string;
}

export interface SafetyTemplateDetail extends SafetyTemplateListItem {
  description: string | null;
  indicators: SafetyIndicatorView[];
}

/** One checked item of a launched inspection (a copy of the template's sub-item at launch). */
export interface SafetyInspectionItemView {
  id: number;
  content: string;
  facility: string | null;
}

export interface SafetyInspectionIndicatorView {
  name: string;
  items: SafetyInspectionItemView[];
}

export interface SafetyCompletionCounts {
  targets: number;
  submitted: number;
  /** not submitted (未填报 + 填报中) */
  outstanding: number;
  /** outstanding after the deadline */
  overdue: number;
  /** failed items over submitted areas (发现问题) */
  problems: number;
  /** submitted areas with at least one failed item */
  areasWithProblems: number;
  /** submitted / targets as a percentage (rate(): 75 means 75 %) */
  completionRate: number;
}

export interface SafetyInspectionListItem extends SafetyCompletionCounts {
  id: number;
  title: string;
  kind: SafetyCheckKind;
  kindLabel: string;
  districtId: number;
  districtName: string;
  templateId: number | null;
  templateName: string;
  templateVersion: number;
  deadline: string;
  launchedByName: string;
  createdAt: string;
}

export interface SafetyInspectionDetail extends SafetyInspectionListItem {
  instructions: string;
  indicators: SafetyInspectionIndicatorView[];
}

/** 按物业项目统计 */
export interface SafetyAreaStatsItem {
  targetId: number;
  propertyAreaId: number;
  propertyAreaName: string;
  streetName: string;
  communityName: string;
  companyId: number | null;
  companyName: string | null;
  projectManagerName: string | null;
  status: SafetyTargetStatus;
  statusLabel: string;
  overdue: boolean;
  passCount: number;
  failCount: number;
  notApplicableCount: number;
  submittedAt: string | null;
}

/** 按物业服务企业统计 */
export interface SafetyCompanyStatsItem extends SafetyCompletionCounts {
  companyId: number | null;
  companyName: string;
}

/** District → street → community → property area drill-down (a city account starts at the districts). */
export type SafetyRegionStatsItem = RegionStatsItem<SafetyCompletionCounts>;

export type SafetyRegionStats = RegionStats<SafetyCompletionCounts>;

/** The completion counters a cell list can open (every numeric field but the rate). */
export type SafetyCompletionCounter = Exclude<keyof SafetyCompletionCounts, 'completionRate'>;

/** A row behind a number of the completion statistics: one area of one inspection. */
export interface SafetyCellItem extends SafetyAreaStatsItem {
  inspectionId: number;
  inspectionTitle: string;
}

/** 设施设备统计: per facility, the submitted results of the items that check it. */
export interface SafetyFacilityStatsItem {
  facility: string;
  /** submitted areas that answered an item about the facility */
  areas: number;
  pass: number;
  fail: number;
  notApplicable: number;
  /** areas with at least one failed item about the facility */
  areasWithProblems: number;
}

export interface SafetyResultView {
  itemId: number;
  outcome: SafetyCheckOutcome | null;
  note: string | null;
  photos: AttachmentRef[];
}

/** One property area's form: the inspection's items with the area's answers. */
export interface SafetyTargetForm {
  targetId: number;
  inspectionId: number;
  title: string;
  kind: SafetyCheckKind;
  kindLabel: string;
  instructions: string;
  deadline: string;
  overdue: boolean;
  propertyAreaId: number;
  propertyAreaName: string;
  status: SafetyTargetStatus;
  statusLabel: string;
  passCount: number;
  failCount: number;
  notApplicableCount: number;
  savedAt: string | null;
  submittedAt: string | null;
  submittedByName: string | null;
  indicators: Array<{ name: string; items: Array<SafetyInspectionItemView & { result: SafetyResultView }> }>;
}

/** A project manager's task list (我的安全检查). */
export interface SafetyTaskItem {
  targetId: number;
  inspectionId: number;
  title: string;
  kind: SafetyCheckKind;
  kindLabel: string;
  deadline: string;
  overdue: boolean;
  propertyAreaId: number;
  propertyAreaName: string;
  status: SafetyTargetStatus;
  statusLabel: string;
  answered: number;
  itemCount: number;
  createdAt: string;
}

/** withoutAccount: outstanding areas whose project manager has no active account */
export interface SafetyUrgeResult extends UrgeResult {
  /** the same as withoutAccount (the field's name before the results were unified) */
  outstandingWithoutAccount: number;
}

export enum SafetyInspectionErrorCode {
  DEADLINE_IN_PAST = 'SAFETY_DEADLINE_IN_PAST',
  NO_TARGETS = 'SAFETY_NO_TARGETS',
  DISTRICT_REQUIRED = 'SAFETY_DISTRICT_REQUIRED',
  ALREADY_SUBMITTED = 'SAFETY_ALREADY_SUBMITTED',
  RESULTS_INCOMPLETE = 'SAFETY_RESULTS_INCOMPLETE',
  ITEM_NOT_IN_INSPECTION = 'SAFETY_ITEM_NOT_IN_INSPECTION',
  FAIL_NEEDS_NOTE = 'SAFETY_FAIL_NEEDS_NOTE',
}

export const SAFETY_INSPECTION_ERROR_MESSAGES: Record<SafetyInspectionErrorCode, string> = {
  [SafetyInspectionErrorCode.DEADLINE_IN_PAST]: '截止日期不能早于今天',
  [SafetyInspectionErrorCode.NO_TARGETS]: '所选范围内没有物业项目',
  [SafetyInspectionErrorCode.DISTRICT_REQUIRED]: '市局账号发起安全检查时须指定行政区',
  [SafetyInspectionErrorCode.ALREADY_SUBMITTED]: '该项目的安全检查已提交，不能再修改',
  [SafetyInspectionErrorCode.RESULTS_INCOMPLETE]: '还有检查项未填写结果，请全部填写后再提交',
  [SafetyInspectionErrorCode.ITEM_NOT_IN_INSPECTION]: '检查项不属于本次安全检查',
  [SafetyInspectionErrorCode.FAIL_NEEDS_NOTE]: '不合格的检查项须填写问题说明',
};

/** A property area 发起安全检查 may name (GET /api/safety-inspections/area-candidates). */
export interface SafetyAreaCandidate {
  propertyAreaId: number;
  districtId: number;
  propertyAreaName: string;
  propertyAreaCode: string;
  streetName: string;
  communityName: string;
  companyName: string | null;
  projectManagerName: string | null;
}
