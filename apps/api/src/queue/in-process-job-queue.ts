import { Logger } from '@nestjs/common';
import { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, JobCounts, JobData, JobHandler, JobOptions, JobQueue, PermanentJobError, QueueName } from './job-queue';

interface PendingJob {
  queue: QueueName;
  jobName: string;
  jobId: string;
  data: JobData;
  attempts: number;
  backoffMs: number;
  attempt: number;
  timer?: NodeJS.Timeout;
  running: boolean;
}

/**
 * Embedded mode's queue (no Redis): the same handlers, run in this process with the same job-id
 * de-duplication, retries and backoff as Bull. Jobs do not survive a restart; their processors
 * re-enqueue unfinished work from the database at start.
 */
export class InProcessJobQueue extends JobQueue {
  readonly kind = 'in-process' as const;
  private readonly logger = new Logger('InProcessQueue');
  private readonly handlers = new Map<string, JobHandler>();
  private readonly jobs = new Map<string, PendingJob>();
  private readonly intervals: NodeJS.Timeout[] = [];
  private readonly stats = new Map<QueueName, { failed: number; completed: number }>();
  private started = false;
  private closed = false;

  async add(queue: QueueName, jobName: string, data: JobData, options: JobOptions): Promise<void> {
    const key = `${queue}:${options.jobId}`;
    if (this.jobs.has(key) || this.closed) return;
    const job: PendingJob = {
      queue,
      jobName,
      jobId: options.jobId,
      data,
      attempts: options.attempts ?? DEFAULT_ATTEMPTS,
      backoffMs: options.backoffMs ?? DEFAULT_BACKOFF_MS,
      attempt: 0,
      running: false,
    };
    this.jobs.set(key, job);
    if (this.started) this.arm(key, job, options.delayMs ?? 0);
  }

  async addBulk(queue: QueueName, jobs: Array<{ jobName: string; data: JobData; options: JobOptions }>): Promise<void> {
    for (const job of jobs) await this.add(queue, job.jobName, job.data, job.options);
  }

  async schedule(queue: QueueName, jobName: string, everyMs: number): Promise<void> {
    const timer = setInterval(() => void this.add(queue, jobName, {}, { jobId: `${jobName}:${Math.floor(Date.now() / everyMs)}`, attempts: 1 }), everyMs);
    timer.unref();
    this.intervals.push(timer);
  }

  register(queue: QueueName, jobName: string, handler: JobHandler): void {
    this.handlers.set(`${queue}:${jobName}`, handler);
  }

  async start(): Promise<void> {
    this.started = true;
    for (const [key, job] of this.jobs) if (!job.timer && !job.running) this.arm(key, job, 0);
  }

  async counts(queue: QueueName): Promise<JobCounts> {
    const mine = [...this.jobs.values()].filter((j) => j.queue === queue);
    const stats = this.stats.get(queue) ?? { failed: 0, completed: 0 };
    return {
      waiting: mine.filter((j) => !j.running && j.attempt === 0).length,
      active: mine.filter((j) => j.running).length,
      delayed: mine.filter((j) => !j.running && j.attempt > 0).length,
      failed: stats.failed,
      completed: stats.completed,
    };
  }

  async drained(queue: QueueName, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ([...this.jobs.values()].some((j) => j.queue === queue)) {
      if (Date.now() > deadline) throw new Error(`queue ${queue} not drained within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.intervals.forEach(clearInterval);
    for (const job of this.jobs.values()) if (job.timer) clearTimeout(job.timer);
    this.jobs.clear();
  }

  private arm(key: string, job: PendingJob, delayMs: number) {
    job.timer = setTimeout(() => void this.run(key, job), delayMs);
  }

  private async run(key: string, job: PendingJob) {
    const handler = this.handlers.get(`${job.queue}:${job.jobName}`);
    if (!handler || this.closed) {
      this.logger.warn(`no handler for ${job.queue}:${job.jobName}; job ${job.jobId} left waiting`);
      return;
    }
    job.running = true;
    job.attempt += 1;
    const stats = this.stats.get(job.queue) ?? { failed: 0, completed: 0 };
    this.stats.set(job.queue, stats);
    try {
      await handler(job.data, { jobId: job.jobId, attempt: job.attempt, maxAttempts: job.attempts });
      stats.completed += 1;
      this.jobs.delete(key);
    } catch (error) {
      job.running = false;
      if (error instanceof PermanentJobError || job.attempt >= job.attempts || this.closed) {
        stats.failed += 1;
        this.jobs.delete(key);
        this.logger.warn(`job ${job.queue}:${job.jobId} failed for good after ${job.attempt} attempt(s): ${(error as Error).message}`);
        return;
      }
      this.arm(key, job, job.backoffMs * 2 ** (job.attempt - 1));
    }
  }
}
