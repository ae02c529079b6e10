import {
  BadRecordListItem,
  EVALUATION_RECORD_STATUS_LABELS,
  EVALUATION_SUBJECT_TYPE_LABELS,
  EvaluationRecordStatus,
  EvaluationSubjectType,
  PUBLICITY_STATE_LABELS,
} from '@szpm/contract';
import { containsCondition, SqlCondition } from '../../../common/search/text-search';
import type { SqlDialect } from '../../../common/sql/insert-rows';
import { sqlDateTime } from '../../../common/sql/datetime';
import { escapeLike } from '../../../common/sql/like';
import { BAD_RECORD_NAME_IN_DISTRICT_INDEX, BAD_RECORD_NAME_INDEX } from '../entities/bad-record.entity';
import { publicityStateOf } from './publicity-period';

/** The n-gram index domain of bad records' subject names. */
export const BAD_RECORD_NAMES = 'bad-record-subject';

/** 不良信息汇总's filter once the scoped door has spoken. */
export interface BadRecordSearchFilter {
  /** the door's condition on `r` (DistrictScope plainCondition): null for city accounts */
  scope: SqlCondition | null;
  /** a district a city account asked for (district accounts' district is their scope) */
  districtId: number | null;
  subjectType?: EvaluationSubjectType;
  subjectId?: number;
  search?: string;
  itemId?: number;
  status?: EvaluationRecordStatus;
  factDateFrom?: string;
  factDateTo?: string;
  documentNo?: string;
  page: number;
  pageSize: number;
  /** keyset: the page after this row (`<factDate>_<id>` of the last row shown), instead of an offset */
  after?: { factDate: string; id: number };
}

/** The columns of a list row (no description text), as plain SQL reads them. */
export const BAD_RECORD_LIST_COLUMNS = [
  'id',
  'subjectType',
  'subjectId',
  'subjectName',
  'districtId',
  'itemId',
  'itemName',
  'circumstanceDescription',
  'level',
  'points',
  'factDate',
  'documentNo',
  'status',
  'published',
  'publicityStart',
  'publicityEnd',
  'createdAt',
] as const;

export type BadRecordListRow = Record<(typeof BAD_RECORD_LIST_COLUMNS)[number], unknown>;

export interface BadRecordSearchQueries {
  count: SqlCondition;
  ids: SqlCondition;
  rows: (ids: readonly number[]) => SqlCondition;
}

/**
 * 不良信息汇总 as plain SQL, the same on both dialects but for MySQL's index hint: the count and the
 * page's ids (both answered from a covering index), then the page's rows by primary key. The name
 * search goes through the n-gram index of subject names, not a '%…%' scan.
 */
