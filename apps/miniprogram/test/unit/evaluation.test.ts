import { BadRecordItemView, EvaluationSubjectType, EvaluationSubjectView, ScoreLineKind, WorkflowAction, payloadRows, payloadSections } from '@szpm/contract';
import { describe, expect, it } from 'vitest';
import {
  applicableItems,
  badRecordRequest,
  emptyRecordEntry,
  entryFromCase,
  resubmissionPayload,
  linkCandidatesQuery,
  previewRequest,
  recordEntryProblems,
  riskListRequest,
  toggleLinked,
  usableCircumstances,
  withFactDate,
  withItem,
  withSubject,
  withSubjectType,
} from '../../src/logic/record-entry';
import { scoreSections, summaryLines } from '../../src/logic/score-breakdown';
import {
  canDecide,
  decisionChoices,
  decisionProblem,
  decisionRequest,
  doneMessage,
  emptyDecision,
  opinionRequired,
  submitLabel,
} from '../../src/logic/workflow-decision';

const company: EvaluationSubjectView = { subjectType: EvaluationSubjectType.COMPANY, subjectId: 5, name: '深圳市合德物业管理有限公司', identifier: '914403001', companyName: null };

function item(id: number, subjectType: EvaluationSubjectType | null, extra: Partial<BadRecordItemView> = {}): BadRecordItemView {
  return {
    id,
    code: `B${id}`,
    name: `事项${id}`,
    subjectType,
    countOncePerYear: false,
    enabled: true,
    sortOrder: id,
    circumstances: [
      { id: id * 10 + 2, itemId: id, code: 'c2', description: '情节一般', level: 2, points: 6, publicityMonths: 6, enabled: true, sortOrder: 2 },
      { id: id * 10 + 1, itemId: id, code: 'c1', description: '情节严重', level: 1, points: 18, publicityMonths: 12, enabled: true, sortOrder: 1 },
      { id: id * 10 + 3, itemId: id, code: 'c3', description: '已停用', level: 3, points: 2, publicityMonths: 3, enabled: false, sortOrder: 3 },
    ],
    ...extra,
  };
}

describe('不良信息认定 / 风险名单认定 entry', () => {
  it('offers the enabled items of this kind of subject (or of both), in catalogue order', () => {
    const items = [item(3, null), item(1, EvaluationSubjectType.PROJECT_MANAGER), item(2, EvaluationSubjectType.COMPANY), item(4, null, { enabled: false })];
    expect(applicableItems(items, EvaluationSubjectType.COMPANY).map((i) => i.id)).toEqual([2, 3]);
    expect(applicableItems(items, EvaluationSubjectType.PROJECT_MANAGER).map((i) => i.id)).toEqual([1, 3]);
    expect(usableCircumstances(items[0]).map((c) => c.description)).toEqual(['情节严重', '情节一般']);
    expect(usableCircumstances(undefined)).toEqual([]);
  });

  it('clears what depends on a changed choice', () => {
    let form = { ...emptyRecordEntry(), factDate: '2026-03-01' };
    form = withSubject(form, company);
    form = withItem(form, 2);
    form = { ...form, circumstanceId: 21 };
    form = toggleLinked(form, 9);
    expect(form.linkedRecordIds).toEqual([9]);
    expect(withItem(form, 2)).toBe(form);
    expect(withItem(form, 3)).toMatchObject({ itemId: 3, circumstanceId: null, linkedRecordIds: [] });
    expect(withFactDate(form, '2026-11-30').linkedRecordIds).toEqual([9]);
    expect(withFactDate(form, '2025-12-31').linkedRecordIds).toEqual([]);
    expect(withSubjectType(form, EvaluationSubjectType.PROJECT_MANAGER)).toMatchObject({ subject: null, itemId: null, circumstanceId: null, linkedRecordIds: [] });
    expect(toggleLinked(form, 9).linkedRecordIds).toEqual([]);
  });

  it('previews once item and circumstance are chosen; links only for count-once items', () => {
    const form = { ...withSubject({ ...emptyRecordEntry(), factDate: '2026-03-01' }, company), itemId: 2, circumstanceId: 21 };
    expect(previewRequest({ ...form, circumstanceId: null })).toBeNull();
    expect(previewRequest(form)).toEqual({ itemId: 2, circumstanceId: 21, subjectType: EvaluationSubjectType.COMPANY });
    expect(linkCandidatesQuery(form, { id: 2, countOncePerYear: false })).toBeNull();
    expect(linkCandidatesQuery(form, { id: 2, countOncePerYear: true })).toEqual({ subjectType: EvaluationSubjectType.COMPANY, subjectId: 5, itemId: 2, factDate: '2026-03-01' });
    expect(linkCandidatesQuery({ ...form, factDate: '2026-02-30' }, { id: 2, countOncePerYear: true })).toBeNull();
  });

  it('checks the form before submitting (no future facts, required texts, lengths)', () => {
    expect(recordEntryProblems(emptyRecordEntry(), '2026-06-01')).toEqual({
      subject: '请选择评价对象',
      itemId: '请选择事项',
      circumstanceId: '请选择情形',
      factDate: '请选择事实发生日期',
      documentNo: '请填写文书编号',
      description: '请填写情况说明',
    });
    const filled = { ...withSubject(emptyRecordEntry(), company), itemId: 2, circumstanceId: 21, documentNo: ' 深福住建罚〔2026〕1号 ', description: '事实', factDate: '2026-06-02' };
    expect(recordEntryProblems(filled, '2026-06-01')).toEqual({ factDate: '事实发生日期不能晚于今天' });
    expect(recordEntryProblems({ ...filled, factDate: '2026-06-01', documentNo: 'x'.repeat(65) }, '2026-06-01')).toEqual({ documentNo: '文书编号不能超过64字' });
    expect(recordEntryProblems({ ...filled, factDate: '2026-06-01' }, '2026-06-01')).toEqual({});
  });

  it('sends no points or publicity (the server computes them), links only when chosen', () => {
    const filled = { ...withSubject(emptyRecordEntry(), company), itemId: 2, circumstanceId: 21, documentNo: ' 深福住建罚〔2026〕1号 ', description: ' 事实 ', factDate: '2026-06-01' };
    expect(badRecordRequest(filled)).toEqual({
      subjectType: EvaluationSubjectType.COMPANY,
      subjectId: 5,
      itemId: 2,
      circumstanceId: 21,
      factDate: '2026-06-01',
      documentNo: '深福住建罚〔2026〕1号',
      description: '事实',
      submit: true,
    });
    expect(badRecordRequest({ ...filled, linkedRecordIds: [3], attachmentIds: [8] })).toMatchObject({ linkedRecordIds: [3], attachmentIds: [8] });
    expect(riskListRequest({ ...filled, linkedRecordIds: [3] })).not.toHaveProperty('linkedRecordIds');
    expect(() => badRecordRequest(emptyRecordEntry())).toThrow();
  });
});

