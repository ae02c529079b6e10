import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  CommonErrorCode,
  GrantAction,
  OPINION_REQUIRED_ACTIONS,
  PAYLOAD_CARRYING_ACTIONS,
  Page,
  WORKFLOW_ACTION_LABELS,
  WorkflowAction,
  WorkflowActionRequest,
  WorkflowCaseDetail,
  WorkflowCaseSummary,
  WorkflowErrorCode,
  WorkflowFormTypeInfo,
  WorkflowOrigin,
  WorkflowStatus,
} from '@szpm/contract';
import { EntityManager, Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Actor, hasGrant } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { AppException } from '../../common/errors/app.exception';
import { pageWindow, toPage } from '../../common/http/pagination.dto';
import { Region, RegionLevel } from '../regions/entities/region.entity';
import { AttachmentsService } from './attachments/attachments.service';
import { WorkflowCaseQueryDto } from './dto/workflow-case-query.dto';
import { WorkflowActionRecord } from './entities/workflow-action-record.entity';
import { WorkflowCase } from './entities/workflow-case.entity';
import { WorkflowAccess } from './workflow-access';
import { isReturned, returnedCaseIds, selectSummaryColumns, whereCreatedBetween, whereSearch } from './workflow-case-query';
import { PreparedForm, WorkflowFormSummary, WorkflowHookContext } from './workflow-form';
import { hydratePayload, toStoredPayload, validatePayload } from './workflow-payload';
import { RegisteredForm, WorkflowRegistry } from './workflow-registry';
import { WorkflowTransactions } from './workflow-transactions';
import { allowedActions, decideTransition, ENTERING_ACTIONS, findTransition, isFinished } from './workflow-transitions';
import { toCaseSummary, toHistoryEntry } from './workflow-view';
import { WorkflowException } from './workflow.exception';

/** Options of WorkflowService.start (an officer enters a form: 录入初审). */
export interface StartOptions {
  /** true: 提交 to review at once; false (default): keep it at entry (暂存) for later editing and SUBMIT */
  submit?: boolean;
  /** ids from POST /api/attachments, the actor's own unused uploads; recorded with the CREATE entry */
  attachmentIds?: number[];
  /** recorded with the SUBMIT entry when submit, else with CREATE */
  opinion?: string;
  remark?: string;
}

/** Options of WorkflowService.file (an evaluated subject files an application: 待受理). */
export interface FileOptions {
  attachmentIds?: number[];
  remark?: string;
}

const OPINION_MAX = 500;
const REMARK_MAX = 1000;

function summaryColumns(summary: WorkflowFormSummary) {
  return {
    title: summary.title.slice(0, 200),
    subjectType: summary.subjectType,
    subjectId: summary.subjectId,
    subjectName: summary.subjectName === null ? null : summary.subjectName.slice(0, 128),
  };
}

function checkTexts(opinion: string | undefined | null, remark: string | undefined | null): void {
  if (opinion && opinion.length > OPINION_MAX) throw AppException.invalidField('opinion', 'opinion太长');
  if (remark && remark.length > REMARK_MAX) throw AppException.invalidField('remark', 'remark太长');
}

/**
 * The workflow engine: starts forms, applies actions under the transition rules, keeps the history,
 * and calls the form type's hooks inside the same transaction. Other modules call it with the
 * request's actor; it enforces grants, roles, district scope, separation of duties and locking.
 *
 * - start(actor, formType, payload, { submit, attachmentIds, opinion, remark }): officer forms, at
 *   ENTRY (or REVIEW when submit).
 * - file(actor, formType, payload, { attachmentIds, remark }): subject forms, PENDING_ACCEPTANCE.
 * - act(actor, caseId, { action, version, opinion, remark, attachmentIds, payload, streetId }): any
 *   later step; 转办 (TRANSFER) names the street that takes the case on.
 * - get(actor, caseId): the detail with history and the caller's allowed actions.
 */
