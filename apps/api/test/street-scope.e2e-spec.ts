import { RegionNode, WorkflowAction as A, WorkflowCaseDetail, WorkflowCaseSummary, WorkflowStatus as S } from '@szpm/contract';
import { WorkflowRegistry } from '../src/modules/workflow/workflow-registry';
import { WorkflowService } from '../src/modules/workflow/workflow.service';
import { startTestApp, TestApp } from './support/test-app';
import { actorOf, STREET_CASE_FORM, streetCaseDefinition } from './support/workflow-test-forms';

const YUANLING_ID = 202;
const XIANGMIHU_ID = 205;
const FUTIAN_STREET_ID = 203;

describe('street scope (street-office accounts see their own street only)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const USERS = ['futian.street.yuanling', 'futian.street.xiangmihu', 'futian.handler', 'futian.supervisor'] as const;
  const get = (user: string, path: string) => t.http().get(path).set('Authorization', `Bearer ${tokens[user]}`);

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(WorkflowRegistry).register(streetCaseDefinition());
    for (const user of USERS) tokens[user] = await t.login(user);
  });
  afterAll(() => t.close());

  it('logs the demo street-office accounts in as their street', async () => {
    for (const [user, streetId] of [
      ['futian.street.yuanling', YUANLING_ID],
      ['futian.street.xiangmihu', XIANGMIHU_ID],
    ] as const) {
      const me = (await get(user, '/api/auth/me').expect(200)).body;
      expect(me).toMatchObject({ username: user, role: 'STREET_OFFICER', districtName: '福田区', streetId });
    }
  });

  it('shows a street office its own street of the region tree, and refuses the district and other streets', async () => {
    const tree: RegionNode[] = (await get('futian.street.yuanling', '/api/regions/tree').expect(200)).body;
    expect(tree.map((n) => [n.id, n.name, n.level])).toEqual([[YUANLING_ID, '园岭街道', 'STREET']]);
    const communities = await t.dataSource.query(`SELECT id FROM regions WHERE parentId = ? ORDER BY sortOrder, id`, [YUANLING_ID]);
    expect(tree[0].children!.map((c) => c.id)).toEqual(communities.map((c: { id: number }) => c.id));
    expect(tree[0].propertyAreaCount).toBeGreaterThan(0);

    const children = (await get('futian.street.yuanling', `/api/regions/${YUANLING_ID}/children`).expect(200)).body;
    expect(children.map((c: RegionNode) => c.id)).toEqual(communities.map((c: { id: number }) => c.id));
    for (const other of [2, FUTIAN_STREET_ID, XIANGMIHU_ID, 3]) {
      const refused = await get('futian.street.yuanling', `/api/regions/${other}/children`).expect(403);
      expect(refused.body.code).toBe('OUT_OF_DISTRICT');
    }
    // a district officer still sees the whole district
    const districtTree: RegionNode[] = (await get('futian.handler', '/api/regions/tree?depth=STREET').expect(200)).body;
    expect(districtTree.map((n) => n.id)).toEqual([2]);
    expect(districtTree[0].children).toHaveLength(10);
  });

  describe('a three-party form: district entry → 转办 → street handling → district review', () => {
    let caseId: number;
    const pendingIds = async (user: string) => ((await get(user, '/api/todos?list=pending&pageSize=100').expect(200)).body.items as WorkflowCaseSummary[]).map((i) => i.id);
    async function step(user: string, action: A, extra: Record<string, unknown> = {}): Promise<WorkflowCaseDetail> {
      const current = (await get(user, `/api/workflow/cases/${caseId}`).expect(200)).body;
      const response = await t.http().post(`/api/workflow/cases/${caseId}/actions`).set('Authorization', `Bearer ${tokens[user]}`).send({ action, version: current.version, ...extra });
      if (response.status !== 200) throw new Error(`${user} ${action} → ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    }

    const listIds = async (user: string) => ((await get(user, '/api/workflow/cases?pageSize=100').expect(200)).body.items as WorkflowCaseSummary[]).map((c) => c.id);
    const refusal = async (user: string, body: Record<string, unknown>) => {
      const current = (await get('futian.handler', `/api/workflow/cases/${caseId}`).expect(200)).body;
      const response = await t.http().post(`/api/workflow/cases/${caseId}/actions`).set('Authorization', `Bearer ${tokens[user]}`).send({ version: current.version, ...body });
      return { status: response.status, code: response.body.code, fields: (response.body.details ?? []).map((d: { field: string }) => d.field) };
    };

    beforeAll(async () => {
      const created = await t.app.get(WorkflowService).start(await actorOf(t, 'futian.handler'), STREET_CASE_FORM, { summary: '园岭某小区停车纠纷' });
      caseId = created.id;
    });

    it('shows the case to no street office while it is at district entry', async () => {
      expect((await get('futian.handler', `/api/workflow/cases/${caseId}`).expect(200)).body.streetId).toBeNull();
      for (const street of ['futian.street.yuanling', 'futian.street.xiangmihu']) {
        expect((await get(street, `/api/workflow/cases/${caseId}`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
        expect(await listIds(street)).not.toContain(caseId);
        expect(await pendingIds(street)).not.toContain(caseId);
      }
    });

    it('refuses a 转办 without a street, to a street of another district or to what is not a street, and a street with any other action', async () => {
      const [nanshanStreet] = await t.dataSource.query(`SELECT id FROM regions WHERE level = 'STREET' AND districtId = 3 ORDER BY id LIMIT 1`);
      const [yuanlingCommunity] = await t.dataSource.query(`SELECT id FROM regions WHERE parentId = ? ORDER BY id LIMIT 1`, [YUANLING_ID]);
      expect(await refusal('futian.handler', { action: A.TRANSFER })).toMatchObject({ status: 400, fields: ['streetId'] });
      expect(await refusal('futian.handler', { action: A.TRANSFER, streetId: Number(nanshanStreet.id) })).toMatchObject({ status: 403, code: 'OUT_OF_DISTRICT' });
      expect(await refusal('futian.handler', { action: A.TRANSFER, streetId: Number(yuanlingCommunity.id) })).toMatchObject({ status: 400, fields: ['streetId'] });
      expect(await refusal('futian.handler', { action: A.EDIT, streetId: YUANLING_ID, payload: { summary: '园岭某小区停车纠纷' } })).toMatchObject({ status: 400, fields: ['streetId'] });
      expect((await get('futian.handler', `/api/workflow/cases/${caseId}`).expect(200)).body).toMatchObject({ status: S.ENTRY, streetId: null });
    });

    it('passes the case to the street the 转办 names, and on to another street after it comes back', async () => {
      const toXiangmihu = await step('futian.handler', A.TRANSFER, { streetId: XIANGMIHU_ID });
      expect(toXiangmihu).toMatchObject({ status: S.STREET_HANDLING, streetId: XIANGMIHU_ID });
      expect(await pendingIds('futian.street.xiangmihu')).toContain(caseId);
      expect((await get('futian.street.yuanling', `/api/workflow/cases/${caseId}`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      const returned = await step('futian.street.xiangmihu', A.RETURN_TO_PREVIOUS, { opinion: '不在本街道辖区' });
      expect(returned.status).toBe(S.ENTRY);
      expect(await pendingIds('futian.street.xiangmihu')).not.toContain(caseId);
      expect(await pendingIds('futian.handler')).toContain(caseId);
    });

    it('puts the transferred case in the street office’s 待办 and nobody else’s', async () => {
      const transferred = await step('futian.handler', A.TRANSFER, { streetId: YUANLING_ID });
      expect(transferred).toMatchObject({ status: S.STREET_HANDLING, statusLabel: '街道办理', streetId: YUANLING_ID });
      expect(await pendingIds('futian.street.yuanling')).toContain(caseId);
      expect(await pendingIds('futian.street.xiangmihu')).not.toContain(caseId);
      expect(await pendingIds('futian.handler')).not.toContain(caseId);
      expect(await pendingIds('futian.supervisor')).not.toContain(caseId);
    });

    it('refuses the case to another street, and lets its street handle it', async () => {
      const refused = await get('futian.street.xiangmihu', `/api/workflow/cases/${caseId}`).expect(403);
      expect(refused.body.code).toBe('OUT_OF_DISTRICT');
      const list = (await get('futian.street.xiangmihu', `/api/workflow/cases?pageSize=100`).expect(200)).body.items as WorkflowCaseSummary[];
      expect(list.map((c) => c.id)).not.toContain(caseId);
      // of this suite's form type (the demo seed's dispute cases transferred to 园岭 are the street's too)
      expect(((await get('futian.street.yuanling', `/api/workflow/cases?pageSize=100&formType=${STREET_CASE_FORM}`).expect(200)).body.items as WorkflowCaseSummary[]).map((c) => c.id)).toEqual([caseId]);

      const detail = (await get('futian.street.yuanling', `/api/workflow/cases/${caseId}`).expect(200)).body;
      expect(detail.allowedActions).toEqual([A.EDIT, A.HANDLE, A.RETURN_TO_PREVIOUS]);
      const withoutOutcome = await t.http().post(`/api/workflow/cases/${caseId}/actions`).set('Authorization', `Bearer ${tokens['futian.street.yuanling']}`).send({ action: A.HANDLE, version: detail.version });
      expect(withoutOutcome.status).toBe(400);
      const handled = await step('futian.street.yuanling', A.HANDLE, { payload: { summary: '园岭某小区停车纠纷', disposal: 'RESOLVE', outcome: 'SETTLED' } });
      expect(handled.status).toBe(S.STREET_REVIEW);
      expect(await pendingIds('futian.supervisor')).toContain(caseId);
      expect(await pendingIds('futian.street.yuanling')).not.toContain(caseId);
    });

    it('sends it back to the street (驳回重报) and closes it (同意办结)', async () => {
      const sentBack = await step('futian.supervisor', A.SEND_BACK, { opinion: '处置情况不实，请重报' });
      expect(sentBack).toMatchObject({ status: S.STREET_HANDLING, streetId: YUANLING_ID });
      expect(await pendingIds('futian.street.yuanling')).toContain(caseId);
      expect(await pendingIds('futian.street.xiangmihu')).not.toContain(caseId);
      await step('futian.street.yuanling', A.HANDLE, { payload: { summary: '园岭某小区停车纠纷', disposal: 'DE_ESCALATE', outcome: 'CLOSED_UNSETTLED' } });
      const closed = await step('futian.supervisor', A.APPROVE_CLOSE);
      expect(closed).toMatchObject({ status: S.APPROVED, statusLabel: '已办结' });
      expect(closed.history.map((h) => h.actionLabel)).toEqual(['录入', '转办', '退回上一级', '转办', '修改', '申请办结', '驳回重报', '修改', '申请办结', '同意办结']);
      const completed = (await get('futian.street.yuanling', '/api/todos?list=completed&pageSize=100').expect(200)).body.items as WorkflowCaseSummary[];
      expect(completed.map((c) => c.id)).toContain(caseId);
    });
  });
});