describe('handle screen (审核信息)', () => {
  it('offers the allowed decisions in reading order, never EDIT', () => {
    const allowed = [WorkflowAction.RETURN_TO_PREVIOUS, WorkflowAction.EDIT, WorkflowAction.REJECT, WorkflowAction.APPROVE];
    expect(decisionChoices(allowed).map((c) => c.label)).toEqual(['同意', '不同意', '退回上一级']);
    expect(decisionChoices(allowed).find((c) => c.action === WorkflowAction.RETURN_TO_PREVIOUS)!.sendsBack).toBe(true);
    expect(canDecide({ allowedActions: [WorkflowAction.EDIT] })).toBe(false);
    expect(canDecide({ allowedActions: [WorkflowAction.ACCEPT] })).toBe(true);
  });

  it('preselects a single decision (确认受理) and labels its button', () => {
    const only = emptyDecision(decisionChoices([WorkflowAction.ACCEPT]));
    expect(only.action).toBe(WorkflowAction.ACCEPT);
    expect(submitLabel(only.action)).toBe('确认受理');
    expect(emptyDecision(decisionChoices([WorkflowAction.APPROVE, WorkflowAction.REJECT])).action).toBeNull();
    expect(submitLabel(WorkflowAction.APPROVE)).toBe('提交');
  });

  it('needs a decision; an untyped opinion becomes the decision’s words', () => {
    expect(decisionProblem({ action: null, opinion: '', remark: '', attachmentIds: [] })).toBe('请选择审核意见');
    const approve = { action: WorkflowAction.APPROVE, opinion: '  ', remark: '', attachmentIds: [] };
    expect(opinionRequired(WorkflowAction.APPROVE)).toBe(true);
    expect(decisionProblem(approve)).toBeNull();
    expect(decisionRequest(approve, 3)).toEqual({ action: WorkflowAction.APPROVE, version: 3, opinion: '同意' });
    expect(decisionRequest({ ...approve, opinion: ' 同意认定 ', remark: ' 备注 ', attachmentIds: [4] }, 3)).toEqual({
      action: WorkflowAction.APPROVE,
      version: 3,
      opinion: '同意认定',
      remark: '备注',
      attachmentIds: [4],
    });
    expect(decisionRequest({ action: WorkflowAction.ACCEPT, opinion: '', remark: '', attachmentIds: [] }, 1)).toEqual({ action: WorkflowAction.ACCEPT, version: 1 });
    expect(decisionProblem({ ...approve, opinion: 'x'.repeat(501) })).toBe('审核意见不能超过500字');
    expect(doneMessage(WorkflowAction.RETURN_TO_PREVIOUS)).toBe('已退回上一级');
  });

  it('shows a form’s content with Chinese labels and hides machine references', () => {
    const rows = payloadRows({
      subjectType: 'COMPANY',
      subjectId: 5,
      subjectName: '合德物业',
      itemId: 2,
      itemName: '挪用专项维修资金',
      points: 18,
      publicityMonths: 12,
      countOncePerYear: true,
      factDate: '2026-03-01',
      linkedRecordIds: [3, 4],
      original: { itemName: '旧事项' },
    });
    expect(rows).toEqual([
      { label: '评价对象类型', value: '物业服务企业' },
      { label: '评价对象', value: '合德物业' },
      { label: '事项', value: '挪用专项维修资金' },
      { label: '分值', value: '18分' },
      { label: '公示期时长', value: '12个月' },
      { label: '同一事项只计一次', value: '是' },
      { label: '事实发生日期', value: '2026-03-01' },
      { label: '关联同年度不良信息', value: '2条' },
    ]);
    expect(payloadSections({ original: { itemName: '旧事项' }, draft: null, text: 'x' })).toEqual([{ title: '原信息', rows: [{ label: '事项', value: '旧事项' }] }]);
  });
});

