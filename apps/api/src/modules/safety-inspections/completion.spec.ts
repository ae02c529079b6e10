import { SafetyTargetStatus } from '@szpm/contract';
import { isOverdue, sumCompletion, toCompletion } from './completion';

describe('safety-inspection completion counters', () => {
  it('derives outstanding and the rate from raw aggregates (strings from MySQL, numbers from SQLite)', () => {
    expect(toCompletion({ targets: '8', submitted: '6', overdue: '1', problems: '5', areasWithProblems: 2 })).toEqual({
      targets: 8,
      submitted: 6,
      outstanding: 2,
      overdue: 1,
      problems: 5,
      areasWithProblems: 2,
      completionRate: 0.75,
    });
    expect(toCompletion(undefined)).toEqual({ targets: 0, submitted: 0, outstanding: 0, overdue: 0, problems: 0, areasWithProblems: 0, completionRate: 0 });
  });

  it('adds rows into a total', () => {
    const total = sumCompletion([toCompletion({ targets: 3, submitted: 1 }), toCompletion({ targets: 1, submitted: 1, problems: 4, areasWithProblems: 1 })]);
    expect(total).toMatchObject({ targets: 4, submitted: 2, outstanding: 2, problems: 4, areasWithProblems: 1, completionRate: 0.5 });
  });

  it('counts a deadline as a whole Shanghai day', () => {
    // 2026-06-30 23:30 in Shanghai is 15:30 UTC: still the deadline day
    expect(isOverdue('2026-06-30', SafetyTargetStatus.PENDING, new Date('2026-06-30T15:30:00Z'))).toBe(false);
    // 2026-07-01 00:30 in Shanghai
    expect(isOverdue('2026-06-30', SafetyTargetStatus.DRAFT, new Date('2026-06-30T16:30:00Z'))).toBe(true);
    expect(isOverdue('2026-06-30', SafetyTargetStatus.SUBMITTED, new Date('2026-07-30T00:00:00Z'))).toBe(false);
  });
});
