import { DisputeDisposal, DisputeLedger, DisputeOutcome, DisputeSortKey } from '@szpm/contract';
import type { DisputeStatus } from '@szpm/contract';
import { containsCondition, SqlCondition } from '../../common/search/text-search';
import type { SqlDialect } from '../../common/sql/insert-rows';
import { sqlInstant } from '../../common/sql/datetime';
import { escapeLike } from '../../common/sql/like';
import { startOfShanghaiDay } from '../../common/http/shanghai-time';
import { PROPERTY_AREA_NAMES } from '../property-areas/areas/area-search';

/** A ledger's filter once the scoped door has spoken. */
export interface DisputeLedgerFilter {
  /** the door's plainCondition on `d` (null for city accounts) */
  scope: SqlCondition | null;
  /** street offices see only the cases passed to them */
  transferredOnly: boolean;
  districtId: number | null;
  ledger: DisputeLedger;
  propertyAreaName?: string;
  disposal?: DisputeDisposal;
  outcome?: DisputeOutcome;
  handlingNote?: string;
  categoryId?: number;
  streetId?: number;
  communityId?: number;
  status?: DisputeStatus;
  overdue?: boolean;
  followUp?: boolean;
  enteredFrom?: string;
  enteredTo?: string;
  deadlineFrom?: string;
  deadlineTo?: string;
  closedFrom?: string;
  closedTo?: string;
  sort: DisputeSortKey;
  order: 'ASC' | 'DESC';
  /** the Shanghai date overdue is counted against */
  today: string;
}


function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The WHERE of a ledger filter on `d` (dispute_cases), with its positional parameters. */
export function ledgerCondition(filter: DisputeLedgerFilter, dialect: SqlDialect): SqlCondition {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    params.push(...values);
  };
  const instant = (date: string) => sqlInstant(startOfShanghaiDay(date), dialect);
  if (filter.scope) add(filter.scope.sql, ...filter.scope.params);
  if (filter.transferredOnly) add('d.transferCount > 0');
  if (filter.districtId !== null) add('d.districtId = ?', filter.districtId);
  if (filter.ledger === DisputeLedger.UNFINISHED) add('d.closed = ?', false);
  if (filter.ledger === DisputeLedger.FINISHED) add('d.closed = ?', true);
  if (filter.propertyAreaName) {
    const names = containsCondition(PROPERTY_AREA_NAMES, 'a.name', filter.propertyAreaName);
    const district = filter.districtId ?? filter.scope?.params[0] ?? null;
    // eslint-disable-next-line szpm/no-raw-scoped-access -- only the ids of areas whose name matches, within the district the door already fixed on d
    add(`d.propertyAreaId IN (SELECT a.id FROM property_areas a WHERE ${district !== null ? 'a.districtId = ? AND ' : ''}${names.sql})`, ...(district !== null ? [district] : []), ...names.params);
  }
  if (filter.disposal) add('d.disposal = ?', filter.disposal);
  if (filter.outcome) add('d.outcome = ?', filter.outcome);
  if (filter.handlingNote) add(`d.handlingNote LIKE ? ESCAPE '!'`, `%${escapeLike(filter.handlingNote)}%`);
  if (filter.categoryId) add('d.categoryId = ?', filter.categoryId);
  if (filter.streetId) add('d.streetId = ?', filter.streetId);
  if (filter.communityId) add('d.communityId = ?', filter.communityId);
  if (filter.status) add('d.status = ?', filter.status);
  if (filter.overdue === true) add('d.closed = ? AND d.deadline < ?', false, filter.today);
  if (filter.overdue === false) add('(d.closed = ? OR d.deadline >= ?)', true, filter.today);
  if (filter.followUp !== undefined) add('d.followUp = ?', filter.followUp);
  if (filter.enteredFrom) add('d.enteredAt >= ?', instant(filter.enteredFrom));
  if (filter.enteredTo) add('d.enteredAt < ?', instant(nextDay(filter.enteredTo)));
  if (filter.deadlineFrom) add('d.deadline >= ?', filter.deadlineFrom);
  if (filter.deadlineTo) add('d.deadline <= ?', filter.deadlineTo);
  if (filter.closedFrom) add('d.closedAt >= ?', instant(filter.closedFrom));
  if (filter.closedTo) add('d.closedAt < ?', instant(nextDay(filter.closedTo)));
  return { sql: where.length ? where.join(' AND ') : '1 = 1', params };
}

