import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OwnersModule } from '../owners/owners.module';
import { AreaRegistryModule } from '../property-areas/areas/area-registry.module';
import { RegionsModule } from '../regions/regions.module';
import { OWNER_DECISION_ENTITIES } from './entities';
import { OwnerDecisionsController, OwnerDecisionStatisticsController } from './owner-decisions.controller';
import { OwnerDecisionsService } from './owner-decisions.service';
import { OwnerSideVotesController } from './owner-side.controller';
import { OwnerVotesService } from './owner-votes.service';
import { VoteClockService } from './vote-clock.service';
import { VoteJobsProcessor } from './vote-jobs.processor';
import { VoteStatisticsService } from './vote-statistics.service';
import { VoteUnitsService } from './vote-units.service';

/**
 * Chapter 10, 业主决策情况: conveners' votes, the street office's check, the owners' electronic
 * ballots and the conveners' paper ballots, the vote clock and the tally of 民法典 art. 278.
 */
@Module({
  imports: [TypeOrmModule.forFeature(OWNER_DECISION_ENTITIES), RegionsModule, OwnersModule, AreaRegistryModule],
  controllers: [OwnerSideVotesController, OwnerDecisionStatisticsController, OwnerDecisionsController],
  providers: [OwnerDecisionsService, OwnerVotesService, VoteClockService, VoteUnitsService, VoteJobsProcessor, VoteStatisticsService],
  exports: [VoteClockService],
})
export class OwnerDecisionsModule {}
