/** Queue names: one per kind of work, so each can be watched and scaled on its own. */
export enum QueueName {
  NOTIFICATIONS = 'notifications',
  SCHEDULED = 'scheduled',
}

export interface JobOptions {
  /** deterministic id: adding a job whose id is already waiting or running adds nothing */
  jobId: string;
  delayMs?: number;
  attempts?: number;
  /** first retry delay; doubles on each further attempt */
  backoffMs?: number;
}

/** Job data carries ids only; the processor reads the current state from the database. */
export type JobData = Record<string, string | number | boolean | null>;

export interface JobContext {
  jobId: string;
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

/**
 * Where work is queued. Bull on Redis in production; an in-process queue in embedded mode.
 * Both run the same registered handlers.
 */
export abstract class JobQueue {
  abstract add(queue: QueueName, jobName: string, data: JobData, options: JobOptions): Promise<void>;
  abstract addBulk(queue: QueueName, jobs: Array<{ jobName: string; data: JobData; options: JobOptions }>): Promise<void>;
  /** a job run every `everyMs`, once across all workers */
  abstract schedule(queue: QueueName, jobName: string, everyMs: number): Promise<void>;
  abstract register(queue: QueueName, jobName: string, handler: JobHandler, concurrency?: number): void;
  /** begin working registered handlers (only in processes that run processors) */
  abstract start(): Promise<void>;
  abstract counts(queue: QueueName): Promise<JobCounts>;
  /** resolves when nothing is waiting, delayed or running (tests, benchmarks) */
  abstract drained(queue: QueueName, timeoutMs?: number): Promise<void>;
  abstract close(): Promise<void>;
  abstract readonly kind: 'bull' | 'in-process';
}

export const DEFAULT_ATTEMPTS = 5;
export const DEFAULT_BACKOFF_MS = 2000;
