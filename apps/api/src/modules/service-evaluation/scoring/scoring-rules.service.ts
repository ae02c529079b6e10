import { Injectable } from '@nestjs/common';
import { ScoringRulesView, ServiceEvaluationErrorCode } from '@szpm/contract';
import { DataSource, EntityManager } from 'typeorm';
import { JobQueue } from '../../../queue/job-queue';
import { JOBS } from '../../../queue/jobs';
import { UpdateScoringRulesDto } from '../dto/catalogue.dto';
import { ScoringRules } from '../entities/scoring-rules.entity';
import { todayInShanghai } from '../records/publicity-period';
import { ServiceEvaluationException } from '../service-evaluation.exception';
import { cycleByKey, cycleOf, ScoringCycle, ScoringRuleSet } from './score-calculator';


/** The scoring rules row (seeded by a migration) and the cycles it defines. */
@Injectable()
export class ScoringRulesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
  ) {}

  async row(manager: EntityManager = this.dataSource.manager): Promise<ScoringRules> {
    return manager.getRepository(ScoringRules).findOneOrFail({ where: { id: ScoringRules.SINGLETON_ID } });
  }

  async ruleSet(manager?: EntityManager): Promise<ScoringRuleSet> {
    return toRuleSet(await this.row(manager));
  }

  async view(): Promise<ScoringRulesView> {
    const row = await this.row();
    return { ...toRuleSet(row), version: row.version, updatedAt: row.updatedAt.toISOString() };
  }

  /** The cycle a key names, or the current one when no key is given. */
  cycle(rules: ScoringRuleSet, key?: string): ScoringCycle {
    if (key === undefined) return cycleOf(todayInShanghai(), rules.cycleKind);
    const cycle = cycleByKey(key, rules.cycleKind);
    if (!cycle) throw new ServiceEvaluationException(ServiceEvaluationErrorCode.INVALID_CYCLE);
    return cycle;
  }

  /** Changes the rules and queues a recompute of every score of the current cycle. */
  async update(dto: UpdateScoringRulesDto): Promise<ScoringRulesView> {
    const g = dto.grades;
    if (!(g.aaa > g.aa && g.aa > g.a && g.a > g.b)) throw new ServiceEvaluationException(ServiceEvaluationErrorCode.INVALID_GRADE_THRESHOLDS);
    const repository = this.dataSource.getRepository(ScoringRules);
    const row = await this.row();
    Object.assign(row, {
      cycleKind: dto.cycleKind,
      basicScoreMax: dto.basicScoreMax,
      goodRecordCap: dto.goodRecordCap,
      gradeAaaMin: g.aaa,
      gradeAaMin: g.aa,
      gradeAMin: g.a,
      gradeBMin: g.b,
    });
    const saved = await repository.save(row);
    // one job per rules version: a retry or a second request for the same version adds nothing
    await this.queue.add(JOBS.recomputeScores, { rulesVersion: saved.version }, { jobId: `${JOBS.recomputeScores.name}:rules-v${saved.version}` });
    return this.view();
  }
}

export function toRuleSet(row: ScoringRules): ScoringRuleSet {
  return {
    cycleKind: row.cycleKind,
    basicScoreMax: row.basicScoreMax,
    goodRecordCap: row.goodRecordCap,
    grades: { aaa: row.gradeAaaMin, aa: row.gradeAaMin, a: row.gradeAMin, b: row.gradeBMin },
  };
}
