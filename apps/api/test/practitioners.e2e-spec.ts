import {
  AccountStatus,
  AreaPractitionersTab,
  CompanyPractitionerRow,
  Page,
  PractitionerCellPage,
  PractitionerItem,
  PractitionerProjectStats,
  PractitionerRemindResult,
  rate,
  Role,
  RosterFiling,
  UnitCategory,
  XlsxImportReport,
} from '@szpm/contract';
import ExcelJS from 'exceljs';
import { Account } from '../src/access/entities/account.entity';
import { AuditLog } from '../src/access/entities/audit-log.entity';
import { PropertyArea } from '../src/modules/regions/entities/property-area.entity';
import { binaryBody } from './support/binary-body';
import { startTestApp, TestApp } from './support/test-app';

const FUTIAN_ID = 2;
const NANSHAN_ID = 3;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A valid 18-character ID number from a 17-digit body (the check character computed). */
function idNumber(body: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((n, d, i) => n + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

/** Issue 15, chapter 12 从业人员信息: the roster a project manager keeps, masking, the sheet, the statistics and 提醒更新. */
describe('practitioners (chapter 12 从业人员信息)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let manager: Account;
  let other: Account;
  let ownArea: PropertyArea;
  let otherArea: PropertyArea;

  const auth = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const get = (user: string, path: string) => t.http().get(path).set(auth(user));
  const post = (user: string, path: string, body: object = {}) => t.http().post(path).set(auth(user)).send(body);
  const patch = (user: string, path: string, body: object) => t.http().patch(path).set(auth(user)).send(body);
  const count = async (sql: string, params: unknown[] = []) => Number(((await t.dataSource.query(sql, params)) as Array<{ n: number | string }>)[0].n);
  const login = async (user: string) => (tokens[user] = await t.login(user));
  /** a date-time as both databases store it (UTC, the connection's timezone) */
  const stored = (date: Date) => date.toISOString().replace('T', ' ').slice(0, 19);
  const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const plusDays = (days: number) => new Date(Date.parse(`${today()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const roster = async (areaId: number) => (await t.dataSource.query('SELECT filedAt, lastUpdatedAt FROM practitioner_rosters WHERE propertyAreaId = ?', [areaId])) as Array<{ lastUpdatedAt: string | Date }>;
  const person = (seq: number, extra: object = {}) => ({
    name: `测试人员${seq}`,
    gender: 'MALE',
    idNumber: idNumber(`44030419900101${String(seq).padStart(3, '0')}`),
    phone: `139${String(10_000_000 + seq)}`,
    position: 'ELECTRICIAN',
    hiredAt: '2024-03-01',
    ...extra,
  });
  const audits = (action: string) => t.dataSource.getRepository(AuditLog).countBy({ action });

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of ['city.admin', 'futian.lead', 'futian.handler', 'futian.supervisor', 'nanshan.lead', 'demo.manager', 'demo.company', 'futian.street.yuanling']) await login(user);
    const accounts = t.dataSource.getRepository(Account);
    const areas = t.dataSource.getRepository(PropertyArea);
    manager = await accounts.findOneByOrFail({ username: 'demo.manager' });
    [ownArea] = await areas.find({ where: { projectManagerId: manager.unitId! }, order: { id: 'ASC' } });
    const futianManagers = await accounts.find({ where: { role: Role.PROJECT_MANAGER, unitCategory: UnitCategory.PROJECT_MANAGER, districtId: FUTIAN_ID, status: AccountStatus.ACTIVE }, order: { id: 'ASC' } });
    other = futianManagers.find((a) => a.id !== manager.id && a.unitId !== manager.unitId)!;
    [otherArea] = await areas.find({ where: { projectManagerId: other.unitId! }, order: { id: 'ASC' } });
    await login(other.username);
  });
  afterAll(() => t?.close());

  describe('the demo seed', () => {
    it('staffs the 福田 and 南山 projects, the companies, files most rosters and has expired and expiring certificates', async () => {
      const perArea = (await t.dataSource.query(
        "SELECT a.id, COUNT(p.id) AS n FROM property_areas a LEFT JOIN practitioners p ON p.propertyAreaId = a.id WHERE a.districtId IN (2, 3) GROUP BY a.id",
      )) as Array<{ n: number | string }>;
      expect(perArea.length).toBeGreaterThan(80);
      expect(perArea.every((a) => Number(a.n) >= 6)).toBe(true);
      expect(await count("SELECT COUNT(*) AS n FROM practitioners WHERE employerKind = 'COMPANY'")).toBeGreaterThan(100);
      const filed = (await count('SELECT COUNT(*) AS n FROM practitioner_rosters WHERE districtId IN (2, 3)')) / perArea.length;
      expect(filed).toBeGreaterThan(0.6);
      expect(filed).toBeLessThan(0.95);
      expect(await count('SELECT COUNT(*) AS n FROM practitioner_certificates WHERE expiresAt < ?', [today()])).toBeGreaterThan(0);
      expect(await count('SELECT COUNT(*) AS n FROM practitioner_certificates WHERE expiresAt >= ? AND expiresAt <= ?', [today(), plusDays(90)])).toBeGreaterThan(0);
      expect(await count("SELECT COUNT(*) AS n FROM practitioners WHERE status = 'LEFT'")).toBeGreaterThan(0);
    });
  });

  describe("the project manager's roster", () => {
    it('adds a practitioner with a certificate, stamps the roster as filed and audits the write', async () => {
      const before = await audits('practitioners.create');
      const added: PractitionerItem = (
        await post('demo.manager', `/api/property-areas/${ownArea.id}/practitioners`, { ...person(1), certificates: [{ type: 'LOW_VOLTAGE_ELECTRICIAN', certNo: 'T-001', issuedAt: '2023-01-01', expiresAt: plusDays(30) }] }).expect(201)
      ).body;
      expect(added).toEqual(expect.objectContaining({ name: '测试人员1', idNumber: person(1).idNumber, masked: false, status: 'ON_DUTY', propertyAreaId: ownArea.id }));
      expect(added.certificates).toEqual([expect.objectContaining({ type: 'LOW_VOLTAGE_ELECTRICIAN', state: 'EXPIRING', typeLabel: '低压电工作业证' })]);
      const [stamp] = await roster(ownArea.id);
      expect(Date.now() - new Date(stamp.lastUpdatedAt).getTime()).toBeLessThan(120_000);
      expect(await audits('practitioners.create')).toBe(before + 1);
      const tab: AreaPractitionersTab = (await get('demo.manager', `/api/property-areas/${ownArea.id}/practitioners?pageSize=100`).expect(200)).body;
      expect(tab.filed).toBe(true);
      expect(tab.items.find((p) => p.id === added.id)).toEqual(expect.objectContaining({ masked: false, idNumber: person(1).idNumber }));
    });

    it('edits, marks left and keeps certificates, each change stamping the roster and audited', async () => {
      const added: PractitionerItem = (await post('demo.manager', `/api/property-areas/${ownArea.id}/practitioners`, person(2)).expect(201)).body;
      await t.dataSource.query('UPDATE practitioner_rosters SET lastUpdatedAt = ? WHERE propertyAreaId = ?', ['2020-01-01 00:00:00', ownArea.id]);
      const edited: PractitionerItem = (await patch('demo.manager', `/api/practitioners/${added.id}`, { position: 'FIRE_CONTROL', isPartyMember: true }).expect(200)).body;
      expect(edited).toEqual(expect.objectContaining({ position: 'FIRE_CONTROL', positionLabel: '消控值班员', isPartyMember: true, name: '测试人员2' }));
      expect(new Date((await roster(ownArea.id))[0].lastUpdatedAt).getFullYear()).toBeGreaterThan(2020);
      const withCert: PractitionerItem = (await post('demo.manager', `/api/practitioners/${added.id}/certificates`, { type: 'FIRE_FACILITY_OPERATOR', certNo: 'XF-9', issuedAt: '2022-05-01', expiresAt: '2027-05-01' }).expect(201)).body;
      expect(withCert.certificates).toHaveLength(1);
      const without: PractitionerItem = (await t.http().delete(`/api/practitioners/${added.id}/certificates/${withCert.certificates[0].id}`).set(auth('demo.manager')).expect(200)).body;
      expect(without.certificates).toHaveLength(0);
      expect((await post('demo.manager', `/api/practitioners/${added.id}/leave`, { leftAt: '2024-02-01' }).expect(400)).body.details[0].field).toBe('leftAt');
      const left: PractitionerItem = (await post('demo.manager', `/api/practitioners/${added.id}/leave`, { leftAt: today() }).expect(200)).body;
      expect(left).toEqual(expect.objectContaining({ status: 'LEFT', statusLabel: '离职', leftAt: today() }));
      expect((await post('demo.manager', `/api/practitioners/${added.id}/leave`, { leftAt: today() }).expect(409)).body.code).toBe('PRACTITIONER_ALREADY_LEFT');
      for (const action of ['practitioners.update', 'practitioners.add-certificate', 'practitioners.remove-certificate', 'practitioners.leave']) expect(await audits(action)).toBeGreaterThan(0);
      // the same person may be hired again once left; a second on-duty record is refused
      await post('demo.manager', `/api/property-areas/${ownArea.id}/practitioners`, person(2)).expect(201);
      const twin = await post('demo.manager', `/api/property-areas/${ownArea.id}/practitioners`, person(2)).expect(409);
      expect(twin.body).toEqual(expect.objectContaining({ code: 'PRACTITIONER_ID_NUMBER_TAKEN', details: [expect.objectContaining({ field: 'idNumber' })] }));
    });

    it('confirms the roster unchanged (确认已更新)', async () => {
      await t.dataSource.query('UPDATE practitioner_rosters SET lastUpdatedAt = ? WHERE propertyAreaId = ?', ['2020-01-01 00:00:00', ownArea.id]);
      const filing: RosterFiling = (await post('demo.manager', `/api/property-areas/${ownArea.id}/practitioners/confirm`).expect(200)).body;
      expect(filing.filed).toBe(true);
      expect(Date.now() - Date.parse(filing.lastUpdatedAt!)).toBeLessThan(120_000);
    });

    it('refuses bad input naming the field, and writes nothing', async () => {
      const before = await count('SELECT COUNT(*) AS n FROM practitioners');
      const certificatesBefore = await count('SELECT COUNT(*) AS n FROM practitioner_certificates');
      const path = `/api/property-areas/${ownArea.id}/practitioners`;
      const badCheck = person(3, { idNumber: `${person(3).idNumber.slice(0, 17)}${person(3).idNumber.endsWith('1') ? '2' : '1'}` });
      expect((await post('demo.manager', path, badCheck).expect(400)).body).toEqual(expect.objectContaining({ code: 'PRACTITIONER_ID_NUMBER_INVALID', details: [expect.objectContaining({ field: 'idNumber' })] }));
      expect((await post('demo.manager', path, person(3, { idNumber: '12345' })).expect(400)).body.details[0].field).toBe('idNumber');
      expect((await post('demo.manager', path, person(3, { phone: '1234' })).expect(400)).body.details[0].field).toBe('phone');
      const backwards = await post('demo.manager', path, { ...person(3), certificates: [{ type: 'LIFT_SAFETY_MANAGER', certNo: 'L-1', issuedAt: '2024-05-01', expiresAt: '2024-04-30' }] }).expect(400);
      expect(backwards.body).toEqual(expect.objectContaining({ code: 'PRACTITIONER_CERTIFICATE_DATES_INVALID', details: [expect.objectContaining({ field: 'certificates.0.expiresAt' })] }));
      const someone = (await get('demo.manager', `${path}?pageSize=1&status=ON_DUTY`).expect(200)).body.items[0] as PractitionerItem;
      expect((await post('demo.manager', `/api/practitioners/${someone.id}/certificates`, { type: 'WELDER', certNo: 'W', issuedAt: '2024-05-02', expiresAt: '2024-05-01' }).expect(400)).body.details[0].field).toBe('expiresAt');
      expect(await count('SELECT COUNT(*) AS n FROM practitioners')).toBe(before);
      expect(await count('SELECT COUNT(*) AS n FROM practitioner_certificates')).toBe(certificatesBefore);
    });

    it("lets a project manager touch only the own project's roster", async () => {
      const before = await count('SELECT COUNT(*) AS n FROM practitioners');
      expect((await post(other.username, `/api/property-areas/${ownArea.id}/practitioners`, person(4)).expect(403)).body.code).toBe('PRACTITIONER_NOT_OWN_PROJECT');
      const mine = (await get('demo.manager', `/api/property-areas/${ownArea.id}/practitioners?pageSize=1&status=ON_DUTY`).expect(200)).body.items[0] as PractitionerItem;
      expect((await patch(other.username, `/api/practitioners/${mine.id}`, { name: '改名' }).expect(403)).body.code).toBe('PRACTITIONER_NOT_OWN_PROJECT');
      expect((await post(other.username, `/api/practitioners/${mine.id}/leave`, { leftAt: today() }).expect(403)).body.code).toBe('PRACTITIONER_NOT_OWN_PROJECT');
      await post(other.username, `/api/property-areas/${ownArea.id}/practitioners/confirm`).expect(403);
      await get(other.username, `/api/practitioners/${mine.id}`).expect(403);
      // officers do not edit rosters; the other manager's own project is theirs
      await post('futian.lead', `/api/property-areas/${ownArea.id}/practitioners`, person(4)).expect(403);
      await post(other.username, `/api/property-areas/${otherArea.id}/practitioners`, person(4)).expect(201);
      expect(await count('SELECT COUNT(*) AS n FROM practitioners')).toBe(before + 1);
      expect(await count('SELECT COUNT(*) AS n FROM practitioners WHERE id = ? AND name = ?', [mine.id, mine.name])).toBe(1);
      await post('demo.manager', '/api/property-areas/99999999/practitioners', person(5)).expect(404);
    });
  });

  describe('masking: who sees the ID number whole', () => {
    it('shows it to the own manager, the employing company and officers with OPERATE; masks it for VIEW-only officers', async () => {
      const own = (await get('demo.manager', `/api/property-areas/${ownArea.id}/practitioners?pageSize=5`).expect(200)).body as AreaPractitionersTab;
      const sample = own.items[0];
      expect(sample.masked).toBe(false);
      const handler = (await get('futian.supervisor', `/api/property-areas/${ownArea.id}/practitioners?pageSize=5`).expect(200)).body as AreaPractitionersTab;
      const masked = handler.items.find((p) => p.id === sample.id)!;
      expect(masked.masked).toBe(true);
      expect(masked.idNumber).toBe(`${sample.idNumber.slice(0, 4)}**********${sample.idNumber.slice(-4)}`);
      expect(masked.phone).toBe(`${sample.phone.slice(0, 3)}****${sample.phone.slice(-4)}`);
      const lead = (await get('futian.lead', `/api/practitioners/${sample.id}`).expect(200)).body as PractitionerItem;
      expect(lead).toEqual(expect.objectContaining({ masked: false, idNumber: sample.idNumber }));
      expect(((await get('futian.supervisor', `/api/practitioners/${sample.id}`).expect(200)).body as PractitionerItem).masked).toBe(true);
      const company = await t.dataSource.getRepository(Account).findOneByOrFail({ username: 'demo.company' });
      if (ownArea.companyId === company.unitId) expect(((await get('demo.company', `/api/practitioners/${sample.id}`).expect(200)).body as PractitionerItem).masked).toBe(false);
      // the tab's door: another district, a street office (its own street only), an unknown area
      expect((await get('nanshan.lead', `/api/property-areas/${ownArea.id}/practitioners`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      expect((await get('futian.street.yuanling', `/api/property-areas/${ownArea.id}/practitioners`)).status).toBe((await count('SELECT COUNT(*) AS n FROM accounts u JOIN property_areas a ON a.streetId = u.streetId WHERE u.username = ? AND a.id = ?', ['futian.street.yuanling', ownArea.id])) ? 200 : 403);
      expect((await get('futian.handler', '/api/property-areas/99999999/practitioners').expect(404)).body.code).toBe('PROPERTY_AREA_NOT_FOUND');
      expect((await get(other.username, `/api/property-areas/${ownArea.id}/practitioners`).expect(403)).body.code).toBe('FORBIDDEN');
    });
  });

  describe('the roster sheet', () => {
    const headers = async (): Promise<string[]> => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await get('demo.manager', `/api/property-areas/${ownArea.id}/practitioners/template`).buffer(true).parse(binaryBody).expect(200)).body as ArrayBuffer);
      return (workbook.worksheets[0].getRow(1).values as string[]).slice(1);
    };
    const sheet = async (rows: Array<Array<string | null>>) => {
      const workbook = new ExcelJS.Workbook();
      const ws = workbook.addWorksheet('项目从业人员');
      ws.addRow(await headers());
      rows.forEach((r) => ws.addRow(r));
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };
    const upload = (user: string, file: Buffer, query = '') =>
      t.http().post(`/api/property-areas/${ownArea.id}/practitioners/import${query}`).set(auth(user)).attach('file', file, { filename: '从业人员.xlsx', contentType: XLSX });
    const row = (seq: number, extra: Partial<Record<'position' | 'idNumber' | 'phone' | 'certType' | 'issuedAt' | 'expiresAt', string | null>> = {}) => [
      `导入人员${seq}`,
      '女',
      extra.idNumber ?? idNumber(`44030519880202${String(seq).padStart(3, '0')}`),
      extra.phone ?? `137${String(20_000_000 + seq)}`,
      extra.position ?? '保洁员',
      '2025-01-02',
      '否',
      '高中',
      extra.certType ?? null,
      extra.certType ? `C-${seq}` : null,
      extra.issuedAt ?? null,
      extra.expiresAt ?? null,
    ];

    it('serves the template with the sheet headers', async () => {
      expect(await headers()).toEqual(['姓名', '性别', '身份证号码', '联系电话', '岗位', '入职日期', '党员', '学历', '证书类型', '证书编号', '发证日期', '有效期至']);
    });

    it('names the bad rows in a dry run and writes nothing; all-or-nothing refuses the file; then imports and updates by ID number', async () => {
      const before = await count('SELECT COUNT(*) AS n FROM practitioners');
      const audited = await count('SELECT COUNT(*) AS n FROM practitioner_rosters WHERE propertyAreaId = ?', [ownArea.id]);
      await t.dataSource.query('UPDATE practitioner_rosters SET lastUpdatedAt = ? WHERE propertyAreaId = ?', ['2020-01-01 00:00:00', ownArea.id]);
      const file = await sheet([
        row(1),
        row(2, { idNumber: '440305198802020021' }),
        row(3, { phone: '12' }),
        row(4, { certType: '电梯安全管理员证', issuedAt: '2025-01-01', expiresAt: '2024-01-01', position: '电梯安全管理员' }),
        row(5, { certType: '低压电工作业证' }),
        row(6, { position: '厨师' }),
        row(1),
      ]);
      // all-or-nothing stops at the cells that cannot be read; the dry run of valid-rows goes through every row's rules
      const cells: XlsxImportReport = (await upload('demo.manager', file, '?dryRun=true').expect(200)).body;
      expect(Object.keys(Object.fromEntries(cells.errors.map((e) => [e.row, e.column]))).map(Number)).toEqual([4, 6, 7, 8]);
      const dry: XlsxImportReport = (await upload('demo.manager', file, '?dryRun=true&mode=valid-rows').expect(200)).body;
      expect(dry).toEqual(expect.objectContaining({ dryRun: true, total: 7, imported: 0 }));
      const byRow = Object.fromEntries(dry.errors.map((e) => [e.row, e.column]));
      expect(byRow).toEqual({ 3: '身份证号码', 4: '联系电话', 5: '有效期至', 6: '发证日期', 7: '岗位', 8: '身份证号码' });
      expect(await count('SELECT COUNT(*) AS n FROM practitioners')).toBe(before);
      expect(new Date((await roster(ownArea.id))[0].lastUpdatedAt).getFullYear()).toBe(2020);
      expect((await upload('demo.manager', file).expect(400)).body.code).toBe('IMPORT_ROWS_INVALID');
      expect(await count('SELECT COUNT(*) AS n FROM practitioners')).toBe(before);
      // another manager cannot import into this project
      expect((await upload(other.username, await sheet([row(1)])).expect(403)).body.code).toBe('PRACTITIONER_NOT_OWN_PROJECT');

      const good = await sheet([row(11, { certType: '消防设施操作员证', issuedAt: '2024-01-01', expiresAt: '2029-01-01', position: '消控值班员' }), row(12)]);
      const done: XlsxImportReport = (await upload('demo.manager', good).expect(200)).body;
      expect(done).toEqual(expect.objectContaining({ dryRun: false, total: 2, valid: 2, imported: 2, errors: [] }));
      expect(await count('SELECT COUNT(*) AS n FROM practitioners')).toBe(before + 2);
      expect(new Date((await roster(ownArea.id))[0].lastUpdatedAt).getFullYear()).toBeGreaterThan(2020);
      expect(audited).toBe(1);
      // the same file again updates the two by ID number: nothing added
      await upload('demo.manager', await sheet([row(11, { position: '电工' }), row(12)])).expect(200);
      expect(await count('SELECT COUNT(*) AS n FROM practitioners')).toBe(before + 2);
      expect(await count("SELECT COUNT(*) AS n FROM practitioners WHERE idNumber = ? AND position = 'ELECTRICIAN'", [row(11)[2]])).toBe(1);
      // the export imports back: its headers are the template's
      const exported = new ExcelJS.Workbook();
      await exported.xlsx.load((await get('demo.manager', `/api/property-areas/${ownArea.id}/practitioners/export`).buffer(true).parse(binaryBody).expect(200)).body as ArrayBuffer);
      expect((exported.worksheets[0].getRow(1).values as string[]).slice(1)).toEqual(await headers());
      expect(exported.worksheets[0].rowCount - 1).toBe(await count("SELECT COUNT(*) AS n FROM practitioners WHERE propertyAreaId = ? AND status = 'ON_DUTY'", [ownArea.id]));
    });
  });

  describe('statistics', () => {
    /** every area's kept counts next to a recount from the practitioners themselves (rows that differ) */
    const countsDrift = async () =>
      (await t.dataSource.query(
        `SELECT p.propertyAreaId AS areaId, COUNT(*) AS n, SUM(CASE WHEN p.position = 'ELECTRICIAN' THEN 1 ELSE 0 END) AS e, SUM(CASE WHEN p.position IN ('ELECTRICIAN', 'FIRE_CONTROL', 'LIFT_SAFETY') THEN 1 ELSE 0 END) AS need,
                SUM(CASE WHEN p.isPartyMember = 1 THEN 1 ELSE 0 END) AS party, k.people, k.electricians, k.needCertificate, k.partyMembers
           FROM practitioners p LEFT JOIN practitioner_area_counts k ON k.propertyAreaId = p.propertyAreaId
          WHERE p.employerKind = 'PROJECT' AND p.status = 'ON_DUTY' AND p.propertyAreaId IS NOT NULL
          GROUP BY p.propertyAreaId, k.people, k.electricians, k.needCertificate, k.partyMembers
         HAVING COUNT(*) <> COALESCE(k.people, -1) OR SUM(CASE WHEN p.position = 'ELECTRICIAN' THEN 1 ELSE 0 END) <> k.electricians
             OR SUM(CASE WHEN p.position IN ('ELECTRICIAN', 'FIRE_CONTROL', 'LIFT_SAFETY') THEN 1 ELSE 0 END) <> k.needCertificate OR SUM(CASE WHEN p.isPartyMember = 1 THEN 1 ELSE 0 END) <> k.partyMembers`,
      )) as unknown[];
    const areaCounts = async (areaId: number) =>
      Object.fromEntries(
        Object.entries(((await t.dataSource.query('SELECT people, electricians, security, needCertificate, partyMembers FROM practitioner_area_counts WHERE propertyAreaId = ?', [areaId])) as Array<Record<string, unknown>>)[0] ?? {}).map(([k, v]) => [k, Number(v)]),
      );
    const qualifiedUntil = async (id: number) => ((await t.dataSource.query('SELECT qualifiedUntil FROM practitioners WHERE id = ?', [id])) as Array<{ qualifiedUntil: string | null }>)[0].qualifiedUntil;

    it('keeps the per-area counts and each qualifiedUntil in the transaction of every write (seed, API and sheet import so far included)', async () => {
      expect(await countsDrift()).toEqual([]);
      const start = await areaCounts(ownArea.id);
      const projectRow = async () => {
        const table: PractitionerProjectStats = (await get('futian.handler', `/api/practitioners/statistics?streetId=${ownArea.streetId}&communityId=${ownArea.communityId}`).expect(200)).body;
        return table.items.find((i) => i.regionId === ownArea.id)!;
      };
      const certifiedBefore = (await projectRow()).certified;
      const added: PractitionerItem = (
        await post('demo.manager', `/api/property-areas/${ownArea.id}/practitioners`, { ...person(41, { isPartyMember: true }), certificates: [{ type: 'HIGH_VOLTAGE_ELECTRICIAN', certNo: 'K-41', issuedAt: '2024-01-01', expiresAt: plusDays(400) }] }).expect(201)
      ).body;
      expect(await areaCounts(ownArea.id)).toEqual({ ...start, people: start.people + 1, electricians: start.electricians + 1, needCertificate: start.needCertificate + 1, partyMembers: start.partyMembers + 1 });
      expect(await qualifiedUntil(added.id)).toBe(plusDays(400));
      // the table reads the kept numbers (its cache emptied by the write)
      const row = await projectRow();
      expect([row.people, row.electricians, row.certified]).toEqual([start.people + 1, start.electricians + 1, certifiedBefore + 1]);
      // a certificate that does not qualify an electrician leaves qualifiedUntil; a later qualifying one moves it
      await post('demo.manager', `/api/practitioners/${added.id}/certificates`, { type: 'WORK_AT_HEIGHT', certNo: 'H-41', issuedAt: '2024-01-01', expiresAt: plusDays(900) }).expect(201);
      expect(await qualifiedUntil(added.id)).toBe(plusDays(400));
      await post('demo.manager', `/api/practitioners/${added.id}/certificates`, { type: 'LOW_VOLTAGE_ELECTRICIAN', certNo: 'L-41', issuedAt: '2024-01-01', expiresAt: plusDays(700) }).expect(201);
      expect(await qualifiedUntil(added.id)).toBe(plusDays(700));
      // a position that needs none: out of 电工 and 须持证, qualifiedUntil gone
      await patch('demo.manager', `/api/practitioners/${added.id}`, { position: 'SECURITY' }).expect(200);
      expect(await areaCounts(ownArea.id)).toEqual({ ...start, people: start.people + 1, security: start.security + 1, partyMembers: start.partyMembers + 1 });
      expect(await qualifiedUntil(added.id)).toBeNull();
      await patch('demo.manager', `/api/practitioners/${added.id}`, { position: 'ELECTRICIAN' }).expect(200);
      expect(await qualifiedUntil(added.id)).toBe(plusDays(700));
      const withCerts: PractitionerItem = (await get('demo.manager', `/api/practitioners/${added.id}`).expect(200)).body;
      for (const c of withCerts.certificates.filter((c) => c.type !== 'HIGH_VOLTAGE_ELECTRICIAN')) await t.http().delete(`/api/practitioners/${added.id}/certificates/${c.id}`).set(auth('demo.manager')).expect(200);
      expect(await qualifiedUntil(added.id)).toBe(plusDays(400));
      await post('demo.manager', `/api/practitioners/${added.id}/leave`, { leftAt: today() }).expect(200);
      expect(await areaCounts(ownArea.id)).toEqual(start);
      expect(await countsDrift()).toEqual([]);
    });

    it('drills street → community → project, every number agreeing with its list', async () => {
      const top: PractitionerProjectStats = (await get('futian.handler', '/api/practitioners/statistics').expect(200)).body;
      expect(top.level).toBe('STREET');
      expect(top.withinDays).toBe(90);
      expect(top.total.people).toBe(await count("SELECT COUNT(*) AS n FROM practitioners WHERE districtId = 2 AND employerKind = 'PROJECT' AND status = 'ON_DUTY'"));
      expect(top.total.projects).toBe(await count('SELECT COUNT(*) AS n FROM property_areas WHERE districtId = 2'));
      expect(top.total.filed + top.total.notFiled).toBe(top.total.projects);
      expect(top.total.certifiedRate).toBe(rate(top.total.certified, top.total.needCertificate));
      expect(top.total.certified).toBeGreaterThan(0);
      expect(top.total.certified).toBeLessThan(top.total.needCertificate);
      const street = top.items.find((i) => i.regionId === ownArea.streetId)!;
      const communities: PractitionerProjectStats = (await get('futian.handler', `/api/practitioners/statistics?streetId=${street.regionId}`).expect(200)).body;
      expect(communities.level).toBe('COMMUNITY');
      expect(communities.total.people).toBe(street.people);
      const projects: PractitionerProjectStats = (await get('futian.handler', `/api/practitioners/statistics?streetId=${street.regionId}&communityId=${ownArea.communityId}`).expect(200)).body;
      expect(projects.level).toBe('PROPERTY_AREA');
      const project = projects.items.find((i) => i.regionId === ownArea.id)!;
      expect(project.filed).toBe(1);
      for (const counter of ['people', 'electricians', 'needCertificate', 'certified', 'expiringSoon', 'partyMembers', 'managers'] as const) {
        const cell: PractitionerCellPage = (await get('futian.handler', `/api/practitioners/statistics/cells?counter=${counter}&regionId=${street.regionId}&pageSize=1`).expect(200)).body;
        expect([counter, cell.kind, cell.total]).toEqual([counter, 'PEOPLE', street[counter]]);
      }
      const people: PractitionerCellPage = (await get('futian.supervisor', `/api/practitioners/statistics/cells?counter=people&streetId=${street.regionId}&communityId=${ownArea.communityId}&regionId=${ownArea.id}&pageSize=100`).expect(200)).body;
      expect(people.total).toBe(project.people);
      expect(people.kind === 'PEOPLE' && people.items.every((p) => p.masked && p.idNumber.includes('*'))).toBe(true);
      for (const counter of ['projects', 'filed', 'notFiled'] as const) {
        const cell: PractitionerCellPage = (await get('futian.handler', `/api/practitioners/statistics/cells?counter=${counter}&pageSize=100`).expect(200)).body;
        expect([counter, cell.kind, cell.total]).toEqual([counter, 'PROJECTS', top.total[counter]]);
      }
      const filed: PractitionerCellPage = (await get('futian.handler', `/api/practitioners/statistics/cells?counter=filed&regionId=${street.regionId}&pageSize=100`).expect(200)).body;
      expect(filed.kind === 'PROJECTS' && filed.items.every((p) => p.filed && p.lastUpdatedAt !== null)).toBe(true);
      // that project's people: the drill-down's last step
      const list: Page<PractitionerItem> = (await get('futian.handler', `/api/practitioners?propertyAreaId=${ownArea.id}&pageSize=100`).expect(200)).body;
      expect(list.total).toBe(project.people);
      expect((await get('futian.handler', '/api/practitioners/statistics/cells?counter=nope').expect(400)).body.details[0].field).toBe('counter');
      expect((await get('nanshan.lead', `/api/practitioners/statistics?districtId=${FUTIAN_ID}`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      expect((await get('futian.street.yuanling', '/api/practitioners/statistics').expect(200)).body.level).toBe('COMMUNITY');
      await get('demo.manager', '/api/practitioners/statistics').expect(403);
    });

    it('lists the companies the district sees, searchable by name, with their staff and projects', async () => {
      const all: Page<CompanyPractitionerRow> = (await get('futian.handler', '/api/practitioners/companies?pageSize=100').expect(200)).body;
      expect(all.total).toBe(
        await count(
          'SELECT COUNT(*) AS n FROM property_companies c WHERE c.registeredDistrictId = 2 OR c.id IN (SELECT a.companyId FROM property_areas a WHERE a.districtId = 2 AND a.companyId IS NOT NULL)',
        ),
      );
      const first = all.items.find((c) => c.projects > 0)!;
      expect(first.companyStaff).toBe(await count("SELECT COUNT(*) AS n FROM practitioners WHERE companyId = ? AND employerKind = 'COMPANY' AND status = 'ON_DUTY'", [first.companyId]));
      expect(first.projectStaff).toBe(await count("SELECT COUNT(*) AS n FROM practitioners WHERE companyId = ? AND employerKind = 'PROJECT' AND status = 'ON_DUTY' AND districtId = 2", [first.companyId]));
      expect(first.projects).toBe(await count('SELECT COUNT(*) AS n FROM property_areas WHERE companyId = ? AND districtId = 2', [first.companyId]));
      expect(Object.values(first.byPosition).reduce((n, v) => n + v, 0)).toBe(first.companyStaff + first.projectStaff);
      const word = first.companyName.slice(2, 5);
      const found: Page<CompanyPractitionerRow> = (await get('futian.handler', `/api/practitioners/companies?search=${encodeURIComponent(word)}&pageSize=100`).expect(200)).body;
      expect(found.items.length).toBeGreaterThan(0);
      expect(found.items.every((c) => c.companyName.includes(word))).toBe(true);
      const staff: Page<PractitionerItem> = (await get('futian.handler', `/api/practitioners?employerKind=COMPANY&companyId=${first.companyId}&pageSize=1`).expect(200)).body;
      expect(staff.total).toBe(first.companyStaff);
    });

    it('exports the table with its 合计 row and streams the district practitioners', async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await get('futian.handler', '/api/practitioners/statistics/export').buffer(true).parse(binaryBody).expect(200)).body as ArrayBuffer);
      const ws = workbook.worksheets[0];
      expect(ws.getRow(1).getCell(1).value).toBe('街道');
      expect(ws.getRow(ws.rowCount).getCell(1).value).toBe('合计');
      const ledger = new ExcelJS.Workbook();
      await ledger.xlsx.load((await get('futian.lead', '/api/practitioners/export').buffer(true).parse(binaryBody).expect(200)).body as ArrayBuffer);
      expect(ledger.worksheets[0].rowCount - 1).toBe(await count("SELECT COUNT(*) AS n FROM practitioners WHERE districtId = 2 AND status = 'ON_DUTY'"));
      expect((await get('city.admin', '/api/practitioners/export').expect(400)).body.details[0].field).toBe('districtId');
    });
  });

  describe('提醒更新', () => {
    const managersOf = async (districtId: number, onlyOutdated: boolean) =>
      count(
        `SELECT COUNT(DISTINCT ac.id) AS n FROM property_areas a JOIN accounts ac ON ac.unitId = a.projectManagerId AND ac.role = 'PROJECT_MANAGER' AND ac.unitCategory = 'PROJECT_MANAGER' AND ac.status = 'ACTIVE'
         LEFT JOIN practitioner_rosters r ON r.propertyAreaId = a.id WHERE a.districtId = ? ${onlyOutdated ? 'AND (r.id IS NULL OR r.lastUpdatedAt <= ?)' : ''}`,
        onlyOutdated ? [districtId, stored(new Date(Date.now() - 90 * 86_400_000))] : [districtId],
      );

    it('asks only managers of projects never filed or stale for 90 days with onlyOutdated, then each manager at most once per cooldown', async () => {
      const expected = await managersOf(NANSHAN_ID, true);
      expect(expected).toBeGreaterThan(0);
      expect(expected).toBeLessThan(await managersOf(NANSHAN_ID, false));
      const first: PractitionerRemindResult = (await post('nanshan.lead', '/api/practitioners/remind', { onlyOutdated: true }).expect(200)).body;
      expect(first.urged).toBe(expected);
      expect(first.skippedInCooldown).toBe(0);
      expect(first.projects).toBeGreaterThan(0);
      expect(await count("SELECT COUNT(*) AS n FROM notification_campaigns WHERE kind = 'REMIND_UPDATE' AND districtId = ?", [NANSHAN_ID])).toBe(1);
      const all: PractitionerRemindResult = (await post('nanshan.lead', '/api/practitioners/remind', {}).expect(200)).body;
      expect(all.skippedInCooldown).toBe(expected);
      expect(all.urged).toBe((await managersOf(NANSHAN_ID, false)) - expected);
      // every roster brought up to date: nothing outstanding
      await t.dataSource.query('UPDATE practitioner_rosters SET lastUpdatedAt = ? WHERE districtId = ?', [stored(new Date()), NANSHAN_ID]);
      await t.dataSource.query(
        "INSERT INTO practitioner_rosters (propertyAreaId, districtId, streetId, communityId, filedAt, lastUpdatedAt) SELECT a.id, a.districtId, a.streetId, a.communityId, ?, ? FROM property_areas a WHERE a.districtId = ? AND a.id NOT IN (SELECT propertyAreaId FROM practitioner_rosters)",
        [stored(new Date()), stored(new Date()), NANSHAN_ID],
      );
      expect((await post('nanshan.lead', '/api/practitioners/remind', { onlyOutdated: true }).expect(409)).body.code).toBe('NOTIFICATIONS_NOTHING_TO_URGE');
    });

    it('asks every manager with a project in the district by default; needs OPERATE and the city names a district', async () => {
      const result: PractitionerRemindResult = (await post('futian.lead', '/api/practitioners/remind', {}).expect(200)).body;
      expect(result.urged).toBe(await managersOf(FUTIAN_ID, false));
      const inbox = await count("SELECT COUNT(*) AS n FROM notification_deliveries d JOIN notification_campaigns c ON c.id = d.campaignId WHERE c.kind = 'REMIND_UPDATE' AND d.recipientId = ?", [manager.id]);
      expect(inbox).toBeGreaterThan(0);
      expect(await audits('practitioners.remind')).toBeGreaterThan(0);
      await post('futian.supervisor', '/api/practitioners/remind', {}).expect(403);
      expect((await post('city.admin', '/api/practitioners/remind', {}).expect(400)).body.details[0].field).toBe('districtId');
      expect((await post('futian.lead', '/api/practitioners/remind', { districtId: NANSHAN_ID }).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
    });
  });
});
