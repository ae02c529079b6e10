import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { JobQueue, QueueName } from '../../../queue/job-queue';
import { ScoreService } from '../scoring/score.service';
import { RECOMPUTE_SCORES_JOB } from '../scoring/scoring-rules.service';
import { PublicityService } from './publicity.service';

export const END_PUBLICITY_JOB = 'service-evaluation.end-publicity';

/** Publicity ends at the end of its last day; the job runs often enough that the flag follows within minutes. */
const END_PUBLICITY_EVERY_MS = 10 * 60 * 1000;
/** A daily full recompute brings new subjects and a new cycle into the score lists. */
const RECOMPUTE_EVERY_MS = 24 * 3600 * 1000;

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
    this.queue.register(QueueName.SCHEDULED, END_PUBLICITY_JOB, async () => {
      const ended = await this.publicity.endExpired();
      if (ended.badRecords || ended.riskListEntries) this.logger.log(`publicity ended: ${ended.badRecords} bad records, ${ended.riskListEntries} risk-list entries`);
    });
    this.queue.register(
      QueueName.SCHEDULED,
      RECOMPUTE_SCORES_JOB,
      async () => {
        await this.scores.recomputeAll();
      },
      1,
    );
  }

  async onApplicationBootstrap() {
    await this.queue.schedule(QueueName.SCHEDULED, END_PUBLICITY_JOB, END_PUBLICITY_EVERY_MS);
    await this.queue.schedule(QueueName.SCHEDULED, RECOMPUTE_SCORES_JOB, RECOMPUTE_EVERY_MS);
  }
}
