import { EvaluationSubjectType, ObjectionTarget, Role, UnitCategory } from '@szpm/contract';
import { Actor } from '../../../access/actor';
import { cycleStart, subjectOf, targetKeyOf } from './objection-form';

const actor = (role: Role, unitCategory: UnitCategory | null, unitId: number | null): Actor => ({
  accountId: 1,
  name: '测试',
  role,
  districtId: 2,
  streetId: null,
  unitCategory,
  unitId,
  grants: new Set(),
  onBehalfOfId: null,
  onBehalfOfName: null,
});

describe('objection form rules', () => {
  it('knows the subject a unit account speaks for', () => {
    expect(subjectOf(actor(Role.PROPERTY_COMPANY, UnitCategory.PROPERTY_COMPANY, 7))).toEqual({ subjectType: EvaluationSubjectType.COMPANY, subjectId: 7 });
    expect(subjectOf(actor(Role.PROJECT_MANAGER, UnitCategory.PROJECT_MANAGER, 9))).toEqual({ subjectType: EvaluationSubjectType.PROJECT_MANAGER, subjectId: 9 });
    expect(subjectOf(actor(Role.OWNERS_COMMITTEE, UnitCategory.OWNERS_COMMITTEE, 3))).toBeNull();
    expect(subjectOf(actor(Role.DISTRICT_HANDLER, null, null))).toBeNull();
    expect(subjectOf(actor(Role.PROPERTY_COMPANY, UnitCategory.PROPERTY_COMPANY, null))).toBeNull();
  });

  it('keys what is disputed, so that one record on one ground takes one objection', () => {
    expect(targetKeyOf({ target: ObjectionTarget.BAD_RECORD, recordId: 12 })).toBe('BAD_RECORD:12');
    expect(targetKeyOf({ target: ObjectionTarget.RISK_LIST_ENTRY, recordId: 12 })).toBe('RISK_LIST_ENTRY:12');
    expect(targetKeyOf({ target: ObjectionTarget.SCORE, subjectType: EvaluationSubjectType.COMPANY, subjectId: 5, cycleKey: '2026-H2' })).toBe('SCORE:COMPANY:5:2026-H2');
  });

  it('finds the first day of a scoring cycle', () => {
    expect(cycleStart('2026')).toBe('2026-01-01');
    expect(cycleStart('2026-H1')).toBe('2026-01-01');
    expect(cycleStart('2026-H2')).toBe('2026-07-01');
  });
});
