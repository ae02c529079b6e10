import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AccountStatus, h5Url } from '@szpm/contract';
import { randomUUID } from 'node:crypto';
import { Brackets, In, Repository } from 'typeorm';
import { Account } from '../../access/entities/account.entity';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { SMS_PROVIDER, SmsProvider } from '../../integrations/sms/sms-provider';
import { WechatMessageClient } from '../../integrations/wechat/wechat-message.client';
import { JobContext, JobData, JobQueue, PermanentJobError } from '../../queue/job-queue';
import { JOBS } from '../../queue/jobs';
import { Batcher } from './batcher';
import { classifyDeliveryError } from './delivery-errors';
import { NotificationCampaign } from './entities/notification-campaign.entity';
import { DeliveryChannel, DeliveryRoute, DeliveryStatus, NotificationDelivery } from './entities/notification-delivery.entity';
import { miniPage, MessageSource, smsParams, templateData } from './message-content';
import { CLAIM_STALE_MS, NotificationsService } from './notifications.service';

/** What a delivery needs to be sent: the recipient's addresses and the campaign's text. */
interface Target {
  deliveryId: number;
  campaignId: number;
  recipientId: number;
  channel: DeliveryChannel;
  claimToken: string;
  /** null when the account no longer exists */
  accountStatus: AccountStatus | null;
  phone: string | null;
  miniOpenId: string | null;
  wechatOpenId: string | null;
}

/** What the claim of one delivery found: it is ours to send, or its current status (null: no such row). */
type Claim = { claimed: true; target: Target } | { claimed: false; status: DeliveryStatus | null };

type Outcome = { route: DeliveryRoute } | { skipped: string };

const FINISHED: ReadonlySet<DeliveryStatus> = new Set([DeliveryStatus.DELIVERED, DeliveryStatus.FAILED, DeliveryStatus.REJECTED, DeliveryStatus.SKIPPED]);
const CAMPAIGN_CACHE_SIZE = 200;

/** Thrown when another worker holds a fresh claim on the delivery: try again later. */
class ClaimedElsewhereError extends Error {}

/**
 * Delivers one WeChat or SMS delivery row per job. The row is claimed first (PENDING → SENDING in
 * one conditional UPDATE), so a duplicate job (retry, re-enqueue, second worker, a stalled job
 * run again) never sends a message the database already records as sent. Claims and DELIVERED
 * updates of concurrent jobs go to the database in batches (Batcher); each job still completes
 * only once its own row is written. Outcomes:
 * DELIVERED; REJECTED for permanent errors (errcode kept, no retry); PENDING again for transient
 * ones (the queue retries with exponential backoff) until the last attempt makes it FAILED;
 * SKIPPED when the recipient has no address on the channel. WeChat deliveries that end other than
 * DELIVERED fall back to SMS when the campaign asks for it.
 */
@Injectable()
export class DeliveryProcessor implements OnModuleInit {
  private readonly logger = new Logger('DeliveryProcessor');
  private readonly campaigns = new Map<number, NotificationCampaign>();
  private readonly claims = new Batcher<number, Claim>((ids) => this.claimBatch(ids));
  private readonly delivered = new Batcher<{ deliveryId: number; route: DeliveryRoute }, void>((done) => this.deliveredBatch(done));

  constructor(
    private readonly queue: JobQueue,
    private readonly notifications: NotificationsService,
    private readonly wechat: WechatMessageClient,
    @Inject(SMS_PROVIDER) private readonly sms: SmsProvider,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(NotificationDelivery) private readonly deliveries: Repository<NotificationDelivery>,
    // eslint-disable-next-line szpm/no-raw-scoped-access -- delivery job: no actor, loads the campaign by the id from the job
    @InjectRepository(NotificationCampaign) private readonly campaignRows: Repository<NotificationCampaign>,
  ) {}

  onModuleInit() {
    const concurrency = this.config.notifications.concurrency;
    this.queue.handle(JOBS.deliverWechat, (data, context) => this.handle(data, context), concurrency);
    this.queue.handle(JOBS.deliverSms, (data, context) => this.handle(data, context), concurrency);
    this.queue.handle(JOBS.sweepDeliveries, async () => void (await this.notifications.sweep()), 1);
  }

