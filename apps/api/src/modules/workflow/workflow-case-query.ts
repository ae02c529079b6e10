import { AppException } from '../../common/errors/app.exception';
import { startOfShanghaiDay } from '../../common/http/shanghai-time';
import { WorkflowAction } from '@szpm/contract';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { WorkflowActionRecord } from './entities/workflow-action-record.entity';
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

/** 退回上一级 / 退回补录: the form goes back to be corrected (or supplemented) and submitted again. */
export const RETURN_ACTIONS: readonly WorkflowAction[] = [WorkflowAction.RETURN_TO_PREVIOUS, WorkflowAction.RETURN_FOR_SUPPLEMENT];

/** Whether a form waits for correction: its latest action, edits aside (an edit while correcting does not end the return), sent it back. */
export function isReturned(records: ReadonlyArray<Pick<WorkflowActionRecord, 'action'>>): boolean {
  const latest = [...records].reverse().find((r) => r.action !== WorkflowAction.EDIT);
  return latest !== undefined && RETURN_ACTIONS.includes(latest.action);
}

/**
 * The ids among `caseIds` (a list page) that wait for correction, as `isReturned` decides, in one query
 * over workflow_actions' unique (caseId, seq) index rather than one per case.
 */
export async function returnedCaseIds(manager: EntityManager, caseIds: readonly number[]): Promise<Set<number>> {
  if (caseIds.length === 0) return new Set();
  const qb = manager.getRepository(WorkflowActionRecord).createQueryBuilder('a');
  const latestSeq = qb
    .subQuery()
    .select('MAX(b.seq)')
    .from(WorkflowActionRecord, 'b')
    .where('b.caseId = a.caseId')
    .andWhere('b.action != :edit')
    .getQuery();
  const rows: Array<{ caseId: number | string }> = await qb
    .select('a.caseId', 'caseId')
    .where('a.caseId IN (:...caseIds)', { caseIds })
    .andWhere(`a.seq = ${latestSeq}`, { edit: WorkflowAction.EDIT })
    .andWhere('a.action IN (:...returnActions)', { returnActions: RETURN_ACTIONS })
    .getRawMany();
  return new Set(rows.map((row) => Number(row.caseId)));
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
