import { OPINION_REQUIRED_ACTIONS, WORKFLOW_ACTION_LABELS, WorkflowAction, WorkflowActionRequest, WorkflowCaseDetail } from '@szpm/contract';

/** The decisions the 审核信息 tab offers, in the order an officer reads them. */
const DECISION_ORDER: readonly WorkflowAction[] = [
  WorkflowAction.ACCEPT,
  WorkflowAction.SUBMIT,
  WorkflowAction.RESUBMIT,
  WorkflowAction.PROPOSE_APPROVE,
  WorkflowAction.PROPOSE_REJECT,
  WorkflowAction.APPROVE,
  WorkflowAction.REJECT,
  WorkflowAction.RETURN_TO_PREVIOUS,
  WorkflowAction.RETURN_FOR_SUPPLEMENT,
];

export const OPINION_MAX_LENGTH = 500;
export const REMARK_MAX_LENGTH = 1000;

export interface DecisionChoice {
  action: WorkflowAction;
  label: string;
  /** the form goes back (退回): shown in a warning colour */
  sendsBack: boolean;
}

export function decisionChoices(allowed: readonly WorkflowAction[]): DecisionChoice[] {
  return DECISION_ORDER.filter((a) => allowed.includes(a)).map((action) => ({
    action,
    label: WORKFLOW_ACTION_LABELS[action],
    sendsBack: action === WorkflowAction.RETURN_TO_PREVIOUS || action === WorkflowAction.RETURN_FOR_SUPPLEMENT,
  }));
}

/** The caller may act on the form now (待办 / 待受理), otherwise it is shown read-only (已办 / 已完成). */
export function canDecide(detail: Pick<WorkflowCaseDetail, 'allowedActions'>): boolean {
  return decisionChoices(detail.allowedActions).length > 0;
}

export interface DecisionForm {
  action: WorkflowAction | null;
  opinion: string;
  remark: string;
  attachmentIds: number[];
}

export function emptyDecision(choices: DecisionChoice[]): DecisionForm {
  // a single possible decision (确认受理, 提交) is preselected
  const only = choices.length === 1 ? choices[0].action : null;
  return { action: only, opinion: '', remark: '', attachmentIds: [] };
}

export function opinionRequired(action: WorkflowAction | null): boolean {
  return action !== null && OPINION_REQUIRED_ACTIONS.includes(action);
}

/** The message that stops the submit, or null when it may go. */
export function decisionProblem(form: DecisionForm): string | null {
  if (!form.action) return '请选择审核意见';
  if (opinionRequired(form.action) && !effectiveOpinion(form)) return '请填写审核意见';
  if (form.opinion.length > OPINION_MAX_LENGTH) return `审核意见不能超过${OPINION_MAX_LENGTH}字`;
  if (form.remark.length > REMARK_MAX_LENGTH) return `备注不能超过${REMARK_MAX_LENGTH}字`;
  return null;
}

/** What is typed, or the chosen decision's own words (同意 / 退回上一级 …) when nothing is. */
function effectiveOpinion(form: DecisionForm): string {
  const typed = form.opinion.trim();
  if (typed) return typed;
  return form.action && opinionRequired(form.action) ? WORKFLOW_ACTION_LABELS[form.action] : '';
}

export function decisionRequest(form: DecisionForm, version: number): WorkflowActionRequest {
  if (!form.action) throw new Error('no decision chosen');
  const request: WorkflowActionRequest = { action: form.action, version };
  const opinion = effectiveOpinion(form);
  if (opinion) request.opinion = opinion;
  if (form.remark.trim()) request.remark = form.remark.trim();
  if (form.attachmentIds.length) request.attachmentIds = form.attachmentIds;
  return request;
}

export function submitLabel(action: WorkflowAction | null): string {
  return action === WorkflowAction.ACCEPT ? '确认受理' : '提交';
}

/** Toast after a decision went through. */
export function doneMessage(action: WorkflowAction): string {
  switch (action) {
    case WorkflowAction.ACCEPT:
      return '已受理，请在待办理中办理';
    case WorkflowAction.RETURN_TO_PREVIOUS:
      return '已退回上一级';
    case WorkflowAction.RETURN_FOR_SUPPLEMENT:
      return '已退回补录';
    default:
      return '提交成功';
  }
}