  async handle(data: JobData, context: JobContext): Promise<void> {
    const deliveryId = Number(data.deliveryId);
    const claim = await this.claims.load(deliveryId);
    if (!claim.claimed) {
      if (claim.status === null || FINISHED.has(claim.status)) return;
      throw new ClaimedElsewhereError(`delivery ${deliveryId} is being sent by another worker`);
    }
    const { target } = claim;
    if (target.accountStatus === null) {
      await this.finish(target, DeliveryStatus.SKIPPED, { lastError: 'recipient account no longer exists' });
      return;
    }
    let campaign: NotificationCampaign | null = null;
    let outcome: Outcome;
    try {
      campaign = await this.campaign(target.campaignId);
      outcome = target.channel === DeliveryChannel.SMS ? await this.sendSms(target, campaign) : await this.sendWechat(target, campaign);
    } catch (error) {
      const failure = classifyDeliveryError(error);
      const last = failure.kind === 'permanent' || context.attempt >= context.maxAttempts;
      const status = failure.kind === 'permanent' ? DeliveryStatus.REJECTED : last ? DeliveryStatus.FAILED : DeliveryStatus.PENDING;
      await this.finish(target, status, { errcode: failure.errcode, lastError: failure.message.slice(0, 255) });
      if (last && campaign) await this.fallBack(target, campaign);
      if (failure.kind === 'permanent') throw new PermanentJobError(failure.message);
      throw error;
    }
    if ('skipped' in outcome) {
      await this.finish(target, DeliveryStatus.SKIPPED, { lastError: outcome.skipped });
      await this.fallBack(target, campaign);
    } else {
      await this.delivered.load({ deliveryId, route: outcome.route });
    }
  }

  /**
   * Claims a batch: PENDING → SENDING (or a SENDING row whose worker died), stamped with a token of
   * this batch; then reads back every row asked for with its recipient's addresses. The token tells
   * which rows this batch got: the others are done, or another worker has them.
   */
  private async claimBatch(ids: number[]): Promise<Claim[]> {
    const now = new Date();
    const claimToken = randomUUID();
    await this.deliveries
      .createQueryBuilder()
      .update(NotificationDelivery)
      .set({ status: DeliveryStatus.SENDING, claimedAt: now, claimToken, attempts: () => 'attempts + 1' })
      .where({ id: In(ids) })
      .andWhere(
        new Brackets((w) =>
          w
            .where('status = :pending', { pending: DeliveryStatus.PENDING })
            .orWhere('(status = :sending AND claimedAt < :stale)', { sending: DeliveryStatus.SENDING, stale: new Date(now.getTime() - CLAIM_STALE_MS) }),
        ),
      )
      .execute();
    // eslint-disable-next-line szpm/no-raw-scoped-access -- delivery job: no actor, joins the recipient accounts of the deliveries it claimed
    const rows = await this.deliveries
      .createQueryBuilder('d')
      .leftJoin(Account, 'a', 'a.id = d.recipientId')
      .select(['d.id AS deliveryId', 'd.campaignId AS campaignId', 'd.recipientId AS recipientId', 'd.channel AS channel'])
      .addSelect(['d.status AS status', 'd.claimToken AS claimToken'])
      .addSelect(['a.status AS accountStatus', 'a.phone AS phone', 'a.miniOpenId AS miniOpenId', 'a.wechatOpenId AS wechatOpenId'])
      .where({ id: In(ids) })
      .getRawMany<Target & { status: DeliveryStatus }>();
    const byId = new Map(rows.map((r) => [Number(r.deliveryId), r]));
    const handedOut = new Set<number>();
    return ids.map((id): Claim => {
      const row = byId.get(id);
      if (!row) return { claimed: false, status: null };
      // the same row asked for twice in one batch (a stalled job run twice) is handed to one caller only
      if (row.status !== DeliveryStatus.SENDING || row.claimToken !== claimToken || handedOut.has(id)) return { claimed: false, status: row.status };
      handedOut.add(id);
      return {
        claimed: true,
        target: {
          deliveryId: id,
          campaignId: Number(row.campaignId),
          recipientId: Number(row.recipientId),
          channel: row.channel,
          claimToken,
          accountStatus: row.accountStatus ?? null,
          phone: row.phone ?? null,
          miniOpenId: row.miniOpenId ?? null,
          wechatOpenId: row.wechatOpenId ?? null,
        },
      };
    });
  }

  /** DELIVERED for a batch, one statement per route. */
  private async deliveredBatch(done: Array<{ deliveryId: number; route: DeliveryRoute }>): Promise<void[]> {
    const deliveredAt = new Date();
    for (const route of new Set(done.map((d) => d.route))) {
      await this.deliveries
        .createQueryBuilder()
        .update(NotificationDelivery)
        .set({ status: DeliveryStatus.DELIVERED, route, deliveredAt, errcode: null, lastError: null })
        .where({ id: In(done.filter((d) => d.route === route).map((d) => d.deliveryId)), status: DeliveryStatus.SENDING })
        .execute();
    }
    return done.map(() => undefined);
  }

