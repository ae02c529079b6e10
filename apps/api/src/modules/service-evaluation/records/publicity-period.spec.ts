import { EvaluationRecordStatus, PublicityState } from '@szpm/contract';
import { addDays, publicityPeriod, publicityStateOf } from './publicity-period';

describe('publicity period', () => {
  it('runs whole calendar months from the first day, the end day included', () => {
    expect(publicityPeriod('2026-01-15', 6)).toEqual({ start: '2026-01-15', end: '2026-07-14' });
    expect(publicityPeriod('2026-01-01', 12)).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    // month ends clamp: 01-31 + 1 month is 02-28, so the last day is 02-27
    expect(publicityPeriod('2026-01-31', 1)).toEqual({ start: '2026-01-31', end: '2026-02-27' });
    expect(publicityPeriod('2028-02-29', 12)).toEqual({ start: '2028-02-29', end: '2029-02-27' });
    // no publicity: the end lies before the start
    expect(publicityPeriod('2026-03-01', 0).end).toBe('2026-02-28');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('shows a record while today is within its period, then as ended; withdrawn records never', () => {
    const effective = { status: EvaluationRecordStatus.EFFECTIVE, published: true, publicityEnd: '2026-07-14' };
    expect(publicityStateOf(effective, '2026-07-14')).toBe(PublicityState.PUBLISHED);
    expect(publicityStateOf(effective, '2026-07-15')).toBe(PublicityState.ENDED);
    expect(publicityStateOf({ ...effective, published: false }, '2026-07-01')).toBe(PublicityState.ENDED);
    expect(publicityStateOf({ ...effective, status: EvaluationRecordStatus.REVOKED, published: false }, '2026-07-01')).toBe(PublicityState.WITHDRAWN);
    expect(publicityStateOf({ ...effective, status: EvaluationRecordStatus.RESTORED, published: false }, '2026-07-01')).toBe(PublicityState.WITHDRAWN);
  });
});
