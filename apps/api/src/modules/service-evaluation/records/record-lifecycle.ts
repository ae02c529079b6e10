import { EvaluationRecordStatus, ServiceEvaluationErrorCode } from '@szpm/contract';
import { EntityManager, EntityTarget, IsNull } from 'typeorm';
import { AppException } from '../../../common/errors/app.exception';
import { BadRecord } from '../entities/bad-record.entity';
import { RiskListEntry } from '../entities/risk-list-entry.entity';
import { WithdrawalPayload } from '../dto/forms.dto';
import { ServiceEvaluationException } from '../service-evaluation.exception';
import type { Prepared } from './bad-records.service';

/** Bad records and risk-list entries share the determine → revoke / restore lifecycle. */
export type WithdrawableRecord = BadRecord | RiskListEntry;
export type WithdrawableEntity = EntityTarget<BadRecord> | EntityTarget<RiskListEntry>;

/** The content of a revocation or restoration form on an effective record, and what lists show of it. */
export function withdrawalOf(record: WithdrawableRecord, reason: string): Prepared<WithdrawalPayload> {
  if (record.status !== EvaluationRecordStatus.EFFECTIVE) throw new ServiceEvaluationException(ServiceEvaluationErrorCode.RECORD_NOT_EFFECTIVE);
  const { subjectType, subjectId, subjectName, itemName, factDate } = record;
  return {
    payload: { recordId: record.id, reason, subjectType, subjectId, subjectName, itemName, factDate },
    districtId: record.districtId,
    summary: { title: `${subjectName}「${itemName}」${factDate}`, subjectType, subjectId, subjectName },
  };
}

/**
 * Marks the record as having a running revocation or restoration form; a second form on the
 * same record is refused until the first is approved or rejected.
 */
export async function lockForForm(manager: EntityManager, entity: WithdrawableEntity, recordId: number, caseId: number): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(entity as EntityTarget<BadRecord>)
    .set({ pendingCaseId: caseId })
    .where({ id: recordId, pendingCaseId: IsNull(), status: EvaluationRecordStatus.EFFECTIVE })
    .execute();
  if (result.affected === 1) return;
  const record = await manager.getRepository(entity as EntityTarget<BadRecord>).findOne({ where: { id: recordId } });
  if (!record) throw AppException.notFound('信息');
  if (record.pendingCaseId === caseId) return;
  if (record.status !== EvaluationRecordStatus.EFFECTIVE) throw new ServiceEvaluationException(ServiceEvaluationErrorCode.RECORD_NOT_EFFECTIVE);
  throw new ServiceEvaluationException(ServiceEvaluationErrorCode.RECORD_HAS_RUNNING_FORM);
}

/** Releases every record the form held (a form edited to another record held the first one). */
export async function releaseForForm(manager: EntityManager, entity: WithdrawableEntity, caseId: number): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(entity as EntityTarget<BadRecord>)
    .set({ pendingCaseId: null })
    .where({ pendingCaseId: caseId })
    .execute();
}

/**
 * Applies an approved revocation (已撤销) or restoration (已恢复): either way the record leaves
 * publicity. Returns the record as it was, for the score recompute.
 */
export async function withdraw(
  manager: EntityManager,
  entity: WithdrawableEntity,
  recordId: number,
  caseId: number,
  to: EvaluationRecordStatus.REVOKED | EvaluationRecordStatus.RESTORED,
  reason: string,
): Promise<WithdrawableRecord> {
  await releaseForForm(manager, entity, caseId);
  // take the record only if it is still effective and no other form holds it
  await lockForForm(manager, entity, recordId, caseId);
  const repository = manager.getRepository(entity as EntityTarget<BadRecord>);
  const record = await repository.findOneOrFail({ where: { id: recordId } });
  const now = new Date();
  const changes: Partial<BadRecord> =
    to === EvaluationRecordStatus.REVOKED
      ? { status: to, published: false, pendingCaseId: null, revocationCaseId: caseId, revocationReason: reason, revokedAt: now }
      : { status: to, published: false, pendingCaseId: null, restorationCaseId: caseId, restorationReason: reason, restoredAt: now };
  await repository.update({ id: recordId }, changes);
  return record;
}
