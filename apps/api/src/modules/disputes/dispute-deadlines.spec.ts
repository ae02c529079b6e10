import { WorkflowStatus } from '@szpm/contract';
import { dueStage, holderRoles } from './dispute-deadlines.service';

const open = (deadline: string, sent: { before?: string; due?: string } = {}) => ({ deadline, closed: false, remindedBeforeFor: sent.before ?? null, remindedDueFor: sent.due ?? null });

describe('dueStage', () => {
  it('reminds on the working day before the deadline, across a weekend', () => {
    // Monday 2026-12-07: the day before is Friday 2026-12-04
    expect(dueStage(open('2026-12-07'), '2026-12-04')).toBe('BEFORE');
    expect(dueStage(open('2026-12-07'), '2026-12-05')).toBeNull();
    expect(dueStage(open('2026-12-07'), '2026-12-07')).toBe('DUE');
  });

  it('sends each reminder once per deadline, and again for a changed deadline', () => {
    expect(dueStage(open('2026-12-07', { before: '2026-12-07' }), '2026-12-04')).toBeNull();
    expect(dueStage(open('2026-12-08', { before: '2026-12-07' }), '2026-12-07')).toBe('BEFORE');
    expect(dueStage(open('2026-12-07', { due: '2026-12-07' }), '2026-12-07')).toBeNull();
  });

  it('never reminds a closed case or one already past its deadline', () => {
    expect(dueStage({ ...open('2026-12-07'), closed: true }, '2026-12-07')).toBeNull();
    expect(dueStage(open('2026-12-01'), '2026-12-02')).toBeNull();
  });
});

describe('holderRoles', () => {
  it('names the street office while the case is with the street, else the district party of the step', () => {
    expect(holderRoles(WorkflowStatus.STREET_HANDLING).street).toBe(true);
    expect(holderRoles(WorkflowStatus.REVIEW).roles).toContain('DISTRICT_SUPERVISOR');
    expect(holderRoles(WorkflowStatus.STREET_REVIEW).roles).toContain('DISTRICT_HANDLER');
  });
});
