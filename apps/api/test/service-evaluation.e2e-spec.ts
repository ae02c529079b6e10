import {
  BadRecordDetail,
  BadRecordItemView,
  EvaluationRecordStatus as Status,
  Role,
  ScoreDetail,
  ScoreLineKind,
  WorkflowAction as A,
  WorkflowCaseDetail,
  WorkflowStatus as S,
} from '@szpm/contract';
import { shanghaiDate } from '../src/common/http/shanghai-time';
import { BadRecord } from '../src/modules/service-evaluation/entities/bad-record.entity';
import { EvaluationScore } from '../src/modules/service-evaluation/entities/evaluation-score.entity';
import { RiskListEntry } from '../src/modules/service-evaluation/entities/risk-list-entry.entity';
import { addDays, publicityPeriod } from '../src/modules/service-evaluation/records/publicity-period';
import { ProjectManager } from '../src/modules/regions/entities/project-manager.entity';
import { PropertyCompany } from '../src/modules/regions/entities/property-company.entity';
import { QueueName } from '../src/queue/job-queue';
import { JOBS } from '../src/queue/jobs';
import { FUTIAN_ID, NANSHAN_ID } from '../src/seed/shenzhen';
import { startTestApp, TestApp } from './support/test-app';
import { createOfficer } from './support/workflow-test-forms';

const today = () => shanghaiDate(new Date());
const thisYear = () => today().slice(0, 4);
/** a day of this year that is not in the future */
const earlierThisYear = (monthDay: string) => {
  const candidate = `${thisYear()}-${monthDay}`;
  return candidate <= today() ? candidate : `${thisYear()}-01-01`;
};

