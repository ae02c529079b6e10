import { ObjectionDetail, ObjectionOutcome, WorkflowAction, WorkflowHistoryEntry, WorkflowStatus } from '@szpm/contract';
import { describe, expect, it } from 'vitest';
import {
  canSupplement,
  objectionProgressRows,
  objectionTag,
  supplementFormOf,
  supplementProblem,
  supplementRequest,
  supplementRequestOf,
} from '../../src/logic/objection';

function detail(status: WorkflowStatus, allowedActions: WorkflowAction[] = [], extra: Partial<ObjectionDetail> = {}): ObjectionDetail {
  return {
    id: 5,
    caseId: 40,
    businessNo: 'YY2026000005',
    status,
    statusLabel: { SUPPLEMENT: '退回补录', APPROVED: '已同意', REJECTED: '不同意', PENDING_ACCEPTANCE: '待受理' }[status as string] ?? status,
    outcome: null,
    outcomeLabel: null,
    createdAt: '2026-03-01T02:00:00.000Z',
    decidedAt: null,
    case: { version: 4, allowedActions, history: [], attachments: [], payload: { text: '材料真实' } },
    ...extra,
  } as unknown as ObjectionDetail;
}

const entry = (seq: number, action: WorkflowAction, opinion: string | null): WorkflowHistoryEntry => ({ seq, action, opinion, remark: null }) as unknown as WorkflowHistoryEntry;

describe('异议详情 for the filing unit', () => {
  it('tags the status: the outcome once decided, 退回补录 as a warning', () => {
    expect(objectionTag(detail(WorkflowStatus.PENDING_ACCEPTANCE))).toEqual({ text: '待受理', type: 'primary' });
    expect(objectionTag(detail(WorkflowStatus.SUPPLEMENT))).toEqual({ text: '退回补录', type: 'warning' });
    expect(objectionTag(detail(WorkflowStatus.APPROVED, [], { outcome: ObjectionOutcome.UPHELD, outcomeLabel: '异议通过' }))).toEqual({ text: '异议通过', type: 'success' });
    expect(objectionTag(detail(WorkflowStatus.REJECTED, [], { outcome: ObjectionOutcome.DISMISSED, outcomeLabel: '异议不通过' }))).toEqual({ text: '异议不通过', type: 'danger' });
  });

  it('shows where it stands and how it ended', () => {
    const rows = objectionProgressRows(detail(WorkflowStatus.APPROVED, [], { outcomeLabel: '异议通过', decidedAt: '2026-03-05T08:30:00.000Z' }));
    expect(rows).toContainEqual({ label: '办理结果', value: '异议通过' });
    expect(rows).toContainEqual({ label: '办结时间', value: '2026-03-05 16:30' });
    expect(objectionProgressRows(detail(WorkflowStatus.PENDING_ACCEPTANCE))).toContainEqual({ label: '办理结果', value: '尚未办结' });
  });

  it('lets the unit supplement only when it is returned to it', () => {
    expect(canSupplement(detail(WorkflowStatus.SUPPLEMENT, [WorkflowAction.RESUBMIT]))).toBe(true);
    expect(canSupplement(detail(WorkflowStatus.SUPPLEMENT, []))).toBe(false);
    expect(canSupplement(detail(WorkflowStatus.ENTRY, [WorkflowAction.RESUBMIT]))).toBe(false);
  });

  it('shows what the handler asked for in the latest return', () => {
    const history = [entry(1, WorkflowAction.CREATE, null), entry(2, WorkflowAction.RETURN_FOR_SUPPLEMENT, '请补充照片'), entry(3, WorkflowAction.RESUBMIT, null), entry(4, WorkflowAction.RETURN_FOR_SUPPLEMENT, '请补充材料原件')];
    expect(supplementRequestOf(history)).toBe('请补充材料原件');
    expect(supplementRequestOf(history.slice(0, 1))).toBeNull();
  });

  it('requires something supplemented and sends the text only when it changed', () => {
    const returned = detail(WorkflowStatus.SUPPLEMENT, [WorkflowAction.RESUBMIT]);
    const form = supplementFormOf(returned);
    expect(form).toEqual({ text: '材料真实', attachmentIds: [], remark: '' });
    expect(supplementProblem(form, '材料真实')).toBe('请补充异议内容或上传补充材料');
    expect(supplementProblem({ ...form, text: '  ' }, '材料真实')).toBe('请填写异议内容');
    expect(supplementProblem({ ...form, text: '长'.repeat(2001) }, '材料真实')).toBe('异议内容不能超过2000字');

    const withFile = { ...form, attachmentIds: [7] };
    expect(supplementProblem(withFile, '材料真实')).toBeNull();
    expect(supplementRequest(withFile, '材料真实', 4)).toEqual({ version: 4, attachmentIds: [7] });

    const rewritten = { ...form, text: ' 材料真实，补充原件扫描件 ', remark: ' 原件另行寄送 ' };
    expect(supplementProblem(rewritten, '材料真实')).toBeNull();
    expect(supplementRequest(rewritten, '材料真实', 4)).toEqual({ version: 4, text: '材料真实，补充原件扫描件', remark: '原件另行寄送' });
  });
});
