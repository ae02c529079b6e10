import { Injectable, Logger } from '@nestjs/common';
import { EvaluationSubjectType, Page, ScoreDetail, ScoreListItem, ScoreRecomputeResult } from '@szpm/contract';
import { Between, DataSource, EntityManager, MoreThan } from 'typeorm';
import { Actor } from '../../../access/actor';
import { DistrictScope } from '../../../access/district-scope';
import { pageWindow, toPage } from '../../../common/http/pagination.dto';
import { ProjectManager } from '../../regions/entities/project-manager.entity';
import { PropertyCompany } from '../../regions/entities/property-company.entity';
import { whereCompanyOfDistrict } from '../../regions/district-companies';
import { ScoreQueryDto } from '../dto/score-query.dto';
import { BadRecord } from '../entities/bad-record.entity';
import { EvaluationScore } from '../entities/evaluation-score.entity';
import { GoodRecord } from '../entities/good-record.entity';
import { columns } from '../records/columns';
import { escapeLike } from '../../../common/sql/like';
import { companyBasicInformation, EvaluationSubjectsService, managerBasicInformation, SubjectFacts } from '../subjects/evaluation-subjects.service';
import { computeScore, cycleOf, explainRules, ScorableBadRecord, ScorableGoodRecord, ScoreResult, ScoringCycle, ScoringRuleSet } from './score-calculator';
import { ScoringRulesService } from './scoring-rules.service';

/** Subjects per batch of the full recompute: bounds memory and the size of each upsert. */
const SUBJECT_BATCH = 2000;
const UPSERT_CHUNK = 500;

const BAD_RECORD_COLUMNS = columns<BadRecord>(['id', 'subjectId', 'itemName', 'circumstanceDescription', 'level', 'points', 'factDate', 'status', 'countOncePerYear', 'countOnceGroupId']);
const GOOD_RECORD_COLUMNS = columns<GoodRecord>(['id', 'subjectId', 'itemName', 'points', 'awardDate']);
const SCORE_UPDATE_COLUMNS = ['subjectName', 'districtId', 'basicScore', 'goodRawScore', 'goodScore', 'badScore', 'total', 'grade', 'badRecordCount', 'goodRecordCount', 'computedAt'];

type ScoreRow = Omit<EvaluationScore, 'id'>;

function scoreRow(facts: SubjectFacts, cycle: ScoringCycle, result: ScoreResult, computedAt: Date): ScoreRow {
  return {
    subjectType: facts.subjectType,
    subjectId: facts.subjectId,
    subjectName: facts.name,
    districtId: facts.homeDistrictId,
    cycleKey: cycle.key,
    basicScore: result.basicScore,
    goodRawScore: result.goodRawScore,
    goodScore: result.goodScore,
    badScore: result.badScore,
    total: result.total,
    grade: result.grade,
    badRecordCount: result.badRecordCount,
    goodRecordCount: result.goodRecordCount,
    computedAt,
  };
}

function toListItem(row: EvaluationScore): ScoreListItem {
  return {
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    subjectName: row.subjectName,
    districtId: row.districtId,
    cycleKey: row.cycleKey,
    basicScore: row.basicScore,
    goodScore: row.goodScore,
    badScore: row.badScore,
    total: row.total,
    grade: row.grade,
    badRecordCount: row.badRecordCount,
    goodRecordCount: row.goodRecordCount,
    computedAt: row.computedAt.toISOString(),
  };
}

/**
 * Scores of companies and project managers (物业企业 / 项目负责人 基础信息 and 得分): stored per
 * subject and cycle, recomputed for one subject inside the transaction that changes one of its
 * records, and for everyone in batches (admin endpoint, rules change, benchmark).
 */
