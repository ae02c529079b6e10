import { Injectable } from '@nestjs/common';
import {
  Page,
  SAFETY_CHECK_KIND_LABELS,
  SAFETY_TARGET_STATUS_LABELS,
  SafetyCheckKind,
  SafetyInspectionErrorCode,
  SafetyTargetForm,
  SafetyTargetStatus,
  SafetyTaskItem,
  UnitCategory,
} from '@szpm/contract';
import { DataSource, EntityManager, Not } from 'typeorm';
import { Actor } from '../../../access/actor';
import { DistrictScope } from '../../../access/district-scope';
import { AppException } from '../../../common/errors/app.exception';
import { pageWindow, toPage } from '../../../common/http/pagination.dto';
import { toIso } from '../../notifications/inbox.service';
import { PropertyArea } from '../../regions/entities/property-area.entity';
import { isOverdue } from '../completion';
import { ResultEntryDto, SaveResultsDto, SubmitResultsDto, TaskQueryDto } from '../dto/inspection.dto';
import { SafetyInspection } from '../entities/safety-inspection.entity';
import { SafetyInspectionTarget } from '../entities/safety-inspection-target.entity';
import { SafetyInspectionException } from '../safety-inspections.exception';
import { TargetFormsService } from './target-forms.service';

const TARGET_LABEL = '安全检查任务';

