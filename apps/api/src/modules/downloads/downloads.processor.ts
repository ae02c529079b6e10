import { Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { JobQueue, PermanentJobError } from '../../queue/job-queue';
import { JOBS } from '../../queue/jobs';
import { DownloadsService } from './downloads.service';

/** Exports run a couple at a time per worker: each streams a whole ledger through one connection. */
const PRODUCE_CONCURRENCY = 2;

/** The 下载列表 jobs: one run per export, and the sweep every 5 minutes and at start-up. */
@Injectable()
export class DownloadsProcessor implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly queue: JobQueue,
    private readonly downloads: DownloadsService,
  ) {}

  onModuleInit() {
    this.queue.handle(
      JOBS.produceDownload,
      async (data) => {
        const id = Number(data.downloadId);
        if (!Number.isInteger(id) || id < 1) throw new PermanentJobError(`bad downloadId ${String(data.downloadId)}`);
        await this.downloads.produce(id);
      },
      PRODUCE_CONCURRENCY,
    );
    this.queue.handle(JOBS.sweepDownloads, async () => void (await this.downloads.sweep()), 1);
  }

  async onApplicationBootstrap() {
    await this.queue.schedule(JOBS.sweepDownloads);
    // at start-up: exports queued while no job could be added, or whose job was lost with the process
    await this.queue.requeue(JOBS.sweepDownloads, {}, { jobId: 'downloads.sweep:start', attempts: 1 });
  }
}
