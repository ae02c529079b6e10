import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommonFundAccountStatus, CommonFundErrorCode, CommonFundFeedIssueKind } from '@szpm/contract';
import { DataSource } from 'typeorm';
import { AppException } from '../../common/errors/app.exception';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { JobQueue } from '../../queue/job-queue';
import { JOBS } from '../../queue/jobs';
import { CommonFundsService } from './common-funds.service';
import { CommonFundAccount, CommonFundFeedIssueRow } from './entities';

const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
/** ids read per statement when enqueueing (city scale: ~10,000 accounts) */
const ENQUEUE_BATCH = 1000;

/** The latest daily pull time at or before `now`: today's pull hour in Shanghai, or yesterday's if that is still ahead. */
export function lastPullRun(now: Date, pullHour: number): Date {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  let run = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), pullHour) - SHANGHAI_OFFSET_MS;
  if (run > now.getTime()) run -= DAY_MS;
  return new Date(run);
}

/** The job id of one account's pull in one daily run: adding it twice in a run adds nothing. */
export const pullJobId = (accountId: number, run: Date) => `common-funds.pull:${accountId}:${run.toISOString().slice(0, 13)}`;

/**
 * The daily bank pull (chapter 11): every normal account is pulled once per day from the pull hour,
 * one job per account with a deterministic id. The account's lastPulledAt is the record: the sweep
 * (every 10 minutes and at start-up) enqueues the normal accounts not pulled since the last run,
 * so jobs lost in a restart are found again. A bank that does not answer records an issue on that
 * account only. The sweep also marks feeds silent for COMMON_FUND_FEED_SILENT_DAYS as 异常.
 */
@Injectable()
export class CommonFundFeedSchedule {
  private readonly logger = new Logger('CommonFundFeed');

  constructor(
    private readonly dataSource: DataSource,
    private readonly funds: CommonFundsService,
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Enqueues the due pulls (none while no feed is configured) and marks the silent feeds; returns what it did. */
  async sweep(now = new Date()): Promise<{ enqueued: number; silenced: number }> {
    const silenced = await this.markSilent(now);
    if (!this.config.commonFunds.feedUrl) return { enqueued: 0, silenced };
    const run = lastPullRun(now, this.config.commonFunds.feedPullHour);
    let enqueued = 0;
    let after = 0;
    for (;;) {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- a system job over every district's accounts; only ids are read, each job re-reads its account
      const rows = await this.dataSource
        .getRepository(CommonFundAccount)
        .createQueryBuilder('x')
        .select('x.id', 'id')
        .where('x.status = :normal', { normal: CommonFundAccountStatus.NORMAL })
        .andWhere('x.id > :after', { after })
        // a new account waits for the next run; one pulled since the last run is done for the day
        .andWhere('COALESCE(x.lastPulledAt, x.registeredAt) < :run', { run })
        .orderBy('x.id', 'ASC')
        .limit(ENQUEUE_BATCH)
        .getRawMany<{ id: number | string }>();
      if (!rows.length) break;
      const ids = rows.map((r) => Number(r.id));
      // requeue: a job of this run that ended without its record advancing (a worker died) is replaced; a waiting or running one is left alone
      for (const accountId of ids) await this.queue.requeue(JOBS.commonFundPull, { accountId }, { jobId: pullJobId(accountId, run), attempts: 1 });
      enqueued += ids.length;
      after = ids[ids.length - 1];
    }
    if (enqueued) this.logger.log(`common-fund feed: ${enqueued} accounts enqueued for the ${run.toISOString()} pull`);
    return { enqueued, silenced };
  }

  /**
   * One account's scheduled pull: skipped when it is no longer normal or already pulled since the
   * run; a bank that does not answer becomes an UNAVAILABLE issue (the account is 异常 until a later
   * pull answers cleanly), and the pull counts as done for the day.
   */
  async pull(accountId: number, now = new Date()): Promise<void> {
    const run = lastPullRun(now, this.config.commonFunds.feedPullHour);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- a system job on the account its id names
    const account = await this.dataSource.getRepository(CommonFundAccount).findOne({ where: { id: accountId } });
    if (!account || account.status !== CommonFundAccountStatus.NORMAL) return;
    if (account.lastPulledAt && account.lastPulledAt.getTime() >= run.getTime()) return;
    try {
      await this.funds.syncAccount(account);
    } catch (error) {
      if (!(error instanceof AppException) || error.code !== CommonFundErrorCode.FEED_UNAVAILABLE) throw error;
      await this.dataSource.transaction(async (manager) => {
        await manager.getRepository(CommonFundFeedIssueRow).insert({
          accountId,
          kind: CommonFundFeedIssueKind.UNAVAILABLE,
          detail: `${now.toISOString().slice(0, 10)} 每日同步：开户行 ${account.bankName} 未应答`,
          expectedSeq: account.lastSeq + 1,
          receivedSeq: null,
          detectedAt: now,
          resolvedAt: null,
        });
        // eslint-disable-next-line szpm/no-raw-scoped-access -- the account this job pulls
        await manager.getRepository(CommonFundAccount).update({ id: accountId }, { feedAbnormal: true, lastPulledAt: now });
      });
      this.logger.warn(`common-fund account ${accountId}: bank ${account.bankName} did not answer`);
    }
  }

  /**
   * 长期无流水: a normal account whose feed has answered nothing (and carried no transaction) for the
   * silent days gets a SILENT issue, once, and counts as 异常 like any unresolved issue; the next
   * answer of its bank resolves it (syncAccount).
   */
  private async markSilent(now: Date): Promise<number> {
    const days = this.config.commonFunds.feedSilentDays;
    const since = new Date(now.getTime() - days * DAY_MS);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- a system job over every district's accounts
    const silent = await this.dataSource
      .getRepository(CommonFundAccount)
      .createQueryBuilder('x')
      .select(['x.id AS id', 'x.lastSeq AS lastSeq'])
      .where('x.status = :normal', { normal: CommonFundAccountStatus.NORMAL })
      .andWhere('COALESCE(x.feedSeenAt, x.lastTransactionAt, x.registeredAt) < :since', { since })
      .andWhere(`NOT EXISTS (SELECT 1 FROM common_fund_feed_issues i WHERE i.accountId = x.id AND i.kind = '${CommonFundFeedIssueKind.SILENT}' AND i.resolvedAt IS NULL)`)
      .getRawMany<{ id: number | string; lastSeq: number | string }>();
    if (!silent.length) return 0;
    const day = now.toISOString().slice(0, 10);
    for (let i = 0; i < silent.length; i += ENQUEUE_BATCH) {
      const part = silent.slice(i, i + ENQUEUE_BATCH);
      await this.dataSource.transaction(async (manager) => {
        await manager.getRepository(CommonFundFeedIssueRow).insert(
          part.map((r) => ({
            accountId: Number(r.id),
            kind: CommonFundFeedIssueKind.SILENT,
            detail: `截至 ${day}，已超过 ${days} 天未收到该账户的银行流水`,
            expectedSeq: Number(r.lastSeq) + 1,
            receivedSeq: null,
            detectedAt: now,
            resolvedAt: null,
          })),
        );
        // eslint-disable-next-line szpm/no-raw-scoped-access -- the accounts just found silent
        await manager.getRepository(CommonFundAccount).createQueryBuilder().update().set({ feedAbnormal: true }).whereInIds(part.map((r) => Number(r.id))).execute();
      });
    }
    this.logger.log(`common-fund feed: ${silent.length} accounts silent for ${days} days`);
    return silent.length;
  }
}
