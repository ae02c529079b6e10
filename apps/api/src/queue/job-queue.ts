/** Queue names: one per kind of work, so each can be watched, rate-limited and scaled on its own. */
export enum QueueName {
  /** notification deliveries over WeChat (subscribe / template messages), one job per delivery; NOTIFY_WECHAT_RATE_PER_SECOND */
  NOTIFICATIONS = 'notifications',
  /** notification deliveries by SMS (the fallback channel); NOTIFY_SMS_RATE_PER_SECOND */
  SMS_NOTIFICATIONS = 'notifications-sms',
  SCHEDULED = 'scheduled',
}

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

export type JobHandler = (data: JobData, context: JobContext) => Promise<void>;

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
 */
export abstract class JobQueue {
  abstract add(queue: QueueName, jobName: string, data: JobData, options: JobOptions): Promise<void>;
  abstract addBulk(queue: QueueName, jobs: Array<{ jobName: string; data: JobData; options: JobOptions }>): Promise<void>;
  /**
   * Like add, but a finished (completed or failed) job with the same id is replaced: for work the
   * database says is still undone although its job ended (e.g. a worker died more often than Bull
   * recovers stalled jobs). A waiting, delayed or running job is left alone.
   */
  abstract requeue(queue: QueueName, jobName: string, data: JobData, options: JobOptions): Promise<void>;
  /** a job run every `everyMs`, once across all workers */
  abstract schedule(queue: QueueName, jobName: string, everyMs: number): Promise<void>;
  abstract register(queue: QueueName, jobName: string, handler: JobHandler, concurrency?: number): void;
  /** begin working registered handlers (only in processes that run processors) */
  abstract start(): Promise<void>;
  abstract counts(queue: QueueName): Promise<JobCounts>;
  /** resolves when nothing is waiting, delayed or running (tests, benchmarks) */
  abstract drained(queue: QueueName, timeoutMs?: number): Promise<void>;
  /** stops taking jobs and waits for the running ones */
  abstract close(): Promise<void>;
  abstract readonly kind: 'bull' | 'in-process';
}

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
