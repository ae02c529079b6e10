import { FINISHED_WORKFLOW_STATUSES, OPINION_REQUIRED_ACTIONS, WorkflowAction, WorkflowOrigin, WorkflowStatus } from '@szpm/contract';

/**
 * Who acts at a step: the district's entry/acceptance/handling role (经办人), its review role
 * (负责人), the street office of the form's street, or the unit that filed the form.
 */
export type StepParty = 'ENTRY' | 'REVIEW' | 'STREET' | 'FILER';

/** One step of a form type: in status `from`, `party` may take `action`, which moves the form to `to`. */
export interface WorkflowStep {
  from: WorkflowStatus;
  action: WorkflowAction;
  to: WorkflowStatus;
  party: StepParty;
  /** ENTRY steps only: the step belongs to the form's entry officer (entryActorId), not to every entry officer of the district */
  assigned?: boolean;
}

/** A row of the default table, which serves both origins. */
export interface WorkflowTransition extends WorkflowStep {
  origins: readonly WorkflowOrigin[];
}

const OFFICER = [WorkflowOrigin.OFFICER] as const;
const SUBJECT = [WorkflowOrigin.SUBJECT] as const;
const BOTH = [WorkflowOrigin.OFFICER, WorkflowOrigin.SUBJECT] as const;
const S = WorkflowStatus;
const A = WorkflowAction;

/**
 * The default steps, of every form type that declares none. Officer forms: 录入初审 (ENTRY) →
 * 认定审核 (REVIEW) → 同意 / 不同意, or back to entry. Subject forms: 待受理 → 确认受理 → 初查 (ENTRY,
 * 拟同意 / 拟不同意) → 认定审核, and 退回补录 to the filing unit, which files again. EDIT keeps the
 * status: it changes the form's content only.
 */
export const WORKFLOW_TRANSITIONS: readonly WorkflowTransition[] = [
  { origins: OFFICER, from: S.ENTRY, action: A.EDIT, to: S.ENTRY, party: 'ENTRY', assigned: true },
  { origins: OFFICER, from: S.ENTRY, action: A.SUBMIT, to: S.REVIEW, party: 'ENTRY', assigned: true },

  { origins: SUBJECT, from: S.PENDING_ACCEPTANCE, action: A.ACCEPT, to: S.ENTRY, party: 'ENTRY' },
  { origins: SUBJECT, from: S.ENTRY, action: A.EDIT, to: S.ENTRY, party: 'ENTRY', assigned: true },
  { origins: SUBJECT, from: S.ENTRY, action: A.PROPOSE_APPROVE, to: S.REVIEW, party: 'ENTRY', assigned: true },
  { origins: SUBJECT, from: S.ENTRY, action: A.PROPOSE_REJECT, to: S.REVIEW, party: 'ENTRY', assigned: true },
  { origins: SUBJECT, from: S.ENTRY, action: A.RETURN_FOR_SUPPLEMENT, to: S.SUPPLEMENT, party: 'ENTRY', assigned: true },
  { origins: SUBJECT, from: S.REVIEW, action: A.RETURN_FOR_SUPPLEMENT, to: S.SUPPLEMENT, party: 'REVIEW' },
  { origins: SUBJECT, from: S.SUPPLEMENT, action: A.EDIT, to: S.SUPPLEMENT, party: 'FILER' },
  { origins: SUBJECT, from: S.SUPPLEMENT, action: A.RESUBMIT, to: S.PENDING_ACCEPTANCE, party: 'FILER' },

  { origins: BOTH, from: S.REVIEW, action: A.EDIT, to: S.REVIEW, party: 'REVIEW' },
  { origins: BOTH, from: S.REVIEW, action: A.APPROVE, to: S.APPROVED, party: 'REVIEW' },
  { origins: BOTH, from: S.REVIEW, action: A.REJECT, to: S.REJECTED, party: 'REVIEW' },
  { origins: BOTH, from: S.REVIEW, action: A.RETURN_TO_PREVIOUS, to: S.ENTRY, party: 'REVIEW' },
];

/**
 * Actions a party may take on a form that is not waiting for it: an edit, and 撤销 (WITHDRAW) by the
 * applicant while the form waits for someone else. Their steps put no form in anyone's 待办.
 */
export const NON_WAITING_ACTIONS: readonly WorkflowAction[] = [A.EDIT, A.WITHDRAW];

/** Whether a step means the form waits for its party (todo lists): every step but edits and withdrawals. */
export function waitsForParty(step: WorkflowStep): boolean {
  return !NON_WAITING_ACTIONS.includes(step.action);
}

/** The default steps of a form of `origin`. */
export function defaultSteps(origin: WorkflowOrigin): readonly WorkflowStep[] {
  return WORKFLOW_TRANSITIONS.filter((t) => t.origins.includes(origin)).map((t) => ({ from: t.from, action: t.action, to: t.to, party: t.party, assigned: t.assigned }));
}

/** Where a new form stands: an officer's form at entry, a subject's application waiting for acceptance. */
export function initialStatus(origin: WorkflowOrigin): WorkflowStatus {
  return origin === WorkflowOrigin.OFFICER ? S.ENTRY : S.PENDING_ACCEPTANCE;
}

