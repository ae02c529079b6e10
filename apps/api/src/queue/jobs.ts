import type { JobData } from './job-queue';
import { QueueName } from './queue-names';

/**
 * One kind of job: the queue it runs on, its name there (stable: Bull keeps it in Redis) and the
 * payload it carries (ids only: the handler reads the current state from the database).
 */
export interface JobDefinition<P extends JobData = JobData> {
  readonly queue: QueueName;
  readonly name: string;
  /** type only: never set at run time */
  readonly payload?: P;
}

/** A job that also runs on its own every `everyMs` (once across all workers), then with an empty payload. */
export interface ScheduledJobDefinition<P extends JobData = JobData> extends JobDefinition<P> {
  readonly everyMs: number;
}

export type PayloadOf<J> = J extends JobDefinition<infer P> ? P : never;

/** No payload: the job reads everything it needs from the database. */
type Empty = Record<string, never>;

const job = <P extends JobData>(queue: QueueName, name: string): JobDefinition<P> => ({ queue, name });
/** `P`'s fields must be optional: the scheduled runs carry none */
const scheduled = <P extends JobData = Empty>(queue: QueueName, name: string, everyMs: number): ScheduledJobDefinition<P> => ({ queue, name, everyMs });

/**
 * Every job of the API. A processor registers the handler with `queue.handle(JOBS.x, …)` in its
 * onModuleInit; producers `queue.add(JOBS.x, payload, { jobId })`, which tsc checks against the
 * payload type here. At start-up the queue refuses to run when a job here has no handler, and
 * `add` / `schedule` refuse a job without one.
 */
export const JOBS = {
  /** one notification delivery over WeChat */
  deliverWechat: job<{ deliveryId: number }>(QueueName.NOTIFICATIONS, 'deliver-wechat'),
  /** one notification delivery by SMS */
  deliverSms: job<{ deliveryId: number }>(QueueName.SMS_NOTIFICATIONS, 'deliver-sms'),
  /** re-queues deliveries whose job was lost or whose worker died */
  sweepDeliveries: scheduled(QueueName.SCHEDULED, 'sweep-deliveries', 60_000),
  /** ends one delegation at its end time (a delayed job) */
  expireDelegation: job<{ delegationId: number }>(QueueName.SCHEDULED, 'delegations.expire'),
  /** ends every due delegation: often enough that one whose own job was lost still ends within a minute */
  expireDueDelegations: scheduled(QueueName.SCHEDULED, 'delegations.expire-due', 60_000),
  /** publicity ends at the end of its last day; often enough that the flag follows within minutes */
  endPublicity: scheduled(QueueName.SCHEDULED, 'service-evaluation.end-publicity', 10 * 60_000),
  /** recomputes every score: daily (new subjects, a new cycle), and once per new scoring-rules version */
  recomputeScores: scheduled<{ rulesVersion?: number }>(QueueName.SCHEDULED, 'service-evaluation.recompute-scores', 24 * 3600_000),
  /** chapter 11: one 责令整改's deadline (a delayed job at the end of its last day) */
  commonFundRectifyDeadline: job<{ caseId: number }>(QueueName.SCHEDULED, 'common-funds.rectify-deadline'),
  /** chapter 11: opens cases for areas overdue without an account, expires passed deadlines, closes cases of opened areas */
  commonFundSweep: scheduled(QueueName.SCHEDULED, 'common-funds.sweep', 10 * 60_000),
  /** chapter 11: one account's daily pull of its bank feed */
  commonFundPull: job<{ accountId: number }>(QueueName.SCHEDULED, 'common-funds.pull'),
  /** chapter 11: enqueues the normal accounts not yet pulled since the last daily pull hour, and marks the feeds silent too long */
  commonFundPullSweep: scheduled(QueueName.SCHEDULED, 'common-funds.pull-sweep', 10 * 60_000),
  /** 下载列表: produces one background export into its file (a run per job; the sweep re-queues lost ones) */
  produceDownload: job<{ downloadId: number }>(QueueName.SCHEDULED, 'downloads.produce'),
  /** 下载列表: re-enqueues queued exports whose job is gone, re-queues or fails exports whose worker died, deletes expired files */
  sweepDownloads: scheduled(QueueName.SCHEDULED, 'downloads.sweep', 5 * 60_000),
  /** chapter 22: one dispute case's deadline reminders (delayed to the reminder hour of the day before and of the day) */
  disputeDeadlineReminder: job<{ disputeId: number }>(QueueName.SCHEDULED, 'disputes.deadline-reminder'),
  /** chapter 22: reminds the holders of cases due tomorrow or today that no delayed job reached */
  disputeDeadlineSweep: scheduled(QueueName.SCHEDULED, 'disputes.deadline-sweep', 15 * 60_000),
  /** chapter 9: records 连续六个月排名前十 / 倒十 up to the last closed month (idempotent: often enough to follow a new month within hours) */
  ownerEvaluationStreaks: scheduled(QueueName.SCHEDULED, 'owner-evaluations.rank-streaks', 6 * 3600_000),
  /** chapter 10: one vote's next timed step (voting opens, voting ends, publicity ends): a delayed job per vote and step */
  ownerVoteStep: job<{ voteId: number }>(QueueName.SCHEDULED, 'owner-decisions.vote-step'),
  /** chapter 10: moves every vote whose begin, end or publicity end has passed (a lost or too-far delayed job) */
  ownerVoteSweep: scheduled(QueueName.SCHEDULED, 'owner-decisions.vote-sweep', 5 * 60_000),
} as const;

export type JobKey = keyof typeof JOBS;