@Injectable()
export class ScoreService {
  private readonly logger = new Logger('EvaluationScores');

  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    private readonly subjects: EvaluationSubjectsService,
    private readonly rules: ScoringRulesService,
  ) {}

  /** Recomputes one subject's score for the cycle containing `date` (a record's date), in the caller's transaction. */
  async recomputeSubject(manager: EntityManager, subjectType: EvaluationSubjectType, subjectId: number, date: string): Promise<void> {
    const rules = await this.rules.ruleSet(manager);
    const recordCycle = cycleOf(date, rules.cycleKind);
    const facts = await this.subjects.facts(manager, subjectType, subjectId);
    if (!facts) return;
    const result = await this.scoreOf(manager, rules, recordCycle, facts);
    await this.upsert(manager, [scoreRow(facts, recordCycle, result, new Date())]);
  }

  /** One subject's score, computed now from its records (what the detail page shows). */
  private async scoreOf(manager: EntityManager, rules: ScoringRuleSet, cycle: ScoringCycle, facts: SubjectFacts): Promise<ScoreResult> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- a subject's score counts its records from every district; callers checked the subject (assertVisible, or the deciding form's hook)
    const badRecords = await manager.getRepository(BadRecord).find({
      select: BAD_RECORD_COLUMNS,
      where: { subjectType: facts.subjectType, subjectId: facts.subjectId, factDate: Between(cycle.start, cycle.end) },
    });
    // eslint-disable-next-line szpm/no-raw-scoped-access -- a subject's score counts its records from every district; callers checked the subject (assertVisible, or the deciding form's hook)
    const goodRecords = await manager.getRepository(GoodRecord).find({
      select: GOOD_RECORD_COLUMNS,
      where: { subjectType: facts.subjectType, subjectId: facts.subjectId, awardDate: Between(cycle.start, cycle.end) },
    });
    return computeScore({ rules, cycle, basicInformation: facts.basicInformation, badRecords, goodRecords });
  }

  /**
   * Recomputes every company's and project manager's score for a cycle (default: the current
   * one). Subjects are taken in id order, 2,000 at a time; each batch reads its records with two
   * range queries and writes its scores with multi-row upserts of 500. No transaction spans the
   * batch: each upsert is atomic on its own, and short locks keep the recompute from blocking
   * the forms' own per-subject recomputes.
   */
  async recomputeAll(cycleKey?: string): Promise<ScoreRecomputeResult> {
    const started = Date.now();
    const rules = await this.rules.ruleSet();
    const cycle = this.rules.cycle(rules, cycleKey);
    const computedAt = new Date();
    let subjects = 0;
    let badRecords = 0;
    let goodRecords = 0;
    for (const subjectType of [EvaluationSubjectType.COMPANY, EvaluationSubjectType.PROJECT_MANAGER]) {
      let afterId = 0;
      for (;;) {
        const batch = await this.subjectBatch(subjectType, afterId);
        if (batch.length === 0) break;
        afterId = batch[batch.length - 1].subjectId;
        const [firstId, lastId] = [batch[0].subjectId, afterId];
        // eslint-disable-next-line szpm/no-raw-scoped-access -- recompute of every subject's score (city admin endpoint and the yearly job): city-wide by design
        const bad = await this.dataSource.getRepository(BadRecord).find({
          select: BAD_RECORD_COLUMNS,
          where: { subjectType, subjectId: Between(firstId, lastId), factDate: Between(cycle.start, cycle.end) },
        });
        // eslint-disable-next-line szpm/no-raw-scoped-access -- recompute of every subject's score (city admin endpoint and the yearly job): city-wide by design
        const good = await this.dataSource.getRepository(GoodRecord).find({
          select: GOOD_RECORD_COLUMNS,
          where: { subjectType, subjectId: Between(firstId, lastId), awardDate: Between(cycle.start, cycle.end) },
        });
        badRecords += bad.length;
        goodRecords += good.length;
        const badBySubject = groupBy<ScorableBadRecord & { subjectId: number }>(bad);
        const goodBySubject = groupBy<ScorableGoodRecord & { subjectId: number }>(good);
        const rows = batch.map((facts) =>
          scoreRow(
            facts,
            cycle,
            computeScore({ rules, cycle, basicInformation: facts.basicInformation, badRecords: badBySubject.get(facts.subjectId) ?? [], goodRecords: goodBySubject.get(facts.subjectId) ?? [] }),
            computedAt,
          ),
        );
        await this.upsert(this.dataSource.manager, rows);
        subjects += batch.length;
      }
    }
    const result = { cycleKey: cycle.key, subjects, badRecords, goodRecords, durationMs: Date.now() - started };
    this.logger.log(`recomputed ${result.subjects} scores of ${result.cycleKey} in ${result.durationMs} ms`);
    return result;
  }

  private async subjectBatch(subjectType: EvaluationSubjectType, afterId: number): Promise<SubjectFacts[]> {
    if (subjectType === EvaluationSubjectType.COMPANY) {
      const rows = await this.dataSource.getRepository(PropertyCompany).find({
        select: columns<PropertyCompany>(['id', 'name', 'creditCode', 'legalRepresentative', 'contactPhone', 'address', 'registeredDistrictId']),
        where: { id: MoreThan(afterId) },
        order: { id: 'ASC' },
        take: SUBJECT_BATCH,
      });
      return rows.map((c) => ({ subjectType, subjectId: c.id, name: c.name, homeDistrictId: c.registeredDistrictId, basicInformation: companyBasicInformation(c) }));
    }
    // eslint-disable-next-line szpm/no-raw-scoped-access -- recompute of every subject's score (city admin endpoint and the yearly job): city-wide by design
    const rows = await this.dataSource.getRepository(ProjectManager).find({
      select: columns<ProjectManager>(['id', 'name', 'idNumber', 'phone', 'certificateNo', 'districtId']),
      where: { id: MoreThan(afterId) },
      order: { id: 'ASC' },
      take: SUBJECT_BATCH,
    });
    return rows.map((m) => ({ subjectType, subjectId: m.id, name: m.name, homeDistrictId: m.districtId, basicInformation: managerBasicInformation(m) }));
  }

  private async upsert(manager: EntityManager, rows: ScoreRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- writes the scores just computed: of subjects the caller checked, or of all in the city-wide recompute
      await manager
        .createQueryBuilder()
        .insert()
        .into(EvaluationScore)
        .values(rows.slice(i, i + UPSERT_CHUNK))
        .orUpdate(SCORE_UPDATE_COLUMNS, ['subjectType', 'subjectId', 'cycleKey'])
        .updateEntity(false)
        .execute();
    }
  }

  /**
   * 得分列表: the stored scores of a cycle, highest first (or lowest first), of the subjects of the
   * actor's district: a company's score row carries its registered district, so companies are
   * taken by the district rule every list of a district's companies uses.
   */
  async list(actor: Actor, query: ScoreQueryDto): Promise<Page<ScoreListItem>> {
    const districtId = this.scope.districtFilter(actor, query.districtId);
    const subjectType = query.subjectType ?? EvaluationSubjectType.COMPANY;
    const rules = await this.rules.ruleSet();
    const cycle = this.rules.cycle(rules, query.cycle);
    const window = pageWindow(query);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- restricted on the next lines to the subjects of the district districtFilter just resolved for the actor
    const qb = this.dataSource
      .getRepository(EvaluationScore)
      .createQueryBuilder('s')
      .where('s.cycleKey = :cycleKey', { cycleKey: cycle.key })
      .andWhere('s.subjectType = :subjectType', { subjectType });
    if (subjectType === EvaluationSubjectType.COMPANY) whereCompanyOfDistrict(qb, 's.subjectId', districtId);
    else if (districtId !== null) qb.andWhere('s.districtId = :districtId', { districtId });
    if (query.search) qb.andWhere(`s.subjectName LIKE :search ESCAPE '!'`, { search: `%${escapeLike(query.search)}%` });
    if (query.grade) qb.andWhere('s.grade = :grade', { grade: query.grade });
    const [rows, total] = await qb.orderBy('s.total', query.order === 'asc' ? 'ASC' : 'DESC').addOrderBy('s.subjectId', 'ASC').skip(window.skip).take(window.take).getManyAndCount();
    return toPage(rows.map(toListItem), total, window);
  }

  /** 得分详情 with 计分周期说明: computed now from the records, every number with its rule. */
  async detail(actor: Actor, subjectType: EvaluationSubjectType, subjectId: number, cycleKey?: string): Promise<ScoreDetail> {
    const facts = await this.subjects.assertVisible(actor, subjectType, subjectId);
    const rules = await this.rules.ruleSet();
    const cycle = this.rules.cycle(rules, cycleKey);
    const result = await this.scoreOf(this.dataSource.manager, rules, cycle, facts);
    const row = scoreRow(facts, cycle, result, new Date());
    return {
      ...toListItem({ id: 0, ...row }),
      cycle,
      goodRawScore: result.goodRawScore,
      lines: result.lines,
      explanation: explainRules(rules, cycle),
    };
  }
}

function groupBy<T extends { subjectId: number }>(rows: T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const list = map.get(row.subjectId);
    if (list) list.push(row);
    else map.set(row.subjectId, [row]);
  }
  return map;
}
