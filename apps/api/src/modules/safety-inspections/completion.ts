import { SafetyCompletionCounts, SafetyTargetStatus } from '@szpm/contract';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { shanghaiDate } from '../../common/http/shanghai-time';

/**
 * The completion counters every statistic of chapter 16 shows, as SQL aggregates over targets `t`
 * joined with their inspection `i`. Problems count only submitted results: a draft may still change.
 */
export function selectCompletion<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, now = new Date()): SelectQueryBuilder<T> {
  return qb
    .addSelect('COUNT(*)', 'targets')
    .addSelect('SUM(CASE WHEN t.status = :submitted THEN 1 ELSE 0 END)', 'submitted')
    .addSelect('SUM(CASE WHEN t.status <> :submitted AND i.deadline < :today THEN 1 ELSE 0 END)', 'overdue')
    .addSelect('SUM(CASE WHEN t.status = :submitted THEN t.failCount ELSE 0 END)', 'problems')
    .addSelect('SUM(CASE WHEN t.status = :submitted AND t.failCount > 0 THEN 1 ELSE 0 END)', 'areasWithProblems')
    .setParameter('submitted', SafetyTargetStatus.SUBMITTED)
    .setParameter('today', shanghaiDate(now));
}

export function toCompletion(raw: Record<string, unknown> | undefined): SafetyCompletionCounts {
  const n = (key: string) => Number(raw?.[key] ?? 0);
  const targets = n('targets');
  const submitted = n('submitted');
  return {
    targets,
    submitted,
    outstanding: targets - submitted,
    overdue: n('overdue'),
    problems: n('problems'),
    areasWithProblems: n('areasWithProblems'),
    completionRate: targets ? Math.round((submitted / targets) * 10000) / 10000 : 0,
  };
}

export function sumCompletion(rows: SafetyCompletionCounts[]): SafetyCompletionCounts {
  const total = rows.reduce(
    (sum, r) => ({
      targets: sum.targets + r.targets,
      submitted: sum.submitted + r.submitted,
      overdue: sum.overdue + r.overdue,
      problems: sum.problems + r.problems,
      areasWithProblems: sum.areasWithProblems + r.areasWithProblems,
    }),
    { targets: 0, submitted: 0, overdue: 0, problems: 0, areasWithProblems: 0 },
  );
  return toCompletion(total);
}

/** Past the deadline (a Shanghai day, inclusive) and not submitted. */
export function isOverdue(deadline: string, status: SafetyTargetStatus, now = new Date()): boolean {
  return status !== SafetyTargetStatus.SUBMITTED && deadline < shanghaiDate(now);
}
