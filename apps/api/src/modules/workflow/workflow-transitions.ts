import { OPINION_REQUIRED_ACTIONS, WorkflowAction, WorkflowOrigin, WorkflowStatus } from '@szpm/contract';

/** Who acts at a step: the entry/acceptance role (经办人), the review role (负责人), or the unit that filed the form. */
export type StepParty = 'ENTRY' | 'REVIEW' | 'FILER';

export interface WorkflowTransition {
  origins: readonly WorkflowOrigin[];
  from: WorkflowStatus;
  action: WorkflowAction;
  to: WorkflowStatus;
  party: StepParty;
}

const OFFICER = [WorkflowOrigin.OFFICER] as const;
const SUBJECT = [WorkflowOrigin.SUBJECT] as const;
const BOTH = [WorkflowOrigin.OFFICER, WorkflowOrigin.SUBJECT] as const;
const S = WorkflowStatus;
const A = WorkflowAction;

/**
 * The whole state machine. Officer forms: 录入初审 (ENTRY) → 认定审核 (REVIEW) → 同意 / 不同意, or back
 * to entry. Subject forms: 待受理 → 确认受理 → 初查 (ENTRY, 拟同意 / 拟不同意) → 认定审核, and 退回补录
 * to the filing unit, which files again. EDIT keeps the status: it changes the form's content only.
 */
export const WORKFLOW_TRANSITIONS: readonly WorkflowTransition[] = [
  { origins: OFFICER, from: S.ENTRY, action: A.EDIT, to: S.ENTRY, party: 'ENTRY' },
  { origins: OFFICER, from: S.ENTRY, action: A.SUBMIT, to: S.REVIEW, party: 'ENTRY' },

  { origins: SUBJECT, from: S.PENDING_ACCEPTANCE, action: A.ACCEPT, to: S.ENTRY, party: 'ENTRY' },
  { origins: SUBJECT, from: S.ENTRY, action: A.EDIT, to: S.ENTRY, party: 'ENTRY' },
  { origins: SUBJECT, from: S.ENTRY, action: A.PROPOSE_APPROVE, to: S.REVIEW, party: 'ENTRY' },
  { origins: SUBJECT, from: S.ENTRY, action: A.PROPOSE_REJECT, to: S.REVIEW, party: 'ENTRY' },
  { origins: SUBJECT, from: S.ENTRY, action: A.RETURN_FOR_SUPPLEMENT, to: S.SUPPLEMENT, party: 'ENTRY' },
  { origins: SUBJECT, from: S.REVIEW, action: A.RETURN_FOR_SUPPLEMENT, to: S.SUPPLEMENT, party: 'REVIEW' },
  { origins: SUBJECT, from: S.SUPPLEMENT, action: A.EDIT, to: S.SUPPLEMENT, party: 'FILER' },
  { origins: SUBJECT, from: S.SUPPLEMENT, action: A.RESUBMIT, to: S.PENDING_ACCEPTANCE, party: 'FILER' },

  { origins: BOTH, from: S.REVIEW, action: A.EDIT, to: S.REVIEW, party: 'REVIEW' },
  { origins: BOTH, from: S.REVIEW, action: A.APPROVE, to: S.APPROVED, party: 'REVIEW' },
  { origins: BOTH, from: S.REVIEW, action: A.REJECT, to: S.REJECTED, party: 'REVIEW' },
  { origins: BOTH, from: S.REVIEW, action: A.RETURN_TO_PREVIOUS, to: S.ENTRY, party: 'REVIEW' },
];

/**
 * Actions that make the actor the form's entry officer (entryActorId): the one who holds the entry
 * step (a return to the previous step comes back to them, 退回录入初审人; an accepted application
 * goes to the acceptor's 待办理) and who may not review the form (separation of duties).
 */
export const ENTERING_ACTIONS: readonly WorkflowAction[] = [A.CREATE, A.ACCEPT, A.SUBMIT, A.PROPOSE_APPROVE, A.PROPOSE_REJECT];

/** The caller's standing towards one case, worked out by the service from roles, grants, district and history. */
export interface CallerStanding {
  /** holds an entry (录入 / 受理 / 初查) role of the form type, with the operate grant, in the case's district */
  entry: boolean;
  /** is the form's entry officer (or the form has none yet): only they act on it at ENTRY */
  entryAssignee: boolean;
  /** holds a review (认定审核) role of the form type, with the operate grant, in the case's district */
  review: boolean;
  /** belongs to the unit that filed the form */
  filer: boolean;
  /** entered, submitted or proposed the form: separation of duties bars them from reviewing it */
  enteredIt: boolean;
}

export type TransitionRefusal = 'NOT_IN_THIS_STATUS' | 'NOT_YOUR_STEP' | 'NOT_ASSIGNED' | 'SELF_REVIEW' | 'NOT_FILER';

export type TransitionDecision = { allowed: true; transition: WorkflowTransition } | { allowed: false; refusal: TransitionRefusal };

export function findTransition(origin: WorkflowOrigin, from: WorkflowStatus, action: WorkflowAction): WorkflowTransition | null {
  return WORKFLOW_TRANSITIONS.find((t) => t.from === from && t.action === action && t.origins.includes(origin)) ?? null;
}

/** Whether the caller may take `action` on a form of `origin` in `status`, and if not, why. */
export function decideTransition(
  origin: WorkflowOrigin,
  status: WorkflowStatus,
  action: WorkflowAction,
  standing: CallerStanding,
): TransitionDecision {
  const transition = findTransition(origin, status, action);
  if (!transition) return { allowed: false, refusal: 'NOT_IN_THIS_STATUS' };
  switch (transition.party) {
    case 'FILER':
      return standing.filer ? { allowed: true, transition } : { allowed: false, refusal: 'NOT_FILER' };
    case 'ENTRY':
      if (!standing.entry) return { allowed: false, refusal: 'NOT_YOUR_STEP' };
      // acceptance is open to every entry officer of the district; the entry step itself is assigned
      if (status === S.ENTRY && !standing.entryAssignee) return { allowed: false, refusal: 'NOT_ASSIGNED' };
      return { allowed: true, transition };
    case 'REVIEW':
      if (!standing.review) return { allowed: false, refusal: 'NOT_YOUR_STEP' };
      return standing.enteredIt ? { allowed: false, refusal: 'SELF_REVIEW' } : { allowed: true, transition };
  }
}

/** The actions the caller may take now, in the table's order (for the detail page's buttons). */
export function allowedActions(origin: WorkflowOrigin, status: WorkflowStatus, standing: CallerStanding): WorkflowAction[] {
  return WORKFLOW_TRANSITIONS.filter((t) => t.from === status && t.origins.includes(origin))
    .filter((t) => decideTransition(origin, status, t.action, standing).allowed)
    .map((t) => t.action);
}

export function requiresOpinion(action: WorkflowAction): boolean {
  return OPINION_REQUIRED_ACTIONS.includes(action);
}

export function isFinished(status: WorkflowStatus): boolean {
  return status === S.APPROVED || status === S.REJECTED;
}