  /** Any other outcome, one row: only while the claim is still ours. */
  private async finish(target: Target, status: DeliveryStatus, fields: Partial<NotificationDelivery>) {
    await this.deliveries.update({ id: target.deliveryId, status: DeliveryStatus.SENDING, claimToken: target.claimToken }, { ...fields, status });
  }

  /** Campaign text never changes after creation, so each worker keeps the recent ones. */
  private async campaign(id: number): Promise<NotificationCampaign> {
    let campaign = this.campaigns.get(id);
    if (!campaign) {
      campaign = await this.campaignRows.findOneByOrFail({ id });
      if (this.campaigns.size >= CAMPAIGN_CACHE_SIZE) this.campaigns.delete(this.campaigns.keys().next().value!);
      this.campaigns.set(id, campaign);
    }
    return campaign;
  }

  /**
   * Mini-program subscribe message when the account has a miniOpenId; official-account template
   * message when it has a wechatOpenId — also when the subscribe message was refused for good.
   */
  private async sendWechat(target: Target, campaign: NotificationCampaign): Promise<Outcome> {
    if (target.accountStatus !== AccountStatus.ACTIVE) return { skipped: `account ${target.accountStatus}` };
    const { subscribe, officialAccount } = this.config.notifications.wechat;
    const message: MessageSource = campaign;
    const useOa = Boolean(officialAccount && target.wechatOpenId);
    if (subscribe && target.miniOpenId) {
      try {
        await this.wechat.sendSubscribe({
          touser: target.miniOpenId,
          template_id: subscribe.templateId,
          page: miniPage(campaign.link),
          data: templateData(subscribe, message),
          miniprogram_state: subscribe.miniprogramState,
          lang: 'zh_CN',
        });
        return { route: DeliveryRoute.MINI_SUBSCRIBE };
      } catch (error) {
        if (!useOa || classifyDeliveryError(error).kind !== 'permanent') throw error;
        this.logger.debug(`delivery ${target.deliveryId}: subscribe message refused, trying the official account`);
      }
    }
    if (officialAccount && target.wechatOpenId) {
      const mini = this.config.wechat.miniProgram;
      await this.wechat.sendTemplate({
        touser: target.wechatOpenId,
        template_id: officialAccount.templateId,
        ...(campaign.link && mini
          ? { miniprogram: { appid: mini.appId, pagepath: miniPage(campaign.link)! } }
          : campaign.link
            ? { url: h5Url(this.config.publicBaseUrl, campaign.link) }
            : {}),
        data: templateData(officialAccount, message),
        // WeChat drops a resend with the same id (ten minutes): a retry after a lost answer is not a second message
        client_msg_id: `szpm-delivery-${target.deliveryId}`,
      });
      return { route: DeliveryRoute.OA_TEMPLATE };
    }
    return { skipped: 'no WeChat binding for the configured message templates' };
  }

  private async sendSms(target: Target, campaign: NotificationCampaign): Promise<Outcome> {
    const templateId = this.config.notifications.sms.templateId;
    if (!templateId) return { skipped: 'SMS notifications are not configured (SMS_NOTIFY_TEMPLATE_ID)' };
    if (target.accountStatus !== AccountStatus.ACTIVE) return { skipped: `account ${target.accountStatus}` };
    if (!target.phone) return { skipped: 'no phone number' };
    await this.sms.sendNotification(target.phone, templateId, smsParams(campaign));
    return { route: DeliveryRoute.SMS };
  }

  /** WeChat could not deliver: an SMS instead, once per recipient (the unique key and the job id see to that). */
  private async fallBack(target: Target, campaign: NotificationCampaign): Promise<void> {
    if (target.channel !== DeliveryChannel.WECHAT || !campaign.smsFallback || !this.notifications.smsEnabled) return;
    await this.deliveries
      .createQueryBuilder()
      .insert()
      .into(NotificationDelivery)
      .values({ campaignId: target.campaignId, recipientId: target.recipientId, channel: DeliveryChannel.SMS, status: DeliveryStatus.PENDING })
      .orIgnore()
      .updateEntity(false)
      .execute();
    const sms = await this.deliveries.findOneOrFail({
      select: { id: true, campaignId: true, recipientId: true, channel: true, status: true },
      where: { campaignId: target.campaignId, recipientId: target.recipientId, channel: DeliveryChannel.SMS },
    });
    if (sms.status !== DeliveryStatus.PENDING) return;
    await this.queue.add(JOBS.deliverSms, { deliveryId: sms.id }, this.notifications.jobOptions(sms));
  }
}
