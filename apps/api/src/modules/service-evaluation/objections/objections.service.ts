import { Injectable } from '@nestjs/common';
import {
  EVALUATION_RECORD_STATUS_LABELS,
  EvaluationRecordStatus,
  OBJECTION_FORM_TYPE,
  OBJECTION_GROUNDS_LABELS,
  OBJECTION_OUTCOME_LABELS,
  OBJECTION_TARGET_LABELS,
  ObjectionDetail,
  ObjectionErrorCode,
  ObjectionGrounds,
  ObjectionListItem,
  ObjectionPayloadView,
  ObjectionTarget,
  Page,
  WORKFLOW_STATUS_LABELS,
  WorkflowAction,
  WorkflowCaseDetail,
  WorkflowStatus,
} from '@szpm/contract';
import { DataSource, In, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../../../access/actor';
import { DistrictScope } from '../../../access/district-scope';
import { AppException } from '../../../common/errors/app.exception';
import { pageWindow, toPage } from '../../../common/http/pagination.dto';
import { WorkflowCase } from '../../workflow/entities/workflow-case.entity';
import { WorkflowService } from '../../workflow/workflow.service';
import { BadRecord } from '../entities/bad-record.entity';
import { EvaluationScore } from '../entities/evaluation-score.entity';
import { RiskListEntry } from '../entities/risk-list-entry.entity';
import { FileObjectionDto, ObjectionQueryDto, ResubmitObjectionDto } from './dto/objection.dto';
import { Objection } from './entities/objection.entity';
import { subjectOf, targetKeyOf } from './objection-form';
import { ObjectionException } from './objection.exception';

/** A record or score of the subject's own that an objection may be filed on (the subject's 我的评价信息). */
export interface ObjectableTarget {
  target: ObjectionTarget;
  recordId: number | null;
  cycleKey: string | null;
  title: string;
  date: string | null;
  points: number | null;
  statusLabel: string;
  /** grounds already used on it: a second objection on the same grounds is refused */
  objectedGrounds: ObjectionGrounds[];
}

interface Row {
  objection: Objection;
  status: WorkflowStatus;
}

/**
 * The subject's side of 异议处理 (file, list mine with status, detail, supplement and resubmit) and
 * the district's list. The officers act on the form through the workflow endpoints and todos.
 */
@Injectable()
export class ObjectionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    private readonly workflow: WorkflowService,
  ) {}

  /** The subject's own records and scores that can be disputed, with the grounds already used. */
  async targets(actor: Actor): Promise<ObjectableTarget[]> {
    const subject = this.requireSubject(actor);
    const where = { subjectType: subject.subjectType, subjectId: subject.subjectId };
    const [badRecords, riskEntries, scores, filed] = await Promise.all([
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the objecting unit's own records (subject from the actor's unit, not a district)
      this.dataSource.getRepository(BadRecord).find({ where: { ...where, status: EvaluationRecordStatus.EFFECTIVE }, order: { factDate: 'DESC', id: 'DESC' } }),
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the objecting unit's own records (subject from the actor's unit, not a district)
      this.dataSource.getRepository(RiskListEntry).find({ where: { ...where, status: EvaluationRecordStatus.EFFECTIVE }, order: { factDate: 'DESC', id: 'DESC' } }),
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the objecting unit's own records (subject from the actor's unit, not a district)
      this.dataSource.getRepository(EvaluationScore).find({ where, order: { cycleKey: 'DESC' } }),
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the objecting unit's own objections (subject from the actor's unit, not a district)
      this.dataSource.getRepository(Objection).find({ where, select: { id: true, targetKey: true, grounds: true } }),
    ]);
    const used = (key: string) => filed.filter((o) => o.targetKey === key).map((o) => o.grounds);
    return [
      ...badRecords.map((r) => ({
        target: ObjectionTarget.BAD_RECORD,
        recordId: r.id,
        cycleKey: null,
        title: `${r.itemName}：${r.circumstanceDescription}`,
        date: r.factDate,
        points: r.points,
        statusLabel: EVALUATION_RECORD_STATUS_LABELS[r.status],
        objectedGrounds: used(targetKeyOf({ target: ObjectionTarget.BAD_RECORD, recordId: r.id })),
      })),
      ...riskEntries.map((r) => ({
        target: ObjectionTarget.RISK_LIST_ENTRY,
        recordId: r.id,
        cycleKey: null,
        title: `${r.itemName}：${r.circumstanceDescription}`,
        date: r.factDate,
        points: null,
        statusLabel: EVALUATION_RECORD_STATUS_LABELS[r.status],
        objectedGrounds: used(targetKeyOf({ target: ObjectionTarget.RISK_LIST_ENTRY, recordId: r.id })),
      })),
      ...scores.map((s) => ({
        target: ObjectionTarget.SCORE,
        recordId: null,
        cycleKey: s.cycleKey,
        title: `${s.cycleKey}年度得分 ${s.total}分（${s.grade}）`,
        date: null,
        points: s.total,
        statusLabel: s.grade,
        objectedGrounds: used(targetKeyOf({ target: ObjectionTarget.SCORE, ...subject, cycleKey: s.cycleKey })),
      })),
    ];
  }

  async file(actor: Actor, dto: FileObjectionDto): Promise<ObjectionDetail> {
    this.requireSubject(actor);
    const { attachmentIds, remark, ...statement } = dto;
    const created = await this.workflow.file(actor, OBJECTION_FORM_TYPE, statement, { attachmentIds, remark });
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the objection of the case the workflow has just created for the actor
    const objection = await this.dataSource.getRepository(Objection).findOneByOrFail({ caseId: created.id });
    return this.toDetail({ objection, status: created.status }, created);
  }

  /** 我的异议: the subject's objections (any account of the unit), newest first, with their status. */
  async mine(actor: Actor, query: ObjectionQueryDto): Promise<Page<ObjectionListItem>> {
    const subject = this.requireSubject(actor);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- 我的异议: only the objecting unit's own objections (where on the next line)
    const qb = this.withStatus(this.dataSource.getRepository(Objection).createQueryBuilder('o'))
      .where('o.subjectType = :subjectType AND o.subjectId = :subjectId', subject);
    return this.page(qb, query);
  }

  /** The district's objections (审批事项查询 shows them too; this list adds target, grounds and outcome). */
  async list(actor: Actor, query: ObjectionQueryDto): Promise<Page<ObjectionListItem>> {
    const qb = this.withStatus(this.scope.repository(actor, Objection, '异议').query('o'));
    return this.page(qb, query);
  }

  /** The objection with its form; the workflow engine decides whether the caller may see it. */
  async detail(actor: Actor, id: number): Promise<ObjectionDetail> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- workflow.get below decides whether the caller may see the case
    const objection = await this.dataSource.getRepository(Objection).findOne({ where: { id } });
    if (!objection) throw AppException.notFound('异议');
    const form = await this.workflow.get(actor, objection.caseId);
    return this.toDetail({ objection, status: form.status }, form);
  }

  /** 补录后重新提交: the applicant's text may change; target, kind and grounds stay. */
  async resubmit(actor: Actor, id: number, dto: ResubmitObjectionDto): Promise<ObjectionDetail> {
    this.requireSubject(actor);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- workflow.get below decides whether the caller may see the case
    const objection = await this.dataSource.getRepository(Objection).findOne({ where: { id } });
    if (!objection) throw AppException.notFound('异议');
    const current = await this.workflow.get(actor, objection.caseId);
    const payload = dto.text === undefined ? undefined : { ...current.payload, text: dto.text };
    const form = await this.workflow.act(actor, objection.caseId, { action: WorkflowAction.RESUBMIT, version: dto.version, attachmentIds: dto.attachmentIds, remark: dto.remark, payload });
    return this.toDetail({ objection, status: form.status }, form);
  }

  private requireSubject(actor: Actor) {
    const subject = subjectOf(actor);
    if (!subject) throw new ObjectionException(ObjectionErrorCode.NOT_A_SUBJECT);
    return subject;
  }

  private withStatus(qb: SelectQueryBuilder<Objection>): SelectQueryBuilder<Objection> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- joins the case status of objections already scoped (door or own unit)
    return qb.innerJoin(WorkflowCase, 'c', 'c.id = o.caseId');
  }

  private async page(qb: SelectQueryBuilder<Objection>, query: ObjectionQueryDto): Promise<Page<ObjectionListItem>> {
    const window = pageWindow(query);
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.target) qb.andWhere('o.target = :target', { target: query.target });
    const total = Number((await qb.clone().select('COUNT(*)', 'n').getRawOne<{ n: number | string }>())?.n ?? 0);
    const rows = await qb.clone().select(['o.id AS id', 'c.status AS status']).orderBy('o.createdAt', 'DESC').addOrderBy('o.id', 'DESC').offset(window.skip).limit(window.take).getRawMany<{ id: number; status: WorkflowStatus }>();
    // eslint-disable-next-line szpm/no-raw-scoped-access -- loads the page of ids the scoped query above returned
    const objections = rows.length ? await this.dataSource.getRepository(Objection).find({ where: { id: In(rows.map((r) => Number(r.id))) } }) : [];
    const byId = new Map(objections.map((o) => [o.id, o]));
    return toPage(
      rows.map((r) => toListItem({ objection: byId.get(Number(r.id))!, status: r.status })),
      total,
      window,
    );
  }

  private toDetail(row: Row, form: WorkflowCaseDetail): ObjectionDetail {
    return { ...toListItem(row), case: form as unknown as WorkflowCaseDetail<ObjectionPayloadView> };
  }
}

function toListItem({ objection: o, status }: Row): ObjectionListItem {
  return {
    id: o.id,
    caseId: o.caseId,
    businessNo: o.businessNo,
    target: o.target,
    targetLabel: OBJECTION_TARGET_LABELS[o.target],
    recordId: o.recordId,
    cycleKey: o.cycleKey,
    subjectType: o.subjectType,
    subjectId: o.subjectId,
    subjectName: o.subjectName,
    districtId: o.districtId,
    kindName: o.kindName,
    grounds: o.grounds,
    groundsLabel: OBJECTION_GROUNDS_LABELS[o.grounds],
    status,
    statusLabel: WORKFLOW_STATUS_LABELS[status],
    outcome: o.outcome,
    outcomeLabel: o.outcome ? OBJECTION_OUTCOME_LABELS[o.outcome] : null,
    createdAt: o.createdAt.toISOString(),
    decidedAt: o.decidedAt ? o.decidedAt.toISOString() : null,
  };
}
