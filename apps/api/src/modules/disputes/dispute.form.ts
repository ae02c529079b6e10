import { Injectable, OnModuleInit } from '@nestjs/common';
import { DISPUTE_FORM_TYPE, DISPUTE_STATUS_LABELS, DisputeErrorCode, DisputeOutcome, ModuleKey, Role, WorkflowAction, WorkflowOrigin, WorkflowStatus } from '@szpm/contract';
import { EntityManager } from 'typeorm';
import { Actor } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { AppException } from '../../common/errors/app.exception';
import { shanghaiDate } from '../../common/http/shanghai-time';
import { PropertyArea } from '../regions/entities/property-area.entity';
import { Region, RegionLevel } from '../regions/entities/region.entity';
import { WorkflowCase } from '../workflow/entities/workflow-case.entity';
import { PreparedForm, WorkflowHookContext } from '../workflow/workflow-form';
import { WorkflowRegistry } from '../workflow/workflow-registry';
import { WorkflowStep } from '../workflow/workflow-transitions';
import { DisputeDeadlines } from './dispute-deadlines.service';
import { describeDisputeEdit } from './dispute-edit';
import { DisputePayload } from './dto/dispute.dto';
import { DisputeCase } from './entities/dispute-case.entity';
import { DisputeCategory } from './entities/dispute-category.entity';
import { DisputeException } from './disputes.exception';
import { addWorkingDays } from './working-days';

const S = WorkflowStatus;
const A = WorkflowAction;

/**
 * The steps of a 矛盾纠纷件. The district (ENTRY party: its handlers) enters it, then either 转办 it to
 * the street office of its street or handles it itself (申请办结 → REVIEW, reviewed by the
 * district's supervisor or lead). The street office 办结 (→ STREET_REVIEW, reviewed by the district's
 * handlers) or 退回 it to the district. 驳回重报 goes back to whoever handled it. The district may
 * 修改 until the case is closed.
 */
export const DISPUTE_STEPS: readonly WorkflowStep[] = [
  { from: S.ENTRY, action: A.EDIT, to: S.ENTRY, party: 'ENTRY' },
  { from: S.ENTRY, action: A.TRANSFER, to: S.STREET_HANDLING, party: 'ENTRY' },
  { from: S.ENTRY, action: A.HANDLE, to: S.REVIEW, party: 'ENTRY' },
  { from: S.STREET_HANDLING, action: A.EDIT, to: S.STREET_HANDLING, party: 'ENTRY' },
  { from: S.STREET_HANDLING, action: A.HANDLE, to: S.STREET_REVIEW, party: 'STREET' },
  { from: S.STREET_HANDLING, action: A.RETURN_TO_PREVIOUS, to: S.ENTRY, party: 'STREET' },
  { from: S.STREET_REVIEW, action: A.EDIT, to: S.STREET_REVIEW, party: 'ENTRY' },
  { from: S.STREET_REVIEW, action: A.SEND_BACK, to: S.STREET_HANDLING, party: 'ENTRY' },
  { from: S.STREET_REVIEW, action: A.APPROVE_CLOSE, to: S.APPROVED, party: 'ENTRY' },
  { from: S.REVIEW, action: A.EDIT, to: S.REVIEW, party: 'ENTRY' },
  { from: S.REVIEW, action: A.SEND_BACK, to: S.ENTRY, party: 'REVIEW' },
  { from: S.REVIEW, action: A.APPROVE_CLOSE, to: S.APPROVED, party: 'REVIEW' },
];

export const DISPUTE_ENTRY_ROLES = [Role.DISTRICT_HANDLER, Role.DISTRICT_SUPERVISOR] as const;
export const DISPUTE_REVIEW_ROLES = [Role.DISTRICT_SUPERVISOR, Role.DISTRICT_LEAD] as const;
export const DISPUTE_BUSINESS_NO_PREFIX = 'DC';
const LABEL = '矛盾纠纷件';

