import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { JobQueue, PermanentJobError } from '../../queue/job-queue';
import { JOBS } from '../../queue/jobs';
import { CommonFundCasesService } from './common-fund-cases.service';
import { CommonFundFeedSchedule } from './common-fund-feed-schedule';

/**
 * The escalation clock: each 责令整改 has a delayed job at the end of its deadline day, and a
 * periodic sweep finds from the database whatever is due (jobs lost in a restart, deadlines further
 * out than the longest delay, areas that became overdue). And the daily bank pull (CommonFundFeedSchedule):
 * one job per account, its sweep every 10 minutes and at start-up.
 */
@Injectable()
export class CommonFundJobsProcessor implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('CommonFundJobs');

  constructor(
    private readonly queue: JobQueue,
    private readonly cases: CommonFundCasesService,
    private readonly feed: CommonFundFeedSchedule,
  ) {}

  onModuleInit() {
    this.queue.handle(JOBS.commonFundRectifyDeadline, async (data) => {
      const id = Number(data.caseId);
      if (!Number.isInteger(id) || id < 1) throw new PermanentJobError(`bad caseId ${String(data.caseId)}`);
      if (await this.cases.expireIfDue(id)) this.logger.log(`common-fund case ${id}: rectification deadline passed`);
    });
    this.queue.handle(
      JOBS.commonFundSweep,
      async () => {
        const { opened, expired, closed } = await this.cases.sweep();
        if (opened || expired || closed) this.logger.log(`common-fund sweep: ${opened} opened, ${expired} expired, ${closed} closed`);
      },
      1,
    );
    this.queue.handle(JOBS.commonFundPull, async (data) => {
      const id = Number(data.accountId);
      if (!Number.isInteger(id) || id < 1) throw new PermanentJobError(`bad accountId ${String(data.accountId)}`);
      await this.feed.pull(id);
    });
    this.queue.handle(JOBS.commonFundPullSweep, async () => void (await this.feed.sweep()), 1);
  }

  async onApplicationBootstrap() {
    await this.queue.schedule(JOBS.commonFundSweep);
    await this.queue.schedule(JOBS.commonFundPullSweep);
    // at start-up: what fell due while the app was down (the pulls' record is the accounts' lastPulledAt)
    await this.queue.requeue(JOBS.commonFundPullSweep, {}, { jobId: 'common-funds.pull-sweep:start', attempts: 1 });
  }
}
