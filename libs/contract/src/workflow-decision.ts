import { AREA_CHANGE_FORM_TYPE, PROJECT_MANAGER_CHANGE_FORM_TYPE, PROJECT_REGISTRATION_FORM_TYPE } from './area-changes';
/**
 * The rules of a form's 审核信息 (the decision an officer sends), the same in the mini-program and
 * the portal: which decisions are offered and in what order, when a reason must be written, the
 * opinion a decision carries when none is typed, and the request that goes to the api.
 */
import { EvaluationFormType } from './service-evaluation';
import { OPINION_REQUIRED_ACTIONS, WORKFLOW_ACTION_LABELS, WorkflowAction, WorkflowActionRequest } from './workflow';

/** The decisions the 审核信息 tab offers, in the order an officer reads them (edits are made elsewhere). */
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

/**
 * The decisions among the actions the api allows the caller now (none: the form is read-only).
 * `correctedElsewhere`: the form is corrected and submitted again in its entry screen (a returned
 * determination), so 提交 is not offered here as a second way to resubmit it.
 */
export function decisionChoices(allowed: readonly WorkflowAction[], correctedElsewhere = false): DecisionChoice[] {
  const offered = correctedElsewhere ? allowed.filter((a) => a !== WorkflowAction.SUBMIT && a !== WorkflowAction.RESUBMIT) : allowed;
  return DECISION_ORDER.filter((a) => offered.includes(a)).map((action) => ({
    action,
    label: WORKFLOW_ACTION_LABELS[action],
    sendsBack: action === WorkflowAction.RETURN_TO_PREVIOUS || action === WorkflowAction.RETURN_FOR_SUPPLEMENT,
  }));
}

/** What the officer has filled in (either UI's form state). */
export interface DecisionInput {
  action?: WorkflowAction | null;
  opinion?: string;
  remark?: string;
  attachmentIds?: number[];
}

export function opinionRequired(action: WorkflowAction | null | undefined): boolean {
  return action != null && OPINION_REQUIRED_ACTIONS.includes(action);
}

/** Refusing or sending back (不同意, 退回): the officer writes why; the decision's own words are no reason. */
const REASON_ACTIONS: readonly WorkflowAction[] = [
  WorkflowAction.REJECT,
  WorkflowAction.PROPOSE_REJECT,
  WorkflowAction.RETURN_TO_PREVIOUS,
  WorkflowAction.RETURN_FOR_SUPPLEMENT,
  WorkflowAction.SEND_BACK,
];

export function reasonRequired(action: WorkflowAction | null | undefined): boolean {
  return action != null && REASON_ACTIONS.includes(action);
}

/** The label above the opinion box for the chosen decision. */
export function opinionLabel(action: WorkflowAction | null | undefined): string {
  if (action != null && reasonRequired(action)) return `${WORKFLOW_ACTION_LABELS[action]}的理由`;
  if (action != null && opinionRequired(action)) return `审核意见（不填写则为“${WORKFLOW_ACTION_LABELS[action]}”）`;
  return '意见（选填）';
}

/** What is typed, or for 同意 / 拟同意 the decision's own words when nothing is (a refusal needs its reason typed). */
function effectiveOpinion(input: DecisionInput): string {
  const typed = input.opinion?.trim() ?? '';
  if (typed) return typed;
  return input.action != null && opinionRequired(input.action) && !reasonRequired(input.action) ? WORKFLOW_ACTION_LABELS[input.action] : '';
}

/** The message that stops the submit, or null when it may go. */
export function decisionProblem(input: DecisionInput): string | null {
  if (input.action == null) return '请选择审核意见';
  if (reasonRequired(input.action) && !(input.opinion?.trim() ?? '')) return `请填写${WORKFLOW_ACTION_LABELS[input.action]}的理由`;
  if (opinionRequired(input.action) && !effectiveOpinion(input)) return '请填写审核意见';
  if ((input.opinion?.length ?? 0) > OPINION_MAX_LENGTH) return `审核意见不能超过${OPINION_MAX_LENGTH}字`;
  if ((input.remark?.length ?? 0) > REMARK_MAX_LENGTH) return `备注不能超过${REMARK_MAX_LENGTH}字`;
  return null;
}

export function decisionRequest(input: DecisionInput, version: number): WorkflowActionRequest {
  if (input.action == null) throw new Error('no decision chosen');
  const request: WorkflowActionRequest = { action: input.action, version };
  const opinion = effectiveOpinion(input);
  if (opinion) request.opinion = opinion;
  if (input.remark?.trim()) request.remark = input.remark.trim();
  if (input.attachmentIds?.length) request.attachmentIds = input.attachmentIds;
  return request;
}

const count = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** What 同意 does to the record behind the form, with the numbers the server put in the form (both UIs confirm with it). */
export function approvalConsequence(formType: string, payload: Record<string, unknown>): string {
  const months = count(payload.publicityMonths);
  const points = count(payload.points);
  switch (formType) {
    case EvaluationFormType.BAD_RECORD_DETERMINATION:
      return months !== null && points !== null ? `通过后该不良信息将公示 ${months} 个月并计 ${points} 分` : '通过后该不良信息将进入公示并计分';
    case EvaluationFormType.RISK_LIST_DETERMINATION:
      return months !== null ? `通过后该评价对象将列入风险名单，公示 ${months} 个月` : '通过后该评价对象将列入风险名单并公示';
    case EvaluationFormType.GOOD_RECORD_DETERMINATION:
      return points !== null ? `通过后该良好信息将生效并计 ${points} 分` : '通过后该良好信息将生效并计分';
    case EvaluationFormType.BAD_RECORD_REVOCATION:
      return '通过后该不良信息将撤销：不再公示，也不再计分';
    case EvaluationFormType.BAD_RECORD_RESTORATION:
      return '通过后该不良信息将恢复：不再公示，已计的分值保留';
    case EvaluationFormType.RISK_LIST_REVOCATION:
      return '通过后该风险名单将撤销，不再公示';
    case EvaluationFormType.RISK_LIST_RESTORATION:
      return '通过后该风险名单将恢复，不再公示，原计分保留';
    case AREA_CHANGE_FORM_TYPE:
      return '通过后修改内容立即生效（须该项目的信息仍与申请时一致，否则提示已被修改）';
    case PROJECT_REGISTRATION_FORM_TYPE:
      return payload.propertyAreaId ? '通过后该项目的登记信息将按申请更新' : '通过后该项目将纳入本区物业区域';
    case PROJECT_MANAGER_CHANGE_FORM_TYPE:
      return '通过后该项目的项目经理即变更';
    default:
      return '同意后该业务即办结';
  }
}
