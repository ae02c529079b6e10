import { NoticeReadStats } from '@szpm/contract';
import { EntityManager, In } from 'typeorm';
import { DeliveryChannel, NotificationDelivery } from '../notifications/entities/notification-delivery.entity';

/**
 * Read counts per campaign, from the recipients' inbox messages (one per recipient): a notice, or a
 * 催办 about it, is read by whoever opened or marked that message.
 */
export async function readStatsOf(manager: EntityManager, campaignIds: number[]): Promise<Map<number, NoticeReadStats>> {
  const stats = new Map<number, NoticeReadStats>();
  const ids = [...new Set(campaignIds)];
  if (!ids.length) return stats;
  const rows = await manager
    .getRepository(NotificationDelivery)
    .createQueryBuilder('d')
    .select(['d.campaignId AS campaignId', 'COUNT(*) AS recipients', 'SUM(CASE WHEN d.readAt IS NULL THEN 0 ELSE 1 END) AS readCount'])
    .where({ campaignId: In(ids), channel: DeliveryChannel.INBOX })
    .groupBy('d.campaignId')
    .getRawMany<{ campaignId: number | string; recipients: number | string; readCount: number | string | null }>();
  for (const row of rows) {
    const recipients = Number(row.recipients);
    const read = Number(row.readCount ?? 0);
    stats.set(Number(row.campaignId), { recipients, read, unread: recipients - read });
  }
  return stats;
}

export const NO_STATS: NoticeReadStats = { recipients: 0, read: 0, unread: 0 };
