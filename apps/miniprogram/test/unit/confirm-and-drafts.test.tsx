// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import {
  CommonErrorCode,
  EvaluationFormType,
  NoticeAudience,
  RegionNode,
  WorkflowAction,
  WorkflowHistoryEntry,
  WorkflowStatus,
} from '@szpm/contract';
import { describe, expect, it } from 'vitest';
import { SyncStorage, ApiError } from '@szpm/api-client';
import { useDraft } from '../../src/hooks/useDraft';
import { actionFailureMessage, fieldProblems } from '../../src/logic/session-ended';
import { signOutConfirmation, unbindWechatConfirmation } from '../../src/logic/confirm';
import { terminateConfirmation } from '../../src/logic/delegation-form';
import { DRAFT_MAX_AGE_MS, draftKey, draftStore, restoredDraft } from '../../src/logic/draft-store';
import { audienceRequest, emptyNoticeForm, publishConfirmation, publishedMessage } from '../../src/logic/notice-form';
import { entryConfirmation, entryDoneMessage, withdrawalConfirmation } from '../../src/logic/record-entry';
import { districtAreaCount, launchConfirmation, launchedMessage } from '../../src/logic/safety-launch';
import {
  decisionChoices,
  decisionConfirmation,
  decisionProblem,
  decisionRequest,
  doneMessage,
  opinionLabel,
  reasonRequired,
  returnBanner,
  returnOf,
} from '../../src/logic/workflow-decision';

const badRecordCase = { formType: EvaluationFormType.BAD_RECORD_DETERMINATION, payload: { points: 18, publicityMonths: 12, subjectName: '合德物业' } };

describe('confirm-then-act: the decision says what it will do', () => {
  it('asks before 同意 with the consequence from the payload, and says what happened after', () => {
    expect(decisionConfirmation(WorkflowAction.APPROVE, badRecordCase)).toEqual({
      title: '确认同意？',
      content: '通过后该不良信息将公示 12 个月并计 18 分。',
      confirmText: '同意',
    });
    expect(doneMessage(WorkflowAction.APPROVE, EvaluationFormType.BAD_RECORD_DETERMINATION)).toBe('已同意，已进入公示');
    expect(decisionConfirmation(WorkflowAction.APPROVE, { formType: EvaluationFormType.RISK_LIST_DETERMINATION, payload: { publicityMonths: 6 } })!.content).toBe(
      '通过后该评价对象将列入风险名单，公示 6 个月。',
    );
    expect(doneMessage(WorkflowAction.APPROVE, EvaluationFormType.RISK_LIST_DETERMINATION)).toBe('已同意，已列入风险名单');
    // numbers the payload does not carry are not made up
    expect(decisionConfirmation(WorkflowAction.APPROVE, { formType: EvaluationFormType.BAD_RECORD_DETERMINATION, payload: {} })!.content).toBe('通过后该不良信息将进入公示并计分。');
    expect(decisionConfirmation(WorkflowAction.APPROVE, { formType: 'OBJECTION', payload: {} })!.content).toBe('同意后该业务即办结。');
    expect(doneMessage(WorkflowAction.APPROVE, 'OBJECTION')).toBe('已同意，该业务已办结');
  });

  it('asks before 不同意 and 退回 too, not before 确认受理', () => {
    expect(decisionConfirmation(WorkflowAction.REJECT, badRecordCase)).toMatchObject({ title: '确认不同意？', confirmText: '不同意' });
    expect(decisionConfirmation(WorkflowAction.RETURN_TO_PREVIOUS, badRecordCase)!.content).toContain('退回上一环节');
    expect(decisionConfirmation(WorkflowAction.ACCEPT, badRecordCase)).toBeNull();
    expect(doneMessage(WorkflowAction.REJECT)).toBe('已不同意，该业务已办结');
    expect(doneMessage(WorkflowAction.SUBMIT)).not.toBe('提交成功');
  });

  it('confirms a determination with what approving it does, and a notice with the server’s count', () => {
    expect(entryConfirmation('bad-record', '合德物业', { points: 18, publicityMonths: 12 }, false)).toEqual({
      title: '确认提交认定？',
      content: '提交后转认定审核，不能再修改；审核通过后「合德物业」的该不良信息将公示 12 个月并计 18 分。',
      confirmText: '提交',
    });
    expect(entryConfirmation('risk-list', '', { publicityMonths: 6 }, true)).toMatchObject({
      title: '确认重新提交？',
      content: '提交后转认定审核，不能再修改；审核通过后该评价对象将列入风险名单，公示 6 个月。',
    });
    expect(entryDoneMessage(true)).toBe('已重新提交，转认定审核');
    expect(withdrawalConfirmation('不良信息', 'revocations').content).toContain('该不良信息将撤销');

    const count = {
      total: 38,
      byAudience: [
        { audience: NoticeAudience.PROJECT_MANAGER, audienceLabel: '项目经理', count: 33 },
        { audience: NoticeAudience.COMMITTEE_CHAIR, audienceLabel: '业委会主任', count: 5 },
      ],
    };
    expect(publishConfirmation(count)!.content).toBe('将向 33 名项目经理、5 名业委会主任发送通知，发布后不能撤回。');
    expect(publishConfirmation({ total: 33, byAudience: [{ ...count.byAudience[0] }, { ...count.byAudience[1], count: 0 }] })!.content).toBe('将向 33 名项目经理发送通知，发布后不能撤回。');
    expect(publishConfirmation({ total: 0, byAudience: [] })).toBeNull();
    expect(publishedMessage(33)).toBe('已发布，已通知 33 人');
    expect(audienceRequest({ ...emptyNoticeForm(), streetIds: [4] })).toEqual({ audiences: [NoticeAudience.PROJECT_MANAGER], streetIds: [4] });
    expect(audienceRequest(emptyNoticeForm())).toEqual({ audiences: [NoticeAudience.PROJECT_MANAGER] });
  });

  it('confirms an inspection with the number of property areas it goes to', () => {
    const tree: RegionNode[] = [{ id: 1, name: '福田区', level: 'DISTRICT', propertyAreaCount: 54, children: [{ id: 2, name: '园岭街道', level: 'STREET', propertyAreaCount: 9 }] }];
    expect(districtAreaCount(tree)).toBe(54);
    expect(launchConfirmation(54, '2026-12-31')!.content).toBe('将向本区 54 个物业项目发起安全检查，各项目负责人将收到检查通知，须在 2026-12-31 前提交；发起后不能撤回。');
    expect(launchConfirmation(0, '2026-12-31')).toBeNull();
    expect(launchedMessage(54)).toBe('已发起，已通知 54 个物业项目');
  });
});

