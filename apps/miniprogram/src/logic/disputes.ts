import {
  DISPUTE_ACTION_LABELS,
  DISPUTE_DUPLICATE_REASON_LABELS,
  DISPUTE_PARTY_KIND_LABELS,
  DISPUTE_STATUS_LABELS,
  DISPUTE_STATUSES,
  DisputeAction,
  DisputeCategoryView,
  DisputeDetail,
  DisputeDisposal,
  DisputeDuplicate,
  DisputeDuplicateQuery,
  DisputeDuplicateResult,
  DisputeEditRequest,
  DisputeHandleRequest,
  DisputeInput,
  DisputeLedger,
  DisputeLedgerQuery,
  DisputeOutcome,
  DisputeParty,
  DisputePartyKind,
  DisputeReturnRequest,
  DisputeReviewRequest,
  DisputeSource,
  DisputeStatus,
  DisputeUrgency,
  GrantAction,
  MeResponse,
  ModuleKey,
  PetitionCategory,
  PetitionForm,
  Role,
  WORKFLOW_STATUS_LABELS,
  WorkflowAction,
  WorkflowStatus,
} from '@szpm/contract';
import { ConfirmWords } from './confirm';
import { formatDate } from './format';

// ---------------------------------------------------------------------------------------------
// 录入 / 修改

/** the api's limits (dto/dispute.dto.ts) */
export const SUMMARY_MAX = 1000;
export const DEMAND_MAX = 1000;
export const ADDRESS_MAX = 255;
export const NAME_MAX = 64;
export const PHONE_MAX = 13;
export const PETITION_NO_MAX = 64;
export const PEOPLE_COUNT_MAX = 100_000;

/** The entry form as typed: numbers and dates as the fields hold them, the 信访 block behind its switch. */
export interface DisputeForm {
  streetId: number | null;
  communityId: number | null;
  propertyAreaId: number | null;
  address: string;
  categoryId: number | null;
  summary: string;
  demand: string;
  peopleCount: string;
  applicantKind: DisputePartyKind | null;
  applicantName: string;
  applicantPhone: string;
  respondentKind: DisputePartyKind | null;
  respondentName: string;
  respondentPhone: string;
  source: DisputeSource | null;
  urgency: DisputeUrgency;
  withPetition: boolean;
  petitionNo: string;
  petitioner: string;
  petitionPhone: string;
  petitionForm: PetitionForm | null;
  petitionDate: string;
  petitionCollective: boolean;
  petitionCategory: PetitionCategory | null;
  /** 办理时限 YYYY-MM-DD ('' until a category's default or the officer's choice fills it) */
  deadline: string;
  attachmentIds: number[];
}

export type DisputeField =
  | 'street'
  | 'community'
  | 'propertyArea'
  | 'address'
  | 'category'
  | 'summary'
  | 'demand'
  | 'peopleCount'
  | 'applicantKind'
  | 'applicantName'
  | 'applicantPhone'
  | 'respondentKind'
  | 'respondentName'
  | 'respondentPhone'
  | 'source'
  | 'urgency'
  | 'petitionNo'
  | 'petitioner'
  | 'petitionPhone'
  | 'petitionForm'
  | 'petitionDate'
  | 'petitionCollective'
  | 'petitionCategory'
  | 'deadline'
  | 'attachments';

export type DisputeProblems = Partial<Record<DisputeField, string>>;

/** The api's field names (DisputeInput paths) → the form's fields, for a 400's details. */
export const DISPUTE_API_FIELDS: Readonly<Record<string, DisputeField>> = {
  streetId: 'street',
  communityId: 'community',
  propertyAreaId: 'propertyArea',
  address: 'address',
  categoryId: 'category',
  summary: 'summary',
  demand: 'demand',
  peopleCount: 'peopleCount',
  applicant: 'applicantName',
  'applicant.kind': 'applicantKind',
  'applicant.name': 'applicantName',
  'applicant.phone': 'applicantPhone',
  respondent: 'respondentName',
  'respondent.kind': 'respondentKind',
  'respondent.name': 'respondentName',
  'respondent.phone': 'respondentPhone',
  source: 'source',
  urgency: 'urgency',
  petition: 'petitioner',
  'petition.petitionNo': 'petitionNo',
  'petition.petitioner': 'petitioner',
  'petition.phone': 'petitionPhone',
  'petition.form': 'petitionForm',
  'petition.date': 'petitionDate',
  'petition.collective': 'petitionCollective',
  'petition.category': 'petitionCategory',
  deadline: 'deadline',
  attachmentIds: 'attachments',
};

