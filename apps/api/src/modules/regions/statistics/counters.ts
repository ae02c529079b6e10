import { Brackets, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * A counter of a statistic, defined once as a condition over the chapter's rows. The same
 * definition yields the number (an SQL aggregate) and the list behind it (the rows filtered by the
 * condition), so a count and its list cannot disagree.
 */
export interface Counter {
  /** SQL condition over the rows; absent: every row counts */
  when?: string;
  /**
   * absent: the counter counts rows; else a numeric column summed over the matching rows (e.g.
   * failed items per area): its list is then the matching rows with a non-zero value.
   */
  sum?: string;
  /** parameters the condition uses; keep their names unique within the counter set */
  params?: ObjectLiteral;
}

/** A chapter's counters by key; the key is the field name in the answer and the `counter` of a cell list. */
export type CounterSet<K extends string> = Record<K, Counter>;

export type Counts<K extends string> = Record<K, number>;

function aggregate(counter: Counter): string {
  const value = counter.sum ?? '1';
  if (!counter.when) return counter.sum ? `COALESCE(SUM(${value}), 0)` : 'COUNT(*)';
  return `COALESCE(SUM(CASE WHEN ${counter.when} THEN ${value} ELSE 0 END), 0)`;
}

/** Adds one aggregate column per counter (named by its key) to a query. */
export function selectCounters<T extends ObjectLiteral, K extends string>(qb: SelectQueryBuilder<T>, counters: CounterSet<K>): SelectQueryBuilder<T> {
  for (const [key, counter] of Object.entries<Counter>(counters)) {
    qb.addSelect(aggregate(counter), key);
    if (counter.params) qb.setParameters(counter.params);
  }
  return qb;
}

/** The counters of one raw result row (strings from MySQL, numbers from SQLite; absent: 0). */
export function readCounts<K extends string>(raw: Record<string, unknown> | undefined, counters: CounterSet<K>): Counts<K> {
  const counts = {} as Counts<K>;
  for (const key of Object.keys(counters) as K[]) counts[key] = Number(raw?.[key] ?? 0);
  return counts;
}

export function addCounts<K extends string>(rows: Array<Counts<K>>, counters: CounterSet<K>): Counts<K> {
  const total = readCounts(undefined, counters);
  for (const row of rows) for (const key of Object.keys(counters) as K[]) total[key] += row[key];
  return total;
}

/** Restricts a query to the rows behind one counter: its condition and, for a sum, a non-zero value. */
export function whereCounter<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, counter: Counter): SelectQueryBuilder<T> {
  if (counter.when) qb.andWhere(new Brackets((w) => w.where(counter.when!)));
  if (counter.sum) qb.andWhere(`${counter.sum} <> 0`);
  if (counter.params) qb.setParameters(counter.params);
  return qb;
}

/** Counts one query's rows by every counter in a single aggregate query. */
export async function countAll<T extends ObjectLiteral, K extends string>(qb: SelectQueryBuilder<T>, counters: CounterSet<K>): Promise<Counts<K>> {
  const raw = await selectCounters(qb.select([]), counters).getRawOne<Record<string, unknown>>();
  return readCounts(raw, counters);
}
