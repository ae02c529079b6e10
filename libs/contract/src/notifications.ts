/** Why a notification campaign was sent. */
export enum CampaignKind {
  /** 催绑: remind unbound accounts to bind their WeChat identity */
  URGE_BINDING = 'URGE_BINDING',
  NOTICE = 'NOTICE',
  /** 催办: remind recipients who have not finished a matter */
  URGE = 'URGE',
  /** 提醒更新 */
  REMIND_UPDATE = 'REMIND_UPDATE',
  /** 办理结果: an applicant is told how their application (e.g. an objection) ended */
  WORKFLOW_OUTCOME = 'WORKFLOW_OUTCOME',
  /** 退回补录: an applicant is asked to supplement an application */
  WORKFLOW_SUPPLEMENT = 'WORKFLOW_SUPPLEMENT',
}

export const CAMPAIGN_KIND_LABELS: Record<CampaignKind, string> = {
  [CampaignKind.URGE_BINDING]: '催绑',
  [CampaignKind.NOTICE]: '通知',
  [CampaignKind.URGE]: '催办',
  [CampaignKind.REMIND_UPDATE]: '提醒更新',
  [CampaignKind.WORKFLOW_OUTCOME]: '办理结果',
  [CampaignKind.WORKFLOW_SUPPLEMENT]: '退回补录',
};

/** Where a message is delivered: the in-app inbox always; WeChat and SMS when configured. */
export enum DeliveryChannel {
  INBOX = 'INBOX',
  WECHAT = 'WECHAT',
  SMS = 'SMS',
}

export enum DeliveryStatus {
  /** waiting in the queue, or waiting for a retry */
  PENDING = 'PENDING',
  /** a worker is handing it to the channel right now */
  SENDING = 'SENDING',
  DELIVERED = 'DELIVERED',
  /** transient errors until the retries ran out */
  FAILED = 'FAILED',
  /** refused for good by the channel (e.g. WeChat 43101: the user did not accept the subscription); never retried */
  REJECTED = 'REJECTED',
  /** the recipient has no address on this channel (no WeChat binding, account disabled) */
  SKIPPED = 'SKIPPED',
}

/** How a WeChat or SMS delivery reached the recipient. */
export enum DeliveryRoute {
  /** mini-program subscribe message (miniOpenId) */
  MINI_SUBSCRIBE = 'MINI_SUBSCRIBE',
  /** official-account template message (wechatOpenId) */
  OA_TEMPLATE = 'OA_TEMPLATE',
  SMS = 'SMS',
}

/**
 * What every 催办, 催绑 and 提醒更新 answers (the server's RemindersService). When nothing is
 * outstanding at all (nobody to urge and nobody without an account) the request is refused with
 * 409 NotificationErrorCode.NOTHING_TO_URGE instead; a reminder whose recipients were all urged
 * within the cooldown is not refused: it answers urged 0.
 */
export interface UrgeResult {
  /** the new campaign (kind URGE, URGE_BINDING or REMIND_UPDATE), or null when nobody was urged */
  campaignId: number | null;
  /** recipients reminded now */
  urged: number;
  /** recipients reminded about the same matter within the cooldown: not reminded again */
  skippedInCooldown: number;
  /** outstanding units (e.g. property areas whose project manager has no active account): nobody to remind */
  withoutAccount: number;
}

/**
 * The subject of 催绑: binding is no single matter, so every 催绑 of an account shares the one
 * cooldown row (subject 'binding', id 0) in notification_urges.
 */
export const BINDING_SUBJECT_TYPE = 'binding';
export const BINDING_SUBJECT = { type: BINDING_SUBJECT_TYPE, id: 0 } as const;

/** The hours within which a recipient is not reminded twice about the same matter, unless a caller says otherwise. */
export const DEFAULT_URGE_COOLDOWN_HOURS = 24;

/**
 * The result in words, for the toast after an urge button (mini-program and portal alike):
 * "已催办 12 人，3 人 24 小时内已催办过，2 个未开设账号". `verb` names the action (催办, 催绑, 提醒).
 */
export function urgeSummary(result: UrgeResult, options: { verb?: string; cooldownHours?: number } = {}): string {
  const verb = options.verb ?? '催办';
  const hours = options.cooldownHours ?? DEFAULT_URGE_COOLDOWN_HOURS;
  const parts = [
    result.urged || !(result.skippedInCooldown || result.withoutAccount) ? `已${verb} ${result.urged} 人` : `未${verb}任何人`,
    result.skippedInCooldown ? `${result.skippedInCooldown} 人 ${hours} 小时内已${verb}过` : '',
    result.withoutAccount ? `${result.withoutAccount} 个未开设账号` : '',
  ];
  return parts.filter(Boolean).join('，');
}

export enum NotificationErrorCode {
  /** nothing outstanding: everybody has read / completed / bound already */
  NOTHING_TO_URGE = 'NOTIFICATIONS_NOTHING_TO_URGE',
}

export const NOTIFICATION_ERROR_MESSAGES: Record<NotificationErrorCode, string> = {
  [NotificationErrorCode.NOTHING_TO_URGE]: '没有需要催办的对象，无需催办',
};

export interface CampaignReadStats {
  recipients: number;
  read: number;
  unread: number;
}

export interface CampaignListItem extends CampaignReadStats {
  id: number;
  kind: CampaignKind;
  title: string;
  senderId: number | null;
  senderName: string | null;
  districtId: number | null;
  subjectType: string | null;
  subjectId: number | null;
  createdAt: string;
}

export interface CampaignChannelStats {
  channel: DeliveryChannel;
  total: number;
  byStatus: Record<DeliveryStatus, number>;
}

export interface CampaignDetail extends CampaignListItem {
  content: string;
  link: string | null;
  smsFallback: boolean;
  channels: CampaignChannelStats[];
}

export interface RecipientChannelDelivery {
  channel: DeliveryChannel;
  status: DeliveryStatus;
  route: DeliveryRoute | null;
  attempts: number;
  /** the channel's own error code (WeChat errcode, SMS provider code) of the last failure */
  errcode: string | null;
  lastError: string | null;
  deliveredAt: string | null;
}

export interface CampaignRecipientItem {
  recipientId: number;
  recipientName: string | null;
  readAt: string | null;
  channels: RecipientChannelDelivery[];
}

export interface QueueBoardSession {
  /** seconds the dashboard cookie stays valid */
  expiresIn: number;
  path: string;
}
