import {
  AREA_CHANGE_FORM_TYPE,
  approvalConsequence,
  decisionChoices,
  EvaluationFormType,
  PROJECT_MANAGER_CHANGE_FORM_TYPE,
  PROJECT_REGISTRATION_FORM_TYPE,
  WORKFLOW_ACTION_LABELS,
  WorkflowAction,
  WorkflowCaseDetail,
  WorkflowHistoryEntry,
  WorkflowStatus,
  type DecisionChoice,
} from '@szpm/contract';
import { ConfirmWords } from './confirm';

export type { ConfirmWords };

export {
  decisionChoices,
  decisionProblem,
  decisionRequest,
  OPINION_MAX_LENGTH,
  opinionLabel,
  opinionRequired,
  reasonRequired,
  REMARK_MAX_LENGTH,
  type DecisionChoice,
} from '@szpm/contract';

/** The caller may act on the form now (待办 / 待受理), otherwise it is shown read-only (已办 / 已完成). */
export function canDecide(detail: Pick<WorkflowCaseDetail, 'allowedActions'>): boolean {
  return decisionChoices(detail.allowedActions).length > 0;
}

/** The 审核信息 screen's state (the rules that read it are the contract's, shared with the portal). */
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

export function submitLabel(action: WorkflowAction | null): string {
  return action === WorkflowAction.ACCEPT ? '确认受理' : '提交';
}

/** The part of a case the words about its consequences are made of. */
export type DecidedCase = Pick<WorkflowCaseDetail, 'formType' | 'payload'>;

/**
 * The question before a decision is sent, saying what it will do; null where nothing needs confirming
 * (确认受理 only takes the form into one's own list).
 */
export function decisionConfirmation(action: WorkflowAction, decided: DecidedCase): ConfirmWords | null {
  const label = WORKFLOW_ACTION_LABELS[action];
  const ask = (content: string): ConfirmWords => ({ title: `确认${label}？`, content, confirmText: label });
  switch (action) {
    case WorkflowAction.ACCEPT:
      return null;
    case WorkflowAction.APPROVE:
      return ask(`${approvalConsequence(decided.formType, decided.payload)}。`);
    case WorkflowAction.REJECT:
      return ask('不同意后该业务即办结，不再生效；你填写的理由记入审批流程记录。');
    case WorkflowAction.RETURN_TO_PREVIOUS:
      return ask('该业务将退回上一环节，由经办人按你填写的理由修改后重新提交。');
    case WorkflowAction.RETURN_FOR_SUPPLEMENT:
      return ask('该业务将退回申请人，按你填写的理由补充材料后重新提交。');
    case WorkflowAction.PROPOSE_APPROVE:
    case WorkflowAction.PROPOSE_REJECT:
      return ask(`提交后转审核人审核，由审核人决定是否${action === WorkflowAction.PROPOSE_APPROVE ? '同意' : '不同意'}。`);
    default:
      return ask('提交后转入下一环节审核，提交后不能再修改。');
  }
}

/** After a decision went through: what happened, in words (not a bare 提交成功). */
export function doneMessage(action: WorkflowAction, formType?: string): string {
  switch (action) {
    case WorkflowAction.ACCEPT:
      return '已受理，请在待办理中办理';
    case WorkflowAction.APPROVE:
      return `已同意，${APPROVED_OUTCOME[formType ?? ''] ?? '该业务已办结'}`;
    case WorkflowAction.REJECT:
      return '已不同意，该业务已办结';
    case WorkflowAction.RETURN_TO_PREVIOUS:
      return '已退回上一级';
    case WorkflowAction.RETURN_FOR_SUPPLEMENT:
      return '已退回补录';
    case WorkflowAction.PROPOSE_APPROVE:
      return '已拟同意，转审核';
    case WorkflowAction.PROPOSE_REJECT:
      return '已拟不同意，转审核';
    default:
      return '已提交，转审核';
  }
}

const APPROVED_OUTCOME: Record<string, string> = {
  [EvaluationFormType.BAD_RECORD_DETERMINATION]: '已进入公示',
  [EvaluationFormType.RISK_LIST_DETERMINATION]: '已列入风险名单',
  [EvaluationFormType.GOOD_RECORD_DETERMINATION]: '良好信息已生效',
  [EvaluationFormType.BAD_RECORD_REVOCATION]: '不良信息已撤销',
  [EvaluationFormType.BAD_RECORD_RESTORATION]: '不良信息已恢复',
  [EvaluationFormType.RISK_LIST_REVOCATION]: '风险名单已撤销',
  [EvaluationFormType.RISK_LIST_RESTORATION]: '风险名单已恢复',
  // chapter 5 项目管理
  [AREA_CHANGE_FORM_TYPE]: '修改已生效',
  [PROJECT_REGISTRATION_FORM_TYPE]: '项目登记已生效',
  [PROJECT_MANAGER_CHANGE_FORM_TYPE]: '项目经理已变更',
};

/** Sending back (退回上一级 / 驳回重报 / 退回补录): the form is back where it is corrected. */
const RETURN_ACTIONS: readonly WorkflowAction[] = [WorkflowAction.RETURN_TO_PREVIOUS, WorkflowAction.SEND_BACK, WorkflowAction.RETURN_FOR_SUPPLEMENT];

/** The 退回 that put an unfinished form where it is now, or null when its last step was not a return. */
export function returnOf(detail: Pick<WorkflowCaseDetail, 'status' | 'history'>): WorkflowHistoryEntry | null {
  const last = detail.history.reduce<WorkflowHistoryEntry | null>((latest, entry) => (!latest || entry.seq > latest.seq ? entry : latest), null);
  if (!last || !RETURN_ACTIONS.includes(last.action) || last.toStatus !== detail.status) return null;
  return detail.status === WorkflowStatus.APPROVED || detail.status === WorkflowStatus.REJECTED ? null : last;
}

/** The banner on a returned form: who sent it back, and why. */
export function returnBanner(entry: WorkflowHistoryEntry): { title: string; reason: string } {
  return { title: `${entry.actorName}（${entry.actorRoleLabel}）${entry.actionLabel}`, reason: entry.opinion?.trim() || '未填写理由' };
}
