import {
  AREA_CHANGE_FORM_TYPE,
  AreaCaseListItem,
  AreaChangeResult,
  AreaFieldRule,
  PROJECT_MANAGER_CHANGE_FORM_TYPE,
  PROJECT_REGISTRATION_FORM_TYPE,
  WorkflowAction as A,
  WorkflowCaseDetail,
  WorkflowCaseSummary,
  WorkflowStatus as S,
} from '@szpm/contract';
import { IsNull, Not } from 'typeorm';
import { Account } from '../src/access/entities/account.entity';
import { PropertyAreaCase } from '../src/modules/property-areas/changes/entities/property-area-case.entity';
import { PropertyAreaProfile } from '../src/modules/property-areas/entities/property-area-profile.entity';
import { ProjectManager } from '../src/modules/regions/entities/project-manager.entity';
import { PropertyArea } from '../src/modules/regions/entities/property-area.entity';
import { Region, RegionLevel } from '../src/modules/regions/entities/region.entity';
import { FUTIAN_ID, NANSHAN_ID } from '../src/seed/shenzhen';
import { startTestApp, TestApp } from './support/test-app';

const CITY = 'city.officer01';
const USERS = ['futian.handler', 'futian.supervisor', 'futian.lead', 'nanshan.handler', CITY, 'city.admin', 'demo.company', 'demo.manager'] as const;