/**
 * The project managers' side (我的安全检查): the property areas they run that an inspection was
 * launched to, filling the results per item (save as often as needed) and submitting them once.
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    private readonly forms: TargetFormsService,
  ) {}

  /** The manager (project_managers.id) the actor speaks for. */
  private managerId(actor: Actor): number {
    if (actor.unitCategory !== UnitCategory.PROJECT_MANAGER || actor.unitId === null) throw AppException.forbidden('只有项目负责人账号可以填报安全检查');
    return actor.unitId;
  }

  async list(actor: Actor, query: TaskQueryDto): Promise<Page<SafetyTaskItem>> {
    const managerId = this.managerId(actor);
    const window = pageWindow(query);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- joins the inspection and area names of targets already scoped by the door
    const qb = this.scope
      .repository(actor, SafetyInspectionTarget, TARGET_LABEL)
      .query('t')
      .innerJoin(SafetyInspection, 'i', 'i.id = t.inspectionId')
      .innerJoin(PropertyArea, 'a', 'a.id = t.propertyAreaId')
      .andWhere('t.projectManagerId = :managerId', { managerId });
    if (query.status) qb.andWhere('t.status = :status', { status: query.status });
    if (query.inspectionId) qb.andWhere('t.inspectionId = :inspectionId', { inspectionId: query.inspectionId });
    const total = await qb.getCount();
    const rows = await qb
      .select(['t.id AS targetId', 't.inspectionId AS inspectionId', 't.status AS status', 't.propertyAreaId AS propertyAreaId', 'a.name AS propertyAreaName'])
      .addSelect(['t.passCount AS passCount', 't.failCount AS failCount', 't.notApplicableCount AS notApplicableCount'])
      .addSelect(['i.title AS title', 'i.kind AS kind', 'i.deadline AS deadline', 'i.itemCount AS itemCount', 'i.createdAt AS createdAt'])
      .orderBy('t.id', 'DESC')
      .offset(window.skip)
      .limit(window.take)
      .getRawMany<Record<string, unknown>>();
    return toPage(
      rows.map((r) => {
        const status = r.status as SafetyTargetStatus;
        return {
          targetId: Number(r.targetId),
          inspectionId: Number(r.inspectionId),
          title: String(r.title),
          kind: r.kind as SafetyCheckKind,
          kindLabel: SAFETY_CHECK_KIND_LABELS[r.kind as SafetyCheckKind],
          deadline: String(r.deadline),
          overdue: isOverdue(String(r.deadline), status),
          propertyAreaId: Number(r.propertyAreaId),
          propertyAreaName: String(r.propertyAreaName),
          status,
          statusLabel: SAFETY_TARGET_STATUS_LABELS[status],
          answered: Number(r.passCount) + Number(r.failCount) + Number(r.notApplicableCount),
          itemCount: Number(r.itemCount),
          createdAt: toIso(r.createdAt)!,
        };
      }),
      total,
      window,
    );
  }

  async form(actor: Actor, targetId: number): Promise<SafetyTargetForm> {
    await this.mine(actor, targetId);
    return this.forms.form(targetId);
  }

  /** 保存: answers so far; the area's status becomes 填报中. */
  async save(actor: Actor, targetId: number, dto: SaveResultsDto): Promise<SafetyTargetForm> {
    await this.dataSource.transaction(async (manager) => {
      const target = await this.mine(actor, targetId, manager);
      await this.writeOpen(manager, actor, target, dto.results, SafetyTargetStatus.DRAFT);
    });
    return this.forms.form(targetId);
  }

  /** 提交: every item answered, every failed item explained; afterwards the results are final. */
  async submit(actor: Actor, targetId: number, dto: SubmitResultsDto): Promise<SafetyTargetForm> {
    await this.dataSource.transaction(async (manager) => {
      const target = await this.mine(actor, targetId, manager);
      if (target.status === SafetyTargetStatus.SUBMITTED) throw new SafetyInspectionException(SafetyInspectionErrorCode.ALREADY_SUBMITTED);
      if (dto.results?.length) await this.writeOpen(manager, actor, target, dto.results, SafetyTargetStatus.DRAFT);
      await this.forms.assertComplete(manager, target);
      const now = new Date();
      // eslint-disable-next-line szpm/no-raw-scoped-access -- submits a target mine() has just checked is the caller's own
      const result = await manager.update(
        SafetyInspectionTarget,
        { id: target.id, status: Not(SafetyTargetStatus.SUBMITTED) },
        { status: SafetyTargetStatus.SUBMITTED, submittedAt: now, savedAt: now, submittedById: actor.accountId, submittedByName: actor.name },
      );
      if (!result.affected) throw new SafetyInspectionException(SafetyInspectionErrorCode.ALREADY_SUBMITTED);
    });
    return this.forms.form(targetId);
  }

  async openPhoto(actor: Actor, targetId: number, attachmentId: number) {
    await this.mine(actor, targetId);
    return this.forms.openPhoto(targetId, attachmentId);
  }

  /**
   * Writes answers while the area is not submitted; the conditional update of the counters is the
   * guard, so a submission that commits first makes this one fail instead of changing final results.
   */
  private async writeOpen(manager: EntityManager, actor: Actor, target: SafetyInspectionTarget, entries: ResultEntryDto[], status: SafetyTargetStatus): Promise<void> {
    if (target.status === SafetyTargetStatus.SUBMITTED) throw new SafetyInspectionException(SafetyInspectionErrorCode.ALREADY_SUBMITTED);
    const counts = await this.forms.write(manager, actor, target, entries);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- saves a target the caller checked is theirs (mine())
    const result = await manager.update(SafetyInspectionTarget, { id: target.id, status: Not(SafetyTargetStatus.SUBMITTED) }, { ...counts, status, savedAt: new Date() });
    if (!result.affected) throw new SafetyInspectionException(SafetyInspectionErrorCode.ALREADY_SUBMITTED);
  }

  /** A target of an area the actor runs; anyone else's is not revealed. */
  private async mine(actor: Actor, targetId: number, manager?: EntityManager): Promise<SafetyInspectionTarget> {
    const managerId = this.managerId(actor);
    const target = await this.scope.repository(actor, SafetyInspectionTarget, TARGET_LABEL, manager).findById(targetId);
    if (target.projectManagerId !== managerId) throw AppException.notFound(TARGET_LABEL);
    return target;
  }
}
