/**
 * Chapter 7 (物业服务评价) on PC: the rules of the review page's 审核信息 tab, the words of its
 * confirmations, the rows of a form's content, and the requests the pages build from their forms.
 */
import {
  EvaluationFormType,
  EvaluationSubjectType,
  ScoreLineKind,
  WORKFLOW_ACTION_LABELS,
  WorkflowAction,
  type BadRecordDeterminationRequest,
  type BadRecordItemView,
  type BadRecordSearchQuery,
  type CreateDelegationRequest,
  type EvaluationRecordStatus,
  type LinkCandidatesQuery,
  type ModuleKey,
  type RecordPreviewRequest,
  type RiskListDeterminationRequest,
  type RiskListItemView,
  type WorkflowCaseDetail,
} from '@szpm/contract';

export type RecordKind = 'bad-record' | 'risk-list';

export const RECORD_KIND_LABELS: Record<RecordKind, string> = { 'bad-record': '不良信息', 'risk-list': '风险名单' };

// ---- 审核信息: the decisions a form offers -----------------------------------------------------

// the rules of 审核信息 (choices, reasons, the opinion a decision carries): the contract's, shared with the mini-program
export {
  decisionChoices,
  decisionProblem,
  decisionRequest,
  OPINION_MAX_LENGTH,
  opinionLabel,
  reasonRequired,
  REMARK_MAX_LENGTH,
  type DecisionChoice,
  type DecisionInput as DecisionValues,
  approvalConsequence,
} from '@szpm/contract';
import { approvalConsequence } from '@szpm/contract';

export interface ConfirmWords {
  title: string;
  content: string;
  okText: string;
}

/** The question before a decision is sent; null where nothing needs confirming (确认受理 only takes the form on). */
export function decisionConfirmation(action: WorkflowAction, decided: Pick<WorkflowCaseDetail, 'formType' | 'payload'>): ConfirmWords | null {
  const label = WORKFLOW_ACTION_LABELS[action];
  const ask = (content: string): ConfirmWords => ({ title: `确认${label}？`, content, okText: label });
  switch (action) {
    case WorkflowAction.ACCEPT:
      return null;
    case WorkflowAction.APPROVE:
      return ask(`${approvalConsequence(decided.formType, decided.payload)}。`);
    case WorkflowAction.REJECT:
      return ask('不同意后该业务即办结，审核结果为“不通过”；填写的理由记入审批流程记录。');
    case WorkflowAction.RETURN_TO_PREVIOUS:
      return ask('该业务将退回录入初审人，按填写的理由修改后重新提交。');
    case WorkflowAction.RETURN_FOR_SUPPLEMENT:
      return ask('该业务将退回申请人，按填写的理由补充材料后重新提交。');
    case WorkflowAction.PROPOSE_APPROVE:
    case WorkflowAction.PROPOSE_REJECT:
      return ask(`提交后转认定审核，由区负责人决定是否${action === WorkflowAction.PROPOSE_APPROVE ? '同意' : '不同意'}。`);
    default:
      return ask('提交后转入下一环节审核。');
  }
}

const APPROVED_OUTCOME: Record<string, string> = {
  [EvaluationFormType.BAD_RECORD_DETERMINATION]: '不良信息已生效并进入公示',
  [EvaluationFormType.RISK_LIST_DETERMINATION]: '已列入风险名单并公示',
  [EvaluationFormType.GOOD_RECORD_DETERMINATION]: '良好信息已生效',
  [EvaluationFormType.BAD_RECORD_REVOCATION]: '不良信息已撤销',
  [EvaluationFormType.BAD_RECORD_RESTORATION]: '不良信息已恢复',
  [EvaluationFormType.RISK_LIST_REVOCATION]: '风险名单已撤销',
  [EvaluationFormType.RISK_LIST_RESTORATION]: '风险名单已恢复',
};

/** After a decision went through: what happened (not a bare 提交成功). */
export function doneMessage(action: WorkflowAction, formType: string): string {
  switch (action) {
    case WorkflowAction.ACCEPT:
      return '已受理，该业务已转入待办理';
    case WorkflowAction.APPROVE:
      return `已同意，${APPROVED_OUTCOME[formType] ?? '该业务已办结'}`;
    case WorkflowAction.REJECT:
      return '已不同意，该业务已办结';
    case WorkflowAction.RETURN_TO_PREVIOUS:
      return '已退回上一级';
    case WorkflowAction.RETURN_FOR_SUPPLEMENT:
      return '已退回补录';
    case WorkflowAction.PROPOSE_APPROVE:
      return '已拟同意，转认定审核';
    case WorkflowAction.PROPOSE_REJECT:
      return '已拟不同意，转认定审核';
    default:
      return '已提交，转认定审核';
  }
}

