import { Inject, Injectable } from '@nestjs/common';
import {
  DISPUTE_ACTIONS,
  DISPUTE_DISPOSAL_LABELS,
  DISPUTE_FORM_TYPE,
  DISPUTE_OUTCOME_LABELS,
  DisputeAction,
  DisputeCategoryView,
  DisputeDeadlineDefault,
  DisputeDetail,
  DisputeErrorCode,
  DisputeLedger,
  DisputeLedgerPage,
  DisputeSortKey,
  Role,
  WorkflowAction,
  WorkflowCaseDetail,
} from '@szpm/contract';
import { DataSource, QueryFailedError } from 'typeorm';
import { InvalidatedCache } from '../../common/cache/invalidated-cache';
import { InvalidationBus } from '../../common/cache/invalidation-bus';
import { WriteInvalidation } from '../../common/cache/write-invalidation';
import { Actor } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { AppException } from '../../common/errors/app.exception';
import { pageWindow } from '../../common/http/pagination.dto';
import { shanghaiDate } from '../../common/http/shanghai-time';
import { dialectOf } from '../../common/sql/insert-rows';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { WorkflowService } from '../workflow/workflow.service';
import { DisputeDeadlines } from './dispute-deadlines.service';
import { contentColumns } from './dispute.form';
import { DisputeLedgerFilter, ledgerQueries, ledgerRows } from './dispute-ledger';
import { toDisputeSummary } from './dispute-views';
import { DisputeException } from './disputes.exception';
import {
  CreateDisputeDto,
  DisputeCategoryDto,
  DisputeHandleDto,
  DisputeLedgerQueryDto,
  DisputePayload,
  DisputeReturnDto,
  DisputeReviewDto,
  DisputeVersionDto,
  EditDisputeDto,
} from './dto/dispute.dto';
import { DisputeCase } from './entities/dispute-case.entity';
import { DisputeCategory } from './entities/dispute-category.entity';
import { addWorkingDays } from './working-days';

export const DISPUTE_LABEL = '矛盾纠纷件';
const DISPUTE_COUNTS_TOPIC = 'dispute_cases';

function categoryView(c: DisputeCategory): DisputeCategoryView {
  return { id: c.id, name: c.name, timeLimitWorkingDays: c.timeLimitWorkingDays, active: c.active, sortOrder: c.sortOrder };
}

/** The request's fields as the case's content (attachments and version are the engine's). */
function fieldsOf(dto: CreateDisputeDto): DisputePayload {
  const { attachmentIds: _attachments, ...fields } = dto as CreateDisputeDto & { version?: number; districtId?: number };
  delete (fields as { version?: number }).version;
  delete (fields as { districtId?: number }).districtId;
  return fields;
}

/**
 * 纠纷化解台账: 录入, 转办, 退回, 处理, 审核 and 修改 of 矛盾纠纷件 through the workflow engine (which
 * enforces the steps, parties, district and street scope, separation of duties and the version
 * check), the three ledgers, the detail with its 历程, and the 问题分类 catalogue.
 */
