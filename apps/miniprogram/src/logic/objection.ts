import { FieldRow, ObjectionDetail, ResubmitObjectionRequest, WorkflowAction, WorkflowHistoryEntry, WorkflowStatus } from '@szpm/contract';
import { formatDateTime } from './format';

/** The api's limits (ResubmitObjectionDto). */
export const OBJECTION_TEXT_MAX = 2000;
export const SUPPLEMENT_REMARK_MAX = 1000;

export type TagType = 'success' | 'danger' | 'warning' | 'primary' | 'default';

/** The status tag: the outcome once decided, 退回补录 in warning colour, otherwise in progress. */
export function objectionTag(detail: Pick<ObjectionDetail, 'status' | 'statusLabel' | 'outcomeLabel'>): { text: string; type: TagType } {
  if (detail.status === WorkflowStatus.APPROVED) return { text: detail.outcomeLabel ?? detail.statusLabel, type: 'success' };
  if (detail.status === WorkflowStatus.REJECTED) return { text: detail.outcomeLabel ?? detail.statusLabel, type: 'danger' };
  if (detail.status === WorkflowStatus.SUPPLEMENT) return { text: detail.statusLabel, type: 'warning' };
  return { text: detail.statusLabel, type: 'primary' };
}

/** 办理情况: where the objection stands and, once decided, how it ended. */
export function objectionProgressRows(detail: ObjectionDetail): FieldRow[] {
  return [
    { label: '业务单号', value: detail.businessNo },
    { label: '办理状态', value: detail.statusLabel },
    { label: '办理结果', value: detail.outcomeLabel ?? '尚未办结' },
    { label: '提出时间', value: formatDateTime(detail.createdAt) },
    { label: '办结时间', value: formatDateTime(detail.decidedAt) },
  ];
}

/** The filing unit may supplement and file again: the form is back with it (退回补录). */
export function canSupplement(detail: Pick<ObjectionDetail, 'status' | 'case'>): boolean {
  return detail.status === WorkflowStatus.SUPPLEMENT && detail.case.allowedActions.includes(WorkflowAction.RESUBMIT);
}

/** What the handler asked for: the opinion of the latest 退回补录. */
export function supplementRequestOf(history: WorkflowHistoryEntry[]): string | null {
  const last = [...history].reverse().find((entry) => entry.action === WorkflowAction.RETURN_FOR_SUPPLEMENT);
  return last ? (last.opinion ?? last.remark ?? null) : null;
}

export interface SupplementForm {
  text: string;
  attachmentIds: number[];
  remark: string;
}

export function supplementFormOf(detail: ObjectionDetail): SupplementForm {
  return { text: detail.case.payload.text ?? '', attachmentIds: [], remark: '' };
}

/** The message that stops 重新提交, or null: something must be supplemented, within the limits. */
export function supplementProblem(form: SupplementForm, originalText: string): string | null {
  const text = form.text.trim();
  if (!text) return '请填写异议内容';
  if (text.length > OBJECTION_TEXT_MAX) return `异议内容不能超过${OBJECTION_TEXT_MAX}字`;
  if (form.remark.trim().length > SUPPLEMENT_REMARK_MAX) return `备注不能超过${SUPPLEMENT_REMARK_MAX}字`;
  if (text === originalText.trim() && !form.attachmentIds.length) return '请补充异议内容或上传补充材料';
  return null;
}

/** The resubmission: the text only when it changed (target, kind and grounds stay as filed). */
export function supplementRequest(form: SupplementForm, originalText: string, version: number): ResubmitObjectionRequest {
  const text = form.text.trim();
  return {
    version,
    ...(text !== originalText.trim() ? { text } : {}),
    ...(form.attachmentIds.length ? { attachmentIds: form.attachmentIds } : {}),
    ...(form.remark.trim() ? { remark: form.remark.trim() } : {}),
  };
}