describe('score breakdown (计分周期说明)', () => {
  it('groups the lines under 基础 / 良好 / 不良 and keeps total and grade apart', () => {
    const line = (kind: ScoreLineKind, points: number, recordId: number | null = null) => ({ kind, points, recordId, counted: true, rule: kind });
    const detail = {
      basicScore: 60,
      goodScore: 5,
      badScore: -18,
      lines: [
        line(ScoreLineKind.BASIC, 60),
        line(ScoreLineKind.GOOD_RECORD, 8, 1),
        line(ScoreLineKind.GOOD_RECORD_CAP, -3),
        line(ScoreLineKind.BAD_RECORD, -18, 2),
        line(ScoreLineKind.TOTAL, 47),
        line(ScoreLineKind.GRADE, 0),
      ],
    };
    const sections = scoreSections(detail);
    expect(sections.map((s) => [s.title, s.points, s.lines.length])).toEqual([
      ['基础信息得分', 60, 1],
      ['良好信息得分', 5, 2],
      ['不良信息得分', -18, 1],
    ]);
    expect(summaryLines(detail).map((l) => l.kind)).toEqual([ScoreLineKind.TOTAL, ScoreLineKind.GRADE]);
  });
});

describe('correcting a returned determination (退回上一级)', () => {
  const returned = {
    subjectType: EvaluationSubjectType.COMPANY,
    subjectId: 7,
    subjectName: '深圳市福田物业有限公司',
    itemId: 3,
    circumstanceId: 9,
    factDate: '2026-03-01',
    documentNo: '深福住建罚〔2026〕12号',
    description: '未公示收费标准',
    linkedRecordIds: [4],
    points: 6,
    itemName: '未公示收费标准',
  };

  it('fills the entry form from the form as entered', () => {
    expect(entryFromCase(returned)).toEqual({
      subjectType: EvaluationSubjectType.COMPANY,
      subject: { subjectType: EvaluationSubjectType.COMPANY, subjectId: 7, name: '深圳市福田物业有限公司', identifier: '', companyName: null },
      itemId: 3,
      circumstanceId: 9,
      factDate: '2026-03-01',
      documentNo: '深福住建罚〔2026〕12号',
      description: '未公示收费标准',
      linkedRecordIds: [4],
      attachmentIds: [],
    });
  });

  it('sends back the entered facts only: never points, names or start options', () => {
    const form = { ...entryFromCase(returned), description: ' 补充整改期限 ', attachmentIds: [5] };
    expect(resubmissionPayload(form)).toEqual({
      subjectType: EvaluationSubjectType.COMPANY,
      subjectId: 7,
      itemId: 3,
      circumstanceId: 9,
      factDate: '2026-03-01',
      documentNo: '深福住建罚〔2026〕12号',
      description: '补充整改期限',
      linkedRecordIds: [4],
    });
  });
});
