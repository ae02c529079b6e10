import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { BadRecordDetail, BadRecordListItem, BadRecordPreview, EvaluationRecordStatus, Page, ServiceEvaluationErrorCode } from '@szpm/contract';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor } from '../../../access/actor';
import { DistrictScope } from '../../../access/district-scope';
import { pageWindow, toPage } from '../../../common/http/pagination.dto';
import { WorkflowFormSummary, WorkflowHookContext } from '../../workflow/workflow-form';
import { CatalogueService } from '../catalogue/catalogue.service';
import { BadRecordDeterminationPayload, BadRecordPreviewDto, WithdrawalPayload } from '../dto/forms.dto';
import { BadRecordSearchDto, LinkCandidatesQueryDto } from '../dto/records-query.dto';
import { BadRecord } from '../entities/bad-record.entity';
import { InvalidatedCache } from '../../../common/cache/invalidated-cache';
import { InvalidationBus } from '../../../common/cache/invalidation-bus';
import { WriteInvalidation } from '../../../common/cache/write-invalidation';
import { TextSearchIndex } from '../../../common/search/text-search';
import { dialectOf, SqlDialect } from '../../../common/sql/insert-rows';
import { AppConfig, APP_CONFIG } from '../../../config/app-config';
import {
  BAD_RECORD_LIST_COLUMNS,
  BAD_RECORD_NAMES,
  badRecordCountKey,
  badRecordCursor,
  badRecordListItem,
  BadRecordListRow,
  badRecordSearchQueries,
  BadRecordSearchFilter,
  parseBadRecordCursor,
} from './bad-record-search';
import { ScoreService } from '../scoring/score.service';
import { ServiceEvaluationException } from '../service-evaluation.exception';
import { EvaluationSubjectsService } from '../subjects/evaluation-subjects.service';
import { columns } from './columns';
import { DistrictNamesService } from './district-names.service';
import { publicityPeriod, todayInShanghai } from './publicity-period';
import { lockForForm, releaseForForm, withdraw, withdrawalOf } from './record-lifecycle';

export interface Prepared<P> {
  payload: P;
  districtId: number;
  summary: WorkflowFormSummary;
}

const BAD_RECORD_COUNTS_TOPIC = 'evaluation_bad_records';

/**
 * 不良信息: what the forms do to bad records (determine, revoke, restore), the preview of points
 * and publicity for the entry screen, and the summary (不良信息汇总) with detail.
 */
@Injectable()
export class BadRecordsService implements OnApplicationBootstrap {
  /** 不良信息汇总's totals per filter (a full count of up to the whole city's records), until a record is written */
  private readonly counts: InvalidatedCache<number>;
  private readonly dialect: SqlDialect;

  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    private readonly catalogue: CatalogueService,
    private readonly subjects: EvaluationSubjectsService,
    private readonly scores: ScoreService,
    private readonly districts: DistrictNamesService,
    private readonly names: TextSearchIndex,
    @Inject(APP_CONFIG) config: AppConfig,
    bus: InvalidationBus,
    writes: WriteInvalidation,
  ) {
    this.dialect = dialectOf(dataSource);
    this.counts = new InvalidatedCache<number>(bus, BAD_RECORD_COUNTS_TOPIC, { ttlMs: config.caches.listCountSeconds * 1000, maxEntries: 5_000 });
    writes.watch(BadRecord, BAD_RECORD_COUNTS_TOPIC);
  }

  /** Subject names written while the index was not kept (before it existed, by imports or the benchmark's generator). */
  async onApplicationBootstrap(): Promise<void> {
    await this.names.sync(BAD_RECORD_NAMES, 'evaluation_bad_records', 'subjectName');
  }

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
    await this.names.add(context.manager, BAD_RECORD_NAMES, [record.subjectName]);
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
    const scope = records.plainCondition('r');
    const requestedDistrict = records.resolveDistrictFilter(query.districtId);
    const window = pageWindow(query);
    // the DTO has checked the cursor's form
    const after = query.cursor ? parseBadRecordCursor(query.cursor) : undefined;
    const filter: BadRecordSearchFilter = {
      scope,
      districtId: scope ? null : requestedDistrict,
      subjectType: query.subjectType,
      subjectId: query.subjectId,
      search: query.search,
      itemId: query.itemId,
      status: query.status,
      factDateFrom: query.factDateFrom,
      factDateTo: query.factDateTo,
      documentNo: query.documentNo,
      page: window.page,
      pageSize: window.pageSize,
      after,
    };
    const sql = badRecordSearchQueries(filter, this.dialect);
    // the two or three statements of a page on one pooled connection, checked out once
    const runner = this.dataSource.createQueryRunner('slave');
    let ids: number[];
    let total: number;
    let rows: BadRecordListRow[];
    try {
      ids = ((await runner.query(sql.ids.sql, sql.ids.params)) as Array<{ id: number | string }>).map((r) => Number(r.id));
      total = await this.counts.get(badRecordCountKey(filter), async () => {
        const [row] = (await runner.query(sql.count.sql, sql.count.params)) as Array<{ n: number | string }>;
        return Number(row?.n ?? 0);
      });
      rows = ids.length ? ((await runner.query(sql.rows(ids).sql, sql.rows(ids).params)) as BadRecordListRow[]) : [];
    } finally {
      await runner.release();
    }
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    const names = await this.districts.all();
    const today = todayInShanghai();
    const items = ids.flatMap((id) => (byId.has(id) ? [badRecordListItem(byId.get(id)!, names, today)] : []));
    const last = items.at(-1);
    return { ...toPage(items, total, window), ...(last && items.length === window.pageSize ? { nextCursor: badRecordCursor(last) } : {}) };
  }

  async detail(actor: Actor, id: number): Promise<BadRecordDetail> {
    const record = await this.scope.repository(actor, BadRecord, '不良信息').findById(id);
    const group =
      record.countOnceGroupId === null
        ? [record.id]
        // eslint-disable-next-line szpm/no-raw-scoped-access -- ids of the count-once group of a record the door has just returned
        : (await this.dataSource.getRepository(BadRecord).find({ where: { countOnceGroupId: record.countOnceGroupId }, select: columns<BadRecord>(['id']), order: { id: 'ASC' } })).map((r) => r.id);
    return {
      ...badRecordListItem(record as unknown as BadRecordListRow, await this.districts.all(), todayInShanghai()),
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
      .select(BAD_RECORD_LIST_COLUMNS.map((c) => `r.${c}`))
      .andWhere('r.subjectType = :subjectType AND r.subjectId = :subjectId AND r.itemId = :itemId', query)
      .andWhere('r.factDate BETWEEN :from AND :to', { from: `${year}-01-01`, to: `${year}-12-31` })
      .andWhere('r.status <> :revoked', { revoked: EvaluationRecordStatus.REVOKED })
      .orderBy('r.factDate', 'ASC')
      .getMany();
    const names = await this.districts.all();
    const today = todayInShanghai();
    return rows.map((r) => badRecordListItem(r as unknown as BadRecordListRow, names, today));
  }

  /** New records belong to the district of the officer entering them. */
  private entryDistrict(actor: Actor): number {
    const districtId = this.scope.districtFilter(actor);
    if (districtId === null) throw new ServiceEvaluationException(ServiceEvaluationErrorCode.NO_DISTRICT);
    return districtId;
  }
}