/** The payload's fields that only 处理 writes, and those 修改 may not touch (the region). */
const LOCKED_REGION_FIELDS = ['streetId', 'communityId'] as const;

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function withoutHandling(payload: DisputePayload): Omit<DisputePayload, 'handling'> {
  const { handling: _handling, ...rest } = payload;
  return rest;
}

/** calendar days from one instant's Shanghai date to another's */
function daysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.round((Date.parse(shanghaiDate(to)) - Date.parse(shanghaiDate(from))) / 86_400_000));
}

/**
 * The workflow definition of 矛盾纠纷件 and its ledger row: every step the engine takes writes the
 * case's `dispute_cases` row in the same transaction (content, standing, counters), so the ledgers
 * never disagree with the 历程.
 */
@Injectable()
export class DisputeForm implements OnModuleInit {
  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly scope: DistrictScope,
    private readonly deadlines: DisputeDeadlines,
  ) {}

  onModuleInit(): void {
    this.registry.register<DisputePayload>({
      formType: DISPUTE_FORM_TYPE,
      label: LABEL,
      module: ModuleKey.DISPUTES,
      origin: WorkflowOrigin.OFFICER,
      steps: DISPUTE_STEPS,
      entryRoles: [...DISPUTE_ENTRY_ROLES],
      reviewRoles: [...DISPUTE_REVIEW_ROLES],
      streetRoles: [Role.STREET_OFFICER],
      statusLabels: DISPUTE_STATUS_LABELS,
      businessNoPrefix: DISPUTE_BUSINESS_NO_PREFIX,
      payloadClass: DisputePayload,
      prepare: (manager, actor, payload, current) => this.prepare(manager, actor, payload, current),
      describeEdit: (before, after) => describeDisputeEdit(before, after),
      onCreated: (context, payload) => this.created(context, payload),
      onTransition: (context, step, payload) => this.stepped(context, step, payload),
      overdue: (alias) => ({
        // eslint-disable-next-line szpm/no-raw-scoped-access -- whether a case the todo query has already scoped is past its deadline
        sql: `EXISTS (SELECT 1 FROM dispute_cases od WHERE od.workflowCaseId = ${alias}.id AND od.closed = :disputeOverdueOpen AND od.deadline < :disputeOverdueToday)`,
        params: { disputeOverdueOpen: false, disputeOverdueToday: shanghaiDate(new Date()) },
      }),
      // the case is its own record: closing it (onTransition) is the whole effect
      onApproved: async () => undefined,
    });
  }

  async prepare(
    manager: EntityManager,
    actor: Actor,
    payload: DisputePayload,
    current?: { caseId: number; payload: DisputePayload; action: WorkflowAction },
  ): Promise<PreparedForm<DisputePayload>> {
    if (current) {
      for (const field of LOCKED_REGION_FIELDS) {
        if (payload[field] !== current.payload[field]) throw new DisputeException(DisputeErrorCode.REGION_LOCKED, { field });
      }
      if (current.action === A.HANDLE) {
        // 处理 records its handling and nothing else
        if (!sameJson(withoutHandling({ ...payload, propertyAreaName: current.payload.propertyAreaName, categoryName: current.payload.categoryName }), withoutHandling(current.payload))) {
          throw AppException.invalidField('payload', '处理只能填写处理结果，不能修改纠纷信息');
        }
      } else if (!sameJson(payload.handling, current.payload.handling)) {
        throw AppException.invalidField('handling', '处理结果只能通过“处理”填写');
      }
    }
    const { street, area } = await this.checkAddress(manager, actor, payload);
    const category = await this.category(manager, payload.categoryId, current ? current.payload.categoryId : null);
    const today = shanghaiDate(new Date());
    let deadline = payload.deadline;
    if (!deadline) deadline = current ? current.payload.deadline! : addWorkingDays(today, category.timeLimitWorkingDays);
    if (deadline < today && deadline !== current?.payload.deadline) throw new DisputeException(DisputeErrorCode.DEADLINE_IN_PAST);
    if (current?.action === A.HANDLE) await this.checkHandling(manager, current.caseId, payload, today);

    const prepared: DisputePayload = { ...payload, deadline, propertyAreaName: area.name, categoryName: category.name };
    return {
      payload: prepared,
      districtId: street.districtId,
      summary: { title: `${category.name}：${payload.summary}`.slice(0, 200), subjectType: 'PROPERTY_AREA', subjectId: area.id, subjectName: area.name },
    };
  }

  /** 所属街道 → 所属社区 → 小区: each of the one before, the street within the actor's reach. */
  private async checkAddress(manager: EntityManager, actor: Actor, payload: DisputePayload): Promise<{ street: Region; area: PropertyArea }> {
    const regions = this.scope.repository(actor, Region, '街道', manager);
    const [street] = await regions.findAllByIds([payload.streetId], {
      where: { level: RegionLevel.STREET },
      missing: () => AppException.invalidField('streetId', 'streetId不是街道'),
    });
    const [community] = await this.scope.repository(actor, Region, '社区', manager).findAllByIds([payload.communityId], {
      where: { level: RegionLevel.COMMUNITY },
      missing: () => AppException.invalidField('communityId', 'communityId不是社区'),
    });
    if (community.parentId !== street.id) throw new DisputeException(DisputeErrorCode.COMMUNITY_NOT_IN_STREET);
    const [area] = await this.scope.repository(actor, PropertyArea, '小区', manager).findAllByIds([payload.propertyAreaId], {
      missing: () => AppException.invalidField('propertyAreaId', 'propertyAreaId不存在'),
    });
    if (area.communityId !== community.id) throw new DisputeException(DisputeErrorCode.AREA_NOT_IN_COMMUNITY);
    return { street, area };
  }

  /** an inactive category is refused for new cases and changes, kept on cases that have it */
  private async category(manager: EntityManager, categoryId: number, currentId: number | null): Promise<DisputeCategory> {
    const category = await manager.findOne(DisputeCategory, { where: { id: categoryId } });
    if (!category) throw AppException.invalidField('categoryId', 'categoryId不存在');
    if (!category.active && categoryId !== currentId) throw new DisputeException(DisputeErrorCode.CATEGORY_INACTIVE);
    return category;
  }

  private async checkHandling(manager: EntityManager, caseId: number, payload: DisputePayload, today: string): Promise<void> {
    const handling = payload.handling;
    if (!handling) throw new DisputeException(DisputeErrorCode.HANDLING_REQUIRED);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the row of the case the engine has just checked the actor may act on
    const row = await manager.findOne(DisputeCase, { where: { workflowCaseId: caseId }, select: { id: true, enteredAt: true } });
    if (row && handling.repliedAt < shanghaiDate(row.enteredAt)) throw new DisputeException(DisputeErrorCode.REPLIED_BEFORE_ENTRY);
    if (handling.repliedAt > today) throw new DisputeException(DisputeErrorCode.REPLIED_IN_FUTURE);
  }

  private async created(context: WorkflowHookContext, payload: DisputePayload): Promise<void> {
    const { manager, actor } = context;
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the ledger row of the case the engine has just created in the district prepare checked
    const row = manager.create(DisputeCase, {
      workflowCaseId: context.caseId,
      businessNo: context.businessNo,
      districtId: context.districtId,
      streetId: payload.streetId,
      communityId: payload.communityId,
      ...contentColumns(payload),
      status: S.ENTRY,
      closed: false,
      withStreet: false,
      transferredAt: null,
      transferCount: 0,
      sendBackCount: 0,
      ...handlingColumns(payload),
      handledById: null,
      closedAt: null,
      followUp: false,
      handlingDays: null,
      enteredAt: new Date(),
      enteredById: actor.onBehalfOfId ?? actor.accountId,
      enteredByName: actor.onBehalfOfName ?? actor.name,
      importBatchId: null,
      version: await this.workflowVersion(manager, context.caseId),
      remindedBeforeFor: null,
      remindedDueFor: null,
    });
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the ledger row of the case the engine has just created in the district prepare checked
    const saved = await manager.save(DisputeCase, row);
    await this.deadlines.arm(saved.id, saved.deadline);
  }

  private async stepped(context: WorkflowHookContext, step: WorkflowStep, payload: DisputePayload): Promise<void> {
    const { manager, actor } = context;
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the ledger row of the case the engine has just let the actor act on
    const row = await manager.findOne(DisputeCase, { where: { workflowCaseId: context.caseId } });
    if (!row) throw AppException.notFound(LABEL);
    const me = actor.onBehalfOfId ?? actor.accountId;
    if (step.action === A.TRANSFER && context.streetId !== row.streetId) throw new DisputeException(DisputeErrorCode.WRONG_STREET);
    if ((step.action === A.SEND_BACK || step.action === A.APPROVE_CLOSE) && row.handledById !== null && (row.handledById === me || row.handledById === actor.accountId)) {
      throw new DisputeException(DisputeErrorCode.SELF_REVIEW);
    }
    const now = new Date();
    const closing = step.to === S.APPROVED;
    const changes: Partial<DisputeCase> = {
      ...contentColumns(payload),
      ...handlingColumns(payload),
      status: step.to as DisputeCase['status'],
      closed: closing,
      withStreet: step.to === S.STREET_HANDLING || step.to === S.STREET_REVIEW,
      version: await this.workflowVersion(manager, context.caseId),
    };
    if (step.action === A.TRANSFER) Object.assign(changes, { transferredAt: now, transferCount: row.transferCount + 1 });
    if (step.action === A.HANDLE) changes.handledById = me;
    if (step.action === A.SEND_BACK) changes.sendBackCount = row.sendBackCount + 1;
    if (closing) Object.assign(changes, { closedAt: now, followUp: payload.handling?.outcome === DisputeOutcome.CLOSED_UNSETTLED, handlingDays: daysBetween(row.enteredAt, now) });
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the same row, inside the engine's transaction
    await manager.update(DisputeCase, { id: row.id }, changes);
    if (!closing && changes.deadline !== row.deadline) await this.deadlines.arm(row.id, changes.deadline!);
  }

  private async workflowVersion(manager: EntityManager, caseId: number): Promise<number> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the version of the case the engine is writing in this transaction
    const found = await manager.findOne(WorkflowCase, { where: { id: caseId }, select: { id: true, version: true } });
    return found?.version ?? 1;
  }
}

