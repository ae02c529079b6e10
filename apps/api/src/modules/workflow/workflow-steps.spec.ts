import { GrantAction, ModuleKey, Role, UnitCategory, WorkflowAction as A, WorkflowOrigin as O, WorkflowStatus as S } from '@szpm/contract';
import { DataSource } from 'typeorm';
import { STREET_CASE_FORM, STREET_CASE_STEPS, streetCaseDefinition } from '../../../test/support/workflow-test-forms';
import { Actor, grantKey } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { WorkflowCase } from './entities/workflow-case.entity';
import { WorkflowAccess } from './workflow-access';
import { RegisteredForm, WorkflowRegistry } from './workflow-registry';
import { allowedActions, decideTransition, ENTERING_ACTIONS, stepProblems, TransitionRefusal, WorkflowStep } from './workflow-transitions';

const officer = (accountId: number, role: Role, streetId: number | null = null, districtId = 2): Actor => ({
  accountId,
  name: `账号${accountId}`,
  role,
  districtId,
  streetId,
  unitCategory: streetId !== null ? UnitCategory.STREET_OFFICE : null,
  unitId: streetId,
  grants: new Set([grantKey(ModuleKey.DISPUTES, GrantAction.VIEW), grantKey(ModuleKey.DISPUTES, GrantAction.OPERATE)]),
  onBehalfOfId: null,
  onBehalfOfName: null,
});

const HANDLER = officer(1, Role.DISTRICT_HANDLER);
const OTHER_HANDLER = officer(2, Role.DISTRICT_HANDLER);
const SUPERVISOR = officer(3, Role.DISTRICT_SUPERVISOR);
const YUANLING = officer(4, Role.STREET_OFFICER, 202);
const NANYUAN = officer(5, Role.STREET_OFFICER, 201);
const NANSHAN_SUPERVISOR = officer(6, Role.DISTRICT_SUPERVISOR, null, 3);
const YUANLING_WITHOUT_GRANT: Actor = { ...officer(7, Role.STREET_OFFICER, 202), grants: new Set([grantKey(ModuleKey.DISPUTES, GrantAction.VIEW)]) };

type Outcome = S | TransitionRefusal | 'OUT_OF_DISTRICT';

/** Drives one case through the rules the engine applies in WorkflowService.act (standing, decision, entry officer). */
class CaseRun {
  readonly workflowCase: WorkflowCase;
  constructor(
    private readonly form: RegisteredForm,
    private readonly access: WorkflowAccess,
    entrant: Actor,
  ) {
    this.workflowCase = Object.assign(new WorkflowCase(), {
      id: 1,
      origin: O.OFFICER,
      status: S.ENTRY,
      districtId: 2,
      streetId: null,
      initiatorId: entrant.accountId,
      initiatorUnitCategory: null,
      initiatorUnitId: null,
      entryActorId: entrant.accountId,
    });
  }

  /** `streetId`: the street a 转办 names (WorkflowService.act checks it is a street of the case's district and stores it) */
  act(actor: Actor, action: A, streetId?: number): Outcome {
    if (!this.access.canView(actor, this.workflowCase, this.form)) return 'OUT_OF_DISTRICT';
    const decision = decideTransition(this.form.steps, this.workflowCase.status, action, this.access.standing(actor, this.workflowCase, this.form));
    if (!decision.allowed) return decision.refusal;
    this.workflowCase.status = decision.transition.to;
    if (action === A.TRANSFER) this.workflowCase.streetId = streetId!;
    if (ENTERING_ACTIONS.includes(action)) this.workflowCase.entryActorId = actor.accountId;
    return this.workflowCase.status;
  }

  buttons(actor: Actor): A[] {
    if (!this.access.canView(actor, this.workflowCase, this.form)) return [];
    return allowedActions(this.form.steps, this.workflowCase.status, this.access.standing(actor, this.workflowCase, this.form));
  }
}

