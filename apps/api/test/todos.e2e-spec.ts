import { Role, TodoCounts, WorkflowAction as A, WorkflowCaseDetail, WorkflowCaseSummary } from '@szpm/contract';
import { WorkflowService } from '../src/modules/workflow/workflow.service';
import { FUTIAN_ID } from '../src/seed/shenzhen';
import { startTestApp, TestApp } from './support/test-app';
import { actorOf, AddressChangePayload, companyIn, createOfficer, OFFICER_FORM, registerTestForms, SAME_ROLE_FORM, SUBJECT_FORM } from './support/workflow-test-forms';

type ListName = 'pending' | 'handled' | 'to-accept' | 'completed';
const LISTS: ListName[] = ['pending', 'handled', 'to-accept', 'completed'];
const USERS = ['futian.handler', 'futian.handler2', 'futian.supervisor', 'futian.supervisor2', 'nanshan.handler', 'nanshan.supervisor'] as const;
type User = (typeof USERS)[number];

describe('todos (chapter 4)', () => {
  let t: TestApp;
  let workflow: WorkflowService;
  const tokens: Record<string, string> = {};
  let companyId: number;

  const get = (user: string, path: string) => t.http().get(path).set('Authorization', `Bearer ${tokens[user]}`);
  const ids = async (user: User, list: ListName, query = ''): Promise<number[]> => {
    const body = (await get(user, `/api/todos?list=${list}&pageSize=100${query}`).expect(200)).body;
    return body.items.map((i: WorkflowCaseSummary) => i.id);
  };
  /** Which of the four lists of each user hold the case. */
  async function whereIs(caseId: number): Promise<Record<User, ListName[]>> {
    const result = {} as Record<User, ListName[]>;
    for (const user of USERS) {
      result[user] = [];
      for (const list of LISTS) if ((await ids(user, list)).includes(caseId)) result[user].push(list);
    }
    return result;
  }
  const countsNow = async (user: string): Promise<TodoCounts> => (await get(user, '/api/todos/counts').expect(200)).body;
  /** what the demo seed already has waiting (chapter 5's applications wait in 福田区's 待受理) */
  const baseline: Record<string, TodoCounts> = {};
  /** The user's counts beyond the seed's: what this suite's forms put there. */
  const counts = async (user: string): Promise<TodoCounts> => {
    const now = await countsNow(user);
    const before = baseline[user] ?? { pending: 0, handled: 0, toAccept: 0, completed: 0, overdue: 0 };
    return { pending: now.pending - before.pending, handled: now.handled - before.handled, toAccept: now.toAccept - before.toAccept, completed: now.completed - before.completed, overdue: now.overdue - before.overdue };
  };
  async function start(user: string, payload: Partial<AddressChangePayload>, submit = false, formType = OFFICER_FORM) {
    return workflow.start(await actorOf(t, user), formType, payload, { submit });
  }
  async function step(user: string, id: number, action: A, extra: Record<string, unknown> = {}): Promise<WorkflowCaseDetail> {
    const current = (await get(user, `/api/workflow/cases/${id}`).expect(200)).body;
    const response = await t.http().post(`/api/workflow/cases/${id}/actions`).set('Authorization', `Bearer ${tokens[user]}`).send({ action, version: current.version, ...extra });
    if (response.status !== 200) throw new Error(`${user} ${action} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  beforeAll(async () => {
    t = await startTestApp();
    registerTestForms(t);
    workflow = t.app.get(WorkflowService);
    await createOfficer(t, 'futian.supervisor2', Role.DISTRICT_SUPERVISOR, FUTIAN_ID);
    await createOfficer(t, 'futian.handler2', Role.DISTRICT_HANDLER, FUTIAN_ID);
    for (const user of [...USERS, 'demo.company']) tokens[user] = await t.login(user);
    companyId = (await companyIn(t, FUTIAN_ID)).id;
    // this suite counts its own test forms; the demo seed's dispute cases (chapter 22) are the disputes suite's
    await t.dataSource.query("DELETE FROM workflow_actions WHERE caseId IN (SELECT id FROM workflow_cases WHERE formType = 'DISPUTE_CASE')");
    await t.dataSource.query('DELETE FROM dispute_cases');
    await t.dataSource.query("DELETE FROM workflow_cases WHERE formType = 'DISPUTE_CASE'");
    for (const user of USERS) baseline[user] = await countsNow(user);
  });
  afterAll(() => t.close());

  it('starts with nothing waiting but the seed’s filed applications', async () => {
    // nothing but the seed's filed applications (项目登记, 项目经理变更), which wait for any handler of
    // their district with the property-areas grant (not the suite's own officers: they hold chapter 7's) to accept them
    const [{ n }] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM workflow_cases WHERE districtId = ? AND status = 'PENDING_ACCEPTANCE'`, [FUTIAN_ID]);
    expect(Number(n)).toBeGreaterThan(0);
    for (const user of USERS) {
      const toAccept = user === 'futian.handler' ? Number(n) : 0;
      expect(baseline[user]).toEqual({ pending: 0, handled: 0, toAccept, completed: 0, overdue: 0 });
    }
  });

  it('moves an officer form through 待办, 已办 and 已完成', async () => {
    const form = await start('futian.handler', { companyId, address: '待办流转' });
    const empty = Object.fromEntries(USERS.map((u) => [u, []])) as unknown as Record<User, ListName[]>;
    expect(await whereIs(form.id)).toEqual({ ...empty, 'futian.handler': ['pending'] });

    await step('futian.handler', form.id, A.SUBMIT);
    expect(await whereIs(form.id)).toEqual({ ...empty, 'futian.handler': ['handled'], 'futian.supervisor': ['pending'], 'futian.supervisor2': ['pending'] });
    expect(await counts('futian.handler')).toMatchObject({ pending: 0, handled: 1 });
    expect(await counts('futian.supervisor')).toMatchObject({ pending: 1, handled: 0 });

    await step('futian.supervisor', form.id, A.RETURN_TO_PREVIOUS, { opinion: '请补充' });
    expect(await whereIs(form.id)).toEqual({ ...empty, 'futian.handler': ['pending'], 'futian.supervisor': ['handled'] });

    await step('futian.handler', form.id, A.SUBMIT);
    // waiting for the supervisor again: in 待办, not 已办, though he acted on it before
    expect(await whereIs(form.id)).toEqual({ ...empty, 'futian.handler': ['handled'], 'futian.supervisor': ['pending'], 'futian.supervisor2': ['pending'] });

    await step('futian.supervisor2', form.id, A.APPROVE, { opinion: '同意' });
    // 已办 keeps every form the officer acted on, finished or not (chapter 4: 提交后进入“已办”)
    expect(await whereIs(form.id)).toEqual({
      ...empty,
      'futian.handler': ['handled', 'completed'],
      'futian.supervisor': ['handled', 'completed'],
      'futian.supervisor2': ['handled', 'completed'],
    });
    expect(await counts('futian.handler')).toEqual({ pending: 0, handled: 1, toAccept: 0, completed: 1, overdue: 0 });
    expect(await counts('nanshan.handler')).toEqual({ pending: 0, handled: 0, toAccept: 0, completed: 0, overdue: 0 });
  });

  it('keeps an approved form in the 已办 of the reviewer and of the handler who entered it', async () => {
    const form = await start('futian.handler', { companyId, address: '同意后仍在已办' }, true);
    const before = { handler: await counts('futian.handler'), reviewer: await counts('futian.supervisor') };
    await step('futian.supervisor', form.id, A.APPROVE, { opinion: '同意' });
    for (const user of ['futian.handler', 'futian.supervisor'] as const) {
      expect(await ids(user, 'handled')).toContain(form.id);
      expect(await ids(user, 'pending')).not.toContain(form.id);
      const handled = (await get(user, `/api/todos?list=handled&pageSize=100`).expect(200)).body.items.find((i: WorkflowCaseSummary) => i.id === form.id);
      expect(handled).toMatchObject({ status: 'APPROVED' });
    }
    expect((await counts('futian.handler')).handled).toBe(before.handler.handled);
    expect((await counts('futian.supervisor')).handled).toBe(before.reviewer.handled + 1);
    // someone who never acted on it does not see it
    expect(await ids('futian.supervisor2', 'handled')).not.toContain(form.id);
  });

  it('shows filed applications in 待受理 until accepted, then in 待办', async () => {
    const demo = await actorOf(t, 'demo.company');
    const filed = await workflow.file(demo, SUBJECT_FORM, { companyId: demo.unitId!, address: '企业申请' });
    const empty = Object.fromEntries(USERS.map((u) => [u, []])) as unknown as Record<User, ListName[]>;
    // every handler of the district may accept; once accepted it is the acceptor's
    expect(await whereIs(filed.id)).toEqual({ ...empty, 'futian.handler': ['to-accept'], 'futian.handler2': ['to-accept'] });
    expect((await counts('futian.handler')).toAccept).toBe(1);

    await step('futian.handler', filed.id, A.ACCEPT);
    expect(await whereIs(filed.id)).toEqual({ ...empty, 'futian.handler': ['pending'] });
    await step('futian.handler', filed.id, A.PROPOSE_REJECT, { opinion: '拟不同意' });
    expect(await whereIs(filed.id)).toEqual({ ...empty, 'futian.handler': ['handled'], 'futian.supervisor': ['pending'], 'futian.supervisor2': ['pending'] });
    await step('futian.supervisor', filed.id, A.RETURN_FOR_SUPPLEMENT, { opinion: '补充材料' });
    // with the filer now: waiting for no officer, still running for those who acted
    expect(await whereIs(filed.id)).toEqual({ ...empty, 'futian.handler': ['handled'], 'futian.supervisor': ['handled'] });
    await step('demo.company', filed.id, A.RESUBMIT, { payload: { companyId: demo.unitId!, address: '补充后' } });
    expect(await whereIs(filed.id)).toEqual({ ...empty, 'futian.handler': ['to-accept'], 'futian.handler2': ['to-accept'], 'futian.supervisor': ['handled'] });
    await step('futian.handler', filed.id, A.ACCEPT);
    await step('futian.handler', filed.id, A.PROPOSE_REJECT, { opinion: '拟不同意' });
    await step('futian.supervisor2', filed.id, A.REJECT, { opinion: '不同意' });
    expect(await whereIs(filed.id)).toEqual({
      ...empty,
      'futian.handler': ['handled', 'completed'],
      'futian.supervisor': ['handled', 'completed'],
      'futian.supervisor2': ['handled', 'completed'],
    });
  });

  it('keeps a form out of the 待办 of whoever entered it', async () => {
    const own = await start('futian.supervisor', { companyId, address: '自己录入' }, true, SAME_ROLE_FORM);
    expect(await ids('futian.supervisor', 'pending')).not.toContain(own.id);
    expect(await ids('futian.supervisor', 'handled')).toContain(own.id);
    expect(await ids('futian.supervisor2', 'pending')).toContain(own.id);
  });

  it('filters by form type and text, pages, and agrees with the counts', async () => {
    const a = await start('futian.handler', { companyId, address: '筛选甲' });
    const b = await start('futian.handler', { companyId, address: '筛选乙' });
    const pending = (await get('futian.handler', '/api/todos?list=pending&pageSize=100').expect(200)).body;
    expect(pending.items.map((i: WorkflowCaseSummary) => i.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(pending.items[0]).toMatchObject({ businessNo: expect.any(String), formTypeLabel: expect.any(String), statusLabel: '录入初审', initiatorName: expect.any(String) });
    expect(pending.items[0]).not.toHaveProperty('payload');

    const paged = (await get('futian.handler', '/api/todos?list=pending&pageSize=1&page=2').expect(200)).body;
    expect(paged).toMatchObject({ total: pending.total, page: 2, pageSize: 1 });
    expect(paged.items).toHaveLength(1);
    expect(paged.items[0].id).toBe(pending.items[1].id);

    expect(await ids('futian.handler', 'pending', `&search=${b.businessNo}`)).toEqual([b.id]);
    expect(await ids('futian.handler', 'pending', `&formType=${SUBJECT_FORM}`)).toEqual([]);
    expect((await ids('futian.handler', 'pending', `&formType=${OFFICER_FORM}`)).sort()).toEqual(pending.items.map((i: WorkflowCaseSummary) => i.id).sort());

    // a module's own todo page (物业服务评价 我的工作) sees only that module's forms, and so do its badges
    expect((await ids('futian.handler', 'pending', '&module=service-evaluation')).sort()).toEqual(pending.items.map((i: WorkflowCaseSummary) => i.id).sort());
    expect(await ids('futian.handler', 'pending', '&module=disputes')).toEqual([]);
    expect((await get('futian.handler', '/api/todos/counts?module=disputes').expect(200)).body).toEqual({ pending: 0, handled: 0, toAccept: 0, completed: 0, overdue: 0 });
    expect((await get('futian.handler', '/api/todos/counts?module=service-evaluation').expect(200)).body.pending).toBe(pending.total);
    expect((await get('futian.handler', '/api/todos?module=nope').expect(400)).body.details[0].field).toBe('module');

    for (const user of USERS) {
      // the badge as the home shows it (the seed's waiting applications included), against the lists
      const badge = await countsNow(user);
      const totals: number[] = [];
      for (const list of LISTS) totals.push((await get(user, `/api/todos?list=${list}&pageSize=1`).expect(200)).body.total);
      expect(totals).toEqual([badge.pending, badge.handled, badge.toAccept, badge.completed]);
    }
  });

  it('marks a form sent back (退回) as returned in the lists until it is submitted again', async () => {
    const form = await start('futian.handler', { companyId, address: '退回标记' }, true);
    const row = async (user: User, list: ListName) =>
      (await get(user, `/api/todos?list=${list}&pageSize=100`).expect(200)).body.items.find((i: WorkflowCaseSummary) => i.id === form.id);
    expect(await row('futian.supervisor', 'pending')).toMatchObject({ returned: false });

    await step('futian.supervisor', form.id, A.RETURN_TO_PREVIOUS, { opinion: '请补充现场照片' });
    expect(await row('futian.handler', 'pending')).toMatchObject({ returned: true, status: 'ENTRY' });
    const queried = (await get('futian.supervisor', '/api/workflow/cases?pageSize=100').expect(200)).body.items.find((i: WorkflowCaseSummary) => i.id === form.id);
    expect(queried).toMatchObject({ returned: true });
    expect((await get('futian.handler', `/api/workflow/cases/${form.id}`).expect(200)).body.returned).toBe(true);

    await step('futian.handler', form.id, A.SUBMIT);
    expect(await row('futian.supervisor', 'pending')).toMatchObject({ returned: false });
    expect(await row('futian.handler', 'handled')).toMatchObject({ returned: false });
  });

  it('refuses bad queries and callers without the module', async () => {
    expect((await get('futian.handler', '/api/todos?list=mine').expect(400)).body.details[0].field).toBe('list');
    expect((await get('futian.handler', '/api/todos?pageSize=1000').expect(400)).body.details[0].field).toBe('pageSize');
    expect((await get('futian.handler', '/api/todos?formType=NOPE').expect(400)).body.code).toBe('WORKFLOW_FORM_TYPE_UNKNOWN');
    expect((await get('demo.company', '/api/todos').expect(403)).body.code).toBe('MODULE_NOT_GRANTED');
    await t.http().get('/api/todos/counts').expect(401);
  });
});
