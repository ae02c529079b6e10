import {
  SAFETY_CHECK_OUTCOME_LABELS,
  SafetyCheckOutcome,
  SafetyResultEntryRequest,
  SafetyTargetForm,
  SafetyTargetStatus,
  SafetyTaskItem,
} from '@szpm/contract';
import { ConfirmWords } from './confirm';
import { formatDate } from './format';

/** The api's limits of one answer (ResultEntryDto). */
export const NOTE_MAX_LENGTH = 500;

/** 合格 / 不合格 / 不涉及, in the order the manager reads them. */
export const OUTCOME_CHOICES = [SafetyCheckOutcome.PASS, SafetyCheckOutcome.FAIL, SafetyCheckOutcome.NOT_APPLICABLE].map((value) => ({
  value,
  label: SAFETY_CHECK_OUTCOME_LABELS[value],
}));

export type TagType = 'success' | 'danger' | 'warning' | 'primary';

/** The list's tag: 已提交 once submitted, otherwise 待提交 (red after the deadline). */
export function taskTag(task: Pick<SafetyTaskItem, 'status' | 'overdue'>): { text: string; type: TagType } {
  if (task.status === SafetyTargetStatus.SUBMITTED) return { text: '已提交', type: 'success' };
  return { text: task.overdue ? '待提交（已逾期）' : '待提交', type: task.overdue ? 'danger' : 'warning' };
}

/** 截止 2026-12-31 · 已填 12/34 项 */
export function taskProgressText(task: Pick<SafetyTaskItem, 'deadline' | 'answered' | 'itemCount' | 'status'>): string {
  const progress = task.status === SafetyTargetStatus.SUBMITTED ? `${task.itemCount}项已全部填报` : `已填 ${task.answered}/${task.itemCount} 项`;
  return `截止 ${formatDate(task.deadline)} · ${progress}`;
}

/** One item's answer while the manager fills the form in. */
export interface ItemAnswer {
  outcome: SafetyCheckOutcome | null;
  note: string;
  photoIds: number[];
}

export type TaskAnswers = Record<number, ItemAnswer>;

type FormItems = Pick<SafetyTargetForm, 'indicators'>;

function items(form: FormItems) {
  return form.indicators.flatMap((indicator) => indicator.items);
}

/** The answers as saved on the server (an item never answered starts empty). */
export function answersOf(form: FormItems): TaskAnswers {
  const answers: TaskAnswers = {};
  for (const item of items(form)) answers[item.id] = { outcome: item.result.outcome, note: item.result.note ?? '', photoIds: item.result.photos.map((p) => p.id) };
  return answers;
}

export function withAnswer(answers: TaskAnswers, itemId: number, change: Partial<ItemAnswer>): TaskAnswers {
  const current = answers[itemId] ?? { outcome: null, note: '', photoIds: [] };
  return { ...answers, [itemId]: { ...current, ...change } };
}

export function answeredCount(answers: TaskAnswers): number {
  return Object.values(answers).filter((a) => a.outcome !== null).length;
}

/** 不合格 needs the problem described (the api checks it at submission). */
export function noteRequired(outcome: SafetyCheckOutcome | null): boolean {
  return outcome === SafetyCheckOutcome.FAIL;
}

/** After submission the results are final: the page shows them read-only. */
export function isSubmitted(form: Pick<SafetyTargetForm, 'status'>): boolean {
  return form.status === SafetyTargetStatus.SUBMITTED;
}

/** Per item, what stops 提交 (unanswered, 不合格 without a note, a note too long). */
export function submitProblems(form: FormItems, answers: TaskAnswers): Record<number, string> {
  const problems: Record<number, string> = {};
  for (const item of items(form)) {
    const answer = answers[item.id];
    if (!answer?.outcome) problems[item.id] = '请选择检查结果';
    else if (noteRequired(answer.outcome) && !answer.note.trim()) problems[item.id] = '不合格须填写问题说明';
    else if (answer.note.trim().length > NOTE_MAX_LENGTH) problems[item.id] = `说明不能超过${NOTE_MAX_LENGTH}字`;
  }
  return problems;
}

/** The toast for the first problem: how many items are left, and what the first one is. */
export function submitProblemMessage(problems: Record<number, string>): string | null {
  const messages = Object.values(problems);
  if (!messages.length) return null;
  const unanswered = messages.filter((m) => m === '请选择检查结果').length;
  if (unanswered) return `还有${unanswered}个检查项未填写结果`;
  return messages[0];
}

/** The answered items as the api takes them (保存 and 提交); photos given replace the item's photos. */
export function resultEntries(answers: TaskAnswers): SafetyResultEntryRequest[] {
  return Object.entries(answers)
    .filter(([, answer]) => answer.outcome !== null)
    .map(([itemId, answer]) => ({
      itemId: Number(itemId),
      outcome: answer.outcome!,
      note: answer.note.trim() || null,
      photoAttachmentIds: answer.photoIds,
    }));
}

/** 合格 30 · 不合格 2 · 不涉及 2 */
export function outcomeSummary(form: Pick<SafetyTargetForm, 'passCount' | 'failCount' | 'notApplicableCount'>): string {
  return `合格 ${form.passCount} · 不合格 ${form.failCount} · 不涉及 ${form.notApplicableCount}`;
}

/** 提交 of a task: what the district receives (counted from the answers), and that it is final. */
export function taskSubmitConfirmation(form: Pick<SafetyTargetForm, 'propertyAreaName'>, answers: TaskAnswers): ConfirmWords {
  const count = (outcome: SafetyCheckOutcome) => Object.values(answers).filter((a) => a.outcome === outcome).length;
  const summary = `合格 ${count(SafetyCheckOutcome.PASS)} · 不合格 ${count(SafetyCheckOutcome.FAIL)} · 不涉及 ${count(SafetyCheckOutcome.NOT_APPLICABLE)}`;
  return {
    title: '提交安全检查',
    content: `将向区住房建设部门报送${form.propertyAreaName}的检查结果（${summary}），提交后不能再修改。`,
    confirmText: '提交',
  };
}

/** 未填项全部合格: the items without an answer become 合格 (answered ones stay as they are). */
export function withUnansweredPassed(form: FormItems, answers: TaskAnswers): TaskAnswers {
  let next = answers;
  for (const item of items(form)) if (!next[item.id]?.outcome) next = withAnswer(next, item.id, { outcome: SafetyCheckOutcome.PASS });
  return next;
}
