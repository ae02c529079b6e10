import { describe, expect, it, vi } from 'vitest';
import {
  DISPUTE_FORM_TYPE,
  DisputeDisposal,
  DisputeLedger,
  DisputePartyKind,
  DisputeSortKey,
  DisputeSource,
  DisputeUrgency,
  PetitionCategory,
  PetitionForm,
  Role,
  WorkflowAction,
  WorkflowStatus,
  type DisputeDetail,
  type DisputeDuplicateQuery,
  type DisputeDuplicateResult,
} from '@szpm/contract';
import {
  detailButtons,
  duplicateQuery,
  duplicateWatch,
  entryFormValues,
  entryRequest,
  exportQuery,
  formFieldPath,
  handleSubmitLabel,
  ledgerFilters,
  ledgerQuery,
  ledgerStatuses,
  mayEnter,
  mayImport,
  overdueText,
  reviewDecisions,
  transferConfirmText,
  type EntryFormValues,
  type Timers,
} from '../../src/pages/disputes/logic';
import { casePagePath } from '../../src/logic/pages';
import { disputesSection } from '../../src/sections/disputes';

/** A dayjs-like value, as the pickers hold dates. */
const day = (iso: string) => ({ format: (template: string) => (template === 'YYYY-MM-DD' ? iso : 'unexpected template') });

describe('disputes: the ledger query', () => {
  it('sends only what the search form has, trimmed, with the ledger, page and sort', () => {
    const query = ledgerQuery(
      DisputeLedger.UNFINISHED,
      {
        propertyAreaName: '  景田  ',
        disposal: DisputeDisposal.RESOLVE,
        outcome: undefined,
        handlingNote: '   ',
        categoryId: '3',
        streetId: 12,
        communityId: '',
        entered: ['2026-01-01', day('2026-03-31')],
        deadline: [undefined, '2026-04-30'],
        overdue: true,
        followUp: false,
      },
      { current: 2, pageSize: 20 },
      { deadline: 'ascend' },
    );
    expect(query).toEqual({
      ledger: 'unfinished',
      propertyAreaName: '景田',
      disposal: 'RESOLVE',
      categoryId: 3,
      streetId: 12,
      enteredFrom: '2026-01-01',
      enteredTo: '2026-03-31',
      deadlineTo: '2026-04-30',
      overdue: true,
      sort: DisputeSortKey.DEADLINE,
      order: 'ASC',
      page: 2,
      pageSize: 20,
    });
  });

  it('maps each sortable column to the api\'s sort key and ignores others or an unset order', () => {
    expect(ledgerQuery(DisputeLedger.ALL, {}, {}, { enteredAt: 'descend' })).toEqual({ ledger: 'all', sort: 'enteredAt', order: 'DESC' });
    expect(ledgerQuery(DisputeLedger.FINISHED, { closed: ['2026-02-01', '2026-02-28'] }, {}, { closedAt: 'ascend' })).toEqual({ ledger: 'finished', closedFrom: '2026-02-01', closedTo: '2026-02-28', sort: 'closedAt', order: 'ASC' });
    expect(ledgerQuery(DisputeLedger.ALL, {}, {}, { summary: 'ascend', deadline: null })).toEqual({ ledger: 'all' });
  });

  it('exports with the filters and order but not the page', () => {
    const query = ledgerQuery(DisputeLedger.ALL, { propertyAreaName: '园岭' }, { current: 3, pageSize: 50 }, { enteredAt: 'ascend' });
    expect(exportQuery(query)).toEqual({ ledger: 'all', propertyAreaName: '园岭', sort: 'enteredAt', order: 'ASC' });
  });

  it('offers the statuses and flags each ledger can hold', () => {
    expect(ledgerStatuses(DisputeLedger.UNFINISHED).map((s) => s.value)).not.toContain(WorkflowStatus.APPROVED);
    expect(ledgerStatuses(DisputeLedger.UNFINISHED)).toHaveLength(4);
    expect(ledgerStatuses(DisputeLedger.FINISHED).map((s) => s.value)).toEqual([WorkflowStatus.APPROVED]);
    expect(ledgerStatuses(DisputeLedger.ALL)[0]).toEqual({ value: WorkflowStatus.ENTRY, label: '已录入（区局办理）' });
    expect(ledgerFilters(DisputeLedger.UNFINISHED)).toEqual({ status: true, overdue: true, followUp: false, closed: false });
    expect(ledgerFilters(DisputeLedger.FINISHED)).toEqual({ status: false, overdue: false, followUp: true, closed: true });
    expect(overdueText(7)).toBe('超期 7 件');
  });

  it('shows 录入 to district officers who operate, not on 已办结台账', () => {
    const district = { districtOfficer: true, operate: true };
    expect(mayEnter(DisputeLedger.UNFINISHED, district)).toBe(true);
    expect(mayEnter(DisputeLedger.ALL, district)).toBe(true);
    expect(mayEnter(DisputeLedger.FINISHED, district)).toBe(false);
    // a street office operates on its cases but does not enter them
    expect(mayEnter(DisputeLedger.UNFINISHED, { districtOfficer: false, operate: true })).toBe(false);
    expect(mayEnter(DisputeLedger.ALL, { districtOfficer: true, operate: false })).toBe(false);
  });

  it('shows 导入 on 已办结台账 to the district handler and supervisor who operate, never to a street office', () => {
    expect(mayImport(DisputeLedger.FINISHED, { role: Role.DISTRICT_HANDLER, operate: true })).toBe(true);
    expect(mayImport(DisputeLedger.FINISHED, { role: Role.DISTRICT_SUPERVISOR, operate: true })).toBe(true);
    expect(mayImport(DisputeLedger.UNFINISHED, { role: Role.DISTRICT_HANDLER, operate: true })).toBe(false);
    expect(mayImport(DisputeLedger.ALL, { role: Role.DISTRICT_HANDLER, operate: true })).toBe(false);
    expect(mayImport(DisputeLedger.FINISHED, { role: Role.STREET_OFFICER, operate: true })).toBe(false);
    // the lead reviews but does not enter cases (the api refuses its import)
    expect(mayImport(DisputeLedger.FINISHED, { role: Role.DISTRICT_LEAD, operate: true })).toBe(false);
    expect(mayImport(DisputeLedger.FINISHED, { role: Role.DISTRICT_HANDLER, operate: false })).toBe(false);
    expect(mayImport(DisputeLedger.FINISHED, { role: undefined, operate: true })).toBe(false);
  });
});