/**
 * What is wrong with a form type's steps (empty when nothing): each (status, action) once, no
 * CREATE, nothing after a finished status, a first step from the initial status, no status the
 * form can reach and never leave unless it is finished, the filer only on subject forms, and the
 * assignment only on entry steps.
 */
export function stepProblems(origin: WorkflowOrigin, steps: readonly WorkflowStep[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const step of steps) {
    const key = `${step.from} ${step.action}`;
    if (seen.has(key)) problems.push(`${key} is declared twice`);
    seen.add(key);
    if (step.action === A.CREATE) problems.push(`${key}: CREATE is not a step`);
    if (isFinished(step.from)) problems.push(`${key}: ${step.from} is finished`);
    if (step.party === 'FILER' && origin !== WorkflowOrigin.SUBJECT) problems.push(`${key}: only subject forms have a filer`);
    if (step.assigned && step.party !== 'ENTRY') problems.push(`${key}: only ENTRY steps are assigned`);
  }
  const initial = initialStatus(origin);
  if (!steps.some((s) => s.from === initial)) problems.push(`no step from the initial status ${initial}`);
  for (const to of new Set(steps.map((s) => s.to))) {
    if (!isFinished(to) && !steps.some((s) => s.from === to)) problems.push(`${to} is reached but has no step`);
  }
  return problems;
}

/**
 * Actions that make the actor the form's entry officer (entryActorId): the one who holds the entry
 * step (a return to the previous step comes back to them, 退回录入初审人; an accepted application
 * goes to the acceptor's 待办理) and who may not review the form (separation of duties).
 */
export const ENTERING_ACTIONS: readonly WorkflowAction[] = [A.CREATE, A.ACCEPT, A.SUBMIT, A.PROPOSE_APPROVE, A.PROPOSE_REJECT];

/** The caller's standing towards one case, worked out by the service from roles, grants, district, street and history. */
export interface CallerStanding {
  /** holds an entry (录入 / 受理 / 初查) role of the form type, with the operate grant, in the case's district */
  entry: boolean;
  /** is the form's entry officer (or the form has none yet): only they take assigned steps */
  entryAssignee: boolean;
  /** holds a review (认定审核) role of the form type, with the operate grant, in the case's district */
  review: boolean;
  /** holds a street-office role of the form type, with the operate grant, in the case's street */
  street: boolean;
  /** belongs to the unit that filed the form */
  filer: boolean;
  /** entered, submitted or proposed the form: separation of duties bars them from reviewing it */
  enteredIt: boolean;
}

export type TransitionRefusal = 'NOT_IN_THIS_STATUS' | 'NOT_YOUR_STEP' | 'NOT_ASSIGNED' | 'SELF_REVIEW' | 'NOT_FILER';

export type TransitionDecision = { allowed: true; transition: WorkflowStep } | { allowed: false; refusal: TransitionRefusal };

export function findTransition(steps: readonly WorkflowStep[], from: WorkflowStatus, action: WorkflowAction): WorkflowStep | null {
  return steps.find((t) => t.from === from && t.action === action) ?? null;
}

/** Whether the caller may take `action` on a form with these steps in `status`, and if not, why. */
export function decideTransition(steps: readonly WorkflowStep[], status: WorkflowStatus, action: WorkflowAction, standing: CallerStanding): TransitionDecision {
  const transition = findTransition(steps, status, action);
  if (!transition) return { allowed: false, refusal: 'NOT_IN_THIS_STATUS' };
  switch (transition.party) {
    case 'FILER':
      return standing.filer ? { allowed: true, transition } : { allowed: false, refusal: 'NOT_FILER' };
    case 'ENTRY':
      if (!standing.entry) return { allowed: false, refusal: 'NOT_YOUR_STEP' };
      // acceptance is open to every entry officer of the district; an assigned step to its entry officer only
      if (transition.assigned && !standing.entryAssignee) return { allowed: false, refusal: 'NOT_ASSIGNED' };
      return { allowed: true, transition };
    case 'STREET':
      return standing.street ? { allowed: true, transition } : { allowed: false, refusal: 'NOT_YOUR_STEP' };
    case 'REVIEW':
      if (!standing.review) return { allowed: false, refusal: 'NOT_YOUR_STEP' };
      return standing.enteredIt ? { allowed: false, refusal: 'SELF_REVIEW' } : { allowed: true, transition };
  }
}

/** The actions the caller may take now, in the steps' order (for the detail page's buttons). */
export function allowedActions(steps: readonly WorkflowStep[], status: WorkflowStatus, standing: CallerStanding): WorkflowAction[] {
  return steps.filter((t) => t.from === status && decideTransition(steps, status, t.action, standing).allowed).map((t) => t.action);
}

export function requiresOpinion(action: WorkflowAction): boolean {
  return OPINION_REQUIRED_ACTIONS.includes(action);
}

export function isFinished(status: WorkflowStatus): boolean {
  return FINISHED_WORKFLOW_STATUSES.includes(status);
}