@Injectable()
export class WorkflowService {
  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly access: WorkflowAccess,
    private readonly transactions: WorkflowTransactions,
    private readonly attachments: AttachmentsService,
    private readonly scope: DistrictScope,
    // eslint-disable-next-line szpm/no-raw-scoped-access -- cases are checked by WorkflowAccess.assertCanView (parties and districts per form), right after each load
    @InjectRepository(WorkflowCase) private readonly cases: Repository<WorkflowCase>,
    @InjectRepository(WorkflowActionRecord) private readonly records: Repository<WorkflowActionRecord>,
  ) {}

  async start(actor: Actor, formType: string, rawPayload: unknown, options: StartOptions = {}): Promise<WorkflowCaseDetail> {
    const form = this.registry.get(formType);
    if (form.origin !== WorkflowOrigin.OFFICER) throw new WorkflowException(WorkflowErrorCode.WRONG_ORIGIN, { message: `${form.label}由评价对象申请，不能由经办人录入` });
    this.requireGrant(actor, form, GrantAction.OPERATE);
    if (!form.entryRoles.includes(actor.role)) throw new WorkflowException(WorkflowErrorCode.NOT_YOUR_STEP, { message: `您的角色不能录入${form.label}` });
    checkTexts(options.opinion, options.remark);
    const submitted = options.submit ? findTransition(form.steps, WorkflowStatus.ENTRY, WorkflowAction.SUBMIT) : null;
    if (options.submit && !submitted) throw AppException.invalidField('submit', `${form.label}没有提交这一步`);
    const payload = await validatePayload(form.definition.payloadClass, rawPayload);

    const caseId = await this.transactions.run(async (manager) => {
      const prepared = await form.definition.prepare(manager, actor, payload);
      this.scope.repository(actor, WorkflowCase, '业务单', manager).assertInScope(prepared.districtId);
      const stored = toStoredPayload(prepared.payload);
      const created = await this.insertCase(manager, actor, form, prepared, stored, submitted ? submitted.to : WorkflowStatus.ENTRY);
      const attachmentIds = await this.attachments.claim(manager, actor, options.attachmentIds, created.id);
      const texts = { opinion: options.opinion ?? null, remark: options.remark ?? null };
      await this.record(manager, created.id, 1, actor, WorkflowAction.CREATE, null, WorkflowStatus.ENTRY, submitted ? {} : texts, attachmentIds);
      if (submitted) await this.record(manager, created.id, 2, actor, WorkflowAction.SUBMIT, WorkflowStatus.ENTRY, submitted.to, texts, []);
      await form.definition.onCreated?.(this.hookContext(manager, actor, created), hydratePayload(form.definition.payloadClass, stored));
      return created.id;
    });
    return this.get(actor, caseId);
  }

  async file(actor: Actor, formType: string, rawPayload: unknown, options: FileOptions = {}): Promise<WorkflowCaseDetail> {
    const form = this.registry.get(formType);
    if (form.origin !== WorkflowOrigin.SUBJECT) throw new WorkflowException(WorkflowErrorCode.WRONG_ORIGIN, { message: `${form.label}由经办人录入，不能由评价对象申请` });
    if (!form.filingRoles.includes(actor.role)) throw new WorkflowException(WorkflowErrorCode.NOT_YOUR_STEP, { message: `您的角色不能申请${form.label}` });
    checkTexts(undefined, options.remark);
    const payload = await validatePayload(form.definition.payloadClass, rawPayload);

    const caseId = await this.transactions.run(async (manager) => {
      // the definition decides the district (the subject's), and checks the subject is the filer's own
      const prepared = await form.definition.prepare(manager, actor, payload);
      const stored = toStoredPayload(prepared.payload);
      const created = await this.insertCase(manager, actor, form, prepared, stored, WorkflowStatus.PENDING_ACCEPTANCE);
      const attachmentIds = await this.attachments.claim(manager, actor, options.attachmentIds, created.id);
      await this.record(manager, created.id, 1, actor, WorkflowAction.CREATE, null, WorkflowStatus.PENDING_ACCEPTANCE, { remark: options.remark ?? null }, attachmentIds);
      await form.definition.onCreated?.(this.hookContext(manager, actor, created), hydratePayload(form.definition.payloadClass, stored));
      return created.id;
    });
    return this.get(actor, caseId);
  }

  async act(actor: Actor, caseId: number, request: WorkflowActionRequest): Promise<WorkflowCaseDetail> {
    this.checkRequest(request);
    await this.transactions.run(async (manager) => {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- WorkflowAccess.assertCanView on the lines below decides whether the actor may act
      const current = await manager.findOne(WorkflowCase, { where: { id: caseId } });
      const form = current ? this.registry.find(current.formType) : undefined;
      if (!current || !form) throw AppException.notFound('业务单');
      this.access.assertCanView(actor, current, form);
      if (request.version !== current.version) throw this.conflict(current);
      const decision = decideTransition(form.steps, current.status, request.action, this.access.standing(actor, current, form));
      if (!decision.allowed) {
        throw WorkflowException.fromRefusal(decision.refusal, { status: current.status, action: request.action, actionLabel: WORKFLOW_ACTION_LABELS[request.action] });
      }
      const { transition } = decision;
      const streetId = transition.action === WorkflowAction.TRANSFER ? await this.transferTarget(manager, actor, current, request.streetId!) : current.streetId;

      let stored = current.payload;
      let summary: WorkflowFormSummary | null = null;
      let editDescription: string | null = null;
      if (request.payload !== undefined) {
        const payload = await validatePayload(form.definition.payloadClass, request.payload, 'payload');
        const before = hydratePayload(form.definition.payloadClass, current.payload);
        const prepared = await form.definition.prepare(manager, actor, payload, { caseId: current.id, payload: before, action: request.action });
        // a form stays with the district bureau it was entered at
        if (prepared.districtId !== current.districtId) throw AppException.invalidField('payload', '修改后的内容不属于该业务单所在的行政区');
        stored = toStoredPayload(prepared.payload);
        summary = prepared.summary;
        editDescription = form.definition.describeEdit?.(before, hydratePayload(form.definition.payloadClass, stored))?.slice(0, REMARK_MAX) ?? null;
      }

      const finishedAt = isFinished(transition.to) ? new Date() : null;
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the version-checked transition of a case assertCanView and decideTransition have just allowed
      const updated = await manager
        .createQueryBuilder()
        .update(WorkflowCase)
        .set({
          status: transition.to,
          ...(streetId !== current.streetId ? { streetId } : {}),
          ...(summary ? { payload: stored as QueryDeepPartialEntity<Record<string, unknown>>, ...summaryColumns(summary) } : {}),
          // work done for a delegator stays theirs: a return comes back to them once the delegation ends
          ...(ENTERING_ACTIONS.includes(request.action) ? { entryActorId: actor.onBehalfOfId ?? actor.accountId } : {}),
          ...(finishedAt ? { finishedAt } : {}),
          version: () => 'version + 1',
        })
        .where('id = :id AND version = :version', { id: current.id, version: current.version })
        .execute();
      if (updated.affected !== 1) throw this.conflict(current);

      const attachmentIds = await this.attachments.claim(manager, actor, request.attachmentIds, current.id);
      let seq = await this.nextSeq(manager, current.id);
      const describesEdits = form.definition.describeEdit !== undefined;
      if (request.payload !== undefined && request.action !== WorkflowAction.EDIT && (!describesEdits || editDescription !== null)) {
        await this.record(manager, current.id, seq++, actor, WorkflowAction.EDIT, current.status, current.status, { remark: editDescription }, []);
      }
      const editRemark = request.action === WorkflowAction.EDIT && editDescription ? [editDescription, request.remark?.trim()].filter(Boolean).join('\n') : null;
      const texts = { opinion: request.opinion ?? null, remark: (editRemark ?? request.remark ?? null)?.slice(0, REMARK_MAX) ?? null };
      await this.record(manager, current.id, seq, actor, request.action, current.status, transition.to, texts, attachmentIds);

      const context = this.hookContext(manager, actor, { ...current, streetId });
      await form.definition.onTransition?.(context, transition, hydratePayload(form.definition.payloadClass, stored));
      if (transition.to === WorkflowStatus.APPROVED) await form.definition.onApproved(context, hydratePayload(form.definition.payloadClass, stored));
      if (transition.to === WorkflowStatus.REJECTED) await form.definition.onRejected?.(context, hydratePayload(form.definition.payloadClass, stored));
      if (request.action === WorkflowAction.RETURN_FOR_SUPPLEMENT) {
        await form.definition.onReturnedForSupplement?.(context, hydratePayload(form.definition.payloadClass, stored), texts.opinion ?? '');
      }
    });
    return this.get(actor, caseId);
  }

  async get(actor: Actor, caseId: number): Promise<WorkflowCaseDetail> {
    const workflowCase = await this.cases.findOne({ where: { id: caseId } });
    const form = workflowCase ? this.registry.find(workflowCase.formType) : undefined;
    if (!workflowCase || !form) throw AppException.notFound('业务单');
    this.access.assertCanView(actor, workflowCase, form);
    const records = await this.records.find({ where: { caseId }, order: { seq: 'ASC' } });
    const attachments = await this.attachments.refsOfCase(caseId);
    return {
      ...toCaseSummary(workflowCase, form, isReturned(records)),
      payload: workflowCase.payload,
      originalPayload: workflowCase.originalPayload,
      attachments,
      allowedActions: allowedActions(form.steps, workflowCase.status, this.access.standing(actor, workflowCase, form)),
      history: records.map((r) => toHistoryEntry(r, attachments)),
      streetId: workflowCase.streetId,
    };
  }

  /** 审批事项查询: every form of the caller's district bureau whose module the caller may view. */
  async list(actor: Actor, query: WorkflowCaseQueryDto): Promise<Page<WorkflowCaseSummary>> {
    const scoped = this.scope.repository(actor, WorkflowCase, '业务单');
    const districtId = scoped.resolveDistrictFilter(query.districtId);
    const window = pageWindow(query);
    const visible = this.registry
      .grantedTo(actor, GrantAction.VIEW)
      .filter((f) => query.module === undefined || f.module === query.module)
      .map((f) => f.formType);
    if (query.formType !== undefined) {
      this.requireGrant(actor, this.registry.get(query.formType), GrantAction.VIEW);
    }
    const formTypes = query.formType !== undefined ? (visible.includes(query.formType) ? [query.formType] : []) : visible;
    if (!formTypes.length) return toPage([], 0, window);

    const qb = selectSummaryColumns(scoped.query('c'), 'c').andWhere('c.formType IN (:...formTypes)', { formTypes });
    if (districtId !== null) qb.andWhere('c.districtId = :districtId', { districtId });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    whereSearch(qb, 'c', query.search);
    whereCreatedBetween(qb, 'c', query.createdFrom, query.createdTo);
    const [rows, total] = await qb.orderBy('c.createdAt', 'DESC').addOrderBy('c.id', 'DESC').skip(window.skip).take(window.take).getManyAndCount();
    const returned = await returnedCaseIds(this.cases.manager, rows.map((row) => row.id));
    return toPage(
      rows.map((row) => toCaseSummary(row, this.registry.find(row.formType), returned.has(row.id))),
      total,
      window,
    );
  }

  /** Registered form types the caller may see (or, for evaluated subjects, file). */
  formTypes(actor: Actor): WorkflowFormTypeInfo[] {
    return this.registry
      .all()
      .filter((form) => hasGrant(actor, form.module, GrantAction.VIEW) || form.filingRoles.includes(actor.role))
      .map((form) => this.registry.info(form));
  }

  private requireGrant(actor: Actor, form: RegisteredForm, action: GrantAction): void {
    if (!hasGrant(actor, form.module, action)) throw new AppException(CommonErrorCode.MODULE_NOT_GRANTED, HttpStatus.FORBIDDEN);
  }

  /** What the DTO checks, checked again for calls from other modules. */
  private checkRequest(request: WorkflowActionRequest): void {
    if (request.action === WorkflowAction.CREATE || !Object.values(WorkflowAction).includes(request.action)) {
      throw AppException.invalidField('action', 'action的取值不在允许范围内');
    }
    if (!Number.isInteger(request.version) || request.version < 1) throw AppException.invalidField('version', 'version必须是正整数');
    if (OPINION_REQUIRED_ACTIONS.includes(request.action) && !request.opinion?.trim()) {
      throw AppException.invalidField('opinion', `${WORKFLOW_ACTION_LABELS[request.action]}须填写审批意见（opinion）`);
    }
    if (request.action === WorkflowAction.TRANSFER && !(Number.isInteger(request.streetId) && request.streetId! >= 1)) {
      throw AppException.invalidField('streetId', '转办须指定承办的街道（streetId）');
    }
    if (request.action !== WorkflowAction.TRANSFER && request.streetId !== undefined) {
      throw AppException.invalidField('streetId', `${WORKFLOW_ACTION_LABELS[request.action]}不能指定街道（streetId），只有转办可以`);
    }
    if (request.payload !== undefined && !PAYLOAD_CARRYING_ACTIONS.includes(request.action)) {
      throw AppException.invalidField('payload', `${WORKFLOW_ACTION_LABELS[request.action]}不能同时修改内容（payload）`);
    }
    checkTexts(request.opinion, request.remark);
  }

  /**
   * 转办 chooses the street office that takes the case on: a street the actor may reach through the
   * door (OUT_OF_DISTRICT otherwise) and of the case's district (400 otherwise). From then on the
   * case is the street's (its 待办 and lists), also after 驳回重报; a later 转办 moves it to another street.
   */
  private async transferTarget(manager: EntityManager, actor: Actor, current: WorkflowCase, streetId: number): Promise<number> {
    const [street] = await this.scope.repository(actor, Region, '街道', manager).findAllByIds([streetId], {
      where: { level: RegionLevel.STREET },
      missing: () => AppException.invalidField('streetId', 'streetId不是街道'),
    });
    if (street.districtId !== current.districtId) throw AppException.invalidField('streetId', '该街道不属于业务单所在的行政区');
    return street.id;
  }

  private conflict(current: WorkflowCase): WorkflowException {
    return new WorkflowException(WorkflowErrorCode.CONFLICT, { details: { caseId: current.id, businessNo: current.businessNo } });
  }

  private async insertCase(
    manager: EntityManager,
    actor: Actor,
    form: RegisteredForm,
    prepared: PreparedForm<object>,
    stored: Record<string, unknown>,
    status: WorkflowStatus,
  ): Promise<WorkflowCase> {
    const subjectForm = form.origin === WorkflowOrigin.SUBJECT;
    return manager.save(
      // eslint-disable-next-line szpm/no-raw-scoped-access -- a new case in the district file() has just checked with the door (assertInScope)
      manager.create(WorkflowCase, {
        businessNo: await this.transactions.nextBusinessNo(manager, form.businessNoPrefix),
        formType: form.formType,
        origin: form.origin,
        status,
        districtId: prepared.districtId,
        // no street until a 转办 chooses one
        streetId: null,
        ...summaryColumns(prepared.summary),
        payload: stored,
        originalPayload: stored,
        initiatorId: actor.accountId,
        initiatorName: actor.name,
        initiatorRole: actor.role,
        initiatorUnitCategory: subjectForm ? actor.unitCategory : null,
        initiatorUnitId: subjectForm ? actor.unitId : null,
        entryActorId: subjectForm ? null : (actor.onBehalfOfId ?? actor.accountId),
        version: 1,
        finishedAt: null,
      }),
    );
  }

  private async nextSeq(manager: EntityManager, caseId: number): Promise<number> {
    const row = await manager
      .createQueryBuilder(WorkflowActionRecord, 'r')
      .select('MAX(r.seq)', 'last')
      .where('r.caseId = :caseId', { caseId })
      .getRawOne<{ last: number | string | null }>();
    return Number(row?.last ?? 0) + 1;
  }

  private record(
    manager: EntityManager,
    caseId: number,
    seq: number,
    actor: Actor,
    action: WorkflowAction,
    fromStatus: WorkflowStatus | null,
    toStatus: WorkflowStatus,
    texts: { opinion?: string | null; remark?: string | null },
    attachmentIds: number[],
  ): Promise<unknown> {
    return manager.insert(WorkflowActionRecord, {
      caseId,
      seq,
      action,
      fromStatus,
      toStatus,
      actorId: actor.accountId,
      actorName: actor.name,
      actorRole: actor.role,
      onBehalfOfId: actor.onBehalfOfId,
      onBehalfOfName: actor.onBehalfOfName,
      opinion: texts.opinion?.trim() || null,
      remark: texts.remark?.trim() || null,
      attachmentIds,
    });
  }

  private hookContext(manager: EntityManager, actor: Actor, workflowCase: WorkflowCase): WorkflowHookContext {
    return { manager, actor, caseId: workflowCase.id, businessNo: workflowCase.businessNo, districtId: workflowCase.districtId, streetId: workflowCase.streetId };
  }
}