const filled: EntryFormValues = {
  streetId: 11,
  communityId: 111,
  propertyAreaId: 5,
  address: '  ',
  categoryId: 2,
  summary: ' 物业费上涨引发业主集体投诉 ',
  demand: '暂停调价',
  peopleCount: 12,
  applicant: { kind: DisputePartyKind.OWNER, name: ' 张三 ', phone: '' },
  respondent: { kind: DisputePartyKind.PROPERTY_COMPANY, name: '某物业公司', phone: '0755-12345678' },
  source: DisputeSource.HOTLINE_12345,
  urgency: DisputeUrgency.URGENT,
  hasPetition: false,
  petition: { petitioner: '李四', phone: '13800000000', form: PetitionForm.VISIT, date: day('2026-03-01'), collective: true, category: PetitionCategory.APPEAL },
  deadline: day('2026-04-10'),
  attachmentIds: [7],
};

describe('disputes: the entry form', () => {
  it('becomes the api\'s body: trimmed, empty optional text as null, 信访信息 only when switched on', () => {
    const body = entryRequest(filled);
    expect(body).toMatchObject({ address: null, summary: '物业费上涨引发业主集体投诉', applicant: { kind: 'OWNER', name: '张三', phone: null }, petition: null, deadline: '2026-04-10', attachmentIds: [7], peopleCount: 12 });
    const withPetition = entryRequest({ ...filled, hasPetition: true });
    expect(withPetition.petition).toEqual({ petitionNo: null, petitioner: '李四', phone: '13800000000', form: 'VISIT', date: '2026-03-01', collective: true, category: 'APPEAL' });
    // no 办理时限 chosen: the api's default applies
    expect('deadline' in entryRequest({ ...filled, deadline: undefined })).toBe(false);
  });

  it('reads a case back into the form (修改) and round-trips it', () => {
    const detail = {
      streetId: 11,
      communityId: 111,
      propertyAreaId: 5,
      address: null,
      categoryId: 2,
      summary: '噪音扰民',
      demand: '停止施工',
      peopleCount: 3,
      applicant: { kind: DisputePartyKind.OWNER, name: '王五', phone: null },
      respondent: { kind: DisputePartyKind.OTHER, name: '装修队', phone: '13900000000' },
      source: DisputeSource.VISIT,
      urgency: DisputeUrgency.NORMAL,
      petition: { petitionNo: 'XF-1', petitioner: '王五', phone: null, form: PetitionForm.PHONE, date: '2026-02-02', collective: false, category: PetitionCategory.SUGGESTION },
      deadline: '2026-03-01',
      attachments: [{ id: 9, fileName: '照片.jpg', size: 1, contentType: 'image/jpeg' }],
    } as unknown as DisputeDetail;
    const values = entryFormValues(detail);
    expect(values.hasPetition).toBe(true);
    expect(values.attachmentIds).toEqual([9]);
    const body = entryRequest(values);
    expect(body).toMatchObject({ streetId: 11, communityId: 111, address: null, deadline: '2026-03-01', petition: { petitionNo: 'XF-1', phone: null, date: '2026-02-02' }, respondent: { phone: '13900000000' } });
  });

  it('names the api\'s field errors as the form does', () => {
    expect(formFieldPath('applicant.name')).toEqual(['applicant', 'name']);
    expect(formFieldPath('petition.date')).toEqual(['petition', 'date']);
    expect(formFieldPath('attachmentIds.0')).toEqual(['attachmentIds']);
    expect(formFieldPath('attachmentIds[2]')).toEqual(['attachmentIds']);
    expect(formFieldPath('streetId')).toEqual(['streetId']);
  });
});

