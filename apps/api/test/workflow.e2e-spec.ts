import { LessThan } from 'typeorm';
import { ATTACHMENT_MAX_BYTES, Role, WorkflowAction as A, WorkflowCaseDetail, WorkflowStatus as S } from '@szpm/contract';
import { Account } from '../src/access/entities/account.entity';
import { shanghaiDate } from '../src/common/http/shanghai-time';
import { PropertyCompany } from '../src/modules/regions/entities/property-company.entity';
import { WorkflowActionRecord } from '../src/modules/workflow/entities/workflow-action-record.entity';
import { WorkflowCase } from '../src/modules/workflow/entities/workflow-case.entity';
import { StartOptions, WorkflowService } from '../src/modules/workflow/workflow.service';
import { FUTIAN_ID, NANSHAN_ID } from '../src/seed/shenzhen';
import { In } from 'typeorm';
import { startTestApp, TestApp } from './support/test-app';
import {
  actorOf,
  AddressChangePayload,
  companyIn,
  createOfficer,
  FAILING_ADDRESS,
  HookCall,
  OFFICER_FORM,
  PNG_BYTES,
  prepareSeam,
  registerTestForms,
  SAME_ROLE_FORM,
  SUBJECT_FORM,
} from './support/workflow-test-forms';

describe('workflow engine', () => {
  let t: TestApp;
  let hooks: HookCall[];
  let workflow: WorkflowService;
  const tokens: Record<string, string> = {};
  let futianCompany: PropertyCompany;
  let nanshanCompany: PropertyCompany;
  let demoCompanyId: number;

  const get = (user: string, path: string) => t.http().get(path).set('Authorization', `Bearer ${tokens[user]}`);
  const post = (user: string, path: string, body: unknown) => t.http().post(path).set('Authorization', `Bearer ${tokens[user]}`).send(body as object);
  const act = (user: string, id: number, body: Record<string, unknown>) => post(user, `/api/workflow/cases/${id}/actions`, body);
  const detail = async (user: string, id: number): Promise<WorkflowCaseDetail> => (await get(user, `/api/workflow/cases/${id}`).expect(200)).body;
  const companyAddress = async (id: number) => (await t.dataSource.getRepository(PropertyCompany).findOneByOrFail({ id })).address;

  async function start(user: string, payload: Partial<AddressChangePayload>, options: StartOptions = {}, formType = OFFICER_FORM): Promise<WorkflowCaseDetail> {
    return workflow.start(await actorOf(t, user), formType, payload, options);
  }
  async function file(user: string, payload: Partial<AddressChangePayload>, attachmentIds?: number[]): Promise<WorkflowCaseDetail> {
    return workflow.file(await actorOf(t, user), SUBJECT_FORM, payload, { attachmentIds, remark: '请核实' });
  }
  /** Acts and expects 200; returns the new detail. */
  async function step(user: string, id: number, action: A, extra: Record<string, unknown> = {}): Promise<WorkflowCaseDetail> {
    const current = await detail(user, id);
    const response = await act(user, id, { action, version: current.version, ...extra });
    if (response.status !== 200) throw new Error(`${user} ${action} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }
  function upload(user: string, fileName: string, content: Buffer) {
    return t.http().post('/api/attachments').set('Authorization', `Bearer ${tokens[user]}`).attach('file', content, fileName);
  }

  beforeAll(async () => {
    t = await startTestApp();
    hooks = registerTestForms(t);
    workflow = t.app.get(WorkflowService);
    await createOfficer(t, 'futian.supervisor2', Role.DISTRICT_SUPERVISOR, FUTIAN_ID);
    await createOfficer(t, 'futian.handler2', Role.DISTRICT_HANDLER, FUTIAN_ID);
    for (const user of ['futian.handler', 'futian.handler2', 'futian.supervisor', 'futian.supervisor2', 'futian.lead', 'nanshan.handler', 'nanshan.supervisor', 'city.admin', 'demo.company']) {
      tokens[user] = await t.login(user);
    }
    futianCompany = await companyIn(t, FUTIAN_ID);
    nanshanCompany = await companyIn(t, NANSHAN_ID);
    demoCompanyId = (await t.dataSource.getRepository(Account).findOneByOrFail({ username: 'demo.company' })).unitId!;
  });
  afterAll(() => t.close());

  describe('officer forms: 录入初审 → 认定审核', () => {
    it('runs entry, edit, submit, return, resubmit and approval, keeping the full history', async () => {
      const before = await companyAddress(futianCompany.id);
      const created = await start('futian.handler', { companyId: futianCompany.id, address: '福田区福华路1号', reason: '迁址', companyName: '客户端填写的名称' }, { opinion: '先暂存' });
      expect(created).toMatchObject({ status: S.ENTRY, formType: OFFICER_FORM, formTypeLabel: '测试：企业地址变更', districtId: FUTIAN_ID, version: 1, finishedAt: null });
      expect(created.businessNo).toMatch(new RegExp(`^TAC-${shanghaiDate(new Date()).replace(/-/g, '')}-\\d{4}$`));
      expect(created.payload).toMatchObject({ companyName: futianCompany.name, address: '福田区福华路1号' });
      expect(created).toMatchObject({ subjectType: 'PROPERTY_COMPANY', subjectId: futianCompany.id, subjectName: futianCompany.name, title: `${futianCompany.name}注册地址变更` });
      expect(created.allowedActions).toEqual([A.EDIT, A.SUBMIT]);
      expect((await detail('futian.supervisor', created.id)).allowedActions).toEqual([]);
      expect(hooks.filter((h) => h.context.caseId === created.id).map((h) => h.hook)).toEqual(['onCreated']);

      const edited = await step('futian.handler', created.id, A.EDIT, { payload: { companyId: futianCompany.id, address: '福田区福华路2号' } });
      expect(edited).toMatchObject({ status: S.ENTRY, version: 2 });
      expect(edited.payload.address).toBe('福田区福华路2号');
      expect(edited.originalPayload.address).toBe('福田区福华路1号');

      const submitted = await step('futian.handler', created.id, A.SUBMIT, { remark: '请审核' });
      expect(submitted).toMatchObject({ status: S.REVIEW, version: 3, allowedActions: [] });
      expect((await detail('futian.supervisor', created.id)).allowedActions).toEqual([A.EDIT, A.APPROVE, A.REJECT, A.RETURN_TO_PREVIOUS]);

      const returned = await step('futian.supervisor', created.id, A.RETURN_TO_PREVIOUS, { opinion: '地址缺少门牌号', remark: '补充后再提交' });
      expect(returned).toMatchObject({ status: S.ENTRY, allowedActions: [] });
      expect((await detail('futian.handler', created.id)).allowedActions).toEqual([A.EDIT, A.SUBMIT]);

      const resubmitted = await step('futian.handler', created.id, A.SUBMIT, { payload: { companyId: futianCompany.id, address: '福田区福华路2号A座' }, opinion: '已补充门牌号' });
      expect(resubmitted).toMatchObject({ status: S.REVIEW });
      expect(await companyAddress(futianCompany.id)).toBe(before);

      const approved = await step('futian.supervisor', created.id, A.APPROVE, { opinion: '同意', remark: '按新地址登记' });
      expect(approved).toMatchObject({ status: S.APPROVED, statusLabel: '已同意', allowedActions: [] });
      expect(approved.finishedAt).not.toBeNull();
      expect(await companyAddress(futianCompany.id)).toBe('福田区福华路2号A座');
      const approvedHook = hooks.find((h) => h.hook === 'onApproved' && h.context.caseId === created.id)!;
      expect(approvedHook.context).toMatchObject({ businessNo: created.businessNo, districtId: FUTIAN_ID });
      expect(approvedHook.payload).toBeInstanceOf(AddressChangePayload);

      const handler = await t.dataSource.getRepository(Account).findOneByOrFail({ username: 'futian.handler' });
      const supervisor = await t.dataSource.getRepository(Account).findOneByOrFail({ username: 'futian.supervisor' });
      expect(approved.history.map((h) => [h.seq, h.action, h.fromStatus, h.toStatus, h.actorId, h.actorRole, h.opinion, h.remark])).toEqual([
        [1, A.CREATE, null, S.ENTRY, handler.id, Role.DISTRICT_HANDLER, '先暂存', null],
        [2, A.EDIT, S.ENTRY, S.ENTRY, handler.id, Role.DISTRICT_HANDLER, null, null],
        [3, A.SUBMIT, S.ENTRY, S.REVIEW, handler.id, Role.DISTRICT_HANDLER, null, '请审核'],
        [4, A.RETURN_TO_PREVIOUS, S.REVIEW, S.ENTRY, supervisor.id, Role.DISTRICT_SUPERVISOR, '地址缺少门牌号', '补充后再提交'],
        [5, A.EDIT, S.ENTRY, S.ENTRY, handler.id, Role.DISTRICT_HANDLER, null, null],
        [6, A.SUBMIT, S.ENTRY, S.REVIEW, handler.id, Role.DISTRICT_HANDLER, '已补充门牌号', null],
        [7, A.APPROVE, S.REVIEW, S.APPROVED, supervisor.id, Role.DISTRICT_SUPERVISOR, '同意', '按新地址登记'],
      ]);
      expect(approved.history[3]).toMatchObject({ actionLabel: '退回上一级', actorName: supervisor.name, actorRoleLabel: '物业服务评价区负责人', onBehalfOfId: null });
      expect(new Date(approved.history[6].at).getTime()).toBeGreaterThan(Date.now() - 60_000);

      // finished: nothing more can happen
      const again = await act('futian.supervisor', created.id, { action: A.REJECT, version: approved.version, opinion: '再次' }).expect(409);
      expect(again.body.code).toBe('WORKFLOW_ACTION_NOT_ALLOWED');
    });

    it('starts and submits in one call, numbering forms of the day in sequence', async () => {
      const first = await start('futian.handler', { companyId: futianCompany.id, address: '一号' }, { submit: true, opinion: '请审核' });
      const second = await start('futian.handler', { companyId: futianCompany.id, address: '二号' }, { submit: true });
      expect(first.status).toBe(S.REVIEW);
      expect(first.history.map((h) => [h.action, h.toStatus, h.opinion])).toEqual([
        [A.CREATE, S.ENTRY, null],
        [A.SUBMIT, S.REVIEW, '请审核'],
      ]);
      const seq = (no: string) => Number(no.split('-')[2]);
      expect(seq(second.businessNo)).toBe(seq(first.businessNo) + 1);
    });

    it('keeps reviewers’ edits in the form until approval (draft copy), and a rejection changes nothing', async () => {
      const company = await companyIn(t, FUTIAN_ID, 1);
      const before = await companyAddress(company.id);
      const rejected = await start('futian.handler', { companyId: company.id, address: '甲地址' }, { submit: true });
      const edited = await step('futian.supervisor', rejected.id, A.EDIT, { payload: { companyId: company.id, address: '审核人修改的地址' } });
      expect(edited).toMatchObject({ status: S.REVIEW, payload: { address: '审核人修改的地址' }, originalPayload: { address: '甲地址' } });
      expect(await companyAddress(company.id)).toBe(before);
      const closed = await step('futian.supervisor', rejected.id, A.REJECT, { opinion: '依据不足' });
      expect(closed).toMatchObject({ status: S.REJECTED, statusLabel: '不同意' });
      expect(await companyAddress(company.id)).toBe(before);
      expect(hooks.filter((h) => h.context.caseId === rejected.id).map((h) => h.hook)).toEqual(['onCreated', 'onRejected']);

      const approvedEdit = await start('futian.handler', { companyId: company.id, address: '乙地址' }, { submit: true });
      const approved = await step('futian.supervisor', approvedEdit.id, A.APPROVE, { opinion: '改后同意', payload: { companyId: company.id, address: '审核人定稿地址' } });
      expect(approved.history.slice(-2).map((h) => h.action)).toEqual([A.EDIT, A.APPROVE]);
      expect(await companyAddress(company.id)).toBe('审核人定稿地址');
    });

    it('rolls back the whole approval when the form’s effect fails', async () => {
      const created = await start('futian.handler', { companyId: futianCompany.id, address: FAILING_ADDRESS }, { submit: true });
      const failed = await act('futian.supervisor', created.id, { action: A.APPROVE, version: created.version, opinion: '同意' }).expect(400);
      expect(failed.body.details[0].field).toBe('address');
      const after = await detail('futian.supervisor', created.id);
      expect(after).toMatchObject({ status: S.REVIEW, version: created.version, finishedAt: null });
      expect(after.history.map((h) => h.action)).toEqual([A.CREATE, A.SUBMIT]);
    });
  });

  describe('who may act', () => {
    let entry: WorkflowCaseDetail;
    let review: WorkflowCaseDetail;

    beforeAll(async () => {
      entry = await start('futian.handler', { companyId: futianCompany.id, address: '权限测试甲' });
      review = await start('futian.handler', { companyId: futianCompany.id, address: '权限测试乙' }, { submit: true });
    });

    it('refuses the wrong role at each step', async () => {
      const bySupervisor = await act('futian.supervisor', entry.id, { action: A.SUBMIT, version: entry.version }).expect(403);
      expect(bySupervisor.body).toMatchObject({ code: 'WORKFLOW_NOT_YOUR_STEP', message: '您的角色不能办理该业务单的当前环节' });
      const byHandler = await act('futian.handler', review.id, { action: A.APPROVE, version: review.version, opinion: '同意' }).expect(403);
      expect(byHandler.body.code).toBe('WORKFLOW_NOT_YOUR_STEP');
      const editByHandler = await act('futian.handler', review.id, { action: A.EDIT, version: review.version, payload: { companyId: futianCompany.id, address: 'x' } }).expect(403);
      expect(editByHandler.body.code).toBe('WORKFLOW_NOT_YOUR_STEP');
      // the district lead reads evaluation forms but does not hold the operate grant nor a step role
      const byLead = await act('futian.lead', review.id, { action: A.APPROVE, version: review.version, opinion: '同意' }).expect(403);
      expect(byLead.body.code).toBe('WORKFLOW_NOT_YOUR_STEP');
      expect((await detail('futian.lead', review.id)).allowedActions).toEqual([]);
      const byCity = await act('city.admin', review.id, { action: A.APPROVE, version: review.version, opinion: '同意' }).expect(403);
      expect(byCity.body.code).toBe('WORKFLOW_NOT_YOUR_STEP');
      await expect(start('futian.supervisor', { companyId: futianCompany.id, address: 'x' })).rejects.toMatchObject({ code: 'WORKFLOW_NOT_YOUR_STEP', status: 403 });
      await expect(start('futian.lead', { companyId: futianCompany.id, address: 'x' })).rejects.toMatchObject({ code: 'MODULE_NOT_GRANTED', status: 403 });
      expect((await detail('futian.supervisor', review.id)).status).toBe(S.REVIEW);
    });

    it('keeps the entry step with the officer who entered or accepted the form', async () => {
      const refused = await act('futian.handler2', entry.id, { action: A.SUBMIT, version: entry.version }).expect(403);
      expect(refused.body.code).toBe('WORKFLOW_NOT_ASSIGNED');
      expect((await detail('futian.handler2', entry.id)).allowedActions).toEqual([]);

      // a return to the previous step comes back to the one who entered it (退回录入初审人)
      const form = await start('futian.handler', { companyId: futianCompany.id, address: '退回给录入人' }, { submit: true });
      await step('futian.supervisor', form.id, A.RETURN_TO_PREVIOUS, { opinion: '退回' });
      expect((await act('futian.handler2', form.id, { action: A.SUBMIT, version: form.version + 1 }).expect(403)).body.code).toBe('WORKFLOW_NOT_ASSIGNED');
      await step('futian.handler', form.id, A.SUBMIT);

      // any handler accepts an application; then it is the acceptor's to check
      const filed = await file('demo.company', { companyId: demoCompanyId, address: '受理人办理' });
      expect((await detail('futian.handler2', filed.id)).allowedActions).toEqual([A.ACCEPT]);
      await step('futian.handler2', filed.id, A.ACCEPT);
      const proposeByOther = await act('futian.handler', filed.id, { action: A.PROPOSE_APPROVE, version: filed.version + 1, opinion: '拟同意' }).expect(403);
      expect(proposeByOther.body.code).toBe('WORKFLOW_NOT_ASSIGNED');
      expect((await step('futian.handler2', filed.id, A.PROPOSE_APPROVE, { opinion: '拟同意' })).status).toBe(S.REVIEW);
    });

    it('refuses another district, and lets the city read', async () => {
      for (const user of ['nanshan.handler', 'nanshan.supervisor']) {
        expect((await get(user, `/api/workflow/cases/${review.id}`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
        expect((await act(user, review.id, { action: A.APPROVE, version: review.version, opinion: '同意' }).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      }
      await expect(start('nanshan.handler', { companyId: futianCompany.id, address: 'x' })).rejects.toMatchObject({ code: 'OUT_OF_DISTRICT' });
      const nanshanCase = await start('nanshan.handler', { companyId: nanshanCompany.id, address: '南山区某地' });
      expect(nanshanCase.districtId).toBe(NANSHAN_ID);
      expect((await get('futian.handler', `/api/workflow/cases/${nanshanCase.id}`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      expect((await detail('city.admin', review.id)).allowedActions).toEqual([]);
      // an evaluated subject of the district, without grants, sees no officer form
      expect((await get('demo.company', `/api/workflow/cases/${review.id}`).expect(403)).body.code).toBe('MODULE_NOT_GRANTED');
    });

    it('answers actions that do not fit the status with 409', async () => {
      const approveAtEntry = await act('futian.supervisor', entry.id, { action: A.APPROVE, version: entry.version, opinion: '同意' }).expect(409);
      expect(approveAtEntry.body).toMatchObject({ code: 'WORKFLOW_ACTION_NOT_ALLOWED', details: { status: S.ENTRY, action: A.APPROVE } });
      const acceptOfficerForm = await act('futian.handler', entry.id, { action: A.ACCEPT, version: entry.version }).expect(409);
      expect(acceptOfficerForm.body.code).toBe('WORKFLOW_ACTION_NOT_ALLOWED');
      const supplementOfficerForm = await act('futian.supervisor', review.id, { action: A.RETURN_FOR_SUPPLEMENT, version: review.version, opinion: '补录' }).expect(409);
      expect(supplementOfficerForm.body.code).toBe('WORKFLOW_ACTION_NOT_ALLOWED');
    });

    it('does not let whoever entered a form review it (separation of duties)', async () => {
      const own = await start('futian.supervisor', { companyId: futianCompany.id, address: '互审' }, { submit: true }, SAME_ROLE_FORM);
      expect(own.allowedActions).toEqual([]);
      for (const action of [A.APPROVE, A.REJECT, A.RETURN_TO_PREVIOUS]) {
        const refused = await act('futian.supervisor', own.id, { action, version: own.version, opinion: '自己审核' }).expect(403);
        expect(refused.body).toMatchObject({ code: 'WORKFLOW_SELF_REVIEW', message: '录入（初审）该业务单的人员不能审核同一业务单' });
      }
      expect((await detail('futian.supervisor2', own.id)).allowedActions).toEqual([A.EDIT, A.APPROVE, A.REJECT, A.RETURN_TO_PREVIOUS]);
      // returned: back with the one who entered it, who submits again and still may not review it
      await step('futian.supervisor2', own.id, A.RETURN_TO_PREVIOUS, { opinion: '请补充' });
      expect((await detail('futian.supervisor', own.id)).allowedActions).toEqual([A.EDIT, A.SUBMIT]);
      expect((await detail('futian.supervisor2', own.id)).allowedActions).toEqual([]);
      const again = await step('futian.supervisor', own.id, A.SUBMIT);
      expect(again.allowedActions).toEqual([]);
      expect((await act('futian.supervisor', own.id, { action: A.APPROVE, version: again.version, opinion: '同意' }).expect(403)).body.code).toBe('WORKFLOW_SELF_REVIEW');
      expect((await step('futian.supervisor2', own.id, A.APPROVE, { opinion: '同意' })).status).toBe(S.APPROVED);
    });
  });

  describe('concurrency', () => {
    it('lets exactly one of two simultaneous approvals through', async () => {
      for (const [first, second] of [
        ['futian.supervisor', 'futian.supervisor2'],
        ['futian.supervisor', 'futian.supervisor'],
      ]) {
        const form = await start('futian.handler', { companyId: futianCompany.id, address: `并发${first}${second}` }, { submit: true });
        const body = { action: A.APPROVE, version: form.version, opinion: '同意' };
        const responses = await Promise.all([act(first, form.id, body), act(second, form.id, { ...body, action: A.REJECT })]);
        expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
        const loser = responses.find((r) => r.status === 409)!;
        expect(loser.body).toMatchObject({ code: 'WORKFLOW_CONFLICT', message: '该业务单已被他人处理，请刷新后重试' });
        const after = await detail('futian.supervisor', form.id);
        expect(after.history.filter((h) => h.action === A.APPROVE || h.action === A.REJECT)).toHaveLength(1);
        expect(after.version).toBe(form.version + 1);
        expect(hooks.filter((h) => h.context.caseId === form.id && h.hook !== 'onCreated')).toHaveLength(1);
      }
    });

    it('refuses the write when another action commits between reading and writing the form', async () => {
      const form = await start('futian.handler', { companyId: futianCompany.id, address: '读写之间' }, { submit: true });
      prepareSeam.run = async () => {
        await t.dataSource.query('UPDATE workflow_cases SET version = version + 1 WHERE id = ?', [form.id]);
      };
      const raced = await act('futian.supervisor', form.id, { action: A.APPROVE, version: form.version, opinion: '同意', payload: { companyId: futianCompany.id, address: '读写之间' } }).expect(409);
      expect(raced.body.code).toBe('WORKFLOW_CONFLICT');
      expect(prepareSeam.run).toBeNull();
      const after = await detail('futian.supervisor', form.id);
      expect(after.status).toBe(S.REVIEW);
      expect(after.history.map((h) => h.action)).toEqual([A.CREATE, A.SUBMIT]);
      expect(hooks.filter((h) => h.context.caseId === form.id).map((h) => h.hook)).toEqual(['onCreated']);
    });

    it('refuses an action based on a stale version', async () => {
      const form = await start('futian.handler', { companyId: futianCompany.id, address: '旧版本' }, { submit: true });
      await step('futian.supervisor', form.id, A.EDIT, { payload: { companyId: futianCompany.id, address: '新版本' } });
      const stale = await act('futian.supervisor2', form.id, { action: A.APPROVE, version: form.version, opinion: '同意' }).expect(409);
      expect(stale.body.code).toBe('WORKFLOW_CONFLICT');
    });
  });

  describe('subject forms: 待受理 → 确认受理 → 初查 → 认定审核', () => {
    it('runs filing, acceptance, proposal and approval', async () => {
      const before = await companyAddress(demoCompanyId);
      const filed = await file('demo.company', { companyId: demoCompanyId, address: '企业申请的新地址' });
      expect(filed).toMatchObject({ status: S.PENDING_ACCEPTANCE, statusLabel: '待受理', origin: 'SUBJECT', districtId: FUTIAN_ID, allowedActions: [] });
      expect(filed.businessNo).toMatch(/^TAO-\d{8}-\d{4}$/);
      expect((await detail('futian.handler', filed.id)).allowedActions).toEqual([A.ACCEPT]);
      expect((await detail('futian.supervisor', filed.id)).allowedActions).toEqual([]);

      const accepted = await step('futian.handler', filed.id, A.ACCEPT);
      expect(accepted).toMatchObject({ status: S.ENTRY, allowedActions: [A.EDIT, A.PROPOSE_APPROVE, A.PROPOSE_REJECT, A.RETURN_FOR_SUPPLEMENT] });
      const missingOpinion = await act('futian.handler', filed.id, { action: A.PROPOSE_APPROVE, version: accepted.version }).expect(400);
      expect(missingOpinion.body.details.map((d: { field: string }) => d.field)).toEqual(['opinion']);
      const proposed = await step('futian.handler', filed.id, A.PROPOSE_APPROVE, { opinion: '拟同意', remark: '材料齐全' });
      expect(proposed.status).toBe(S.REVIEW);
      expect((await detail('futian.supervisor', filed.id)).allowedActions).toEqual([A.RETURN_FOR_SUPPLEMENT, A.EDIT, A.APPROVE, A.REJECT, A.RETURN_TO_PREVIOUS]);
      expect(await companyAddress(demoCompanyId)).toBe(before);
      const approved = await step('futian.supervisor', filed.id, A.APPROVE, { opinion: '同意' });
      expect(approved.status).toBe(S.APPROVED);
      expect(await companyAddress(demoCompanyId)).toBe('企业申请的新地址');
      expect(approved.history.map((h) => [h.action, h.fromStatus, h.toStatus, h.actorRole])).toEqual([
        [A.CREATE, null, S.PENDING_ACCEPTANCE, Role.PROPERTY_COMPANY],
        [A.ACCEPT, S.PENDING_ACCEPTANCE, S.ENTRY, Role.DISTRICT_HANDLER],
        [A.PROPOSE_APPROVE, S.ENTRY, S.REVIEW, Role.DISTRICT_HANDLER],
        [A.APPROVE, S.REVIEW, S.APPROVED, Role.DISTRICT_SUPERVISOR],
      ]);
      // the filing company reads its own form without module grants
      expect((await detail('demo.company', filed.id)).status).toBe(S.APPROVED);
    });

    it('returns for supplement from first check and from review; the filer supplements and files again', async () => {
      const filed = await file('demo.company', { companyId: demoCompanyId, address: '第一次申请' });
      await step('futian.handler', filed.id, A.ACCEPT, { opinion: '受理' });
      const back = await step('futian.handler', filed.id, A.RETURN_FOR_SUPPLEMENT, { opinion: '缺少营业执照' });
      expect(back).toMatchObject({ status: S.SUPPLEMENT, statusLabel: '退回补录', allowedActions: [] });
      expect((await detail('demo.company', filed.id)).allowedActions).toEqual([A.EDIT, A.RESUBMIT]);
      const notFiler = await act('futian.handler', filed.id, { action: A.RESUBMIT, version: back.version }).expect(403);
      expect(notFiler.body.code).toBe('WORKFLOW_NOT_FILER');

      await step('demo.company', filed.id, A.RESUBMIT, { payload: { companyId: demoCompanyId, address: '补录后的地址' }, remark: '已补充执照' });
      await step('futian.handler', filed.id, A.ACCEPT);
      await step('futian.handler', filed.id, A.PROPOSE_REJECT, { opinion: '拟不同意' });
      const backFromReview = await step('futian.supervisor', filed.id, A.RETURN_FOR_SUPPLEMENT, { opinion: '请补充现场照片' });
      expect(backFromReview.status).toBe(S.SUPPLEMENT);
      await step('demo.company', filed.id, A.EDIT, { payload: { companyId: demoCompanyId, address: '第三次地址' } });
      await step('demo.company', filed.id, A.RESUBMIT);
      await step('futian.handler', filed.id, A.ACCEPT);
      await step('futian.handler', filed.id, A.PROPOSE_APPROVE, { opinion: '拟同意' });
      const done = await step('futian.supervisor', filed.id, A.APPROVE, { opinion: '同意' });
      expect(await companyAddress(demoCompanyId)).toBe('第三次地址');
      expect(done.originalPayload.address).toBe('第一次申请');
      expect(done.history.map((h) => `${h.action}:${h.toStatus}`)).toEqual([
        'CREATE:PENDING_ACCEPTANCE',
        'ACCEPT:ENTRY',
        'RETURN_FOR_SUPPLEMENT:SUPPLEMENT',
        'EDIT:SUPPLEMENT',
        'RESUBMIT:PENDING_ACCEPTANCE',
        'ACCEPT:ENTRY',
        'PROPOSE_REJECT:REVIEW',
        'RETURN_FOR_SUPPLEMENT:SUPPLEMENT',
        'EDIT:SUPPLEMENT',
        'RESUBMIT:PENDING_ACCEPTANCE',
        'ACCEPT:ENTRY',
        'PROPOSE_APPROVE:REVIEW',
        'APPROVE:APPROVED',
      ]);
      expect(done.history.map((h) => h.seq)).toEqual(done.history.map((_, i) => i + 1));
    });

    it('checks who files what', async () => {
      await expect(file('futian.handler', { companyId: demoCompanyId, address: 'x' })).rejects.toMatchObject({ code: 'WORKFLOW_NOT_YOUR_STEP' });
      await expect(file('demo.company', { companyId: futianCompany.id, address: 'x' })).rejects.toMatchObject({ status: 400, details: [{ field: 'companyId' }] });
      await expect(start('demo.company', { companyId: demoCompanyId, address: 'x' })).rejects.toMatchObject({ code: 'MODULE_NOT_GRANTED' });
      await expect(workflow.start(await actorOf(t, 'demo.company'), SUBJECT_FORM, { companyId: demoCompanyId, address: 'x' })).rejects.toMatchObject({ code: 'WORKFLOW_WRONG_ORIGIN' });
      await expect(workflow.start(await actorOf(t, 'futian.handler'), SUBJECT_FORM, { companyId: demoCompanyId, address: 'x' })).rejects.toMatchObject({ code: 'WORKFLOW_WRONG_ORIGIN' });
      await expect(workflow.start(await actorOf(t, 'futian.handler'), 'NO_SUCH_FORM', {})).rejects.toMatchObject({ code: 'WORKFLOW_FORM_TYPE_UNKNOWN', status: 400 });
      await expect(start('futian.handler', { companyId: futianCompany.id, address: 123 as unknown as string })).rejects.toMatchObject({ status: 400, details: [{ field: 'address' }] });
      await expect(start('futian.handler', { companyId: futianCompany.id, address: 'x', points: 5 } as never)).rejects.toMatchObject({ status: 400, details: [{ field: 'points' }] });
      // another company's account cannot read the filer's form
      const other = await t.dataSource
        .getRepository(Account)
        .createQueryBuilder('a')
        .where('a.role = :role AND a.districtId = :d AND a.unitId <> :unit AND a.status = :s', { role: Role.PROPERTY_COMPANY, d: FUTIAN_ID, unit: demoCompanyId, s: 'ACTIVE' })
        .getOne();
      expect(other).not.toBeNull();
      const filed = await file('demo.company', { companyId: demoCompanyId, address: '只给本企业看' });
      await expect(workflow.get(await actorOf(t, other!.username), filed.id)).rejects.toMatchObject({ status: 403 });
      expect((await workflow.get(await actorOf(t, 'demo.company'), filed.id)).id).toBe(filed.id);
    });
  });

  describe('request validation', () => {
    let form: WorkflowCaseDetail;
    beforeAll(async () => {
      form = await start('futian.handler', { companyId: futianCompany.id, address: '校验' }, { submit: true });
    });

    it('names the offending field', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ action: 'FLY', version: 1 }, 'action'],
        [{ action: A.CREATE, version: 1 }, 'action'],
        [{ action: A.APPROVE, opinion: '同意' }, 'version'],
        [{ action: A.APPROVE, version: 'one', opinion: '同意' }, 'version'],
        [{ action: A.APPROVE, version: form.version }, 'opinion'],
        [{ action: A.REJECT, version: form.version, opinion: '' }, 'opinion'],
        [{ action: A.RETURN_TO_PREVIOUS, version: form.version, opinion: 'x'.repeat(501) }, 'opinion'],
        [{ action: A.EDIT, version: form.version, remark: 5 }, 'remark'],
        [{ action: A.EDIT, version: form.version, attachmentIds: ['a'] }, 'attachmentIds'],
        [{ action: A.EDIT, version: form.version, payload: 'text' }, 'payload'],
        [{ action: A.EDIT, version: form.version, payload: { companyId: futianCompany.id, address: 7 } }, 'payload.address'],
        [{ action: A.EDIT, version: form.version, payload: { companyId: futianCompany.id, address: 'x', points: 9 } }, 'payload.points'],
        [{ action: A.REJECT, version: form.version, opinion: '不同意', payload: { companyId: futianCompany.id, address: 'x' } }, 'payload'],
        [{ action: A.EDIT, version: form.version, stray: true }, 'stray'],
      ];
      for (const [body, field] of cases) {
        const response = await act('futian.supervisor', form.id, body);
        expect([JSON.stringify(body), response.status, response.body.details?.map((d: { field: string }) => d.field)]).toEqual([JSON.stringify(body), 400, [field]]);
      }
      const blank = await act('futian.supervisor', form.id, { action: A.APPROVE, version: form.version, opinion: '   ' }).expect(400);
      expect(blank.body.details[0].field).toBe('opinion');
      const malformed = await t.http().post(`/api/workflow/cases/${form.id}/actions`).set('Authorization', `Bearer ${tokens['futian.supervisor']}`).set('Content-Type', 'application/json').send('{"action":');
      expect(malformed.status).toBe(400);
      expect(malformed.body.code).toBe('MALFORMED_BODY');
      expect((await get('futian.supervisor', '/api/workflow/cases/abc').expect(400)).body.details[0].field).toBe('id');
      await get('futian.supervisor', '/api/workflow/cases/99999999').expect(404);
      expect((await detail('futian.supervisor', form.id)).version).toBe(form.version);
    });
  });

  describe('attachments', () => {
    it('uploads, checks type and size, and serves files to those who may see the form', async () => {
      const uploaded = await upload('futian.handler', '现场照片.png', PNG_BYTES).expect(201);
      expect(uploaded.body).toMatchObject({ fileName: '现场照片.png', contentType: 'image/png', size: PNG_BYTES.length });
      const own = await get('futian.handler', `/api/attachments/${uploaded.body.id}`).buffer(true).parse(binary as never).expect(200);
      expect(Buffer.compare(own.body as Buffer, PNG_BYTES)).toBe(0);
      expect(own.headers['content-type']).toBe('image/png');
      expect(own.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('现场照片.png')}`);
      expect(own.headers['x-content-type-options']).toBe('nosniff');
      // not used by a form yet: private to the uploader
      await get('futian.supervisor', `/api/attachments/${uploaded.body.id}`).expect(404);

      const form = await start('futian.handler', { companyId: futianCompany.id, address: '带附件' }, { submit: true, attachmentIds: [uploaded.body.id] });
      expect(form.attachments).toEqual([{ id: uploaded.body.id, fileName: '现场照片.png', size: PNG_BYTES.length, contentType: 'image/png' }]);
      expect(form.history[0].attachments.map((a) => a.id)).toEqual([uploaded.body.id]);
      await get('futian.supervisor', `/api/attachments/${uploaded.body.id}`).expect(200);
      expect((await get('nanshan.handler', `/api/attachments/${uploaded.body.id}`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      await get('futian.supervisor', '/api/attachments/99999999').expect(404);

      // an upload belongs to one form, and only its uploader may hand it to one
      const reuse = await start('futian.handler', { companyId: futianCompany.id, address: '复用附件' }).catch((e) => e);
      const reused = await act('futian.handler', reuse.id, { action: A.SUBMIT, version: reuse.version, attachmentIds: [uploaded.body.id] }).expect(400);
      expect(reused.body).toMatchObject({ code: 'ATTACHMENT_NOT_USABLE', details: [{ field: 'attachmentIds' }] });
      const othersUpload = await upload('futian.handler', 'note.pdf', Buffer.from('%PDF-1.4 test')).expect(201);
      const notMine = await act('futian.supervisor', form.id, { action: A.APPROVE, version: form.version, opinion: '同意', attachmentIds: [othersUpload.body.id] }).expect(400);
      expect(notMine.body.code).toBe('ATTACHMENT_NOT_USABLE');
      expect((await detail('futian.supervisor', form.id)).status).toBe(S.REVIEW);

      const opinionFile = await upload('futian.supervisor', '审核意见.docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])).expect(201);
      const approved = await step('futian.supervisor', form.id, A.APPROVE, { opinion: '同意', attachmentIds: [opinionFile.body.id] });
      expect(approved.history.at(-1)!.attachments.map((a) => a.fileName)).toEqual(['审核意见.docx']);
      expect(approved.attachments.map((a) => a.id).sort()).toEqual([uploaded.body.id, opinionFile.body.id].sort());
      await get('futian.handler', `/api/attachments/${opinionFile.body.id}`).expect(200);
    });

    it('refuses files that are not images, PDFs or office documents, too large, or missing', async () => {
      expect((await upload('futian.handler', 'tool.exe', Buffer.from('MZ\x90\x00')).expect(415)).body.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
      expect((await upload('futian.handler', 'photo.png', Buffer.from('#!/bin/sh\necho hi')).expect(415)).body.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
      expect((await upload('futian.handler', 'page.html', Buffer.from('<html></html>')).expect(415)).body.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
      const tooLarge = await upload('futian.handler', 'big.pdf', Buffer.concat([Buffer.from('%PDF-1.4'), Buffer.alloc(ATTACHMENT_MAX_BYTES)])).expect(413);
      expect(tooLarge.body.code).toBe('ATTACHMENT_TOO_LARGE');
      const missing = await post('futian.handler', '/api/attachments', {}).expect(400);
      expect(missing.body.details[0].field).toBe('file');
      const wrongField = await t.http().post('/api/attachments').set('Authorization', `Bearer ${tokens['futian.handler']}`).attach('document', PNG_BYTES, 'a.png').expect(400);
      expect(wrongField.body.details[0].field).toBe('file');
      await t.http().post('/api/attachments').attach('file', PNG_BYTES, 'a.png').expect(401);
    });

    it('lets officers download what a filer attached, and the filer too', async () => {
      const evidence = await upload('demo.company', '营业执照.pdf', Buffer.from('%PDF-1.7 licence')).expect(201);
      const filed = await file('demo.company', { companyId: demoCompanyId, address: '附件申请' }, [evidence.body.id]);
      expect(filed.attachments.map((a) => a.id)).toEqual([evidence.body.id]);
      await get('futian.handler', `/api/attachments/${evidence.body.id}`).expect(200);
      await get('demo.company', `/api/attachments/${evidence.body.id}`).expect(200);
      expect((await get('nanshan.supervisor', `/api/attachments/${evidence.body.id}`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
    });
  });

  describe('审批事项查询 and form types', () => {
    it('lists the district’s forms with filters', async () => {
      const marker = await start('futian.handler', { companyId: futianCompany.id, address: '查询标记' });
      const all = (await get('futian.supervisor', '/api/workflow/cases?pageSize=100').expect(200)).body;
      const expected = await t.dataSource.getRepository(WorkflowCase).count({ where: { districtId: FUTIAN_ID } });
      expect(all.total).toBe(expected);
      expect(all.items.every((i: { districtId: number }) => i.districtId === FUTIAN_ID)).toBe(true);
      expect(all.items[0]).not.toHaveProperty('payload');

      const byNo = (await get('futian.supervisor', `/api/workflow/cases?search=${marker.businessNo}`).expect(200)).body;
      expect(byNo.items.map((i: { id: number }) => i.id)).toEqual([marker.id]);
      const entryOnly = (await get('futian.supervisor', `/api/workflow/cases?status=ENTRY&formType=${OFFICER_FORM}&pageSize=100`).expect(200)).body;
      expect(entryOnly.items.length).toBeGreaterThan(0);
      expect(entryOnly.items.every((i: { status: string; formType: string }) => i.status === S.ENTRY && i.formType === OFFICER_FORM)).toBe(true);
      const subjectForms = (await get('futian.supervisor', `/api/workflow/cases?formType=${SUBJECT_FORM}&pageSize=100`).expect(200)).body;
      expect(subjectForms.total).toBe(await t.dataSource.getRepository(WorkflowCase).count({ where: { formType: SUBJECT_FORM, districtId: FUTIAN_ID } }));

      const today = shanghaiDate(new Date());
      const yesterday = shanghaiDate(new Date(Date.now() - 86_400_000));
      // the suite's forms are created today; the demo seed's chapter 5 requests are older
      const olderCount = await t.dataSource.getRepository(WorkflowCase).count({ where: { districtId: FUTIAN_ID, createdAt: LessThan(new Date(Date.now() - 2 * 86_400_000)) } });
      expect(olderCount).toBeGreaterThan(0);
      expect((await get('futian.supervisor', `/api/workflow/cases?createdFrom=${today}&createdTo=${today}&pageSize=1`).expect(200)).body.total).toBe(expected - olderCount);
      expect((await get('futian.supervisor', `/api/workflow/cases?createdTo=${yesterday}`).expect(200)).body.total).toBe(olderCount);
      expect((await get('futian.supervisor', '/api/workflow/cases?createdFrom=2026-02-30').expect(400)).body.details[0].field).toBe('createdFrom');
      expect((await get('futian.supervisor', '/api/workflow/cases?status=DONE').expect(400)).body.details[0].field).toBe('status');
      expect((await get('futian.supervisor', '/api/workflow/cases?formType=NOPE').expect(400)).body.code).toBe('WORKFLOW_FORM_TYPE_UNKNOWN');
      // one module's forms (物业服务评价's 审核事项查询), and none of another module's
      const evaluation = (await get('futian.supervisor', '/api/workflow/cases?module=service-evaluation&pageSize=100').expect(200)).body;
      const evaluationTypes = (await get('futian.supervisor', '/api/workflow/form-types').expect(200)).body.filter((f: { module: string }) => f.module === 'service-evaluation').map((f: { formType: string }) => f.formType);
      expect(evaluation.total).toBe(await t.dataSource.getRepository(WorkflowCase).count({ where: { districtId: FUTIAN_ID, formType: In(evaluationTypes) } }));
      expect(evaluation.items.every((i: { formType: string }) => evaluationTypes.includes(i.formType))).toBe(true);
      expect((await get('futian.supervisor', `/api/workflow/cases?module=notices&formType=${OFFICER_FORM}`).expect(200)).body.total).toBe(0);
      expect((await get('futian.supervisor', '/api/workflow/cases?module=nope').expect(400)).body.details[0].field).toBe('module');
      expect((await get('futian.supervisor', `/api/workflow/cases?search=${encodeURIComponent('%')}`).expect(200)).body.total).toBe(0);

      const nanshan = (await get('nanshan.handler', '/api/workflow/cases?pageSize=100').expect(200)).body;
      expect(nanshan.items.every((i: { districtId: number }) => i.districtId === NANSHAN_ID)).toBe(true);
      expect(nanshan.total).toBe(await t.dataSource.getRepository(WorkflowCase).count({ where: { districtId: NANSHAN_ID } }));
      expect((await get('nanshan.handler', `/api/workflow/cases?districtId=${FUTIAN_ID}`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      expect((await get('city.admin', `/api/workflow/cases?districtId=${FUTIAN_ID}&pageSize=1`).expect(200)).body.total).toBe(expected);
      expect((await get('city.admin', '/api/workflow/cases?pageSize=1').expect(200)).body.total).toBe(await t.dataSource.getRepository(WorkflowCase).count());
      await get('demo.company', '/api/workflow/cases').expect(403);
    });

    it('lists the form types each caller may see or file', async () => {
      const forHandler = (await get('futian.handler', '/api/workflow/form-types').expect(200)).body.map((f: { formType: string }) => f.formType);
      expect(forHandler).toEqual(expect.arrayContaining([OFFICER_FORM, SUBJECT_FORM, SAME_ROLE_FORM]));
      const forCompany = (await get('demo.company', '/api/workflow/form-types').expect(200)).body;
      expect(forCompany).toEqual([
        { formType: 'PROJECT_REGISTRATION', label: '物业项目登记', module: 'property-areas', origin: 'SUBJECT' },
        { formType: 'PROJECT_MANAGER_CHANGE', label: '项目经理变更', module: 'property-areas', origin: 'SUBJECT' },
        { formType: 'OBJECTION', label: '异议处理', module: 'service-evaluation', origin: 'SUBJECT' },
        { formType: SUBJECT_FORM, label: '测试：企业地址异议', module: 'service-evaluation', origin: 'SUBJECT' },
      ]);
    });

    it('stores one history row per action, numbered without gaps', async () => {
      const rows = await t.dataSource.getRepository(WorkflowActionRecord).find({ order: { caseId: 'ASC', seq: 'ASC' } });
      const byCase = new Map<number, number[]>();
      for (const r of rows) byCase.set(r.caseId, [...(byCase.get(r.caseId) ?? []), r.seq]);
      for (const seqs of byCase.values()) expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    });
  });
});

/** superagent parser that keeps a download's bytes */
function binary(response: NodeJS.EventEmitter, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}
