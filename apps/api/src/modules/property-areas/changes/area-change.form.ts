import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  AREA_CHANGE_FORM_LABEL,
  AREA_CHANGE_FORM_TYPE,
  AREA_CHANGE_STATUS_LABELS,
  AreaChangeErrorCode,
  AreaChangePayloadView,
  AreaChangeResult,
  AreaFieldChange,
  ModuleKey,
  PROPERTY_AREA_SUBJECT,
  Role,
  WorkflowAction,
  WorkflowCaseDetail,
  WorkflowOrigin,
  WorkflowStatus,
} from '@szpm/contract';
import { EntityManager } from 'typeorm';
import { Actor } from '../../../access/actor';
import { DistrictScope } from '../../../access/district-scope';
import { PropertyArea } from '../../regions/entities/property-area.entity';
import { WorkflowCase } from '../../workflow/entities/workflow-case.entity';
import { PreparedForm, WorkflowFormDefinition, WorkflowHookContext } from '../../workflow/workflow-form';
import { WorkflowRegistry } from '../../workflow/workflow-registry';
import { WorkflowTransactions } from '../../workflow/workflow-transactions';
import { isFinished, WorkflowStep } from '../../workflow/workflow-transitions';
import { WorkflowService } from '../../workflow/workflow.service';
import { TextSearchIndex } from '../../../common/search/text-search';
import { PROPERTY_AREA_NAMES } from '../areas/area-search';
import { AREA_FIELD_BY_NAME, EffectiveFieldRule, labelsOf } from './area-fields';
import { AreaCaseIndex } from './area-case-index';
import { AreaChangeException } from './area-changes.exception';
import { AreaRecords, AreaValues, valuesOf } from './area-records';
import { AreaChangePayload, AreaChangeRequestDto } from './dto/area-change.dto';
import { changedSince, crossFieldProblems, FieldProblem, realChanges, splitChanges } from './field-values';
import { FieldRulesService } from './field-rules.service';

const S = WorkflowStatus;
const A = WorkflowAction;

/**
 * 修改申请: 提交 (待市局审核) → 同意 / 不同意 by the city bureau, or 退回 to the applicant, who modifies
 * and submits again; the applicant may 撤销 while it waits for the city or is back with them.
 */
export const AREA_CHANGE_STEPS: readonly WorkflowStep[] = [
  { from: S.ENTRY, action: A.EDIT, to: S.ENTRY, party: 'ENTRY', assigned: true },
  { from: S.ENTRY, action: A.SUBMIT, to: S.REVIEW, party: 'ENTRY', assigned: true },
  { from: S.ENTRY, action: A.WITHDRAW, to: S.WITHDRAWN, party: 'ENTRY', assigned: true },
  { from: S.REVIEW, action: A.APPROVE, to: S.APPROVED, party: 'REVIEW' },
  { from: S.REVIEW, action: A.REJECT, to: S.REJECTED, party: 'REVIEW' },
  { from: S.REVIEW, action: A.RETURN_TO_PREVIOUS, to: S.ENTRY, party: 'REVIEW' },
  { from: S.REVIEW, action: A.WITHDRAW, to: S.WITHDRAWN, party: 'ENTRY', assigned: true },
];

/** District officers who may edit an area (with the property-areas operate grant). */
export const AREA_EDITOR_ROLES: readonly Role[] = [Role.DISTRICT_LEAD, Role.DISTRICT_SUPERVISOR, Role.DISTRICT_HANDLER];
/** 市局相关经办人: reviews every district's change requests. */
export const AREA_CHANGE_REVIEWER_ROLES: readonly Role[] = [Role.CITY_OFFICER];

function refusal(problem: FieldProblem): AreaChangeException {
  return new AreaChangeException(AreaChangeErrorCode[problem.code], { field: problem.field, message: problem.message });
}

function fieldChanges(changes: AreaValues, before: AreaValues): AreaFieldChange[] {
  return Object.entries(changes).map(([field, after]) => ({ field, label: AREA_FIELD_BY_NAME.get(field)?.label ?? field, before: before[field] ?? null, after }));
}

