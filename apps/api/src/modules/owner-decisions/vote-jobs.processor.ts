import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { JobQueue, PermanentJobError } from '../../queue/job-queue';
import { JOBS } from '../../queue/jobs';
import { VoteClockService } from './vote-clock.service';

/** The vote clock: a delayed job per vote step, and a sweep every five minutes (and at start-up) for whatever is due without one. */
@Injectable()
export class VoteJobsProcessor implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('OwnerVoteJobs');

  constructor(
    private readonly queue: JobQueue,
    private readonly clock: VoteClockService,
  ) {}

  onModuleInit(): void {
    this.queue.handle(JOBS.ownerVoteStep, async (data) => {
      const id = Number(data.voteId);
      if (!Number.isInteger(id) || id < 1) throw new PermanentJobError(`bad voteId ${String(data.voteId)}`);
      await this.clock.step(id);
    });
    this.queue.handle(
      JOBS.ownerVoteSweep,
      async () => {
        const moved = await this.clock.sweep();
        if (moved) this.logger.log(`owner-vote sweep: ${moved} votes stepped`);
      },
      1,
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.schedule(JOBS.ownerVoteSweep);
  }
}
