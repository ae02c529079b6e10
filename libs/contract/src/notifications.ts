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

export interface UrgeResult {
  /** the new URGE campaign, or null when nobody was urged */
  campaignId: number | null;
  urged: number;
  /** urged for the same matter within the cooldown: not urged again */
  skippedInCooldown: number;
}

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
