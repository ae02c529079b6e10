import {
  BadRecordDeterminationRequest,
  BadRecordItemView,
  EvaluationSubjectType,
  EvaluationSubjectView,
  LinkCandidatesQuery,
  RecordPreviewRequest,
  RiskListDeterminationRequest,
} from '@szpm/contract';
import { ConfirmWords } from './confirm';

/**
 * 不良信息认定 / 风险名单认定 entry (录入初审). 分值 and 公示期时长 are never typed: the server
 * previews them from the item and circumstance and computes them again on submit.
 */
export interface RecordEntryForm {
  subjectType: EvaluationSubjectType;
  subject: EvaluationSubjectView | null;
  itemId: number | null;
  circumstanceId: number | null;
  factDate: string;
  documentNo: string;
  description: string;
  /** 关联同年度的不良信息 (bad records of count-once items only) */
  linkedRecordIds: number[];
  attachmentIds: number[];
}

export type RecordEntryField = 'subject' | 'itemId' | 'circumstanceId' | 'factDate' | 'documentNo' | 'description';

export const DOCUMENT_NO_MAX = 64;
export const DESCRIPTION_MAX = 2000;

export function emptyRecordEntry(subjectType: EvaluationSubjectType = EvaluationSubjectType.COMPANY): RecordEntryForm {
  return { subjectType, subject: null, itemId: null, circumstanceId: null, factDate: '', documentNo: '', description: '', linkedRecordIds: [], attachmentIds: [] };
}

interface CatalogueItem {
  id: number;
  subjectType: EvaluationSubjectType | null;
  enabled: boolean;
  sortOrder: number;
}

interface CatalogueCircumstance {
  id: number;
  enabled: boolean;
  sortOrder: number;
}

/** Items usable for this kind of subject: enabled, for this kind or for both. */
export function applicableItems<T extends CatalogueItem>(items: T[], subjectType: EvaluationSubjectType): T[] {
  return items.filter((i) => i.enabled && (i.subjectType === null || i.subjectType === subjectType)).sort((a, b) => a.sortOrder - b.sortOrder);
}

export function usableCircumstances<C extends CatalogueCircumstance>(item: { circumstances: C[] } | undefined): C[] {
  return (item?.circumstances ?? []).filter((c) => c.enabled).sort((a, b) => a.sortOrder - b.sortOrder);
}

/** A different kind of subject invalidates the subject, the item and what hangs on them. */
export function withSubjectType(form: RecordEntryForm, subjectType: EvaluationSubjectType): RecordEntryForm {
  if (form.subjectType === subjectType) return form;
  return { ...form, subjectType, subject: null, itemId: null, circumstanceId: null, linkedRecordIds: [] };
}

export function withSubject(form: RecordEntryForm, subject: EvaluationSubjectView): RecordEntryForm {
  const same = form.subject?.subjectId === subject.subjectId && form.subject.subjectType === subject.subjectType;
  return { ...form, subject, linkedRecordIds: same ? form.linkedRecordIds : [] };
}

export function withItem(form: RecordEntryForm, itemId: number): RecordEntryForm {
  if (form.itemId === itemId) return form;
  return { ...form, itemId, circumstanceId: null, linkedRecordIds: [] };
}

export function withFactDate(form: RecordEntryForm, factDate: string): RecordEntryForm {
  const sameYear = form.factDate.slice(0, 4) === factDate.slice(0, 4);
  return { ...form, factDate, linkedRecordIds: sameYear ? form.linkedRecordIds : [] };
}

export function toggleLinked(form: RecordEntryForm, recordId: number): RecordEntryForm {
  const linked = form.linkedRecordIds.includes(recordId) ? form.linkedRecordIds.filter((id) => id !== recordId) : [...form.linkedRecordIds, recordId];
  return { ...form, linkedRecordIds: linked };
}

/** Ask the server for 分值 / 公示期 once both the item and the circumstance are chosen. */
export function previewRequest(form: RecordEntryForm): RecordPreviewRequest | null {
  if (form.itemId === null || form.circumstanceId === null) return null;
  return { itemId: form.itemId, circumstanceId: form.circumstanceId, subjectType: form.subjectType };
}

