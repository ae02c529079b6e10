import { GrantAction, ModuleKey, Role, WorkflowAction as A, WorkflowOrigin as O, WorkflowStatus as S } from '@szpm/contract';
import { IsString } from 'class-validator';
import { DataSource } from 'typeorm';
import { Actor, grantKey } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { WorkflowCase } from './entities/workflow-case.entity';
import { WorkflowAccess } from './workflow-access';
import { WorkflowRegistry } from './workflow-registry';
import { allowedActions, decideTransition, isFinished, stepProblems, waitsForParty, WorkflowStep } from './workflow-transitions';

class NotePayload {
  @IsString()
  note: string;
}

const GRANTS = new Set([grantKey(ModuleKey.PROPERTY_AREAS, GrantAction.VIEW), grantKey(ModuleKey.PROPERTY_AREAS, GrantAction.OPERATE)]);
const actor = (accountId: number, role: Role, districtId: number | null, grants = GRANTS): Actor => ({
  accountId,
  name: `账号${accountId}`,
  role,
  districtId,
  streetId: null,
  unitCategory: null,
  unitId: null,
  grants,
  onBehalfOfId: null,
  onBehalfOfName: null,
});

const APPLICANT = actor(1, Role.DISTRICT_HANDLER, 2);
const COLLEAGUE = actor(2, Role.DISTRICT_HANDLER, 2);
const SUPERVISOR = actor(3, Role.DISTRICT_SUPERVISOR, 2);
const CITY = actor(4, Role.CITY_OFFICER, null);
const CITY_READ_ONLY = actor(5, Role.CITY_OFFICER, null, new Set([grantKey(ModuleKey.PROPERTY_AREAS, GrantAction.VIEW)]));
const OTHER_DISTRICT = actor(6, Role.DISTRICT_HANDLER, 3);

/** An edit the district submits for the city bureau's decision, which its applicant may withdraw until then. */
const STEPS: readonly WorkflowStep[] = [
  { from: S.ENTRY, action: A.EDIT, to: S.ENTRY, party: 'ENTRY', assigned: true },
  { from: S.ENTRY, action: A.SUBMIT, to: S.REVIEW, party: 'ENTRY', assigned: true },
  { from: S.ENTRY, action: A.WITHDRAW, to: S.WITHDRAWN, party: 'ENTRY', assigned: true },
  { from: S.REVIEW, action: A.APPROVE, to: S.APPROVED, party: 'REVIEW' },
  { from: S.REVIEW, action: A.REJECT, to: S.REJECTED, party: 'REVIEW' },
  { from: S.REVIEW, action: A.RETURN_TO_PREVIOUS, to: S.ENTRY, party: 'REVIEW' },
  { from: S.REVIEW, action: A.WITHDRAW, to: S.WITHDRAWN, party: 'ENTRY', assigned: true },
];

describe('撤销 (WITHDRAW) and a review party at city level', () => {
  const registry = new WorkflowRegistry();
  const form = registry.register({
    formType: 'TEST_CITY_REVIEWED_EDIT',
    label: '测试：市局审核的修改',
    module: ModuleKey.PROPERTY_AREAS,
    origin: O.OFFICER,
    steps: STEPS,
    entryRoles: [Role.DISTRICT_HANDLER],
    reviewRoles: [Role.CITY_OFFICER],
    payloadClass: NotePayload,
    prepare: async (_m, _a, payload) => ({ payload, districtId: 2, summary: { title: 't', subjectType: null, subjectId: null, subjectName: null } }),
    onApproved: async () => undefined,
  });
  const access = new WorkflowAccess(new DistrictScope({ manager: { getRepository: () => ({}) } } as unknown as DataSource));
  const submitted = () =>
    Object.assign(new WorkflowCase(), { id: 1, origin: O.OFFICER, status: S.REVIEW, districtId: 2, streetId: null, initiatorId: APPLICANT.accountId, initiatorUnitCategory: null, initiatorUnitId: null, entryActorId: APPLICANT.accountId });
  const decide = (who: Actor, c: WorkflowCase, action: A) => {
    if (!access.canView(who, c, form)) return 'OUT_OF_DISTRICT';
    const decision = decideTransition(form.steps, c.status, action, access.standing(who, c, form));
    return decision.allowed ? decision.transition.to : decision.refusal;
  };

  it('is a finished status the steps may lead to', () => {
    expect(isFinished(S.WITHDRAWN)).toBe(true);
    expect(stepProblems(O.OFFICER, STEPS)).toEqual([]);
    expect(stepProblems(O.OFFICER, [...STEPS, { from: S.WITHDRAWN, action: A.EDIT, to: S.WITHDRAWN, party: 'ENTRY' }])).toEqual(['WITHDRAWN EDIT: WITHDRAWN is finished']);
  });

  it('lets only the applicant withdraw, while the form waits for the city or is back with them', () => {
    const c = submitted();
    expect(decide(APPLICANT, c, A.WITHDRAW)).toBe(S.WITHDRAWN);
    expect(decide(COLLEAGUE, c, A.WITHDRAW)).toBe('NOT_ASSIGNED');
    expect(decide(SUPERVISOR, c, A.WITHDRAW)).toBe('NOT_YOUR_STEP');
    expect(decide(CITY, c, A.WITHDRAW)).toBe('NOT_YOUR_STEP');
    expect(allowedActions(form.steps, c.status, access.standing(APPLICANT, c, form))).toEqual([A.WITHDRAW]);
    c.status = S.ENTRY;
    expect(allowedActions(form.steps, c.status, access.standing(APPLICANT, c, form))).toEqual([A.EDIT, A.SUBMIT, A.WITHDRAW]);
    c.status = S.WITHDRAWN;
    expect(decide(APPLICANT, c, A.WITHDRAW)).toBe('NOT_IN_THIS_STATUS');
    expect(allowedActions(form.steps, c.status, access.standing(CITY, c, form))).toEqual([]);
  });

  it('gives the decision to a city officer with the operate grant, for any district, and to nobody in the district', () => {
    const c = submitted();
    expect(allowedActions(form.steps, c.status, access.standing(CITY, c, form))).toEqual([A.APPROVE, A.REJECT, A.RETURN_TO_PREVIOUS]);
    expect(decide(CITY_READ_ONLY, c, A.APPROVE)).toBe('NOT_YOUR_STEP');
    expect(decide(SUPERVISOR, c, A.APPROVE)).toBe('NOT_YOUR_STEP');
    expect(decide(OTHER_DISTRICT, c, A.APPROVE)).toBe('OUT_OF_DISTRICT');
    expect(decide(CITY, Object.assign(submitted(), { districtId: 9 }), A.APPROVE)).toBe(S.APPROVED);
    expect(registry.officerPartiesOf(CITY, form)).toEqual(['REVIEW']);
  });

  it('puts no form in a todo list for a withdrawal or an edit alone', () => {
    expect(STEPS.filter(waitsForParty).map((s) => `${s.from} ${s.action}`)).toEqual(['ENTRY SUBMIT', 'REVIEW APPROVE', 'REVIEW REJECT', 'REVIEW RETURN_TO_PREVIOUS']);
  });
});
