/**
 * The one notification pipeline for every notice and reminder (通知, 催办, 催绑, 提醒更新).
 *
 * ## For modules that notify (notices, safety inspections, …)
 *
 *   send(input)                          → campaign, in its own transaction, queued after commit
 *   createCampaign(manager, input)       → campaign, inside the caller's transaction; its deliveries
 *                                          are queued automatically once that transaction commits
 *   urge(input) / urge(manager, input)   → 催办, see below; modules use RemindersService
 *                                          (reminders/), which adds the recipient resolver, the one
 *                                          result type and the NOTHING_TO_URGE refusal
 *
 * A campaign is (kind, sender, district, title, content, link, subject = the thing it is about) ×
 * recipients (account ids). Every recipient gets an in-app inbox message (delivered when the
 * campaign commits) and, by default, a WeChat message: a mini-program subscribe message when the
 * account has a miniOpenId, an official-account template message when it has a wechatOpenId. When
 * WeChat cannot reach a recipient (no binding, refused, retries exhausted) and SMS_NOTIFY_TEMPLATE_ID
 * is set, an SMS goes instead (`smsFallback`, default true). Channels that are not configured are
 * left out silently; the inbox is always there.
 *
 * ## Urging (催办)
 *
 *   urge(manager?, {
 *     sender: { id, name } | null, districtId,
 *     subject: { type: 'notice', id: 12 },      // the matter being urged
 *     recipientIds,                             // ONLY those still outstanding: the caller decides
 *                                               // who has not read / not completed the matter
 *     title, content, link?,
 *     cooldownHours?,                           // default 24
 *   }) → { campaignId: number | null, urged, skippedInCooldown }
 *
 * A recipient urged about the same subject within the cooldown is skipped. The cooldown lives in
 * notification_urges (unique per subject + recipient) and is claimed with INSERT IGNORE plus a
 * conditional UPDATE inside the transaction, so two urge clicks at the same moment urge each
 * recipient once, and a second click within the cooldown sends nothing (campaignId null). Pass
 * `manager` to urge inside your own transaction (e.g. together with recording the urge on your
 * entity); the messages are queued when it commits. Urge campaigns have kind URGE and carry the
 * same subject, so "显示催办" is `kind = URGE` and the matter's urges are `subject = (type, id)`.
 * 催绑 (kind URGE_BINDING) is about no matter: its subject is BINDING_SUBJECT, ('binding', 0), so
 * an account is urged to bind at most once per cooldown whoever urges it.
 *
 * Delivery and read state per recipient: notification_deliveries (InboxService for the recipient,
 * CampaignsService / GET /api/notifications/campaigns/:id for the sender).
 */
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Brackets, DataSource, EntityManager, In, LessThan, Repository } from 'typeorm';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { JobOptions, JobQueue, QueueName } from '../../queue/job-queue';
import { JobDefinition, JOBS } from '../../queue/jobs';
import { AfterCommit } from './after-commit';
import { CampaignKind, NotificationCampaign } from './entities/notification-campaign.entity';
import { DeliveryChannel, DeliveryStatus, NotificationDelivery } from './entities/notification-delivery.entity';
import { NotificationUrge } from './entities/notification-urge.entity';


/** The queues that carry deliveries (tests and the benchmark wait for them; the sweep runs on SCHEDULED). */
export const NOTIFICATION_QUEUES: readonly QueueName[] = [QueueName.NOTIFICATIONS, QueueName.SMS_NOTIFICATIONS];

export const CHANNEL_JOBS: Readonly<Record<DeliveryChannel.WECHAT | DeliveryChannel.SMS, JobDefinition<{ deliveryId: number }>>> = {
  [DeliveryChannel.WECHAT]: JOBS.deliverWechat,
  [DeliveryChannel.SMS]: JOBS.deliverSms,
};

/**
 * A SENDING claim older than this belongs to a worker that died mid-send (a live one finishes or
 * gives up well within it: at most two token fetches and two sends of 8 s each).
 */
export const CLAIM_STALE_MS = 60_000;
/** PENDING rows untouched for this long have lost their job (e.g. Redis was down at enqueue time). */
const SWEEP_PENDING_AFTER_MS = 2 * 60_000;
const SWEEP_BATCH = 2000;
const CHUNK = 1000;
/** rows per INSERT: 5 parameters each, well under SQLite's 32,766 and MySQL's 65,535 */
const INSERT_CHUNK = 2000;

