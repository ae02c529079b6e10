import { approvalConsequence, EvaluationFormType, XlsxImportMode, EvaluationRecordStatus, EvaluationSubjectType, ModuleKey, ScoreLineKind, WorkflowAction, type BadRecordItemView } from '@szpm/contract';
import { describe, expect, it } from 'vitest';
import {
  applicableItems,
  badRecordRequest,
  correctedPayload,
  correctionPath,
  cycleLabel,
  decisionChoices,
  decisionConfirmation,
  decisionProblem,
  decisionRequest,
  delegationProblem,
  delegationRequest,
  doneMessage,
  entryConfirmation,
  entryFromPayload,
  linkCandidatesQuery,
  opinionLabel,
  payloadRows,
  payloadSections,
  previewRequest,
  recordSearchQuery,
  riskListRequest,
  signedPoints,
  SCORE_LINE_LABELS,
  withdrawalEffect,
  withdrawalTitle,
} from '../../src/logic/evaluation';
import { importConfirmable, importSummary, reportOf } from '../../src/logic/xlsx-import';

const item = (over: Partial<BadRecordItemView> = {}): BadRecordItemView => ({
  id: 1,
  code: 'A',
  name: '未按规定公开物业服务信息',
  subjectType: null,
  countOncePerYear: false,
  enabled: true,
  sortOrder: 0,
  circumstances: [{ id: 11, itemId: 1, code: 'A1', description: '逾期未改正', level: 1, points: 6, publicityMonths: 12, enabled: true, sortOrder: 0 }],
  ...over,
});

describe('审核信息 decisions', () => {
  it('offers the allowed decisions in reading order, never edits or creation', () => {
    const choices = decisionChoices([WorkflowAction.RETURN_TO_PREVIOUS, WorkflowAction.EDIT, WorkflowAction.APPROVE, WorkflowAction.REJECT]);
    expect(choices.map((c) => c.label)).toEqual(['同意', '不同意', '退回上一级']);
    expect(decisionChoices([])).toEqual([]);
  });

  it('needs a reason to refuse or send back, not to approve', () => {
    expect(decisionProblem({})).toBe('请选择审核意见');
    expect(decisionProblem({ action: WorkflowAction.REJECT, opinion: '  ' })).toBe('请填写不同意的理由');
    expect(decisionProblem({ action: WorkflowAction.RETURN_TO_PREVIOUS })).toBe('请填写退回上一级的理由');
    expect(decisionProblem({ action: WorkflowAction.APPROVE })).toBeNull();
    expect(decisionProblem({ action: WorkflowAction.APPROVE, opinion: 'x'.repeat(501) })).toBe('审核意见不能超过500字');
    expect(opinionLabel(WorkflowAction.REJECT)).toBe('不同意的理由');
    expect(opinionLabel(WorkflowAction.APPROVE)).toBe('审核意见（不填写则为“同意”）');
  });

  it('sends 同意 with its own words when no opinion is typed, and trims what is', () => {
    expect(decisionRequest({ action: WorkflowAction.APPROVE }, 3)).toEqual({ action: WorkflowAction.APPROVE, version: 3, opinion: '同意' });
    expect(decisionRequest({ action: WorkflowAction.ACCEPT }, 1)).toEqual({ action: WorkflowAction.ACCEPT, version: 1 });
    expect(decisionRequest({ action: WorkflowAction.REJECT, opinion: ' 证据不足 ', remark: ' 补充现场照片 ', attachmentIds: [7] }, 2)).toEqual({
      action: WorkflowAction.REJECT,
      version: 2,
      opinion: '证据不足',
      remark: '补充现场照片',
      attachmentIds: [7],
    });
  });

  it('says what approving does with the numbers of the form, and nothing for 确认受理', () => {
    const decided = { formType: EvaluationFormType.BAD_RECORD_DETERMINATION, payload: { points: 6, publicityMonths: 12 } };
    expect(decisionConfirmation(WorkflowAction.APPROVE, decided)?.content).toBe('通过后该不良信息将公示 12 个月并计 6 分。');
    expect(decisionConfirmation(WorkflowAction.ACCEPT, decided)).toBeNull();
    expect(decisionConfirmation(WorkflowAction.APPROVE, { formType: EvaluationFormType.RISK_LIST_REVOCATION, payload: {} })?.content).toBe('通过后该风险名单将撤销，不再公示。');
    expect(doneMessage(WorkflowAction.APPROVE, EvaluationFormType.BAD_RECORD_DETERMINATION)).toBe('已同意，不良信息已生效并进入公示');
    expect(doneMessage(WorkflowAction.ACCEPT, 'OBJECTION')).toBe('已受理，该业务已转入待办理');
  });

  it('sends a returned determination back to its entry form', () => {
    expect(correctionPath({ id: 5, formType: EvaluationFormType.BAD_RECORD_DETERMINATION, allowedActions: [WorkflowAction.SUBMIT] })).toBe('/evaluation/bad-record-entry?caseId=5');
    expect(correctionPath({ id: 5, formType: EvaluationFormType.RISK_LIST_DETERMINATION, allowedActions: [WorkflowAction.SUBMIT] })).toBe('/evaluation/risk-entry?caseId=5');
    expect(correctionPath({ id: 5, formType: EvaluationFormType.BAD_RECORD_REVOCATION, allowedActions: [WorkflowAction.SUBMIT] })).toBeNull();
    expect(correctionPath({ id: 5, formType: EvaluationFormType.BAD_RECORD_DETERMINATION, allowedActions: [WorkflowAction.APPROVE] })).toBeNull();
  });
});

