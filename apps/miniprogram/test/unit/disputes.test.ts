import {
  DisputeDetail,
  DisputeDuplicate,
  DisputeErrorCode,
  DisputeDisposal,
  DisputeDuplicateReason,
  DisputeLedger,
  DisputeOutcome,
  DisputePartyKind,
  DisputeSource,
  DisputeUrgency,
  GrantAction,
  ModuleKey,
  PetitionCategory,
  PetitionForm,
  Role,
  WorkflowAction,
  WorkflowStatus,
} from '@szpm/contract';
import { ApiError } from '@szpm/api-client';
import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  canEnterDisputes,
  categoryOptions,
  DISPUTE_API_FIELDS,
  disputeButtons,
  disputeEditRequest,
  DisputeForm,
  disputeFormOf,
  disputeInput,
  disputeProblems,
  duplicateQuery,
  duplicateReasonsText,
  emptyDisputeForm,
  emptyLedgerFilter,
  handleFormOf,
  handleProblems,
  handleRequest,
  keptDisputeDraft,
  LedgerFilter,
  ledgerOf,
  ledgerQuery,
  ledgerStatuses,
  overdueBadgeText,
  returnProblem,
  reviewChoices,
  reviewProblem,
  reviewRequest,
  showsDuplicateWarning,
  statusLabelOf,
  transferConfirmation,
} from '../../src/logic/disputes';
import { fieldProblems } from '../../src/logic/session-ended';

const TODAY = '2026-12-02';

function filledForm(): DisputeForm {
  return {
    ...emptyDisputeForm(),
    streetId: 11,
    communityId: 111,
    propertyAreaId: 5001,
    address: ' 3栋1单元 ',
    categoryId: 3,
    summary: ' 物业费上调未经业主大会表决 ',
    demand: '恢复原收费标准',
    peopleCount: '12',
    applicantKind: DisputePartyKind.OWNER,
    applicantName: ' 李明 ',
    applicantPhone: '13800138000',
    respondentKind: DisputePartyKind.PROPERTY_COMPANY,
    respondentName: '园岭物业',
    respondentPhone: '',
    source: DisputeSource.HOTLINE_12345,
  };
}

function detail(overrides: Partial<DisputeDetail> = {}): DisputeDetail {
  return {
    id: 42,
    businessNo: 'JF-2026-000042',
    status: WorkflowStatus.ENTRY,
    statusLabel: '已录入（区局办理）',
    districtId: 1,
    districtName: '福田区',
    streetId: 11,
    streetName: '园岭街道',
    communityId: 111,
    communityName: '百花社区',
    propertyAreaId: 5001,
    propertyAreaName: '百花园',
    categoryId: 3,
    categoryName: '物业费',
    summary: '物业费上调',
    peopleCount: 12,
    source: DisputeSource.VISIT,
    urgency: DisputeUrgency.URGENT,
    deadline: '2026-12-16',
    overdue: false,
    withStreet: false,
    transferred: false,
    disposal: null,
    outcome: null,
    repliedAt: null,
    handlingNote: null,
    followUp: false,
    sendBackCount: 0,
    enteredAt: '2026-12-01T02:00:00.000Z',
    enteredByName: '福田经办',
    closedAt: null,
    importBatchNo: null,
    version: 3,
    address: null,
    demand: '恢复原价',
    applicant: { kind: DisputePartyKind.OWNER, name: '李明', phone: null },
    respondent: { kind: DisputePartyKind.PROPERTY_COMPANY, name: '园岭物业', phone: '0755-1234567' },
    petition: { petitionNo: null, petitioner: '李明', phone: '13800138000', form: PetitionForm.VISIT, date: '2026-11-30', collective: true, category: PetitionCategory.APPEAL },
    handling: null,
    issues: null,
    attachments: [{ id: 9, fileName: '照片.jpg', size: 100, contentType: 'image/jpeg' }],
    caseId: 700,
    allowedActions: [],
    history: [],
    ...overrides,
  };
}

