import { NoticeAudience, NoticeAudienceCount, NoticeAudienceRequest, PublishNoticeRequest, RegionNode } from '@szpm/contract';
import { ConfirmWords } from './confirm';

/** 发布通知 form. */
export interface NoticeForm {
  title: string;
  noticeTypeId: number | null;
  content: string;
  audiences: NoticeAudience[];
  /** none: the whole district */
  streetIds: number[];
  attachmentIds: number[];
}

export type NoticeField = 'title' | 'noticeTypeId' | 'content' | 'audiences' | 'streetIds';

export const NOTICE_TITLE_MAX = 100;
export const NOTICE_CONTENT_MAX = 5000;

export function emptyNoticeForm(): NoticeForm {
  return { title: '', noticeTypeId: null, content: '', audiences: [NoticeAudience.PROJECT_MANAGER], streetIds: [], attachmentIds: [] };
}

export function noticeProblems(form: NoticeForm): Partial<Record<NoticeField, string>> {
  const problems: Partial<Record<NoticeField, string>> = {};
  const title = form.title.trim();
  if (!title) problems.title = '请填写通知标题';
  else if (title.length > NOTICE_TITLE_MAX) problems.title = `标题不能超过${NOTICE_TITLE_MAX}字`;
  if (form.noticeTypeId === null) problems.noticeTypeId = '请选择通知类型';
  const content = form.content.trim();
  if (!content) problems.content = '请填写通知内容';
  else if (content.length > NOTICE_CONTENT_MAX) problems.content = `通知内容不能超过${NOTICE_CONTENT_MAX}字`;
  if (form.audiences.length === 0) problems.audiences = '请选择接收对象';
  return problems;
}

export function noticeRequest(form: NoticeForm): PublishNoticeRequest {
  if (form.noticeTypeId === null) throw new Error('no notice type chosen');
  return {
    title: form.title.trim(),
    noticeTypeId: form.noticeTypeId,
    content: form.content.trim(),
    audiences: form.audiences,
    ...(form.streetIds.length ? { streetIds: form.streetIds } : {}),
    ...(form.attachmentIds.length ? { attachmentIds: form.attachmentIds } : {}),
  };
}

/** The streets of the officer's scope (the regions tree starts at the district or the city). */
export function streetsOf(tree: RegionNode[]): RegionNode[] {
  const streets: RegionNode[] = [];
  const walk = (nodes: RegionNode[]) => {
    for (const node of nodes) {
      if (node.level === 'STREET') streets.push(node);
      else if (node.level === 'DISTRICT') walk(node.children ?? []);
    }
  };
  walk(tree);
  return streets;
}

/** The part of the form the api counts the recipients of (POST /notices/audience). */
export function audienceRequest(form: NoticeForm): NoticeAudienceRequest {
  return { audiences: form.audiences, ...(form.streetIds.length ? { streetIds: form.streetIds } : {}) };
}

export const NO_RECIPIENTS_MESSAGE = '所选接收对象和发送范围内没有接收人，请调整后再发布';

/** 「将向 33 名项目经理发送通知」 before 发布; null when nobody would receive it. */
export function publishConfirmation(count: NoticeAudienceCount): ConfirmWords | null {
  if (count.total === 0) return null;
  const who = count.byAudience
    .filter((a) => a.count > 0)
    .map((a) => `${a.count} 名${a.audienceLabel}`)
    .join('、');
  return { title: '确认发布通知？', content: `将向 ${who}发送通知，发布后不能撤回。`, confirmText: '发布' };
}

export function publishedMessage(recipients: number): string {
  return `已发布，已通知 ${recipients} 人`;
}