describe("a form's content", () => {
  it('shows the labelled keys in order, in words, and leaves ids out', () => {
    const rows = payloadRows({ subjectId: 9, itemId: 1, points: 6, subjectType: 'COMPANY', subjectName: '某物业公司', level: 1, publicityMonths: 12, countOncePerYear: true, linkedRecordIds: [3, 4] });
    expect(rows).toEqual([
      { label: '评价对象类型', value: '物业服务企业' },
      { label: '评价对象', value: '某物业公司' },
      { label: '等级', value: '1级' },
      { label: '分值', value: '6分' },
      { label: '公示期时长', value: '12个月' },
      { label: '同一事项只计一次', value: '是' },
      { label: '关联同年度不良信息', value: '2条' },
    ]);
    expect(payloadSections({ original: { documentNo: 'A1' }, draft: null, other: { documentNo: 'x' } })).toEqual([{ title: '原信息', rows: [{ label: '文书编号', value: 'A1' }] }]);
  });

  it('reads a property-area change request as 原值 → 新值, one row per field', () => {
    const payload = {
      propertyAreaId: 7,
      areaName: '福田花园',
      proposed: { name: '福田花园二期', houseCount: 820, selfManaged: true, boundaryGeoJson: '{"type":"Polygon"}', remarks: null },
      before: { name: '福田花园', houseCount: 800, selfManaged: false, boundaryGeoJson: null, remarks: '旧' },
      labels: { name: '物业区域名称', houseCount: '总户数', selfManaged: '是否自管', boundaryGeoJson: '边界' },
      reason: '户数经现场核实',
    };
    expect(payloadRows(payload)).toEqual([
      { label: '原因', value: '户数经现场核实' },
      { label: '物业项目', value: '福田花园' },
    ]);
    expect(payloadSections(payload)).toEqual([
      {
        title: '修改内容',
        rows: [
          { label: '物业区域名称', value: '福田花园 → 福田花园二期' },
          { label: '总户数', value: '800 → 820' },
          { label: '是否自管', value: '否 → 是' },
          { label: '边界', value: '未标注 → 已标注边界' },
          { label: 'remarks', value: '旧 → —' },
        ],
      },
    ]);
    expect(approvalConsequence('PROPERTY_AREA_CHANGE', payload)).toContain('立即生效');
    expect(approvalConsequence('PROJECT_REGISTRATION', {})).toBe('通过后该项目将纳入本区物业区域');
    expect(approvalConsequence('PROJECT_REGISTRATION', { propertyAreaId: 3 })).toBe('通过后该项目的登记信息将按申请更新');
  });

  it('names scoring cycles', () => {
    expect(cycleLabel('2026')).toBe('2026年度');
    expect(cycleLabel('2026-H2')).toBe('2026年下半年');
    expect(SCORE_LINE_LABELS[ScoreLineKind.BAD_RECORD]).toBe('不良信息');
    expect([signedPoints(12), signedPoints(-6), signedPoints(0)]).toEqual(['+12', '−6', '0']);
  });
});

