import { WorkflowAction as A, WorkflowOrigin as O, WorkflowStatus as S } from '@szpm/contract';
import { allowedActions, CallerStanding, decideTransition, defaultSteps, findTransition, isFinished, requiresOpinion, StepParty } from './workflow-transitions';

/** The rules as the manual and issue 3 state them, written out independently of the implementation's table. */
const EXPECTED = `
  OFFICER ENTRY              EDIT                  ENTRY              ENTRY
  OFFICER ENTRY              SUBMIT                REVIEW             ENTRY
  OFFICER REVIEW             EDIT                  REVIEW             REVIEW
  OFFICER REVIEW             APPROVE               APPROVED           REVIEW
  OFFICER REVIEW             REJECT                REJECTED           REVIEW
  OFFICER REVIEW             RETURN_TO_PREVIOUS    ENTRY              REVIEW
  SUBJECT PENDING_ACCEPTANCE ACCEPT                ENTRY              ENTRY
  SUBJECT ENTRY              EDIT                  ENTRY              ENTRY
  SUBJECT ENTRY              PROPOSE_APPROVE       REVIEW             ENTRY
  SUBJECT ENTRY              PROPOSE_REJECT        REVIEW             ENTRY
  SUBJECT ENTRY              RETURN_FOR_SUPPLEMENT SUPPLEMENT         ENTRY
  SUBJECT REVIEW             EDIT                  REVIEW             REVIEW
  SUBJECT REVIEW             APPROVE               APPROVED           REVIEW
  SUBJECT REVIEW             REJECT                REJECTED           REVIEW
  SUBJECT REVIEW             RETURN_TO_PREVIOUS    ENTRY              REVIEW
  SUBJECT REVIEW             RETURN_FOR_SUPPLEMENT SUPPLEMENT         REVIEW
  SUBJECT SUPPLEMENT         EDIT                  SUPPLEMENT         FILER
  SUBJECT SUPPLEMENT         RESUBMIT              PENDING_ACCEPTANCE FILER
`
  .trim()
  .split('\n')
  .map((line) => {
    const [origin, from, action, to, party] = line.trim().split(/\s+/);
    return { origin: origin as O, from: from as S, action: action as A, to: to as S, party: party as StepParty };
  });

const expectedFor = (origin: O, from: S, action: A) => EXPECTED.find((e) => e.origin === origin && e.from === from && e.action === action);

/** All 64 standings. */
const STANDINGS: CallerStanding[] = Array.from({ length: 64 }, (_, bits) => ({
  entry: Boolean(bits & 1),
  entryAssignee: Boolean(bits & 2),
  review: Boolean(bits & 4),
  filer: Boolean(bits & 8),
  enteredIt: Boolean(bits & 16),
  street: Boolean(bits & 32),
}));

const describeStanding = (s: CallerStanding) => Object.entries(s).filter(([, v]) => v).map(([k]) => k).join('+') || 'nobody';

