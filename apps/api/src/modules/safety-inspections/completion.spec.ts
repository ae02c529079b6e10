import { SafetyTargetStatus } from '@szpm/contract';
import { isOverdue, toCompletion, withCompletionRate } from './completion';

describe('safety-inspection completion counters', () => {
  it('reads raw aggregates (strings from MySQL, numbers from SQLite) and derives the rate as a percentage', () => {
    expect(toCompletion({ targets: '8', submitted: '6', outstanding: '2', overdue: '1', problems: '5', areasWithProblems: 2 })).toEqual({
      targets: 8,
      submitted: 6,
      outstanding: 2,
      overdue: 1,
      problems: 5,
      areasWithProblems: 2,
      completionRate: 75,
    });
    expect(toCompletion(undefined)).toEqual({ targets: 0, submitted: 0, outstanding: 0, overdue: 0, problems: 0, areasWithProblems: 0, completionRate: 0 });
  });

  it('rounds the completion rate to two decimals', () => {
    expect(withCompletionRate({ targets: 3, submitted: 1, outstanding: 2, overdue: 0, problems: 0, areasWithProblems: 0 }).completionRate).toBe(33.33);
  });

  it('counts a deadline as a whole Shanghai day', () => {
    // 2026-06-30 23:30 in Shanghai is 15:30 UTC: still the deadline day
    expect(isOverdue('2026-06-30', SafetyTargetStatus.PENDING, new Date('2026-06-30T15:30:00Z'))).toBe(false);
    // 2026-07-01 00:30 in Shanghai
    expect(isOverdue('2026-06-30', SafetyTargetStatus.DRAFT, new Date('2026-06-30T16:30:00Z'))).toBe(true);
    expect(isOverdue('2026-06-30', SafetyTargetStatus.SUBMITTED, new Date('2026-07-30T00:00:00Z'))).toBe(false);
  });
});
