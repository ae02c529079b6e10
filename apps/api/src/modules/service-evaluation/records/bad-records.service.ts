import { Injectable } from '@nestjs/common';
import {
  BadRecordDetail,
  BadRecordListItem,
  BadRecordPreview,
  EVALUATION_RECORD_STATUS_LABELS,
  EVALUATION_SUBJECT_TYPE_LABELS,
  EvaluationRecordStatus,
  Page,
  PUBLICITY_STATE_LABELS,
  ServiceEvaluationErrorCode,
} from '@szpm/contract';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor } from '../../../access/actor';
import { DistrictScope } from '../../../access/district-scope';
import { pageWindow, toPage } from '../../../common/http/pagination.dto';
import { WorkflowFormSummary, WorkflowHookContext } from '../../workflow/workflow-form';
import { CatalogueService } from '../catalogue/catalogue.service';
import { BadRecordDeterminationPayload, BadRecordPreviewDto, WithdrawalPayload } from '../dto/forms.dto';
import { BadRecordSearchDto, LinkCandidatesQueryDto } from '../dto/records-query.dto';
import { BAD_RECORD_NAME_IN_DISTRICT_INDEX, BAD_RECORD_NAME_INDEX, BadRecord } from '../entities/bad-record.entity';
import { ScoreService } from '../scoring/score.service';
import { ServiceEvaluationException } from '../service-evaluation.exception';
import { EvaluationSubjectsService } from '../subjects/evaluation-subjects.service';
import { columns } from './columns';
import { DistrictNamesService } from './district-names.service';
import { escapeLike } from '../../../common/sql/like';
import { publicityPeriod, publicityStateOf, todayInShanghai } from './publicity-period';
import { lockForForm, releaseForForm, withdraw, withdrawalOf } from './record-lifecycle';

/** The columns of a list row (no description text). */
const LIST_COLUMNS: (keyof BadRecord)[] = [
  'id',
  'subjectType',
  'subjectId',
  'subjectName',
  'districtId',
  'itemId',
  'itemName',
  'circumstanceDescription',
  'level',
  'points',
  'factDate',
  'documentNo',
  'status',
  'published',
  'publicityStart',
  'publicityEnd',
  'createdAt',
];

export interface Prepared<P> {
  payload: P;
  districtId: number;
  summary: WorkflowFormSummary;
}

/**
 * 不良信息: what the forms do to bad records (determine, revoke, restore), the preview of points
 * and publicity for the entry screen, and the summary (不良信息汇总) with detail.
 */
