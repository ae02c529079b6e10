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

/** 2026年12月1日 (for sentences; lists and tables use formatDate). */
export function formatDateChinese(value: string | null | undefined): string {
  const date = formatDate(value);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}

/** The label of a subject's business number: a company's credit code, a project manager's certificate. */
export function subjectIdentifierLabel(subjectType: 'COMPANY' | 'PROJECT_MANAGER' | string): string {
  return subjectType === 'PROJECT_MANAGER' ? '从业证书编号' : '统一社会信用代码';
}

/** 统一社会信用代码：9144…（a number is never shown without its label）; '' when there is none. */
export function subjectIdentifierText(subjectType: string, identifier: string | null | undefined): string {
  return identifier ? `${subjectIdentifierLabel(subjectType)}：${identifier}` : '';
}

/** A share as a percentage 0–100 with at most one decimal; null when there is nothing to divide (0 / 0). */
export function percentOf(part: number, whole: number): number | null {
  if (!whole || !Number.isFinite(part) || !Number.isFinite(whole)) return null;
  return Math.round((Math.min(Math.max(part, 0), whole) / whole) * 1000) / 10;
}

/** 75% · 12 / 16, or 暂无 when the whole is 0. */
export function shareText(part: number, whole: number): string {
  const percent = percentOf(part, whole);
  return percent === null ? '暂无' : `${percent}% · ${part} / ${whole}`;
}

/** The second line of a 事项 option: what choosing it leads to, never its machine code. */
export function itemOptionDescription(item: { circumstances: unknown[]; countOncePerYear?: boolean }): string {
  const parts = [`${item.circumstances.length}种情形`];
  if (item.countOncePerYear) parts.push('同一年度只计一次');
  return parts.join(' · ');
}
