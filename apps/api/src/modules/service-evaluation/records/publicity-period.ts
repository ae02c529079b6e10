import { EvaluationRecordStatus, PublicityState } from '@szpm/contract';
import { addMonthsToDate, shanghaiDate } from '../../../common/http/shanghai-time';

/** Shanghai date `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A publicity period of `months` calendar months starting on `start` (a Shanghai day): it ends on
 * the day before the same date `months` later, inclusive (2026-01-15 + 6 months → 2026-07-14).
 */
export function publicityPeriod(start: string, months: number): { start: string; end: string } {
  return { start, end: addDays(addMonthsToDate(start, months), -1) };
}

export function todayInShanghai(now: Date = new Date()): string {
  return shanghaiDate(now);
}

/** Whether a record shows on the public publicity lists on `today`. */
export function publicityStateOf(record: { status: EvaluationRecordStatus; published: boolean; publicityEnd: string }, today: string): PublicityState {
  if (record.status !== EvaluationRecordStatus.EFFECTIVE) return PublicityState.WITHDRAWN;
  // a record still flagged but past its end date has ended (the expiry job clears the flag)
  return record.published && record.publicityEnd >= today ? PublicityState.PUBLISHED : PublicityState.ENDED;
}