@Injectable()
export class BadRecordsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    private readonly catalogue: CatalogueService,
    private readonly subjects: EvaluationSubjectsService,
    private readonly scores: ScoreService,
    private readonly districts: DistrictNamesService,
  ) {}

  /** 分值 and 公示期时长 as the server will compute them (never entered by hand). */
  async preview(dto: BadRecordPreviewDto): Promise<BadRecordPreview> {
    const { item, circumstance } = await this.catalogue.usableBadRecordEntry(this.dataSource.manager, dto.itemId, dto.circumstanceId, dto.subjectType);
    const period = publicityPeriod(todayInShanghai(), circumstance.publicityMonths);
    return {
      itemId: item.id,
      itemName: item.name,
      circumstanceId: circumstance.id,
      circumstanceDescription: circumstance.description,
      level: circumstance.level,
      points: circumstance.points,
      publicityMonths: circumstance.publicityMonths,
      countOncePerYear: item.countOncePerYear,
      publicityStartIfApprovedToday: period.start,
      publicityEndIfApprovedToday: period.end,
    };
  }

  // ---- 不良信息认定 ---------------------------------------------------------------------------

  /** Checks the content and fills what the server decides: subject name, level, points, publicity months. */
  async prepareDetermination(manager: EntityManager, actor: Actor, input: BadRecordDeterminationPayload): Promise<Prepared<BadRecordDeterminationPayload>> {
    const districtId = this.entryDistrict(actor);
    if (input.factDate > todayInShanghai()) throw new ServiceEvaluationException(ServiceEvaluationErrorCode.FACT_DATE_IN_FUTURE);
    const subject = await this.subjects.requireInDistrict(manager, input.subjectType, input.subjectId, districtId);
    const { item, circumstance } = await this.catalogue.usableBadRecordEntry(manager, input.itemId, input.circumstanceId, input.subjectType);
    const linkedRecordIds = [...new Set(input.linkedRecordIds ?? [])];
    if (linkedRecordIds.length) {
      if (!item.countOncePerYear) throw new ServiceEvaluationException(ServiceEvaluationErrorCode.INVALID_LINKED_RECORD);
      const linked = await this.scope.repository(actor, BadRecord, '不良信息', manager).query('r').andWhere('r.id IN (:...ids)', { ids: linkedRecordIds }).getMany();
      const fits = (r: BadRecord) =>
        r.subjectType === input.subjectType &&
        r.subjectId === input.subjectId &&
        r.itemId === item.id &&
        r.factDate.slice(0, 4) === input.factDate.slice(0, 4) &&
        r.status !== EvaluationRecordStatus.REVOKED;
      if (linked.length !== linkedRecordIds.length || !linked.every(fits)) throw new ServiceEvaluationException(ServiceEvaluationErrorCode.INVALID_LINKED_RECORD);
    }
    const payload: BadRecordDeterminationPayload = {
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      itemId: item.id,
      circumstanceId: circumstance.id,
      factDate: input.factDate,
      documentNo: input.documentNo,
      description: input.description,
      linkedRecordIds,
      subjectName: subject.name,
      itemName: item.name,
      circumstanceDescription: circumstance.description,
      level: circumstance.level,
      points: circumstance.points,
      publicityMonths: circumstance.publicityMonths,
      countOncePerYear: item.countOncePerYear,
    };
    return {
      payload,
      districtId,
      summary: { title: `${subject.name}「${item.name}」`, subjectType: input.subjectType, subjectId: input.subjectId, subjectName: subject.name },
    };
  }

  /** Approved: the record takes effect, is published until its end date, and the subject is rescored. */
  async applyDetermination(context: WorkflowHookContext, p: BadRecordDeterminationPayload): Promise<BadRecord> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- workflow onApproved hook: writes the record in the case's district (context.districtId) after the engine's access check
    const repository = context.manager.getRepository(BadRecord);
    const period = publicityPeriod(todayInShanghai(), p.publicityMonths!);
    const record = await repository.save(
      repository.create({
        subjectType: p.subjectType,
        subjectId: p.subjectId,
        subjectName: p.subjectName!,
        districtId: context.districtId,
        itemId: p.itemId,
        itemName: p.itemName!,
        countOncePerYear: p.countOncePerYear!,
        circumstanceId: p.circumstanceId,
        circumstanceDescription: p.circumstanceDescription!,
        level: p.level!,
        points: p.points!,
        publicityMonths: p.publicityMonths!,
        factDate: p.factDate,
        documentNo: p.documentNo,
        description: p.description,
        status: EvaluationRecordStatus.EFFECTIVE,
        published: period.end >= period.start,
        publicityStart: period.start,
        publicityEnd: period.end,
        linkedRecordIds: p.linkedRecordIds ?? [],
        countOnceGroupId: null,
        determinationCaseId: context.caseId,
      }),
    );
    const links = p.linkedRecordIds ?? [];
    if (links.length) {
      // merge the new record and every group it links into one group named by its smallest id
      const linked = await repository.find({ where: { id: In(links) }, select: columns<BadRecord>(['id', 'countOnceGroupId']) });
      const groups = [...new Set(linked.map((r) => r.countOnceGroupId ?? r.id))];
      const groupId = Math.min(...groups, ...linked.map((r) => r.id), record.id);
      await repository
        .createQueryBuilder()
        .update()
        .set({ countOnceGroupId: groupId })
        .where('id IN (:...ids)', { ids: [...linked.map((r) => r.id), record.id] })
        .orWhere('countOnceGroupId IN (:...groups)', { groups })
        .execute();
    }
    await this.scores.recomputeSubject(context.manager, p.subjectType, p.subjectId, p.factDate);
    return record;
  }

  // ---- 不良信息撤销 / 恢复 --------------------------------------------------------------------

  /** The record must be the actor's district's and effective; the form shows what it is about. */
  async prepareWithdrawal(manager: EntityManager, actor: Actor, input: WithdrawalPayload): Promise<Prepared<WithdrawalPayload>> {
    return withdrawalOf(await this.scope.repository(actor, BadRecord, '不良信息', manager).findById(input.recordId), input.reason);
  }


  lock(context: WorkflowHookContext, p: WithdrawalPayload): Promise<void> {
    return lockForForm(context.manager, BadRecord, p.recordId, context.caseId);
  }

  release(context: WorkflowHookContext): Promise<void> {
    return releaseForForm(context.manager, BadRecord, context.caseId);
  }

  /** Approved revocation (已撤销: unpublished, unscored) or restoration (已恢复: unpublished, points kept). */
  async applyWithdrawal(context: WorkflowHookContext, p: WithdrawalPayload, to: EvaluationRecordStatus.REVOKED | EvaluationRecordStatus.RESTORED): Promise<void> {
    const record = (await withdraw(context.manager, BadRecord, p.recordId, context.caseId, to, p.reason)) as BadRecord;
    await this.scores.recomputeSubject(context.manager, record.subjectType, record.subjectId, record.factDate);
  }

  // ---- 不良信息汇总 ---------------------------------------------------------------------------

  async search(actor: Actor, query: BadRecordSearchDto): Promise<Page<BadRecordListItem>> {
    const records = this.scope.repository(actor, BadRecord, '不良信息');
    const districtId = records.resolveDistrictFilter(query.districtId);
    const window = pageWindow(query);
    const qb = records.query('r');
    if (districtId !== null && records.districtId === null) qb.andWhere('r.districtId = :districtId', { districtId });
    if (query.subjectType) qb.andWhere('r.subjectType = :subjectType', { subjectType: query.subjectType });
    // one subject's records (subject views): the (subjectType, subjectId, factDate) index
    if (query.subjectId) qb.andWhere('r.subjectId = :subjectId', { subjectId: query.subjectId });
    if (query.search) {
      qb.andWhere(`r.subjectName LIKE :search ESCAPE '!'`, { search: `%${escapeLike(query.search)}%` });
      // MySQL cannot estimate a '%…%' match and would walk the fact-date index fetching rows until
      // 20 match (all of them when few do); the name index answers from the index alone
      qb.useIndex(districtId !== null ? BAD_RECORD_NAME_IN_DISTRICT_INDEX : BAD_RECORD_NAME_INDEX);
    }
    if (query.itemId) qb.andWhere('r.itemId = :itemId', { itemId: query.itemId });
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.factDateFrom) qb.andWhere('r.factDate >= :from', { from: query.factDateFrom });
    if (query.factDateTo) qb.andWhere('r.factDate <= :to', { to: query.factDateTo });
    if (query.documentNo) qb.andWhere(`r.documentNo LIKE :documentNo ESCAPE '!'`, { documentNo: `%${escapeLike(query.documentNo)}%` });
    // the ids of the page and the count come from a covering index; then the page's rows by id
    const total = Number((await qb.clone().select('COUNT(*)', 'n').getRawOne<{ n: string | number }>())?.n ?? 0);
    const ids = (await qb.clone().select('r.id', 'id').orderBy('r.factDate', 'DESC').addOrderBy('r.id', 'DESC').offset(window.skip).limit(window.take).getRawMany<{ id: number }>()).map((r) => Number(r.id));
    const byId = new Map(
      // eslint-disable-next-line szpm/no-raw-scoped-access -- loads the page of ids the scoped query above returned
      ids.length ? (await this.dataSource.getRepository(BadRecord).find({ select: columns<BadRecord>(LIST_COLUMNS), where: { id: In(ids) } })).map((r) => [r.id, r]) : [],
    );
    const rows = ids.map((id) => byId.get(id)).filter((r): r is BadRecord => r !== undefined);
    const names = await this.districts.all();
    const today = todayInShanghai();
    return toPage(
      rows.map((r) => toListItem(r, names, today)),
      total,
      window,
    );
  }

  async detail(actor: Actor, id: number): Promise<BadRecordDetail> {
    const record = await this.scope.repository(actor, BadRecord, '不良信息').findById(id);
    const group =
      record.countOnceGroupId === null
        ? [record.id]
        // eslint-disable-next-line szpm/no-raw-scoped-access -- ids of the count-once group of a record the door has just returned
        : (await this.dataSource.getRepository(BadRecord).find({ where: { countOnceGroupId: record.countOnceGroupId }, select: columns<BadRecord>(['id']), order: { id: 'ASC' } })).map((r) => r.id);
    return {
      ...toListItem(record, await this.districts.all(), todayInShanghai()),
      circumstanceId: record.circumstanceId,
      publicityMonths: record.publicityMonths,
      countOncePerYear: record.countOncePerYear,
      description: record.description,
      linkedRecordIds: record.linkedRecordIds,
      countOnceGroupRecordIds: group,
      determinationCaseId: record.determinationCaseId,
      revocationCaseId: record.revocationCaseId,
      revocationReason: record.revocationReason,
      revokedAt: record.revokedAt?.toISOString() ?? null,
      restorationCaseId: record.restorationCaseId,
      restorationReason: record.restorationReason,
      restoredAt: record.restoredAt?.toISOString() ?? null,
      pendingCaseId: record.pendingCaseId,
    };
  }

  /** 关联同年度的不良信息: the subject's not-revoked records of the same item in the same year. */
  async linkCandidates(actor: Actor, query: LinkCandidatesQueryDto): Promise<BadRecordListItem[]> {
    const year = query.factDate.slice(0, 4);
    const rows = await this.scope
      .repository(actor, BadRecord, '不良信息')
      .query('r')
      .select(LIST_COLUMNS.map((c) => `r.${c}`))
      .andWhere('r.subjectType = :subjectType AND r.subjectId = :subjectId AND r.itemId = :itemId', query)
      .andWhere('r.factDate BETWEEN :from AND :to', { from: `${year}-01-01`, to: `${year}-12-31` })
      .andWhere('r.status <> :revoked', { revoked: EvaluationRecordStatus.REVOKED })
      .orderBy('r.factDate', 'ASC')
      .getMany();
    const names = await this.districts.all();
    const today = todayInShanghai();
    return rows.map((r) => toListItem(r, names, today));
  }

  /** New records belong to the district of the officer entering them. */
  private entryDistrict(actor: Actor): number {
    const districtId = this.scope.districtFilter(actor);
    if (districtId === null) throw new ServiceEvaluationException(ServiceEvaluationErrorCode.NO_DISTRICT);
    return districtId;
  }
}

function toListItem(r: BadRecord, districtNames: Map<number, string>, today: string): BadRecordListItem {
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
    level: r.level,
    points: r.points,
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
