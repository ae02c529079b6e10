import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  AccountStatus,
  CampaignKind,
  MESSAGE_LINKS,
  NOTICE_AUDIENCE_LABELS,
  NOTICE_SUBJECT_TYPE,
  NoticeAudience,
  NoticeAudienceCount,
  NoticeAudienceStats,
  NoticeDetail,
  NoticeErrorCode,
  NoticeRecipientItem,
  NoticeRecipientStats,
  NoticeStatisticsSummary,
  NoticeUrgeResult,
  Page,
  SentNoticeMessage,
} from '@szpm/contract';
import { Brackets, DataSource, Repository, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { Account } from '../../access/entities/account.entity';
import { pageWindow, toPage } from '../../common/http/pagination.dto';
import { startOfShanghaiDay } from '../../common/http/shanghai-time';
import { NotificationCampaign } from '../notifications/entities/notification-campaign.entity';
import { DeliveryChannel, NotificationDelivery } from '../notifications/entities/notification-delivery.entity';
import { NotificationUrge } from '../notifications/entities/notification-urge.entity';
import { toIso } from '../notifications/inbox.service';
import { NotificationsService } from '../notifications/notifications.service';
import { bureauName } from '../notifications/reminders/recipient-resolver';
import { RemindersService } from '../notifications/reminders/reminders.service';
import { Region } from '../regions/entities/region.entity';
import { escapeLike } from '../../common/sql/like';
import {
  NoticeAudienceDto,
  NoticeRecipientQueryDto,
  NoticeRecipientStatsQueryDto,
  NoticeStatisticsQueryDto,
  PublishNoticeDto,
  SentNoticeQueryDto,
} from './dto/notice.dto';
import { Notice } from './entities/notice.entity';
import { NoticeRecipient } from './entities/notice-recipient.entity';
import { NoticeAudienceResolver } from './notice-audience.resolver';
import { NoticeAttachmentsService } from './notice-attachments.service';
import { NoticeTypesService } from './notice-types.service';
import { NO_STATS, readStatsOf } from './notice-read-state';
import { NoticeException } from './notices.exception';
import { insertRows } from '../../common/sql/insert-rows';

const NOTICE_LABEL = '通知';

type Raw = Record<string, unknown>;
const num = (value: unknown) => Number(value ?? 0);

/**
 * The sender's side of chapter 15: publish (部门已发消息), per-notice read statistics and recipients,
 * 催办 of the unread, and the statistics across recipients (查看全部统计). The notice's delivery
 * and read state is its notification campaign's; the recipients' side is ReceivedNoticesService.
 */
@Injectable()
export class NoticesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    private readonly notifications: NotificationsService,
    private readonly reminders: RemindersService,
    private readonly audiences: NoticeAudienceResolver,
    private readonly types: NoticeTypesService,
    private readonly attachments: NoticeAttachmentsService,
    @InjectRepository(NoticeRecipient) private readonly recipients: Repository<NoticeRecipient>,
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the 催办 campaigns of a notice the door has just returned
    @InjectRepository(NotificationCampaign) private readonly campaigns: Repository<NotificationCampaign>,
    // eslint-disable-next-line szpm/no-raw-scoped-access -- names the bureau (district) of a notice the door has just returned
    @InjectRepository(Region) private readonly regions: Repository<Region>,
  ) {}

  private notices(actor: Actor) {
    return this.scope.repository(actor, Notice, NOTICE_LABEL);
  }

  /** The recipients the same choice would reach if published now (the sender confirms with the number). */
  async audienceCount(actor: Actor, dto: NoticeAudienceDto): Promise<NoticeAudienceCount> {
    const { recipients } = await this.audiences.resolve(actor, dto);
    return {
      total: recipients.length,
      byAudience: dto.audiences.map((audience) => ({
        audience,
        audienceLabel: NOTICE_AUDIENCE_LABELS[audience],
        count: recipients.filter((r) => r.audience === audience).length,
      })),
    };
  }

  async publish(actor: Actor, dto: PublishNoticeDto): Promise<NoticeDetail> {
    const scoped = this.notices(actor);
    const { target, recipients } = await this.audiences.resolve(actor, dto);
    if (!recipients.length) throw new NoticeException(NoticeErrorCode.NO_RECIPIENTS);
    const sender = { id: actor.accountId, name: actor.name };
    const noticeId = await this.dataSource.transaction(async (manager) => {
      const type = await this.types.usable(manager, dto.noticeTypeId);
      const attachmentIds = dto.attachmentIds ?? [];
      const notice = await manager.save(
        // eslint-disable-next-line szpm/no-raw-scoped-access -- the new notice in the actor's district (scoped.districtId)
        manager.create(Notice, {
          districtId: scoped.districtId,
          senderId: actor.accountId,
          senderName: actor.name,
          noticeTypeId: type.id,
          noticeTypeName: type.name,
          title: dto.title,
          content: dto.content,
          target,
          campaignId: null,
          recipientCount: recipients.length,
          attachmentCount: attachmentIds.length,
        }),
      );
      await this.attachments.attach(manager, actor, notice.id, attachmentIds);
      await insertRows(manager, NoticeRecipient, recipients.map((r) => ({ noticeId: notice.id, ...r })));
      // the inbox messages appear with the commit; WeChat messages are queued after it
      const campaign = await this.notifications.createCampaign(manager, {
        kind: CampaignKind.NOTICE,
        sender,
        districtId: notice.districtId,
        title: notice.title,
        content: notice.content,
        link: MESSAGE_LINKS.receivedNotice(notice.id),
        subject: { type: NOTICE_SUBJECT_TYPE, id: notice.id },
        recipientIds: recipients.map((r) => r.accountId),
      });
      // eslint-disable-next-line szpm/no-raw-scoped-access -- links the notice created just above to its campaign
      await manager.update(Notice, { id: notice.id }, { campaignId: campaign.id });
      return notice.id;
    });
    return this.detail(actor, noticeId);
  }

  /** 部门已发消息: the notices of the scope and the 催办 about them, newest first; 显示催办 = urgeOnly. */
  async sent(actor: Actor, query: SentNoticeQueryDto): Promise<Page<SentNoticeMessage>> {
    const window = pageWindow(query);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- joins the notice of campaigns already scoped by the door
    const qb = this.scope
      .repository(actor, NotificationCampaign, NOTICE_LABEL)
      .query('c')
      .innerJoin(Notice, 'n', 'n.id = c.subjectId')
      .andWhere('c.subjectType = :subjectType', { subjectType: NOTICE_SUBJECT_TYPE })
      .andWhere('c.kind IN (:...kinds)', { kinds: query.urgeOnly ? [CampaignKind.URGE] : [CampaignKind.NOTICE, CampaignKind.URGE] });
    if (query.mine) qb.andWhere('c.senderId = :me', { me: actor.accountId });
    if (query.noticeTypeId) qb.andWhere('n.noticeTypeId = :typeId', { typeId: query.noticeTypeId });
    if (query.search) qb.andWhere("n.title LIKE :search ESCAPE '!'", { search: `%${escapeLike(query.search)}%` });
    const total = await qb.getCount();
    const rows = await qb
      .select(['c.id AS campaignId', 'c.kind AS kind', 'c.title AS title', 'c.senderName AS senderName', 'c.createdAt AS createdAt'])
      .addSelect(['n.id AS noticeId', 'n.title AS noticeTitle', 'n.noticeTypeName AS noticeTypeName'])
      .orderBy('c.id', 'DESC')
      .offset(window.skip)
      .limit(window.take)
      .getRawMany<Raw>();
    const stats = await readStatsOf(this.dataSource.manager, rows.map((r) => num(r.campaignId)));
    return toPage(
      rows.map((r) => ({
        campaignId: num(r.campaignId),
        kind: r.kind === CampaignKind.URGE ? 'URGE' : 'NOTICE',
        noticeId: num(r.noticeId),
        noticeTitle: String(r.noticeTitle),
        noticeTypeName: String(r.noticeTypeName),
        title: String(r.title),
        senderName: (r.senderName as string | null) ?? null,
        createdAt: toIso(r.createdAt)!,
        ...(stats.get(num(r.campaignId)) ?? NO_STATS),
      })),
      total,
      window,
    );
  }

  async detail(actor: Actor, id: number): Promise<NoticeDetail> {
    const notice = await this.notices(actor).findById(id);
    const urges = await this.campaigns.find({
      where: { subjectType: NOTICE_SUBJECT_TYPE, subjectId: id, kind: CampaignKind.URGE },
      order: { id: 'ASC' },
    });
    const stats = await readStatsOf(this.dataSource.manager, [...(notice.campaignId ? [notice.campaignId] : []), ...urges.map((u) => u.id)]);
    return {
      id: notice.id,
      title: notice.title,
      noticeTypeId: notice.noticeTypeId,
      noticeTypeName: notice.noticeTypeName,
      districtId: notice.districtId,
      senderId: notice.senderId,
      senderName: notice.senderName,
      audiences: notice.target.audiences,
      attachmentCount: notice.attachmentCount,
      urgeCount: urges.length,
      createdAt: notice.createdAt.toISOString(),
      ...((notice.campaignId && stats.get(notice.campaignId)) || NO_STATS),
      content: notice.content,
      target: notice.target,
      attachments: await this.attachments.refs(notice.id),
      urges: urges.map((u) => ({ campaignId: u.id, senderName: u.senderName, createdAt: u.createdAt.toISOString(), ...(stats.get(u.id) ?? NO_STATS) })),
    };
  }

  /** Per recipient: read or not, and how often urged. */
  async recipientsOf(actor: Actor, id: number, query: NoticeRecipientQueryDto): Promise<Page<NoticeRecipientItem>> {
    const notice = await this.notices(actor).findById(id);
    const window = pageWindow(query);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- recipients (with their account names) of a notice the door has just returned
    const qb = this.recipients
      .createQueryBuilder('r')
      .innerJoin(Account, 'a', 'a.id = r.accountId')
      .leftJoin(NotificationDelivery, 'd', 'd.campaignId = :campaignId AND d.recipientId = r.accountId AND d.channel = :inbox', {
        campaignId: notice.campaignId ?? 0,
        inbox: DeliveryChannel.INBOX,
      })
      .leftJoin(NotificationUrge, 'u', 'u.subjectType = :subjectType AND u.subjectId = r.noticeId AND u.recipientId = r.accountId', { subjectType: NOTICE_SUBJECT_TYPE })
      .where('r.noticeId = :id', { id });
    if (query.read === true) qb.andWhere('d.readAt IS NOT NULL');
    if (query.read === false) qb.andWhere('d.readAt IS NULL');
    if (query.audience) qb.andWhere('r.audience = :audience', { audience: query.audience });
    if (query.search) qb.andWhere(new Brackets((w) => w.where("a.name LIKE :search ESCAPE '!'").orWhere("r.unitName LIKE :search ESCAPE '!'")), { search: `%${escapeLike(query.search)}%` });
    const total = await qb.getCount();
    const rows = await qb
      .select(['r.accountId AS accountId', 'a.name AS name', 'r.audience AS audience', 'r.unitName AS unitName', 'd.readAt AS readAt', 'u.urgeCount AS urgeCount', 'u.lastUrgedAt AS lastUrgedAt'])
      .orderBy('r.accountId', 'ASC')
      .offset(window.skip)
      .limit(window.take)
      .getRawMany<Raw>();
    return toPage(
      rows.map((r) => ({
        accountId: num(r.accountId),
        name: String(r.name),
        audience: r.audience as NoticeAudience,
        audienceLabel: NOTICE_AUDIENCE_LABELS[r.audience as NoticeAudience],
        unitName: String(r.unitName),
        readAt: toIso(r.readAt),
        urgeCount: num(r.urgeCount),
        lastUrgedAt: toIso(r.lastUrgedAt),
      })),
      total,
      window,
    );
  }

  /** 催办: a reminder to the recipients who have not read the notice, each at most once per cooldown. */
  async urge(actor: Actor, id: number): Promise<NoticeUrgeResult> {
    const notice = await this.notices(actor).findById(id);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- unread recipients of a notice the door has just returned
    const unread = await this.recipients
      .createQueryBuilder('r')
      .innerJoin(Account, 'a', 'a.id = r.accountId AND a.status = :active', { active: AccountStatus.ACTIVE })
      .innerJoin(NotificationDelivery, 'd', 'd.campaignId = :campaignId AND d.recipientId = r.accountId AND d.channel = :inbox', {
        campaignId: notice.campaignId ?? 0,
        inbox: DeliveryChannel.INBOX,
      })
      .select('r.accountId', 'accountId')
      .where('r.noticeId = :id', { id })
      .andWhere('d.readAt IS NULL')
      .getRawMany<{ accountId: number | string }>();
    const bureau = bureauName(notice.districtId === null ? null : (await this.regions.findOneBy({ id: notice.districtId }))?.name);
    return this.reminders.remind({
      sender: { id: actor.accountId, name: actor.name },
      districtId: notice.districtId,
      subject: { type: NOTICE_SUBJECT_TYPE, id: notice.id },
      recipients: { accountIds: unread.map((r) => Number(r.accountId)) },
      title: `催办：${[...notice.title].slice(0, 120).join('')}`,
      content: `${bureau}提醒您：通知《${notice.title}》您尚未阅读，请尽快查阅并按要求办理。`,
      link: MESSAGE_LINKS.receivedNotice(notice.id),
      nothingToUrgeMessage: '所有接收人均已阅读，无需催办',
    });
  }

  /** 查看全部统计: totals over the notices of the scope, by audience. */
  async statistics(actor: Actor, query: NoticeStatisticsQueryDto): Promise<NoticeStatisticsSummary> {
    const notices = this.filtered(actor, query);
    const noticeCount = await notices.clone().getCount();
    // eslint-disable-next-line szpm/no-raw-scoped-access -- joins the 催办 campaigns of notices already scoped by the door
    const urges = await notices
      .clone()
      .innerJoin(NotificationCampaign, 'c', 'c.subjectType = :subjectType AND c.subjectId = n.id AND c.kind = :urge', { subjectType: NOTICE_SUBJECT_TYPE, urge: CampaignKind.URGE })
      .getCount();
    const rows = await this.withRecipients(notices.clone())
      .select(['r.audience AS audience', 'COUNT(*) AS messages', 'SUM(CASE WHEN d.readAt IS NULL THEN 0 ELSE 1 END) AS readCount'])
      .groupBy('r.audience')
      .getRawMany<Raw>();
    const byAudience: NoticeAudienceStats[] = Object.values(NoticeAudience)
      .map((audience) => {
        const row = rows.find((r) => r.audience === audience);
        const recipients = num(row?.messages);
        const read = num(row?.readCount);
        return { audience, audienceLabel: NOTICE_AUDIENCE_LABELS[audience], recipients, read, unread: recipients - read };
      })
      .filter((s) => s.recipients > 0);
    const messages = byAudience.reduce((sum, s) => sum + s.recipients, 0);
    const read = byAudience.reduce((sum, s) => sum + s.read, 0);
    return { notices: noticeCount, urges, messages, read, unread: messages - read, byAudience };
  }

  /** 查看全部统计 by recipient: how many notices each received, read, left unread, was urged about. */
  async recipientStatistics(actor: Actor, query: NoticeRecipientStatsQueryDto): Promise<Page<NoticeRecipientStats>> {
    const window = pageWindow(query);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- joins recipient accounts of notices already scoped by the door
    const qb = this.withRecipients(this.filtered(actor, query))
      .innerJoin(Account, 'a', 'a.id = r.accountId')
      .leftJoin(NotificationUrge, 'u', 'u.subjectType = :subjectType AND u.subjectId = n.id AND u.recipientId = r.accountId', { subjectType: NOTICE_SUBJECT_TYPE });
    if (query.audience) qb.andWhere('r.audience = :audience', { audience: query.audience });
    if (query.search) qb.andWhere(new Brackets((w) => w.where("a.name LIKE :search ESCAPE '!'").orWhere("r.unitName LIKE :search ESCAPE '!'")), { search: `%${escapeLike(query.search)}%` });
    const totalRow = await qb.clone().select('COUNT(DISTINCT r.accountId)', 'n').getRawOne<{ n: number | string }>();
    const rows = await qb
      .select(['a.id AS accountId', 'a.name AS name', 'MAX(r.audience) AS audience', 'MAX(r.unitName) AS unitName', 'COUNT(*) AS received'])
      .addSelect('SUM(CASE WHEN d.readAt IS NULL THEN 0 ELSE 1 END)', 'readCount')
      .addSelect('SUM(CASE WHEN d.readAt IS NULL THEN 1 ELSE 0 END)', 'unreadCount')
      .addSelect('COUNT(u.id)', 'urged')
      .groupBy('a.id')
      .addGroupBy('a.name')
      .orderBy('unreadCount', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .offset(window.skip)
      .limit(window.take)
      .getRawMany<Raw>();
    return toPage(
      rows.map((r) => ({
        accountId: num(r.accountId),
        name: String(r.name),
        audience: r.audience as NoticeAudience,
        audienceLabel: NOTICE_AUDIENCE_LABELS[r.audience as NoticeAudience],
        unitName: String(r.unitName),
        received: num(r.received),
        read: num(r.readCount),
        unread: num(r.unreadCount),
        urged: num(r.urged),
      })),
      num(totalRow?.n),
      window,
    );
  }

  /** The file of a notice of the actor's scope. */
  async openAttachment(actor: Actor, id: number, attachmentId: number) {
    await this.notices(actor).findById(id);
    return this.attachments.open(id, attachmentId);
  }

  private filtered(actor: Actor, query: NoticeStatisticsQueryDto): SelectQueryBuilder<Notice> {
    const qb = this.notices(actor).query('n');
    if (query.noticeTypeId) qb.andWhere('n.noticeTypeId = :typeId', { typeId: query.noticeTypeId });
    if (query.from) qb.andWhere('n.createdAt >= :from', { from: startOfShanghaiDay(query.from) });
    if (query.to) qb.andWhere('n.createdAt < :to', { to: new Date(startOfShanghaiDay(query.to).getTime() + 24 * 3600_000) });
    return qb;
  }

  /** notice × recipient, with the recipient's inbox message of the notice (its read state). */
  private withRecipients(qb: SelectQueryBuilder<Notice>): SelectQueryBuilder<Notice> {
    return qb
      .innerJoin(NoticeRecipient, 'r', 'r.noticeId = n.id')
      .leftJoin(NotificationDelivery, 'd', 'd.campaignId = n.campaignId AND d.recipientId = r.accountId AND d.channel = :inbox', { inbox: DeliveryChannel.INBOX });
  }
}