/**
 * 编辑 with the city bureau's approval (PROPERTY_AREA_CHANGE). A district officer sends changes:
 * free fields of the catalogue apply at once, fields that need approval become one case holding
 * the proposed values and a `before` snapshot of the same fields. The city bureau's handler
 * approves (the values apply atomically, and only while the area still holds the snapshot), rejects
 * or returns it (the area untouched); the applicant modifies a returned request, or withdraws it.
 * One open request per area.
 */
@Injectable()
export class AreaChangeForm implements OnModuleInit {
  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly workflow: WorkflowService,
    private readonly transactions: WorkflowTransactions,
    private readonly scope: DistrictScope,
    private readonly fieldRules: FieldRulesService,
    private readonly records: AreaRecords,
    private readonly index: AreaCaseIndex,
    private readonly names: TextSearchIndex,
  ) {}

  onModuleInit() {
    this.registry.register(this.definition());
  }

  definition(): WorkflowFormDefinition<AreaChangePayload> {
    return {
      formType: AREA_CHANGE_FORM_TYPE,
      label: AREA_CHANGE_FORM_LABEL,
      module: ModuleKey.PROPERTY_AREAS,
      origin: WorkflowOrigin.OFFICER,
      steps: AREA_CHANGE_STEPS,
      entryRoles: [...AREA_EDITOR_ROLES],
      reviewRoles: [...AREA_CHANGE_REVIEWER_ROLES],
      statusLabels: AREA_CHANGE_STATUS_LABELS,
      businessNoPrefix: 'PAC',
      payloadClass: AreaChangePayload,
      prepare: (manager, actor, payload, current) => this.prepare(manager, actor, payload, current),
      onCreated: (context, payload) => this.opened(context, payload),
      onTransition: (context, step) => this.index.update(context, { finished: isFinished(step.to) }),
      onApproved: (context, payload) => this.apply(context, payload),
    };
  }

  /** POST /api/property-areas/:id/change-requests */
  async submit(actor: Actor, areaId: number, request: AreaChangeRequestDto): Promise<AreaChangeResult> {
    const area = await this.scope.repository(actor, PropertyArea, '物业区域').findById(areaId);
    const rules = await this.fieldRules.effective();
    const checked = await this.check(this.transactions.run.bind(this.transactions), rules, area, request.changes, 'changes');
    const { free, approval, current } = checked;
    if (!Object.keys(free).length && !Object.keys(approval).length) throw new AreaChangeException(AreaChangeErrorCode.NO_CHANGES);

    let detail: WorkflowCaseDetail | null = null;
    if (Object.keys(approval).length) {
      // the early answer; the unique lock row written with the case is the one that counts
      if (await this.transactions.run((manager) => this.index.isOpen(manager, AREA_CHANGE_FORM_TYPE, area.id))) throw new AreaChangeException(AreaChangeErrorCode.OPEN_REQUEST);
      detail = await this.workflow.start(actor, AREA_CHANGE_FORM_TYPE, { propertyAreaId: area.id, proposed: approval, reason: request.reason }, { submit: true });
    }
    if (Object.keys(free).length) {
      await this.transactions.run(async (manager) => {
        const locked = await this.records.lock(manager, area.id);
        await this.records.write(manager, locked, free);
      });
    }
    return {
      applied: fieldChanges(free, current),
      pending: fieldChanges(approval, current),
      case: detail as WorkflowCaseDetail<AreaChangePayloadView> | null,
    };
  }

  /**
   * Checks changes against the catalogue, the current values, the cross-field rules and what they
   * link to; answers the real changes (same values dropped) split into free and approval fields.
   */
  private async check(
    run: <T>(work: (manager: EntityManager) => Promise<T>) => Promise<T>,
    rules: ReadonlyMap<string, EffectiveFieldRule>,
    area: PropertyArea,
    changes: Record<string, unknown>,
    path: string,
  ): Promise<{ free: AreaValues; approval: AreaValues; current: AreaValues }> {
    const split = splitChanges(rules, changes, path);
    if (!split.ok) throw refusal(split.problem);
    return run(async (manager) => {
      const current = valuesOf(await this.records.read(manager, area.id));
      const free = realChanges(split.split.free, current);
      const approval = realChanges(split.split.approval, current);
      const changed = new Set([...Object.keys(free), ...Object.keys(approval)]);
      const [problem] = crossFieldProblems({ ...current, ...free, ...approval }, changed);
      if (problem) throw new AreaChangeException(AreaChangeErrorCode.FIELD_INVALID, { field: `${path}.${problem.field}`, message: problem.problem });
      await this.records.checkReferences(manager, area, { ...free, ...approval }, path);
      return { free, approval, current };
    });
  }

  async prepare(manager: EntityManager, actor: Actor, payload: AreaChangePayload, current?: { caseId: number; payload: AreaChangePayload }): Promise<PreparedForm<AreaChangePayload>> {
    const path = current ? 'payload.proposed' : 'changes';
    if (current) {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the case the engine has just loaded and checked for this action
      const workflowCase = await manager.findOneOrFail(WorkflowCase, { where: { id: current.caseId } });
      // the content is the applicant's: the city bureau decides on it as sent, or returns it
      if (workflowCase.status !== S.ENTRY) throw new AreaChangeException(AreaChangeErrorCode.LOCKED_IN_REVIEW);
      if (payload.propertyAreaId !== current.payload.propertyAreaId) {
        throw new AreaChangeException(AreaChangeErrorCode.FIELD_INVALID, { field: 'payload.propertyAreaId', message: '修改申请的物业区域不能更改' });
      }
    }
    const area = await this.scope.repository(actor, PropertyArea, '物业区域', manager).findById(payload.propertyAreaId);
    const rules = await this.fieldRules.effective(manager);
    const { free, approval, current: values } = await this.check((work) => work(manager), rules, area, payload.proposed, path);
    const [freeField] = Object.keys(free);
    if (freeField !== undefined) {
      throw new AreaChangeException(AreaChangeErrorCode.FIELD_NEEDS_NO_APPROVAL, { field: `${path}.${freeField}`, message: `${AREA_FIELD_BY_NAME.get(freeField)!.label}无需市局审核，请在编辑页直接修改` });
    }
    const fields = Object.keys(approval);
    if (!fields.length) throw new AreaChangeException(AreaChangeErrorCode.NO_CHANGES, { field: path });
    // the snapshot is taken whenever the applicant (re)submits: what they saw when they changed it
    const before = Object.fromEntries(fields.map((field) => [field, values[field]]));
    const labels = labelsOf(fields);
    const reason = payload.reason?.trim() || null;
    return {
      payload: { propertyAreaId: area.id, proposed: approval, before, labels, areaName: area.name, reason },
      districtId: area.districtId,
      summary: { title: `${area.name}：修改${Object.values(labels).join('、')}`, subjectType: PROPERTY_AREA_SUBJECT, subjectId: area.id, subjectName: area.name },
    };
  }

  private async opened(context: WorkflowHookContext, payload: AreaChangePayload): Promise<void> {
    const { area } = await this.records.read(context.manager, payload.propertyAreaId);
    await this.index.open(context, AREA_CHANGE_FORM_TYPE, { propertyAreaId: area.id, streetId: area.streetId, communityId: area.communityId, areaName: area.name });
  }

  /** onApproved: applies the proposed values atomically, only while the area still holds the snapshot. */
  private async apply(context: WorkflowHookContext, payload: AreaChangePayload): Promise<void> {
    const before = payload.before ?? {};
    const locked = await this.records.lock(context.manager, payload.propertyAreaId);
    const now = valuesOf(locked, Object.keys(before));
    const stale = changedSince(before, now);
    if (stale.length) {
      const labels = labelsOf(stale);
      throw new AreaChangeException(AreaChangeErrorCode.CHANGED_MEANWHILE, {
        message: `该项目的信息在申请后已被修改（${Object.values(labels).join('、')}），请退回申请人重新提交`,
        details: { fields: stale.map((field) => ({ field, label: labels[field], before: before[field] ?? null, current: now[field] ?? null })) },
      });
    }
    await this.records.checkReferences(context.manager, locked.area, payload.proposed, 'payload.proposed');
    await this.records.write(context.manager, locked, payload.proposed);
    if (typeof payload.proposed.name === 'string') {
      await this.names.add(context.manager, PROPERTY_AREA_NAMES, [payload.proposed.name]);
      await this.index.update(context, { areaName: payload.proposed.name });
    }
    if ('communityId' in payload.proposed) {
      const { area } = await this.records.read(context.manager, payload.propertyAreaId);
      await this.index.update(context, { streetId: area.streetId, communityId: area.communityId });
    }
  }
}
