import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  AttachmentErrorCode,
  SAFETY_CHECK_KIND_LABELS,
  SAFETY_TARGET_STATUS_LABELS,
  SafetyCheckKind,
  SafetyCheckOutcome,
  SafetyInspectionErrorCode,
  SafetyTargetForm,
} from '@szpm/contract';
import { Readable } from 'node:stream';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { Actor } from '../../../access/actor';
import { AppException } from '../../../common/errors/app.exception';
import { PropertyArea } from '../../regions/entities/property-area.entity';
import { Attachment } from '../../workflow/attachments/attachment.entity';
import { ATTACHMENT_STORAGE, AttachmentStorage } from '../../workflow/attachments/attachment-storage';
import { toAttachmentRef } from '../../workflow/attachments/attachments.service';
import { WorkflowException } from '../../workflow/workflow.exception';
import { isOverdue } from '../completion';
import { ResultEntryDto } from '../dto/inspection.dto';
import { SafetyInspection } from '../entities/safety-inspection.entity';
import { SafetyInspectionItem } from '../entities/safety-inspection-item.entity';
import { SafetyInspectionPhoto } from '../entities/safety-inspection-photo.entity';
import { SafetyInspectionResult } from '../entities/safety-inspection-result.entity';
import { SafetyInspectionTarget } from '../entities/safety-inspection-target.entity';
import { SafetyInspectionException } from '../safety-inspections.exception';

export interface OutcomeCounts {
  passCount: number;
  failCount: number;
  notApplicableCount: number;
}

/**
 * One property area's results: the form as the project manager fills it and the officers read
 * it, writing answers and photos, and the checks a submission must pass.
 */