describe('录入矛盾纠纷件: the form and its checks', () => {
  it('names every required field of an empty form (the * fields of DisputeInput)', () => {
    expect(Object.keys(disputeProblems(emptyDisputeForm(), TODAY)).sort()).toEqual(
      ['applicantKind', 'applicantName', 'category', 'community', 'demand', 'peopleCount', 'propertyArea', 'respondentKind', 'respondentName', 'source', 'street', 'summary'].sort(),
    );
    expect(disputeProblems(filledForm(), TODAY)).toEqual({});
  });

  it('asks for the 信访 fields only when the case has a petition, and refuses dates that cannot be right', () => {
    const petition = { ...filledForm(), withPetition: true };
    expect(disputeProblems(petition, TODAY)).toEqual({ petitioner: '请填写信访人', petitionForm: '请选择信访形式', petitionDate: '请选择信访日期', petitionCategory: '请选择信访类别' });
    const complete = { ...petition, petitioner: '李明', petitionForm: PetitionForm.PHONE, petitionDate: '2026-12-03', petitionCategory: PetitionCategory.SUGGESTION };
    expect(disputeProblems(complete, TODAY)).toEqual({ petitionDate: '信访日期不能晚于今天' });
    expect(disputeProblems({ ...filledForm(), deadline: '2026-12-01' }, TODAY)).toEqual({ deadline: '办理时限不能早于今天' });
    expect(disputeProblems({ ...filledForm(), deadline: TODAY }, TODAY)).toEqual({});
  });

  it('wants a positive whole 涉及人数 and phone numbers that look like phone numbers', () => {
    expect(disputeProblems({ ...filledForm(), peopleCount: '0' }, TODAY).peopleCount).toBe('涉及人数须为正整数');
    expect(disputeProblems({ ...filledForm(), peopleCount: '2.5' }, TODAY).peopleCount).toBe('涉及人数须为正整数');
    expect(disputeProblems({ ...filledForm(), applicantPhone: '电话' }, TODAY).applicantPhone).toBe('申请方电话格式不正确');
    expect(disputeProblems({ ...filledForm(), applicantPhone: '1380013800' }, TODAY).applicantPhone).toBe('申请方电话格式不正确');
    expect(disputeProblems({ ...filledForm(), respondentPhone: '0755-83001234' }, TODAY)).toEqual({});
  });

  it('builds DisputeInput trimmed, with the optional parts null and no 信访 block when there is none', () => {
    expect(disputeInput(filledForm())).toEqual({
      streetId: 11,
      communityId: 111,
      propertyAreaId: 5001,
      address: '3栋1单元',
      categoryId: 3,
      summary: '物业费上调未经业主大会表决',
      demand: '恢复原收费标准',
      peopleCount: 12,
      applicant: { kind: DisputePartyKind.OWNER, name: '李明', phone: '13800138000' },
      respondent: { kind: DisputePartyKind.PROPERTY_COMPANY, name: '园岭物业', phone: null },
      source: DisputeSource.HOTLINE_12345,
      urgency: DisputeUrgency.NORMAL,
      petition: null,
      attachmentIds: [],
    });
    const withPetition: DisputeForm = { ...filledForm(), withPetition: true, petitioner: ' 王芳 ', petitionForm: PetitionForm.LETTER, petitionDate: '2026-11-20', petitionCategory: PetitionCategory.APPEAL, deadline: '2026-12-20', attachmentIds: [4, 5] };
    expect(disputeInput(withPetition)).toMatchObject({
      petition: { petitionNo: null, petitioner: '王芳', phone: null, form: PetitionForm.LETTER, date: '2026-11-20', collective: false, category: PetitionCategory.APPEAL },
      deadline: '2026-12-20',
      attachmentIds: [4, 5],
    });
  });

  it('修改 starts from the case and sends its version; a draft keeps no upload ids', () => {
    const form = disputeFormOf(detail());
    expect(form).toMatchObject({ streetId: 11, communityId: 111, peopleCount: '12', applicantPhone: '', respondentPhone: '0755-1234567', withPetition: true, petitionCollective: true, deadline: '2026-12-16', attachmentIds: [9] });
    expect(disputeProblems(form, TODAY)).toEqual({});
    expect(disputeEditRequest(form, 3)).toMatchObject({ version: 3, streetId: 11, communityId: 111, petition: { petitioner: '李明', phone: '13800138000' } });
    expect(keptDisputeDraft(form).attachmentIds).toEqual([]);
  });

  it('shows the api’s 400 field messages at their fields, nested paths included', () => {
    const error = new ApiError(400, DisputeErrorCode.REGION_LOCKED, '所属区域、所属街道、所属社区录入后不能修改', [
      { field: 'streetId', constraint: 'DISPUTE_REGION_LOCKED', message: '所属街道录入后不能修改' },
      { field: 'applicant.phone', constraint: 'matches', message: 'applicant.phone格式不正确' },
      { field: 'petition.date', constraint: 'isCalendarDate', message: '信访日期格式不正确' },
    ]);
    expect(fieldProblems(error, DISPUTE_API_FIELDS)).toEqual({ street: '所属街道录入后不能修改', applicantPhone: 'applicant.phone格式不正确', petitionDate: '信访日期格式不正确' });
  });

  it('offers the active categories, and in 修改 the case’s own retired one', () => {
    const categories = [
      { id: 1, name: '物业费', timeLimitWorkingDays: 10, active: true, sortOrder: 1 },
      { id: 2, name: '旧分类', timeLimitWorkingDays: 5, active: false, sortOrder: 2 },
    ];
    expect(categoryOptions(categories, null).map((o) => o.label)).toEqual(['物业费']);
    expect(categoryOptions(categories, 2)).toEqual([
      { value: 1, label: '物业费', description: '办理时限默认10个工作日' },
      { value: 2, label: '旧分类（已停用）', description: '办理时限默认5个工作日' },
    ]);
  });
});

