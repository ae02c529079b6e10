import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { BadRecordCircumstance } from '../entities/bad-record-circumstance.entity';
import { BadRecordItem } from '../entities/bad-record-item.entity';
import { GoodRecordItem } from '../entities/good-record-item.entity';
import { RiskListCircumstance } from '../entities/risk-list-circumstance.entity';
import { RiskListItem } from '../entities/risk-list-item.entity';
import { EvaluationScore } from '../entities/evaluation-score.entity';
import { ScoringRules } from '../entities/scoring-rules.entity';
import { ScoreService } from '../scoring/score.service';
import { DEFAULT_BAD_RECORD_ITEMS, DEFAULT_GOOD_RECORD_ITEMS, DEFAULT_RISK_LIST_ITEMS, DEFAULT_SCORING_RULES } from './catalogue-defaults';

/**
 * Fills an empty catalogue with the defaults when the app starts (a fresh database, or one emptied
 * by `npm run seed -- --reset`). A part that has any row is left alone: admins own it from then on.
 * Two instances starting at once may race; the loser's insert hits a unique key and is ignored.
 */
@Injectable()
export class CatalogueSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('EvaluationCatalogue');

  constructor(
    private readonly dataSource: DataSource,
    private readonly scores: ScoreService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.seedPart('scoring rules', ScoringRules, (m) => m.insert(ScoringRules, { id: ScoringRules.SINGLETON_ID, ...DEFAULT_SCORING_RULES, version: 1 }));
    await this.seedPart('bad-record items', BadRecordItem, async (m) => {
      for (const [index, item] of DEFAULT_BAD_RECORD_ITEMS.entries()) {
        const saved = await m.save(m.create(BadRecordItem, { code: item.code, name: item.name, subjectType: item.subjectType, countOncePerYear: item.countOncePerYear, sortOrder: index + 1 }));
        await m.insert(
          BadRecordCircumstance,
          item.circumstances.map((c, i) => ({ ...c, itemId: saved.id, sortOrder: i + 1 })),
        );
      }
    });
    await this.seedPart('risk-list items', RiskListItem, async (m) => {
      for (const [index, item] of DEFAULT_RISK_LIST_ITEMS.entries()) {
        const saved = await m.save(m.create(RiskListItem, { code: item.code, name: item.name, subjectType: item.subjectType, sortOrder: index + 1 }));
        await m.insert(
          RiskListCircumstance,
          item.circumstances.map((c, i) => ({ ...c, itemId: saved.id, sortOrder: i + 1 })),
        );
      }
    });
    await this.seedPart('good-record items', GoodRecordItem, (m) =>
      m.insert(
        GoodRecordItem,
        DEFAULT_GOOD_RECORD_ITEMS.map((item, index) => ({ ...item, sortOrder: index + 1 })),
      ),
    );
    await this.scoreFreshlySeededSubjects();
  }

  /** A database seeded outside the app (demo or city seed) has subjects but no scores yet: lists would be empty until the daily recompute. */
  private async scoreFreshlySeededSubjects(): Promise<void> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- start-up seeding, no actor: are there any scores at all
    if ((await this.dataSource.getRepository(EvaluationScore).count({ take: 1 })) > 0) return;
    const result = await this.scores.recomputeAll();
    if (result.subjects > 0) this.logger.log(`scored ${result.subjects} companies and project managers of a freshly seeded database`);
  }

  private async seedPart(label: string, entity: typeof ScoringRules | typeof BadRecordItem | typeof RiskListItem | typeof GoodRecordItem, fill: (manager: EntityManager) => Promise<unknown>): Promise<void> {
    if ((await this.dataSource.getRepository(entity).count()) > 0) return;
    try {
      await this.dataSource.transaction(fill);
      this.logger.log(`default ${label} loaded`);
    } catch (error) {
      if (error instanceof QueryFailedError && /duplicate|unique/i.test(error.message)) return;
      throw error;
    }
  }
}
