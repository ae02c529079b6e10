import { Logger } from '@nestjs/common';
import {
  backoffDelayMs,
  DEFAULT_ATTEMPTS,
  DEFAULT_BACKOFF_MAX_MS,
  DEFAULT_BACKOFF_MS,
  JobCounts,
  JobData,
  JobHandler,
  JobOptions,
  JobQueue,
  PermanentJobError,
  QueueName,
  QueueSettings,
} from './job-queue';
import { TokenBucket } from './token-bucket';

interface PendingJob {
  key: string;
  queue: QueueName;
  jobName: string;
  jobId: string;
  data: JobData;
  attempts: number;
  backoffMs: number;
  backoffMaxMs: number;
  attempt: number;
  timer?: NodeJS.Timeout;
  state: 'waiting' | 'delayed' | 'ready' | 'active';
}

interface Lane {
  ready: PendingJob[];
  active: number;
  concurrency: number;
  bucket: TokenBucket | null;
  /** set while the lane waits for a rate-limit token */
  wakeUp?: NodeJS.Timeout;
  failed: number;
  completed: number;
}

const DEFAULT_CONCURRENCY = 10;

/**
 * Embedded mode's queue (no Redis): the same handlers, run in this process with the same job-id
 * de-duplication, retries and backoff as Bull, each queue with its concurrency (the sum of its
 * handlers', as in Bull) and its rate limit as a token bucket. Jobs do not survive a restart;
 * their processors re-enqueue unfinished work from the database at start.
 */
export class InProcessJobQueue extends JobQueue {
  readonly kind = 'in-process' as const;
  private readonly logger = new Logger('InProcessQueue');
  private readonly handlers = new Map<string, JobHandler>();
  private readonly jobs = new Map<string, PendingJob>();
  private readonly lanes = new Map<QueueName, Lane>();
  private readonly intervals: NodeJS.Timeout[] = [];
  private started = false;
  private closed = false;

  constructor(private readonly settings: Partial<Record<QueueName, QueueSettings>> = {}) {
    super();
  }

  protected async enqueue(queue: QueueName, jobName: string, data: JobData, options: JobOptions): Promise<void> {
    const key = `${queue}:${options.jobId}`;
    if (this.jobs.has(key) || this.closed) return;
    const job: PendingJob = {
      key,
      queue,
      jobName,
      jobId: options.jobId,
      data,
      attempts: options.attempts ?? DEFAULT_ATTEMPTS,
      backoffMs: options.backoffMs ?? DEFAULT_BACKOFF_MS,
      backoffMaxMs: options.backoffMaxMs ?? DEFAULT_BACKOFF_MAX_MS,
      attempt: 0,
      state: 'waiting',
    };
    this.jobs.set(key, job);
    if (this.started) this.arm(job, options.delayMs ?? 0);
  }

  protected async enqueueBulk(queue: QueueName, jobName: string, jobs: Array<{ data: JobData; options: JobOptions }>): Promise<void> {
    for (const job of jobs) await this.enqueue(queue, jobName, job.data, job.options);
  }

  /** Finished jobs are forgotten here, so requeue is add. */
  protected reenqueue(queue: QueueName, jobName: string, data: JobData, options: JobOptions): Promise<void> {
    return this.enqueue(queue, jobName, data, options);
  }

  protected async repeat(queue: QueueName, jobName: string, everyMs: number): Promise<void> {
    const timer = setInterval(() => void this.enqueue(queue, jobName, {}, { jobId: `${jobName}:${Math.floor(Date.now() / everyMs)}`, attempts: 1 }), everyMs);
    timer.unref();
    this.intervals.push(timer);
  }

  protected register(queue: QueueName, jobName: string, handler: JobHandler, concurrency = DEFAULT_CONCURRENCY): void {
    const lane = this.lane(queue);
    // as in Bull, named handlers of one queue add up their concurrency
    lane.concurrency = this.handlersOf(queue) === 0 ? concurrency : lane.concurrency + concurrency;
    this.handlers.set(`${queue}:${jobName}`, handler);
  }

  async start(): Promise<void> {
    this.started = true;
    for (const job of this.jobs.values()) if (job.state === 'waiting') this.arm(job, 0);
  }