export function badRecordSearchQueries(filter: BadRecordSearchFilter, dialect: SqlDialect): BadRecordSearchQueries {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (filter.scope) add(filter.scope.sql, ...filter.scope.params);
  if (filter.districtId !== null) add('r.districtId = ?', filter.districtId);
  if (filter.subjectType) add('r.subjectType = ?', filter.subjectType);
  if (filter.subjectId) add('r.subjectId = ?', filter.subjectId);
  if (filter.search) {
    const names = containsCondition(BAD_RECORD_NAMES, 'r.subjectName', filter.search);
    add(names.sql, ...names.params);
  }
  if (filter.itemId) add('r.itemId = ?', filter.itemId);
  if (filter.status) add('r.status = ?', filter.status);
  if (filter.factDateFrom) add('r.factDate >= ?', filter.factDateFrom);
  if (filter.factDateTo) add('r.factDate <= ?', filter.factDateTo);
  if (filter.documentNo) add(`r.documentNo LIKE ? ESCAPE '!'`, `%${escapeLike(filter.documentNo)}%`);
  const filtered = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  // MySQL would walk the fact-date index testing every row against the name set; the name indexes
  // look the matching names up instead
  const hint = filter.search && dialect === 'mysql' ? ` USE INDEX (${filter.scope || filter.districtId !== null ? BAD_RECORD_NAME_IN_DISTRICT_INDEX : BAD_RECORD_NAME_INDEX})` : '';
  // eslint-disable-next-line szpm/no-raw-scoped-access -- the caller puts the door's plainCondition in filter.scope
  const from = `FROM evaluation_bad_records r${hint}`;

  const page = filter.after
    ? {
        sql: `${filtered ? `${filtered} AND` : ' WHERE'} (r.factDate < ? OR (r.factDate = ? AND r.id < ?)) ORDER BY r.factDate DESC, r.id DESC LIMIT ${filter.pageSize}`,
        params: [...params, filter.after.factDate, filter.after.factDate, filter.after.id],
      }
    : { sql: `${filtered} ORDER BY r.factDate DESC, r.id DESC LIMIT ${filter.pageSize}${filter.page > 1 ? ` OFFSET ${(filter.page - 1) * filter.pageSize}` : ''}`, params };
  return {
    count: { sql: `SELECT COUNT(*) AS n ${from}${filtered}`, params },
    ids: { sql: `SELECT r.id AS id ${from}${page.sql}`, params: page.params },
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the rows of the page of ids the scoped query above returned
    rows: (ids) => ({ sql: `SELECT ${BAD_RECORD_LIST_COLUMNS.map((c) => `r.${c}`).join(', ')} FROM evaluation_bad_records r WHERE r.id IN (${ids.map(() => '?').join(', ')})`, params: [...ids] }),
  };
}

/** The key of a count: the filter without its page. */
export function badRecordCountKey(filter: BadRecordSearchFilter): string {
  const { page: _page, pageSize: _pageSize, after: _after, ...rest } = filter;
  return JSON.stringify(rest);
}

/** `<factDate>_<id>` of a row: where the next keyset page starts. */
export function badRecordCursor(row: { factDate: string; id: number }): string {
  return `${row.factDate}_${row.id}`;
}

/** What a cursor looks like (the query DTO refuses anything else, naming `cursor`). */
export const BAD_RECORD_CURSOR = /^(\d{4}-\d{2}-\d{2})_([1-9]\d{0,9})$/;

export function parseBadRecordCursor(cursor: string): { factDate: string; id: number } {
  const match = BAD_RECORD_CURSOR.exec(cursor);
  if (!match) throw new Error(`not a bad-record cursor: ${cursor}`);
  return { factDate: match[1], id: Number(match[2]) };
}

/** A list row as the API answers it. */
export function badRecordListItem(r: BadRecordListRow, districtNames: ReadonlyMap<number, string>, today: string): BadRecordListItem {
  const status = r.status as EvaluationRecordStatus;
  const subjectType = r.subjectType as EvaluationSubjectType;
  const publicityEnd = String(r.publicityEnd);
  const publicityState = publicityStateOf({ status, published: Boolean(Number(r.published)), publicityEnd }, today);
  return {
    id: Number(r.id),
    subjectType,
    subjectTypeLabel: EVALUATION_SUBJECT_TYPE_LABELS[subjectType],
    subjectId: Number(r.subjectId),
    subjectName: String(r.subjectName),
    districtId: Number(r.districtId),
    districtName: districtNames.get(Number(r.districtId)) ?? null,
    itemId: Number(r.itemId),
    itemName: String(r.itemName),
    circumstanceDescription: String(r.circumstanceDescription),
    level: Number(r.level),
    points: Number(r.points),
    factDate: String(r.factDate),
    documentNo: String(r.documentNo),
    status,
    statusLabel: EVALUATION_RECORD_STATUS_LABELS[status],
    publicityState,
    publicityStateLabel: PUBLICITY_STATE_LABELS[publicityState],
    publicityStart: String(r.publicityStart),
    publicityEnd,
    createdAt: sqlDateTime(r.createdAt).toISOString(),
  };
}
