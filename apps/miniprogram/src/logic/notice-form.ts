import { NoticeAudience, PublishNoticeRequest, RegionNode } from '@szpm/contract';

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