/** A returned determination is corrected in its entry form (the same page as 录入), not in 审核信息. */
export function correctionPath(detail: Pick<WorkflowCaseDetail, 'id' | 'formType' | 'allowedActions'>): string | null {
  if (!detail.allowedActions.includes(WorkflowAction.SUBMIT)) return null;
  if (detail.formType === EvaluationFormType.BAD_RECORD_DETERMINATION) return `/evaluation/bad-record-entry?caseId=${detail.id}`;
  if (detail.formType === EvaluationFormType.RISK_LIST_DETERMINATION) return `/evaluation/risk-entry?caseId=${detail.id}`;
  return null;
}

// ---- a form's content, in words -------------------------------------------------------------

// the form's content as rows and sections, and cycle names: the same words as the mini-program's
export { cycleLabel, payloadRows, payloadSections, type FieldRow } from '@szpm/contract';

/** 2026-03-01 至 2027-02-28 */
export function publicityPeriod(start: string, end: string): string {
  return `${start} 至 ${end}`;
}

// ---- entry forms (不良信息认定 / 风险名单认定) ----------------------------------------------------

export const DOCUMENT_NO_MAX = 64;
export const DESCRIPTION_MAX = 2000;

/** What the entry form holds (the ProForm's values). */
export interface EntryValues {
  subjectType: EvaluationSubjectType;
  subjectId?: number;
  itemId?: number;
  circumstanceId?: number;
  /** YYYY-MM-DD */
  factDate?: string;
  documentNo?: string;
  description?: string;
  linkedRecordIds?: number[];
  attachmentIds?: number[];
}

type Item = BadRecordItemView | RiskListItemView;

/** The enabled items that apply to the kind of subject (an item without a kind applies to both). */
export function applicableItems<T extends Item>(items: readonly T[], subjectType: EvaluationSubjectType): T[] {
  return items.filter((i) => i.enabled && (i.subjectType === null || i.subjectType === subjectType) && i.circumstances.some((c) => c.enabled));
}

/** The preview request once item and circumstance are chosen (分值 / 公示期 come from the server). */
export function previewRequest(values: Pick<EntryValues, 'subjectType' | 'itemId' | 'circumstanceId'>): RecordPreviewRequest | null {
  if (!values.itemId || !values.circumstanceId) return null;
  return { itemId: values.itemId, circumstanceId: values.circumstanceId, subjectType: values.subjectType };
}

/** 关联同年度的不良信息: only for a count-once item, once subject and fact date are known. */
export function linkCandidatesQuery(values: EntryValues, item: BadRecordItemView | undefined): LinkCandidatesQuery | null {
  if (!item?.countOncePerYear || !values.subjectId || !values.factDate) return null;
  return { subjectType: values.subjectType, subjectId: values.subjectId, itemId: item.id, factDate: values.factDate };
}

function facts(values: EntryValues) {
  return {
    subjectType: values.subjectType,
    subjectId: values.subjectId!,
    itemId: values.itemId!,
    circumstanceId: values.circumstanceId!,
    factDate: values.factDate!,
    documentNo: values.documentNo!.trim(),
    description: values.description!.trim(),
  };
}

export function badRecordRequest(values: EntryValues): BadRecordDeterminationRequest {
  return {
    ...facts(values),
    ...(values.linkedRecordIds?.length ? { linkedRecordIds: values.linkedRecordIds } : {}),
    ...(values.attachmentIds?.length ? { attachmentIds: values.attachmentIds } : {}),
  };
}

export function riskListRequest(values: EntryValues): RiskListDeterminationRequest {
  return { ...facts(values), ...(values.attachmentIds?.length ? { attachmentIds: values.attachmentIds } : {}) };
}

/** A returned determination's content, corrected: the payload its SUBMIT carries (the server fills points and months again). */
export function correctedPayload(values: EntryValues, kind: RecordKind): Record<string, unknown> {
  return { ...facts(values), ...(kind === 'bad-record' ? { linkedRecordIds: values.linkedRecordIds ?? [] } : {}) };
}

/** The entry form's values from a returned determination's content. */
export function entryFromPayload(payload: Record<string, unknown>): EntryValues {
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    subjectType: payload.subjectType === EvaluationSubjectType.PROJECT_MANAGER ? EvaluationSubjectType.PROJECT_MANAGER : EvaluationSubjectType.COMPANY,
    subjectId: num(payload.subjectId),
    itemId: num(payload.itemId),
    circumstanceId: num(payload.circumstanceId),
    factDate: str(payload.factDate),
    documentNo: str(payload.documentNo),
    description: str(payload.description),
    linkedRecordIds: Array.isArray(payload.linkedRecordIds) ? payload.linkedRecordIds.filter((v): v is number => typeof v === 'number') : [],
  };
}

