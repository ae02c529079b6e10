import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { JobQueue, QueueName } from '../../queue/job-queue';
import { CampaignKind, NotificationCampaign } from './entities/notification-campaign.entity';
import { DeliveryChannel, DeliveryStatus, NotificationDelivery } from './entities/notification-delivery.entity';

export const DELIVER_JOB = 'deliver';

export interface CampaignInput {
  kind: CampaignKind;
  sender: { id: number; name: string } | null;
  districtId: number | null;
  title: string;
  content: string;
  link?: string | null;
  subject?: { type: string; id: number } | null;
  recipientIds: number[];
  channels?: DeliveryChannel[];
}

/** The job id of one delivery: the same campaign, recipient and channel always make the same job. */
export function deliveryJobId(campaignId: number, recipientId: number, channel: DeliveryChannel): string {
  return `campaign-${campaignId}-recipient-${recipientId}-${channel}`;
}

const INSERT_CHUNK = 500;

/**
 * The one pipeline for every notice and reminder (催办, 催绑, 提醒更新): a campaign, one delivery
 * row per recipient and channel, and one queue job per delivery that carries only its id.
 */
@Injectable()
export class NotificationsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    @InjectRepository(NotificationDelivery) private readonly deliveries: Repository<NotificationDelivery>,
  ) {}

  /** Writes the campaign and its deliveries in the caller's transaction; call `enqueue` after it commits. */
  async createCampaign(manager: EntityManager, input: CampaignInput): Promise<NotificationCampaign> {
    const recipients = [...new Set(input.recipientIds)];
    const channels = input.channels ?? [DeliveryChannel.INBOX];
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
    });
    const rows = recipients.flatMap((recipientId) => channels.map((channel) => ({ campaignId: campaign.id, recipientId, channel, status: DeliveryStatus.PENDING })));
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await manager.getRepository(NotificationDelivery).insert(rows.slice(i, i + INSERT_CHUNK));
    }
    return campaign;
  }

  /** Queues every pending delivery of a campaign. Safe to call again: job ids de-duplicate. */
  async enqueue(campaignId: number): Promise<void> {
    const pending = await this.deliveries.find({
      select: { id: true, campaignId: true, recipientId: true, channel: true },
      where: { campaignId, status: DeliveryStatus.PENDING },
    });
    await this.enqueueDeliveries(pending);
  }

  async send(input: CampaignInput): Promise<NotificationCampaign> {
    const campaign = await this.dataSource.transaction((manager) => this.createCampaign(manager, input));
    await this.enqueue(campaign.id);
    return campaign;
  }

  private async enqueueDeliveries(rows: Array<Pick<NotificationDelivery, 'id' | 'campaignId' | 'recipientId' | 'channel'>>) {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await this.queue.addBulk(
        QueueName.NOTIFICATIONS,
        rows.slice(i, i + INSERT_CHUNK).map((d) => ({
          jobName: DELIVER_JOB,
          data: { deliveryId: d.id },
          options: { jobId: deliveryJobId(d.campaignId, d.recipientId, d.channel) },
        })),
      );
    }
  }

  /** Deliveries still pending after a restart (in-process queues forget) are queued again. */
  async onApplicationBootstrap(): Promise<void> {
    const pending = await this.deliveries.find({
      select: { id: true, campaignId: true, recipientId: true, channel: true },
      where: { status: In([DeliveryStatus.PENDING]) },
      take: 50_000,
    });
    if (pending.length) {
      this.logger.log(`re-queueing ${pending.length} pending deliveries`);
      await this.enqueueDeliveries(pending);
    }
  }
}
