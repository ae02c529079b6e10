import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DelegationJobsProcessor } from './delegation-jobs.processor';
import { DelegationsController } from './delegations.controller';
import { DelegationsService } from './delegations.service';
import { Delegation } from './entities/delegation.entity';

/**
 * 代办委托 (manual chapter 7): starting, terminating and expiring delegations, and their lists.
 * Acting on behalf of the delegator is resolved once, by the access layer's ActorLoader.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Delegation])],
  controllers: [DelegationsController],
  providers: [DelegationsService, DelegationJobsProcessor],
})
export class DelegationsModule {}
