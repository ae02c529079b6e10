import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CampaignKind, NOTICE_SUBJECT_TYPE, Page, ReceivedNoticeDetail, ReceivedNoticeItem } from '@szpm/contract';
import { In, IsNull, Repository } from 'typeorm';
import { Actor } from '../../access/actor';
import { AppException } from '../../common/errors/app.exception';
import { pageWindow, toPage } from '../../common/http/pagination.dto';
import { NotificationCampaign } from '../notifications/entities/notification-campaign.entity';
import { DeliveryChannel, NotificationDelivery } from '../notifications/entities/notification-delivery.entity';
import { NotificationUrge } from '../notifications/entities/notification-urge.entity';
import { InboxService, toIso } from '../notifications/inbox.service';
import { Region } from '../regions/entities/region.entity';
import { ReceivedNoticeQueryDto } from './dto/notice.dto';
import { Notice } from './entities/notice.entity';
import { NoticeRecipient } from './entities/notice-recipient.entity';
import { bureauName } from '../notifications/reminders/recipient-resolver';
import { NoticeAttachmentsService } from './notice-attachments.service';

type Raw = Record<string, unknown>;

/**
 * The recipients' side (我接收的消息): the notices addressed to the caller — a project manager or
 * committee chair from their district, a district officer from the city — and their read state,
 * which is the caller's inbox message of the notice (so /api/inbox and these endpoints agree).
 */
@Injectable()
export class ReceivedNoticesService {
  constructor(
    private readonly inbox: InboxService,
    private readonly attachments: NoticeAttachmentsService,
    @InjectRepository(NoticeRecipient) private readonly recipients: Repository<NoticeRecipient>,
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the campaigns of notices the caller received (marks the caller's own inbox read)
    @InjectRepository(NotificationCampaign) private readonly campaigns: Repository<NotificationCampaign>,
    @InjectRepository(NotificationDelivery) private readonly deliveries: Repository<NotificationDelivery>,
    // eslint-disable-next-line szpm/no-raw-scoped-access -- names the bureaus of notices the caller received
    @InjectRepository(Region) private readonly regions: Repository<Region>,
  ) {}

  private mine(actor: Actor) {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the caller's own received notices (r.accountId = me)
    return this.recipients
      .createQueryBuilder('r')
      .innerJoin(Notice, 'n', 'n.id = r.noticeId')
      .leftJoin(NotificationDelivery, 'd', 'd.campaignId = n.campaignId AND d.recipientId = r.accountId AND d.channel = :inbox', { inbox: DeliveryChannel.INBOX })
      .leftJoin(NotificationUrge, 'u', 'u.subjectType = :subjectType AND u.subjectId = n.id AND u.recipientId = r.accountId', { subjectType: NOTICE_SUBJECT_TYPE })
      .where('r.accountId = :me', { me: actor.accountId })
      .select(['n.id AS id', 'n.title AS title', 'n.noticeTypeName AS noticeTypeName', 'n.senderName AS senderName', 'n.districtId AS districtId'])
      .addSelect(['n.attachmentCount AS attachmentCount', 'n.createdAt AS createdAt', 'd.readAt AS readAt', 'u.lastUrgedAt AS lastUrgedAt']);
  }

  async list(actor: Actor, query: ReceivedNoticeQueryDto): Promise<Page<ReceivedNoticeItem>> {
    const window = pageWindow(query);
    const qb = this.mine(actor);
    if (query.unreadOnly) qb.andWhere('d.readAt IS NULL');
    const total = await qb.getCount();
    const rows = await qb.orderBy('n.id', 'DESC').offset(window.skip).limit(window.take).getRawMany<Raw>();
    const names = await this.districtNames(rows.map((r) => r.districtId));
    return toPage(
      rows.map((r) => this.toItem(r, names)),
      total,
      window,
    );
  }

  async detail(actor: Actor, noticeId: number): Promise<ReceivedNoticeDetail> {
    const row = await this.mine(actor).andWhere('n.id = :noticeId', { noticeId }).addSelect('n.content', 'content').getRawOne<Raw>();
    if (!row) throw AppException.notFound('通知');
    const names = await this.districtNames([row.districtId]);
    return { ...this.toItem(row, names), content: String(row.content), attachments: await this.attachments.refs(noticeId) };
  }

  /** Marks the notice read, and the 催办 messages about it with it. */
  async markRead(actor: Actor, noticeId: number): Promise<void> {
    const recipient = await this.recipients.findOne({ where: { noticeId, accountId: actor.accountId } });
    if (!recipient) throw AppException.notFound('通知');
    await this.markMessagesRead(actor, [noticeId]);
  }

  async markAllRead(actor: Actor): Promise<number> {
    const rows = await this.mine(actor).andWhere('d.readAt IS NULL').getRawMany<Raw>();
    const noticeIds = rows.map((r) => Number(r.id));
    await this.markMessagesRead(actor, noticeIds);
    return noticeIds.length;
  }

  async openAttachment(actor: Actor, noticeId: number, attachmentId: number) {
    const recipient = await this.recipients.findOne({ where: { noticeId, accountId: actor.accountId } });
    if (!recipient) throw AppException.notFound('通知');
    return this.attachments.open(noticeId, attachmentId);
  }

  private async markMessagesRead(actor: Actor, noticeIds: number[]): Promise<void> {
    for (let i = 0; i < noticeIds.length; i += 500) {
      const campaigns = await this.campaigns.find({
        select: { id: true },
        where: { subjectType: NOTICE_SUBJECT_TYPE, subjectId: In(noticeIds.slice(i, i + 500)), kind: In([CampaignKind.NOTICE, CampaignKind.URGE]) },
      });
      if (!campaigns.length) continue;
      const unread = await this.deliveries.find({
        select: { id: true },
        where: { campaignId: In(campaigns.map((c) => c.id)), recipientId: actor.accountId, channel: DeliveryChannel.INBOX, readAt: IsNull() },
      });
      // the inbox owns read state: the same rule as opening the message in the inbox
      for (const delivery of unread) await this.inbox.markRead(actor.accountId, delivery.id);
    }
  }

  private async districtNames(ids: unknown[]): Promise<Map<number, string>> {
    const wanted = [...new Set(ids.filter((id) => id !== null && id !== undefined).map(Number))];
    if (!wanted.length) return new Map();
    const rows = await this.regions.findBy({ id: In(wanted) });
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  private toItem(r: Raw, districtNames: Map<number, string>): ReceivedNoticeItem {
    const districtId = r.districtId === null || r.districtId === undefined ? null : Number(r.districtId);
    return {
      id: Number(r.id),
      title: String(r.title),
      noticeTypeName: String(r.noticeTypeName),
      senderName: String(r.senderName),
      senderUnit: bureauName(districtId === null ? null : (districtNames.get(districtId) ?? null)),
      attachmentCount: Number(r.attachmentCount ?? 0),
      createdAt: toIso(r.createdAt)!,
      readAt: toIso(r.readAt),
      lastUrgedAt: toIso(r.lastUrgedAt),
    };
  }
}
