import { isCalendarDate, isDateTime } from './calendar-date.validator';

describe('dates as the contract writes them', () => {
  it('isCalendarDate: a real YYYY-MM-DD day in range', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    for (const bad of ['20260228', '2026-02-30', '2026-2-1', '0000-01-01', '1899-12-31', '2026-02-28T00:00:00Z', 20260228]) expect(isCalendarDate(bad)).toBe(false);
  });

  it('isDateTime: extended format with an offset, a real day and time, a year in range', () => {
    for (const good of ['2026-12-01T09:00:00+08:00', '2026-12-01T01:00:00.000Z', '2026-12-01T09:00+08:00', '9999-12-31T23:59:59Z']) expect(isDateTime(good)).toBe(true);
    const bad = ['20991201', '20991201T090000Z', '2026-12-01', '2026-12-01T09:00:00', '2026-12-01 09:00:00Z', '2026-02-30T09:00:00Z', '2026-12-01T24:00:00Z', '2026-12-01T09:60:00Z', '0000-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', '2026-12-01T09:00:00+24:00'];
    for (const value of bad) expect({ value, valid: isDateTime(value) }).toEqual({ value, valid: false });
  });

  it('isDateTime: the instant, not the text, is in range (an offset can carry it past a year bound)', () => {
    for (const good of ['9999-12-31T23:30:00Z', '9999-12-31T23:30:00+08:00', '1970-01-01T00:00:00Z', '1970-01-01T00:00:00-05:00']) expect({ good, valid: isDateTime(good) }).toEqual({ good, valid: true });
    for (const bad of ['9999-12-31T23:30:00-05:00', '1970-01-01T00:00+08:00', '1970-01-01T07:59:59+08:00']) expect({ bad, valid: isDateTime(bad) }).toEqual({ bad, valid: false });
  });
});
