import {
  BadRecordDetail,
  BadRecordItemView,
  InboxMessage,
  ObjectionDetail,
  ObjectionKindView,
  ObjectionListItem,
  RiskListItemView,
  ScoreListItem,
  WorkflowAction as A,
  WorkflowCaseDetail,
  WorkflowCaseSummary,
  WorkflowStatus as S,
} from '@szpm/contract';
import { Account } from '../src/access/entities/account.entity';
import { shanghaiDate } from '../src/common/http/shanghai-time';
import { PropertyCompany } from '../src/modules/regions/entities/property-company.entity';
import { BadRecord } from '../src/modules/service-evaluation/entities/bad-record.entity';
import { RiskListEntry } from '../src/modules/service-evaluation/entities/risk-list-entry.entity';
import { FUTIAN_ID } from '../src/seed/shenzhen';
import { startTestApp, TestApp } from './support/test-app';
import { PNG_BYTES } from './support/workflow-test-forms';

const today = () => shanghaiDate(new Date());
const thisYear = () => today().slice(0, 4);

describe('objections (异议处理) and the subject views', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let badItems: BadRecordItemView[];
  let riskItems: RiskListItemView[];
  let kinds: ObjectionKindView[];
  let demoCompanyId: number;
  let demoManagerId: number;
  let otherCompanyId: number;
  let documentSeq = 0;

  const auth = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const get = (user: string, path: string) => t.http().get(path).set(auth(user));
  const post = (user: string, path: string, body: object = {}) => t.http().post(path).set(auth(user)).send(body);
  const kind = (code: string) => kinds.find((k) => k.code === code)!.id;
  const badCircumstance = (item: string, code: string) => {
    const found = badItems.find((i) => i.code === item)!;
    return { itemId: found.id, circumstance: found.circumstances.find((c) => c.code === code)! };
  };
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
  /** A bad record on a company, determined and approved by the 福田区 officers. */
  async function badRecordOn(companyId: number, item = 'ADMIN_PENALTY', circumstance = 'FINE'): Promise<BadRecord> {
    const { itemId, circumstance: c } = badCircumstance(item, circumstance);
    const started = await post('futian.handler', '/api/service-evaluation/bad-records/determinations', {
      subjectType: 'COMPANY',
      subjectId: companyId,
      itemId,
      circumstanceId: c.id,
      factDate: `${thisYear()}-01-10`,
      documentNo: `深福住建罚〔${thisYear()}〕${++documentSeq}号`,
      description: '经现场检查查实',
    }).expect(201);
    await actOk('futian.supervisor', started.body.id, A.APPROVE, { opinion: '同意' });
    return t.dataSource.getRepository(BadRecord).findOneByOrFail({ determinationCaseId: started.body.id });
  }
  const rawRow = async (table: string, id: number) => (await t.dataSource.query(`SELECT * FROM ${table} WHERE id = ?`, [id]))[0] as Record<string, unknown>;
  const score = async (companyId: number) => (await get('futian.handler', `/api/service-evaluation/scores/COMPANY/${companyId}`).expect(200)).body;
  const inboxTitles = async (user: string): Promise<string[]> => (await get(user, '/api/inbox?pageSize=100').expect(200)).body.items.map((m: InboxMessage) => m.title);
  const upload = (user: string) => t.http().post('/api/attachments').set(auth(user)).attach('file', PNG_BYTES, '处罚决定书.png').expect(201);

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of ['demo.company', 'demo.manager', 'demo.committee', 'futian.handler', 'futian.supervisor', 'nanshan.handler', 'city.admin']) tokens[user] = await t.login(user);
    const accounts = t.dataSource.getRepository(Account);
    demoCompanyId = (await accounts.findOneByOrFail({ username: 'demo.company' })).unitId!;
    demoManagerId = (await accounts.findOneByOrFail({ username: 'demo.manager' })).unitId!;
    otherCompanyId = (await t.dataSource.getRepository(PropertyCompany).findOneOrFail({ where: { registeredDistrictId: FUTIAN_ID }, order: { id: 'DESC' } })).id;
    expect(otherCompanyId).not.toBe(demoCompanyId);
    badItems = (await get('futian.handler', '/api/service-evaluation/catalogue/bad-record-items').expect(200)).body;
    riskItems = (await get('futian.handler', '/api/service-evaluation/catalogue/risk-list-items').expect(200)).body;
    kinds = (await get('demo.company', '/api/service-evaluation/objections/kinds').expect(200)).body;
  });
  afterAll(() => t.close());

  it('has a configurable catalogue of objection kinds', async () => {
    expect(kinds.map((k) => [k.code, k.name, k.target])).toEqual(
      expect.arrayContaining([
        ['BAD_RECORD_POINTS', '不良信息计分异议', 'BAD_RECORD'],
        ['RISK_LIST_DETERMINATION', '风险名单认定异议', 'RISK_LIST_ENTRY'],
        ['SCORE_BASIC_INFORMATION', '基础信息计分异议', 'SCORE'],
      ]),
    );
    const body = { code: 'BAD_RECORD_PUBLICITY', name: '不良信息公示期异议', target: 'BAD_RECORD' };
    await post('futian.handler', '/api/service-evaluation/objections/kinds', body).expect(403);
    const created: ObjectionKindView = (await post('city.admin', '/api/service-evaluation/objections/kinds', body).expect(201)).body;
    expect((await post('city.admin', '/api/service-evaluation/objections/kinds', body).expect(409)).body.code).toBe('OBJECTION_KIND_CODE_TAKEN');
    await t.http().patch(`/api/service-evaluation/objections/kinds/${created.id}`).set(auth('city.admin')).send({ enabled: false }).expect(200);
    const forRecords: ObjectionKindView[] = (await get('demo.company', '/api/service-evaluation/objections/kinds?target=BAD_RECORD').expect(200)).body;
    expect(forRecords.map((k) => k.code)).not.toContain('BAD_RECORD_PUBLICITY');
    expect(forRecords.every((k) => k.target === 'BAD_RECORD')).toBe(true);
  });

  it('approved: the handler’s draft replaces the record, the score is recomputed, the applicant is told', async () => {
    const record = await badRecordOn(demoCompanyId);
    const targets = (await get('demo.company', '/api/service-evaluation/objections/targets').expect(200)).body;
    expect(targets).toEqual(expect.arrayContaining([expect.objectContaining({ target: 'BAD_RECORD', recordId: record.id, points: 6, objectedGrounds: [] })]));
    const scoreBefore = await score(demoCompanyId);
    const attachment = (await upload('demo.company')).body;

    const filed: ObjectionDetail = (
      await post('demo.company', '/api/service-evaluation/objections', {
        target: 'BAD_RECORD',
        recordId: record.id,
        kindId: kind('BAD_RECORD_POINTS'),
        grounds: 'WRONG_POINTS',
        text: '该处罚为警告，不应按罚款计6分',
        attachmentIds: [attachment.id],
      }).expect(201)
    ).body;
    expect(filed).toMatchObject({ status: S.PENDING_ACCEPTANCE, statusLabel: '待受理', kindName: '不良信息计分异议', groundsLabel: '计分有误', subjectName: record.subjectName, outcome: null, districtId: FUTIAN_ID });
    expect(filed.case.payload.draft).toMatchObject({ itemId: record.itemId, circumstanceId: record.circumstanceId, points: 6, revoke: false });
    expect(filed.case.attachments.map((a) => a.id)).toEqual([attachment.id]);
    const untouched = await rawRow('evaluation_bad_records', record.id);

    // the handler accepts it from 待受理 and edits the draft: nothing changes on the record yet
    const toAccept = (await get('futian.handler', '/api/todos?list=to-accept').expect(200)).body.items.map((c: WorkflowCaseSummary) => c.id);
    expect(toAccept).toContain(filed.caseId);
    await actOk('futian.handler', filed.caseId, A.ACCEPT);
    const warning = badCircumstance('ADMIN_PENALTY', 'WARNING');
    const edited = await actOk('futian.handler', filed.caseId, A.EDIT, {
      payload: { ...filed.case.payload, text: '经办人改写的内容', draft: { ...filed.case.payload.draft, circumstanceId: warning.circumstance.id, points: 99, description: '经复核为警告处罚' } },
    });
    expect(edited.payload).toMatchObject({ text: filed.case.payload.text, draft: { circumstanceId: warning.circumstance.id, points: 3, level: 3, description: '经复核为警告处罚' } });
    expect(await rawRow('evaluation_bad_records', record.id)).toEqual(untouched);
    await actOk('futian.handler', filed.caseId, A.PROPOSE_APPROVE, { opinion: '拟同意，按警告计分' });
    const approved = await actOk('futian.supervisor', filed.caseId, A.APPROVE, { opinion: '同意' });
    expect(approved.status).toBe(S.APPROVED);

    const after: BadRecordDetail = (await get('futian.handler', `/api/service-evaluation/bad-records/${record.id}`).expect(200)).body;
    expect(after).toMatchObject({ circumstanceId: warning.circumstance.id, level: 3, points: 3, description: '经复核为警告处罚', documentNo: record.documentNo, status: 'EFFECTIVE' });
    expect((await score(demoCompanyId)).badScore).toBe(scoreBefore.badScore - 3);
    const mine: ObjectionListItem[] = (await get('demo.company', '/api/service-evaluation/objections/mine').expect(200)).body.items;
    expect(mine.find((o) => o.id === filed.id)).toMatchObject({ status: S.APPROVED, statusLabel: '已同意', outcome: 'UPHELD', outcomeLabel: '异议通过' });
    expect(await inboxTitles('demo.company')).toContain('异议处理结果：异议通过');
  });

  it('rejected: the original record stays byte-for-byte unchanged', async () => {
    const record = await badRecordOn(demoCompanyId, 'INFO_DISCLOSURE', 'ORDERED_NOT_CORRECTED');
    const before = await rawRow('evaluation_bad_records', record.id);
    const scoreBefore = await score(demoCompanyId);
    const filed: ObjectionDetail = (
      await post('demo.company', '/api/service-evaluation/objections', { target: 'BAD_RECORD', recordId: record.id, kindId: kind('BAD_RECORD_DETERMINATION'), grounds: 'WRONG_FACTS', text: '已按期公开，不存在逾期未改正' }).expect(201)
    ).body;
    await actOk('futian.handler', filed.caseId, A.ACCEPT);
    await actOk('futian.handler', filed.caseId, A.EDIT, { payload: { ...filed.case.payload, draft: { ...filed.case.payload.draft, revoke: true, documentNo: '改写的文书编号' } } });
    await actOk('futian.handler', filed.caseId, A.PROPOSE_REJECT, { opinion: '经核查，事实清楚' });
    const rejected = await actOk('futian.supervisor', filed.caseId, A.REJECT, { opinion: '不同意' });
    expect(rejected.status).toBe(S.REJECTED);
    expect(await rawRow('evaluation_bad_records', record.id)).toEqual(before);
    expect(await score(demoCompanyId)).toMatchObject({ badScore: scoreBefore.badScore, total: scoreBefore.total });
    const detail: ObjectionDetail = (await get('demo.company', `/api/service-evaluation/objections/${filed.id}`).expect(200)).body;
    expect(detail).toMatchObject({ status: S.REJECTED, outcome: 'DISMISSED', outcomeLabel: '异议不通过' });
    expect(detail.case.history.map((h) => h.actionLabel)).toEqual(['录入', '确认受理', '修改', '拟不同意', '不同意']);
    expect(await inboxTitles('demo.company')).toContain('异议处理结果：异议不通过');
  });

  it('refuses a second objection on the same record on the same grounds, with a clear message', async () => {
    const record = await badRecordOn(demoCompanyId, 'VERIFIED_COMPLAINT', 'SINGLE');
    const body = { target: 'BAD_RECORD', recordId: record.id, kindId: kind('BAD_RECORD_POINTS'), grounds: 'WRONG_BASIS', text: '适用条款有误' };
    await post('demo.company', '/api/service-evaluation/objections', body).expect(201);
    const again = await post('demo.company', '/api/service-evaluation/objections', { ...body, kindId: kind('BAD_RECORD_DETERMINATION'), text: '再次提出' }).expect(409);
    expect(again.body).toMatchObject({ code: 'OBJECTION_DUPLICATE', message: '已就该信息以相同理由提出过异议，同一信息同一理由不能再次提出异议', details: [{ field: 'grounds' }] });
    // other grounds on the same record are a different objection
    await post('demo.company', '/api/service-evaluation/objections', { ...body, grounds: 'WRONG_PROCEDURE' }).expect(201);
    const targets = (await get('demo.company', '/api/service-evaluation/objections/targets').expect(200)).body;
    expect(targets.find((x: { recordId: number | null }) => x.recordId === record.id).objectedGrounds.sort()).toEqual(['WRONG_BASIS', 'WRONG_PROCEDURE']);
    // two filings at the same moment: exactly one is accepted
    const [first, second] = await Promise.all([0, 1].map(() => post('demo.company', '/api/service-evaluation/objections', { ...body, grounds: 'OTHER' })));
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    expect([first.body.code, second.body.code]).toContain('OBJECTION_DUPLICATE');
  });

  it('runs the supplement loop: returned to the applicant, supplemented and resubmitted, the handler’s draft kept', async () => {
    const item = riskItems.find((i) => i.code === 'FALSE_MATERIALS')!;
    const other = riskItems.find((i) => i.code === 'POINTS_THRESHOLD')!;
    const started = await post('futian.handler', '/api/service-evaluation/risk-list/determinations', {
      subjectType: 'PROJECT_MANAGER',
      subjectId: demoManagerId,
      itemId: item.id,
      circumstanceId: item.circumstances[0].id,
      factDate: `${thisYear()}-01-20`,
      documentNo: `深福住建风〔${thisYear()}〕1号`,
      description: '申报材料与事实不符',
    }).expect(201);
    await actOk('futian.supervisor', started.body.id, A.APPROVE, { opinion: '同意' });
    const entry = await t.dataSource.getRepository(RiskListEntry).findOneByOrFail({ determinationCaseId: started.body.id });

    const filed: ObjectionDetail = (
      await post('demo.manager', '/api/service-evaluation/objections', { target: 'RISK_LIST_ENTRY', recordId: entry.id, kindId: kind('RISK_LIST_DETERMINATION'), grounds: 'WRONG_FACTS', text: '材料真实' }).expect(201)
    ).body;
    await actOk('futian.handler', filed.caseId, A.ACCEPT);
    const draft = { ...filed.case.payload.draft, itemId: other.id, circumstanceId: other.circumstances[0].id, description: '经复核属扣分累计情形' };
    await actOk('futian.handler', filed.caseId, A.EDIT, { payload: { ...filed.case.payload, draft } });
    await actOk('futian.handler', filed.caseId, A.RETURN_FOR_SUPPLEMENT, { opinion: '请补充材料原件' });
    const returned: ObjectionListItem = (await get('demo.manager', '/api/service-evaluation/objections/mine').expect(200)).body.items.find((o: ObjectionListItem) => o.id === filed.id);
    expect(returned).toMatchObject({ status: S.SUPPLEMENT, statusLabel: '退回补录' });
    const asked = (await get('demo.manager', '/api/inbox?pageSize=100').expect(200)).body.items.find((m: InboxMessage) => m.title === '异议需补充材料');
    expect(asked?.content).toContain('请补充材料原件');

    // target, kind and grounds stay as filed
    const current = await caseOf('demo.manager', filed.caseId);
    const changed = await post('demo.manager', `/api/workflow/cases/${filed.caseId}/actions`, { action: A.RESUBMIT, version: current.version, payload: { ...current.payload, grounds: 'OTHER' } }).expect(400);
    expect(changed.body).toMatchObject({ code: 'OBJECTION_STATEMENT_FIXED', details: [{ field: 'payload.grounds' }] });
    const attachment = (await upload('demo.manager')).body;
    const resubmitted: ObjectionDetail = (
      await post('demo.manager', `/api/service-evaluation/objections/${filed.id}/resubmit`, { version: current.version, text: '材料真实，补充原件扫描件', attachmentIds: [attachment.id] }).expect(201)
    ).body;
    expect(resubmitted).toMatchObject({ status: S.PENDING_ACCEPTANCE });
    expect(resubmitted.case.payload).toMatchObject({ text: '材料真实，补充原件扫描件', grounds: 'WRONG_FACTS', draft: { itemId: other.id, description: '经复核属扣分累计情形' } });
    expect(resubmitted.case.attachments.map((a) => a.id)).toContain(attachment.id);

    await actOk('futian.handler', filed.caseId, A.ACCEPT);
    await actOk('futian.handler', filed.caseId, A.PROPOSE_APPROVE, { opinion: '拟同意' });
    await actOk('futian.supervisor', filed.caseId, A.APPROVE, { opinion: '同意' });
    const updated = await t.dataSource.getRepository(RiskListEntry).findOneByOrFail({ id: entry.id });
    expect(updated).toMatchObject({ itemId: other.id, itemName: other.name, circumstanceId: other.circumstances[0].id, description: '经复核属扣分累计情形', documentNo: entry.documentNo });
    expect(await inboxTitles('demo.manager')).toContain('异议处理结果：异议通过');
  });

  it('corrects a score’s basic information through a score objection', async () => {
    await badRecordOn(demoCompanyId, 'CONTRACT_FILING', 'NOT_FILED');
    const filed: ObjectionDetail = (
      await post('demo.company', '/api/service-evaluation/objections', { target: 'SCORE', cycleKey: thisYear(), kindId: kind('SCORE_BASIC_INFORMATION'), grounds: 'WRONG_POINTS', text: '法定代表人已变更' }).expect(201)
    ).body;
    expect(filed.case.payload.basicDraft).toEqual(expect.objectContaining({ legalRepresentative: expect.any(String), address: expect.any(String) }));
    await actOk('futian.handler', filed.caseId, A.ACCEPT);
    const wrongField = await act('futian.handler', filed.caseId, A.EDIT, { payload: { ...filed.case.payload, basicDraft: { certificateNo: 'WYXM2026000001' } } });
    expect(wrongField.status).toBe(400);
    expect(wrongField.body).toMatchObject({ code: 'OBJECTION_DRAFT_NOT_APPLICABLE', details: [{ field: 'payload.basicDraft.certificateNo' }] });
    await actOk('futian.handler', filed.caseId, A.PROPOSE_APPROVE, { opinion: '拟同意', payload: { ...filed.case.payload, basicDraft: { legalRepresentative: '张新民' } } });
    await actOk('futian.supervisor', filed.caseId, A.APPROVE, { opinion: '同意' });
    expect((await t.dataSource.getRepository(PropertyCompany).findOneByOrFail({ id: demoCompanyId })).legalRepresentative).toBe('张新民');
  });

  it('refuses a changed record at approval, objections by others, on others’ records, and other districts', async () => {
    const record = await badRecordOn(demoCompanyId, 'ADMIN_PENALTY', 'WARNING');
    const body = { target: 'BAD_RECORD', recordId: record.id, kindId: kind('BAD_RECORD_POINTS'), grounds: 'WRONG_FACTS', text: '事实有误' };
    // the record is revoked while the objection runs: the approval is refused, nothing is half-applied
    const filed: ObjectionDetail = (await post('demo.company', '/api/service-evaluation/objections', body).expect(201)).body;
    await actOk('futian.handler', filed.caseId, A.ACCEPT);
    await actOk('futian.handler', filed.caseId, A.PROPOSE_APPROVE, { opinion: '拟同意' });
    const revocation = await post('futian.handler', `/api/service-evaluation/bad-records/${record.id}/revocations`, { reason: '文书已撤销' }).expect(201);
    await actOk('futian.supervisor', revocation.body.id, A.APPROVE, { opinion: '同意' });
    const refused = await act('futian.supervisor', filed.caseId, A.APPROVE, { opinion: '同意' });
    expect([refused.status, refused.body.code]).toEqual([409, 'OBJECTION_RECORD_CHANGED']);
    expect((await caseOf('futian.supervisor', filed.caseId)).status).toBe(S.REVIEW);
    // a revoked record takes no new objection
    expect((await post('demo.company', '/api/service-evaluation/objections', { ...body, grounds: 'OTHER' }).expect(409)).body.code).toBe('OBJECTION_TARGET_NOT_OBJECTABLE');

    const othersRecord = await badRecordOn(otherCompanyId);
    const notMine = await post('demo.company', '/api/service-evaluation/objections', { ...body, recordId: othersRecord.id }).expect(400);
    expect(notMine.body).toMatchObject({ code: 'OBJECTION_TARGET_NOT_FOUND', details: [{ field: 'recordId' }] });
    expect((await post('demo.company', '/api/service-evaluation/objections', { ...body, recordId: othersRecord.id, kindId: kind('SCORE_BASIC_INFORMATION') }).expect(400)).body.code).toBe('OBJECTION_KIND_NOT_USABLE');
    expect((await post('demo.company', '/api/service-evaluation/objections', { ...body, recordId: undefined }).expect(400)).body.details[0].field).toBe('recordId');
    await post('futian.handler', '/api/service-evaluation/objections', body).expect(403);
    await post('demo.committee', '/api/service-evaluation/objections', body).expect(403);
    expect((await get('nanshan.handler', `/api/service-evaluation/objections/${filed.id}`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
    const district: ObjectionListItem[] = (await get('futian.handler', '/api/service-evaluation/objections?pageSize=100').expect(200)).body.items;
    expect(district.map((o) => o.id)).toContain(filed.id);
    expect((await get('nanshan.handler', '/api/service-evaluation/objections').expect(200)).body.total).toBe(0);
  });

  describe('subject views (物业企业 / 项目负责人)', () => {
    it('lists the district’s companies by score, either way, and shows the breakdown with the scoring-cycle explanation', async () => {
      const descending: ScoreListItem[] = (await get('futian.handler', '/api/service-evaluation/scores?subjectType=COMPANY&pageSize=100').expect(200)).body.items;
      const ascending: ScoreListItem[] = (await get('futian.handler', '/api/service-evaluation/scores?subjectType=COMPANY&pageSize=100&order=asc').expect(200)).body.items;
      expect(descending.length).toBeGreaterThan(1);
      expect(descending.map((s) => s.total)).toEqual([...descending.map((s) => s.total)].sort((a, b) => b - a));
      expect(ascending.map((s) => s.total)).toEqual([...ascending.map((s) => s.total)].sort((a, b) => a - b));
      const detail = await score(demoCompanyId);
      expect(detail.lines.map((l: { kind: string }) => l.kind)).toEqual(expect.arrayContaining(['BASIC', 'BAD_RECORD', 'TOTAL']));
      expect(detail.explanation.length).toBeGreaterThan(0);
    });

    it('lists one subject’s bad records and risk-list entries, from which revocation starts', async () => {
      const records = (await get('futian.handler', `/api/service-evaluation/bad-records?subjectType=COMPANY&subjectId=${demoCompanyId}&pageSize=100`).expect(200)).body.items;
      expect(records.length).toBeGreaterThan(0);
      expect(records.every((r: { subjectId: number }) => r.subjectId === demoCompanyId)).toBe(true);
      const entries = (await get('futian.handler', `/api/service-evaluation/risk-list/project-managers?subjectId=${demoManagerId}`).expect(200)).body.items;
      expect(entries.map((e: { subjectId: number }) => e.subjectId)).toEqual([demoManagerId]);
      const effective = records.find((r: { status: string }) => r.status === 'EFFECTIVE');
      await post('futian.handler', `/api/service-evaluation/bad-records/${effective.id}/revocations`, { reason: '从企业页面发起撤销' }).expect(201);
    });
  });
});
