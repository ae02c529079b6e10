import { LaunchInspectionRequest, SafetyCompletionCounts } from '@szpm/contract';
import { statValueText } from './stats-grid';

/** 完成 12/52（23.08%），逾期未完成 3 (completionRate is a percentage) */
export function completionText(counts: SafetyCompletionCounts): string {
  return `完成 ${counts.submitted}/${counts.targets}（${statValueText('rate', counts.completionRate)}）${counts.overdue ? `，逾期未完成 ${counts.overdue}` : ''}`;
}

/** 发起安全检查 form. */
export interface LaunchForm {
  templateId: number | null;
  title: string;
  deadline: string;
  instructions: string;
}

export type LaunchField = keyof LaunchForm;

export function launchProblems(form: LaunchForm, today: string): Partial<Record<LaunchField, string>> {
  const problems: Partial<Record<LaunchField, string>> = {};
  if (form.templateId === null) problems.templateId = '请选择检查模板';
  if (!form.deadline) problems.deadline = '请选择截止日期';
  else if (form.deadline < today) problems.deadline = '截止日期不能早于今天';
  if (form.title.trim().length > 100) problems.title = '标题不能超过100字';
  if (form.instructions.trim().length > 2000) problems.instructions = '检查说明不能超过2000字';
  return problems;
}

export function launchRequest(form: LaunchForm): LaunchInspectionRequest {
  if (form.templateId === null) throw new Error('no template chosen');
  return {
    templateId: form.templateId,
    deadline: form.deadline,
    ...(form.title.trim() ? { title: form.title.trim() } : {}),
    ...(form.instructions.trim() ? { instructions: form.instructions.trim() } : {}),
  };
}