describe('the duplicate warning', () => {
  it('asks nothing before there is something to compare, then only what is typed enough', () => {
    expect(duplicateQuery(emptyDisputeForm(), null)).toBeNull();
    expect(duplicateQuery({ ...emptyDisputeForm(), summary: '漏水', withPetition: true, petitionPhone: '138' }, null)).toBeNull();
    expect(duplicateQuery({ ...emptyDisputeForm(), propertyAreaId: 5001, categoryId: 3 }, null)).toEqual({ propertyAreaId: 5001, categoryId: 3 });
    expect(duplicateQuery(filledForm(), 42)).toEqual({ propertyAreaId: 5001, categoryId: 3, summary: '物业费上调未经业主大会表决', excludeId: 42 });
    // the 信访人's phone is the one earlier cases keep: the 申请方's is not compared
    expect(duplicateQuery({ ...filledForm(), withPetition: true, petitionPhone: '13900139000' }, null)?.petitionerPhone).toBe('13900139000');
  });

  it('shows when the api finds earlier cases, never otherwise, and says why', () => {
    const item: DisputeDuplicate = {
      id: 7,
      businessNo: 'JF-2026-000007',
      propertyAreaName: '百花园',
      categoryName: '物业费',
      summary: '物业费上调',
      status: WorkflowStatus.APPROVED,
      statusLabel: '已办结',
      enteredAt: '2026-10-01T00:00:00Z',
      reasons: [DisputeDuplicateReason.SAME_CATEGORY_AREA, DisputeDuplicateReason.SIMILAR_SUMMARY],
      similarity: 0.8,
    };
    expect(showsDuplicateWarning(null)).toBe(false);
    expect(showsDuplicateWarning({ duplicate: false, items: [], windowDays: 180 })).toBe(false);
    expect(showsDuplicateWarning({ duplicate: true, items: [], windowDays: 180 })).toBe(false);
    expect(showsDuplicateWarning({ duplicate: true, items: [item], windowDays: 180 })).toBe(true);
    expect(duplicateReasonsText(item)).toBe('同一小区同一问题分类、纠纷简述相似');
  });
});

describe('查看: buttons from the allowed actions', () => {
  it('puts the case’s next step first as the main button, 退回区局 and 修改 after it', () => {
    expect(disputeButtons([])).toEqual([]);
    expect(disputeButtons([WorkflowAction.EDIT, WorkflowAction.TRANSFER, WorkflowAction.HANDLE])).toEqual([
      { kind: 'transfer', label: '转办', primary: true },
      { kind: 'handle', label: '处理', primary: false },
      { kind: 'edit', label: '修改', primary: false },
    ]);
    expect(disputeButtons([WorkflowAction.RETURN_TO_PREVIOUS, WorkflowAction.HANDLE])).toEqual([
      { kind: 'handle', label: '处理', primary: true },
      { kind: 'return', label: '退回区局', primary: false },
    ]);
    // either review decision makes one 审核 button
    expect(disputeButtons([WorkflowAction.APPROVE_CLOSE, WorkflowAction.SEND_BACK])).toEqual([{ kind: 'review', label: '审核', primary: true }]);
    expect(disputeButtons([WorkflowAction.EDIT])).toEqual([{ kind: 'edit', label: '修改', primary: false }]);
  });

  it('asks before 转办 with the case’s street', () => {
    expect(transferConfirmation(detail())).toMatchObject({ title: '确定转办至园岭街道？', confirmText: '确定' });
  });

  it('审核: a decision, and an opinion for 驳回重报', () => {
    expect(reviewChoices([WorkflowAction.APPROVE_CLOSE, WorkflowAction.SEND_BACK]).map((c) => c.label)).toEqual(['驳回重报', '同意办结']);
    expect(reviewProblem({ decision: null, opinion: '', remark: '' })).toBe('请选择审核意见');
    expect(reviewProblem({ decision: WorkflowAction.SEND_BACK, opinion: '  ', remark: '' })).toBe('驳回重报须填写意见');
    expect(reviewProblem({ decision: WorkflowAction.APPROVE_CLOSE, opinion: '', remark: '' })).toBeNull();
    expect(reviewRequest({ decision: WorkflowAction.SEND_BACK, opinion: ' 未附答复材料 ', remark: '' }, 5)).toEqual({ version: 5, decision: WorkflowAction.SEND_BACK, opinion: '未附答复材料' });
    expect(returnProblem(' ')).toBe('请填写退回理由');
  });

  it('names a history entry’s step in the chapter’s words', () => {
    expect(statusLabelOf(WorkflowStatus.STREET_HANDLING)).toBe('已转办街道');
    expect(statusLabelOf(WorkflowStatus.REJECTED)).toBe('不同意');
  });
});