describe('service evaluation (chapter 7)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let catalogue: BadRecordItemView[];
  let futianCompanies: PropertyCompany[];
  let futianManagers: ProjectManager[];
  let nanshanCompany: PropertyCompany;

  const auth = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const get = (user: string, path: string) => t.http().get(path).set(auth(user));
  const post = (user: string, path: string, body: object = {}) => t.http().post(path).set(auth(user)).send(body);
  const caseOf = async (user: string, id: number): Promise<WorkflowCaseDetail> => (await get(user, `/api/workflow/cases/${id}`).expect(200)).body;
  /** acts with the version last seen; returns the response */
  async function act(user: string, id: number, action: A, extra: Record<string, unknown> = {}) {
    const current = await caseOf(user, id);
    return post(user, `/api/workflow/cases/${id}/actions`, { action, version: current.version, ...extra });
  }
  async function approve(id: number, user = 'futian.supervisor'): Promise<WorkflowCaseDetail> {
    const response = await act(user, id, A.APPROVE, { opinion: '同意' });
    if (response.status !== 200) throw new Error(`approve ${id}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }
  const item = (code: string) => catalogue.find((i) => i.code === code)!;
  const circumstance = (itemCode: string, code: string) => item(itemCode).circumstances.find((c) => c.code === code)!;

  function badRecordBody(subject: { subjectType: string; subjectId: number }, itemCode: string, circumstanceCode: string, extra: Record<string, unknown> = {}) {
    return {
      ...subject,
      itemId: item(itemCode).id,
      circumstanceId: circumstance(itemCode, circumstanceCode).id,
      factDate: earlierThisYear('01-15'),
      documentNo: `深福住建罚〔${thisYear()}〕${Math.floor(Math.random() * 900) + 100}号`,
      description: '经现场检查查实',
      ...extra,
    };
  }
  /** Enters and submits a determination, has it approved, returns the record it created. */
  async function determined(body: object): Promise<BadRecordDetail> {
    const started = await post('futian.handler', '/api/service-evaluation/bad-records/determinations', body).expect(201);
    await approve(started.body.id);
    const record = await t.dataSource.getRepository(BadRecord).findOneByOrFail({ determinationCaseId: started.body.id });
    return (await get('futian.handler', `/api/service-evaluation/bad-records/${record.id}`).expect(200)).body;
  }
  const score = async (subjectType: string, subjectId: number): Promise<ScoreDetail> =>
    (await get('futian.handler', `/api/service-evaluation/scores/${subjectType}/${subjectId}`).expect(200)).body;
  const storedScore = (subjectType: string, subjectId: number) =>
    t.dataSource.getRepository(EvaluationScore).findOneBy({ subjectType: subjectType as never, subjectId, cycleKey: thisYear() });
  const publicBadRecordIds = async (search?: string): Promise<number[]> =>
    (await t.http().get(`/api/service-evaluation/publicity/bad-records?pageSize=100${search ? `&search=${encodeURIComponent(search)}` : ''}`).expect(200)).body.items.map((i: { id: number }) => i.id);

  beforeAll(async () => {
    t = await startTestApp();
    await createOfficer(t, 'futian.supervisor2', Role.DISTRICT_SUPERVISOR, FUTIAN_ID);
    for (const user of ['futian.handler', 'futian.supervisor', 'futian.supervisor2', 'futian.lead', 'nanshan.handler', 'city.admin']) tokens[user] = await t.login(user);
    catalogue = (await get('futian.handler', '/api/service-evaluation/catalogue/bad-record-items').expect(200)).body;
    futianCompanies = await t.dataSource.getRepository(PropertyCompany).find({ where: { registeredDistrictId: FUTIAN_ID }, order: { id: 'ASC' } });
    futianManagers = await t.dataSource.getRepository(ProjectManager).find({ where: { districtId: FUTIAN_ID }, order: { id: 'ASC' } });
    // registered in 南山区 and managing nothing in 福田区
    nanshanCompany = await t.dataSource
      .getRepository(PropertyCompany)
      .createQueryBuilder('c')
      .where('c.registeredDistrictId = :nanshan', { nanshan: NANSHAN_ID })
      .andWhere('NOT EXISTS (SELECT 1 FROM property_areas a WHERE a.companyId = c.id AND a.districtId = :futian)', { futian: FUTIAN_ID })
      .orderBy('c.id', 'ASC')
      .getOneOrFail();
    expect(futianCompanies.length).toBeGreaterThan(5);
    expect(futianManagers.length).toBeGreaterThan(5);
  });
  afterAll(() => t.close());

  describe('catalogue', () => {
    it('is seeded with the default items, circumstances, points and publicity months', async () => {
      expect(item('ADMIN_PENALTY')).toMatchObject({ name: '违反物业管理规定受到行政处罚', countOncePerYear: true, enabled: true });
      expect(circumstance('ADMIN_PENALTY', 'FINE')).toMatchObject({ level: 2, points: 6, publicityMonths: 6 });
      expect(circumstance('MAINTENANCE_FUND', 'SERIOUS')).toMatchObject({ level: 1, points: 18, publicityMonths: 12 });
      const forCompanies: BadRecordItemView[] = (await get('futian.handler', '/api/service-evaluation/catalogue/bad-record-items?subjectType=COMPANY').expect(200)).body;
      expect(forCompanies.map((i) => i.code)).not.toContain('CERTIFICATE_LENDING');
      const rules = (await get('futian.handler', '/api/service-evaluation/scoring-rules').expect(200)).body;
      expect(rules).toMatchObject({ cycleKind: 'CALENDAR_YEAR', basicScoreMax: 80, goodRecordCap: 40, grades: { aaa: 85, aa: 80, a: 70, b: 60 } });
      const risk = (await get('futian.handler', '/api/service-evaluation/catalogue/risk-list-items').expect(200)).body;
      expect(risk.length).toBeGreaterThan(0);
      const good = (await get('futian.handler', '/api/service-evaluation/catalogue/good-record-items').expect(200)).body;
      expect(good.find((g: { code: string }) => g.code === 'NATIONAL_HONOUR')).toMatchObject({ points: 20 });
    });

    it('is maintained by city admins only; disabled entries cannot be chosen', async () => {
      const body = { code: 'TEST_ITEM', name: '测试事项', countOncePerYear: false };
      expect((await post('futian.handler', '/api/service-evaluation/catalogue/bad-record-items', body).expect(403)).body.code).toBe('FORBIDDEN');
      const created = (await post('city.admin', '/api/service-evaluation/catalogue/bad-record-items', body).expect(201)).body;
      expect((await post('city.admin', '/api/service-evaluation/catalogue/bad-record-items', body).expect(409)).body.code).toBe('EVALUATION_CATALOGUE_CODE_TAKEN');
      const c = (await post('city.admin', `/api/service-evaluation/catalogue/bad-record-items/${created.id}/circumstances`, { code: 'ONLY', description: '唯一情形', level: 3, points: 3, publicityMonths: 3 }).expect(201)).body;
      expect((await post('city.admin', `/api/service-evaluation/catalogue/bad-record-items/${created.id}/circumstances`, { code: 'BAD', description: 'x', level: 0, points: 3, publicityMonths: 3 }).expect(400)).body.details[0].field).toBe('level');
      await t.http().patch(`/api/service-evaluation/catalogue/bad-record-items/${created.id}`).set(auth('city.admin')).send({ enabled: false }).expect(200);
      const preview = await post('futian.handler', '/api/service-evaluation/bad-records/preview', { itemId: created.id, circumstanceId: c.id }).expect(400);
      expect(preview.body.code).toBe('EVALUATION_CATALOGUE_ENTRY_NOT_USABLE');
      const listed: BadRecordItemView[] = (await get('futian.handler', '/api/service-evaluation/catalogue/bad-record-items').expect(200)).body;
      expect(listed.map((i) => i.code)).not.toContain('TEST_ITEM');
      const all: BadRecordItemView[] = (await get('city.admin', '/api/service-evaluation/catalogue/bad-record-items?includeDisabled=true').expect(200)).body;
      expect(all.find((i) => i.code === 'TEST_ITEM')).toMatchObject({ enabled: false });
    });

    it('refuses grade thresholds out of order and accepts a valid change', async () => {
      const rules = { cycleKind: 'CALENDAR_YEAR', basicScoreMax: 80, goodRecordCap: 40, grades: { aaa: 85, aa: 90, a: 70, b: 60 } };
      await t.http().put('/api/service-evaluation/scoring-rules').set(auth('futian.handler')).send(rules).expect(403);
      const bad = await t.http().put('/api/service-evaluation/scoring-rules').set(auth('city.admin')).send(rules).expect(400);
      expect(bad.body).toMatchObject({ code: 'EVALUATION_INVALID_GRADE_THRESHOLDS', details: [{ field: 'grades' }] });
      const ok = await t.http().put('/api/service-evaluation/scoring-rules').set(auth('city.admin')).send({ ...rules, goodRecordCap: 35, grades: { aaa: 85, aa: 80, a: 70, b: 60 } }).expect(200);
      expect(ok.body).toMatchObject({ version: 2, goodRecordCap: 35 });
      const back = await t.http().put('/api/service-evaluation/scoring-rules').set(auth('city.admin')).send({ ...rules, grades: { aaa: 85, aa: 80, a: 70, b: 60 } }).expect(200);
      expect(back.body).toMatchObject({ version: 3, goodRecordCap: 40 });
      // each change queued a full recompute; let them finish before the next tests score subjects
      const deadline = Date.now() + 30_000;
      for (;;) {
        const counts = await t.queue.counts(QueueName.SCHEDULED);
        if (counts.waiting + counts.active === 0) break;
        if (Date.now() > deadline) throw new Error(`recompute jobs still running: ${JSON.stringify(counts)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    });
  });

  describe('bad record determination (不良信息认定)', () => {
    it('previews points and the publicity period from the catalogue', async () => {
      const fine = circumstance('ADMIN_PENALTY', 'FINE');
      const response = await post('futian.handler', '/api/service-evaluation/bad-records/preview', { itemId: item('ADMIN_PENALTY').id, circumstanceId: fine.id }).expect(200);
      expect(response.body).toMatchObject({ level: 2, points: 6, publicityMonths: 6, countOncePerYear: true, publicityStartIfApprovedToday: today(), publicityEndIfApprovedToday: publicityPeriod(today(), 6).end });
      expect(publicityPeriod('2026-01-15', 6)).toEqual({ start: '2026-01-15', end: '2026-07-14' });
      const mismatch = await post('futian.handler', '/api/service-evaluation/bad-records/preview', { itemId: item('MAINTENANCE_FUND').id, circumstanceId: fine.id }).expect(400);
      expect(mismatch.body.details[0].field).toBe('circumstanceId');
    });

    it('refuses client-sent points, subjects of another district, future dates, wrong roles and missing grants', async () => {
      const subject = { subjectType: 'COMPANY', subjectId: futianCompanies[0].id };
      const withPoints = await post('futian.handler', '/api/service-evaluation/bad-records/determinations', badRecordBody(subject, 'ADMIN_PENALTY', 'FINE', { points: 1 })).expect(400);
      expect(withPoints.body.details.map((d: { field: string }) => d.field)).toEqual(['points']);
      const other = await post('futian.handler', '/api/service-evaluation/bad-records/determinations', badRecordBody({ subjectType: 'COMPANY', subjectId: nanshanCompany.id }, 'ADMIN_PENALTY', 'FINE')).expect(400);
      expect(other.body).toMatchObject({ code: 'EVALUATION_SUBJECT_NOT_IN_DISTRICT', details: [{ field: 'subjectId' }] });
      const future = await post('futian.handler', '/api/service-evaluation/bad-records/determinations', badRecordBody(subject, 'ADMIN_PENALTY', 'FINE', { factDate: addDays(today(), 1) })).expect(400);
      expect(future.body.code).toBe('EVALUATION_FACT_DATE_IN_FUTURE');
      const notADate = await post('futian.handler', '/api/service-evaluation/bad-records/determinations', badRecordBody(subject, 'ADMIN_PENALTY', 'FINE', { factDate: '2026-02-30' })).expect(400);
      expect(notADate.body.details[0].field).toBe('factDate');
      const bySupervisor = await post('futian.supervisor', '/api/service-evaluation/bad-records/determinations', badRecordBody(subject, 'ADMIN_PENALTY', 'FINE')).expect(403);
      expect(bySupervisor.body.code).toBe('WORKFLOW_NOT_YOUR_STEP');
      expect((await post('futian.lead', '/api/service-evaluation/bad-records/determinations', badRecordBody(subject, 'ADMIN_PENALTY', 'FINE')).expect(403)).body.code).toBe('MODULE_NOT_GRANTED');
      expect((await post('city.admin', '/api/service-evaluation/bad-records/determinations', badRecordBody(subject, 'ADMIN_PENALTY', 'FINE')).expect(403)).body.code).toBe('WORKFLOW_NOT_YOUR_STEP');
      expect(await t.dataSource.getRepository(BadRecord).count()).toBe(0);
    });

    it('runs entry → review → return → edit and resubmit → approval; the server keeps deciding the points; the history is complete', async () => {
      const company = futianCompanies[1];
      const subject = { subjectType: 'COMPANY', subjectId: company.id };
      const started = await post('futian.handler', '/api/service-evaluation/bad-records/determinations', { ...badRecordBody(subject, 'INFO_DISCLOSURE', 'INCOMPLETE'), opinion: '请审核' }).expect(201);
      expect(started.body).toMatchObject({ status: S.REVIEW, formType: 'BAD_RECORD_DETERMINATION', formTypeLabel: '不良信息认定', subjectName: company.name, districtId: FUTIAN_ID });
      expect(started.body.businessNo).toMatch(/^BRD-\d{8}-\d{4}$/);
      expect(started.body.payload).toMatchObject({ subjectName: company.name, level: 4, points: 1, publicityMonths: 3, itemName: '未按规定公开物业服务信息' });
      expect((await caseOf('futian.handler', started.body.id)).allowedActions).toEqual([]);

      const returned = await act('futian.supervisor', started.body.id, A.RETURN_TO_PREVIOUS, { opinion: '情形有误，请按逾期未改正认定' });
      expect(returned.status).toBe(200);
      expect(returned.body.status).toBe(S.ENTRY);
      // the handler corrects the circumstance and sends back the payload as shown, server fields included
      const edited = { ...returned.body.payload, circumstanceId: circumstance('INFO_DISCLOSURE', 'ORDERED_NOT_CORRECTED').id, points: 99, publicityMonths: 99, level: 1 };
      const resubmitted = await act('futian.handler', started.body.id, A.SUBMIT, { opinion: '已更正', payload: edited });
      expect(resubmitted.status).toBe(200);
      expect(resubmitted.body.payload).toMatchObject({ level: 3, points: 3, publicityMonths: 3 });
      expect(await t.dataSource.getRepository(BadRecord).count({ where: { subjectId: company.id } })).toBe(0);

      const approved = await approve(started.body.id);
      expect(approved.status).toBe(S.APPROVED);
      expect(approved.history.map((h) => h.action)).toEqual([A.CREATE, A.SUBMIT, A.RETURN_TO_PREVIOUS, A.EDIT, A.SUBMIT, A.APPROVE]);
      expect(approved.history.map((h) => h.actorName)).toEqual(['林晓敏', '林晓敏', '黄志强', '林晓敏', '林晓敏', '黄志强']);
      expect(approved.history[2]).toMatchObject({ opinion: '情形有误，请按逾期未改正认定', toStatus: S.ENTRY });

      const record = await t.dataSource.getRepository(BadRecord).findOneByOrFail({ determinationCaseId: started.body.id });
      const detail: BadRecordDetail = (await get('futian.handler', `/api/service-evaluation/bad-records/${record.id}`).expect(200)).body;
      expect(detail).toMatchObject({
        status: Status.EFFECTIVE,
        statusLabel: '已生效',
        publicityState: 'PUBLISHED',
        points: 3,
        level: 3,
        publicityStart: today(),
        publicityEnd: publicityPeriod(today(), 3).end,
        districtName: '福田区',
        determinationCaseId: started.body.id,
      });
      expect(await publicBadRecordIds()).toContain(record.id);
      const stored = await storedScore('COMPANY', company.id);
      expect(stored).toMatchObject({ basicScore: 80, badScore: 3, total: 77, grade: 'A', badRecordCount: 1 });
    });

    it('closes a rejected determination without a record', async () => {
      const started = await post('futian.handler', '/api/service-evaluation/bad-records/determinations', badRecordBody({ subjectType: 'COMPANY', subjectId: futianCompanies[2].id }, 'ADMIN_PENALTY', 'FINE')).expect(201);
      const rejected = await act('futian.supervisor', started.body.id, A.REJECT, { opinion: '证据不足' });
      expect(rejected.body.status).toBe(S.REJECTED);
      expect(await t.dataSource.getRepository(BadRecord).count({ where: { determinationCaseId: started.body.id } })).toBe(0);
      // (a full recompute may have stored a score for every subject: it must show no bad record)
      expect((await storedScore('COMPANY', futianCompanies[2].id))?.badScore ?? 0).toBe(0);
    });

    it('lets exactly one of two concurrent approvals succeed', async () => {
      const started = await post('futian.handler', '/api/service-evaluation/bad-records/determinations', badRecordBody({ subjectType: 'COMPANY', subjectId: futianCompanies[3].id }, 'CONTRACT_FILING', 'NOT_FILED')).expect(201);
      const body = { action: A.APPROVE, version: started.body.version, opinion: '同意' };
      const responses = await Promise.all([
        post('futian.supervisor', `/api/workflow/cases/${started.body.id}/actions`, body),
        post('futian.supervisor2', `/api/workflow/cases/${started.body.id}/actions`, body),
      ]);
      expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(responses.find((r) => r.status === 409)!.body.code).toBe('WORKFLOW_CONFLICT');
      expect(await t.dataSource.getRepository(BadRecord).count({ where: { determinationCaseId: started.body.id } })).toBe(1);
    });

    it('keeps the entrant from reviewing and refuses other districts', async () => {
      const started = await post('futian.handler', '/api/service-evaluation/bad-records/determinations', badRecordBody({ subjectType: 'COMPANY', subjectId: futianCompanies[4].id }, 'CONTRACT_FILING', 'NOT_FILED')).expect(201);
      expect((await act('futian.handler', started.body.id, A.APPROVE, { opinion: '自己审核' })).status).toBe(403);
      expect((await get('nanshan.handler', `/api/workflow/cases/${started.body.id}`)).status).toBe(403);
      await approve(started.body.id);
      const record = await t.dataSource.getRepository(BadRecord).findOneByOrFail({ determinationCaseId: started.body.id });
      expect((await get('nanshan.handler', `/api/service-evaluation/bad-records/${record.id}`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      expect((await post('nanshan.handler', `/api/service-evaluation/bad-records/${record.id}/revocations`, { reason: '越权' }).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      expect((await get('nanshan.handler', '/api/service-evaluation/bad-records?districtId=2').expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      const nanshanList = (await get('nanshan.handler', '/api/service-evaluation/bad-records?pageSize=100').expect(200)).body;
      expect(nanshanList.items.map((i: { id: number }) => i.id)).not.toContain(record.id);
      const cityList = (await get('city.admin', '/api/service-evaluation/bad-records?pageSize=100').expect(200)).body;
      expect(cityList.items.map((i: { id: number }) => i.id)).toContain(record.id);
    });
  });

  describe('count once per item and year (同一事项只计一次，取最高等级)', () => {
    let manager: ProjectManager;
    let warning: BadRecordDetail;
    let fine: BadRecordDetail;

    it('scores linked same-year records of a count-once item only once, at the highest level', async () => {
      manager = futianManagers[0];
      const subject = { subjectType: 'PROJECT_MANAGER', subjectId: manager.id };
      warning = await determined(badRecordBody(subject, 'ADMIN_PENALTY', 'WARNING', { factDate: earlierThisYear('01-10') }));
      expect((await storedScore('PROJECT_MANAGER', manager.id))!.badScore).toBe(3);

      const candidates = await get('futian.handler', `/api/service-evaluation/bad-records/link-candidates?subjectType=PROJECT_MANAGER&subjectId=${manager.id}&itemId=${item('ADMIN_PENALTY').id}&factDate=${earlierThisYear('02-01')}`).expect(200);
      expect(candidates.body.map((c: { id: number }) => c.id)).toEqual([warning.id]);
      const lastYear = await get('futian.handler', `/api/service-evaluation/bad-records/link-candidates?subjectType=PROJECT_MANAGER&subjectId=${manager.id}&itemId=${item('ADMIN_PENALTY').id}&factDate=${Number(thisYear()) - 1}-06-01`).expect(200);
      expect(lastYear.body).toEqual([]);

      fine = await determined(badRecordBody(subject, 'ADMIN_PENALTY', 'FINE', { factDate: earlierThisYear('02-01'), linkedRecordIds: [warning.id] }));
      expect(fine).toMatchObject({ linkedRecordIds: [warning.id], countOnceGroupRecordIds: [warning.id, fine.id] });
      const detail = await score('PROJECT_MANAGER', manager.id);
      expect(detail).toMatchObject({ basicScore: 80, badScore: 6, total: 74, grade: 'A', badRecordCount: 1 });
      const lines = new Map(detail.lines.filter((l) => l.kind === ScoreLineKind.BAD_RECORD).map((l) => [l.recordId, l]));
      expect(lines.get(fine.id)).toMatchObject({ counted: true, points: -6 });
      expect(lines.get(warning.id)).toMatchObject({ counted: false, points: 0 });
      expect(lines.get(warning.id)!.rule).toContain('只计一次，取最高等级计分');
      expect(detail.explanation.join('\n')).toContain('同一事项一年内只计一次');
      expect(await storedScore('PROJECT_MANAGER', manager.id)).toMatchObject({ badScore: 6, total: 74 });
    });

    it('refuses links to another item, subject, or an item that is not count-once', async () => {
      const subject = { subjectType: 'PROJECT_MANAGER', subjectId: manager.id };
      const otherItem = await post('futian.handler', '/api/service-evaluation/bad-records/determinations', badRecordBody(subject, 'VERIFIED_COMPLAINT', 'SINGLE', { linkedRecordIds: [warning.id] })).expect(400);
      expect(otherItem.body).toMatchObject({ code: 'EVALUATION_INVALID_LINKED_RECORD', details: [{ field: 'linkedRecordIds' }] });
      const otherSubject = { subjectType: 'PROJECT_MANAGER', subjectId: futianManagers[1].id };
      await post('futian.handler', '/api/service-evaluation/bad-records/determinations', badRecordBody(otherSubject, 'ADMIN_PENALTY', 'FINE', { linkedRecordIds: [warning.id] })).expect(400);
      await post('futian.handler', '/api/service-evaluation/bad-records/determinations', badRecordBody(subject, 'SAFETY_ACCIDENT', 'GENERAL', { linkedRecordIds: [warning.id] })).expect(400);
    });

    it('revocation: a second form on the same record is refused; rejection leaves the record; approval unpublishes and unscores it', async () => {
      const first = await post('futian.handler', `/api/service-evaluation/bad-records/${fine.id}/revocations`, { reason: '处罚决定已被撤销', opinion: '请审核' }).expect(201);
      expect(first.body).toMatchObject({ formType: 'BAD_RECORD_REVOCATION', status: S.REVIEW, payload: { recordId: fine.id, reason: '处罚决定已被撤销', subjectName: manager.name } });
      const second = await post('futian.handler', `/api/service-evaluation/bad-records/${fine.id}/restorations`, { reason: '重复' }).expect(409);
      expect(second.body.code).toBe('EVALUATION_RECORD_HAS_RUNNING_FORM');
      expect((await get('futian.handler', `/api/service-evaluation/bad-records/${fine.id}`).expect(200)).body.pendingCaseId).toBe(first.body.id);

      await act('futian.supervisor', first.body.id, A.REJECT, { opinion: '理由不充分' }).then((r) => expect(r.status).toBe(200));
      const unchanged: BadRecordDetail = (await get('futian.handler', `/api/service-evaluation/bad-records/${fine.id}`).expect(200)).body;
      expect(unchanged).toMatchObject({ status: Status.EFFECTIVE, publicityState: 'PUBLISHED', pendingCaseId: null });
      expect(await publicBadRecordIds()).toContain(fine.id);

      const again = await post('futian.handler', `/api/service-evaluation/bad-records/${fine.id}/revocations`, { reason: '行政复议撤销了处罚决定' }).expect(201);
      await approve(again.body.id);
      const revoked: BadRecordDetail = (await get('futian.handler', `/api/service-evaluation/bad-records/${fine.id}`).expect(200)).body;
      expect(revoked).toMatchObject({ status: Status.REVOKED, statusLabel: '已撤销', publicityState: 'WITHDRAWN', revocationCaseId: again.body.id, revocationReason: '行政复议撤销了处罚决定', pendingCaseId: null });
      expect(await publicBadRecordIds()).not.toContain(fine.id);
      // the revoked record no longer counts: the other record of its group counts instead
      const detail = await score('PROJECT_MANAGER', manager.id);
      expect(detail).toMatchObject({ badScore: 3, total: 77 });
      expect(detail.lines.find((l) => l.recordId === fine.id)!.rule).toContain('已撤销，不参与计分');
      expect(await storedScore('PROJECT_MANAGER', manager.id)).toMatchObject({ badScore: 3, total: 77 });

      const onRevoked = await post('futian.handler', `/api/service-evaluation/bad-records/${fine.id}/revocations`, { reason: '再次' }).expect(409);
      expect(onRevoked.body.code).toBe('EVALUATION_RECORD_NOT_EFFECTIVE');
    });

    it('restoration: unpublished, points kept', async () => {
      const started = await post('futian.handler', `/api/service-evaluation/bad-records/${warning.id}/restorations`, { reason: '已完成信用修复' }).expect(201);
      expect(started.body.businessNo).toMatch(/^BRS-/);
      await approve(started.body.id);
      const restored: BadRecordDetail = (await get('futian.handler', `/api/service-evaluation/bad-records/${warning.id}`).expect(200)).body;
      expect(restored).toMatchObject({ status: Status.RESTORED, statusLabel: '已恢复', publicityState: 'WITHDRAWN', restorationReason: '已完成信用修复' });
      expect(await publicBadRecordIds()).not.toContain(warning.id);
      const detail = await score('PROJECT_MANAGER', manager.id);
      expect(detail).toMatchObject({ badScore: 3, total: 77 });
      expect(detail.lines.find((l) => l.recordId === warning.id)).toMatchObject({ counted: true, points: -3, rule: expect.stringContaining('已恢复：不再公示，原计分保留') });
    });
  });

  describe('summary, scores and publicity', () => {
    it('searches the bad-record summary by subject, item, status and date range', async () => {
      const manager = futianManagers[0];
      const byName = (await get('futian.handler', `/api/service-evaluation/bad-records?search=${encodeURIComponent(manager.name)}`).expect(200)).body;
      expect(byName.items.length).toBeGreaterThanOrEqual(2);
      for (const row of byName.items) expect(row.subjectName).toContain(manager.name);
      const revoked = (await get('futian.handler', '/api/service-evaluation/bad-records?status=REVOKED').expect(200)).body;
      expect(revoked.items.every((r: { status: string }) => r.status === 'REVOKED')).toBe(true);
      expect(revoked.total).toBe(1);
      const byItem = (await get('futian.handler', `/api/service-evaluation/bad-records?itemId=${item('ADMIN_PENALTY').id}&subjectType=PROJECT_MANAGER`).expect(200)).body;
      expect(byItem.total).toBe(2);
      const lastYear = (await get('futian.handler', `/api/service-evaluation/bad-records?factDateTo=${Number(thisYear()) - 1}-12-31`).expect(200)).body;
      expect(lastYear.total).toBe(0);
      const all = (await get('futian.handler', `/api/service-evaluation/bad-records?factDateFrom=${thisYear()}-01-01&factDateTo=${today()}&pageSize=2`).expect(200)).body;
      expect(all.items).toHaveLength(2);
      expect(all.total).toBe(await t.dataSource.getRepository(BadRecord).count());
      expect((await get('futian.handler', '/api/service-evaluation/bad-records?factDateFrom=yesterday').expect(400)).body.details[0].field).toBe('factDateFrom');
    });

    it('adds good records up to the cap and lists recomputed scores with their rules', async () => {
      const company = futianCompanies[5];
      const national = (await get('futian.handler', '/api/service-evaluation/catalogue/good-record-items').expect(200)).body.find((g: { code: string }) => g.code === 'NATIONAL_HONOUR');
      for (const day of ['01-02', '01-03', '01-04']) {
        const started = await post('futian.handler', '/api/service-evaluation/good-records/determinations', {
          subjectType: 'COMPANY',
          subjectId: company.id,
          itemId: national.id,
          awardDate: earlierThisYear(day),
          documentNo: '国表〔2026〕1号',
          description: '全国物业管理示范项目',
        }).expect(201);
        expect(started.body.payload.points).toBe(20);
        await approve(started.body.id);
      }
      const detail = await score('COMPANY', company.id);
      expect(detail).toMatchObject({ basicScore: 80, goodRawScore: 60, goodScore: 40, total: 120, grade: 'AAA', goodRecordCount: 3 });
      expect(detail.lines.find((l) => l.kind === ScoreLineKind.GOOD_RECORD_CAP)!.rule).toBe('良好信息合计 60 分，超过上限 40 分，按 40 分计');
      expect(detail.cycle).toMatchObject({ key: thisYear(), start: `${thisYear()}-01-01`, end: `${thisYear()}-12-31` });

      expect((await post('futian.handler', '/api/service-evaluation/scores/recompute').expect(403)).body.code).toBe('FORBIDDEN');
      const recomputed = (await post('city.admin', '/api/service-evaluation/scores/recompute').expect(200)).body;
      const subjects = (await t.dataSource.getRepository(PropertyCompany).count()) + (await t.dataSource.getRepository(ProjectManager).count());
      expect(recomputed).toMatchObject({ cycleKey: thisYear(), subjects, goodRecords: 3 });
      const list = (await get('futian.handler', '/api/service-evaluation/scores?subjectType=COMPANY&pageSize=100').expect(200)).body;
      expect(list.items[0]).toMatchObject({ subjectId: company.id, total: 120, grade: 'AAA' });
      // the district's companies: registered in 福田区 or managing an area there (a score row carries the registered district)
      const futianCompanyIds = new Set(
        (await t.dataSource.query(`SELECT id FROM property_companies WHERE registeredDistrictId = ${FUTIAN_ID} UNION SELECT companyId AS id FROM property_areas WHERE districtId = ${FUTIAN_ID}`)).map(
          (r: { id: number }) => Number(r.id),
        ),
      );
      expect(list.items.every((s: { subjectId: number }) => futianCompanyIds.has(s.subjectId))).toBe(true);
      const managers = (await get('futian.handler', `/api/service-evaluation/scores?subjectType=PROJECT_MANAGER&search=${encodeURIComponent(futianManagers[0].name)}`).expect(200)).body;
      expect(managers.items.find((s: { subjectId: number }) => s.subjectId === futianManagers[0].id)).toMatchObject({ total: 77, grade: 'A' });
      expect((await get('futian.handler', '/api/service-evaluation/scores?cycle=2026-H1').expect(400)).body.code).toBe('EVALUATION_INVALID_CYCLE');
      expect((await get('nanshan.handler', `/api/service-evaluation/scores/COMPANY/${company.id}`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
    });

    it('lists the district’s subjects for entry', async () => {
      const managers = (await get('futian.handler', '/api/service-evaluation/subjects?subjectType=PROJECT_MANAGER&pageSize=100').expect(200)).body;
      expect(managers.total).toBe(futianManagers.length);
      const companies = (await get('futian.handler', `/api/service-evaluation/subjects?subjectType=COMPANY&search=${encodeURIComponent(futianCompanies[0].name)}`).expect(200)).body;
      expect(companies.items.map((c: { subjectId: number }) => c.subjectId)).toContain(futianCompanies[0].id);
    });

    it('ends publicity by itself after the last day (queue job), and shows only effective records publicly', async () => {
      const subject = { subjectType: 'COMPANY', subjectId: futianCompanies[6].id };
      const record = await determined(badRecordBody(subject, 'CONTRACT_FILING', 'NOT_FILED'));
      expect(await publicBadRecordIds(futianCompanies[6].name)).toEqual([record.id]);
      const publicRow = (await t.http().get(`/api/service-evaluation/publicity/bad-records?search=${encodeURIComponent(futianCompanies[6].name)}`).expect(200)).body.items[0];
      expect(Object.keys(publicRow)).not.toContain('subjectId');
      expect(publicRow).toMatchObject({ subjectName: futianCompanies[6].name, itemName: '未按规定办理物业服务合同备案', points: 1, districtName: '福田区' });

      // the last day of publicity was yesterday
      await t.dataSource.getRepository(BadRecord).update({ id: record.id }, { publicityEnd: addDays(today(), -1) });
      expect(await publicBadRecordIds()).not.toContain(record.id);
      await t.queue.add(JOBS.endPublicity, {}, { jobId: `test-end-publicity-${record.id}` });
      const deadline = Date.now() + 15_000;
      while ((await t.dataSource.getRepository(BadRecord).findOneByOrFail({ id: record.id })).published) {
        if (Date.now() > deadline) throw new Error('publicity was not ended by the job');
        await new Promise((r) => setTimeout(r, 50));
      }
      const ended: BadRecordDetail = (await get('futian.handler', `/api/service-evaluation/bad-records/${record.id}`).expect(200)).body;
      expect(ended).toMatchObject({ status: Status.EFFECTIVE, publicityState: 'ENDED', publicityStateLabel: '公示期满' });
      // still scored within the cycle
      expect((await score('COMPANY', futianCompanies[6].id)).badScore).toBe(1);

      // exactly the effective records whose period includes today are public
      const expected = await t.dataSource
        .getRepository(BadRecord)
        .createQueryBuilder('r')
        .where('r.status = :s AND r.publicityEnd >= :today', { s: Status.EFFECTIVE, today: today() })
        .getMany();
      expect((await publicBadRecordIds()).sort((a, b) => a - b)).toEqual(expected.map((r) => r.id).sort((a, b) => a - b));
    });
  });

  describe('risk list (风险名单)', () => {
    it('determines, lists, publishes, revokes and restores entries for companies and project managers', async () => {
      const items = (await get('futian.handler', '/api/service-evaluation/catalogue/risk-list-items?subjectType=PROJECT_MANAGER').expect(200)).body;
      const falseMaterials = items.find((i: { code: string }) => i.code === 'FALSE_MATERIALS');
      expect(items.find((i: { code: string }) => i.code === 'ABANDONED_AREA')).toBeUndefined();
      const preview = await post('futian.handler', '/api/service-evaluation/risk-list/preview', { itemId: falseMaterials.id, circumstanceId: falseMaterials.circumstances[0].id }).expect(200);
      expect(preview.body).toMatchObject({ publicityMonths: 12, publicityEndIfApprovedToday: publicityPeriod(today(), 12).end });

      const manager = futianManagers[2];
      const body = {
        subjectType: 'PROJECT_MANAGER',
        subjectId: manager.id,
        itemId: falseMaterials.id,
        circumstanceId: falseMaterials.circumstances[0].id,
        factDate: earlierThisYear('01-20'),
        documentNo: '深福住建〔2026〕8号',
        description: '备案材料中提供虚假从业证明',
      };
      expect((await post('futian.handler', '/api/service-evaluation/risk-list/determinations', { ...body, publicityMonths: 1 }).expect(400)).body.details[0].field).toBe('publicityMonths');
      const started = await post('futian.handler', '/api/service-evaluation/risk-list/determinations', body).expect(201);
      expect(started.body.payload).toMatchObject({ publicityMonths: 12, subjectName: manager.name });
      await approve(started.body.id);
      const entry = await t.dataSource.getRepository(RiskListEntry).findOneByOrFail({ determinationCaseId: started.body.id });

      const managersList = (await get('futian.handler', '/api/service-evaluation/risk-list/project-managers').expect(200)).body;
      expect(managersList.items.map((e: { id: number }) => e.id)).toEqual([entry.id]);
      expect((await get('futian.handler', '/api/service-evaluation/risk-list/companies').expect(200)).body.total).toBe(0);
      expect((await get('futian.handler', `/api/service-evaluation/risk-list/${entry.id}`).expect(200)).body).toMatchObject({
        status: Status.EFFECTIVE,
        publicityState: 'PUBLISHED',
        publicityEnd: publicityPeriod(today(), 12).end,
        description: body.description,
      });
      expect((await get('nanshan.handler', `/api/service-evaluation/risk-list/${entry.id}`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      const publicIds = async () => (await t.http().get('/api/service-evaluation/publicity/risk-list?subjectType=PROJECT_MANAGER').expect(200)).body.items.map((e: { id: number }) => e.id);
      expect(await publicIds()).toEqual([entry.id]);

      const revocation = await post('futian.handler', `/api/service-evaluation/risk-list/${entry.id}/revocations`, { reason: '复核后不符合纳入条件' }).expect(201);
      expect(revocation.body.businessNo).toMatch(/^RLV-/);
      await approve(revocation.body.id);
      expect((await get('futian.handler', `/api/service-evaluation/risk-list/${entry.id}`).expect(200)).body).toMatchObject({ status: Status.REVOKED, publicityState: 'WITHDRAWN' });
      expect(await publicIds()).toEqual([]);

      // a company entry, restored: no longer published
      const companyItems = (await get('futian.handler', '/api/service-evaluation/catalogue/risk-list-items?subjectType=COMPANY').expect(200)).body;
      const abandoned = companyItems.find((i: { code: string }) => i.code === 'ABANDONED_AREA');
      const companyCase = await post('futian.handler', '/api/service-evaluation/risk-list/determinations', {
        ...body,
        subjectType: 'COMPANY',
        subjectId: futianCompanies[7].id,
        itemId: abandoned.id,
        circumstanceId: abandoned.circumstances[0].id,
      }).expect(201);
      await approve(companyCase.body.id);
      const companyEntry = await t.dataSource.getRepository(RiskListEntry).findOneByOrFail({ determinationCaseId: companyCase.body.id });
      expect(companyEntry.publicityEnd).toBe(publicityPeriod(today(), 24).end);
      const restoration = await post('futian.handler', `/api/service-evaluation/risk-list/${companyEntry.id}/restorations`, { reason: '已整改' }).expect(201);
      const rejected = await act('futian.supervisor', restoration.body.id, A.REJECT, { opinion: '整改未完成' });
      expect(rejected.status).toBe(200);
      expect((await get('futian.handler', `/api/service-evaluation/risk-list/${companyEntry.id}`).expect(200)).body).toMatchObject({ status: Status.EFFECTIVE, pendingCaseId: null });
      const restoration2 = await post('futian.handler', `/api/service-evaluation/risk-list/${companyEntry.id}/restorations`, { reason: '已整改完毕' }).expect(201);
      await approve(restoration2.body.id);
      expect((await get('futian.handler', `/api/service-evaluation/risk-list/${companyEntry.id}`).expect(200)).body).toMatchObject({ status: Status.RESTORED, publicityState: 'WITHDRAWN' });
      expect((await t.http().get('/api/service-evaluation/publicity/risk-list').expect(200)).body.total).toBe(0);
    });
  });
});