/** Same-year records may be linked when the item counts once per year and subject, item and date are known. */
export function linkCandidatesQuery(form: RecordEntryForm, item: Pick<BadRecordItemView, 'id' | 'countOncePerYear'> | undefined): LinkCandidatesQuery | null {
  if (!item || !item.countOncePerYear || !form.subject || !isCalendarDate(form.factDate)) return null;
  return { subjectType: form.subject.subjectType, subjectId: form.subject.subjectId, itemId: item.id, factDate: form.factDate };
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Field errors before submitting; `today` is Shanghai's YYYY-MM-DD (facts cannot be in the future). */
export function recordEntryProblems(form: RecordEntryForm, today: string): Partial<Record<RecordEntryField, string>> {
  const problems: Partial<Record<RecordEntryField, string>> = {};
  if (!form.subject) problems.subject = '请选择评价对象';
  if (form.itemId === null) problems.itemId = '请选择事项';
  if (form.circumstanceId === null) problems.circumstanceId = '请选择情形';
  if (!form.factDate) problems.factDate = '请选择事实发生日期';
  else if (!isCalendarDate(form.factDate)) problems.factDate = '日期格式应为 YYYY-MM-DD';
  else if (form.factDate > today) problems.factDate = '事实发生日期不能晚于今天';
  const documentNo = form.documentNo.trim();
  if (!documentNo) problems.documentNo = '请填写文书编号';
  else if (documentNo.length > DOCUMENT_NO_MAX) problems.documentNo = `文书编号不能超过${DOCUMENT_NO_MAX}字`;
  const description = form.description.trim();
  if (!description) problems.description = '请填写情况说明';
  else if (description.length > DESCRIPTION_MAX) problems.description = `情况说明不能超过${DESCRIPTION_MAX}字`;
  return problems;
}

function common(form: RecordEntryForm) {
  if (!form.subject || form.itemId === null || form.circumstanceId === null) throw new Error('the entry form is incomplete');
  return {
    subjectType: form.subject.subjectType,
    subjectId: form.subject.subjectId,
    itemId: form.itemId,
    circumstanceId: form.circumstanceId,
    factDate: form.factDate,
    documentNo: form.documentNo.trim(),
    description: form.description.trim(),
    ...(form.attachmentIds.length ? { attachmentIds: form.attachmentIds } : {}),
    submit: true,
  };
}

export function badRecordRequest(form: RecordEntryForm): BadRecordDeterminationRequest {
  return { ...common(form), ...(form.linkedRecordIds.length ? { linkedRecordIds: form.linkedRecordIds } : {}) };
}

export function riskListRequest(form: RecordEntryForm): RiskListDeterminationRequest {
  return common(form);
}

/** The determination form a handler entered, back in the entry screen after 退回上一级. */
export interface ReturnedEntry {
  subjectType: EvaluationSubjectType;
  subjectId: number;
  subjectName?: string;
  itemId: number;
  circumstanceId: number;
  factDate: string;
  documentNo: string;
  description: string;
  linkedRecordIds?: number[];
}

export function entryFromCase(payload: ReturnedEntry): RecordEntryForm {
  return {
    subjectType: payload.subjectType,
    subject: { subjectType: payload.subjectType, subjectId: payload.subjectId, name: payload.subjectName ?? '', identifier: '', companyName: null },
    itemId: payload.itemId,
    circumstanceId: payload.circumstanceId,
    factDate: payload.factDate,
    documentNo: payload.documentNo,
    description: payload.description,
    linkedRecordIds: payload.linkedRecordIds ?? [],
    attachmentIds: [],
  };
}

/** The corrected content sent with 提交 on a returned form: the entered facts only (the server fills points and names again). */
export function resubmissionPayload(form: RecordEntryForm): ReturnedEntry {
  const { attachmentIds: _attachments, submit: _submit, ...facts } = common(form);
  return { ...facts, linkedRecordIds: form.linkedRecordIds };
}

/** 分值 / 公示期 as the server previewed them for the chosen circumstance (no points on the risk list). */
export interface EntryConsequence {
  points?: number;
  publicityMonths: number;
}

/** The question before a determination is submitted, with what approving it will do. */
export function entryConfirmation(kind: 'bad-record' | 'risk-list', subjectName: string, preview: EntryConsequence | null, resubmit: boolean): ConfirmWords {
  const who = subjectName ? `「${subjectName}」` : '该评价对象';
  let approved: string;
  if (kind === 'risk-list') approved = preview ? `${who}将列入风险名单，公示 ${preview.publicityMonths} 个月` : `${who}将列入风险名单并公示`;
  else if (preview?.points !== undefined) approved = `${who}的该不良信息将公示 ${preview.publicityMonths} 个月并计 ${preview.points} 分`;
  else approved = `${who}的该不良信息将进入公示并计分`;
  return {
    title: resubmit ? '确认重新提交？' : '确认提交认定？',
    content: `提交后转认定审核，不能再修改；审核通过后${approved}。`,
    confirmText: '提交',
  };
}

export function entryDoneMessage(resubmit: boolean): string {
  return resubmit ? '已重新提交，转认定审核' : '已提交，转认定审核';
}

/** The question before a 撤销 / 恢复 is submitted. */
export function withdrawalConfirmation(kindLabel: string, mode: 'revocations' | 'restorations'): ConfirmWords {
  const verb = mode === 'revocations' ? '撤销' : '恢复';
  const approved = mode === 'revocations' ? `该${kindLabel}将撤销，不再公示` : `该${kindLabel}将恢复，不再公示`;
  return { title: `确认提交${verb}？`, content: `提交后转认定审核，不能再修改；审核通过后${approved}。`, confirmText: '提交' };
}
