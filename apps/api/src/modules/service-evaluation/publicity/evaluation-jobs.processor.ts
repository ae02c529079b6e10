import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { JobQueue } from '../../../queue/job-queue';
import { JOBS } from '../../../queue/jobs';
import { ScoreService } from '../scoring/score.service';
import { PublicityService } from './publicity.service';

/**
 * The module's queue jobs. They carry no payload: each reads the current state from the
 * database, so a duplicate or late run changes nothing that is already right.
 */
@Injectable()
export class EvaluationJobsProcessor implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('EvaluationJobs');

  constructor(
    private readonly queue: JobQueue,
    private readonly publicity: PublicityService,
    private readonly scores: ScoreService,
  ) {}

  onModuleInit() {
    this.queue.handle(JOBS.endPublicity, async () => {
      const ended = await this.publicity.endExpired();
      if (ended.badRecords || ended.riskListEntries) this.logger.log(`publicity ended: ${ended.badRecords} bad records, ${ended.riskListEntries} risk-list entries`);
    });
    this.queue.handle(
      JOBS.recomputeScores,
      async () => {
        await this.scores.recomputeAll();
      },
      1,
    );
  }

  async onApplicationBootstrap() {
    await this.queue.schedule(JOBS.endPublicity);
    await this.queue.schedule(JOBS.recomputeScores);
  }
}