/** The question before a determination is submitted, with the numbers the server previewed. */
export function entryConfirmation(kind: RecordKind, subjectName: string, preview: { points?: number; publicityMonths: number } | null): ConfirmWords {
  const consequence = preview
    ? kind === 'bad-record'
      ? `审核通过后计 ${preview.points ?? 0} 分，公示 ${preview.publicityMonths} 个月。`
      : `审核通过后列入风险名单，公示 ${preview.publicityMonths} 个月。`
    : '';
  return { title: `确认提交${RECORD_KIND_LABELS[kind]}认定？`, content: `将对“${subjectName}”的${RECORD_KIND_LABELS[kind]}提交区负责人认定审核。${consequence}`, okText: '提交' };
}

// ---- 不良信息汇总 / 风险名单 searches ----------------------------------------------------------------

/** The search form of a record list (ProTable params: text fields, selects, a date range). */
export interface RecordSearchValues {
  search?: string;
  subjectType?: EvaluationSubjectType;
  itemId?: string | number;
  status?: EvaluationRecordStatus;
  districtId?: string | number;
  documentNo?: string;
  factDate?: [string, string];
}

const id = (value: string | number | undefined): number | undefined => (value === undefined || value === '' ? undefined : Number(value));
const text = (value: string | undefined): string | undefined => value?.trim() || undefined;

/** The api's query from the search form (empty fields left out). */
export function recordSearchQuery(values: RecordSearchValues, page: number, pageSize: number): BadRecordSearchQuery {
  const query: BadRecordSearchQuery = { page, pageSize };
  if (text(values.search)) query.search = text(values.search);
  if (values.subjectType) query.subjectType = values.subjectType;
  if (id(values.itemId)) query.itemId = id(values.itemId);
  if (values.status) query.status = values.status;
  if (id(values.districtId)) query.districtId = id(values.districtId);
  if (text(values.documentNo)) query.documentNo = text(values.documentNo);
  if (values.factDate?.[0]) query.factDateFrom = values.factDate[0];
  if (values.factDate?.[1]) query.factDateTo = values.factDate[1];
  return query;
}

export function withdrawalTitle(kind: RecordKind, mode: 'revocations' | 'restorations'): string {
  return `${RECORD_KIND_LABELS[kind]}${mode === 'revocations' ? '撤销' : '恢复'}`;
}

/** What a 撤销 / 恢复 does once approved (the manual's words). */
export function withdrawalEffect(kind: RecordKind, mode: 'revocations' | 'restorations'): string {
  if (mode === 'revocations') return kind === 'bad-record' ? '审核通过后原信息状态变更为“已撤销”，不再公示也不参与计分。' : '审核通过后原信息状态变更为“已撤销”，评价对象移出风险名单公示。';
  return '审核通过后原信息状态变更为“已恢复”，不再对外公示，但原计分保留。';
}

// ---- 代办委托 --------------------------------------------------------------------------------

export interface DelegationValues {
  delegateId?: number;
  allModules?: boolean;
  modules?: ModuleKey[];
  /** [start, end] as ISO instants */
  period?: [string, string];
  matters?: string;
}

export const MATTERS_MAX = 500;

/** What stops 发起委托, or null. */
export function delegationProblem(values: DelegationValues, now: Date = new Date()): string | null {
  if (!values.delegateId) return '请选择受托人';
  if (!values.allModules && !values.modules?.length) return '请选择委托的模块，或选择委托全部模块';
  if (!values.period?.[0] || !values.period?.[1]) return '请选择委托期限';
  const [start, end] = values.period.map((v) => new Date(v).getTime());
  if (!(end > start) || end <= now.getTime()) return '委托结束时间须晚于开始时间和当前时间';
  if (!values.matters?.trim()) return '请填写委托代办的事宜';
  if (values.matters.trim().length > MATTERS_MAX) return `委托代办的事宜不能超过${MATTERS_MAX}字`;
  return null;
}

export function delegationRequest(values: DelegationValues): CreateDelegationRequest {
  const all = values.allModules === true;
  return {
    delegateId: values.delegateId!,
    allModules: all,
    ...(all ? {} : { modules: values.modules }),
    startAt: new Date(values.period![0]).toISOString(),
    endAt: new Date(values.period![1]).toISOString(),
    matters: values.matters!.trim(),
  };
}

export function terminateConfirmation(delegateName: string): ConfirmWords {
  return { title: '确认终止委托？', content: `终止后 ${delegateName} 立即不能再代您办理，已代办的事项不受影响。`, okText: '终止' };
}

// ---- scores --------------------------------------------------------------------------------

export const SCORE_LINE_LABELS: Record<ScoreLineKind, string> = {
  [ScoreLineKind.BASIC]: '基础信息',
  [ScoreLineKind.GOOD_RECORD]: '良好信息',
  [ScoreLineKind.GOOD_RECORD_CAP]: '良好信息上限',
  [ScoreLineKind.BAD_RECORD]: '不良信息',
  [ScoreLineKind.TOTAL]: '总分',
  [ScoreLineKind.GRADE]: '等级',
};

/** A score line's contribution: +12 / −6 / 0. */
export function signedPoints(points: number): string {
  if (points > 0) return `+${points}`;
  if (points < 0) return `−${Math.abs(points)}`;
  return '0';
}