@Injectable()
export class TargetFormsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Attachment) private readonly attachments: Repository<Attachment>,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
  ) {}

  async form(targetId: number, manager: EntityManager = this.dataSource.manager): Promise<SafetyTargetForm> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- callers check the target first (tasks: the caller's own via mine(); officers: targetOf() through the door)
    const target = await manager.findOneOrFail(SafetyInspectionTarget, { where: { id: targetId } });
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the inspection of a target the caller has checked
    const inspection = await manager.findOneOrFail(SafetyInspection, { where: { id: target.inspectionId } });
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the area name of a target the caller has checked
    const area = await manager.findOne(PropertyArea, { select: { id: true, name: true }, where: { id: target.propertyAreaId } });
    const items = await this.items(manager, inspection.id);
    const results = await manager.find(SafetyInspectionResult, { where: { targetId } });
    const photos = await manager.find(SafetyInspectionPhoto, { where: { targetId }, order: { id: 'ASC' } });
    const files = photos.length ? await manager.find(Attachment, { where: { id: In(photos.map((p) => p.attachmentId)) } }) : [];
    const indicators: SafetyTargetForm['indicators'] = [];
    for (const item of items) {
      let group = indicators[indicators.length - 1];
      if (!group || group.name !== item.indicatorName) indicators.push((group = { name: item.indicatorName, items: [] }));
      const result = results.find((r) => r.itemId === item.id);
      group.items.push({
        id: item.id,
        content: item.content,
        facility: item.facility,
        result: {
          itemId: item.id,
          outcome: result?.outcome ?? null,
          note: result?.note ?? null,
          photos: photos
            .filter((p) => p.itemId === item.id)
            .map((p) => files.find((f) => f.id === p.attachmentId))
            .filter((f): f is Attachment => Boolean(f))
            .map(toAttachmentRef),
        },
      });
    }
    return {
      targetId: target.id,
      inspectionId: inspection.id,
      title: inspection.title,
      kind: inspection.kind,
      kindLabel: SAFETY_CHECK_KIND_LABELS[inspection.kind as SafetyCheckKind],
      instructions: inspection.instructions,
      deadline: inspection.deadline,
      overdue: isOverdue(inspection.deadline, target.status),
      propertyAreaId: target.propertyAreaId,
      propertyAreaName: area?.name ?? '',
      status: target.status,
      statusLabel: SAFETY_TARGET_STATUS_LABELS[target.status],
      passCount: target.passCount,
      failCount: target.failCount,
      notApplicableCount: target.notApplicableCount,
      savedAt: target.savedAt ? target.savedAt.toISOString() : null,
      submittedAt: target.submittedAt ? target.submittedAt.toISOString() : null,
      submittedByName: target.submittedByName,
      indicators,
    };
  }

  items(manager: EntityManager, inspectionId: number): Promise<SafetyInspectionItem[]> {
    return manager.find(SafetyInspectionItem, { where: { inspectionId }, order: { indicatorOrder: 'ASC', sortOrder: 'ASC', id: 'ASC' } });
  }

  /** Writes answers (and, where given, the item's photos) of a target; the caller's transaction decides the status. */
  async write(manager: EntityManager, actor: Actor, target: SafetyInspectionTarget, entries: ResultEntryDto[]): Promise<OutcomeCounts> {
    const items = await this.items(manager, target.inspectionId);
    const itemIds = new Set(items.map((i) => i.id));
    const seen = new Set<number>();
    entries.forEach((entry, index) => {
      if (!itemIds.has(entry.itemId)) throw new SafetyInspectionException(SafetyInspectionErrorCode.ITEM_NOT_IN_INSPECTION, { field: `results.${index}.itemId` });
      if (seen.has(entry.itemId)) throw AppException.invalidField(`results.${index}.itemId`, `检查项${entry.itemId}重复填写`);
      seen.add(entry.itemId);
    });
    const existing = await manager.find(SafetyInspectionResult, { where: { targetId: target.id, itemId: In([...seen]) } });
    for (const entry of entries) {
      const note = entry.note?.trim() || null;
      const current = existing.find((r) => r.itemId === entry.itemId);
      if (current) await manager.update(SafetyInspectionResult, { id: current.id }, { outcome: entry.outcome, note });
      else await manager.insert(SafetyInspectionResult, { targetId: target.id, itemId: entry.itemId, outcome: entry.outcome, note });
    }
    for (const [index, entry] of entries.entries()) {
      if (entry.photoAttachmentIds) await this.replacePhotos(manager, actor, target.id, entry.itemId, entry.photoAttachmentIds, `results.${index}.photoAttachmentIds`);
    }
    return this.counts(manager, target.id);
  }

  /** Every item answered and every failed item explained, or the 400 that says which are not. */
  async assertComplete(manager: EntityManager, target: SafetyInspectionTarget): Promise<void> {
    const items = await this.items(manager, target.inspectionId);
    const results = await manager.find(SafetyInspectionResult, { where: { targetId: target.id } });
    const missing = items.filter((item) => !results.some((r) => r.itemId === item.id));
    if (missing.length) {
      throw new SafetyInspectionException(SafetyInspectionErrorCode.RESULTS_INCOMPLETE, {
        message: `还有${missing.length}个检查项未填写结果：${missing.slice(0, 3).map((i) => i.content).join('；')}${missing.length > 3 ? '等' : ''}`,
      });
    }
    const unexplained = items.filter((item) => results.some((r) => r.itemId === item.id && r.outcome === SafetyCheckOutcome.FAIL && !r.note));
    if (unexplained.length) {
      throw new SafetyInspectionException(SafetyInspectionErrorCode.FAIL_NEEDS_NOTE, {
        message: `不合格的检查项须填写问题说明：${unexplained.slice(0, 3).map((i) => i.content).join('；')}${unexplained.length > 3 ? '等' : ''}`,
      });
    }
  }

  async openPhoto(targetId: number, attachmentId: number): Promise<{ attachment: Attachment; content: Readable }> {
    const photo = await this.dataSource.getRepository(SafetyInspectionPhoto).findOne({ where: { targetId, attachmentId } });
    const attachment = photo ? await this.attachments.findOne({ where: { id: attachmentId } }) : null;
    if (!attachment) throw AppException.notFound('照片');
    return { attachment, content: await this.storage.open(attachment.storageKey) };
  }

  private async counts(manager: EntityManager, targetId: number): Promise<OutcomeCounts> {
    const rows = await manager
      .getRepository(SafetyInspectionResult)
      .createQueryBuilder('r')
      .select('r.outcome', 'outcome')
      .addSelect('COUNT(*)', 'n')
      .where('r.targetId = :targetId', { targetId })
      .groupBy('r.outcome')
      .getRawMany<{ outcome: SafetyCheckOutcome; n: number | string }>();
    const of = (outcome: SafetyCheckOutcome) => Number(rows.find((r) => r.outcome === outcome)?.n ?? 0);
    return { passCount: of(SafetyCheckOutcome.PASS), failCount: of(SafetyCheckOutcome.FAIL), notApplicableCount: of(SafetyCheckOutcome.NOT_APPLICABLE) };
  }

  /** The item's photos become exactly `ids`: the actor's own unused uploads, or photos it has already. */
  private async replacePhotos(manager: EntityManager, actor: Actor, targetId: number, itemId: number, ids: number[], field: string): Promise<void> {
    const current = await manager.find(SafetyInspectionPhoto, { where: { targetId, itemId } });
    const added = ids.filter((id) => !current.some((p) => p.attachmentId === id));
    if (added.length) {
      const rows = await manager.find(Attachment, { where: { id: In(added) } });
      const taken = await manager.find(SafetyInspectionPhoto, { where: { attachmentId: In(added) } });
      const unusable = added.filter((id) => {
        const row = rows.find((r) => r.id === id);
        return !row || row.uploaderId !== actor.accountId || row.caseId !== null || taken.some((t) => t.attachmentId === id);
      });
      if (unusable.length) {
        const message = `照片${unusable.join('、')}不存在，或不是您上传的，或已用于其他检查项或业务单`;
        throw new WorkflowException(AttachmentErrorCode.NOT_USABLE, { message, details: [{ field, message, constraint: 'usable' }] });
      }
    }
    const removed = current.filter((p) => !ids.includes(p.attachmentId));
    if (removed.length) await manager.delete(SafetyInspectionPhoto, { id: In(removed.map((p) => p.id)) });
    // the unique key on attachmentId settles two items claiming one upload at the same moment
    if (added.length) await manager.insert(SafetyInspectionPhoto, added.map((attachmentId) => ({ targetId, itemId, attachmentId })));
  }
}
