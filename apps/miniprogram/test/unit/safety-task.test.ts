import { SafetyCheckOutcome, SafetyTargetForm, SafetyTargetStatus } from '@szpm/contract';
import { describe, expect, it } from 'vitest';
import {
  answeredCount,
  answersOf,
  isSubmitted,
  noteRequired,
  OUTCOME_CHOICES,
  outcomeSummary,
  resultEntries,
  submitProblemMessage,
  submitProblems,
  taskProgressText,
  taskSubmitConfirmation,
  taskTag,
  withAnswer,
  withUnansweredPassed,
} from '../../src/logic/safety-task';

const photo = (id: number) => ({ id, fileName: `现场${id}.jpg`, size: 10, contentType: 'image/jpeg' });

/** Three items over two indicators; item 1 saved as 合格 with a photo, the others never answered. */
function form(status = SafetyTargetStatus.DRAFT): Pick<SafetyTargetForm, 'indicators' | 'status'> {
  return {
    status,
    indicators: [
      {
        name: '消防安全',
        items: [
          { id: 1, content: '消防通道畅通', facility: null, result: { itemId: 1, outcome: SafetyCheckOutcome.PASS, note: null, photos: [photo(9)] } },
          { id: 2, content: '灭火器在有效期内', facility: '灭火器', result: { itemId: 2, outcome: null, note: null, photos: [] } },
        ],
      },
      { name: '电梯安全', items: [{ id: 3, content: '电梯年检合格', facility: '电梯', result: { itemId: 3, outcome: null, note: null, photos: [] } }] },
    ],
  };
}

describe('我的安全检查: the task list', () => {
  it('tags a task 待提交 until it is submitted, red after the deadline', () => {
    expect(taskTag({ status: SafetyTargetStatus.PENDING, overdue: false })).toEqual({ text: '待提交', type: 'warning' });
    expect(taskTag({ status: SafetyTargetStatus.DRAFT, overdue: true })).toEqual({ text: '待提交（已逾期）', type: 'danger' });
    expect(taskTag({ status: SafetyTargetStatus.SUBMITTED, overdue: false })).toEqual({ text: '已提交', type: 'success' });
  });

  it('shows the deadline and how far the form is filled in', () => {
    expect(taskProgressText({ deadline: '2026-12-31', answered: 12, itemCount: 34, status: SafetyTargetStatus.DRAFT })).toBe('截止 2026-12-31 · 已填 12/34 项');
    expect(taskProgressText({ deadline: '2026-12-31', answered: 34, itemCount: 34, status: SafetyTargetStatus.SUBMITTED })).toBe('截止 2026-12-31 · 34项已全部填报');
  });
});

describe('安全检查填报: one area’s checklist', () => {
  it('starts from the saved answers and offers 合格 / 不合格 / 不涉及', () => {
    const answers = answersOf(form());
    expect(answers[1]).toEqual({ outcome: SafetyCheckOutcome.PASS, note: '', photoIds: [9] });
    expect(answers[2]).toEqual({ outcome: null, note: '', photoIds: [] });
    expect(answeredCount(answers)).toBe(1);
    expect(OUTCOME_CHOICES.map((c) => c.label)).toEqual(['合格', '不合格', '不涉及']);
  });

  it('refuses to submit unanswered items and an unexplained 不合格', () => {
    let answers = answersOf(form());
    expect(submitProblems(form(), answers)).toEqual({ 2: '请选择检查结果', 3: '请选择检查结果' });
    expect(submitProblemMessage(submitProblems(form(), answers))).toBe('还有2个检查项未填写结果');

    answers = withAnswer(answers, 2, { outcome: SafetyCheckOutcome.FAIL, note: '   ' });
    answers = withAnswer(answers, 3, { outcome: SafetyCheckOutcome.NOT_APPLICABLE });
    expect(noteRequired(SafetyCheckOutcome.FAIL)).toBe(true);
    expect(noteRequired(SafetyCheckOutcome.NOT_APPLICABLE)).toBe(false);
    expect(submitProblems(form(), answers)).toEqual({ 2: '不合格须填写问题说明' });
    expect(submitProblemMessage(submitProblems(form(), answers))).toBe('不合格须填写问题说明');

    answers = withAnswer(answers, 2, { note: '灭火器过期 3 具' });
    expect(submitProblems(form(), answers)).toEqual({});
    expect(submitProblemMessage({})).toBeNull();
    expect(submitProblems(form(), withAnswer(answers, 2, { note: '长'.repeat(501) }))).toEqual({ 2: '说明不能超过500字' });
  });

  it('sends the answered items with trimmed notes and every photo kept or added', () => {
    let answers = answersOf(form());
    answers = withAnswer(answers, 2, { outcome: SafetyCheckOutcome.FAIL, note: ' 灭火器过期 ', photoIds: [11, 12] });
    expect(resultEntries(answers)).toEqual([
      { itemId: 1, outcome: SafetyCheckOutcome.PASS, note: null, photoAttachmentIds: [9] },
      { itemId: 2, outcome: SafetyCheckOutcome.FAIL, note: '灭火器过期', photoAttachmentIds: [11, 12] },
    ]);
  });

  it('未填项全部合格 fills only the unanswered items', () => {
    const answers = withUnansweredPassed(form(), withAnswer(answersOf(form()), 2, { outcome: SafetyCheckOutcome.FAIL, note: '过期' }));
    expect(answers[2]).toMatchObject({ outcome: SafetyCheckOutcome.FAIL, note: '过期' });
    expect(answers[3].outcome).toBe(SafetyCheckOutcome.PASS);
    expect(answeredCount(answers)).toBe(3);
  });

  it('is read-only once submitted and sums the outcomes', () => {
    expect(isSubmitted(form(SafetyTargetStatus.SUBMITTED))).toBe(true);
    expect(isSubmitted(form(SafetyTargetStatus.DRAFT))).toBe(false);
    expect(outcomeSummary({ passCount: 30, failCount: 2, notApplicableCount: 2 })).toBe('合格 30 · 不合格 2 · 不涉及 2');
  });
});

describe('taskSubmitConfirmation', () => {
  it('counts the answers the district will receive and says the submission is final', () => {
    const answers = {
      1: { outcome: SafetyCheckOutcome.PASS, note: '', photoIds: [] },
      2: { outcome: SafetyCheckOutcome.PASS, note: '', photoIds: [] },
      3: { outcome: SafetyCheckOutcome.FAIL, note: '挡水板缺失', photoIds: [] },
      4: { outcome: SafetyCheckOutcome.NOT_APPLICABLE, note: '', photoIds: [] },
    };
    expect(taskSubmitConfirmation({ propertyAreaName: '景田花园' }, answers)).toEqual({
      title: '提交安全检查',
      content: '将向区住房建设部门报送景田花园的检查结果（合格 2 · 不合格 1 · 不涉及 1），提交后不能再修改。',
      confirmText: '提交',
    });
  });
});
