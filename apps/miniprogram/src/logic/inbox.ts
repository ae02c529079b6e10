import { CAMPAIGN_KIND_LABELS, CampaignKind, InboxMessage, isPageLink } from '@szpm/contract';

export interface InboxRow {
  /** 通知, 催办, 退回补录 … (the campaign kind in words; 消息 for a kind this build does not know) */
  kindLabel: string;
  unread: boolean;
  /** the page the message opens, when its link names one of the app's pages */
  target: string | null;
}

export function inboxRow(message: InboxMessage): InboxRow {
  return {
    kindLabel: CAMPAIGN_KIND_LABELS[message.kind as CampaignKind] ?? '消息',
    unread: message.readAt === null,
    target: message.link && isPageLink(message.link) ? message.link : null,
  };
}
