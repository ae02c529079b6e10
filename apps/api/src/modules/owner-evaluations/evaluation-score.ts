import { LOW_STAR_MAX } from '@szpm/contract';

export interface WeightedStar {
  weight: number;
  star: number;
}

/**
 * A record's score in hundredths: Σ weight × star / 5 × 100 over Σ weight, i.e. Σ w·s·2000 / Σ w,
 * rounded once at the end so that means over many records stay exact sums of integers.
 */
export function scoreHundredths(answers: readonly WeightedStar[]): number {
  const weights = answers.reduce((sum, a) => sum + a.weight, 0);
  if (weights <= 0) throw new Error('an evaluation needs at least one weighted item');
  const weighted = answers.reduce((sum, a) => sum + a.weight * a.star, 0);
  return Math.round((weighted * 2000) / weights);
}

/** The record's overall stars: the weighted mean star rounded half up (1–5). */
export function overallStars(answers: readonly WeightedStar[]): number {
  return Math.min(5, Math.max(1, Math.floor(scoreHundredths(answers) / 2000 + 0.5)));
}

export const isLowStar = (star: number): boolean => star <= LOW_STAR_MAX;

/** A mean score (two decimals) from a sum of hundredths over a count; 0 without records. */
export function meanScore(hundredthsSum: number, records: number): number {
  return records > 0 ? Math.round(hundredthsSum / records) / 100 : 0;
}

/** The Shanghai calendar month (YYYY-MM) of an instant. */
export function shanghaiMonth(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}

/** The month `n` months before `month` (YYYY-MM). */
export function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Standard competition ranks ("1224") of subjects already sorted best first for the direction:
 * equal scores share a rank.
 */
export function competitionRanks(scores: readonly number[]): number[] {
  const ranks: number[] = [];
  scores.forEach((score, i) => ranks.push(i > 0 && scores[i - 1] === score ? ranks[i - 1] : i + 1));
  return ranks;
}