describe('不同意 and 退回 need a reason', () => {
  it('refuses to send them without a typed reason, while 同意 may take its own words', () => {
    for (const action of [WorkflowAction.REJECT, WorkflowAction.RETURN_TO_PREVIOUS, WorkflowAction.RETURN_FOR_SUPPLEMENT]) {
      expect(reasonRequired(action)).toBe(true);
      expect(decisionProblem({ action, opinion: '  ', remark: '', attachmentIds: [] })).toMatch(/^请填写.+的理由$/);
      expect(decisionRequest({ action, opinion: '', remark: '', attachmentIds: [] }, 2)).not.toHaveProperty('opinion');
    }
    expect(decisionProblem({ action: WorkflowAction.RETURN_TO_PREVIOUS, opinion: '', remark: '', attachmentIds: [] })).toBe('请填写退回上一级的理由');
    expect(opinionLabel(WorkflowAction.REJECT)).toBe('不同意的理由');
    expect(reasonRequired(WorkflowAction.APPROVE)).toBe(false);
    expect(decisionProblem({ action: WorkflowAction.APPROVE, opinion: '', remark: '', attachmentIds: [] })).toBeNull();
  });

  it('offers one way to resubmit a returned determination: its entry screen, not 提交 here', () => {
    const allowed = [WorkflowAction.EDIT, WorkflowAction.SUBMIT];
    expect(decisionChoices(allowed).map((c) => c.action)).toEqual([WorkflowAction.SUBMIT]);
    expect(decisionChoices(allowed, true)).toEqual([]);
  });
});

describe('a returned case', () => {
  const entry = (seq: number, action: WorkflowAction, toStatus: WorkflowStatus, opinion: string | null = null): WorkflowHistoryEntry => ({
    seq,
    action,
    actionLabel: action === WorkflowAction.RETURN_TO_PREVIOUS ? '退回上一级' : '提交',
    fromStatus: null,
    toStatus,
    actorId: 1,
    actorName: '林晓敏',
    actorRole: 'DISTRICT_SUPERVISOR',
    actorRoleLabel: '区局审核人',
    onBehalfOfId: null,
    onBehalfOfName: null,
    opinion,
    remark: null,
    attachments: [],
    at: '2026-12-01T02:00:00.000Z',
  });
  const history = [entry(1, WorkflowAction.CREATE, WorkflowStatus.ENTRY), entry(2, WorkflowAction.SUBMIT, WorkflowStatus.REVIEW), entry(3, WorkflowAction.RETURN_TO_PREVIOUS, WorkflowStatus.ENTRY, '请补充整改期限。')];

  it('is known by its last step, with the supervisor and the reason for the banner', () => {
    const returned = returnOf({ status: WorkflowStatus.ENTRY, history });
    expect(returned?.seq).toBe(3);
    expect(returnBanner(returned!)).toEqual({ title: '林晓敏（区局审核人）退回上一级', reason: '请补充整改期限。' });
    // submitted again: no longer returned
    expect(returnOf({ status: WorkflowStatus.REVIEW, history: [...history, entry(4, WorkflowAction.SUBMIT, WorkflowStatus.REVIEW)] })).toBeNull();
    expect(returnOf({ status: WorkflowStatus.REVIEW, history: history.slice(0, 2) })).toBeNull();
  });
});