describe('disputes: the duplicate warning', () => {
  it('asks only once something could match: 小区 with 问题分类, the 信访人电话, or enough 纠纷简述', () => {
    expect(duplicateQuery({})).toBeNull();
    expect(duplicateQuery({ propertyAreaId: 5 })).toBeNull();
    expect(duplicateQuery({ categoryId: 2 })).toBeNull();
    expect(duplicateQuery({ summary: '噪音' })).toBeNull();
    expect(duplicateQuery({ propertyAreaId: 5, categoryId: 2 })).toEqual({ propertyAreaId: 5, categoryId: 2 });
    expect(duplicateQuery({ summary: ' 楼上装修噪音扰民 ' }, 8)).toEqual({ summary: '楼上装修噪音扰民', excludeId: 8 });
    // the phone counts only with 信访信息 switched on, and only when long enough
    expect(duplicateQuery({ hasPetition: false, petition: { phone: '13800000000' } })).toBeNull();
    expect(duplicateQuery({ hasPetition: true, petition: { phone: '1380' } })).toBeNull();
    expect(duplicateQuery({ ...filled, hasPetition: true })).toEqual({ propertyAreaId: 5, categoryId: 2, petitionerPhone: '13800000000', summary: '物业费上涨引发业主集体投诉' });
  });

  /** Timers run by hand: `advance` fires those due. */
  function manualTimers() {
    let now = 0;
    const pending = new Map<number, { at: number; run: () => void }>();
    let next = 1;
    const timers: Timers = {
      setTimeout: (run, ms) => {
        pending.set(next, { at: now + ms, run });
        return next++;
      },
      clearTimeout: (handle) => pending.delete(handle as number),
    };
    const advance = (ms: number) => {
      now += ms;
      for (const [handle, timer] of [...pending]) {
        if (timer.at <= now) {
          pending.delete(handle);
          timer.run();
        }
      }
    };
    return { timers, advance, pending };
  }

  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  const found = (businessNo: string): DisputeDuplicateResult => ({
    duplicate: true,
    windowDays: 180,
    items: [{ id: 1, businessNo, propertyAreaName: '景田花园', categoryName: '物业费', summary: '物业费', status: WorkflowStatus.ENTRY, statusLabel: '已录入（区局办理）', enteredAt: '2026-01-01T00:00:00Z', reasons: [], similarity: 0.9 }],
  });

  it('waits until the form is still for 400 ms, asks once per distinct question, and shows only a duplicate', async () => {
    const { timers, advance } = manualTimers();
    const check = vi.fn(async (_query: DisputeDuplicateQuery) => found('JF-1'));
    const show = vi.fn();
    const watch = duplicateWatch(check, show, 400, timers);

    watch.update({ summary: '物业费上涨' });
    watch.update({ summary: '物业费上涨引' });
    watch.update({ summary: '物业费上涨引发' });
    advance(399);
    expect(check).not.toHaveBeenCalled();
    advance(1);
    expect(check).toHaveBeenCalledTimes(1);
    expect(check).toHaveBeenCalledWith({ summary: '物业费上涨引发' });
    await flush();
    expect(show).toHaveBeenLastCalledWith(found('JF-1'));

    // a change elsewhere in the form (the same question) asks nothing again
    watch.update({ summary: '物业费上涨引发', demand: '退费' } as EntryFormValues);
    advance(1000);
    expect(check).toHaveBeenCalledTimes(1);

    // no duplicate: nothing shown
    check.mockResolvedValueOnce({ duplicate: false, items: [], windowDays: 180 });
    watch.update({ summary: '电梯故障长期未修' });
    advance(400);
    await flush();
    expect(show).toHaveBeenLastCalledWith(null);
  });

  it('drops an answer that arrives after the form changed, hides the warning when nothing is left to ask, and never fails', async () => {
    const { timers, advance } = manualTimers();
    let answerFirst: (result: DisputeDuplicateResult) => void = () => undefined;
    const check = vi.fn((query: DisputeDuplicateQuery) => (query.summary === '第一次的纠纷简述' ? new Promise<DisputeDuplicateResult>((resolve) => (answerFirst = resolve)) : Promise.resolve(found('JF-2'))));
    const show = vi.fn();
    const watch = duplicateWatch(check, show, 400, timers);

    watch.update({ summary: '第一次的纠纷简述' });
    advance(400);
    watch.update({ summary: '第二次的纠纷简述' });
    advance(400);
    await flush();
    answerFirst(found('JF-stale'));
    await flush();
    expect(show.mock.calls.map(([r]) => r?.items[0].businessNo ?? null)).toEqual(['JF-2']);

    watch.update({ summary: '短' });
    expect(show).toHaveBeenLastCalledWith(null);

    check.mockRejectedValueOnce(new Error('network'));
    watch.update({ propertyAreaId: 1, categoryId: 1 });
    advance(400);
    await flush();
    expect(show).toHaveBeenLastCalledWith(null);

    // disposed (the page left): a pending question is never asked
    watch.update({ propertyAreaId: 2, categoryId: 1 });
    watch.dispose();
    advance(400);
    expect(check).toHaveBeenCalledTimes(3);
  });
});

