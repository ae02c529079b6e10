/** Times are shown as Shanghai wall-clock time, whatever the phone's zone. */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

function shanghaiParts(iso: string): { y: string; m: string; d: string; hh: string; mm: string } | null {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  const t = new Date(time + SHANGHAI_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { y: String(t.getUTCFullYear()), m: pad(t.getUTCMonth() + 1), d: pad(t.getUTCDate()), hh: pad(t.getUTCHours()), mm: pad(t.getUTCMinutes()) };
}

/** 2026-03-01 14:05 */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const p = shanghaiParts(iso);
  return p ? `${p.y}-${p.m}-${p.d} ${p.hh}:${p.mm}` : iso;
}

/** 2026-03-01 (a calendar date from the api stays as it is) */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const p = shanghaiParts(value);
  return p ? `${p.y}-${p.m}-${p.d}` : value;
}

/** Today in Shanghai as YYYY-MM-DD. */
export function shanghaiToday(now: number = Date.now()): string {
  return formatDate(new Date(now).toISOString());
}

/** +3 / -5 / 0 */
export function signedPoints(points: number): string {
  if (points > 0) return `+${points}`;
  return String(points);
}

export function publicityPeriod(start: string, end: string): string {
  return `${formatDate(start)} 至 ${formatDate(end)}`;
}
