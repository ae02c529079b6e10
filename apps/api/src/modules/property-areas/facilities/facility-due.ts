/**
 * 到期提醒: special equipment whose 到期日期 falls within the look-ahead. Days are Shanghai calendar
 * days (YYYY-MM-DD); one already past is listed too, as overdue.
 */

/** the day `days` after `date` (negative: before) */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** the last 到期日期 the list of `today` with a look-ahead of `withinDays` shows */
export function dueUntil(today: string, withinDays: number): string {
  return addDays(today, withinDays);
}

/** whole days from `today` to `dueDate` (0: due today, negative: overdue) */
export function daysLeft(today: string, dueDate: string): number {
  return Math.round((Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export function isDue(dueDate: string | null, today: string, withinDays: number): boolean {
  return dueDate !== null && dueDate <= dueUntil(today, withinDays);
}
