import { findWorkday, isWorkday } from 'chinese-days';

/**
 * Working days of the Chinese statutory calendar (holidays and the weekend days worked in lieu),
 * from the maintained `chinese-days` package. Years the State Council has not yet published fall
 * back to Monday–Friday in that package; updating it brings them in.
 */
export function isWorkingDay(date: string): boolean {
  return isWorkday(date);
}

/** The date `days` working days after `from` (a Shanghai date); `from` itself never counts. */
export function addWorkingDays(from: string, days: number): string {
  if (days <= 0) return from;
  return findWorkday(days, from);
}

/** The last working day before `date`: when the 「明日到期」 reminder of a deadline goes out. */
export function previousWorkingDay(date: string): string {
  return findWorkday(-1, date);
}
