import { Injectable } from '@nestjs/common';
import {
  EVALUATION_RECORD_STATUS_LABELS,
  EVALUATION_SUBJECT_TYPE_LABELS,
  EvaluationRecordStatus,
  EvaluationSubjectType,
  Page,
  PUBLICITY_STATE_LABELS,
  RiskListEntryDetail,
  RiskListEntryListItem,
  RiskListPreview,
  ServiceEvaluationErrorCode,
} from '@szpm/contract';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../../access/actor';
import { DistrictScope } from '../../../access/district-scope';
import { pageWindow, toPage } from '../../../common/http/pagination.dto';
import { WorkflowHookContext } from '../../workflow/workflow-form';
import { CatalogueService } from '../catalogue/catalogue.service';
import { RiskListDeterminationPayload, RiskListPreviewDto, WithdrawalPayload } from '../dto/forms.dto';
import { RecordSearchDto } from '../dto/records-query.dto';
import { RiskListEntry } from '../entities/risk-list-entry.entity';
import { ServiceEvaluationException } from '../service-evaluation.exception';
import { EvaluationSubjectsService } from '../subjects/evaluation-subjects.service';
import { Prepared } from './bad-records.service';
import { DistrictNamesService } from './district-names.service';
import { escapeLike } from '../../../common/sql/like';
import { publicityPeriod, publicityStateOf, todayInShanghai } from './publicity-period';
import { lockForForm, releaseForForm, withdraw, withdrawalOf } from './record-lifecycle';

const LIST_COLUMNS: (keyof RiskListEntry)[] = [
  'id',
  'subjectType',
  'subjectId',
  'subjectName',
  'districtId',
  'itemId',
  'itemName',
  'circumstanceDescription',
  'factDate',
  'documentNo',
  'status',
  'published',
  'publicityStart',
  'publicityEnd',
  'createdAt',
];

/**
 * 风险名单: determination, revocation and restoration of entries, and the two lists
 * (物业服务企业风险名单, 项目负责人风险名单). Entries are published; they carry no points.
 */