@Injectable()
export class DisputesService {
  /** each ledger filter's total and overdue count (a count over a district's cases), until a case is written */
  private readonly counts: InvalidatedCache<{ total: number; overdue: number }>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    private readonly workflow: WorkflowService,
    private readonly deadlines: DisputeDeadlines,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    bus: InvalidationBus,
    writes: WriteInvalidation,
  ) {
    this.counts = new InvalidatedCache(bus, DISPUTE_COUNTS_TOPIC, { ttlMs: config.caches.listCountSeconds * 1000, maxEntries: 5_000 });
    writes.watch(DisputeCase, DISPUTE_COUNTS_TOPIC);
  }

  private rows(actor: Actor) {
    return this.scope.repository(actor, DisputeCase, DISPUTE_LABEL);
  }

  async categories(): Promise<DisputeCategoryView[]> {
    const rows = await this.dataSource.getRepository(DisputeCategory).find({ order: { active: 'DESC', sortOrder: 'ASC', id: 'ASC' } });
    return rows.map(categoryView);
  }

  async createCategory(dto: DisputeCategoryDto): Promise<DisputeCategoryView> {
    try {
      const saved = await this.dataSource.getRepository(DisputeCategory).save({ name: dto.name.trim(), timeLimitWorkingDays: dto.timeLimitWorkingDays, active: dto.active ?? true, sortOrder: dto.sortOrder ?? 0 });
      return categoryView(saved);
    } catch (error) {
      if (error instanceof QueryFailedError) throw new DisputeException(DisputeErrorCode.CATEGORY_NAME_TAKEN);
      throw error;
    }
  }

  async updateCategory(id: number, dto: DisputeCategoryDto): Promise<DisputeCategoryView> {
    const repository = this.dataSource.getRepository(DisputeCategory);
    const found = await repository.findOne({ where: { id } });
    if (!found) throw AppException.notFound('问题分类');
    try {
      const saved = await repository.save({ ...found, name: dto.name.trim(), timeLimitWorkingDays: dto.timeLimitWorkingDays, active: dto.active ?? found.active, sortOrder: dto.sortOrder ?? found.sortOrder });
      return categoryView(saved);
    } catch (error) {
      if (error instanceof QueryFailedError) throw new DisputeException(DisputeErrorCode.CATEGORY_NAME_TAKEN);
      throw error;
    }
  }

  async deadlineDefault(categoryId: number | undefined): Promise<DisputeDeadlineDefault> {
    if (!categoryId) throw AppException.invalidField('categoryId', '请先选择问题分类');
    const category = await this.dataSource.getRepository(DisputeCategory).findOne({ where: { id: categoryId } });
    if (!category) throw AppException.invalidField('categoryId', 'categoryId不存在');
    return { categoryId, workingDays: category.timeLimitWorkingDays, deadline: addWorkingDays(shanghaiDate(new Date()), category.timeLimitWorkingDays) };
  }

  /** The filter of a ledger request once the door has checked it. */
  async ledgerFilter(actor: Actor, query: DisputeLedgerQueryDto): Promise<DisputeLedgerFilter> {
    const rows = this.rows(actor);
    const region = await this.scope.regionFilter(actor, { districtId: query.districtId, streetId: query.streetId, communityId: query.communityId });
    return {
      scope: rows.plainCondition('d'),
      transferredOnly: actor.role === Role.STREET_OFFICER,
      districtId: region.districtId,
      ledger: query.ledger ?? DisputeLedger.ALL,
      propertyAreaName: query.propertyAreaName?.trim() || undefined,
      disposal: query.disposal,
      outcome: query.outcome,
      handlingNote: query.handlingNote?.trim() || undefined,
      categoryId: query.categoryId,
      streetId: region.streetId ?? undefined,
      communityId: region.communityId ?? undefined,
      status: query.status,
      overdue: query.overdue,
      followUp: query.followUp,
      enteredFrom: query.enteredFrom,
      enteredTo: query.enteredTo,
      deadlineFrom: query.deadlineFrom,
      deadlineTo: query.deadlineTo,
      closedFrom: query.closedFrom,
      closedTo: query.closedTo,
      sort: query.sort ?? DisputeSortKey.ENTERED_AT,
      order: query.order ?? 'DESC',
      today: shanghaiDate(new Date()),
    };
  }

  async ledger(actor: Actor, query: DisputeLedgerQueryDto): Promise<DisputeLedgerPage> {
    const filter = await this.ledgerFilter(actor, query);
    const window = pageWindow(query);
    const queries = ledgerQueries(filter, window, dialectOf(this.dataSource));
    // the filter (with its scope and today) is the key: the same filter of another actor is the same count
    const [counted, idRows] = await Promise.all([
      this.counts.get(JSON.stringify({ ...filter, sort: null, order: null }), async () => {
        const [row] = (await this.dataSource.query(queries.count.sql, queries.count.params)) as Array<{ total: unknown; overdue: unknown }>;
        return { total: Number(row?.total ?? 0), overdue: Number(row?.overdue ?? 0) };
      }),
      this.dataSource.query(queries.ids.sql, queries.ids.params) as Promise<Array<{ id: unknown }>>,
    ]);
    const ids = idRows.map((r) => Number(r.id));
    const rows = ids.length ? ((await this.dataSource.query(queries.rows(ids).sql, queries.rows(ids).params)) as Array<Record<string, unknown>>) : [];
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    return {
      items: ids.map((id) => toDisputeSummary(byId.get(id)!, filter.today)),
      total: counted.total,
      overdue: counted.overdue,
      page: window.page,
      pageSize: window.pageSize,
    };
  }

  async create(actor: Actor, dto: CreateDisputeDto): Promise<DisputeDetail> {
    const started = await this.workflow.start(actor, DISPUTE_FORM_TYPE, fieldsOf(dto), { attachmentIds: dto.attachmentIds });
    return this.detailOfCase(actor, started);
  }

  async detail(actor: Actor, id: number): Promise<DisputeDetail> {
    const row = await this.rows(actor).findById(id);
    return this.detailOfCase(actor, await this.workflow.get(actor, row.workflowCaseId));
  }

  /** The case a todo names by its workflow case id (the engine checks the actor may see it). */
  async detailByCase(actor: Actor, caseId: number): Promise<DisputeDetail> {
    const workflowCase = await this.workflow.get(actor, caseId);
    if (workflowCase.formType !== DISPUTE_FORM_TYPE) throw AppException.notFound(DISPUTE_LABEL);
    return this.detailOfCase(actor, workflowCase);
  }

  /** 修改: the district changes 小区, 业务信息, 信访信息, 办理时限 and attachments until the case is closed. */
  async edit(actor: Actor, id: number, dto: EditDisputeDto): Promise<DisputeDetail> {
    const row = await this.open(actor, id);
    if (dto.districtId !== undefined && dto.districtId !== row.districtId) throw new DisputeException(DisputeErrorCode.REGION_LOCKED, { field: 'districtId' });
    const current = await this.workflow.get(actor, row.workflowCaseId);
    const payload = { ...fieldsOf(dto), handling: (current.payload as unknown as DisputePayload).handling ?? null };
    return this.act(actor, row, { action: WorkflowAction.EDIT, version: dto.version, payload: payload as unknown as Record<string, unknown>, attachmentIds: dto.attachmentIds });
  }

  /** 转办 to the street office of the case's own street, which is told at once. */
  async transfer(actor: Actor, id: number, dto: DisputeVersionDto): Promise<DisputeDetail> {
    const row = await this.open(actor, id);
    const detail = await this.act(actor, row, { action: WorkflowAction.TRANSFER, version: dto.version, streetId: row.streetId });
    await this.deadlines.notifyTransferred(row.id, { id: actor.accountId, name: actor.name });
    return detail;
  }

  /** 退回区局: the street office hands a transferred case back, with its reason. */
  async returnToDistrict(actor: Actor, id: number, dto: DisputeReturnDto): Promise<DisputeDetail> {
    const row = await this.open(actor, id);
    return this.act(actor, row, { action: WorkflowAction.RETURN_TO_PREVIOUS, version: dto.version, opinion: dto.reason });
  }

  /** 处理 → 办结 (street) / 申请办结 (district): the handling is recorded and the case goes to 审核. */
  async handle(actor: Actor, id: number, dto: DisputeHandleDto): Promise<DisputeDetail> {
    if (!dto.disposal) throw new DisputeException(dto.outcome ? DisputeErrorCode.OUTCOME_WITHOUT_DISPOSAL : DisputeErrorCode.HANDLING_REQUIRED, { field: 'disposal' });
    if (!dto.outcome) throw new DisputeException(DisputeErrorCode.HANDLING_REQUIRED, { field: 'outcome' });
    const row = await this.open(actor, id);
    const current = await this.workflow.get(actor, row.workflowCaseId);
    const handling = { disposal: dto.disposal, outcome: dto.outcome, repliedAt: dto.repliedAt, handlingNote: dto.handlingNote.trim(), issues: dto.issues?.trim() || null };
    const payload = { ...(current.payload as unknown as DisputePayload), handling };
    const remark = `处置方式：${DISPUTE_DISPOSAL_LABELS[dto.disposal]}；处置情况：${DISPUTE_OUTCOME_LABELS[dto.outcome]}；答复日期：${dto.repliedAt}`;
    return this.act(actor, row, { action: WorkflowAction.HANDLE, version: dto.version, payload: payload as unknown as Record<string, unknown>, opinion: handling.handlingNote.slice(0, 500), remark, attachmentIds: dto.attachmentIds });
  }

  /** 审核: 驳回重报 (with its reason) or 同意办结. */
  async review(actor: Actor, id: number, dto: DisputeReviewDto): Promise<DisputeDetail> {
    const row = await this.open(actor, id);
    return this.act(actor, row, { action: dto.decision, version: dto.version, opinion: dto.opinion, remark: dto.remark });
  }

  /** A case the actor may reach that is not closed (CLOSED otherwise: nothing changes a closed case). */
  private async open(actor: Actor, id: number): Promise<DisputeCase> {
    const row = await this.rows(actor).findById(id);
    if (row.closed) throw new DisputeException(DisputeErrorCode.CLOSED);
    return row;
  }

  private async act(actor: Actor, row: DisputeCase, request: Parameters<WorkflowService['act']>[2]): Promise<DisputeDetail> {
    return this.detailOfCase(actor, await this.workflow.act(actor, row.workflowCaseId, request));
  }

  private async detailOfCase(actor: Actor, workflowCase: WorkflowCaseDetail): Promise<DisputeDetail> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the ledger row of the case WorkflowService.get has just let the actor see
    const row = await this.dataSource.getRepository(DisputeCase).findOne({ where: { workflowCaseId: workflowCase.id } });
    if (!row) throw AppException.notFound(DISPUTE_LABEL);
    const names = ledgerRows([row.id]);
    const [named] = (await this.dataSource.query(names.sql, names.params)) as Array<Record<string, unknown>>;
    const summary = toDisputeSummary(named, shanghaiDate(new Date()));
    const content = contentColumns(workflowCase.payload as unknown as DisputePayload);
    const payload = workflowCase.payload as unknown as DisputePayload;
    return {
      ...summary,
      version: workflowCase.version,
      address: content.address,
      demand: content.demand,
      applicant: { kind: content.applicantKind, name: content.applicantName, phone: content.applicantPhone },
      respondent: { kind: content.respondentKind, name: content.respondentName, phone: content.respondentPhone },
      petition: payload.petition
        ? { petitionNo: payload.petition.petitionNo ?? null, petitioner: payload.petition.petitioner, phone: payload.petition.phone ?? null, form: payload.petition.form, date: payload.petition.date, collective: payload.petition.collective, category: payload.petition.category }
        : null,
      handling: payload.handling ? { ...payload.handling, issues: payload.handling.issues ?? null } : null,
      issues: payload.handling?.issues ?? null,
      attachments: workflowCase.attachments,
      caseId: workflowCase.id,
      allowedActions: workflowCase.allowedActions.filter((a): a is DisputeAction => (DISPUTE_ACTIONS as readonly WorkflowAction[]).includes(a)),
      history: workflowCase.history,
    };
  }
}
