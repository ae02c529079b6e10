import {
  DisputeDetail,
  DisputeDisposal,
  DisputeDuplicateResult,
  DisputeInput,
  DisputeLedgerPage,
  DisputeOutcome,
  DisputePartyKind,
  DisputeSource,
  DisputeUrgency,
  MESSAGE_LINKS,
  PetitionCategory,
  PetitionForm,
  WorkflowAction,
  WorkflowStatus,
} from '@szpm/contract';
import { shanghaiDate } from '../src/common/http/shanghai-time';
import { DisputeDeadlines } from '../src/modules/disputes/dispute-deadlines.service';
import { addWorkingDays, previousWorkingDay } from '../src/modules/disputes/working-days';
import { FUTIAN_ID, NANSHAN_ID } from '../src/seed/shenzhen';
import ExcelJS from 'exceljs';
import { binaryBody } from './support/binary-body';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(180_000);

type Raw = Record<string, unknown>;

/** Issue 16, chapter 22 纠纷化解台账: 录入, 转办, 处理, 审核, 修改, 历程, the ledgers, refusals and deadlines. */
describe('disputes (chapter 22 纠纷化解台账)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const auth = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const get = (user: string, path: string) => t.http().get(path).set(auth(user));
  const post = (user: string, path: string, body: object) => t.http().post(path).set(auth(user)).send(body);
  const patch = (user: string, path: string, body: object) => t.http().patch(path).set(auth(user)).send(body);
  const sql = async <T = Raw>(query: string, params: unknown[] = []) => (await t.dataSource.query(query, params)) as T[];
  const count = async (query: string, params: unknown[] = []) => Number((await sql<{ n: number | string }>(query, params))[0].n);

  let yuanling: number;
  let community: number;
  let area: number;
  let twoAreas: { street: number; community: number; first: number; second: number };
  let otherStreetCase: { street: number; community: number; area: number };
  let categoryId: number;
  let parkingCategory: number;
  const today = shanghaiDate(new Date());

  const input = (overrides: Partial<DisputeInput> = {}): DisputeInput => ({
    streetId: yuanling,
    communityId: community,
    propertyAreaId: area,
    address: '3栋地下车库',
    categoryId,
    summary: '3栋地下车库车位长期被外来车辆占用，业主多次投诉无果',
    demand: '物业清理占用车辆并加强管理',
    peopleCount: 6,
    applicant: { kind: DisputePartyKind.OWNER, name: '张业主', phone: '13800138000' },
    respondent: { kind: DisputePartyKind.PROPERTY_COMPANY, name: '某物业服务公司', phone: null },
    source: DisputeSource.HOTLINE_12345,
    urgency: DisputeUrgency.NORMAL,
    petition: null,
    ...overrides,
  });
  const enter = async (overrides: Partial<DisputeInput> = {}, user = 'futian.handler') => (await post(user, '/api/disputes', input(overrides)).expect(201)).body as DisputeDetail;
  const detail = async (id: number, user = 'futian.handler') => (await get(user, `/api/disputes/${id}`).expect(200)).body as DisputeDetail;
  const handleBody = (version: number, overrides: object = {}) => ({
    version,
    disposal: DisputeDisposal.RESOLVE,
    outcome: DisputeOutcome.SETTLED,
    repliedAt: today,
    handlingNote: '组织双方调解，物业清理占用车辆并设置道闸',
    issues: null,
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestApp({ env: { DISPUTE_EXPORT_STREAM_MAX_ROWS: '3' } });
    for (const user of ['city.admin', 'futian.lead', 'futian.handler', 'futian.supervisor', 'nanshan.handler', 'futian.street.yuanling', 'futian.street.xiangmihu']) tokens[user] = await t.login(user);
    yuanling = Number((await sql<{ streetId: number }>("SELECT streetId FROM accounts WHERE username = 'futian.street.yuanling'"))[0].streetId);
    const [found] = await sql<{ community: number; area: number }>(
      "SELECT c.id AS community, MIN(a.id) AS area FROM regions c JOIN property_areas a ON a.communityId = c.id WHERE c.parentId = ? AND c.level = 'COMMUNITY' GROUP BY c.id ORDER BY COUNT(a.id) DESC, c.id LIMIT 1",
      [yuanling],
    );
    community = Number(found.community);
    area = Number(found.area);
    // 修改 moves a case to another 小区 of its community: a 福田 community with two areas
    const [pair] = await sql<{ street: number; community: number; first: number; second: number }>(
      "SELECT c.parentId AS street, c.id AS community, MIN(a.id) AS first, MAX(a.id) AS second FROM regions c JOIN property_areas a ON a.communityId = c.id WHERE c.districtId = ? AND c.level = 'COMMUNITY' GROUP BY c.id, c.parentId HAVING COUNT(a.id) >= 2 ORDER BY c.id LIMIT 1",
      [FUTIAN_ID],
    );
    twoAreas = { street: Number(pair.street), community: Number(pair.community), first: Number(pair.first), second: Number(pair.second) };
    const xiangmihu = Number((await sql<{ streetId: number }>("SELECT streetId FROM accounts WHERE username = 'futian.street.xiangmihu'"))[0].streetId);
    const [other] = await sql<{ community: number; area: number }>("SELECT c.id AS community, MIN(a.id) AS area FROM regions c JOIN property_areas a ON a.communityId = c.id WHERE c.parentId = ? AND c.level = 'COMMUNITY' GROUP BY c.id ORDER BY c.id LIMIT 1", [xiangmihu]);
    otherStreetCase = { street: xiangmihu, community: Number(other.community), area: Number(other.area) };
    const categories = (await get('futian.handler', '/api/disputes/categories').expect(200)).body as Array<{ id: number; name: string }>;
    categoryId = categories.find((c) => c.name === '物业费追索')!.id;
    parkingCategory = categories.find((c) => c.name === '停车纠纷')!.id;
  });
  afterAll(() => t.close());

  describe('录入', () => {
    it('names every missing required field in one 400 and writes nothing', async () => {
      const before = await count('SELECT COUNT(*) AS n FROM dispute_cases');
      const res = await post('futian.handler', '/api/disputes', { streetId: yuanling }).expect(400);
      const fields = (res.body.details as Array<{ field: string }>).map((d) => d.field);
      for (const field of ['communityId', 'propertyAreaId', 'categoryId', 'summary', 'demand', 'peopleCount', 'applicant', 'respondent', 'source', 'urgency']) expect(fields).toContain(field);
      expect(await count('SELECT COUNT(*) AS n FROM dispute_cases')).toBe(before);
      expect(await count('SELECT COUNT(*) AS n FROM workflow_cases WHERE formType = ?', ['DISPUTE_CASE'])).toBe(before);
    });

    it('counts a new case in the ledgers at once (the kept totals are emptied by every write)', async () => {
      const total = async (ledger: string) => ((await get('futian.handler', `/api/disputes?ledger=${ledger}`).expect(200)).body as DisputeLedgerPage).total;
      const [unfinished, all] = [await total('unfinished'), await total('all')];
      await enter();
      expect(await total('unfinished')).toBe(unfinished + 1);
      expect(await total('all')).toBe(all + 1);
    });

    it('defaults 办理时限 from the category in working days and refuses a past one', async () => {
      const defaulted = (await get('futian.handler', `/api/disputes/deadline-default?categoryId=${categoryId}`).expect(200)).body;
      expect(defaulted.deadline).toBe(addWorkingDays(today, defaulted.workingDays));
      const created = await enter();
      expect(created.deadline).toBe(defaulted.deadline);
      expect(created.status).toBe(WorkflowStatus.ENTRY);
      expect(created.allowedActions).toEqual(expect.arrayContaining([WorkflowAction.TRANSFER, WorkflowAction.HANDLE, WorkflowAction.EDIT]));
      const past = await post('futian.handler', '/api/disputes', input({ deadline: '2020-01-01' })).expect(400);
      expect(past.body.code).toBe('DISPUTE_DEADLINE_IN_PAST');
      expect(past.body.details[0].field).toBe('deadline');
    });

    it('refuses an area outside the community, a community outside the street, and another district', async () => {
      const wrongArea = await post('futian.handler', '/api/disputes', input({ propertyAreaId: otherStreetCase.area })).expect(400);
      expect(wrongArea.body.code).toBe('DISPUTE_AREA_NOT_IN_COMMUNITY');
      const wrongCommunity = await post('futian.handler', '/api/disputes', input({ communityId: otherStreetCase.community })).expect(400);
      expect(wrongCommunity.body.code).toBe('DISPUTE_COMMUNITY_NOT_IN_STREET');
      const nanshan = await post('nanshan.handler', '/api/disputes', input()).expect(403);
      expect(nanshan.body.code).toBe('OUT_OF_DISTRICT');
      // street offices do not enter cases
      await post('futian.street.yuanling', '/api/disputes', input()).expect(403);
    });

    it('warns of earlier cases of the same category in the same area, the same petitioner phone, or a similar summary', async () => {
      const first = await enter({ categoryId: parkingCategory, petition: { petitionNo: 'XF-2026-001', petitioner: '李信访', phone: '13900139000', form: PetitionForm.VISIT, date: today, collective: false, category: PetitionCategory.APPEAL } });
      const same = (await get('futian.handler', `/api/disputes/duplicates?propertyAreaId=${area}&categoryId=${parkingCategory}`).expect(200)).body as DisputeDuplicateResult;
      expect(same.duplicate).toBe(true);
      expect(same.items.find((i) => i.id === first.id)!.reasons).toContain('SAME_CATEGORY_AREA');
      const phone = (await get('futian.handler', '/api/disputes/duplicates?petitionerPhone=13900139000').expect(200)).body as DisputeDuplicateResult;
      expect(phone.items.map((i) => i.id)).toContain(first.id);
      const similar = (await get('futian.handler', `/api/disputes/duplicates?propertyAreaId=${area}&summary=${encodeURIComponent('地下车库车位长期被外来车辆占用，3栋业主多次投诉')}`).expect(200)).body as DisputeDuplicateResult;
      expect(similar.items.find((i) => i.id === first.id)!.reasons).toContain('SIMILAR_SUMMARY');
      const none = (await get('futian.handler', `/api/disputes/duplicates?propertyAreaId=${area}&summary=${encodeURIComponent('业委会换届选举程序存在争议需要指导')}`).expect(200)).body as DisputeDuplicateResult;
      expect(none.items.map((i) => i.id)).not.toContain(first.id);
      // never for another district
      const nanshan = (await get('nanshan.handler', '/api/disputes/duplicates?petitionerPhone=13900139000').expect(200)).body as DisputeDuplicateResult;
      expect(nanshan.items.map((i) => i.id)).not.toContain(first.id);
    });
  });

  describe('问题分类 catalogue', () => {
    it('is kept by the city admin only; a name is unique; a retired category is refused for new cases', async () => {
      await post('futian.handler', '/api/disputes/categories', { name: '测试分类', timeLimitWorkingDays: 5 }).expect(403);
      const created = (await post('city.admin', '/api/disputes/categories', { name: '测试分类', timeLimitWorkingDays: 5 }).expect(201)).body;
      const taken = await post('city.admin', '/api/disputes/categories', { name: '测试分类', timeLimitWorkingDays: 3 }).expect(409);
      expect(taken.body.code).toBe('DISPUTE_CATEGORY_NAME_TAKEN');
      const bad = await post('city.admin', '/api/disputes/categories', { name: '', timeLimitWorkingDays: 0 }).expect(400);
      expect((bad.body.details as Array<{ field: string }>).map((d) => d.field).sort()).toEqual(['name', 'timeLimitWorkingDays']);
      const defaulted = (await get('futian.handler', `/api/disputes/deadline-default?categoryId=${created.id}`).expect(200)).body;
      expect(defaulted).toEqual({ categoryId: created.id, workingDays: 5, deadline: addWorkingDays(today, 5) });
      expect((await get('futian.handler', '/api/disputes/deadline-default').expect(400)).body.details[0].field).toBe('categoryId');
      await t.http().patch(`/api/disputes/categories/${created.id}`).set(auth('city.admin')).send({ name: '测试分类', timeLimitWorkingDays: 5, active: false }).expect(200);
      const retired = await post('futian.handler', '/api/disputes', input({ categoryId: created.id })).expect(400);
      expect(retired.body.code).toBe('DISPUTE_CATEGORY_INACTIVE');
      expect(retired.body.details[0].field).toBe('categoryId');
    });
  });

  describe('the whole path: enter → transfer → street handles → send back → handles again → close', () => {
    it('keeps all six steps in 历程 and the ledger row in step', async () => {
      const created = await enter();
      // before 转办 the street office does not see it
      await get('futian.street.yuanling', `/api/disputes/${created.id}`).expect(403);

      const transferred = (await post('futian.handler', `/api/disputes/${created.id}/transfer`, { version: created.version }).expect(200)).body as DisputeDetail;
      expect(transferred.status).toBe(WorkflowStatus.STREET_HANDLING);
      expect(transferred.withStreet).toBe(true);
      // the street office is told, with a link to the case
      const [notice] = await sql<{ link: string }>(
        "SELECT c.link AS link FROM notification_deliveries d JOIN notification_campaigns c ON c.id = d.campaignId JOIN accounts a ON a.id = d.recipientId WHERE a.username = 'futian.street.yuanling' ORDER BY d.id DESC LIMIT 1",
      );
      expect(notice.link).toBe(MESSAGE_LINKS.disputeDetail(created.id));
      // the other street does not see it or act on it, nor does another district; the own street does, with its step
      await get('futian.street.xiangmihu', `/api/disputes/${created.id}`).expect(403);
      await post('futian.street.xiangmihu', `/api/disputes/${created.id}/handle`, handleBody(transferred.version)).expect(403);
      await post('nanshan.handler', `/api/disputes/${created.id}/return`, { version: transferred.version, reason: '越权' }).expect(403);
      const atStreet = await detail(created.id, 'futian.street.yuanling');
      expect(atStreet.allowedActions).toEqual(expect.arrayContaining([WorkflowAction.HANDLE, WorkflowAction.RETURN_TO_PREVIOUS]));

      // 处置情况 without 处置方式, a reply before entry: refused, nothing written
      const noDisposal = await post('futian.street.yuanling', `/api/disputes/${created.id}/handle`, handleBody(atStreet.version, { disposal: undefined })).expect(400);
      expect(noDisposal.body.code).toBe('DISPUTE_OUTCOME_WITHOUT_DISPOSAL');
      expect(noDisposal.body.details[0].field).toBe('disposal');
      const early = await post('futian.street.yuanling', `/api/disputes/${created.id}/handle`, handleBody(atStreet.version, { repliedAt: '2020-01-01' })).expect(400);
      expect(early.body.code).toBe('DISPUTE_REPLIED_BEFORE_ENTRY');
      expect((await detail(created.id)).version).toBe(atStreet.version);

      const handled = (await post('futian.street.yuanling', `/api/disputes/${created.id}/handle`, handleBody(atStreet.version)).expect(200)).body as DisputeDetail;
      expect(handled.status).toBe(WorkflowStatus.STREET_REVIEW);
      expect(handled.disposal).toBe(DisputeDisposal.RESOLVE);

      const noOpinion = await post('futian.handler', `/api/disputes/${created.id}/review`, { version: handled.version, decision: WorkflowAction.SEND_BACK }).expect(400);
      expect(noOpinion.body.details[0].field).toBe('opinion');
      const sentBack = (await post('futian.handler', `/api/disputes/${created.id}/review`, { version: handled.version, decision: WorkflowAction.SEND_BACK, opinion: '答复材料不全，请补充调解记录' }).expect(200)).body as DisputeDetail;
      expect(sentBack.status).toBe(WorkflowStatus.STREET_HANDLING);
      expect(sentBack.sendBackCount).toBe(1);

      const again = (await post('futian.street.yuanling', `/api/disputes/${created.id}/handle`, handleBody(sentBack.version, { outcome: DisputeOutcome.CLOSED_UNSETTLED, handlingNote: '已补充调解记录，双方仍有分歧，转入回访' })).expect(200)).body as DisputeDetail;
      const closed = (await post('futian.handler', `/api/disputes/${created.id}/review`, { version: again.version, decision: WorkflowAction.APPROVE_CLOSE, opinion: '同意办结' }).expect(200)).body as DisputeDetail;
      expect(closed.status).toBe(WorkflowStatus.APPROVED);
      expect(closed.followUp).toBe(true);
      expect(closed.closedAt).not.toBeNull();
      expect(closed.history.map((h) => h.action)).toEqual([WorkflowAction.CREATE, WorkflowAction.TRANSFER, WorkflowAction.HANDLE, WorkflowAction.SEND_BACK, WorkflowAction.HANDLE, WorkflowAction.APPROVE_CLOSE]);
      expect(closed.history[3].opinion).toBe('答复材料不全，请补充调解记录');
      expect(closed.history[2].actorName).not.toBe(closed.history[3].actorName);
      // a todo names the workflow case: it opens the same case
      expect(((await get('futian.handler', `/api/disputes/cases/${closed.caseId}`).expect(200)).body as DisputeDetail).id).toBe(created.id);
      await get('nanshan.handler', `/api/disputes/cases/${closed.caseId}`).expect(403);

      // the ledgers: closed in 已办结 and 总台账, not in 未办结; the street sees it in its own
      const finished = (await get('futian.handler', '/api/disputes?ledger=finished&pageSize=100').expect(200)).body as DisputeLedgerPage;
      expect(finished.items.map((i) => i.id)).toContain(created.id);
      const unfinished = (await get('futian.handler', '/api/disputes?ledger=unfinished&pageSize=100').expect(200)).body as DisputeLedgerPage;
      expect(unfinished.items.map((i) => i.id)).not.toContain(created.id);
      const streetAll = (await get('futian.street.yuanling', '/api/disputes?ledger=all&pageSize=100').expect(200)).body as DisputeLedgerPage;
      expect(streetAll.items.every((i) => i.streetId === yuanling && i.transferred)).toBe(true);
      expect(streetAll.items.map((i) => i.id)).toContain(created.id);
      const otherStreet = (await get('futian.street.xiangmihu', '/api/disputes?pageSize=100').expect(200)).body as DisputeLedgerPage;
      expect(otherStreet.items.map((i) => i.id)).not.toContain(created.id);
      // nothing changes a closed case
      const late = await patch('futian.handler', `/api/disputes/${created.id}`, { ...input(), version: closed.version }).expect(409);
      expect(late.body.code).toBe('DISPUTE_CLOSED');
    });

    it('lets the street return a case to the district with a reason', async () => {
      const created = await enter();
      const transferred = (await post('futian.handler', `/api/disputes/${created.id}/transfer`, { version: created.version }).expect(200)).body as DisputeDetail;
      await post('futian.street.yuanling', `/api/disputes/${created.id}/return`, { version: transferred.version }).expect(400);
      const returned = (await post('futian.street.yuanling', `/api/disputes/${created.id}/return`, { version: transferred.version, reason: '不属于本街道职责范围' }).expect(200)).body as DisputeDetail;
      expect(returned.status).toBe(WorkflowStatus.ENTRY);
      expect(returned.withStreet).toBe(false);
      expect(returned.history.at(-1)!.opinion).toBe('不属于本街道职责范围');
    });
  });

  describe('district handling and separation of duties', () => {
    it('sends a district-handled case to the supervisor, who may not be its handler', async () => {
      const created = await enter({}, 'futian.supervisor');
      const handled = (await post('futian.supervisor', `/api/disputes/${created.id}/handle`, handleBody(created.version)).expect(200)).body as DisputeDetail;
      expect(handled.status).toBe(WorkflowStatus.REVIEW);
      const self = await post('futian.supervisor', `/api/disputes/${created.id}/review`, { version: handled.version, decision: WorkflowAction.APPROVE_CLOSE }).expect(403);
      expect(['DISPUTE_SELF_REVIEW', 'WORKFLOW_SELF_REVIEW']).toContain(self.body.code);
      // the handler is not a reviewer of district-handled cases
      await post('futian.handler', `/api/disputes/${created.id}/review`, { version: handled.version, decision: WorkflowAction.APPROVE_CLOSE }).expect(403);
      const closed = (await post('futian.lead', `/api/disputes/${created.id}/review`, { version: handled.version, decision: WorkflowAction.APPROVE_CLOSE }).expect(200)).body as DisputeDetail;
      expect(closed.status).toBe(WorkflowStatus.APPROVED);
      expect(closed.followUp).toBe(false);
    });

    it('lets exactly one of two simultaneous transfers win', async () => {
      const created = await enter();
      const answers = await Promise.all([
        post('futian.handler', `/api/disputes/${created.id}/transfer`, { version: created.version }),
        post('futian.supervisor', `/api/disputes/${created.id}/transfer`, { version: created.version }),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      expect(await count("SELECT COUNT(*) AS n FROM workflow_actions WHERE caseId = ? AND action = 'TRANSFER'", [created.caseId])).toBe(1);
      expect(await count('SELECT transferCount AS n FROM dispute_cases WHERE id = ?', [created.id])).toBe(1);
    });

    it('lets exactly one of two simultaneous reviews win', async () => {
      const created = await enter();
      const transferred = (await post('futian.handler', `/api/disputes/${created.id}/transfer`, { version: created.version }).expect(200)).body as DisputeDetail;
      const handled = (await post('futian.street.yuanling', `/api/disputes/${created.id}/handle`, handleBody(transferred.version)).expect(200)).body as DisputeDetail;
      const answers = await Promise.all([
        post('futian.handler', `/api/disputes/${created.id}/review`, { version: handled.version, decision: WorkflowAction.APPROVE_CLOSE }),
        post('futian.supervisor', `/api/disputes/${created.id}/review`, { version: handled.version, decision: WorkflowAction.SEND_BACK, opinion: '请补充材料' }),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      const [row] = await sql<{ status: string; sendBackCount: number }>('SELECT status, sendBackCount FROM dispute_cases WHERE id = ?', [created.id]);
      const winner = answers.find((a) => a.status === 200)!.body as DisputeDetail;
      expect(row.status).toBe(winner.status);
      expect(Number(row.sendBackCount)).toBe(winner.status === WorkflowStatus.APPROVED ? 0 : 1);
    });
  });

  describe('修改', () => {
    it('changes the area, business and 信访 fields with before / after in 历程, and refuses the region fields', async () => {
      const base = { streetId: twoAreas.street, communityId: twoAreas.community, propertyAreaId: twoAreas.first };
      const created = await enter(base);
      const locked = await patch('futian.handler', `/api/disputes/${created.id}`, { ...input({ ...base, streetId: otherStreetCase.street }), version: created.version }).expect(400);
      expect(locked.body.code).toBe('DISPUTE_REGION_LOCKED');
      expect(locked.body.details[0].field).toBe('streetId');
      const district = await patch('futian.handler', `/api/disputes/${created.id}`, { ...input(base), districtId: NANSHAN_ID, version: created.version }).expect(400);
      expect(district.body.details[0].field).toBe('districtId');
      const deadline = addWorkingDays(today, 20);
      const edited = (await patch('futian.handler', `/api/disputes/${created.id}`, { ...input({ ...base, propertyAreaId: twoAreas.second, categoryId: parkingCategory, deadline }), districtId: FUTIAN_ID, version: created.version }).expect(200)).body as DisputeDetail;
      expect(edited.propertyAreaId).toBe(twoAreas.second);
      expect(edited.deadline).toBe(deadline);
      const entry = edited.history.at(-1)!;
      expect(entry.action).toBe(WorkflowAction.EDIT);
      expect(entry.remark).toContain('问题分类：物业费追索 → 停车纠纷');
      expect(entry.remark).toContain(`办理时限：${created.deadline} → ${deadline}`);
      expect(entry.remark).toMatch(/小区名称：.+ → .+/);
    });
  });

  describe('deadlines', () => {
    it('reminds the holder one working day before and on the day, once each', async () => {
      const created = await enter();
      const transferred = (await post('futian.handler', `/api/disputes/${created.id}/transfer`, { version: created.version }).expect(200)).body as DisputeDetail;
      const deadlines = t.app.get(DisputeDeadlines);
      const dayBefore = previousWorkingDay(transferred.deadline);
      const at = (day: string) => new Date(deadlines.reminderTime(day).getTime() + 60_000);
      const reminders = () => count("SELECT COUNT(*) AS n FROM notification_campaigns WHERE subjectId = ? AND subjectType IN ('DISPUTE_DUE_SOON', 'DISPUTE_DUE_TODAY')", [created.id]);
      expect(await deadlines.remindIfDue(created.id, at(dayBefore))).toBe(true);
      expect(await deadlines.remindIfDue(created.id, at(dayBefore))).toBe(false);
      // the sweep finds the others due that day, never this one again
      await deadlines.sweep(at(dayBefore));
      expect(await reminders()).toBe(1);
      expect(await deadlines.sweep(at(transferred.deadline))).toBeGreaterThanOrEqual(1);
      expect(await reminders()).toBe(2);
      const [row] = await sql<{ remindedBeforeFor: string; remindedDueFor: string }>('SELECT remindedBeforeFor, remindedDueFor FROM dispute_cases WHERE id = ?', [created.id]);
      expect(row).toEqual({ remindedBeforeFor: transferred.deadline, remindedDueFor: transferred.deadline });
    });

    it('counts an unclosed case past its deadline as overdue in the ledger', async () => {
      const created = await enter();
      await t.dataSource.query('UPDATE dispute_cases SET deadline = ? WHERE id = ?', ['2020-01-02', created.id]);
      const page = (await get('futian.handler', '/api/disputes?ledger=unfinished&overdue=true&pageSize=100').expect(200)).body as DisputeLedgerPage;
      expect(page.items.map((i) => i.id)).toContain(created.id);
      expect(page.items.every((i) => i.overdue)).toBe(true);
      expect(page.overdue).toBe(page.total);
      // and in the holder's todo badge
      const badge = (await get('futian.handler', '/api/todos/counts?module=disputes').expect(200)).body;
      expect(badge.overdue).toBe(await count("SELECT COUNT(*) AS n FROM dispute_cases WHERE districtId = ? AND closed = ? AND deadline < ? AND status IN ('ENTRY', 'STREET_REVIEW')", [FUTIAN_ID, false, today]));
      expect(badge.overdue).toBeGreaterThanOrEqual(1);
    });
  });

  describe('the ledgers', () => {
    it('searches by 小区名称, 处置方式, 处置情况 and 化解疏导情况, and keeps to the district', async () => {
      const [{ name }] = await sql<{ name: string }>('SELECT name FROM property_areas WHERE id = ?', [area]);
      const byArea = (await get('futian.handler', `/api/disputes?propertyAreaName=${encodeURIComponent(name.slice(0, 3))}&pageSize=100`).expect(200)).body as DisputeLedgerPage;
      expect(byArea.total).toBeGreaterThan(0);
      expect(byArea.items.every((i) => i.propertyAreaName.includes(name.slice(0, 3)))).toBe(true);
      const byNote = (await get('futian.handler', `/api/disputes?handlingNote=${encodeURIComponent('设置道闸')}&disposal=RESOLVE&pageSize=100`).expect(200)).body as DisputeLedgerPage;
      expect(byNote.total).toBeGreaterThan(0);
      expect(byNote.items.every((i) => i.disposal === DisputeDisposal.RESOLVE && i.handlingNote!.includes('设置道闸'))).toBe(true);
      const settled = (await get('futian.handler', '/api/disputes?outcome=SETTLED&pageSize=100').expect(200)).body as DisputeLedgerPage;
      expect(settled.items.every((i) => i.outcome === DisputeOutcome.SETTLED)).toBe(true);
      const nanshan = (await get('nanshan.handler', '/api/disputes?pageSize=100').expect(200)).body as DisputeLedgerPage;
      expect(nanshan.items.every((i) => i.districtId === NANSHAN_ID)).toBe(true);
      const sorted = (await get('futian.handler', '/api/disputes?sort=deadline&order=ASC&pageSize=100').expect(200)).body as DisputeLedgerPage;
      const deadlines = sorted.items.map((i) => i.deadline);
      expect(deadlines).toEqual([...deadlines].sort());
      await get('nanshan.handler', `/api/disputes?streetId=${yuanling}`).expect(403);
    });
  });
  describe('statistics and export', () => {
    it('counts by street from the same rows the cells list, with 案结事了率 and 平均办理天数', async () => {
      const stats = (await get('futian.lead', '/api/disputes/statistics').expect(200)).body;
      expect(stats.level).toBe('STREET');
      expect(stats.total.entered).toBe(await count('SELECT COUNT(*) AS n FROM dispute_cases WHERE districtId = ?', [FUTIAN_ID]));
      expect(stats.total.closed).toBe(await count('SELECT COUNT(*) AS n FROM dispute_cases WHERE districtId = ? AND closed = ?', [FUTIAN_ID, true]));
      expect(stats.total.sentBack).toBe(await count('SELECT COALESCE(SUM(sendBackCount), 0) AS n FROM dispute_cases WHERE districtId = ?', [FUTIAN_ID]));
      const settled = await count('SELECT COUNT(*) AS n FROM dispute_cases WHERE districtId = ? AND closed = ? AND outcome = ?', [FUTIAN_ID, true, 'SETTLED']);
      expect(stats.total.settledRate).toBe(Math.round((settled / stats.total.closed) * 10000) / 100);
      const row = stats.items.find((i: { regionId: number }) => i.regionId === yuanling);
      const cells = (await get('futian.lead', `/api/disputes/statistics/cells?regionId=${yuanling}&counter=closed&pageSize=100`).expect(200)).body;
      expect(cells.total).toBe(row.closed);
      expect(cells.items.every((i: { status: string; streetId: number }) => i.status === WorkflowStatus.APPROVED && i.streetId === yuanling)).toBe(true);
      const categories = (await get('futian.lead', '/api/disputes/statistics/categories').expect(200)).body as Array<{ entered: number }>;
      expect(categories.reduce((n, c) => n + c.entered, 0)).toBe(stats.total.entered);
      await get('futian.lead', `/api/disputes/statistics?districtId=${NANSHAN_ID}`).expect(403);
      expect((await get('futian.lead', '/api/disputes/statistics/cells?counter=nonsense').expect(400)).body.details[0].field).toBe('counter');
      const file = await get('futian.lead', '/api/disputes/statistics/export').buffer(true).parse(binaryBody).expect(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file.body as ArrayBuffer);
      expect(book.worksheets.map((w) => w.name)).toEqual(['按区域', '按问题分类']);
    });

    it('streams a small filtered ledger and sends a large one to the download list', async () => {
      const filter = `ledger=finished&handlingNote=${encodeURIComponent('设置道闸')}`;
      const expected = ((await get('futian.handler', `/api/disputes?${filter}`).expect(200)).body as DisputeLedgerPage).total;
      expect(expected).toBeGreaterThan(0);
      expect(expected).toBeLessThanOrEqual(3);
      const file = await get('futian.handler', `/api/disputes/export?${filter}`).buffer(true).parse(binaryBody).expect(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file.body as ArrayBuffer);
      expect(book.worksheets[0].rowCount).toBe(expected + 1);
      expect(book.worksheets[0].getRow(1).getCell(1).value).toBe('编号');

      const all = ((await get('futian.handler', '/api/disputes?ledger=all').expect(200)).body as DisputeLedgerPage).total;
      const started = await get('futian.handler', '/api/disputes/export?ledger=all').expect(202);
      expect(started.body.message).toBe('文件正在生成，完成后可在下载列表下载');
      let download: { id: number; status: string; rowsWritten: number } | undefined;
      for (let i = 0; i < 50 && download?.status !== 'DONE'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        download = ((await get('futian.handler', '/api/downloads').expect(200)).body as Array<{ id: number; status: string; rowsWritten: number }>).find((d) => d.id === started.body.downloadId);
      }
      expect(download!.status).toBe('DONE');
      expect(download!.rowsWritten).toBe(all);
      const background = await get('futian.handler', `/api/downloads/${started.body.downloadId}/file`).buffer(true).parse(binaryBody).expect(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(background.body as ArrayBuffer);
      expect(workbook.worksheets[0].rowCount).toBe(all + 1);
    });
  });
  describe('导入 (已办结台账)', () => {
    const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    let names: { street: string; community: string; area: string };
    const headers = async (): Promise<string[]> => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await get('futian.handler', '/api/disputes/import/template').buffer(true).parse(binaryBody).expect(200)).body as ArrayBuffer);
      return (workbook.worksheets[0].getRow(1).values as string[]).slice(1);
    };
    const sheet = async (rows: Array<Array<string | number | null>>, header?: string[]) => {
      const workbook = new ExcelJS.Workbook();
      const ws = workbook.addWorksheet('已办结台账');
      ws.addRow(header ?? (await headers()));
      rows.forEach((r) => ws.addRow(r));
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };
    const upload = (file: Buffer, query = '') => t.http().post(`/api/disputes/import${query}`).set(auth('futian.handler')).attach('file', file, { filename: '已办结台账.xlsx', contentType: XLSX });
    const row = (n: number, overrides: Partial<Record<'street' | 'area' | 'replied' | 'closed' | 'petitioner' | 'form', string | null>> = {}) => [
      overrides.street ?? names.street, names.community, overrides.area ?? names.area, `${n}栋`, '物业费追索', `导入案件${n}：业主拖欠物业费`, '补缴物业费', 2,
      '物业服务企业', '某物业', null, '业主', `业主${n}`, '13800138001', '12345热线', '一般',
      null, overrides.petitioner ?? null, null, overrides.form ?? null, null, null, null,
      '2026-10-08', '2026-10-22', '化解', '案结事了', overrides.replied ?? '2026-10-15', `导入调解说明${n}`, null, overrides.closed ?? '2026-10-20',
    ];

    beforeAll(async () => {
      const [found] = await sql<{ street: string; community: string; area: string }>('SELECT s.name AS street, c.name AS community, a.name AS area FROM property_areas a JOIN regions c ON c.id = a.communityId JOIN regions s ON s.id = c.parentId WHERE a.id = ?', [area]);
      names = found;
    });

    it('refuses a sheet with a wrong header and writes nothing', async () => {
      const before = await count('SELECT COUNT(*) AS n FROM dispute_cases');
      const wrong = await upload(await sheet([row(1)], ['街道', '社区'])).expect(400);
      expect(wrong.body.code).toBe('IMPORT_HEADER_MISMATCH');
      expect(await count('SELECT COUNT(*) AS n FROM dispute_cases')).toBe(before);
    });

    it('reports bad rows in a dry run, refuses them all-or-nothing, and imports the valid rows with their batch in 历程', async () => {
      const before = await count('SELECT COUNT(*) AS n FROM dispute_cases');
      const file = await sheet([row(1), row(2, { street: '不存在街道' }), row(3, { replied: '2026-10-01' }), row(4, { petitioner: '王信访' }), row(5)]);
      const dry = (await upload(file, '?dryRun=true').expect(200)).body;
      expect(dry.total).toBe(5);
      expect(dry.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([[3, '所属街道'], [4, '答复日期'], [5, '信访形式']]);
      const refused = await upload(file).expect(400);
      expect(refused.body.code).toBe('IMPORT_ROWS_INVALID');
      expect(await count('SELECT COUNT(*) AS n FROM dispute_cases')).toBe(before);

      const report = (await upload(file, '?mode=valid-rows').expect(200)).body;
      expect(report.imported).toBe(2);
      expect(await count('SELECT COUNT(*) AS n FROM dispute_cases')).toBe(before + 2);
      const page = (await get('futian.handler', `/api/disputes?ledger=finished&handlingNote=${encodeURIComponent('导入调解说明')}&pageSize=10`).expect(200)).body as DisputeLedgerPage;
      expect(page.total).toBe(2);
      const imported = await detail(page.items[0].id);
      expect(imported.status).toBe(WorkflowStatus.APPROVED);
      expect(imported.importBatchNo).toMatch(/^DI-\d{8}-\d+$/);
      expect(imported.history).toHaveLength(1);
      expect(imported.history[0].remark).toContain(imported.importBatchNo!);
      expect(imported.handling!.handlingNote).toMatch(/^导入调解说明/);
      expect(imported.enteredAt.slice(0, 10)).toBe('2026-10-08');
      // street offices do not import
      await t.http().post('/api/disputes/import').set(auth('futian.street.yuanling')).attach('file', file, { filename: 'x.xlsx', contentType: XLSX }).expect(403);
    });
  });
});