describe('disputes: the detail\'s buttons', () => {
  it('shows a button per allowed action in a fixed order, one 审核 for both decisions', () => {
    expect(detailButtons([WorkflowAction.EDIT, WorkflowAction.TRANSFER, WorkflowAction.HANDLE]).map((b) => b.label)).toEqual(['转办', '处理', '修改']);
    expect(detailButtons([WorkflowAction.APPROVE_CLOSE, WorkflowAction.SEND_BACK, WorkflowAction.EDIT]).map((b) => b.key)).toEqual(['review', 'edit']);
    expect(detailButtons([WorkflowAction.RETURN_TO_PREVIOUS, WorkflowAction.HANDLE]).map((b) => b.label)).toEqual(['处理', '退回区局']);
    expect(detailButtons([])).toEqual([]);
  });

  it('offers the review decisions allowed, 驳回重报 first', () => {
    expect(reviewDecisions([WorkflowAction.APPROVE_CLOSE, WorkflowAction.SEND_BACK])).toEqual([WorkflowAction.SEND_BACK, WorkflowAction.APPROVE_CLOSE]);
    expect(reviewDecisions([WorkflowAction.APPROVE_CLOSE])).toEqual([WorkflowAction.APPROVE_CLOSE]);
  });

  it('names 处理\'s submit by who handles it and words the 转办 confirmation', () => {
    expect(handleSubmitLabel({ withStreet: true })).toBe('办结');
    expect(handleSubmitLabel({ withStreet: false })).toBe('申请办结');
    expect(transferConfirmText({ streetName: '园岭街道' })).toBe('确定转办至园岭街道?');
  });
});

describe('disputes: 待办事项 → 办理', () => {
  it('opens a dispute case from its workflow case id on a routed page', () => {
    expect(casePagePath(DISPUTE_FORM_TYPE, 42)).toBe('/disputes/case/42');
    expect(disputesSection.routes.map((r) => r.path)).toContain('/disputes/case/:caseId');
    expect(Object.values(disputesSection.hiddenRoutes ?? {}).flat().map((r) => r.path)).toContain('/disputes/case/:caseId');
  });
});