export function emptyDisputeForm(): DisputeForm {
  return {
    streetId: null,
    communityId: null,
    propertyAreaId: null,
    address: '',
    categoryId: null,
    summary: '',
    demand: '',
    peopleCount: '',
    applicantKind: null,
    applicantName: '',
    applicantPhone: '',
    respondentKind: null,
    respondentName: '',
    respondentPhone: '',
    source: null,
    urgency: DisputeUrgency.NORMAL,
    withPetition: false,
    petitionNo: '',
    petitioner: '',
    petitionPhone: '',
    petitionForm: null,
    petitionDate: '',
    petitionCollective: false,
    petitionCategory: null,
    deadline: '',
    attachmentIds: [],
  };
}

/** 修改: the form as the case stands. */
export function disputeFormOf(detail: DisputeDetail): DisputeForm {
  const petition = detail.petition;
  return {
    streetId: detail.streetId,
    communityId: detail.communityId,
    propertyAreaId: detail.propertyAreaId,
    address: detail.address ?? '',
    categoryId: detail.categoryId,
    summary: detail.summary,
    demand: detail.demand,
    peopleCount: String(detail.peopleCount),
    applicantKind: detail.applicant.kind,
    applicantName: detail.applicant.name,
    applicantPhone: detail.applicant.phone ?? '',
    respondentKind: detail.respondent.kind,
    respondentName: detail.respondent.name,
    respondentPhone: detail.respondent.phone ?? '',
    source: detail.source,
    urgency: detail.urgency,
    withPetition: petition !== null,
    petitionNo: petition?.petitionNo ?? '',
    petitioner: petition?.petitioner ?? '',
    petitionPhone: petition?.phone ?? '',
    petitionForm: petition?.form ?? null,
    petitionDate: petition?.date ?? '',
    petitionCollective: petition?.collective ?? false,
    petitionCategory: petition?.category ?? null,
    deadline: detail.deadline,
    attachmentIds: detail.attachments.map((a) => a.id),
  };
}

/** A draft keeps what outlives the page: not the upload ids. */
export function keptDisputeDraft(form: DisputeForm): DisputeForm {
  return { ...form, attachmentIds: [] };
}

/** A mobile number, or a landline with its area code (the api's rule). */
const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/**
 * What the form lacks before it is sent: the fields the api requires (marked *), and the dates
 * that cannot be right. The api checks the rest (region consistency, inactive categories) and
 * names the field.
 */
export function disputeProblems(form: DisputeForm, today: string): DisputeProblems {
  const problems: DisputeProblems = {};
  if (form.streetId === null) problems.street = '请选择所属街道';
  if (form.communityId === null) problems.community = '请选择所属社区';
  if (form.propertyAreaId === null) problems.propertyArea = '请选择小区';
  if (form.categoryId === null) problems.category = '请选择问题分类';
  if (!form.summary.trim()) problems.summary = '请填写纠纷简述';
  if (!form.demand.trim()) problems.demand = '请填写诉求';
  const people = form.peopleCount.trim();
  if (!people) problems.peopleCount = '请填写涉及人数';
  else if (!/^\d+$/.test(people) || Number(people) < 1) problems.peopleCount = '涉及人数须为正整数';
  else if (Number(people) > PEOPLE_COUNT_MAX) problems.peopleCount = `涉及人数不能超过${PEOPLE_COUNT_MAX}`;
  if (!form.applicantKind) problems.applicantKind = '请选择申请方类型';
  if (!form.applicantName.trim()) problems.applicantName = '请填写申请方名称';
  if (form.applicantPhone.trim() && !PHONE_PATTERN.test(form.applicantPhone.trim())) problems.applicantPhone = '申请方电话格式不正确';
  if (!form.respondentKind) problems.respondentKind = '请选择被申请方类型';
  if (!form.respondentName.trim()) problems.respondentName = '请填写被申请方名称';
  if (form.respondentPhone.trim() && !PHONE_PATTERN.test(form.respondentPhone.trim())) problems.respondentPhone = '被申请方电话格式不正确';
  if (!form.source) problems.source = '请选择来源';
  if (form.withPetition) {
    if (!form.petitioner.trim()) problems.petitioner = '请填写信访人';
    if (form.petitionPhone.trim() && !PHONE_PATTERN.test(form.petitionPhone.trim())) problems.petitionPhone = '信访人电话格式不正确';
    if (!form.petitionForm) problems.petitionForm = '请选择信访形式';
    if (!form.petitionDate) problems.petitionDate = '请选择信访日期';
    else if (form.petitionDate > today) problems.petitionDate = '信访日期不能晚于今天';
    if (!form.petitionCategory) problems.petitionCategory = '请选择信访类别';
  }
  if (form.deadline && form.deadline < today) problems.deadline = '办理时限不能早于今天';
  return problems;
}

