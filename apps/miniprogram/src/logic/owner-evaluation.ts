import { EvaluationItem, LOW_STAR_MAX, SubmitOwnerEvaluationRequest, EvaluationTarget } from '@szpm/contract';

/** One item's answer on the form: stars 0 until tapped. */
export interface AnswerDraft {
  star: number;
  reasonIds: number[];
  otherReason: string;
}

export type AnswerDrafts = Record<number, AnswerDraft>;

export const blankAnswer = (): AnswerDraft => ({ star: 0, reasonIds: [], otherReason: '' });

export function isLowStar(star: number): boolean {
  return star >= 1 && star <= LOW_STAR_MAX;
}

/** What the owner must still do, per item id (Chinese): a star for every item, a reason for a low one. */
export function answerProblems(items: EvaluationItem[], drafts: AnswerDrafts): Record<number, string> {
  const problems: Record<number, string> = {};
  for (const item of items) {
    const draft = drafts[item.id] ?? blankAnswer();
    if (draft.star < 1) problems[item.id] = '请为此项打分';
    else if (isLowStar(draft.star) && draft.reasonIds.length === 0 && !draft.otherReason.trim()) problems[item.id] = '三星及以下请选择不满意原因或填写其他原因';
  }
  return problems;
}

/** The request of a complete form; reasons are sent for low stars only. */
export function evaluationRequest(houseId: number, target: EvaluationTarget, items: EvaluationItem[], drafts: AnswerDrafts, comment: string, anonymous: boolean): SubmitOwnerEvaluationRequest {
  return {
    houseId,
    target,
    answers: items.map((item) => {
      const draft = drafts[item.id] ?? blankAnswer();
      const low = isLowStar(draft.star);
      const otherReason = draft.otherReason.trim();
      return { itemId: item.id, star: draft.star, ...(low ? { reasonIds: draft.reasonIds, ...(otherReason ? { otherReason } : {}) } : {}) };
    }),
    ...(comment.trim() ? { comment: comment.trim() } : {}),
    anonymous,
  };
}

/** 五星 … 一星 as the owner and the officer read a star count. */
export const STAR_WORDS = ['', '一星', '二星', '三星', '四星', '五星'];

/** YYYY-MM of a Shanghai date (YYYY-MM-DD) moved by `delta` months. */
export function monthOf(today: string, delta = 0): string {
  const [year, month] = today.split('-').map(Number);
  const index = year * 12 + (month - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The months an officer picks from, newest first: this month and the `count - 1` before it. */
export function recentMonths(today: string, count = 13): string[] {
  return Array.from({ length: count }, (_, i) => monthOf(today, -i));
}

/** The default of 催办: the owners of the month are urged to take part, the company to reply. */
export function urgeWords(month: string, committee: boolean): { title: string; content: string } {
  const [year, m] = month.split('-').map(Number);
  return {
    title: `${year}年${m}月业主评价催办`,
    content: committee
      ? '贵小区有业主对业主委员会的低星评价尚未回复或参评率偏低，请及时回复业主并动员业主参与月度评价。'
      : '贵项目有三星及以下的业主评价尚未回复或参评率偏低，请及时回复业主并动员业主参与月度评价。',
  };
}
