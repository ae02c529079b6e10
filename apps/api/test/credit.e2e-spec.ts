import { BadRecordItemView, CreditInfoItem, CreditSubjectDetail, CreditSubjectListItem, CreditSubjectType, Page, WorkflowAction as A, WorkflowCaseDetail } from '@szpm/contract';
import { Account } from '../src/access/entities/account.entity';
import { shanghaiDate } from '../src/common/http/shanghai-time';
import { Owner } from '../src/modules/regions/entities/owner.entity';
import { FUTIAN_ID, NANSHAN_ID } from '../src/seed/shenzhen';
import { startTestApp, TestApp } from './support/test-app';

const ALL_TYPES = Object.values(CreditSubjectType);

describe('credit information (chapter 8)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const auth = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const get = (user: string, path: string) => t.http().get(path).set(auth(user));
  const post = (user: string, path: string, body: object) => t.http().post(path).set(auth(user)).send(body);
  const list = async (user: string, subjectType: CreditSubjectType, query = ''): Promise<Page<CreditSubjectListItem>> =>
    (await get(user, `/api/credit/subjects?subjectType=${subjectType}&pageSize=100${query}`).expect(200)).body;
  const detail = async (user: string, subjectType: CreditSubjectType, id: number): Promise<CreditSubjectDetail> =>
    (await get(user, `/api/credit/subjects/${subjectType}/${id}`).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of ['futian.handler', 'futian.supervisor', 'futian.lead', 'nanshan.handler', 'city.admin', 'demo.company']) tokens[user] = await t.login(user);
  });
  afterAll(() => t.close());

  it('finds every kind of subject of the district by name, with counts of good and bad information', async () => {
    for (const subjectType of ALL_TYPES) {
      const page = await list('futian.handler', subjectType);
      expect(page.total).toBeGreaterThan(0);
      expect(page.items.every((i) => i.subjectType === subjectType)).toBe(true);
      if (subjectType !== CreditSubjectType.PROPERTY_COMPANY) expect(page.items.every((i) => i.districtId === FUTIAN_ID)).toBe(true);
      // persons' identity numbers are masked; a company's credit code is public
      const first = page.items[0];
      if (subjectType === CreditSubjectType.PROPERTY_COMPANY) expect(first.identifier).toMatch(/^[0-9A-Z]{18}$/);
      else expect(first.identifier).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
      // search by (part of) a name
      const byName = await list('futian.handler', subjectType, `&search=${encodeURIComponent(first.name.slice(1))}`);
      expect(byName.items.map((i) => i.subjectId)).toContain(first.subjectId);
      expect(byName.items.every((i) => i.name.includes(first.name.slice(1)))).toBe(true);
      expect(byName.total).toBeLessThanOrEqual(page.total);
      const nothing = await list('futian.handler', subjectType, `&search=${encodeURIComponent('不存在的名字%_')}`);
      expect(nothing.total).toBe(0);
    }
    const owners = await list('futian.handler', CreditSubjectType.OWNER);
    expect(owners.items[0].propertyAreaName).toBeTruthy();
    const managers = await list('futian.handler', CreditSubjectType.PROJECT_MANAGER);
    expect(managers.items[0].companyName).toBeTruthy();
  });

  it('shows each kind of subject with basic, good and bad information', async () => {
    for (const subjectType of ALL_TYPES) {
      const page = await list('futian.handler', subjectType);
      const withBoth = page.items.find((i) => i.goodCount > 0 && i.badCount > 0);
      expect(withBoth).toBeDefined();
      const shown = await detail('futian.handler', subjectType, withBoth!.subjectId);
      expect(shown).toMatchObject({ subjectType, subjectId: withBoth!.subjectId, name: withBoth!.name });
      expect(shown.basic.find((f) => ['企业名称', '姓名'].includes(f.label))?.value).toBe(withBoth!.name);
      expect(shown.good).toHaveLength(withBoth!.goodCount);
      expect(shown.bad).toHaveLength(withBoth!.badCount);
      expect(shown.good.every((i) => i.kind === 'GOOD' && i.title && i.date && i.issuedBy)).toBe(true);
      expect(shown.bad.every((i) => i.kind === 'BAD')).toBe(true);
    }
    // an office holder's detail names the office's terms
    const chair = (await list('futian.handler', CreditSubjectType.COMMITTEE_CHAIR)).items[0];
    const chairDetail = await detail('futian.handler', CreditSubjectType.COMMITTEE_CHAIR, chair.subjectId);
    expect(chairDetail.basic.map((f) => f.label)).toEqual(expect.arrayContaining(['业主委员会', '任期', '是否业主']));
    expect(chairDetail.basic.find((f) => f.label === '是否业主')?.value).toBe('是');
    expect(chairDetail.basic.find((f) => f.label === '手机号码')?.value).toMatch(/^\d{3}\*{4}\d{4}$/);
    // a company's contact mobile is masked like every other phone of a detail, for the city too
    const company = (await list('futian.handler', CreditSubjectType.PROPERTY_COMPANY)).items[0];
    for (const user of ['futian.handler', 'city.admin']) {
      expect((await detail(user, CreditSubjectType.PROPERTY_COMPANY, company.subjectId)).basic.find((f) => f.label === '联系电话')?.value).toMatch(/^\d{3}\*{4}\d{4}$/);
    }
    // an id of one kind is not found as another
    await get('futian.handler', `/api/credit/subjects/${CreditSubjectType.OWNER_SUPERVISOR}/${chair.subjectId}`).expect((r) => expect([403, 404]).toContain(r.status));
    expect((await get('futian.handler', `/api/credit/subjects/NOBODY/1`).expect(400)).body.details[0].field).toBe('subjectType');
  });

  it('includes the service evaluation’s records of companies and project managers', async () => {
    const demoCompanyId = (await t.dataSource.getRepository(Account).findOneByOrFail({ username: 'demo.company' })).unitId!;
    const before = await detail('futian.handler', CreditSubjectType.PROPERTY_COMPANY, demoCompanyId);
    const catalogue: BadRecordItemView[] = (await get('futian.handler', '/api/service-evaluation/catalogue/bad-record-items').expect(200)).body;
    const item = catalogue.find((i) => i.code === 'CONTRACT_FILING')!;
    const started: WorkflowCaseDetail = (
      await post('futian.handler', '/api/service-evaluation/bad-records/determinations', {
        subjectType: 'COMPANY',
        subjectId: demoCompanyId,
        itemId: item.id,
        circumstanceId: item.circumstances[0].id,
        factDate: shanghaiDate(new Date()),
        documentNo: '深福住建责〔2026〕88号',
        description: '未按规定办理物业服务合同备案',
      }).expect(201)
    ).body;
    await post('futian.supervisor', `/api/workflow/cases/${started.id}/actions`, { action: A.APPROVE, version: started.version, opinion: '同意' }).expect(200);
    const after = await detail('futian.handler', CreditSubjectType.PROPERTY_COMPANY, demoCompanyId);
    expect(after.bad).toHaveLength(before.bad.length + 1);
    const fromEvaluation = after.bad.find((i) => i.source === 'EVALUATION_BAD_RECORD' && i.documentNo === '深福住建责〔2026〕88号') as CreditInfoItem;
    expect(fromEvaluation).toMatchObject({ sourceLabel: '物业服务评价不良信息', title: item.name, points: item.circumstances[0].points, issuedBy: '福田区住房和建设局', statusLabel: '已生效' });
    const listed = (await list('futian.handler', CreditSubjectType.PROPERTY_COMPANY, `&search=${encodeURIComponent(after.name)}`)).items.find((i) => i.subjectId === demoCompanyId)!;
    expect(listed.badCount).toBe(after.bad.length);
  });

  it('keeps district officers to their district; the city sees every district', async () => {
    const nanshanOwner = await t.dataSource.getRepository(Owner).findOneOrFail({ where: { districtId: NANSHAN_ID }, order: { id: 'ASC' } });
    expect((await get('futian.handler', `/api/credit/subjects/OWNER/${nanshanOwner.id}`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
    expect((await get('futian.handler', `/api/credit/subjects?subjectType=OWNER&districtId=${NANSHAN_ID}`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
    await detail('nanshan.handler', CreditSubjectType.OWNER, nanshanOwner.id);
    const cityNanshan = await list('city.admin', CreditSubjectType.OWNER, `&districtId=${NANSHAN_ID}`);
    expect(cityNanshan.items.every((i) => i.districtId === NANSHAN_ID)).toBe(true);
    const city = await list('city.admin', CreditSubjectType.OWNER);
    expect(city.total).toBeGreaterThan(cityNanshan.total);
    // the district lead reads credit; a unit account has no grant
    await list('futian.lead', CreditSubjectType.OWNER);
    expect((await get('demo.company', '/api/credit/subjects?subjectType=OWNER').expect(403)).body.code).toBe('MODULE_NOT_GRANTED');
  });

  it('registers information (诚信登记) with the operate grant, checking dates', async () => {
    const owner = (await list('futian.handler', CreditSubjectType.OWNER)).items[0];
    const body = {
      subjectType: CreditSubjectType.OWNER,
      subjectId: owner.subjectId,
      kind: 'BAD',
      title: '拒不执行法院生效判决',
      content: '拖欠物业服务费经判决后仍未履行',
      issuedBy: '深圳市福田区人民法院',
      documentNo: '（2026）粤0304执1234号',
      recordDate: shanghaiDate(new Date()),
    };
    expect((await post('futian.handler', '/api/credit/records', body).expect(403)).body.code).toBe('MODULE_NOT_GRANTED');
    const future = await post('city.admin', '/api/credit/records', { ...body, recordDate: '2999-01-01' }).expect(400);
    expect(future.body).toMatchObject({ code: 'CREDIT_RECORD_DATE_IN_FUTURE', details: [{ field: 'recordDate' }] });
    const backwards = await post('city.admin', '/api/credit/records', { ...body, recordDate: '2026-01-10', validUntil: '2026-01-09' }).expect(400);
    expect(backwards.body).toMatchObject({ code: 'CREDIT_VALID_UNTIL_BEFORE_RECORD_DATE', details: [{ field: 'validUntil' }] });
    expect((await post('city.admin', '/api/credit/records', { ...body, subjectId: 99999999 }).expect(404)).body.code).toBe('NOT_FOUND');
    const created: CreditInfoItem = (await post('city.admin', '/api/credit/records', body).expect(201)).body;
    expect(created).toMatchObject({ source: 'CREDIT_REGISTRATION', kind: 'BAD', title: body.title, issuedBy: body.issuedBy, documentNo: body.documentNo });
    const shown = await detail('futian.handler', CreditSubjectType.OWNER, owner.subjectId);
    expect(shown.bad[0]).toMatchObject({ recordId: created.recordId, date: body.recordDate });
    expect(shown.bad).toHaveLength(owner.badCount + 1);
  });
});
