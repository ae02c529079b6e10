import { rate, SafetyCompletionCounter, SafetyCompletionCounts, SafetyTargetStatus } from '@szpm/contract';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { shanghaiDate } from '../../common/http/shanghai-time';
import { CounterSet, Counts, readCounts, selectCounters } from '../regions/statistics/counters';

/**
 * The completion counters every statistic of chapter 16 shows, as conditions over targets `t`
 * joined with their inspection `i`; the same definitions give the numbers and the lists behind
 * them. Problems count only submitted results: a draft may still change.
 */
export function completionCounters(now = new Date()): CounterSet<SafetyCompletionCounter> {
  const submitted = { submitted: SafetyTargetStatus.SUBMITTED };
  return {
    targets: {},
    submitted: { when: 't.status = :submitted', params: submitted },
    outstanding: { when: 't.status <> :submitted', params: submitted },
    overdue: { when: 't.status <> :submitted AND i.deadline < :today', params: { ...submitted, today: shanghaiDate(now) } },
    problems: { when: 't.status = :submitted', sum: 't.failCount', params: submitted },
    areasWithProblems: { when: 't.status = :submitted AND t.failCount > 0', params: submitted },
  };
}

export function selectCompletion<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, now = new Date()): SelectQueryBuilder<T> {
  return selectCounters(qb, completionCounters(now));
}

/** The counters with the completion rate, the one derived value. */
export function withCompletionRate(counts: Counts<SafetyCompletionCounter>): SafetyCompletionCounts {
  return { ...counts, completionRate: rate(counts.submitted, counts.targets) };
}

export function toCompletion(raw: Record<string, unknown> | undefined): SafetyCompletionCounts {
  return withCompletionRate(readCounts(raw, completionCounters()));
}

/** Past the deadline (a Shanghai day, inclusive) and not submitted. */
export function isOverdue(deadline: string, status: SafetyTargetStatus, now = new Date()): boolean {
  return status !== SafetyTargetStatus.SUBMITTED && deadline < shanghaiDate(now);
}