const optional = (text: string): string | null => (text.trim() ? text.trim() : null);

/** The body of 录入: trimmed, the optional parts left out or null, the 信访 block only when switched on. */
export function disputeInput(form: DisputeForm): DisputeInput {
  const input: DisputeInput = {
    streetId: form.streetId!,
    communityId: form.communityId!,
    propertyAreaId: form.propertyAreaId!,
    address: optional(form.address),
    categoryId: form.categoryId!,
    summary: form.summary.trim(),
    demand: form.demand.trim(),
    peopleCount: Number(form.peopleCount.trim()),
    applicant: { kind: form.applicantKind!, name: form.applicantName.trim(), phone: optional(form.applicantPhone) },
    respondent: { kind: form.respondentKind!, name: form.respondentName.trim(), phone: optional(form.respondentPhone) },
    source: form.source!,
    urgency: form.urgency,
    petition: form.withPetition
      ? {
          petitionNo: optional(form.petitionNo),
          petitioner: form.petitioner.trim(),
          phone: optional(form.petitionPhone),
          form: form.petitionForm!,
          date: form.petitionDate,
          collective: form.petitionCollective,
          category: form.petitionCategory!,
        }
      : null,
    attachmentIds: form.attachmentIds,
  };
  if (form.deadline) input.deadline = form.deadline;
  return input;
}

/** The body of 修改: the same, with the version the officer saw. */
export function disputeEditRequest(form: DisputeForm, version: number): DisputeEditRequest {
  return { ...disputeInput(form), version };
}

/** The 问题分类 a form may choose: the active ones, and in 修改 the case's own even when it was retired since. */
export function categoryOptions(categories: DisputeCategoryView[], currentId: number | null): Array<{ value: number; label: string; description: string }> {
  return categories
    .filter((c) => c.active || c.id === currentId)
    .map((c) => ({ value: c.id, label: c.active ? c.name : `${c.name}（已停用）`, description: `办理时限默认${c.timeLimitWorkingDays}个工作日` }));
}

// ---------------------------------------------------------------------------------------------
// 重复提示

/** How long typing rests before the duplicate check asks the api. */
export const DUPLICATE_CHECK_DELAY_MS = 600;
/** A summary shorter than this says too little to compare. */
export const DUPLICATE_SUMMARY_MIN = 4;
/** A phone number shorter than this is still being typed. */
const DUPLICATE_PHONE_MIN = 7;

/**
 * What the duplicate check asks about the form so far, or null when there is nothing to compare
 * yet. The phone compared is the 信访人's (the one earlier cases keep), once the 信访 block has one.
 */
export function duplicateQuery(form: DisputeForm, excludeId: number | null): DisputeDuplicateQuery | null {
  const query: DisputeDuplicateQuery = {};
  if (form.propertyAreaId !== null) query.propertyAreaId = form.propertyAreaId;
  if (form.categoryId !== null) query.categoryId = form.categoryId;
  const phone = form.withPetition ? form.petitionPhone.trim() : '';
  if (phone.length >= DUPLICATE_PHONE_MIN) query.petitionerPhone = phone;
  const summary = form.summary.trim();
  if (summary.length >= DUPLICATE_SUMMARY_MIN) query.summary = summary;
  if (Object.keys(query).length === 0) return null;
  if (excludeId !== null) query.excludeId = excludeId;
  return query;
}

