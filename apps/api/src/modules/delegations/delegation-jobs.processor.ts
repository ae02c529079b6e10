import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { JobQueue, PermanentJobError } from '../../queue/job-queue';
import { JOBS } from '../../queue/jobs';
import { DelegationsService } from './delegations.service';

/** an end this close is waited for by retrying the job rather than by the sweep */
const RETRY_WINDOW_MS = 60_000;

/**
 * A delegation ends by itself at its end time: each one has a delayed job for that moment, and a
 * periodic sweep ends any that are due (jobs of the in-process queue do not survive a restart).
 * Access never waits for either: the access layer reads the end time itself.
 */
@Injectable()
export class DelegationJobsProcessor implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('DelegationJobs');

  constructor(
    private readonly queue: JobQueue,
    private readonly delegations: DelegationsService,
  ) {}

  onModuleInit() {
    this.queue.handle(JOBS.expireDelegation, async (data) => {
      const id = Number(data.delegationId);
      if (!Number.isInteger(id) || id < 1) throw new PermanentJobError(`bad delegationId ${String(data.delegationId)}`);
      const outcome = await this.delegations.expireIfDue(id);
      if (outcome.expired) this.logger.log(`delegation ${id} expired`);
      // a timer that fired a little early is retried (backoff); a far end (capped delay) is left to the sweep
      else if (outcome.remainingMs !== null && outcome.remainingMs <= RETRY_WINDOW_MS) throw new Error(`delegation ${id} ends in ${outcome.remainingMs} ms`);
    });
    this.queue.handle(
      JOBS.expireDueDelegations,
      async () => {
        const expired = await this.delegations.expireDue();
        if (expired) this.logger.log(`${expired} delegation(s) expired`);
      },
      1,
    );
  }

  async onApplicationBootstrap() {
    await this.queue.schedule(JOBS.expireDueDelegations);
  }
}
