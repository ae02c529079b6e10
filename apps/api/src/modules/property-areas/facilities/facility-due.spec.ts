import { addDays, daysLeft, dueUntil, isDue } from './facility-due';

describe('到期提醒: which special equipment is due', () => {
  it('looks ahead N calendar days, across month and year ends', () => {
    expect(dueUntil('2026-12-01', 30)).toBe('2026-12-31');
    expect(dueUntil('2026-12-15', 30)).toBe('2027-01-14');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts the days left: 0 on the day, negative once overdue', () => {
    expect(daysLeft('2026-12-01', '2026-12-01')).toBe(0);
    expect(daysLeft('2026-12-01', '2026-12-31')).toBe(30);
    expect(daysLeft('2026-12-01', '2026-11-28')).toBe(-3);
  });

  it('lists a date up to and including the last day, and overdue ones too, never one without a date', () => {
    expect(isDue('2026-12-31', '2026-12-01', 30)).toBe(true);
    expect(isDue('2027-01-01', '2026-12-01', 30)).toBe(false);
    expect(isDue('2026-10-01', '2026-12-01', 30)).toBe(true);
    expect(isDue(null, '2026-12-01', 30)).toBe(false);
    expect(isDue('2026-12-01', '2026-12-01', 0)).toBe(true);
  });
});