function memoryStorage(): SyncStorage & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: (key) => data.get(key) ?? '', set: (key, value) => void data.set(key, value), remove: (key) => void data.delete(key) };
}

describe('drafts of entry forms', () => {
  const now = Date.UTC(2026, 11, 1);

  it('are kept per form and account, forgotten when old, untouched or cleared', () => {
    expect(draftKey('notice-publish', 7)).toBe('szpm.draft.notice-publish.7');
    expect(restoredDraft({ value: { a: 1 }, savedAt: now - 1000 }, now)).toEqual({ a: 1 });
    expect(restoredDraft({ value: { a: 1 }, savedAt: now - DRAFT_MAX_AGE_MS - 1 }, now)).toBeNull();
    expect(restoredDraft({ value: { a: 1 }, savedAt: now + 1000 }, now)).toBeNull();
    expect(restoredDraft('', now)).toBeNull();

    const storage = memoryStorage();
    const store = draftStore(storage, () => now);
    store.save('k', { title: '汛期' }, { title: '' });
    expect(storage.data.get('k')).toEqual({ value: { title: '汛期' }, savedAt: now });
    expect(store.load('k')).toEqual({ title: '汛期' });
    // back to the blank form: nothing to keep
    store.save('k', { title: '' }, { title: '' });
    expect(storage.data.has('k')).toBe(false);
    store.save('k', { title: '汛期' }, { title: '' });
    store.clear('k');
    expect(store.load('k')).toBeNull();
  });

  it('useDraft restores what was typed before the sign-in, keeps no uploads, and stops keeping after submit', () => {
    const storage = memoryStorage();
    const store = draftStore(storage, () => now);
    const blank = { title: '', attachmentIds: [] as number[] };
    const kept = (form: typeof blank) => ({ ...form, attachmentIds: [] });
    const first = renderHook(() => useDraft(store, draftKey('notice-publish', 7), blank, kept));
    expect(first.result.current.restored).toBe(false);
    act(() => first.result.current.setValue({ title: '关于汛期的通知', attachmentIds: [3] }));
    first.unmount();

    // the same account opens the form again: restored, without the upload
    const again = renderHook(() => useDraft(store, draftKey('notice-publish', 7), blank, kept));
    expect(again.result.current.restored).toBe(true);
    expect(again.result.current.value).toEqual({ title: '关于汛期的通知', attachmentIds: [] });
    // another account does not see it
    expect(renderHook(() => useDraft(store, draftKey('notice-publish', 8), blank, kept)).result.current.value).toEqual(blank);

    act(() => again.result.current.discard());
    act(() => again.result.current.setValue({ title: '已发布', attachmentIds: [] }));
    expect(store.load(draftKey('notice-publish', 7))).toBeNull();
  });
});

describe('the confirmations of account, delegation and sign-out actions', () => {
  it('say what will happen, on a button named after the action', () => {
    expect(terminateConfirmation('李明')).toEqual({ title: '终止委托', content: '终止后李明将立即不能再代您办理委托的事项。', confirmText: '终止委托' });
    expect(unbindWechatConfirmation().content).toContain('需重新进行身份认证');
    expect(unbindWechatConfirmation().confirmText).toBe('解绑');
    expect(signOutConfirmation()).toMatchObject({ title: '退出登录', confirmText: '退出登录' });
  });
});

describe('a failed action', () => {
  const invalid = new ApiError(400, CommonErrorCode.VALIDATION_FAILED, '请求参数不正确', [
    { field: 'subjectId', constraint: 'exists', message: '评价对象不存在' },
    { field: 'documentNo', constraint: 'isNotEmpty', message: '文书编号不能为空' },
    { field: 'unknownField', constraint: 'isDefined', message: '不属于表单' },
  ]);

  it('puts the api’s field errors next to the form’s fields, by the form’s names', () => {
    expect(fieldProblems(invalid, { subjectId: 'subject', documentNo: 'documentNo' })).toEqual({ subject: '评价对象不存在', documentNo: '文书编号不能为空' });
    expect(fieldProblems(new Error('网络'), { subjectId: 'subject' })).toEqual({});
  });

  it('stays silent when it ended the session (the client has said so and gone to sign in)', () => {
    expect(actionFailureMessage(new ApiError(401, CommonErrorCode.UNAUTHENTICATED, '请先登录'))).toBeNull();
    expect(actionFailureMessage(invalid)).toContain('文书编号不能为空');
  });
});
