import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueSeeder } from './catalogue/catalogue-seeder';
import { CatalogueService } from './catalogue/catalogue.service';
import { BadRecordsController } from './controllers/bad-records.controller';
import { CatalogueController } from './controllers/catalogue.controller';
import { GoodRecordsController } from './controllers/good-records.controller';
import { PublicityController } from './controllers/publicity.controller';
import { RiskListController } from './controllers/risk-list.controller';
import { ScoresController } from './controllers/scores.controller';
import { SERVICE_EVALUATION_ENTITIES } from './entities';
import { EvaluationForms } from './forms/evaluation-forms';
import { EvaluationJobsProcessor } from './publicity/evaluation-jobs.processor';
import { PublicityService } from './publicity/publicity.service';
import { BadRecordsService } from './records/bad-records.service';
import { DistrictNamesService } from './records/district-names.service';
import { GoodRecordsService } from './records/good-records.service';
import { RiskListService } from './records/risk-list.service';
import { ScoreService } from './scoring/score.service';
import { ScoringRulesService } from './scoring/scoring-rules.service';
import { EvaluationSubjectsService } from './subjects/evaluation-subjects.service';

/**
 * Chapter 7, 物业服务评价: the catalogue, bad records, good records and the risk list with their
 * forms on the workflow engine, scores, and public publicity.
 */
@Module({
  imports: [TypeOrmModule.forFeature(SERVICE_EVALUATION_ENTITIES)],
  controllers: [CatalogueController, BadRecordsController, GoodRecordsController, RiskListController, ScoresController, PublicityController],
  providers: [
    CatalogueService,
    CatalogueSeeder,
    EvaluationSubjectsService,
    ScoringRulesService,
    ScoreService,
    DistrictNamesService,
    BadRecordsService,
    GoodRecordsService,
    RiskListService,
    PublicityService,
    EvaluationJobsProcessor,
    EvaluationForms,
  ],
  exports: [ScoreService, CatalogueService],
})
export class ServiceEvaluationModule {}