/** The warning shows when the api says so and has earlier cases to list; it never stops 提交. */
export function showsDuplicateWarning(result: DisputeDuplicateResult | null): boolean {
  return result !== null && result.duplicate && result.items.length > 0;
}

export function duplicateReasonsText(item: DisputeDuplicate): string {
  return item.reasons.map((reason) => DISPUTE_DUPLICATE_REASON_LABELS[reason]).join('、');
}

// ---------------------------------------------------------------------------------------------
// 查看: the buttons and the actions

export type DisputeButtonKind = 'transfer' | 'handle' | 'review' | 'return' | 'edit';

export interface DisputeButton {
  kind: DisputeButtonKind;
  label: string;
  /** the step the case waits for (the page's main button) */
  primary: boolean;
}

/**
 * The detail's buttons from the caller's allowed actions: 转办, 处理, 审核 (either review decision),
 * 退回区局, 修改, in that order; the first of the case's own next steps is the main one.
 */
export function disputeButtons(allowed: readonly DisputeAction[]): DisputeButton[] {
  const buttons: DisputeButton[] = [];
  if (allowed.includes(WorkflowAction.TRANSFER)) buttons.push({ kind: 'transfer', label: DISPUTE_ACTION_LABELS[WorkflowAction.TRANSFER], primary: false });
  if (allowed.includes(WorkflowAction.HANDLE)) buttons.push({ kind: 'handle', label: DISPUTE_ACTION_LABELS[WorkflowAction.HANDLE], primary: false });
  if (allowed.includes(WorkflowAction.SEND_BACK) || allowed.includes(WorkflowAction.APPROVE_CLOSE)) buttons.push({ kind: 'review', label: '审核', primary: false });
  if (allowed.includes(WorkflowAction.RETURN_TO_PREVIOUS)) buttons.push({ kind: 'return', label: DISPUTE_ACTION_LABELS[WorkflowAction.RETURN_TO_PREVIOUS], primary: false });
  if (allowed.includes(WorkflowAction.EDIT)) buttons.push({ kind: 'edit', label: DISPUTE_ACTION_LABELS[WorkflowAction.EDIT], primary: false });
  const main = buttons.find((b) => b.kind !== 'edit' && b.kind !== 'return');
  if (main) main.primary = true;
  return buttons;
}

export function transferConfirmation(detail: Pick<DisputeDetail, 'streetName' | 'businessNo'>): ConfirmWords {
  return {
    title: `确定转办至${detail.streetName}？`,
    content: `矛盾纠纷件 ${detail.businessNo} 将转由${detail.streetName}办事处处理，处理结果报区局审核。`,
    confirmText: '确定',
  };
}

export type ReviewDecision = WorkflowAction.SEND_BACK | WorkflowAction.APPROVE_CLOSE;

export interface ReviewForm {
  decision: ReviewDecision | null;
  opinion: string;
  remark: string;
}

export const OPINION_MAX = 500;
export const REMARK_MAX = 1000;
export const RETURN_REASON_MAX = 500;

export function emptyReview(): ReviewForm {
  return { decision: null, opinion: '', remark: '' };
}

/** The review decisions the caller may take, 驳回重报 first as the manual lists them. */
export function reviewChoices(allowed: readonly DisputeAction[]): Array<{ decision: ReviewDecision; label: string }> {
  const choices: ReviewDecision[] = [WorkflowAction.SEND_BACK, WorkflowAction.APPROVE_CLOSE];
  return choices.filter((d) => allowed.includes(d)).map((decision) => ({ decision, label: DISPUTE_ACTION_LABELS[decision] }));
}

export function reviewOpinionRequired(decision: ReviewDecision | null): boolean {
  return decision === WorkflowAction.SEND_BACK;
}

export function reviewProblem(form: ReviewForm): string | null {
  if (!form.decision) return '请选择审核意见';
  if (reviewOpinionRequired(form.decision) && !form.opinion.trim()) return '驳回重报须填写意见';
  return null;
}

