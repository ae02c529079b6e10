import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { InboxMessage, Page } from '@szpm/contract';
import { IsNull, Repository } from 'typeorm';
import { AppException } from '../../common/errors/app.exception';
import { PageQueryDto, pageWindow, toPage } from '../../common/http/pagination.dto';
import { NotificationCampaign } from './entities/notification-campaign.entity';
import { DeliveryChannel, DeliveryStatus, NotificationDelivery } from './entities/notification-delivery.entity';

/** The recipient's side: the in-app inbox (我接收的消息), read state per message. */
@Injectable()
export class InboxService {
  constructor(@InjectRepository(NotificationDelivery) private readonly deliveries: Repository<NotificationDelivery>) {}

  private mine(accountId: number) {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the caller's own inbox deliveries, joined to their campaigns
    return this.deliveries
      .createQueryBuilder('d')
      .innerJoin(NotificationCampaign, 'c', 'c.id = d.campaignId')
      .where('d.recipientId = :accountId', { accountId })
      .andWhere('d.channel = :channel', { channel: DeliveryChannel.INBOX })
      .andWhere('d.status = :status', { status: DeliveryStatus.DELIVERED });
  }

  async list(accountId: number, query: PageQueryDto & { unreadOnly?: boolean }): Promise<Page<InboxMessage>> {
    const window = pageWindow(query);
    const qb = this.mine(accountId);
    if (query.unreadOnly) qb.andWhere('d.readAt IS NULL');
    const total = await qb.getCount();
    const rows = await qb
      .select(['d.id AS id', 'd.campaignId AS campaignId', 'd.readAt AS readAt', 'd.deliveredAt AS deliveredAt'])
      .addSelect(['c.kind AS kind', 'c.title AS title', 'c.content AS content', 'c.link AS link', 'c.senderName AS senderName', 'c.createdAt AS createdAt'])
      .orderBy('d.id', 'DESC')
      .offset(window.skip)
      .limit(window.take)
      .getRawMany<Record<string, unknown>>();
    return toPage(
      rows.map((r) => ({
        id: Number(r.id),
        campaignId: Number(r.campaignId),
        kind: String(r.kind),
        title: String(r.title),
        content: String(r.content),
        link: (r.link as string | null) ?? null,
        senderName: (r.senderName as string | null) ?? null,
        createdAt: toIso(r.createdAt)!,
        readAt: toIso(r.readAt),
      })),
      total,
      window,
    );
  }

  unreadCount(accountId: number): Promise<number> {
    return this.mine(accountId).andWhere('d.readAt IS NULL').getCount();
  }

  async markRead(accountId: number, deliveryId: number): Promise<void> {
    const delivery = await this.deliveries.findOne({ where: { id: deliveryId, recipientId: accountId, channel: DeliveryChannel.INBOX } });
    if (!delivery || delivery.status !== DeliveryStatus.DELIVERED) throw AppException.notFound('消息');
    await this.deliveries.update({ id: deliveryId, readAt: IsNull() }, { readAt: new Date() });
  }

  async markAllRead(accountId: number): Promise<number> {
    const result = await this.deliveries.update(
      { recipientId: accountId, channel: DeliveryChannel.INBOX, status: DeliveryStatus.DELIVERED, readAt: IsNull() },
      { readAt: new Date() },
    );
    return result.affected ?? 0;
  }
}

/** Raw rows give dates as Date (mysql2) or as 'YYYY-MM-DD HH:MM:SS.sss' UTC text (SQLite). */
export function toIso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`).toISOString();
}
