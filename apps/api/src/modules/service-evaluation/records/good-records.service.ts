import { Injectable } from '@nestjs/common';
import { EVALUATION_SUBJECT_TYPE_LABELS, GoodRecordDetail, GoodRecordListItem, Page, ServiceEvaluationErrorCode } from '@szpm/contract';
import { EntityManager } from 'typeorm';
import { Actor } from '../../../access/actor';
import { DistrictScope } from '../../../access/district-scope';
import { pageWindow, toPage } from '../../../common/http/pagination.dto';
import { WorkflowHookContext } from '../../workflow/workflow-form';
import { CatalogueService } from '../catalogue/catalogue.service';
import { GoodRecordDeterminationPayload } from '../dto/forms.dto';
import { GoodRecordSearchDto } from '../dto/records-query.dto';
import { GoodRecord } from '../entities/good-record.entity';
import { ScoreService } from '../scoring/score.service';
import { ServiceEvaluationException } from '../service-evaluation.exception';
import { EvaluationSubjectsService } from '../subjects/evaluation-subjects.service';
import { Prepared } from './bad-records.service';
import { escapeLike } from '../../../common/sql/like';
import { todayInShanghai } from './publicity-period';

/** 良好信息: entered through the same two-step form; adds the item's points to the subject's score. */
@Injectable()
export class GoodRecordsService {
  constructor(
    private readonly scope: DistrictScope,
    private readonly catalogue: CatalogueService,
    private readonly subjects: EvaluationSubjectsService,
    private readonly scores: ScoreService,
  ) {}

  async prepareDetermination(manager: EntityManager, actor: Actor, input: GoodRecordDeterminationPayload): Promise<Prepared<GoodRecordDeterminationPayload>> {
    const districtId = this.scope.districtFilter(actor);
    if (districtId === null) throw new ServiceEvaluationException(ServiceEvaluationErrorCode.NO_DISTRICT);
    if (input.awardDate > todayInShanghai()) throw new ServiceEvaluationException(ServiceEvaluationErrorCode.FACT_DATE_IN_FUTURE, { field: 'awardDate', message: '表彰日期不能晚于今天' });
    const subject = await this.subjects.requireInDistrict(manager, input.subjectType, input.subjectId, districtId);
    const item = await this.catalogue.usableGoodRecordItem(manager, input.itemId, input.subjectType);
    return {
      payload: {
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        itemId: item.id,
        awardDate: input.awardDate,
        documentNo: input.documentNo,
        description: input.description,
        subjectName: subject.name,
        itemName: item.name,
        points: item.points,
      },
      districtId,
      summary: { title: `${subject.name}「${item.name}」`, subjectType: input.subjectType, subjectId: input.subjectId, subjectName: subject.name },
    };
  }

  async applyDetermination(context: WorkflowHookContext, p: GoodRecordDeterminationPayload): Promise<GoodRecord> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- workflow onApproved hook: writes the record in the case's district (context.districtId) after the engine's access check
    const repository = context.manager.getRepository(GoodRecord);
    const record = await repository.save(
      repository.create({
        subjectType: p.subjectType,
        subjectId: p.subjectId,
        subjectName: p.subjectName!,
        districtId: context.districtId,
        itemId: p.itemId,
        itemName: p.itemName!,
        points: p.points!,
        awardDate: p.awardDate,
        documentNo: p.documentNo,
        description: p.description,
        determinationCaseId: context.caseId,
      }),
    );
    await this.scores.recomputeSubject(context.manager, p.subjectType, p.subjectId, p.awardDate);
    return record;
  }

  async search(actor: Actor, query: GoodRecordSearchDto): Promise<Page<GoodRecordListItem>> {
    const records = this.scope.repository(actor, GoodRecord, '良好信息');
    const districtId = records.resolveDistrictFilter(query.districtId);
    const window = pageWindow(query);
    const qb = records.query('g');
    if (districtId !== null && records.districtId === null) qb.andWhere('g.districtId = :districtId', { districtId });
    if (query.subjectType) qb.andWhere('g.subjectType = :subjectType', { subjectType: query.subjectType });
    if (query.search) qb.andWhere(`g.subjectName LIKE :search ESCAPE '!'`, { search: `%${escapeLike(query.search)}%` });
    const [rows, total] = await qb.orderBy('g.awardDate', 'DESC').addOrderBy('g.id', 'DESC').skip(window.skip).take(window.take).getManyAndCount();
    return toPage(rows.map(toListItem), total, window);
  }

  async detail(actor: Actor, id: number): Promise<GoodRecordDetail> {
    const record = await this.scope.repository(actor, GoodRecord, '良好信息').findById(id);
    return { ...toListItem(record), description: record.description, determinationCaseId: record.determinationCaseId };
  }
}

function toListItem(r: GoodRecord): GoodRecordListItem {
  return {
    id: r.id,
    subjectType: r.subjectType,
    subjectTypeLabel: EVALUATION_SUBJECT_TYPE_LABELS[r.subjectType],
    subjectId: r.subjectId,
    subjectName: r.subjectName,
    districtId: r.districtId,
    itemId: r.itemId,
    itemName: r.itemName,
    points: r.points,
    awardDate: r.awardDate,
    documentNo: r.documentNo,
    createdAt: r.createdAt.toISOString(),
  };
}