describe('workflow transitions', () => {
  const origins = Object.values(O);
  const statuses = Object.values(S);
  const actions = Object.values(A);

  it('has exactly the expected transitions for every origin × status × action', () => {
    for (const origin of origins) {
      for (const from of statuses) {
        for (const action of actions) {
          const found = findTransition(defaultSteps(origin), from, action);
          const expected = expectedFor(origin, from, action);
          expect({ origin, from, action, to: found?.to ?? null, party: found?.party ?? null }).toEqual({
            origin,
            from,
            action,
            to: expected?.to ?? null,
            party: expected?.party ?? null,
          });
        }
      }
    }
  });

  it('decides every combination of origin, status, action and caller standing', () => {
    let checked = 0;
    for (const origin of origins) {
      for (const status of statuses) {
        for (const action of actions) {
          for (const standing of STANDINGS) {
            const expected = expectedFor(origin, status, action);
            const decision = decideTransition(defaultSteps(origin), status, action, standing);
            const label = `${origin} ${status} ${action} as ${describeStanding(standing)}`;
            if (!expected) {
              expect([label, decision]).toEqual([label, { allowed: false, refusal: 'NOT_IN_THIS_STATUS' }]);
            } else if (expected.party === 'FILER') {
              expect([label, decision.allowed ? 'ok' : decision.refusal]).toEqual([label, standing.filer ? 'ok' : 'NOT_FILER']);
            } else if (expected.party === 'ENTRY') {
              // acceptance is open to the district's entry officers; the entry step belongs to its entry officer
              const outcome = !standing.entry ? 'NOT_YOUR_STEP' : status === S.ENTRY && !standing.entryAssignee ? 'NOT_ASSIGNED' : 'ok';
              expect([label, decision.allowed ? 'ok' : decision.refusal]).toEqual([label, outcome]);
            } else {
              const outcome = !standing.review ? 'NOT_YOUR_STEP' : standing.enteredIt ? 'SELF_REVIEW' : 'ok';
              expect([label, decision.allowed ? 'ok' : decision.refusal]).toEqual([label, outcome]);
            }
            if (decision.allowed) expect(decision.transition.to).toBe(expected!.to);
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(origins.length * statuses.length * actions.length * 64);
  });

  it('never lets anyone act on a finished form, nor CREATE through an action', () => {
    for (const origin of origins) {
      for (const status of [S.APPROVED, S.REJECTED, S.WITHDRAWN]) {
        for (const standing of STANDINGS) expect(allowedActions(defaultSteps(origin), status, standing)).toEqual([]);
      }
      for (const status of statuses) {
        for (const standing of STANDINGS) expect(allowedActions(defaultSteps(origin), status, standing)).not.toContain(A.CREATE);
      }
    }
    expect(isFinished(S.APPROVED)).toBe(true);
    expect(isFinished(S.REJECTED)).toBe(true);
    expect(isFinished(S.WITHDRAWN)).toBe(true);
    expect(statuses.filter(isFinished)).toHaveLength(3);
  });

  it('lists the buttons each party sees', () => {
    const handler = { entry: true, entryAssignee: true, review: false, street: false, filer: false, enteredIt: false };
    const colleague = { ...handler, entryAssignee: false };
    const supervisor = { entry: false, entryAssignee: false, review: true, street: false, filer: false, enteredIt: false };
    const filer = { entry: false, entryAssignee: false, review: false, street: false, filer: true, enteredIt: false };
    expect(allowedActions(defaultSteps(O.OFFICER), S.ENTRY, handler)).toEqual([A.EDIT, A.SUBMIT]);
    expect(allowedActions(defaultSteps(O.OFFICER), S.REVIEW, handler)).toEqual([]);
    expect(allowedActions(defaultSteps(O.OFFICER), S.REVIEW, supervisor)).toEqual([A.EDIT, A.APPROVE, A.REJECT, A.RETURN_TO_PREVIOUS]);
    expect(allowedActions(defaultSteps(O.OFFICER), S.REVIEW, { ...supervisor, enteredIt: true })).toEqual([]);
    expect(allowedActions(defaultSteps(O.OFFICER), S.ENTRY, colleague)).toEqual([]);
    expect(allowedActions(defaultSteps(O.SUBJECT), S.PENDING_ACCEPTANCE, handler)).toEqual([A.ACCEPT]);
    expect(allowedActions(defaultSteps(O.SUBJECT), S.PENDING_ACCEPTANCE, colleague)).toEqual([A.ACCEPT]);
    expect(allowedActions(defaultSteps(O.SUBJECT), S.ENTRY, colleague)).toEqual([]);
    expect(allowedActions(defaultSteps(O.SUBJECT), S.ENTRY, handler)).toEqual([A.EDIT, A.PROPOSE_APPROVE, A.PROPOSE_REJECT, A.RETURN_FOR_SUPPLEMENT]);
    expect(allowedActions(defaultSteps(O.SUBJECT), S.REVIEW, supervisor)).toEqual([A.RETURN_FOR_SUPPLEMENT, A.EDIT, A.APPROVE, A.REJECT, A.RETURN_TO_PREVIOUS]);
    expect(allowedActions(defaultSteps(O.SUBJECT), S.SUPPLEMENT, filer)).toEqual([A.EDIT, A.RESUBMIT]);
    expect(allowedActions(defaultSteps(O.SUBJECT), S.SUPPLEMENT, handler)).toEqual([]);
  });

  it('requires an opinion exactly for the deciding actions', () => {
    const needing = actions.filter(requiresOpinion).sort();
    expect(needing).toEqual([A.APPROVE, A.PROPOSE_APPROVE, A.PROPOSE_REJECT, A.REJECT, A.RETURN_FOR_SUPPLEMENT, A.RETURN_TO_PREVIOUS, A.SEND_BACK].sort());
  });
});
