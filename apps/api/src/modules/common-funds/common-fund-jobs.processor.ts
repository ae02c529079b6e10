import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { JobQueue, PermanentJobError } from '../../queue/job-queue';
import { JOBS } from '../../queue/jobs';
import { CommonFundCasesService } from './common-fund-cases.service';

/**
 * The escalation clock: each 责令整改 has a delayed job at the end of its deadline day, and a
 * periodic sweep finds from the database whatever is due (jobs lost in a restart, deadlines further
 * out than the longest delay, areas that became overdue).
 */
@Injectable()
export class CommonFundJobsProcessor implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('CommonFundJobs');

  constructor(
    private readonly queue: JobQueue,
    private readonly cases: CommonFundCasesService,
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
  }

  async onApplicationBootstrap() {
    await this.queue.schedule(JOBS.commonFundSweep);
  }
}
