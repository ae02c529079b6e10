import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { OwnersModule } from '../owners/owners.module';
import { AreaRegistryModule } from '../property-areas/areas/area-registry.module';
import { RegionsModule } from '../regions/regions.module';
import { OWNER_EVALUATION_ENTITIES } from './entities';
import { EvaluationCatalogueSeed } from './evaluation-catalogue';
import { EvaluationJobsProcessor } from './evaluation-jobs.processor';
import { EvaluationRankingService } from './evaluation-ranking.service';
import { EvaluationStatisticsService } from './evaluation-statistics.service';
import { OwnerEvaluationsAdminController, OwnerEvaluationsController } from './owner-evaluations.controller';
import { OwnerEvaluationsService } from './owner-evaluations.service';
import { OwnerSideEvaluationsController } from './owner-side.controller';

/**
 * Chapter 9, 业主评价情况: owners' monthly evaluations (the owners' side), the evaluated side's
 * replies, the city ranking, 评价统计 by region, 催办, and the six-month streaks of 信用信息.
 */
@Module({
  imports: [TypeOrmModule.forFeature(OWNER_EVALUATION_ENTITIES), RegionsModule, NotificationsModule, OwnersModule, AreaRegistryModule],
  controllers: [OwnerSideEvaluationsController, OwnerEvaluationsController, OwnerEvaluationsAdminController],
  providers: [OwnerEvaluationsService, EvaluationStatisticsService, EvaluationRankingService, EvaluationJobsProcessor, EvaluationCatalogueSeed],
})
export class OwnerEvaluationsModule {}
