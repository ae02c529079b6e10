import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  CampaignChannelStats,
  CampaignDetail,
  CampaignListItem,
  CampaignReadStats,
  CampaignRecipientItem,
  DeliveryChannel,
  DeliveryStatus,
  Page,
} from '@szpm/contract';
import { In, Repository } from 'typeorm';
import { Actor } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { Account } from '../../access/entities/account.entity';
import { pageWindow, toPage } from '../../common/http/pagination.dto';
import { CampaignDeliveriesQueryDto, CampaignListQueryDto } from './dto/campaign-query.dto';
import { NotificationCampaign } from './entities/notification-campaign.entity';
import { NotificationDelivery } from './entities/notification-delivery.entity';
import { toIso } from './inbox.service';

const CAMPAIGN_LABEL = '消息';

/**
 * The sender's side (部门已发消息): campaigns the actor's scope may see, with read counts, delivery
 * counts per channel and status, and each recipient's state. Read state is the inbox row's readAt.
 */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly scope: DistrictScope,
    @InjectRepository(NotificationDelivery) private readonly deliveries: Repository<NotificationDelivery>,
  ) {}

  async list(actor: Actor, query: CampaignListQueryDto): Promise<Page<CampaignListItem>> {
    const window = pageWindow(query);
    const qb = this.scope.repository(actor, NotificationCampaign, CAMPAIGN_LABEL).query('c');
    if (query.mine) qb.andWhere('c.senderId = :me', { me: actor.accountId });
    if (query.kind) qb.andWhere('c.kind = :kind', { kind: query.kind });
    if (query.subjectType) qb.andWhere('c.subjectType = :subjectType', { subjectType: query.subjectType });
    if (query.subjectId !== undefined) qb.andWhere('c.subjectId = :subjectId', { subjectId: query.subjectId });
    const [campaigns, total] = await qb.orderBy('c.id', 'DESC').skip(window.skip).take(window.take).getManyAndCount();
    const stats = await this.readStats(campaigns.map((c) => c.id));
    return toPage(
      campaigns.map((c) => toListItem(c, stats.get(c.id))),
      total,
      window,
    );
  }

  async detail(actor: Actor, id: number): Promise<CampaignDetail> {
    const campaign = await this.scope.repository(actor, NotificationCampaign, CAMPAIGN_LABEL).findById(id);
    const rows = await this.deliveries
      .createQueryBuilder('d')
      .select(['d.channel AS channel', 'd.status AS status', 'COUNT(*) AS n'])
      .where('d.campaignId = :id', { id })
      .groupBy('d.channel')
      .addGroupBy('d.status')
      .getRawMany<{ channel: DeliveryChannel; status: DeliveryStatus; n: string | number }>();
    const channels = new Map<DeliveryChannel, CampaignChannelStats>();
    for (const row of rows) {
      let stats = channels.get(row.channel);
      if (!stats) {
        stats = { channel: row.channel, total: 0, byStatus: emptyStatusCounts() };
        channels.set(row.channel, stats);
      }
      stats.byStatus[row.status] = Number(row.n);
      stats.total += Number(row.n);
    }
    const order = Object.values(DeliveryChannel);
    return {
      ...toListItem(campaign, (await this.readStats([id])).get(id)),
      content: campaign.content,
      link: campaign.link,
      smsFallback: campaign.smsFallback,
      channels: [...channels.values()].sort((a, b) => order.indexOf(a.channel) - order.indexOf(b.channel)),
    };
  }

  async recipients(actor: Actor, id: number, query: CampaignDeliveriesQueryDto): Promise<Page<CampaignRecipientItem>> {
    await this.scope.repository(actor, NotificationCampaign, CAMPAIGN_LABEL).findById(id);
    const window = pageWindow(query);
    // every recipient has exactly one inbox row: page over those
    // eslint-disable-next-line szpm/no-raw-scoped-access -- joins recipient names of the deliveries of a campaign the door has just returned
    const qb = this.deliveries
      .createQueryBuilder('d')
      .leftJoin(Account, 'a', 'a.id = d.recipientId')
      .where('d.campaignId = :id AND d.channel = :inbox', { id, inbox: DeliveryChannel.INBOX });
    if (query.read === true) qb.andWhere('d.readAt IS NOT NULL');
    if (query.read === false) qb.andWhere('d.readAt IS NULL');
    // '!' as the escape character: a backslash means different things in MySQL and SQLite literals
    if (query.search) qb.andWhere("a.name LIKE :search ESCAPE '!'", { search: `%${query.search.replace(/[!%_]/g, (c) => `!${c}`)}%` });
    if (query.status) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM notification_deliveries x WHERE x.campaignId = d.campaignId AND x.recipientId = d.recipientId AND x.channel = :filterChannel AND x.status = :filterStatus)',
        { filterChannel: query.channel ?? DeliveryChannel.WECHAT, filterStatus: query.status },
      );
    }
    const total = await qb.getCount();
    const rows = await qb
      .select(['d.recipientId AS recipientId', 'a.name AS recipientName', 'd.readAt AS readAt'])
      .orderBy('d.recipientId', 'ASC')
      .offset(window.skip)
      .limit(window.take)
      .getRawMany<{ recipientId: number | string; recipientName: string | null; readAt: unknown }>();
    const recipientIds = rows.map((r) => Number(r.recipientId));
    const all = recipientIds.length ? await this.deliveries.find({ where: { campaignId: id, recipientId: In(recipientIds) }, order: { id: 'ASC' } }) : [];
    return toPage(
      rows.map((r) => ({
        recipientId: Number(r.recipientId),
        recipientName: r.recipientName,
        readAt: toIso(r.readAt),
        channels: all
          .filter((d) => d.recipientId === Number(r.recipientId))
          .map((d) => ({
            channel: d.channel,
            status: d.status,
            route: d.route,
            attempts: d.attempts,
            errcode: d.errcode,
            lastError: d.lastError,
            deliveredAt: d.deliveredAt ? d.deliveredAt.toISOString() : null,
          })),
      })),
      total,
      window,
    );
  }

  private async readStats(ids: number[]): Promise<Map<number, CampaignReadStats>> {
    const stats = new Map<number, CampaignReadStats>();
    if (!ids.length) return stats;
    const rows = await this.deliveries
      .createQueryBuilder('d')
      .select(['d.campaignId AS campaignId', 'COUNT(*) AS recipients', 'SUM(CASE WHEN d.readAt IS NULL THEN 0 ELSE 1 END) AS readCount'])
      .where('d.campaignId IN (:...ids) AND d.channel = :inbox', { ids, inbox: DeliveryChannel.INBOX })
      .groupBy('d.campaignId')
      .getRawMany<{ campaignId: number | string; recipients: number | string; readCount: number | string | null }>();
    for (const row of rows) {
      const recipients = Number(row.recipients);
      const read = Number(row.readCount ?? 0);
      stats.set(Number(row.campaignId), { recipients, read, unread: recipients - read });
    }
    return stats;
  }
}

function emptyStatusCounts(): Record<DeliveryStatus, number> {
  return Object.fromEntries(Object.values(DeliveryStatus).map((s) => [s, 0])) as Record<DeliveryStatus, number>;
}

function toListItem(c: NotificationCampaign, stats: CampaignReadStats | undefined): CampaignListItem {
  return {
    id: c.id,
    kind: c.kind,
    title: c.title,
    senderId: c.senderId,
    senderName: c.senderName,
    districtId: c.districtId,
    subjectType: c.subjectType,
    subjectId: c.subjectId,
    createdAt: c.createdAt.toISOString(),
    recipients: stats?.recipients ?? 0,
    read: stats?.read ?? 0,
    unread: stats?.unread ?? 0,
  };
}
