import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { CampaignKind, DeliveryChannel, NotificationErrorCode, UrgeResult } from '@szpm/contract';
import { EntityManager } from 'typeorm';
import { Actor } from '../../../access/actor';
import { AppException } from '../../../common/errors/app.exception';
import { AppConfig, APP_CONFIG } from '../../../config/app-config';
import { NotificationsService } from '../notifications.service';
import { RecipientQuery, RecipientResolver } from './recipient-resolver';

/** The kinds of campaign a reminder sends. */
export type ReminderKind = CampaignKind.URGE | CampaignKind.URGE_BINDING | CampaignKind.REMIND_UPDATE;

/** Who is still outstanding: accounts the caller found, or everyone a resolver query finds. */
export type ReminderRecipients =
  | {
      accountIds: number[];
      /** outstanding units that have no active account, counted by the caller */
      withoutAccount?: number;
    }
  | { actor: Actor; query: RecipientQuery };

export interface ReminderInput {
  /** default URGE (催办) */
  kind?: ReminderKind;
  sender: { id: number; name: string } | null;
  districtId: number | null;
  /** the matter: the cooldown is per (subject, recipient) */
  subject: { type: string; id: number };
  /** ONLY those still outstanding (not read / not completed / not bound): the caller decides */
  recipients: ReminderRecipients;
  title: string;
  content: string;
  /** a page of the mini-program: one of MESSAGE_LINKS */
  link: string;
  /** default: the one setting REMINDER_COOLDOWN_HOURS (config.reminders.cooldownHours) */
  cooldownHours?: number;
  /** channels besides the inbox; default [WECHAT] */
  channels?: DeliveryChannel[];
  /** the refusal in the caller's words when nothing is outstanding, e.g. 所有接收人均已阅读，无需催办 */
  nothingToUrgeMessage?: string;
}

/** 409 NOTHING_TO_URGE: nothing outstanding, nobody to remind. */
export function nothingToUrge(message?: string): AppException {
  return new AppException(NotificationErrorCode.NOTHING_TO_URGE, HttpStatus.CONFLICT, message);
}

/**
 * The one reminder path (催办, 催绑, 提醒更新) over the notification pipeline: the outstanding
 * recipients of a matter are reminded, each at most once per cooldown (NotificationsService.urge
 * claims the cooldown in notification_urges, so two clicks at once remind each recipient once).
 * Answers the one UrgeResult; refuses with NOTHING_TO_URGE (409) when nothing is outstanding.
 * A reminder whose recipients were all reminded within the cooldown is not refused (urged 0).
 */
@Injectable()
export class RemindersService {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly resolver: RecipientResolver,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Pass `manager` to remind inside your own transaction; the messages are queued when it commits. */
  async remind(input: ReminderInput, manager?: EntityManager): Promise<UrgeResult> {
    const { accountIds, withoutAccount } = await this.outstanding(input.recipients);
    if (!accountIds.length && !withoutAccount) throw nothingToUrge(input.nothingToUrgeMessage);
    const outcome = await this.notifications.urge(manager, {
      kind: input.kind ?? CampaignKind.URGE,
      sender: input.sender,
      districtId: input.districtId,
      subject: input.subject,
      recipientIds: accountIds,
      title: input.title,
      content: input.content,
      link: input.link,
      cooldownHours: input.cooldownHours ?? this.config.reminders.cooldownHours,
      channels: input.channels,
    });
    return { ...outcome, withoutAccount };
  }

  private async outstanding(recipients: ReminderRecipients): Promise<{ accountIds: number[]; withoutAccount: number }> {
    if ('accountIds' in recipients) return { accountIds: recipients.accountIds, withoutAccount: recipients.withoutAccount ?? 0 };
    const resolved = await this.resolver.resolve(recipients.actor, recipients.query);
    return { accountIds: resolved.recipients.map((r) => r.accountId), withoutAccount: resolved.withoutAccount };
  }
}