export interface CampaignInput {
  kind: CampaignKind;
  sender: { id: number; name: string } | null;
  districtId: number | null;
  title: string;
  content: string;
  /** page of the mini-program / H5 build that shows the matter: one of MESSAGE_LINKS (@szpm/contract) */
  link?: string | null;
  subject?: { type: string; id: number } | null;
  recipientIds: number[];
  /** channels besides the inbox (which is always used); default [WECHAT]. Unconfigured ones are dropped. */
  channels?: DeliveryChannel[];
  /** SMS when WeChat cannot reach a recipient, if SMS_NOTIFY_TEMPLATE_ID is set; default true */
  smsFallback?: boolean;
}

export interface UrgeInput {
  /** default URGE; 催绑 is URGE_BINDING, 提醒更新 REMIND_UPDATE */
  kind?: CampaignKind;
  sender: { id: number; name: string } | null;
  districtId: number | null;
  subject: { type: string; id: number };
  /** the recipients still outstanding (not read / not completed), as the calling module computed them */
  recipientIds: number[];
  title: string;
  content: string;
  link?: string | null;
  /** default 24 */
  cooldownHours?: number;
  channels?: DeliveryChannel[];
}

export interface UrgeOutcome {
  campaignId: number | null;
  urged: number;
  skippedInCooldown: number;
}

type DeliveryKey = Pick<NotificationDelivery, 'id' | 'campaignId' | 'recipientId' | 'channel'>;

/** The job id of one delivery: the same campaign, recipient and channel always make the same job. */
export function deliveryJobId(campaignId: number, recipientId: number, channel: DeliveryChannel): string {
  return `campaign-${campaignId}-recipient-${recipientId}-${channel}`;
}