describe('workflow steps declared by a form definition (three parties: district entry, street handling, district review)', () => {
  const registry = new WorkflowRegistry();
  const form = registry.register(streetCaseDefinition());
  const fakeDataSource = { manager: { getRepository: () => ({}) } } as unknown as DataSource;
  const access = new WorkflowAccess(new DistrictScope(fakeDataSource));
  const run = () => new CaseRun(form, access, HANDLER);

  it('registers the declared steps and parties instead of the default table', () => {
    expect(form.steps).toBe(STREET_CASE_STEPS);
    expect(form.streetRoles).toEqual([Role.STREET_OFFICER]);
    expect(form.statusLabel(S.REVIEW)).toBe('待审核');
    expect(form.statusLabel(S.STREET_HANDLING)).toBe('街道办理');
    expect(registry.officerPartiesOf(HANDLER, form)).toEqual(['ENTRY']);
    expect(registry.officerPartiesOf(SUPERVISOR, form)).toEqual(['REVIEW']);
    expect(registry.officerPartiesOf(YUANLING, form)).toEqual(['STREET']);
    expect(registry.officerPartiesOf(YUANLING_WITHOUT_GRANT, form)).toEqual([]);
  });

  it('goes district entry → 转办 → street handling → district review → 驳回重报 to the street → 同意办结', () => {
    const c = run();
    expect(c.buttons(HANDLER)).toEqual([A.EDIT, A.TRANSFER, A.HANDLE]);
    expect(c.buttons(YUANLING)).toEqual([]);
    expect(c.act(HANDLER, A.TRANSFER, 202)).toBe(S.STREET_HANDLING);
    expect(c.buttons(YUANLING)).toEqual([A.EDIT, A.HANDLE, A.RETURN_TO_PREVIOUS]);
    expect(c.buttons(HANDLER)).toEqual([]);
    expect(c.act(YUANLING, A.HANDLE)).toBe(S.STREET_REVIEW);
    expect(c.buttons(SUPERVISOR)).toEqual([A.SEND_BACK, A.APPROVE_CLOSE]);
    expect(c.act(SUPERVISOR, A.SEND_BACK)).toBe(S.STREET_HANDLING);
    expect(c.act(YUANLING, A.HANDLE)).toBe(S.STREET_REVIEW);
    expect(c.act(SUPERVISOR, A.APPROVE_CLOSE)).toBe(S.APPROVED);
    for (const who of [HANDLER, SUPERVISOR, YUANLING]) expect(c.buttons(who)).toEqual([]);
  });

  it('lets the district handle a case itself, and then 驳回重报 comes back to the district handler', () => {
    const c = run();
    expect(c.act(HANDLER, A.HANDLE)).toBe(S.REVIEW);
    expect(c.buttons(SUPERVISOR)).toEqual([A.SEND_BACK, A.APPROVE_CLOSE]);
    expect(c.act(SUPERVISOR, A.SEND_BACK)).toBe(S.ENTRY);
    expect(c.buttons(HANDLER)).toEqual([A.EDIT, A.TRANSFER, A.HANDLE]);
    expect(c.act(HANDLER, A.HANDLE)).toBe(S.REVIEW);
    expect(c.act(SUPERVISOR, A.APPROVE_CLOSE)).toBe(S.APPROVED);
  });

  it('lets the street return a case to the district', () => {
    const c = run();
    c.act(HANDLER, A.TRANSFER, 202);
    expect(c.act(YUANLING, A.RETURN_TO_PREVIOUS)).toBe(S.ENTRY);
    expect(c.buttons(HANDLER)).toEqual([A.EDIT, A.TRANSFER, A.HANDLE]);
  });

  it('shows a case to no street office before its 转办, then to the chosen street only, which keeps it until a 转办 to another street', () => {
    const c = run();
    // at district entry the case has no street: no street office sees it
    expect(c.workflowCase.streetId).toBeNull();
    for (const street of [YUANLING, NANYUAN]) {
      expect(access.canView(street, c.workflowCase, form)).toBe(false);
      expect(c.act(street, A.HANDLE)).toBe('OUT_OF_DISTRICT');
    }
    // 转办 chooses 南园 (201): 南园 sees and handles it, 园岭 never does
    expect(c.act(HANDLER, A.TRANSFER, 201)).toBe(S.STREET_HANDLING);
    expect(c.buttons(NANYUAN)).toEqual([A.EDIT, A.HANDLE, A.RETURN_TO_PREVIOUS]);
    expect(access.canView(YUANLING, c.workflowCase, form)).toBe(false);
    // returned to the district, it stays with 南园 (read only) until the district passes it on
    expect(c.act(NANYUAN, A.RETURN_TO_PREVIOUS)).toBe(S.ENTRY);
    expect(access.canView(NANYUAN, c.workflowCase, form)).toBe(true);
    expect(c.buttons(NANYUAN)).toEqual([]);
    // the district re-transfers it to 园岭: now 园岭's, no longer 南园's
    expect(c.act(HANDLER, A.TRANSFER, 202)).toBe(S.STREET_HANDLING);
    expect(access.canView(NANYUAN, c.workflowCase, form)).toBe(false);
    expect(c.act(YUANLING, A.HANDLE)).toBe(S.STREET_REVIEW);
    // 驳回重报 sends it back to the same street
    expect(c.act(SUPERVISOR, A.SEND_BACK)).toBe(S.STREET_HANDLING);
    expect(c.buttons(YUANLING)).toEqual([A.EDIT, A.HANDLE, A.RETURN_TO_PREVIOUS]);
    expect(c.act(NANYUAN, A.HANDLE)).toBe('OUT_OF_DISTRICT');
  });

  it('refuses every action by the wrong party', () => {
    const c = run();
    // at entry: only the district's entry officer of this case (a street office does not see it yet)
    expect(c.act(YUANLING, A.TRANSFER)).toBe('OUT_OF_DISTRICT');
    expect(c.act(YUANLING, A.HANDLE)).toBe('OUT_OF_DISTRICT');
    expect(c.act(SUPERVISOR, A.HANDLE)).toBe('NOT_YOUR_STEP');
    expect(c.act(OTHER_HANDLER, A.TRANSFER)).toBe('NOT_ASSIGNED');
    expect(c.act(HANDLER, A.APPROVE_CLOSE)).toBe('NOT_IN_THIS_STATUS');
    expect(c.act(HANDLER, A.TRANSFER, 202)).toBe(S.STREET_HANDLING);
    // with the street: only the street office of the case's street, with the operate grant
    expect(c.act(HANDLER, A.HANDLE)).toBe('NOT_YOUR_STEP');
    expect(c.act(SUPERVISOR, A.HANDLE)).toBe('NOT_YOUR_STEP');
    expect(c.act(NANYUAN, A.HANDLE)).toBe('OUT_OF_DISTRICT');
    expect(c.act(YUANLING_WITHOUT_GRANT, A.HANDLE)).toBe('NOT_YOUR_STEP');
    expect(c.act(YUANLING, A.SEND_BACK)).toBe('NOT_IN_THIS_STATUS');
    expect(c.act(YUANLING, A.HANDLE)).toBe(S.STREET_REVIEW);
    // in review: only the district's reviewer, of this district
    expect(c.act(YUANLING, A.APPROVE_CLOSE)).toBe('NOT_YOUR_STEP');
    expect(c.act(YUANLING, A.SEND_BACK)).toBe('NOT_YOUR_STEP');
    expect(c.act(HANDLER, A.APPROVE_CLOSE)).toBe('NOT_YOUR_STEP');
    expect(c.act(NANSHAN_SUPERVISOR, A.APPROVE_CLOSE)).toBe('OUT_OF_DISTRICT');
    expect(c.act(SUPERVISOR, A.APPROVE)).toBe('NOT_IN_THIS_STATUS');
    expect(c.workflowCase.status).toBe(S.STREET_REVIEW);
  });

  it('keeps a reviewer from reviewing what they entered', () => {
    const supervisorEntered = new CaseRun(registry.get(STREET_CASE_FORM), access, SUPERVISOR);
    supervisorEntered.workflowCase.status = S.REVIEW;
    expect(supervisorEntered.act(SUPERVISOR, A.APPROVE_CLOSE)).toBe('SELF_REVIEW');
  });

  it('refuses definitions whose steps cannot work', () => {
    const step = (from: S, action: A, to: S, party: WorkflowStep['party'], assigned?: boolean): WorkflowStep => ({ from, action, to, party, assigned });
    expect(stepProblems(O.OFFICER, STREET_CASE_STEPS)).toEqual([]);
    expect(stepProblems(O.OFFICER, [step(S.ENTRY, A.TRANSFER, S.STREET_HANDLING, 'ENTRY')])).toEqual(['STREET_HANDLING is reached but has no step']);
    expect(stepProblems(O.OFFICER, [step(S.REVIEW, A.APPROVE, S.APPROVED, 'REVIEW')])).toEqual(['no step from the initial status ENTRY']);
    expect(stepProblems(O.OFFICER, [step(S.ENTRY, A.HANDLE, S.APPROVED, 'FILER')])).toEqual(['ENTRY HANDLE: only subject forms have a filer']);
    expect(stepProblems(O.OFFICER, [step(S.ENTRY, A.HANDLE, S.APPROVED, 'STREET', true)])).toEqual(['ENTRY HANDLE: only ENTRY steps are assigned']);
    expect(stepProblems(O.OFFICER, [step(S.ENTRY, A.CREATE, S.APPROVED, 'ENTRY'), step(S.APPROVED, A.EDIT, S.APPROVED, 'REVIEW')])).toEqual([
      'ENTRY CREATE: CREATE is not a step',
      'APPROVED EDIT: APPROVED is finished',
    ]);
    expect(stepProblems(O.OFFICER, [step(S.ENTRY, A.HANDLE, S.APPROVED, 'ENTRY'), step(S.ENTRY, A.HANDLE, S.REJECTED, 'ENTRY')])).toEqual(['ENTRY HANDLE is declared twice']);
    const broken = new WorkflowRegistry();
    expect(() => broken.register({ ...streetCaseDefinition(), steps: [step(S.ENTRY, A.TRANSFER, S.STREET_HANDLING, 'ENTRY')] })).toThrow(
      'workflow steps of TEST_STREET_CASE: STREET_HANDLING is reached but has no step',
    );
  });
});