describe('处理', () => {
  it('needs 处置方式 before 处置情况, a 答复日期 between entry and today, and the 化解疏导情况', () => {
    const blank = handleFormOf({ handling: null });
    expect(handleProblems(blank, '2026-12-01', TODAY)).toEqual({
      disposal: '请选择处置方式',
      outcome: '请先选择处置方式，再选择处置情况',
      repliedAt: '请选择答复日期',
      handlingNote: '请填写化解疏导情况',
    });
    const form = { ...blank, disposal: DisputeDisposal.RESOLVE, outcome: DisputeOutcome.SETTLED, repliedAt: '2026-11-30', handlingNote: '组织双方调解' };
    expect(handleProblems(form, '2026-12-01', TODAY)).toEqual({ repliedAt: '答复日期不能早于录入日期' });
    expect(handleProblems({ ...form, repliedAt: '2026-12-03' }, '2026-12-01', TODAY)).toEqual({ repliedAt: '答复日期不能晚于今天' });
    expect(handleProblems({ ...form, repliedAt: TODAY }, '2026-12-01', TODAY)).toEqual({});
    expect(handleRequest({ ...form, repliedAt: TODAY, issues: ' ', attachmentIds: [3] }, 8)).toEqual({
      version: 8,
      disposal: DisputeDisposal.RESOLVE,
      outcome: DisputeOutcome.SETTLED,
      repliedAt: TODAY,
      handlingNote: '组织双方调解',
      issues: null,
      attachmentIds: [3],
    });
  });

  it('opens a sent-back case with the handling it had', () => {
    const handling = { disposal: DisputeDisposal.DE_ESCALATE, outcome: DisputeOutcome.CLOSED_UNSETTLED, repliedAt: '2026-12-01', handlingNote: '疏导', issues: null };
    expect(handleFormOf({ handling })).toEqual({ ...handling, issues: '', attachmentIds: [] });
  });
});

describe('总台账', () => {
  it('reads ?ledger= and asks for what is set, leaving out a status the ledger cannot hold', () => {
    expect(ledgerOf('unfinished')).toBe(DisputeLedger.UNFINISHED);
    expect(ledgerOf(undefined)).toBe(DisputeLedger.ALL);
    expect(ledgerOf('closed')).toBe(DisputeLedger.ALL);
    expect(ledgerQuery(DisputeLedger.UNFINISHED, emptyLedgerFilter(), 1, 20)).toEqual({ ledger: 'unfinished', page: 1, pageSize: 20 });
    const filter: LedgerFilter = { ...emptyLedgerFilter(), propertyAreaName: ' 百花 ', disposal: DisputeDisposal.RESOLVE, handlingNote: '调解', categoryId: 3, status: WorkflowStatus.STREET_HANDLING, overdueOnly: true };
    expect(ledgerQuery(DisputeLedger.ALL, filter, 2, 20)).toEqual({ ledger: 'all', page: 2, pageSize: 20, propertyAreaName: '百花', disposal: 'RESOLVE', handlingNote: '调解', categoryId: 3, status: 'STREET_HANDLING', overdue: true });
    expect(ledgerQuery(DisputeLedger.FINISHED, filter, 1, 20).status).toBeUndefined();
    expect(activeFilterCount(filter, DisputeLedger.ALL)).toBe(5);
    expect(activeFilterCount(filter, DisputeLedger.FINISHED)).toBe(4);
    expect(ledgerStatuses(DisputeLedger.UNFINISHED)).not.toContain(WorkflowStatus.APPROVED);
  });

  it('counts the overdue cases and offers 录入 to district officers only', () => {
    expect(overdueBadgeText(0)).toBe('');
    expect(overdueBadgeText(3)).toBe('超期 3 件');
    const operate = [{ module: ModuleKey.DISPUTES, label: '纠纷化解台账', actions: [GrantAction.VIEW, GrantAction.OPERATE] }];
    expect(canEnterDisputes({ role: Role.DISTRICT_HANDLER, modules: operate })).toBe(true);
    expect(canEnterDisputes({ role: Role.STREET_OFFICER, modules: operate })).toBe(false);
    expect(canEnterDisputes({ role: Role.DISTRICT_LEAD, modules: operate })).toBe(false);
    expect(canEnterDisputes({ role: Role.DISTRICT_HANDLER, modules: [{ ...operate[0], actions: [GrantAction.VIEW] }] })).toBe(false);
    expect(canEnterDisputes(null)).toBe(false);
  });
});