describe('entry forms', () => {
  const values = {
    subjectType: EvaluationSubjectType.COMPANY,
    subjectId: 9,
    itemId: 1,
    circumstanceId: 11,
    factDate: '2026-03-01',
    documentNo: ' 深福住建罚〔2026〕12号 ',
    description: ' 经现场检查查实 ',
    linkedRecordIds: [4],
    attachmentIds: [] as number[],
  };

  it('lists only enabled items that apply to the subject and have a usable circumstance', () => {
    const items = [item(), item({ id: 2, subjectType: EvaluationSubjectType.PROJECT_MANAGER }), item({ id: 3, enabled: false }), item({ id: 4, circumstances: [] })];
    expect(applicableItems(items, EvaluationSubjectType.COMPANY).map((i) => i.id)).toEqual([1]);
    expect(applicableItems(items, EvaluationSubjectType.PROJECT_MANAGER).map((i) => i.id)).toEqual([1, 2]);
  });

  it('previews once item and circumstance are chosen, and looks for links only for count-once items', () => {
    expect(previewRequest({ subjectType: EvaluationSubjectType.COMPANY, itemId: 1 })).toBeNull();
    expect(previewRequest(values)).toEqual({ itemId: 1, circumstanceId: 11, subjectType: EvaluationSubjectType.COMPANY });
    expect(linkCandidatesQuery(values, item())).toBeNull();
    expect(linkCandidatesQuery(values, item({ countOncePerYear: true }))).toEqual({ subjectType: EvaluationSubjectType.COMPANY, subjectId: 9, itemId: 1, factDate: '2026-03-01' });
    expect(linkCandidatesQuery({ ...values, subjectId: undefined }, item({ countOncePerYear: true }))).toBeNull();
  });

  it('builds the determination requests, trimmed, never with points or months', () => {
    expect(badRecordRequest(values)).toEqual({
      subjectType: EvaluationSubjectType.COMPANY,
      subjectId: 9,
      itemId: 1,
      circumstanceId: 11,
      factDate: '2026-03-01',
      documentNo: '深福住建罚〔2026〕12号',
      description: '经现场检查查实',
      linkedRecordIds: [4],
    });
    expect(riskListRequest({ ...values, attachmentIds: [8] })).not.toHaveProperty('linkedRecordIds');
    expect(riskListRequest({ ...values, attachmentIds: [8] }).attachmentIds).toEqual([8]);
    expect(correctedPayload(values, 'risk-list')).not.toHaveProperty('linkedRecordIds');
    expect(entryFromPayload({ ...badRecordRequest(values), points: 6, subjectType: 'PROJECT_MANAGER' })).toMatchObject({ subjectType: EvaluationSubjectType.PROJECT_MANAGER, subjectId: 9, linkedRecordIds: [4] });
  });

  it('confirms with the previewed numbers', () => {
    expect(entryConfirmation('bad-record', '某物业公司', { points: 6, publicityMonths: 12 }).content).toBe('将对“某物业公司”的不良信息提交区负责人认定审核。审核通过后计 6 分，公示 12 个月。');
    expect(entryConfirmation('risk-list', '张三', { publicityMonths: 24 }).content).toContain('列入风险名单，公示 24 个月');
  });
});

describe('record searches and withdrawals', () => {
  it('turns the search form into the query, leaving empty fields out', () => {
    expect(recordSearchQuery({ search: '  ', itemId: '', districtId: undefined }, 1, 20)).toEqual({ page: 1, pageSize: 20 });
    expect(recordSearchQuery({ search: ' 物业 ', itemId: '3', status: EvaluationRecordStatus.EFFECTIVE, districtId: '2', documentNo: '罚', factDate: ['2026-01-01', '2026-06-30'], subjectType: EvaluationSubjectType.COMPANY }, 2, 50)).toEqual({
      page: 2,
      pageSize: 50,
      search: '物业',
      itemId: 3,
      status: EvaluationRecordStatus.EFFECTIVE,
      districtId: 2,
      documentNo: '罚',
      factDateFrom: '2026-01-01',
      factDateTo: '2026-06-30',
      subjectType: EvaluationSubjectType.COMPANY,
    });
  });

  it('names the withdrawal forms and what they do', () => {
    expect(withdrawalTitle('bad-record', 'revocations')).toBe('不良信息撤销');
    expect(withdrawalTitle('risk-list', 'restorations')).toBe('风险名单恢复');
    expect(withdrawalEffect('bad-record', 'revocations')).toContain('不再公示也不参与计分');
    expect(withdrawalEffect('bad-record', 'restorations')).toContain('原计分保留');
  });
});

