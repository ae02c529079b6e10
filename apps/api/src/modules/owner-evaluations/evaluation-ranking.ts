import { CompanyScoreAggregation, RankingSubject } from '@szpm/contract';
import { competitionRanks } from './evaluation-score';

/** One area's month of one target, as the ranking reads it. */
export interface AreaMonthSums {
  propertyAreaId: number;
  companyId: number | null;
  records: number;
  scoreHundredthsSum: number;
}

export interface RankedSubject {
  subjectId: number;
  rank: number;
  /** hundredths of a point (exact mean of integer hundredths, rounded once) */
  scoreHundredths: number;
  records: number;
}

export interface RankingRules {
  minSample: number;
  companyScore: CompanyScoreAggregation;
}

const mean = (sum: number, n: number) => Math.round(sum / n);

/**
 * The month's ranking of one kind of subject, best first for `order`: projects and committees are
 * areas; a company's score is the mean of its projects' records (RECORDS) or of its ranked
 * projects' scores (PROJECTS). Subjects below the minimum sample are not ranked. Equal scores
 * share a rank; among them more records come first, then the lower id (a stable order).
 */
export function rankSubjects(rows: readonly AreaMonthSums[], subject: RankingSubject, order: 'desc' | 'asc', rules: RankingRules): RankedSubject[] {
  let subjects: Array<Omit<RankedSubject, 'rank'>>;
  if (subject !== RankingSubject.COMPANY) {
    subjects = rows.filter((r) => r.records >= rules.minSample).map((r) => ({ subjectId: r.propertyAreaId, scoreHundredths: mean(r.scoreHundredthsSum, r.records), records: r.records }));
  } else {
    const byCompany = new Map<number, { sum: number; records: number; projectScores: number[] }>();
    for (const r of rows) {
      if (r.companyId === null || r.records === 0) continue;
      const c = byCompany.get(r.companyId) ?? { sum: 0, records: 0, projectScores: [] };
      c.sum += r.scoreHundredthsSum;
      c.records += r.records;
      if (r.records >= rules.minSample) c.projectScores.push(mean(r.scoreHundredthsSum, r.records));
      byCompany.set(r.companyId, c);
    }
    subjects = [...byCompany]
      .filter(([, c]) => c.records >= rules.minSample && (rules.companyScore === CompanyScoreAggregation.RECORDS || c.projectScores.length > 0))
      .map(([companyId, c]) => ({
        subjectId: companyId,
        scoreHundredths: rules.companyScore === CompanyScoreAggregation.RECORDS ? mean(c.sum, c.records) : mean(c.projectScores.reduce((a, b) => a + b, 0), c.projectScores.length),
        records: c.records,
      }));
  }
  const sign = order === 'desc' ? -1 : 1;
  subjects.sort((a, b) => sign * (a.scoreHundredths - b.scoreHundredths) || b.records - a.records || a.subjectId - b.subjectId);
  const ranks = competitionRanks(subjects.map((s) => s.scoreHundredths));
  return subjects.map((s, i) => ({ ...s, rank: ranks[i] }));
}

/** 全市平均分: every record of the month, ranked or not (hundredths). */
export function cityAverage(rows: readonly AreaMonthSums[]): number {
  const records = rows.reduce((n, r) => n + r.records, 0);
  return records ? mean(rows.reduce((s, r) => s + r.scoreHundredthsSum, 0), records) : 0;
}

/** The subjects ranked within the first `top` places in every month given (rank ≤ top, ties included). */
export function inTopEveryMonth(rankingsByMonth: ReadonlyArray<readonly RankedSubject[]>, top: number): Map<number, number[]> {
  const streak = new Map<number, number[]>();
  rankingsByMonth.forEach((ranking, monthIndex) => {
    for (const s of ranking) {
      if (s.rank > top) break;
      const ranks = streak.get(s.subjectId);
      if (monthIndex === 0) streak.set(s.subjectId, [s.rank]);
      else if (ranks && ranks.length === monthIndex) ranks.push(s.rank);
    }
  });
  for (const [id, ranks] of streak) if (ranks.length !== rankingsByMonth.length) streak.delete(id);
  return streak;
}