describe('property-area changes (chapter 5: 编辑 with city approval, 审批列表, 查看申请记录, 项目登记, 项目经理变更)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const used = new Set<number>();

  const auth = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const get = (user: string, path: string) => t.http().get(path).set(auth(user));
  const post = (user: string, path: string, body: object = {}) => t.http().post(path).set(auth(user)).send(body);
  const caseOf = async (user: string, id: number): Promise<WorkflowCaseDetail> => (await get(user, `/api/workflow/cases/${id}`).expect(200)).body;
  async function act(user: string, caseId: number, action: A, extra: Record<string, unknown> = {}) {
    const current = await caseOf(user, caseId);
    return post(user, `/api/workflow/cases/${caseId}/actions`, { action, version: current.version, ...extra });
  }
  async function actOk(user: string, caseId: number, action: A, extra: Record<string, unknown> = {}): Promise<WorkflowCaseDetail> {
    const response = await act(user, caseId, action, extra);
    if (response.status !== 200) throw new Error(`${user} ${action} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }
  const area = (id: number) => t.dataSource.getRepository(PropertyArea).findOneByOrFail({ id });
  /** A 福田区 (or other) area no case holds and no other test has used. */
  async function freshArea(districtId = FUTIAN_ID, where: { companyId?: number } = {}): Promise<PropertyArea> {
    const held = new Set((await t.dataSource.getRepository(PropertyAreaCase).find({ where: { openAreaId: Not(IsNull()) } })).map((c) => c.openAreaId));
    const areas = await t.dataSource.getRepository(PropertyArea).find({ where: { districtId, ...where }, order: { id: 'ASC' } });
    const found = areas.find((a) => !held.has(a.id) && !used.has(a.id));
    if (!found) throw new Error('no free area');
    used.add(found.id);
    return found;
  }
  const change = (user: string, areaId: number, changes: Record<string, unknown>, reason?: string) => post(user, `/api/property-areas/${areaId}/change-requests`, { changes, ...(reason ? { reason } : {}) });
  async function changeOk(user: string, areaId: number, changes: Record<string, unknown>): Promise<AreaChangeResult> {
    const response = await change(user, areaId, changes);
    if (response.status !== 201) throw new Error(`change → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }
  const todoIds = async (user: string, list = 'pending'): Promise<number[]> =>
    (await get(user, `/api/todos?list=${list}&pageSize=100`).expect(200)).body.items.map((i: WorkflowCaseSummary) => i.id);
  const listed = async (user: string, query: string): Promise<AreaCaseListItem[]> => (await get(user, `/api/property-areas/change-requests?pageSize=100&${query}`).expect(200)).body.items;

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of USERS) tokens[user] = await t.login(user);
  });
  afterAll(() => t.close());

  describe('the field catalogue', () => {
    it('marks the fields that need the city bureau’s approval, and the city admin changes it', async () => {
      const rules: AreaFieldRule[] = (await get('futian.handler', '/api/property-areas/field-rules').expect(200)).body;
      const byField = new Map(rules.map((r) => [r.field, r]));
      expect(byField.get('name')).toMatchObject({ label: '物业区域名称', group: 'CORE', kind: 'TEXT', editable: true, requiresCityApproval: true, maxLength: 128 });
      expect(byField.get('remarks')).toMatchObject({ requiresCityApproval: false });
      expect(byField.get('committeePhone')).toMatchObject({ group: 'PROFILE', kind: 'PHONE', requiresCityApproval: false });
      expect(byField.get('externalCode')).toMatchObject({ editable: false });
      expect(byField.get('areaType')!.choices).toContainEqual({ value: 'RESIDENTIAL', label: '住宅' });

      await t.http().patch('/api/admin/property-areas/field-rules/layer').set(auth('futian.lead')).send({ requiresCityApproval: false }).expect(403);
      await t.http().patch('/api/admin/property-areas/field-rules/colour').set(auth('city.admin')).send({ editable: false }).expect(404);
      const patched = await t.http().patch('/api/admin/property-areas/field-rules/layer').set(auth('city.admin')).send({ requiresCityApproval: false }).expect(200);
      expect(patched.body).toMatchObject({ field: 'layer', editable: true, requiresCityApproval: false });
      const after: AreaFieldRule[] = (await get('futian.handler', '/api/property-areas/field-rules').expect(200)).body;
      expect(after.find((r) => r.field === 'layer')!.requiresCityApproval).toBe(false);
      await t.http().patch('/api/admin/property-areas/field-rules/layer').set(auth('city.admin')).send({ requiresCityApproval: true }).expect(200);
    });
  });

  describe('编辑', () => {
    it('applies free fields at once, without a case', async () => {
      const a = await freshArea();
      const phoneBefore = (await t.dataSource.getRepository(PropertyAreaProfile).findOneBy({ propertyAreaId: a.id }))?.managementOfficePhone ?? null;
      const result = await changeOk('futian.handler', a.id, { remarks: '  物业管理处迁至3栋一楼 ', managementOfficePhone: '0755-83001234' });
      expect(result.case).toBeNull();
      expect(result.pending).toEqual([]);
      expect(result.applied).toEqual([
        { field: 'remarks', label: '备注', before: a.remarks, after: '物业管理处迁至3栋一楼' },
        { field: 'managementOfficePhone', label: '物业管理处电话', before: phoneBefore, after: '0755-83001234' },
      ]);
      const now = await area(a.id);
      expect(now.remarks).toBe('物业管理处迁至3栋一楼');
      expect(now.version).toBe(a.version + 1);
      const profile = await t.dataSource.getRepository(PropertyAreaProfile).findOneByOrFail({ propertyAreaId: a.id });
      expect(profile.managementOfficePhone).toBe('0755-83001234');
    });

    it('refuses bad values naming the field, unknown or locked fields, cross-field breaks and no change', async () => {
      const a = await freshArea();
      const refused = async (changes: Record<string, unknown>, status: number, code: string, field?: string) => {
        const response = await change('futian.handler', a.id, changes);
        expect([response.status, response.body.code]).toEqual([status, code]);
        if (field) expect(response.body.details[0].field).toBe(field);
        return response.body;
      };
      expect((await refused({ houseCount: -3 }, 400, 'PROPERTY_AREA_FIELD_INVALID', 'changes.houseCount')).message).toBe('房屋套数须在0～1000000 套之间');
      await refused({ handoverDate: '2020-02-30' }, 400, 'PROPERTY_AREA_FIELD_INVALID', 'changes.handoverDate');
      await refused({ boundaryGeoJson: { type: 'Point', coordinates: [114, 22] } }, 400, 'PROPERTY_AREA_FIELD_INVALID', 'changes.boundaryGeoJson');
      await refused({ name: '' }, 400, 'PROPERTY_AREA_FIELD_INVALID', 'changes.name');
      await refused({ colour: 'red' }, 400, 'PROPERTY_AREA_FIELD_UNKNOWN', 'changes.colour');
      await refused({ externalCode: 'WX-1' }, 400, 'PROPERTY_AREA_FIELD_NOT_EDITABLE', 'changes.externalCode');
      await refused({ companyId: 999_999 }, 400, 'PROPERTY_AREA_FIELD_INVALID', 'changes.companyId');
      await refused({ totalHouseholds: 100, occupiedHouseholds: 200 }, 400, 'PROPERTY_AREA_FIELD_INVALID', 'changes.occupiedHouseholds');
      await refused({ name: a.name, houseCount: a.houseCount }, 400, 'PROPERTY_AREA_NO_CHANGES', 'changes');
      // nothing was written by any of them
      expect(await area(a.id)).toMatchObject({ version: a.version, houseCount: a.houseCount, name: a.name });
      expect(await t.dataSource.getRepository(PropertyAreaCase).countBy({ propertyAreaId: a.id })).toBe(0);
    });

    it('sends approval fields to the city bureau; approval applies them, with the history as 审批流程记录', async () => {
      const a = await freshArea();
      const result = await changeOk('futian.handler', a.id, { name: `${a.name}（一期）`, houseCount: a.houseCount + 12, remarks: '随修改申请一并更新备注' });
      expect(result.applied.map((c) => c.field)).toEqual(['remarks']);
      expect(result.pending).toEqual([
        { field: 'name', label: '物业区域名称', before: a.name, after: `${a.name}（一期）` },
        { field: 'houseCount', label: '房屋套数', before: a.houseCount, after: a.houseCount + 12 },
      ]);
      const c = result.case!;
      expect(c).toMatchObject({ formType: AREA_CHANGE_FORM_TYPE, status: S.REVIEW, statusLabel: '待市局审核', subjectId: a.id, districtId: FUTIAN_ID });
      expect(c.payload).toMatchObject({ propertyAreaId: a.id, proposed: { name: `${a.name}（一期）`, houseCount: a.houseCount + 12 }, before: { name: a.name, houseCount: a.houseCount } });
      // the free field applied, the approval fields not yet
      expect(await area(a.id)).toMatchObject({ name: a.name, houseCount: a.houseCount, remarks: '随修改申请一并更新备注' });

      // the city officer's 待办; not the district's reviewers'
      expect(await todoIds(CITY)).toContain(c.id);
      expect(await todoIds('futian.supervisor')).not.toContain(c.id);
      expect(await todoIds('futian.handler')).not.toContain(c.id);
      expect(await todoIds('futian.handler', 'handled')).toContain(c.id);
      expect((await caseOf(CITY, c.id)).allowedActions).toEqual([A.APPROVE, A.REJECT, A.RETURN_TO_PREVIOUS]);
      expect((await caseOf('futian.handler', c.id)).allowedActions).toEqual([A.WITHDRAW]);
      expect((await act('futian.supervisor', c.id, A.APPROVE, { opinion: '同意' })).body.code).toBe('WORKFLOW_NOT_YOUR_STEP');
      // the reviewer decides on the content as sent
      expect((await act(CITY, c.id, A.APPROVE, { opinion: '同意', payload: { propertyAreaId: a.id, proposed: { houseCount: 1 } } })).body.code).toBe('PROPERTY_AREA_CHANGE_LOCKED_IN_REVIEW');

      const approved = await actOk(CITY, c.id, A.APPROVE, { opinion: '经核实，同意' });
      expect(approved).toMatchObject({ status: S.APPROVED, statusLabel: '已通过' });
      expect(approved.history.map((h) => h.action)).toEqual([A.CREATE, A.SUBMIT, A.APPROVE]);
      expect(approved.history[2]).toMatchObject({ actorRole: 'CITY_OFFICER', opinion: '经核实，同意' });
      const now = await area(a.id);
      expect(now).toMatchObject({ name: `${a.name}（一期）`, houseCount: a.houseCount + 12 });
      expect(now.version).toBe(a.version + 2);
      expect(await todoIds(CITY)).not.toContain(c.id);
      expect(await todoIds(CITY, 'completed')).toContain(c.id);
      // the area is free for the next request
      expect((await changeOk('futian.handler', a.id, { houseCount: a.houseCount + 13 })).case!.status).toBe(S.REVIEW);
    });

    it('allows one open request per area (409), while free fields still apply', async () => {
      const a = await freshArea();
      const first = (await changeOk('futian.handler', a.id, { landNumber: 'B305-0101' })).case!;
      const second = await change('futian.lead', a.id, { houseCount: a.houseCount + 1 });
      expect([second.status, second.body.code]).toEqual([409, 'PROPERTY_AREA_CHANGE_OPEN']);
      expect(second.body.message).toContain('未办结的修改申请');
      expect((await changeOk('futian.lead', a.id, { remarks: '审核期间修改备注' })).applied).toHaveLength(1);
      expect(await t.dataSource.getRepository(PropertyAreaCase).countBy({ openAreaId: a.id, formType: AREA_CHANGE_FORM_TYPE })).toBe(1);
      await actOk(CITY, first.id, A.REJECT, { opinion: '宗地号与规划许可不符' });
    });

    it('leaves the area untouched on rejection and on return; the applicant modifies a returned request and submits it again', async () => {
      const a = await freshArea();
      const rejected = (await changeOk('futian.handler', a.id, { floorArea: a.floorArea + 500 })).case!;
      expect((await act(CITY, rejected.id, A.REJECT)).status).toBe(400); // an opinion is required
      expect(await actOk(CITY, rejected.id, A.REJECT, { opinion: '缺少测绘报告' })).toMatchObject({ status: S.REJECTED, statusLabel: '不通过' });
      expect(await area(a.id)).toMatchObject({ floorArea: a.floorArea, version: a.version });

      const boundEast = (await t.dataSource.getRepository(PropertyAreaProfile).findOneBy({ propertyAreaId: a.id }))?.boundEast ?? null;
      const returned = (await changeOk('futian.handler', a.id, { floorArea: a.floorArea + 600, boundEast: '福华路' })).case!;
      const back = await actOk(CITY, returned.id, A.RETURN_TO_PREVIOUS, { opinion: '请补充东侧四至依据' });
      expect(back).toMatchObject({ status: S.ENTRY, statusLabel: '退回修改', returned: true });
      expect(await area(a.id)).toMatchObject({ floorArea: a.floorArea, version: a.version });
      expect(await todoIds('futian.handler')).toContain(returned.id);
      // still open: a new request waits for this one
      expect((await change('futian.handler', a.id, { houseCount: 1 })).status).toBe(409);
      // another officer of the district cannot take the applicant's request over
      expect((await act('futian.lead', returned.id, A.SUBMIT)).body.code).toBe('WORKFLOW_NOT_ASSIGNED');
      // a free field is not part of a request
      const freeInside = await act('futian.handler', returned.id, A.EDIT, { payload: { propertyAreaId: a.id, proposed: { remarks: 'x' } } });
      expect([freeInside.status, freeInside.body.code, freeInside.body.details[0].field]).toEqual([400, 'PROPERTY_AREA_FIELD_NEEDS_NO_APPROVAL', 'payload.proposed.remarks']);
      const resubmitted = await actOk('futian.handler', returned.id, A.SUBMIT, { payload: { propertyAreaId: a.id, proposed: { floorArea: a.floorArea + 650, boundEast: '福华三路' } } });
      expect(resubmitted).toMatchObject({ status: S.REVIEW, payload: { proposed: { floorArea: a.floorArea + 650, boundEast: '福华三路' }, before: { floorArea: a.floorArea, boundEast } } });
      await actOk(CITY, returned.id, A.APPROVE, { opinion: '同意' });
      expect((await area(a.id)).floorArea).toBe(a.floorArea + 650);
      expect((await t.dataSource.getRepository(PropertyAreaProfile).findOneByOrFail({ propertyAreaId: a.id })).boundEast).toBe('福华三路');
      expect((await caseOf('futian.handler', returned.id)).history.map((h) => h.action)).toEqual([A.CREATE, A.SUBMIT, A.RETURN_TO_PREVIOUS, A.EDIT, A.SUBMIT, A.APPROVE]);
    });

    it('lets the applicant, and only the applicant, withdraw while it is pending', async () => {
      const a = await freshArea();
      const c = (await changeOk('futian.handler', a.id, { siteArea: 12345.678 })).case!;
      expect((await act('futian.lead', c.id, A.WITHDRAW)).body.code).toBe('WORKFLOW_NOT_ASSIGNED');
      expect((await act(CITY, c.id, A.WITHDRAW)).body.code).toBe('WORKFLOW_NOT_YOUR_STEP');
      const withdrawn = await actOk('futian.handler', c.id, A.WITHDRAW, { remark: '数据有误，撤回' });
      expect(withdrawn).toMatchObject({ status: S.WITHDRAWN, statusLabel: '已撤销', allowedActions: [] });
      expect(withdrawn.finishedAt).not.toBeNull();
      expect(await todoIds(CITY)).not.toContain(c.id);
      expect((await act(CITY, c.id, A.APPROVE, { opinion: '同意' })).body.code).toBe('WORKFLOW_ACTION_NOT_ALLOWED');
      const profile = await t.dataSource.getRepository(PropertyAreaProfile).findOneBy({ propertyAreaId: a.id });
      expect(profile?.siteArea ?? null).not.toBe(12345.68);
      expect((await changeOk('futian.handler', a.id, { siteArea: 12000 })).case!.status).toBe(S.REVIEW);
    });

    it('refuses a stale approval (409) in words the reviewer understands, and approves once resubmitted', async () => {
      const a = await freshArea();
      const c = (await changeOk('futian.handler', a.id, { name: `${a.name}北区`, landNumber: 'B777-0007' })).case!;
      // meanwhile the city admin makes 宗地号 free and the district corrects it directly
      await t.http().patch('/api/admin/property-areas/field-rules/landNumber').set(auth('city.admin')).send({ requiresCityApproval: false }).expect(200);
      await changeOk('futian.lead', a.id, { landNumber: 'B778-0008' });
      await t.http().patch('/api/admin/property-areas/field-rules/landNumber').set(auth('city.admin')).send({ requiresCityApproval: true }).expect(200);
      const stale = await act(CITY, c.id, A.APPROVE, { opinion: '同意' });
      expect([stale.status, stale.body.code]).toEqual([409, 'PROPERTY_AREA_CHANGED_MEANWHILE']);
      expect(stale.body.message).toBe('该项目的信息在申请后已被修改（宗地号），请退回申请人重新提交');
      expect(stale.body.details).toEqual({ fields: [{ field: 'landNumber', label: '宗地号', before: a.landNumber, current: 'B778-0008' }] });
      // nothing applied, the case still waits
      expect(await area(a.id)).toMatchObject({ name: a.name, landNumber: 'B778-0008' });
      expect((await caseOf(CITY, c.id)).status).toBe(S.REVIEW);

      await actOk(CITY, c.id, A.RETURN_TO_PREVIOUS, { opinion: '宗地号已被修改，请核对后重新提交' });
      const again = await actOk('futian.handler', c.id, A.SUBMIT, { payload: { propertyAreaId: a.id, proposed: { name: `${a.name}北区`, landNumber: 'B777-0007' } } });
      expect(again.payload).toMatchObject({ before: { name: a.name, landNumber: 'B778-0008' } });
      await actOk(CITY, c.id, A.APPROVE, { opinion: '同意' });
      expect(await area(a.id)).toMatchObject({ name: `${a.name}北区`, landNumber: 'B777-0007' });
    });

    it('keeps districts apart: another district’s officer is refused, the city sees every district', async () => {
      const futian = await freshArea();
      const nanshan = await freshArea(NANSHAN_ID);
      const refused = await change('nanshan.handler', futian.id, { houseCount: futian.houseCount + 1 });
      expect([refused.status, refused.body.code]).toEqual([403, 'OUT_OF_DISTRICT']);
      const f = (await changeOk('futian.handler', futian.id, { houseCount: futian.houseCount + 2 })).case!;
      const n = (await changeOk('nanshan.handler', nanshan.id, { houseCount: nanshan.houseCount + 2 })).case!;
      expect((await get('nanshan.handler', `/api/workflow/cases/${f.id}`)).status).toBe(403);
      expect((await post('nanshan.handler', `/api/workflow/cases/${f.id}/actions`, { action: A.WITHDRAW, version: f.version })).status).toBe(403);

      // 查看申请记录: the district's own requests; the city officer's: every district's
      const futianList = await listed('futian.handler', 'view=submitted');
      expect(futianList.map((i) => i.id)).toContain(f.id);
      expect(futianList.every((i) => i.districtId === FUTIAN_ID)).toBe(true);
      expect((await listed('nanshan.handler', 'view=submitted')).map((i) => i.id)).not.toContain(f.id);
      const cityList = await listed(CITY, 'view=submitted&status=REVIEW');
      expect(cityList.map((i) => i.id)).toEqual(expect.arrayContaining([f.id, n.id]));
      expect(new Set(cityList.map((i) => i.districtId))).toEqual(new Set([FUTIAN_ID, NANSHAN_ID]));
      expect((await listed(CITY, `view=submitted&districtId=${NANSHAN_ID}`)).every((i) => i.districtId === NANSHAN_ID)).toBe(true);
      expect((await get('futian.handler', `/api/property-areas/change-requests?view=submitted&districtId=${NANSHAN_ID}`)).status).toBe(403);
      const todos = await todoIds(CITY);
      expect(todos).toEqual(expect.arrayContaining([f.id, n.id]));

      // the list row: area, street and community, and the filters
      const row = futianList.find((i) => i.id === f.id)!;
      const street = await t.dataSource.getRepository(Region).findOneByOrFail({ id: futian.streetId });
      expect(row).toMatchObject({ propertyAreaId: futian.id, areaName: futian.name, streetId: futian.streetId, streetName: street.name, communityId: futian.communityId, status: S.REVIEW });
      expect((await listed('futian.handler', `view=submitted&streetId=${futian.streetId}`)).every((i) => i.streetId === futian.streetId)).toBe(true);
      expect((await listed('futian.handler', `view=submitted&communityId=${futian.communityId}`)).map((i) => i.id)).toContain(f.id);
      expect((await listed('futian.handler', `view=submitted&search=${encodeURIComponent(futian.name)}`)).map((i) => i.id)).toContain(f.id);
      expect((await listed('futian.handler', `view=submitted&propertyAreaId=${futian.id}&status=REVIEW`)).map((i) => i.id)).toEqual([f.id]);
      expect((await listed('futian.handler', 'view=submitted&status=APPROVED')).map((i) => i.id)).not.toContain(f.id);
      expect((await listed('futian.handler', 'view=submitted&createdFrom=2000-01-01&createdTo=2000-01-02'))).toEqual([]);
    });

    it('shows the seeded requests in every state', async () => {
      const statuses = new Set((await listed(CITY, 'view=submitted')).map((i) => i.status));
      expect([...statuses]).toEqual(expect.arrayContaining([S.APPROVED, S.REJECTED, S.REVIEW, S.ENTRY, S.WITHDRAWN]));
      const reviewing = await listed('futian.handler', 'view=reviewing&status=PENDING_ACCEPTANCE');
      expect(reviewing.map((i) => i.formType)).toEqual(expect.arrayContaining([PROJECT_REGISTRATION_FORM_TYPE, PROJECT_MANAGER_CHANGE_FORM_TYPE]));
    });
  });

  describe('the counterpart’s 项目登记 and 项目经理变更, reviewed by the district (审批列表)', () => {
    let companyId: number;
    beforeAll(async () => {
      companyId = (await t.dataSource.getRepository(Account).findOneByOrFail({ username: 'demo.company' })).unitId!;
    });

    async function decide(caseId: number, approve = true): Promise<WorkflowCaseDetail> {
      await actOk('futian.handler', caseId, A.ACCEPT);
      await actOk('futian.handler', caseId, approve ? A.PROPOSE_APPROVE : A.PROPOSE_REJECT, { opinion: '材料齐全' });
      return actOk('futian.supervisor', caseId, approve ? A.APPROVE : A.REJECT, { opinion: approve ? '同意登记' : '不同意' });
    }

    it('registers a new project: filed by the company, approved by the district, the area created', async () => {
      const community = await t.dataSource.getRepository(Region).findOneOrFail({ where: { districtId: FUTIAN_ID, level: RegionLevel.COMMUNITY }, order: { id: 'DESC' } });
      const body = {
        name: '福田测试登记花园',
        communityId: community.id,
        address: '深圳市福田区测试路1号',
        landNumber: 'B101-2001',
        boundEast: '东环路',
        floorArea: 56000,
        houseCount: 480,
        longitude: 114.0612,
        latitude: 22.5431,
        developerName: '测试开发有限公司',
        handoverDate: '2025-10-01',
        contactName: '李卫东',
        contactPhone: '13800138000',
      };
      const badCommunity = await post('demo.company', '/api/property-areas/registrations', { ...body, communityId: FUTIAN_ID });
      expect([badCommunity.status, badCommunity.body.code]).toEqual([400, 'PROPERTY_AREA_COMMUNITY_INVALID']);
      const badValue = await post('demo.company', '/api/property-areas/registrations', { ...body, handoverDate: '2025-13-01' });
      expect([badValue.status, badValue.body.details?.[0]?.field]).toEqual([400, 'handoverDate']);
      expect((await post('futian.handler', '/api/property-areas/registrations', body)).status).toBe(403);

      const filed = await post('demo.company', '/api/property-areas/registrations', body).expect(201);
      const c: WorkflowCaseDetail = filed.body;
      expect(c).toMatchObject({ formType: PROJECT_REGISTRATION_FORM_TYPE, status: S.PENDING_ACCEPTANCE, districtId: FUTIAN_ID, payload: { companyId, communityName: community.name, streetId: community.streetId } });
      expect(await todoIds('futian.handler', 'to-accept')).toContain(c.id);
      expect(await todoIds(CITY, 'to-accept')).not.toContain(c.id);
      const row = (await listed('futian.handler', `view=reviewing&formType=${PROJECT_REGISTRATION_FORM_TYPE}&communityId=${community.id}`)).find((i) => i.id === c.id)!;
      expect(row).toMatchObject({ propertyAreaId: null, areaName: '福田测试登记花园', communityId: community.id, communityName: community.name });
      expect((await listed('nanshan.handler', 'view=reviewing')).map((i) => i.id)).not.toContain(c.id);
      const mine = (await get('demo.company', '/api/property-areas/applications/mine').expect(200)).body.items as AreaCaseListItem[];
      expect(mine.map((i) => i.id)).toContain(c.id);
      expect((await get('futian.handler', `/api/property-areas/change-requests?view=reviewing&formType=${AREA_CHANGE_FORM_TYPE}`)).status).toBe(400);

      const approved = await decide(c.id);
      expect(approved.status).toBe(S.APPROVED);
      const created = await t.dataSource.getRepository(PropertyArea).findOneByOrFail({ name: '福田测试登记花园' });
      expect(created).toMatchObject({ districtId: FUTIAN_ID, streetId: community.streetId, communityId: community.id, companyId, houseCount: 480, floorArea: 56000, landNumber: 'B101-2001', coordinateStatus: 'UNPLOTTED' });
      const profile = await t.dataSource.getRepository(PropertyAreaProfile).findOneByOrFail({ propertyAreaId: created.id });
      expect(profile).toMatchObject({ boundEast: '东环路', developerName: '测试开发有限公司', handoverDate: '2025-10-01' });
      expect((await listed('futian.handler', `view=reviewing&propertyAreaId=${created.id}`)).map((i) => i.id)).toEqual([c.id]);
    });

    it('updates the filer’s own area on approval (synchronised), and refuses someone else’s area', async () => {
      const own = await freshArea(FUTIAN_ID, { companyId });
      const other = (await t.dataSource.getRepository(PropertyArea).find({ where: { districtId: FUTIAN_ID } })).find((a) => a.companyId !== companyId && a.companyId !== null)!;
      const body = { propertyAreaId: own.id, name: own.name, communityId: own.communityId, address: `${own.address}（登记更新）`, floorArea: own.floorArea + 1000, houseCount: own.houseCount, longitude: own.longitude, latitude: own.latitude, contactName: '李卫东', contactPhone: '13800138000' };
      const refused = await post('demo.company', '/api/property-areas/registrations', { ...body, propertyAreaId: other.id });
      expect([refused.status, refused.body.code]).toEqual([403, 'PROPERTY_AREA_NOT_OWN_AREA']);
      const c: WorkflowCaseDetail = (await post('demo.company', '/api/property-areas/registrations', body).expect(201)).body;
      expect(c.payload).toMatchObject({ current: { address: own.address, floorArea: own.floorArea } });
      const rejected = await post('demo.company', '/api/property-areas/registrations', body);
      expect([rejected.status, rejected.body.code]).toEqual([409, 'PROPERTY_AREA_CHANGE_OPEN']);
      await decide(c.id);
      expect(await area(own.id)).toMatchObject({ address: `${own.address}（登记更新）`, floorArea: own.floorArea + 1000, version: own.version + 1 });
    });

    it('changes an area’s project manager on approval, to a registered or a new manager', async () => {
      const own = await freshArea(FUTIAN_ID, { companyId });
      const colleague = (await t.dataSource.getRepository(ProjectManager).find({ where: { companyId } })).find((m) => m.id !== own.projectManagerId);
      const foreign = await t.dataSource.getRepository(ProjectManager).findOneOrFail({ where: { companyId: Not(companyId) } });
      const wrong = await post('demo.company', `/api/property-areas/${own.id}/manager-changes`, { projectManagerId: foreign.id });
      expect([wrong.status, wrong.body.code]).toEqual([400, 'PROPERTY_AREA_MANAGER_INVALID']);
      // neither an existing nor a new manager: the request's shape is wrong, named in the 400
      const neither = await post('demo.company', `/api/property-areas/${own.id}/manager-changes`, {});
      expect([neither.status, neither.body.code, neither.body.details?.[0]?.field]).toEqual([400, 'VALIDATION_FAILED', 'projectManagerId']);

      const request = colleague ? { projectManagerId: colleague.id, reason: '岗位调整' } : { newManager: { name: '周文斌', phone: '13912345678', idNumber: '44030419880315001X', certificateNo: 'WYJL-2026-0001' }, reason: '岗位调整' };
      const c: WorkflowCaseDetail = (await post('demo.company', `/api/property-areas/${own.id}/manager-changes`, request).expect(201)).body;
      expect(c).toMatchObject({ formType: PROJECT_MANAGER_CHANGE_FORM_TYPE, status: S.PENDING_ACCEPTANCE, payload: { propertyAreaId: own.id, previousManagerId: own.projectManagerId } });
      expect((await post('demo.company', `/api/property-areas/${own.id}/manager-changes`, request)).status).toBe(409);
      const rejected = await decide(c.id, false);
      expect(rejected.status).toBe(S.REJECTED);
      expect((await area(own.id)).projectManagerId).toBe(own.projectManagerId);

      const newManager = { newManager: { name: '周文斌', phone: '13912345678', idNumber: '44030419880315001X', certificateNo: 'WYJL-2026-0001' } };
      const second: WorkflowCaseDetail = (await post('demo.company', `/api/property-areas/${own.id}/manager-changes`, newManager).expect(201)).body;
      await decide(second.id);
      const changed = await area(own.id);
      const appointed = await t.dataSource.getRepository(ProjectManager).findOneByOrFail({ id: changed.projectManagerId! });
      expect(appointed).toMatchObject({ name: '周文斌', companyId, districtId: FUTIAN_ID });
    });

    it('refuses manager changes on areas that are not the filer’s', async () => {
      const other = (await t.dataSource.getRepository(PropertyArea).find({ where: { districtId: FUTIAN_ID } })).find((a) => a.companyId !== companyId && a.companyId !== null)!;
      const refused = await post('demo.company', `/api/property-areas/${other.id}/manager-changes`, { newManager: { name: '张三', phone: '13900000000', idNumber: '440304199001010011', certificateNo: 'X-1' } });
      expect([refused.status, refused.body.code]).toEqual([403, 'PROPERTY_AREA_NOT_OWN_AREA']);
    });
  });
});