describe('代办委托', () => {
  const now = new Date('2026-05-01T08:00:00Z');
  const period: [string, string] = ['2026-05-01T09:00:00+08:00', '2026-05-08T18:00:00+08:00'];

  it('refuses what the api would refuse, before sending', () => {
    expect(delegationProblem({}, now)).toBe('请选择受托人');
    expect(delegationProblem({ delegateId: 2, allModules: false, modules: [] }, now)).toBe('请选择委托的模块，或选择委托全部模块');
    expect(delegationProblem({ delegateId: 2, allModules: true }, now)).toBe('请选择委托期限');
    expect(delegationProblem({ delegateId: 2, allModules: true, period: [period[1], period[0]], matters: 'x' }, now)).toBe('委托结束时间须晚于开始时间和当前时间');
    expect(delegationProblem({ delegateId: 2, allModules: true, period, matters: ' ' }, now)).toBe('请填写委托代办的事宜');
    expect(delegationProblem({ delegateId: 2, allModules: true, period, matters: '休假期间代办' }, now)).toBeNull();
  });

  it('sends the modules only when not all are lent, with ISO instants', () => {
    expect(delegationRequest({ delegateId: 2, allModules: true, modules: [ModuleKey.TODOS], period, matters: ' 休假 ' })).toEqual({
      delegateId: 2,
      allModules: true,
      startAt: '2026-05-01T01:00:00.000Z',
      endAt: '2026-05-08T10:00:00.000Z',
      matters: '休假',
    });
    expect(delegationRequest({ delegateId: 2, allModules: false, modules: [ModuleKey.SERVICE_EVALUATION], period, matters: 'x' }).modules).toEqual([ModuleKey.SERVICE_EVALUATION]);
  });
});

describe('xlsx import', () => {
  it('sums up a dry run and an import, and finds the report a refusal carries', () => {
    expect(importSummary({ dryRun: true, total: 10, valid: 8, imported: 0, errors: [{ row: 3, column: '等级', message: '必须是整数' }, { row: 5, column: '编码', message: '格式不正确' }] })).toBe(
      '校验完成：共 10 行，8 行正确，2 行有错误；未导入任何数据',
    );
    expect(importSummary({ dryRun: false, total: 4, valid: 4, imported: 4, errors: [] })).toBe('导入完成：共 4 行，已导入 4 行');
    expect(reportOf({ dryRun: false, total: 2, valid: 1, imported: 0, errors: [] })?.total).toBe(2);
    expect(reportOf([{ field: 'file', message: 'x' }])).toBeNull();
    expect(reportOf(undefined)).toBeNull();
    // 确认导入: a clean dry run, or some right row when only the right rows are to be imported
    const checked = { dryRun: true, total: 5, valid: 3, errors: [{ row: 2, column: '等级', message: '必须是整数' }] };
    expect(importConfirmable(null)).toBe(false);
    expect(importConfirmable(checked)).toBe(false);
    expect(importConfirmable(checked, XlsxImportMode.VALID_ROWS)).toBe(true);
    expect(importConfirmable({ ...checked, valid: 0 }, XlsxImportMode.VALID_ROWS)).toBe(false);
    expect(importConfirmable({ dryRun: true, total: 0, valid: 0, errors: [] })).toBe(false);
    expect(importConfirmable({ dryRun: false, total: 5, valid: 5, errors: [] })).toBe(false);
    expect(importConfirmable({ dryRun: true, total: 5, valid: 5, errors: [] })).toBe(true);
  });
});