export const LEDGER_ROW_COLUMNS = [
  'id',
  'businessNo',
  'status',
  'districtId',
  'streetId',
  'communityId',
  'propertyAreaId',
  'categoryId',
  'summary',
  'peopleCount',
  'source',
  'urgency',
  'deadline',
  'closed',
  'withStreet',
  'transferCount',
  'disposal',
  'outcome',
  'repliedAt',
  'handlingNote',
  'followUp',
  'sendBackCount',
  'enteredAt',
  'enteredByName',
  'closedAt',
  'importBatchId',
  'version',
] as const;

export interface LedgerQueries {
  /** total and overdue of the whole filtered ledger */
  count: SqlCondition;
  ids: SqlCondition;
  /** the page's rows with their names */
  rows: (ids: readonly number[]) => SqlCondition;
}

/**
 * A ledger as plain SQL (the same the benchmark's raw side runs): the count with the overdue count,
 * the page's ids from the ledger's indexes, then the page's rows by primary key with the region,
 * area, category and import-batch names.
 */
export function ledgerQueries(filter: DisputeLedgerFilter, page: { skip: number; take: number }, dialect: SqlDialect): LedgerQueries {
  const condition = ledgerCondition(filter, dialect);
  const direction = filter.order;
  const sortColumn = `d.${filter.sort}`;
  // nulls (not closed yet) last in either direction
  const order = filter.sort === DisputeSortKey.CLOSED_AT ? `${sortColumn} IS NULL, ${sortColumn} ${direction}, d.id ${direction}` : `${sortColumn} ${direction}, d.id ${direction}`;
  // eslint-disable-next-line szpm/no-raw-scoped-access -- the condition carries the door's plainCondition (filter.scope)
  const from = 'FROM dispute_cases d';
  return {
    count: { sql: `SELECT COUNT(*) AS total, SUM(CASE WHEN d.closed = ? AND d.deadline < ? THEN 1 ELSE 0 END) AS overdue ${from} WHERE ${condition.sql}`, params: [false, filter.today, ...condition.params] },
    ids: { sql: `SELECT d.id AS id ${from} WHERE ${condition.sql} ORDER BY ${order} LIMIT ${page.take} OFFSET ${page.skip}`, params: condition.params },
    rows: ledgerRows,
  };
}

/** The rows of a list of case ids with the names of their regions, areas, categories and import batches (any order). */
export function ledgerRows(ids: readonly number[]): SqlCondition {
  return {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the rows of ids the caller has already scoped, with the names of their regions, areas, categories and batches
    sql: `SELECT ${LEDGER_ROW_COLUMNS.map((c) => `d.${c}`).join(', ')}, dr.name AS districtName, sr.name AS streetName, cr.name AS communityName, a.name AS propertyAreaName, k.name AS categoryName, b.batchNo AS importBatchNo FROM dispute_cases d LEFT JOIN regions dr ON dr.id = d.districtId LEFT JOIN regions sr ON sr.id = d.streetId LEFT JOIN regions cr ON cr.id = d.communityId LEFT JOIN property_areas a ON a.id = d.propertyAreaId LEFT JOIN dispute_categories k ON k.id = d.categoryId LEFT JOIN dispute_import_batches b ON b.id = d.importBatchId WHERE d.id IN (${ids.map(() => '?').join(', ')})`,
    params: [...ids],
  };
}