/** The 业务 / 信访 / 时限 columns of a payload. */
export function contentColumns(payload: DisputePayload) {
  const petition = payload.petition ?? null;
  return {
    propertyAreaId: payload.propertyAreaId,
    address: payload.address?.trim() || null,
    categoryId: payload.categoryId,
    summary: payload.summary,
    demand: payload.demand,
    peopleCount: payload.peopleCount,
    applicantKind: payload.applicant.kind,
    applicantName: payload.applicant.name,
    applicantPhone: payload.applicant.phone ?? null,
    respondentKind: payload.respondent.kind,
    respondentName: payload.respondent.name,
    respondentPhone: payload.respondent.phone ?? null,
    source: payload.source,
    urgency: payload.urgency,
    petitionNo: petition?.petitionNo ?? null,
    petitioner: petition?.petitioner ?? null,
    petitionerPhone: petition?.phone ?? null,
    petitionForm: petition?.form ?? null,
    petitionDate: petition?.date ?? null,
    petitionCollective: petition ? petition.collective : null,
    petitionCategory: petition?.category ?? null,
    deadline: payload.deadline!,
  };
}

export function handlingColumns(payload: DisputePayload) {
  const handling = payload.handling ?? null;
  return {
    disposal: handling?.disposal ?? null,
    outcome: handling?.outcome ?? null,
    repliedAt: handling?.repliedAt ?? null,
    handlingNote: handling?.handlingNote ?? null,
    issues: handling?.issues ?? null,
  };
}