  async counts(queue: QueueName): Promise<JobCounts> {
    const lane = this.lane(queue);
    let waiting = 0;
    let delayed = 0;
    for (const job of this.jobs.values()) {
      if (job.queue !== queue) continue;
      if (job.state === 'waiting' || job.state === 'ready') waiting += 1;
      else if (job.state === 'delayed') delayed += 1;
    }
    return { waiting, active: lane.active, delayed, failed: lane.failed, completed: lane.completed };
  }

  async drained(queue: QueueName, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ([...this.jobs.values()].some((j) => j.queue === queue)) {
      if (Date.now() > deadline) throw new Error(`queue ${queue} not drained within ${timeoutMs} ms: ${JSON.stringify(await this.counts(queue))}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Stops starting jobs and waits (up to 15 s) for the running ones, so they can still write their outcome. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.intervals.forEach(clearInterval);
    for (const lane of this.lanes.values()) if (lane.wakeUp) clearTimeout(lane.wakeUp);
    for (const job of this.jobs.values()) if (job.timer) clearTimeout(job.timer);
    const deadline = Date.now() + 15_000;
    while ([...this.lanes.values()].some((l) => l.active > 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    this.jobs.clear();
  }

  private handlersOf(queue: QueueName): number {
    return [...this.handlers.keys()].filter((k) => k.startsWith(`${queue}:`)).length;
  }

  private lane(queue: QueueName): Lane {
    let lane = this.lanes.get(queue);
    if (!lane) {
      const rate = this.settings[queue]?.ratePerSecond ?? 0;
      lane = { ready: [], active: 0, concurrency: DEFAULT_CONCURRENCY, bucket: rate > 0 ? new TokenBucket(rate) : null, failed: 0, completed: 0 };
      this.lanes.set(queue, lane);
    }
    return lane;
  }

  private arm(job: PendingJob, delayMs: number) {
    if (delayMs > 0) {
      job.state = 'delayed';
      job.timer = setTimeout(() => {
        job.timer = undefined;
        this.makeReady(job);
      }, delayMs);
    } else {
      this.makeReady(job);
    }
  }

  private makeReady(job: PendingJob) {
    if (this.closed) return;
    job.state = 'ready';
    this.lane(job.queue).ready.push(job);
    this.pump(job.queue);
  }

  /** Starts ready jobs while the queue has free concurrency and rate-limit tokens. */
  private pump(queue: QueueName) {
    const lane = this.lane(queue);
    if (lane.wakeUp || this.closed) return;
    while (lane.active < lane.concurrency && lane.ready.length) {
      if (lane.bucket) {
        const waitMs = lane.bucket.take();
        if (waitMs > 0) {
          lane.wakeUp = setTimeout(() => {
            lane.wakeUp = undefined;
            this.pump(queue);
          }, waitMs);
          return;
        }
      }
      const job = lane.ready.shift()!;
      void this.run(lane, job);
    }
  }

  private async run(lane: Lane, job: PendingJob) {
    const handler = this.handlers.get(`${job.queue}:${job.jobName}`);
    if (!handler) {
      // left in the map: a handler registered later (or after a restart, the database sweep) takes it
      job.state = 'waiting';
      this.logger.warn(`no handler for ${job.queue}:${job.jobName}; job ${job.jobId} left waiting`);
      return;
    }
    job.state = 'active';
    job.attempt += 1;
    lane.active += 1;
    try {
      await handler(job.data, { jobId: job.jobId, attempt: job.attempt, maxAttempts: job.attempts });
      lane.completed += 1;
      this.jobs.delete(job.key);
    } catch (error) {
      if (error instanceof PermanentJobError || job.attempt >= job.attempts || this.closed) {
        lane.failed += 1;
        this.jobs.delete(job.key);
        if (!(error instanceof PermanentJobError)) {
          this.logger.warn(`job ${job.queue}:${job.jobId} failed for good after ${job.attempt} attempt(s): ${(error as Error).message}`);
        }
      } else {
        this.arm(job, backoffDelayMs(job.attempt, job.backoffMs, job.backoffMaxMs));
      }
    } finally {
      lane.active -= 1;
      this.pump(job.queue);
    }
  }
}
