import type { JobDefinition, PayloadOf, ScheduledJobDefinition } from './jobs';
import { QueueName } from './queue-names';

export { QueueName } from './queue-names';

export interface JobOptions {
  /** deterministic id: adding a job whose id is already waiting or running adds nothing */
  jobId: string;
  delayMs?: number;
  attempts?: number;
  /** first retry delay; doubles on each further attempt */
  backoffMs?: number;
  /** the retry delay never grows past this */
  backoffMaxMs?: number;
}

/** Job data carries ids only; the processor reads the current state from the database. */
export type JobData = Record<string, string | number | boolean | null>;

export interface JobContext {
  jobId: string;
  /** 1 for the first run */
  attempt: number;
  maxAttempts: number;
}

export type JobHandler<P extends JobData = JobData> = (data: P, context: JobContext) => Promise<void>;

/** A job added or scheduled, or declared in JOBS, with no handler registered: a wiring mistake, refused at once. */
export class JobWithoutHandlerError extends Error {
  constructor(job: JobDefinition, what: string) {
    super(`job "${job.name}" (queue ${job.queue}) is ${what} but no handler is registered: call queue.handle() for it in its processor's onModuleInit`);
  }
}

/** A failure that retrying cannot fix: the job is failed at once, without further attempts. */
export class PermanentJobError extends Error {}

export interface JobCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

/** Per-queue settings, the same in every process that touches the queue. */
export interface QueueSettings {
  /** jobs started per second across all workers; 0 or absent = unlimited */
  ratePerSecond?: number;
}

/**
 * Where work is queued. Bull on Redis in production; an in-process queue in embedded mode.
 * Both run the same registered handlers with the same retry schedule (`backoffDelayMs`).
 * Jobs are named by their JobDefinition (queue/jobs.ts), so tsc checks each payload, and a job
 * without a handler is refused when it is added or scheduled.
 */
export abstract class JobQueue {
  private readonly handled = new Set<string>();

  async add<J extends JobDefinition>(job: J, data: PayloadOf<J>, options: JobOptions): Promise<void> {
    this.assertHandled(job, 'added');
    return this.enqueue(job.queue, job.name, data, options);
  }

  async addBulk<J extends JobDefinition>(job: J, jobs: Array<{ data: PayloadOf<J>; options: JobOptions }>): Promise<void> {
    this.assertHandled(job, 'added');
    return this.enqueueBulk(job.queue, job.name, jobs);
  }

  /**
   * Like add, but a finished (completed or failed) job with the same id is replaced: for work the
   * database says is still undone although its job ended (e.g. a worker died more often than Bull
   * recovers stalled jobs). A waiting, delayed or running job is left alone.
   */
  async requeue<J extends JobDefinition>(job: J, data: PayloadOf<J>, options: JobOptions): Promise<void> {
    this.assertHandled(job, 'added');
    return this.reenqueue(job.queue, job.name, data, options);
  }

  /** runs the job every `job.everyMs`, once across all workers */
  async schedule(job: ScheduledJobDefinition): Promise<void> {
    this.assertHandled(job, 'scheduled');
    return this.repeat(job.queue, job.name, job.everyMs);
  }

  handle<J extends JobDefinition>(job: J, handler: JobHandler<PayloadOf<J>>, concurrency?: number): void {
    this.handled.add(handlerKey(job));
    this.register(job.queue, job.name, handler as JobHandler, concurrency);
  }

  /** The start-up check: refuses (throws, naming the job) when a declared job has no handler. */
  assertAllHandled(jobs: readonly JobDefinition[]): void {
    for (const job of jobs) this.assertHandled(job, 'declared in JOBS');
  }

  private assertHandled(job: JobDefinition, what: string): void {
    if (!this.handled.has(handlerKey(job))) throw new JobWithoutHandlerError(job, what);
  }

  protected abstract enqueue(queue: QueueName, jobName: string, data: JobData, options: JobOptions): Promise<void>;
  protected abstract enqueueBulk(queue: QueueName, jobName: string, jobs: Array<{ data: JobData; options: JobOptions }>): Promise<void>;
  protected abstract reenqueue(queue: QueueName, jobName: string, data: JobData, options: JobOptions): Promise<void>;
  protected abstract repeat(queue: QueueName, jobName: string, everyMs: number): Promise<void>;
  protected abstract register(queue: QueueName, jobName: string, handler: JobHandler, concurrency?: number): void;
  /** begin working registered handlers (only in processes that run processors) */
  abstract start(): Promise<void>;
  abstract counts(queue: QueueName): Promise<JobCounts>;
  /** resolves when nothing is waiting, delayed or running (tests, benchmarks) */
  abstract drained(queue: QueueName, timeoutMs?: number): Promise<void>;
  /** stops taking jobs and waits for the running ones */
  abstract close(): Promise<void>;
  abstract readonly kind: 'bull' | 'in-process';
}

const handlerKey = (job: JobDefinition) => `${job.queue}:${job.name}`;

export const DEFAULT_ATTEMPTS = 5;
export const DEFAULT_BACKOFF_MS = 2000;
export const DEFAULT_BACKOFF_MAX_MS = 10 * 60_000;

/**
 * The delay before retry number `attemptsMade` (1 after the first failure): base, 2×base,
 * 4×base, … capped at maxMs. Bull (as a custom backoff strategy) and the in-process queue both use it.
 */
export function backoffDelayMs(attemptsMade: number, baseMs: number, maxMs: number = DEFAULT_BACKOFF_MAX_MS): number {
  if (attemptsMade < 1) return 0;
  // 2 ** 40 already overflows any sensible cap; keep the arithmetic finite
  return Math.min(maxMs, baseMs * 2 ** Math.min(attemptsMade - 1, 40));
}
