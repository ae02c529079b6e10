import { Logger } from '@nestjs/common';
import Bull, { Queue } from 'bull';
import Redis, { RedisOptions } from 'ioredis';
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

/** Bull's name for our retry schedule (registered on every queue, so any worker can compute it). */
const BACKOFF_STRATEGY = 'capped-exponential';

/**
 * Bull queues on Redis (through ioredis). Producers and workers may be different processes on
 * different machines; Bull's job ids make adding the same job twice a no-op. A queue's rate limit
 * is Bull's limiter, kept in Redis, so it holds across all workers.
 */
export class BullJobQueue extends JobQueue {
  readonly kind = 'bull' as const;
  private readonly logger = new Logger('BullQueue');
  private readonly queues = new Map<QueueName, Queue>();
  private readonly handlers: Array<{ queue: QueueName; jobName: string; handler: JobHandler; concurrency: number }> = [];
  private readonly client: Redis;
  private readonly subscriber: Redis;
  private readonly connections: Redis[] = [];

  constructor(
    private readonly redisUrl: string,
    private readonly prefix = 'szpm',
    private readonly settings: Partial<Record<QueueName, QueueSettings>> = {},
  ) {
    super();
    this.client = this.connect();
    this.subscriber = this.connect();
  }

  private connect(): Redis {
    // Bull needs these two off for its blocking and subscriber connections
    const options: RedisOptions = { maxRetriesPerRequest: null, enableReadyCheck: false };
    const connection = new Redis(this.redisUrl, options);
    this.connections.push(connection);
    return connection;
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      const rate = this.settings[name]?.ratePerSecond ?? 0;
      queue = new Bull(name, {
        prefix: this.prefix,
        createClient: (type) => (type === 'client' ? this.client : type === 'subscriber' ? this.subscriber : this.connect()),
        defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 5000 },
        ...(rate > 0 ? { limiter: { max: rate, duration: 1000 } } : {}),
        settings: {
          backoffStrategies: {
            [BACKOFF_STRATEGY]: (attemptsMade: number, _error: Error, options?: { baseMs?: number; maxMs?: number } | null) =>
              backoffDelayMs(attemptsMade, options?.baseMs ?? DEFAULT_BACKOFF_MS, options?.maxMs ?? DEFAULT_BACKOFF_MAX_MS),
          },
        },
      });
      queue.on('error', (error) => this.logger.error(`queue ${name}: ${error.message}`));
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** every Bull queue this process uses (for the admin dashboard) */
  allQueues(): Queue[] {
    return Object.values(QueueName).map((name) => this.queue(name));
  }

  private jobOptions(options: JobOptions): Bull.JobOptions {
    return {
      jobId: options.jobId,
      delay: options.delayMs,
      attempts: options.attempts ?? DEFAULT_ATTEMPTS,
      backoff: {
        type: BACKOFF_STRATEGY,
        options: { baseMs: options.backoffMs ?? DEFAULT_BACKOFF_MS, maxMs: options.backoffMaxMs ?? DEFAULT_BACKOFF_MAX_MS },
      } as Bull.BackoffOptions,
    };
  }

  protected async enqueue(queue: QueueName, jobName: string, data: JobData, options: JobOptions): Promise<void> {
    await this.queue(queue).add(jobName, data, this.jobOptions(options));
  }

  protected async enqueueBulk(queue: QueueName, jobName: string, jobs: Array<{ data: JobData; options: JobOptions }>): Promise<void> {
    await this.queue(queue).addBulk(jobs.map((j) => ({ name: jobName, data: j.data, opts: this.jobOptions(j.options) })));
  }

  protected async reenqueue(queue: QueueName, jobName: string, data: JobData, options: JobOptions): Promise<void> {
    const bull = this.queue(queue);
    const existing = await bull.getJob(options.jobId);
    if (existing) {
      const state = await existing.getState();
      if (state !== 'completed' && state !== 'failed') return;
      // a finished job keeps its id in Redis and would swallow the new add
      await existing.remove();
    }
    await bull.add(jobName, data, this.jobOptions(options));
  }

  protected async repeat(queue: QueueName, jobName: string, everyMs: number): Promise<void> {
    await this.queue(queue).add(jobName, {}, { repeat: { every: everyMs }, jobId: `repeat:${jobName}`, attempts: 1, removeOnComplete: 10 });
  }

  protected register(queue: QueueName, jobName: string, handler: JobHandler, concurrency = 10): void {
    this.handlers.push({ queue, jobName, handler, concurrency });
  }

  async start(): Promise<void> {
    for (const { queue, jobName, handler, concurrency } of this.handlers) {
      void this.queue(queue).process(jobName, concurrency, async (job) => {
        const maxAttempts = job.opts.attempts ?? 1;
        try {
          await handler(job.data as JobData, { jobId: String(job.id), attempt: job.attemptsMade + 1, maxAttempts });
        } catch (error) {
          if (error instanceof PermanentJobError) await job.discard();
          throw error;
        }
      });
    }
  }

  async counts(queue: QueueName): Promise<JobCounts> {
    const c = await this.queue(queue).getJobCounts();
    return { waiting: c.waiting, active: c.active, delayed: c.delayed, failed: c.failed, completed: c.completed };
  }

  async drained(queue: QueueName, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const c = await this.counts(queue);
      if (c.waiting + c.active + c.delayed === 0) return;
      if (Date.now() > deadline) throw new Error(`queue ${queue} not drained within ${timeoutMs} ms: ${JSON.stringify(c)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Bull's close waits for the jobs this process is running, then the connections go. */
  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
    for (const connection of this.connections) connection.disconnect();
  }
}
