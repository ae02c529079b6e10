/** A column of a statistics table: a count (tapping it may open the rows behind it), a rate, or a score (平均分). */
export type StatsColumnKind = 'count' | 'rate' | 'score';

/** Numeric keys of a counters type (the keys a column may show). */
export type NumericKey<C> = { [K in keyof C]-?: C[K] extends number ? K : never }[keyof C] & string;

/** One number of the table: the row it is in (null for the 合计 row), the counter and its value. */
export interface StatsCell<R, C = R> {
  row: R | null;
  key: NumericKey<C>;
  value: number;
}

export interface StatsColumn<R, C = R> {
  key: NumericKey<C>;
  label: string;
  kind: StatsColumnKind;
  /** tapping a number opens the list behind it; without it the numbers of the column are plain */
  onOpenList?: (cell: StatsCell<R, C>) => void;
}

/**
 * How a number is shown: counts as they are, rates (percentages, `rate()` of the contract: 75 means
 * 75 %) always with two decimals.
 */
export function statValueText(kind: StatsColumnKind, value: number): string {
  if (kind === 'rate') return `${(Number.isFinite(value) ? value : 0).toFixed(2)}%`;
  if (kind === 'score') return (Number.isFinite(value) ? value : 0).toFixed(2);
  return String(value);
}

/** Whether a number is a link: its column opens lists, it is not a rate, and there is something to list. */
export function opensList<R, C>(column: StatsColumn<R, C>, value: number, isTotal: boolean, totalOpensList: boolean): boolean {
  if (!column.onOpenList || column.kind !== 'count' || value === 0) return false;
  return !isTotal || totalOpensList;
}

/** A 合计 row summed on the client, for tables whose rows are disjoint and whose api sends no total. */
export function sumCounts<C>(rows: C[], keys: Array<NumericKey<C>>): Pick<C, NumericKey<C>> {
  const total = {} as Record<string, number>;
  for (const key of keys) total[key] = rows.reduce((sum, row) => sum + (row[key] as unknown as number), 0);
  return total as Pick<C, NumericKey<C>>;
}

/** A row whose every count is 0 (rates of such a row are 0 / 0 too): nothing to see in it. */
export function isEmptyRow<R, C>(columns: Array<StatsColumn<R, C>>, row: C): boolean {
  return columns.filter((c) => c.kind === 'count').every((c) => !(row[c.key] as unknown as number));
}

/** The rows to show: all of them, or only those with a number when empty rows are folded away. */
export function visibleRows<R extends C, C>(rows: R[], columns: Array<StatsColumn<R, C>>, showAll: boolean): { shown: R[]; hidden: number } {
  if (showAll) return { shown: rows, hidden: 0 };
  const shown = rows.filter((row) => !isEmptyRow(columns, row));
  return { shown, hidden: rows.length - shown.length };
}