@Injectable()
export class NotificationsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Notifications');
  private readonly afterCommit: AfterCommit;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(NotificationDelivery) private readonly deliveries: Repository<NotificationDelivery>,
  ) {
    this.afterCommit = AfterCommit.install(dataSource);
  }

  /** WeChat messages go out when at least one of the two message templates is configured. */
  get wechatEnabled(): boolean {
    const wechat = this.config.notifications.wechat;
    return Boolean(wechat.subscribe || wechat.officialAccount);
  }

  get smsEnabled(): boolean {
    return this.config.notifications.sms.templateId !== null;
  }

  /** Writes the campaign and its deliveries in the caller's transaction; they are queued once it commits. */
  async createCampaign(manager: EntityManager, input: CampaignInput): Promise<NotificationCampaign> {
    const recipients = [...new Set(input.recipientIds)].sort((a, b) => a - b);
    const external = this.externalChannels(input.channels);
    const smsFallback = (input.smsFallback ?? true) && this.smsEnabled && external.includes(DeliveryChannel.WECHAT) && !external.includes(DeliveryChannel.SMS);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- writes the campaign a service asks for, in the district it passes (checked by that service)
    const campaign = await manager.getRepository(NotificationCampaign).save({
      kind: input.kind,
      senderId: input.sender?.id ?? null,
      senderName: input.sender?.name ?? null,
      districtId: input.districtId,
      title: input.title,
      content: input.content,
      link: input.link ?? null,
      subjectType: input.subject?.type ?? null,
      subjectId: input.subject?.id ?? null,
      recipientCount: recipients.length,
      smsFallback,
    });
    // the inbox row is the in-app message itself: visible to the recipient as soon as this commits
    const deliveredAt = this.sqlDate(manager, new Date());
    const rows: unknown[][] = [];
    for (const recipientId of recipients) {
      rows.push([campaign.id, recipientId, DeliveryChannel.INBOX, DeliveryStatus.DELIVERED, deliveredAt]);
      for (const channel of external) rows.push([campaign.id, recipientId, channel, DeliveryStatus.PENDING, null]);
    }
    // plain multi-row INSERTs of the five columns that matter (the rest take their defaults): a
    // 10,000-recipient campaign is 20,000 rows, and the query builder's per-row work would dominate
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK);
      await manager.query(
        `INSERT INTO notification_deliveries (campaignId, recipientId, channel, status, deliveredAt) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
        chunk.flat(),
      );
    }
    if (external.length) await this.afterCommit.run(manager, () => this.enqueue(campaign.id));
    return campaign;
  }

  /** A datetime parameter for a plain query, as TypeORM would write it for this column type and driver. */
  private sqlDate(manager: EntityManager, date: Date): unknown {
    const column = manager.connection.getMetadata(NotificationDelivery).findColumnWithPropertyName('deliveredAt')!;
    return manager.connection.driver.preparePersistentValue(date, column);
  }

  /** A campaign in its own transaction; its messages are queued when this returns. */
  send(input: CampaignInput): Promise<NotificationCampaign> {
    return this.dataSource.transaction((manager) => this.createCampaign(manager, input));
  }


  /** Queues every pending delivery of a campaign. Safe to call again: job ids de-duplicate. */
  async enqueue(campaignId: number): Promise<void> {
    const pending = await this.deliveries
      .createQueryBuilder('d')
      .select(['d.id AS id', 'd.campaignId AS campaignId', 'd.recipientId AS recipientId', 'd.channel AS channel'])
      .where('d.campaignId = :campaignId AND d.status = :pending AND d.channel IN (:...channels)', {
        campaignId,
        pending: DeliveryStatus.PENDING,
        channels: [DeliveryChannel.WECHAT, DeliveryChannel.SMS],
      })
      .orderBy('d.id', 'ASC')
      .getRawMany<{ id: number | string; campaignId: number | string; recipientId: number | string; channel: DeliveryChannel }>();
    await this.enqueueDeliveries(pending.map((d) => ({ id: Number(d.id), campaignId: Number(d.campaignId), recipientId: Number(d.recipientId), channel: d.channel })));
  }

  urge(input: UrgeInput): Promise<UrgeOutcome>;
  urge(manager: EntityManager | null | undefined, input: UrgeInput): Promise<UrgeOutcome>;
  async urge(managerOrInput: EntityManager | UrgeInput | null | undefined, maybeInput?: UrgeInput): Promise<UrgeOutcome> {
    const [manager, input] = maybeInput ? [managerOrInput as EntityManager | null | undefined, maybeInput] : [null, managerOrInput as UrgeInput];
    const recipients = [...new Set(input.recipientIds)].sort((a, b) => a - b);
    if (!recipients.length) return { campaignId: null, urged: 0, skippedInCooldown: 0 };
    if (manager) return this.urgeIn(manager, input, recipients);
    // two urges over overlapping recipients can deadlock in InnoDB's insert locks; the loser is simply run again
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction((m) => this.urgeIn(m, input, recipients));
      } catch (error) {
        if (attempt >= 3 || !isDeadlock(error)) throw error;
      }
    }
  }

  private async urgeIn(manager: EntityManager, input: UrgeInput, recipients: number[]): Promise<UrgeOutcome> {
    const now = new Date();
    const cutoff = new Date(now.getTime() - (input.cooldownHours ?? 24) * 3600_000);
    const claimToken = randomUUID();
    const { type: subjectType, id: subjectId } = input.subject;
    const claimed: number[] = [];
    for (let i = 0; i < recipients.length; i += CHUNK) {
      const chunk = recipients.slice(i, i + CHUNK);
      // first urge of this matter for a recipient: the unique key lets one of two concurrent inserts win
      await manager
        .createQueryBuilder()
        .insert()
        .into(NotificationUrge)
        .values(chunk.map((recipientId) => ({ subjectType, subjectId, recipientId, lastUrgedAt: now, claimToken, urgeCount: 1 })))
        .orIgnore()
        .updateEntity(false)
        .execute();
      // urged before, but longer ago than the cooldown: the condition is re-checked on the locked row
      await manager
        .createQueryBuilder()
        .update(NotificationUrge)
        .set({ lastUrgedAt: now, claimToken, urgeCount: () => 'urgeCount + 1' })
        .where({ subjectType, subjectId, recipientId: In(chunk), lastUrgedAt: LessThan(cutoff) })
        .execute();
      const mine = await manager.getRepository(NotificationUrge).find({
        select: { recipientId: true },
        where: { subjectType, subjectId, recipientId: In(chunk), claimToken },
      });
      claimed.push(...mine.map((r) => r.recipientId));
    }
    if (!claimed.length) return { campaignId: null, urged: 0, skippedInCooldown: recipients.length };
    const campaign = await this.createCampaign(manager, {
      kind: input.kind ?? CampaignKind.URGE,
      sender: input.sender,
      districtId: input.districtId,
      title: input.title,
      content: input.content,
      link: input.link ?? null,
      subject: input.subject,
      recipientIds: claimed,
      channels: input.channels,
    });
    await manager.getRepository(NotificationUrge).update({ subjectType, subjectId, claimToken }, { lastCampaignId: campaign.id });
    return { campaignId: campaign.id, urged: claimed.length, skippedInCooldown: recipients.length - claimed.length };
  }

  /**
   * Re-queues WeChat / SMS deliveries that the database says are undone but no job will finish:
   * PENDING ones untouched for a while, and SENDING ones whose worker died. Runs every minute
   * and when a process starts working the queues.
   */
  async sweep(options: { all?: boolean } = {}): Promise<number> {
    const now = Date.now();
    const qb = this.deliveries
      .createQueryBuilder('d')
      .select(['d.id', 'd.campaignId', 'd.recipientId', 'd.channel'])
      .where('d.channel IN (:...channels)', { channels: [DeliveryChannel.WECHAT, DeliveryChannel.SMS] })
      .andWhere(
        new Brackets((w) =>
          options.all
            ? w.where('d.status IN (:...open)', { open: [DeliveryStatus.PENDING, DeliveryStatus.SENDING] })
            : w
                .where('(d.status = :pending AND d.updatedAt < :pendingCutoff)', { pending: DeliveryStatus.PENDING, pendingCutoff: new Date(now - SWEEP_PENDING_AFTER_MS) })
                .orWhere('(d.status = :sending AND d.claimedAt < :staleCutoff)', { sending: DeliveryStatus.SENDING, staleCutoff: new Date(now - CLAIM_STALE_MS) }),
        ),
      )
      .orderBy('d.id', 'ASC')
      .take(options.all ? 100_000 : SWEEP_BATCH);
    const stuck = await qb.getMany();
    if (!stuck.length) return 0;
    if (options.all && this.queue.kind === 'in-process') {
      // a fresh in-process queue holds nothing: plain adds are enough
      await this.enqueueDeliveries(stuck);
    } else {
      for (const delivery of stuck) {
        const job = CHANNEL_JOBS[delivery.channel as DeliveryChannel.WECHAT | DeliveryChannel.SMS];
        await this.queue.requeue(job, { deliveryId: delivery.id }, this.jobOptions(delivery));
      }
    }
    this.logger.log(`re-queued ${stuck.length} undelivered deliveries`);
    return stuck.length;
  }

  /** Processes that work the queues: catch up on what a restart or a dead worker left behind, then every minute. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.queueProcessors !== 'in-process') return;
    await this.queue.schedule(JOBS.sweepDeliveries);
    // in-process queues forget everything on restart; Bull keeps its jobs, so only the stuck ones matter there
    await this.sweep({ all: this.queue.kind === 'in-process' });
  }

  jobOptions(delivery: DeliveryKey): JobOptions {
    const { maxAttempts, retryBaseMs, retryMaxMs } = this.config.notifications;
    return {
      jobId: deliveryJobId(delivery.campaignId, delivery.recipientId, delivery.channel),
      attempts: maxAttempts,
      backoffMs: retryBaseMs,
      backoffMaxMs: retryMaxMs,
    };
  }

  async enqueueDeliveries(rows: DeliveryKey[]): Promise<void> {
    for (const channel of [DeliveryChannel.WECHAT, DeliveryChannel.SMS] as const) {
      const job = CHANNEL_JOBS[channel];
      const mine = rows.filter((r) => r.channel === channel);
      for (let i = 0; i < mine.length; i += CHUNK) {
        await this.queue.addBulk(
          job,
          mine.slice(i, i + CHUNK).map((d) => ({ data: { deliveryId: d.id }, options: this.jobOptions(d) })),
        );
      }
    }
  }

  private externalChannels(requested: DeliveryChannel[] | undefined): DeliveryChannel[] {
    const channels = new Set(requested ?? [DeliveryChannel.WECHAT]);
    const result: DeliveryChannel[] = [];
    if (channels.has(DeliveryChannel.WECHAT) && this.wechatEnabled) result.push(DeliveryChannel.WECHAT);
    if (channels.has(DeliveryChannel.SMS) && this.smsEnabled) result.push(DeliveryChannel.SMS);
    return result;
  }
}

function isDeadlock(error: unknown): boolean {
  const code = (error as { driverError?: { code?: string }; code?: string })?.driverError?.code ?? (error as { code?: string })?.code;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT' || code === 'SQLITE_BUSY';
}