@Injectable()
export class RiskListService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    private readonly catalogue: CatalogueService,
    private readonly subjects: EvaluationSubjectsService,
    private readonly districts: DistrictNamesService,
  ) {}

  /** 公示期时长 as the server will compute it. */
  async preview(dto: RiskListPreviewDto): Promise<RiskListPreview> {
    const { item, circumstance } = await this.catalogue.usableRiskListEntry(this.dataSource.manager, dto.itemId, dto.circumstanceId, dto.subjectType);
    const period = publicityPeriod(todayInShanghai(), circumstance.publicityMonths);
    return {
      itemId: item.id,
      itemName: item.name,
      circumstanceId: circumstance.id,
      circumstanceDescription: circumstance.description,
      publicityMonths: circumstance.publicityMonths,
      publicityStartIfApprovedToday: period.start,
      publicityEndIfApprovedToday: period.end,
    };
  }

  async prepareDetermination(manager: EntityManager, actor: Actor, input: RiskListDeterminationPayload): Promise<Prepared<RiskListDeterminationPayload>> {
    const districtId = this.scope.districtFilter(actor);
    if (districtId === null) throw new ServiceEvaluationException(ServiceEvaluationErrorCode.NO_DISTRICT);
    if (input.factDate > todayInShanghai()) throw new ServiceEvaluationException(ServiceEvaluationErrorCode.FACT_DATE_IN_FUTURE);
    const subject = await this.subjects.requireInDistrict(manager, input.subjectType, input.subjectId, districtId);
    const { item, circumstance } = await this.catalogue.usableRiskListEntry(manager, input.itemId, input.circumstanceId, input.subjectType);
    return {
      payload: {
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        itemId: item.id,
        circumstanceId: circumstance.id,
        factDate: input.factDate,
        documentNo: input.documentNo,
        description: input.description,
        subjectName: subject.name,
        itemName: item.name,
        circumstanceDescription: circumstance.description,
        publicityMonths: circumstance.publicityMonths,
      },
      districtId,
      summary: { title: `${subject.name}「${item.name}」`, subjectType: input.subjectType, subjectId: input.subjectId, subjectName: subject.name },
    };
  }

  /** Approved: the subject is put on the risk list, published until the end date. */
  async applyDetermination(context: WorkflowHookContext, p: RiskListDeterminationPayload): Promise<RiskListEntry> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- workflow onApproved hook: writes the entry in the case's district after the engine's access check
    const repository = context.manager.getRepository(RiskListEntry);
    const period = publicityPeriod(todayInShanghai(), p.publicityMonths!);
    return repository.save(
      repository.create({
        subjectType: p.subjectType,
        subjectId: p.subjectId,
        subjectName: p.subjectName!,
        districtId: context.districtId,
        itemId: p.itemId,
        itemName: p.itemName!,
        circumstanceId: p.circumstanceId,
        circumstanceDescription: p.circumstanceDescription!,
        publicityMonths: p.publicityMonths!,
        factDate: p.factDate,
        documentNo: p.documentNo,
        description: p.description,
        status: EvaluationRecordStatus.EFFECTIVE,
        published: period.end >= period.start,
        publicityStart: period.start,
        publicityEnd: period.end,
        determinationCaseId: context.caseId,
      }),
    );
  }

  async prepareWithdrawal(manager: EntityManager, actor: Actor, input: WithdrawalPayload): Promise<Prepared<WithdrawalPayload>> {
    return withdrawalOf(await this.scope.repository(actor, RiskListEntry, '风险名单', manager).findById(input.recordId), input.reason);
  }


  lock(context: WorkflowHookContext, p: WithdrawalPayload): Promise<void> {
    return lockForForm(context.manager, RiskListEntry, p.recordId, context.caseId);
  }

  release(context: WorkflowHookContext): Promise<void> {
    return releaseForForm(context.manager, RiskListEntry, context.caseId);
  }

  /** 已撤销: removed from the published risk list; 已恢复: no longer published either. */
  async applyWithdrawal(context: WorkflowHookContext, p: WithdrawalPayload, to: EvaluationRecordStatus.REVOKED | EvaluationRecordStatus.RESTORED): Promise<void> {
    await withdraw(context.manager, RiskListEntry, p.recordId, context.caseId, to, p.reason);
  }

  /** 物业服务企业风险名单 / 项目负责人风险名单 with search. */
  async search(actor: Actor, subjectType: EvaluationSubjectType, query: RecordSearchDto): Promise<Page<RiskListEntryListItem>> {
    const entries = this.scope.repository(actor, RiskListEntry, '风险名单');
    const districtId = entries.resolveDistrictFilter(query.districtId);
    const window = pageWindow(query);
    const qb = entries.query('e').select(LIST_COLUMNS.map((c) => `e.${c}`)).andWhere('e.subjectType = :subjectType', { subjectType });
    if (districtId !== null && entries.districtId === null) qb.andWhere('e.districtId = :districtId', { districtId });
    if (query.search) qb.andWhere(`e.subjectName LIKE :search ESCAPE '!'`, { search: `%${escapeLike(query.search)}%` });
    // one subject's entries (subject views)
    if (query.subjectId) qb.andWhere('e.subjectId = :subjectId', { subjectId: query.subjectId });
    if (query.itemId) qb.andWhere('e.itemId = :itemId', { itemId: query.itemId });
    if (query.status) qb.andWhere('e.status = :status', { status: query.status });
    if (query.factDateFrom) qb.andWhere('e.factDate >= :from', { from: query.factDateFrom });
    if (query.factDateTo) qb.andWhere('e.factDate <= :to', { to: query.factDateTo });
    if (query.documentNo) qb.andWhere(`e.documentNo LIKE :documentNo ESCAPE '!'`, { documentNo: `%${escapeLike(query.documentNo)}%` });
    const [rows, total] = await qb.orderBy('e.factDate', 'DESC').addOrderBy('e.id', 'DESC').offset(window.skip).limit(window.take).getManyAndCount();
    const names = await this.districts.all();
    const today = todayInShanghai();
    return toPage(
      rows.map((r) => toListItem(r, names, today)),
      total,
      window,
    );
  }

  async detail(actor: Actor, id: number): Promise<RiskListEntryDetail> {
    const entry = await this.scope.repository(actor, RiskListEntry, '风险名单').findById(id);
    return {
      ...toListItem(entry, await this.districts.all(), todayInShanghai()),
      circumstanceId: entry.circumstanceId,
      publicityMonths: entry.publicityMonths,
      description: entry.description,
      determinationCaseId: entry.determinationCaseId,
      revocationCaseId: entry.revocationCaseId,
      revocationReason: entry.revocationReason,
      revokedAt: entry.revokedAt?.toISOString() ?? null,
      restorationCaseId: entry.restorationCaseId,
      restorationReason: entry.restorationReason,
      restoredAt: entry.restoredAt?.toISOString() ?? null,
      pendingCaseId: entry.pendingCaseId,
    };
  }
}

function toListItem(r: RiskListEntry, districtNames: Map<number, string>, today: string): RiskListEntryListItem {
  const publicityState = publicityStateOf(r, today);
  return {
    id: r.id,
    subjectType: r.subjectType,
    subjectTypeLabel: EVALUATION_SUBJECT_TYPE_LABELS[r.subjectType],
    subjectId: r.subjectId,
    subjectName: r.subjectName,
    districtId: r.districtId,
    districtName: districtNames.get(r.districtId) ?? null,
    itemId: r.itemId,
    itemName: r.itemName,
    circumstanceDescription: r.circumstanceDescription,
    factDate: r.factDate,
    documentNo: r.documentNo,
    status: r.status,
    statusLabel: EVALUATION_RECORD_STATUS_LABELS[r.status],
    publicityState,
    publicityStateLabel: PUBLICITY_STATE_LABELS[publicityState],
    publicityStart: r.publicityStart,
    publicityEnd: r.publicityEnd,
    createdAt: r.createdAt.toISOString(),
  };
}
