import { addWorkingDays, isWorkingDay, previousWorkingDay } from './working-days';

describe('working days (chinese-days)', () => {
  it('skips the National Day holiday and counts the weekend days worked in lieu', () => {
    // 2025: 10-01 … 10-08 off, Sunday 09-28 and Saturday 10-11 worked
    expect(isWorkingDay('2025-10-01')).toBe(false);
    expect(isWorkingDay('2025-09-28')).toBe(true);
    expect(isWorkingDay('2025-10-11')).toBe(true);
    expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
  });

  it('counts ten working days over a plain weekend', () => {
    // 2026-12-02 is a Wednesday
    expect(addWorkingDays('2026-12-02', 10)).toBe('2026-12-16');
    expect(addWorkingDays('2026-12-02', 0)).toBe('2026-12-02');
  });

  it('finds the working day before a deadline across a weekend', () => {
    expect(previousWorkingDay('2026-12-07')).toBe('2026-12-04');
    expect(previousWorkingDay('2025-10-09')).toBe('2025-09-30');
  });
});
