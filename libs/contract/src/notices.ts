/**
 * Chapter 15, 通知发布: notices published to project managers and owners'-committee chairs (and, by
 * the city, to district officers), their read statistics, 催办 of the unread, and the recipients' side.
 */
import { UrgeResult } from './notifications';
import { AttachmentRef } from './workflow';

/** Who a notice is addressed to. */
export enum NoticeAudience {
  /** 项目经理 (项目负责人) of the chosen property areas */
  PROJECT_MANAGER = 'PROJECT_MANAGER',
  /** 业委会主任 of the chosen property areas */
  COMMITTEE_CHAIR = 'COMMITTEE_CHAIR',
  /** 区局工作人员 (lead, supervisor, handler) of the chosen districts; city accounts only */
  DISTRICT_OFFICER = 'DISTRICT_OFFICER',
}

export const NOTICE_AUDIENCE_LABELS: Record<NoticeAudience, string> = {
  [NoticeAudience.PROJECT_MANAGER]: '项目经理',
  [NoticeAudience.COMMITTEE_CHAIR]: '业委会主任',
  [NoticeAudience.DISTRICT_OFFICER]: '区局工作人员',
};

/** The subjectType of notification campaigns about a notice (the notice itself and its 催办). */
export const NOTICE_SUBJECT_TYPE = 'notice';

export interface NoticeTypeView {
  id: number;
  name: string;
  enabled: boolean;
  sortOrder: number;
}

export interface NoticeReadStats {
  recipients: number;
  read: number;
  unread: number;
}

/** Who a notice would reach (POST /api/notices/audience): per audience, and in all. */
export interface NoticeAudienceCount {
  total: number;
  byAudience: { audience: NoticeAudience; audienceLabel: string; count: number }[];
}

/** What a notice was sent to, as the sender chose it. */
export interface NoticeTargetView {
  audiences: NoticeAudience[];
  districtIds: number[];
  streetIds: number[];
  communityIds: number[];
  propertyAreaIds: number[];
}

export interface NoticeListItem extends NoticeReadStats {
  id: number;
  title: string;
  noticeTypeId: number;
  noticeTypeName: string;
  districtId: number | null;
  senderId: number;
  senderName: string;
  audiences: NoticeAudience[];
  attachmentCount: number;
  /** 催办 sent about this notice so far */
  urgeCount: number;
  createdAt: string;
}

export interface NoticeUrgeItem extends NoticeReadStats {
  campaignId: number;
  senderName: string | null;
  createdAt: string;
}

export interface NoticeDetail extends NoticeListItem {
  content: string;
  target: NoticeTargetView;
  attachments: AttachmentRef[];
  urges: NoticeUrgeItem[];
}

/** 部门已发消息: a notice or a 催办 about one, with the read state of that message itself. */
export interface SentNoticeMessage extends NoticeReadStats {
  campaignId: number;
  /** NOTICE for the notice itself, URGE for a 催办 */
  kind: 'NOTICE' | 'URGE';
  noticeId: number;
  noticeTitle: string;
  noticeTypeName: string;
  title: string;
  senderName: string | null;
  createdAt: string;
}

export interface NoticeRecipientItem {
  accountId: number;
  name: string;
  audience: NoticeAudience;
  audienceLabel: string;
  /** the unit the recipient speaks for: the areas a manager runs, the committee, the district bureau */
  unitName: string;
  readAt: string | null;
  urgeCount: number;
  lastUrgedAt: string | null;
}

/** 查看全部统计: one recipient across the notices in scope. */
export interface NoticeRecipientStats {
  accountId: number;
  name: string;
  audience: NoticeAudience;
  audienceLabel: string;
  unitName: string;
  received: number;
  read: number;
  unread: number;
  /** notices the recipient was urged about */
  urged: number;
}

export interface NoticeAudienceStats extends NoticeReadStats {
  audience: NoticeAudience;
  audienceLabel: string;
}

export interface NoticeStatisticsSummary {
  notices: number;
  urges: number;
  /** notice × recipient */
  messages: number;
  read: number;
  unread: number;
  byAudience: NoticeAudienceStats[];
}

/** 催办 of a notice's unread recipients (withoutAccount is always 0: recipients are accounts) */
export type NoticeUrgeResult = UrgeResult;

/** 我接收的消息: a notice as its recipient sees it. */
export interface ReceivedNoticeItem {
  id: number;
  title: string;
  noticeTypeName: string;
  senderName: string;
  /** the sending bureau: a district's name, or 深圳市住房和建设局 */
  senderUnit: string;
  attachmentCount: number;
  createdAt: string;
  readAt: string | null;
  /** last 催办 about it, if any */
  lastUrgedAt: string | null;
}

export interface ReceivedNoticeDetail extends ReceivedNoticeItem {
  content: string;
  attachments: AttachmentRef[];
}

export enum NoticeErrorCode {
  NO_RECIPIENTS = 'NOTICES_NO_RECIPIENTS',
  AUDIENCE_NOT_ALLOWED = 'NOTICES_AUDIENCE_NOT_ALLOWED',
  TYPE_NOT_USABLE = 'NOTICES_TYPE_NOT_USABLE',
  TYPE_NAME_TAKEN = 'NOTICES_TYPE_NAME_TAKEN',
}

export const NOTICE_ERROR_MESSAGES: Record<NoticeErrorCode, string> = {
  [NoticeErrorCode.NO_RECIPIENTS]: '所选范围内没有可接收通知的账号，请调整接收对象或范围',
  [NoticeErrorCode.AUDIENCE_NOT_ALLOWED]: '只有市局可以向区局工作人员发布通知',
  [NoticeErrorCode.TYPE_NOT_USABLE]: '通知类型不存在或已停用',
  [NoticeErrorCode.TYPE_NAME_TAKEN]: '已有同名的通知类型',
};