export function reviewRequest(form: ReviewForm, version: number): DisputeReviewRequest {
  const request: DisputeReviewRequest = { version, decision: form.decision! };
  if (form.opinion.trim()) request.opinion = form.opinion.trim();
  if (form.remark.trim()) request.remark = form.remark.trim();
  return request;
}

export function reviewDoneMessage(decision: ReviewDecision): string {
  return decision === WorkflowAction.SEND_BACK ? '已驳回重报，退回处理方重新处理' : '已同意办结';
}

export function returnProblem(reason: string): string | null {
  return reason.trim() ? null : '请填写退回理由';
}

export function returnRequest(reason: string, version: number): DisputeReturnRequest {
  return { version, reason: reason.trim() };
}

// ---------------------------------------------------------------------------------------------
// 处理

export interface HandleForm {
  disposal: DisputeDisposal | null;
  outcome: DisputeOutcome | null;
  repliedAt: string;
  handlingNote: string;
  issues: string;
  attachmentIds: number[];
}

export type HandleField = 'disposal' | 'outcome' | 'repliedAt' | 'handlingNote' | 'issues' | 'attachments';

export const HANDLE_API_FIELDS: Readonly<Record<string, HandleField>> = {
  disposal: 'disposal',
  outcome: 'outcome',
  repliedAt: 'repliedAt',
  handlingNote: 'handlingNote',
  issues: 'issues',
  attachmentIds: 'attachments',
};

export const HANDLING_NOTE_MAX = 1000;
export const ISSUES_MAX = 1000;

/** A case sent back (驳回重报) opens with the handling it had, to be corrected. */
export function handleFormOf(detail: Pick<DisputeDetail, 'handling'>): HandleForm {
  const h = detail.handling;
  return { disposal: h?.disposal ?? null, outcome: h?.outcome ?? null, repliedAt: h?.repliedAt ?? '', handlingNote: h?.handlingNote ?? '', issues: h?.issues ?? '', attachmentIds: [] };
}

/** The 答复日期 lies between the case's entry and today. */
export function handleProblems(form: HandleForm, enteredOn: string, today: string): Partial<Record<HandleField, string>> {
  const problems: Partial<Record<HandleField, string>> = {};
  if (!form.disposal) problems.disposal = '请选择处置方式';
  if (!form.outcome) problems.outcome = form.disposal ? '请选择处置情况' : '请先选择处置方式，再选择处置情况';
  if (!form.repliedAt) problems.repliedAt = '请选择答复日期';
  else if (form.repliedAt < enteredOn) problems.repliedAt = '答复日期不能早于录入日期';
  else if (form.repliedAt > today) problems.repliedAt = '答复日期不能晚于今天';
  if (!form.handlingNote.trim()) problems.handlingNote = '请填写化解疏导情况';
  return problems;
}

export function handleRequest(form: HandleForm, version: number): DisputeHandleRequest {
  return {
    version,
    disposal: form.disposal!,
    outcome: form.outcome!,
    repliedAt: form.repliedAt,
    handlingNote: form.handlingNote.trim(),
    issues: optional(form.issues),
    attachmentIds: form.attachmentIds,
  };
}

/** Who reviews the handling: the district for a street's, the district's leads for its own. */
export function handleConfirmation(detail: Pick<DisputeDetail, 'withStreet' | 'businessNo'>): ConfirmWords {
  return {
    title: '确定办结？',
    content: `矛盾纠纷件 ${detail.businessNo} 的处理结果将报${detail.withStreet ? '区局' : '区局负责人'}审核，审核同意后办结。`,
    confirmText: '办结',
  };
}

export function handledMessage(after: Pick<DisputeDetail, 'statusLabel'>): string {
  return `已办结，${after.statusLabel}`;
}

// ---------------------------------------------------------------------------------------------
// 总台账

export interface LedgerFilter {
  /** 小区名称 (the search box) */
  propertyAreaName: string;
  disposal: DisputeDisposal | null;
  outcome: DisputeOutcome | null;
  handlingNote: string;
  categoryId: number | null;
  status: DisputeStatus | null;
  overdueOnly: boolean;
}

