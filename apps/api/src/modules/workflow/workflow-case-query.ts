import { AppException } from '../../common/errors/app.exception';
import { startOfShanghaiDay } from '../../common/http/shanghai-time';
import { SelectQueryBuilder } from 'typeorm';
import { WorkflowCase } from './entities/workflow-case.entity';
import { escapeLike } from '../../common/sql/like';

/** The columns lists need: everything but the (possibly large) payloads. */
const SUMMARY_COLUMNS: ReadonlyArray<keyof WorkflowCase> = [
  'id',
  'businessNo',
  'formType',
  'origin',
  'status',
  'districtId',
  'subjectType',
  'subjectId',
  'subjectName',
  'title',
  'initiatorId',
  'initiatorName',
  'version',
  'createdAt',
  'updatedAt',
  'finishedAt',
];

export function selectSummaryColumns(qb: SelectQueryBuilder<WorkflowCase>, alias: string): SelectQueryBuilder<WorkflowCase> {
  return qb.select(SUMMARY_COLUMNS.map((column) => `${alias}.${column}`));
}

/** 业务单号、标题或评价对象 contains the text. */
export function whereSearch(qb: SelectQueryBuilder<WorkflowCase>, alias: string, search: string | undefined): void {
  if (!search) return;
  qb.andWhere(`(${alias}.businessNo LIKE :search ESCAPE '!' OR ${alias}.title LIKE :search ESCAPE '!' OR ${alias}.subjectName LIKE :search ESCAPE '!')`, {
    search: `%${escapeLike(search)}%`,
  });
}

/** A UTC instant as both dialects compare datetime columns: 'YYYY-MM-DD HH:MM:SS'. */
function sqlUtc(instant: Date): string {
  return instant.toISOString().slice(0, 19).replace('T', ' ');
}

function dayStart(field: string, date: string): Date {
  if (!isCalendarDate(date)) throw AppException.invalidField(field, `${field}不是有效日期`);
  return startOfShanghaiDay(date);
}

function isCalendarDate(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number);
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/** createdAt within Shanghai days [from, to], both inclusive. */
export function whereCreatedBetween(qb: SelectQueryBuilder<WorkflowCase>, alias: string, from: string | undefined, to: string | undefined): void {
  if (from) qb.andWhere(`${alias}.createdAt >= :createdFrom`, { createdFrom: sqlUtc(dayStart('createdFrom', from)) });
  if (to) qb.andWhere(`${alias}.createdAt < :createdBefore`, { createdBefore: sqlUtc(new Date(dayStart('createdTo', to).getTime() + 24 * 3600_000)) });
}
