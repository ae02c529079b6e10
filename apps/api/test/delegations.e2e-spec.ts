import { BadRecordItemView, DelegationState, DelegationStatus, DelegationView, ModuleKey, Role, WorkflowAction as A, WorkflowCaseDetail, WorkflowCaseSummary } from '@szpm/contract';
import { Account } from '../src/access/entities/account.entity';
import { AuditLog } from '../src/access/entities/audit-log.entity';
import { shanghaiDate } from '../src/common/http/shanghai-time';
import { Delegation } from '../src/modules/delegations/entities/delegation.entity';
import { PropertyCompany } from '../src/modules/regions/entities/property-company.entity';
import { JOBS } from '../src/queue/jobs';
import { FUTIAN_ID } from '../src/seed/shenzhen';
import { startTestApp, TestApp } from './support/test-app';
import { createOfficer } from './support/workflow-test-forms';

const HOUR = 3600_000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

describe('delegations (代办委托)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const names: Record<string, string> = {};
  let catalogue: BadRecordItemView[];
  let companyIds: number[];
  let nextCompany = 0;

  const auth = (user: string, onBehalfOf?: string) => ({
    Authorization: `Bearer ${tokens[user]}`,
    ...(onBehalfOf ? { 'X-On-Behalf-Of': String(ids[onBehalfOf]) } : {}),
  });
  const get = (user: string, path: string, onBehalfOf?: string) => t.http().get(path).set(auth(user, onBehalfOf));
  const post = (user: string, path: string, body: object = {}, onBehalfOf?: string) => t.http().post(path).set(auth(user, onBehalfOf)).send(body);
  const delegate = (from: string, body: Record<string, unknown>) => post(from, '/api/delegations', { allModules: false, modules: [ModuleKey.SERVICE_EVALUATION], endAt: inHours(24), matters: '休假期间代为审核物业服务评价业务', ...body });
  const stored = (id: number) => t.dataSource.getRepository(Delegation).findOneByOrFail({ id });

  /** The handler enters a bad-record determination and submits it: it waits for a supervisor's review. */
  async function formAwaitingReview(): Promise<WorkflowCaseDetail> {
    const item = catalogue.find((i) => i.code === 'CONTRACT_FILING')!;
    const body = {
      subjectType: 'COMPANY',
      subjectId: companyIds[nextCompany++],
      itemId: item.id,
      circumstanceId: item.circumstances[0].id,
      factDate: shanghaiDate(new Date()),
      documentNo: `深福住建责〔2026〕${nextCompany}号`,
      description: '未按规定办理物业服务合同备案',
    };
    return (await post('futian.handler', '/api/service-evaluation/bad-records/determinations', body).expect(201)).body;
  }
  const pendingIds = async (user: string, onBehalfOf?: string): Promise<number[]> =>
    (await get(user, '/api/todos?list=pending&pageSize=100', onBehalfOf).expect(200)).body.items.map((c: WorkflowCaseSummary) => c.id);
  const approve = (user: string, form: WorkflowCaseDetail, onBehalfOf?: string) =>
    post(user, `/api/workflow/cases/${form.id}/actions`, { action: A.APPROVE, version: form.version, opinion: '同意' }, onBehalfOf);

  beforeAll(async () => {
    t = await startTestApp();
    await createOfficer(t, 'futian.handler2', Role.DISTRICT_HANDLER, FUTIAN_ID);
    const users = ['futian.supervisor', 'futian.lead', 'futian.handler', 'futian.handler2', 'nanshan.lead', 'nanshan.supervisor', 'city.admin', 'demo.company'];
    for (const user of users) {
      tokens[user] = await t.login(user);
      const account = await t.dataSource.getRepository(Account).findOneByOrFail({ username: user });
      ids[user] = account.id;
      names[user] = account.name;
    }
    catalogue = (await get('futian.handler', '/api/service-evaluation/catalogue/bad-record-items').expect(200)).body;
    companyIds = (await t.dataSource.getRepository(PropertyCompany).find({ where: { registeredDistrictId: FUTIAN_ID }, order: { id: 'ASC' } })).map((c) => c.id);
  });
  afterAll(() => t.close());

  it('offers the colleagues of the same district bureau and the modules the officer holds', async () => {
    const candidates: Array<{ id: number }> = (await get('futian.supervisor', '/api/delegations/candidates').expect(200)).body;
    const candidateIds = candidates.map((c) => c.id);
    expect(candidateIds).toEqual(expect.arrayContaining([ids['futian.lead'], ids['futian.handler'], ids['futian.handler2']]));
    expect(candidateIds).not.toContain(ids['futian.supervisor']);
    expect(candidateIds).not.toContain(ids['nanshan.lead']);
    expect(candidateIds).not.toContain(ids['demo.company']);
    const modules: Array<{ module: ModuleKey }> = (await get('futian.supervisor', '/api/delegations/modules').expect(200)).body;
    expect(modules.map((m) => m.module)).toEqual(expect.arrayContaining([ModuleKey.SERVICE_EVALUATION, ModuleKey.DISPUTES]));
    expect(modules.map((m) => m.module)).not.toContain(ModuleKey.SAFE_COMMUNITY);
    await get('city.admin', '/api/delegations/candidates').expect(403);
    await get('demo.company', '/api/delegations/given').expect(403);
  });

  it('refuses delegations to oneself, across districts, to units, of grants not held, with a bad period', async () => {
    const expectRefusal = async (body: Record<string, unknown>, status: number, code: string, field?: string) => {
      const response = await delegate('futian.supervisor', body).expect(status);
      expect(response.body.code).toBe(code);
      if (field) expect(response.body.details[0].field).toBe(field);
    };
    await expectRefusal({ delegateId: ids['futian.supervisor'] }, 400, 'DELEGATION_TO_SELF', 'delegateId');
    await expectRefusal({ delegateId: ids['nanshan.lead'] }, 400, 'DELEGATION_DELEGATE_NOT_COLLEAGUE', 'delegateId');
    await expectRefusal({ delegateId: ids['demo.company'] }, 400, 'DELEGATION_DELEGATE_NOT_COLLEAGUE', 'delegateId');
    await expectRefusal({ delegateId: ids['futian.lead'], modules: [ModuleKey.SAFE_COMMUNITY] }, 400, 'DELEGATION_MODULE_NOT_HELD', 'modules');
    await expectRefusal({ delegateId: ids['futian.lead'], startAt: inHours(5), endAt: inHours(4) }, 400, 'DELEGATION_INVALID_PERIOD', 'endAt');
    await expectRefusal({ delegateId: ids['futian.lead'], endAt: inHours(-1) }, 400, 'DELEGATION_INVALID_PERIOD', 'endAt');
    await expectRefusal({ delegateId: ids['futian.lead'], allModules: false, modules: undefined }, 400, 'VALIDATION_FAILED', 'modules');
    expect((await t.dataSource.getRepository(Delegation).count())).toBe(0);
  });

  it('lets the delegate see and act on the delegator’s todos, recorded as “B on behalf of A” in the history and the audit log', async () => {
    const created: DelegationView = (await delegate('futian.supervisor', { delegateId: ids['futian.lead'] }).expect(201)).body;
    expect(created).toMatchObject({ delegatorName: names['futian.supervisor'], delegateName: names['futian.lead'], state: DelegationState.IN_EFFECT, stateLabel: '委托中', inEffect: true });
    expect(created.modules).toEqual([{ module: ModuleKey.SERVICE_EVALUATION, label: '物业服务评价' }]);
    const given = (await get('futian.supervisor', '/api/delegations/given').expect(200)).body;
    expect(given.items.map((d: DelegationView) => d.id)).toEqual([created.id]);
    const received = (await get('futian.lead', '/api/delegations/received?state=IN_EFFECT').expect(200)).body;
    expect(received.items.map((d: DelegationView) => d.id)).toEqual([created.id]);

    const form = await formAwaitingReview();
    // as themself, the lead neither sees the review in 待办 nor may approve it
    expect(await pendingIds('futian.lead')).not.toContain(form.id);
    await approve('futian.lead', form).expect(403);
    // on behalf of the supervisor: the supervisor's 待办, and the approval
    expect(await pendingIds('futian.lead', 'futian.supervisor')).toContain(form.id);
    const asSeen: WorkflowCaseDetail = (await get('futian.lead', `/api/workflow/cases/${form.id}`, 'futian.supervisor').expect(200)).body;
    expect(asSeen.allowedActions).toContain(A.APPROVE);
    const approved: WorkflowCaseDetail = (await approve('futian.lead', form, 'futian.supervisor').expect(200)).body;
    expect(approved.status).toBe('APPROVED');
    expect(approved.history[approved.history.length - 1]).toMatchObject({
      action: A.APPROVE,
      actorId: ids['futian.lead'],
      actorName: names['futian.lead'],
      actorRole: Role.DISTRICT_SUPERVISOR,
      onBehalfOfId: ids['futian.supervisor'],
      onBehalfOfName: names['futian.supervisor'],
    });
    // the entry by the handler is not delegated work
    expect(approved.history[0]).toMatchObject({ actorName: names['futian.handler'], onBehalfOfId: null, onBehalfOfName: null });
    const audit = await t.dataSource.getRepository(AuditLog).findOneByOrFail({ action: 'workflow.act', targetId: String(form.id), statusCode: 200 });
    expect(audit).toMatchObject({ actorId: ids['futian.lead'], onBehalfOfId: ids['futian.supervisor'] });
    // the supervisor sees it in 已完成: the delegate's work counts as theirs
    const completed = (await get('futian.supervisor', '/api/todos?list=completed').expect(200)).body.items.map((c: WorkflowCaseSummary) => c.id);
    expect(completed).toContain(form.id);

    // only the delegated modules (and 待办) are lent: the supervisor's staff directory is not
    await get('futian.supervisor', '/api/permissions/staff').expect(200);
    expect((await get('futian.lead', '/api/permissions/staff', 'futian.supervisor').expect(403)).body.code).toBe('MODULE_NOT_GRANTED');
  });

  it('refuses re-delegation, overlapping delegations of the same grant, acting without a delegation and across districts', async () => {
    // delegated grants cannot be delegated onwards
    const onwards = await post('futian.lead', '/api/delegations', { delegateId: ids['futian.handler2'], allModules: true, endAt: inHours(2), matters: '转委托' }, 'futian.supervisor').expect(403);
    expect(onwards.body.code).toBe('DELEGATION_NO_REDELEGATION');
    // the same grant is already lent for this period
    const overlapping = await delegate('futian.supervisor', { delegateId: ids['futian.handler2'], startAt: inHours(12), endAt: inHours(48) }).expect(409);
    expect(overlapping.body.code).toBe('DELEGATION_OVERLAPPING');
    expect(overlapping.body.details.modules).toEqual([ModuleKey.SERVICE_EVALUATION]);
    // another module for the same period, and the same module after the running one ends, are fine
    await delegate('futian.supervisor', { delegateId: ids['futian.handler2'], modules: [ModuleKey.DISPUTES] }).expect(201);
    await delegate('futian.supervisor', { delegateId: ids['futian.handler2'], startAt: inHours(30), endAt: inHours(40) }).expect(201);
    // nobody delegated to these callers
    expect((await get('futian.handler', '/api/todos', 'futian.supervisor').expect(403)).body.code).toBe('DELEGATION_NOT_IN_EFFECT');
    expect((await get('nanshan.lead', '/api/todos', 'futian.supervisor').expect(403)).body.code).toBe('DELEGATION_NOT_IN_EFFECT');
    expect((await get('futian.lead', '/api/todos', 'nanshan.supervisor').expect(403)).body.code).toBe('DELEGATION_NOT_IN_EFFECT');
    const badHeader = await t.http().get('/api/todos').set({ Authorization: `Bearer ${tokens['futian.lead']}`, 'X-On-Behalf-Of': 'abc' }).expect(400);
    expect(badHeader.body).toMatchObject({ code: 'DELEGATION_INVALID_HEADER', details: [{ field: 'X-On-Behalf-Of' }] });
    // a delegation recorded across districts (e.g. after an officer moved) lends nothing
    await t.dataSource.getRepository(Delegation).insert({
      delegatorId: ids['nanshan.supervisor'],
      delegatorName: names['nanshan.supervisor'],
      delegateId: ids['futian.lead'],
      delegateName: names['futian.lead'],
      districtId: FUTIAN_ID,
      allModules: true,
      modules: [ModuleKey.SERVICE_EVALUATION],
      matters: '跨区',
      startAt: new Date(Date.now() - HOUR),
      endAt: new Date(Date.now() + HOUR),
      status: DelegationStatus.ACTIVE,
      terminatedAt: null,
      expiredAt: null,
    });
    expect((await get('futian.lead', '/api/todos', 'nanshan.supervisor').expect(403)).body.code).toBe('DELEGATION_NOT_IN_EFFECT');
  });

  it('refuses acting before the start and after termination', async () => {
    const later: DelegationView = (await delegate('futian.handler', { delegateId: ids['futian.handler2'], modules: [ModuleKey.SERVICE_EVALUATION], startAt: inHours(1), endAt: inHours(3) }).expect(201)).body;
    expect(later).toMatchObject({ state: DelegationState.NOT_STARTED, stateLabel: '未开始', inEffect: false });
    expect((await get('futian.handler2', '/api/todos', 'futian.handler').expect(403)).body.code).toBe('DELEGATION_NOT_IN_EFFECT');

    const received: DelegationView[] = (await get('futian.lead', '/api/delegations/received?state=IN_EFFECT').expect(200)).body.items;
    const running = received.find((d) => d.delegatorId === ids['futian.supervisor'])!;
    await get('futian.lead', '/api/todos', 'futian.supervisor').expect(200);
    // only the delegator terminates
    expect((await post('futian.lead', `/api/delegations/${running.id}/terminate`).expect(403)).body.code).toBe('DELEGATION_NOT_DELEGATOR');
    await post('futian.handler', `/api/delegations/${running.id}/terminate`).expect(404);
    const terminated: DelegationView = (await post('futian.supervisor', `/api/delegations/${running.id}/terminate`).expect(200)).body;
    expect(terminated).toMatchObject({ status: DelegationStatus.TERMINATED, state: DelegationState.TERMINATED, stateLabel: '已终止', inEffect: false });
    expect(terminated.terminatedAt).not.toBeNull();
    expect((await get('futian.lead', '/api/todos', 'futian.supervisor').expect(403)).body.code).toBe('DELEGATION_NOT_IN_EFFECT');
    const form = await formAwaitingReview();
    expect((await approve('futian.lead', form, 'futian.supervisor').expect(403)).body.code).toBe('DELEGATION_NOT_IN_EFFECT');
    expect((await post('futian.supervisor', `/api/delegations/${running.id}/terminate`).expect(409)).body.code).toBe('DELEGATION_ALREADY_ENDED');
    // a delegation that has not begun can be called off too
    await post('futian.handler', `/api/delegations/${later.id}/terminate`).expect(200);
    const states = (await get('futian.supervisor', '/api/delegations/given?state=TERMINATED').expect(200)).body.items.map((d: DelegationView) => d.id);
    expect(states).toEqual([running.id]);
  });

  it('ends by itself at the end time: refused at once, and the expiry job marks it 已到期', async () => {
    // a delegation whose end comes in a moment: its own delayed job ends it
    const brief: DelegationView = (await delegate('futian.supervisor', { delegateId: ids['futian.lead'], endAt: new Date(Date.now() + 1500).toISOString() }).expect(201)).body;
    await get('futian.lead', '/api/todos', 'futian.supervisor').expect(200);
    await waitFor(async () => (await stored(brief.id)).status === DelegationStatus.EXPIRED, 'the delegation’s expiry job');
    expect((await get('futian.lead', '/api/todos', 'futian.supervisor').expect(403)).body.code).toBe('DELEGATION_NOT_IN_EFFECT');
    expect((await stored(brief.id)).expiredAt).not.toBeNull();

    // time passes for a long delegation: refused as soon as the end time is past, ended by the sweep
    const long: DelegationView = (await delegate('futian.supervisor', { delegateId: ids['futian.lead'], endAt: inHours(20) }).expect(201)).body;
    const form = await formAwaitingReview();
    expect(await pendingIds('futian.lead', 'futian.supervisor')).toContain(form.id);
    await t.dataSource.getRepository(Delegation).update({ id: long.id }, { startAt: new Date(Date.now() - 2 * HOUR), endAt: new Date(Date.now() - 1000) });
    expect((await get('futian.lead', '/api/todos', 'futian.supervisor').expect(403)).body.code).toBe('DELEGATION_NOT_IN_EFFECT');
    expect((await get('futian.supervisor', `/api/delegations/${long.id}`).expect(200)).body).toMatchObject({ status: DelegationStatus.ACTIVE, state: DelegationState.EXPIRED });
    await t.queue.add(JOBS.expireDueDelegations, {}, { jobId: `test-expire-due-${long.id}` });
    await waitFor(async () => (await stored(long.id)).status === DelegationStatus.EXPIRED, 'the expiry sweep');
    const expired = (await get('futian.lead', '/api/delegations/received?state=EXPIRED').expect(200)).body.items.map((d: DelegationView) => d.id);
    expect(expired).toEqual(expect.arrayContaining([brief.id, long.id]));
    // the supervisor can still approve it themself
    const current: WorkflowCaseDetail = (await get('futian.supervisor', `/api/workflow/cases/${form.id}`).expect(200)).body;
    await approve('futian.supervisor', current).expect(200);
  });
});

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