export function emptyLedgerFilter(): LedgerFilter {
  return { propertyAreaName: '', disposal: null, outcome: null, handlingNote: '', categoryId: null, status: null, overdueOnly: false };
}

/** `?ledger=`: one of the three, 总台账 when missing or unknown. */
export function ledgerOf(param: string | undefined): DisputeLedger {
  return (Object.values(DisputeLedger) as string[]).includes(param ?? '') ? (param as DisputeLedger) : DisputeLedger.ALL;
}

/** The statuses a ledger can hold (已办结台账 only the closed one: no status filter there). */
export function ledgerStatuses(ledger: DisputeLedger): DisputeStatus[] {
  if (ledger === DisputeLedger.FINISHED) return [];
  if (ledger === DisputeLedger.UNFINISHED) return DISPUTE_STATUSES.filter((s) => s !== WorkflowStatus.APPROVED);
  return [...DISPUTE_STATUSES];
}

export function ledgerQuery(ledger: DisputeLedger, filter: LedgerFilter, page: number, pageSize: number): DisputeLedgerQuery {
  const query: DisputeLedgerQuery = { ledger, page, pageSize };
  if (filter.propertyAreaName.trim()) query.propertyAreaName = filter.propertyAreaName.trim();
  if (filter.disposal) query.disposal = filter.disposal;
  if (filter.outcome) query.outcome = filter.outcome;
  if (filter.handlingNote.trim()) query.handlingNote = filter.handlingNote.trim();
  if (filter.categoryId !== null) query.categoryId = filter.categoryId;
  // a status the ledger cannot hold (after switching tabs) is not asked for
  if (filter.status && ledgerStatuses(ledger).includes(filter.status)) query.status = filter.status;
  if (filter.overdueOnly) query.overdue = true;
  return query;
}

/** How many of the sheet's filters are set (the search box is counted apart). */
export function activeFilterCount(filter: LedgerFilter, ledger: DisputeLedger): number {
  const status = filter.status && ledgerStatuses(ledger).includes(filter.status) ? 1 : 0;
  return [filter.disposal, filter.outcome, filter.handlingNote.trim() || null, filter.categoryId].filter((v) => v !== null).length + status + (filter.overdueOnly ? 1 : 0);
}

export function overdueBadgeText(overdue: number): string {
  return overdue > 0 ? `超期 ${overdue} 件` : '';
}

export function ledgerEmptyText(ledger: DisputeLedger, filtered: boolean): string {
  if (filtered) return '没有符合条件的矛盾纠纷件';
  if (ledger === DisputeLedger.UNFINISHED) return '暂无未办结的矛盾纠纷件';
  if (ledger === DisputeLedger.FINISHED) return '暂无已办结的矛盾纠纷件';
  return '暂无矛盾纠纷件';
}

/** 录入 is the district's: an officer who may operate the module, not a street office (it handles what it is sent). */
export function canEnterDisputes(me: Pick<MeResponse, 'role' | 'modules'> | null): boolean {
  if (!me) return false;
  // the roles the api lets enter (DISPUTE_ENTRY_ROLES): the district's handlers and supervisors
  const districtRoles: Role[] = [Role.DISTRICT_HANDLER, Role.DISTRICT_SUPERVISOR];
  return districtRoles.includes(me.role) && me.modules.some((m) => m.module === ModuleKey.DISPUTES && m.actions.includes(GrantAction.OPERATE));
}

// ---------------------------------------------------------------------------------------------
// Words

export function partyText(party: DisputeParty): string {
  return [DISPUTE_PARTY_KIND_LABELS[party.kind], party.name, party.phone].filter(Boolean).join(' · ');
}

/** A history entry's resulting step, in this chapter's words when it has them. */
export function statusLabelOf(status: WorkflowStatus): string {
  return (DISPUTE_STATUS_LABELS as Partial<Record<WorkflowStatus, string>>)[status] ?? WORKFLOW_STATUS_LABELS[status];
}

/** 办理时限 2026-12-20（已超期） */
export function deadlineText(detail: Pick<DisputeDetail, 'deadline' | 'overdue'>): string {
  return `${formatDate(detail.deadline)}${detail.overdue ? '（已超期）' : ''}`;
}
