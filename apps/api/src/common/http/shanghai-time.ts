/**
 * Day boundaries (deadlines, years, publicity end dates) are Shanghai days. China has no DST,
 * so the offset is a constant +08:00.
 */
const OFFSET_MS = 8 * 3600 * 1000;

/** 'YYYY-MM-DD' of the Shanghai calendar day that contains `instant`. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Shanghai calendar day starts. */
export function startOfShanghaiDay(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/** The Shanghai calendar year of an instant. */
export function shanghaiYear(instant: Date): number {
  return Number(shanghaiDate(instant).slice(0, 4));
}

/** Adds whole calendar months to a Shanghai date, clamping to the month's last day (01-31 + 1 month = 02-28/29). */
export function addMonthsToDate(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}
