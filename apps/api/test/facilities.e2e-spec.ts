import { DueFacilityItem, FacilityItem, FacilityTypeNode, Page } from '@szpm/contract';
import ExcelJS from 'exceljs';
import { AuditLog } from '../src/access/entities/audit-log.entity';
import { binaryBody } from './support/binary-body';
import { startTestApp, TestApp } from './support/test-app';

/** Issue 14, 设施设备信息: the type catalogue, the ledger's CRUD, scope, 到期提醒, and the sheet (template → import → export → re-import). */
describe('facilities (chapter 5 设施设备信息)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const MAX_ROWS = 400;
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  let futianArea: number;
  let futianArea2: number;
  let nanshanArea: number;
  let passengerLift: number;
  let extinguisher: number;

  type Cell = string | number | Date | null;
  const auth = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const download = (user: string, path: string) => t.http().get(path).set(auth(user)).buffer(true).parse(binaryBody);
  const upload = (user: string, areaId: number, file: Buffer, query = '') =>
    t.http().post(`/api/property-areas/${areaId}/facilities/import${query}`).set(auth(user)).attach('file', file, { filename: '设施设备.xlsx', contentType: XLSX });
  /** every facility of the area, page by page */
  const all = async (areaId: number, user = 'futian.lead'): Promise<FacilityItem[]> => {
    const items: FacilityItem[] = [];
    for (let page = 1; ; page++) {
      const body = (await t.http().get(`/api/property-areas/${areaId}/facilities?pageSize=100&page=${page}`).set(auth(user)).expect(200)).body as Page<FacilityItem>;
      items.push(...body.items);
      if (items.length >= body.total || !body.items.length) return items;
    }
  };
  const count = async (sql: string, params: unknown[] = []) => Number(((await t.dataSource.query(sql, params)) as Array<{ n: number | string }>)[0].n);
  const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const plusDays = (days: number) => new Date(Date.parse(`${today()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  async function workbookOf(buffer: Buffer): Promise<ExcelJS.Workbook> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    return workbook;
  }
  async function headersOf(): Promise<string[]> {
    const template = await workbookOf((await download('futian.lead', `/api/property-areas/${futianArea}/facilities/template`).expect(200)).body);
    return (template.worksheets[0].getRow(1).values as string[]).slice(1);
  }
  async function sheet(rows: Cell[][], headers?: string[]): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('设施设备');
    ws.addRow(headers ?? (await headersOf()));
    rows.forEach((r) => ws.addRow(r));
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
  /** a row in the template's column order: name, type, building, unit, position, brand, company, quantity, register, serial, commissioned, due */
  const liftRow = (name: string, register: string | null, due: Cell = plusDays(200)): Cell[] => [name, '电梯/乘客电梯', null, null, '电梯厅', '日立', null, 1, register, null, '2018-05-01', due];
  const plainRow = (name: string, position: string): Cell[] => [name, '消防/灭火器', null, null, position, null, null, 12];

  beforeAll(async () => {
    t = await startTestApp({ env: { XLSX_IMPORT_MAX_ROWS: String(MAX_ROWS) } });
    for (const user of ['city.admin', 'futian.lead', 'futian.handler', 'demo.company', 'nanshan.lead']) tokens[user] = await t.login(user);
    const areas = (await t.dataSource.query('SELECT id, districtId FROM property_areas WHERE districtId IN (2, 3) ORDER BY id')) as Array<{ id: number; districtId: number }>;
    [futianArea, futianArea2] = areas.filter((a) => Number(a.districtId) === 2).map((a) => Number(a.id));
    nanshanArea = Number(areas.find((a) => Number(a.districtId) === 3)!.id);
    const types = (await t.http().get('/api/facility-types').set(auth('futian.handler')).expect(200)).body as FacilityTypeNode[];
    const flat = (nodes: FacilityTypeNode[]): FacilityTypeNode[] => nodes.flatMap((n) => [n, ...flat(n.children)]);
    passengerLift = flat(types).find((n) => n.code === 'LIFT_PASSENGER')!.id;
    extinguisher = flat(types).find((n) => n.code === 'FIRE_EXTINGUISHER')!.id;
  });
  afterAll(() => t.close());

  describe('the seed and the type catalogue', () => {
    it('gives every demo area 20–200 facilities, lifts with register codes, some due within 30 days, and maintenance records', async () => {
      const perArea = (await t.dataSource.query('SELECT a.id, COUNT(f.id) AS n FROM property_areas a LEFT JOIN facilities f ON f.propertyAreaId = a.id GROUP BY a.id')) as Array<{ n: number | string }>;
      expect(perArea.length).toBeGreaterThan(50);
      expect(perArea.every((a) => Number(a.n) >= 20 && Number(a.n) <= 200)).toBe(true);
      expect(await count("SELECT COUNT(*) AS n FROM facilities f JOIN facility_types t ON t.id = f.facilityTypeId WHERE t.isSpecialEquipment = ? AND (f.registerNumber IS NULL OR f.dueDate IS NULL)", [true])).toBe(0);
      expect(await count('SELECT COUNT(*) AS n FROM facilities WHERE districtId = 2 AND dueDate IS NOT NULL AND dueDate <= ?', [plusDays(30)])).toBeGreaterThan(0);
      expect(await count('SELECT COUNT(*) AS n FROM facility_maintenance_records')).toBeGreaterThan(0);
      expect(await count('SELECT COUNT(*) AS n FROM (SELECT registerNumber FROM facilities WHERE registerNumber IS NOT NULL GROUP BY registerNumber HAVING COUNT(*) > 1) d')).toBe(0);
    });

    it('serves the default tree; city admins add and edit types, officers may not', async () => {
      const tree = (await t.http().get('/api/facility-types').set(auth('futian.lead')).expect(200)).body as FacilityTypeNode[];
      expect(tree.map((n) => n.name)).toEqual(['电梯', '消防', '供配电', '给排水', '安防', '充电设施', '防雷', '其他']);
      expect(tree[0].children.map((c) => c.path)).toEqual(['电梯/乘客电梯', '电梯/载货电梯', '电梯/自动扶梯']);
      expect(tree[0].children.every((c) => c.isSpecialEquipment)).toBe(true);

      await t.http().post('/api/admin/facility-types').set(auth('futian.lead')).send({ code: 'BOILER', name: '锅炉' }).expect(403);
      const boiler = (await t.http().post('/api/admin/facility-types').set(auth('city.admin')).send({ parentId: tree[7].id, code: 'OTHER_BOILER', name: '锅炉', isSpecialEquipment: true }).expect(201)).body as FacilityTypeNode;
      expect(boiler).toEqual(expect.objectContaining({ path: '其他/锅炉', isSpecialEquipment: true, enabled: true }));
      const taken = await t.http().post('/api/admin/facility-types').set(auth('city.admin')).send({ code: 'OTHER_BOILER', name: '锅炉2' }).expect(409);
      expect(taken.body.code).toBe('FACILITY_TYPE_CODE_TAKEN');
      const cycle = await t.http().patch(`/api/admin/facility-types/${tree[7].id}`).set(auth('city.admin')).send({ parentId: boiler.id }).expect(400);
      expect(cycle.body.code).toBe('FACILITY_TYPE_PARENT_INVALID');
      await t.http().patch(`/api/admin/facility-types/${boiler.id}`).set(auth('city.admin')).send({ enabled: false }).expect(200);
      const refused = await t.http().post(`/api/property-areas/${futianArea}/facilities`).set(auth('futian.lead')).send({ facilityTypeId: boiler.id, name: '锅炉01', registerNumber: 'B1', dueDate: plusDays(10) }).expect(400);
      expect(refused.body).toEqual(expect.objectContaining({ code: 'FACILITY_TYPE_NOT_USABLE', details: [expect.objectContaining({ field: 'facilityTypeId' })] }));
      expect((await t.http().patch('/api/admin/facility-types/999999').set(auth('city.admin')).send({ name: 'x' }).expect(404)).body.code).toBe('FACILITY_TYPE_NOT_FOUND');
    });
  });

  describe('the ledger', () => {
    let created: FacilityItem;

    it('adds a facility (audited), lists it, filters it and counts it per type', async () => {
      const before = (await t.http().get(`/api/property-areas/${futianArea}/facilities/statistics`).set(auth('futian.handler')).expect(200)).body;
      const response = await t
        .http()
        .post(`/api/property-areas/${futianArea}/facilities`)
        .set(auth('futian.lead'))
        .send({ facilityTypeId: passengerLift, name: '测试客梯A', position: '东门', registerNumber: 'test-0001', dueDate: plusDays(5), quantity: 1, originalValue: 300000.25 })
        .expect(201);
      created = response.body;
      expect(created).toEqual(expect.objectContaining({ name: '测试客梯A', facilityTypePath: '电梯/乘客电梯', registerNumber: 'TEST-0001', relationType: 'AREA', enabled: true, originalValue: 300000.25 }));
      const listed = (await t.http().get(`/api/property-areas/${futianArea}/facilities?search=测试客梯&typeId=${passengerLift}`).set(auth('futian.handler')).expect(200)).body as Page<FacilityItem>;
      expect(listed.items.map((f) => f.id)).toEqual([created.id]);
      const after = (await t.http().get(`/api/property-areas/${futianArea}/facilities/statistics`).set(auth('futian.handler')).expect(200)).body;
      expect(after.total.facilities).toBe(before.total.facilities + 1);
      expect(after.total.dueSoon).toBe(before.total.dueSoon + 1);
      expect(after.types.find((x: { facilityTypeId: number }) => x.facilityTypeId === passengerLift).facilities).toBe(
        (before.types.find((x: { facilityTypeId: number }) => x.facilityTypeId === passengerLift)?.facilities ?? 0) + 1,
      );
      const audit = await t.dataSource.getRepository(AuditLog).findBy({ action: 'property-areas.facilities.create', statusCode: 201 });
      expect(audit.map((a) => [a.targetType, a.outcome])).toEqual([['facility', 'succeeded']]);
    });

    it('refuses special equipment without register code or due date, a duplicate, a taken code, a unit without building, naming the field', async () => {
      const post = (body: object) => t.http().post(`/api/property-areas/${futianArea}/facilities`).set(auth('futian.lead')).send(body);
      const noCode = (await post({ facilityTypeId: passengerLift, name: '无代码电梯', dueDate: plusDays(9) }).expect(400)).body;
      expect(noCode).toEqual(expect.objectContaining({ code: 'FACILITY_SPECIAL_EQUIPMENT_INCOMPLETE', details: [expect.objectContaining({ field: 'registerNumber' })] }));
      expect((await post({ facilityTypeId: passengerLift, name: '无日期电梯', registerNumber: 'X-9' }).expect(400)).body.details[0].field).toBe('dueDate');
      expect((await post({ facilityTypeId: extinguisher, name: '测试客梯A', position: '东门' }).expect(409)).body.code).toBe('FACILITY_DUPLICATE');
      const seededCode = ((await t.dataSource.query('SELECT registerNumber FROM facilities WHERE propertyAreaId = ? AND registerNumber IS NOT NULL LIMIT 1', [futianArea2])) as Array<{ registerNumber: string }>)[0].registerNumber;
      expect((await post({ facilityTypeId: passengerLift, name: '抄来的电梯', registerNumber: seededCode, dueDate: plusDays(9) }).expect(409)).body.code).toBe('FACILITY_REGISTER_NUMBER_TAKEN');
      expect((await post({ facilityTypeId: extinguisher, name: '灭火器X', unitName: '1单元' }).expect(400)).body.code).toBe('FACILITY_UNIT_NEEDS_BUILDING');
      const bad = (await post({ facilityTypeId: extinguisher, name: '灭火器Y', dueDate: '2027/01/01', quantity: 0 }).expect(400)).body;
      expect(bad.details.map((d: { field: string }) => d.field).sort()).toEqual(['dueDate', 'quantity']);
    });

    it('modifies, disables and enables a facility; the view shows it; an account without the operate grant may not', async () => {
      const patched = (await t.http().patch(`/api/facilities/${created.id}`).set(auth('futian.lead')).send({ brand: '三菱', position: null }).expect(200)).body as FacilityItem;
      expect(patched).toEqual(expect.objectContaining({ brand: '三菱', position: null, registerNumber: 'TEST-0001' }));
      await t.http().patch(`/api/facilities/${created.id}`).set(auth('demo.company')).send({ brand: 'x' }).expect(403);
      expect((await t.http().post(`/api/facilities/${created.id}/disable`).set(auth('futian.lead')).expect(200)).body.enabled).toBe(false);
      expect((await all(futianArea)).find((f) => f.id === created.id)!.enabled).toBe(false);
      const due = (await t.http().get(`/api/facilities/due?propertyAreaId=${futianArea}`).set(auth('futian.lead')).expect(200)).body as Page<DueFacilityItem>;
      expect(due.items.some((f) => f.id === created.id)).toBe(false);
      expect((await t.http().post(`/api/facilities/${created.id}/enable`).set(auth('futian.lead')).expect(200)).body.enabled).toBe(true);
    });

    it('records maintenance; a 年检 with a new due date moves the facility out of 到期提醒', async () => {
      const dueBefore = (await t.http().get(`/api/facilities/due?pageSize=100&propertyAreaId=${futianArea}`).set(auth('futian.lead')).expect(200)).body as Page<DueFacilityItem>;
      expect(dueBefore.items.find((f) => f.id === created.id)).toEqual(expect.objectContaining({ daysLeft: 5, overdue: false, propertyAreaId: futianArea }));
      const record = (await t.http().post(`/api/facilities/${created.id}/maintenance-records`).set(auth('futian.lead')).send({ maintainedOn: today(), kind: 'ANNUAL_INSPECTION', content: '定期检验', cost: 650, nextDueDate: plusDays(365) }).expect(201)).body;
      expect(record).toEqual(expect.objectContaining({ kindLabel: '年检', nextDueDate: plusDays(365), attachments: [] }));
      const detail = (await t.http().get(`/api/facilities/${created.id}`).set(auth('futian.handler')).expect(200)).body;
      expect(detail.dueDate).toBe(plusDays(365));
      expect(detail.maintenanceRecords.map((r: { id: number }) => r.id)).toEqual([record.id]);
      const dueAfter = (await t.http().get(`/api/facilities/due?pageSize=100&propertyAreaId=${futianArea}`).set(auth('futian.lead')).expect(200)).body as Page<DueFacilityItem>;
      expect(dueAfter.items.some((f) => f.id === created.id)).toBe(false);
      expect(dueAfter.total).toBe(dueBefore.total - 1);
    });

    it('deletes logically: the facility is gone from lists, lookups and statistics, its row stays', async () => {
      const before = (await t.http().get(`/api/property-areas/${futianArea}/facilities/statistics`).set(auth('futian.lead')).expect(200)).body;
      await t.http().delete(`/api/facilities/${created.id}`).set(auth('futian.lead')).expect(204);
      expect((await t.http().get(`/api/facilities/${created.id}`).set(auth('futian.lead')).expect(404)).body.code).toBe('FACILITY_NOT_FOUND');
      expect((await t.http().patch(`/api/facilities/${created.id}`).set(auth('futian.lead')).send({ brand: 'x' }).expect(404)).body.code).toBe('FACILITY_NOT_FOUND');
      expect((await all(futianArea)).some((f) => f.id === created.id)).toBe(false);
      const after = (await t.http().get(`/api/property-areas/${futianArea}/facilities/statistics`).set(auth('futian.lead')).expect(200)).body;
      expect(after.total.facilities).toBe(before.total.facilities - 1);
      expect(await count('SELECT COUNT(*) AS n FROM facilities WHERE id = ? AND deletedAt IS NOT NULL', [created.id])).toBe(1);
      // the name and the code are free again
      await t.http().post(`/api/property-areas/${futianArea}/facilities`).set(auth('futian.lead')).send({ facilityTypeId: passengerLift, name: '测试客梯A', registerNumber: 'TEST-0001', dueDate: plusDays(100) }).expect(201);
    });

    it('answers unknown ids with the module codes, and refuses another district through the scoped door', async () => {
      expect((await t.http().get('/api/facilities/99999999').set(auth('futian.lead')).expect(404)).body.code).toBe('FACILITY_NOT_FOUND');
      expect((await t.http().get('/api/property-areas/99999999/facilities').set(auth('futian.lead')).expect(404)).body.code).toBe('PROPERTY_AREA_NOT_FOUND');
      const theirs = (await all(futianArea))[0];
      expect((await t.http().get(`/api/property-areas/${futianArea}/facilities`).set(auth('nanshan.lead')).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      expect((await t.http().get(`/api/facilities/${theirs.id}`).set(auth('nanshan.lead')).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      expect((await t.http().patch(`/api/facilities/${theirs.id}`).set(auth('nanshan.lead')).send({ brand: 'x' }).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      expect((await t.http().delete(`/api/facilities/${theirs.id}`).set(auth('nanshan.lead')).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      expect((await t.http().post(`/api/property-areas/${futianArea}/facilities`).set(auth('nanshan.lead')).send({ facilityTypeId: extinguisher, name: '越区' }).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      await upload('nanshan.lead', futianArea, await sheet([plainRow('越区导入', '大堂')])).expect(403);
      const nanshanDue = (await t.http().get('/api/facilities/due?pageSize=100').set(auth('nanshan.lead')).expect(200)).body as Page<DueFacilityItem>;
      expect(nanshanDue.items.every((f) => f.districtId === 3)).toBe(true);
      expect((await t.http().get('/api/facilities/due?districtId=2').set(auth('nanshan.lead')).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      expect((await t.http().get(`/api/facilities/${theirs.id}`).set(auth('city.admin')).expect(200)).body.id).toBe(theirs.id);
      void nanshanArea;
    });
  });

  describe('到期提醒', () => {
    it('lists enabled special equipment due within N days (default 30), overdue first, soonest first', async () => {
      const page = (await t.http().get('/api/facilities/due?pageSize=100').set(auth('futian.lead')).expect(200)).body as Page<DueFacilityItem>;
      const expected = await count(
        'SELECT COUNT(*) AS n FROM facilities f JOIN facility_types t ON t.id = f.facilityTypeId WHERE f.districtId = 2 AND f.deletedAt IS NULL AND f.enabled = ? AND t.isSpecialEquipment = ? AND f.dueDate <= ?',
        [true, true, plusDays(30)],
      );
      expect(page.total).toBe(expected);
      expect(page.total).toBeGreaterThan(0);
      expect(page.items.every((f) => f.dueDate <= plusDays(30) && f.districtId === 2 && f.registerNumber)).toBe(true);
      const dates = page.items.map((f) => f.dueDate);
      expect(dates).toEqual([...dates].sort());
      expect(page.items.filter((f) => f.overdue).every((f) => f.daysLeft < 0)).toBe(true);
      const week = (await t.http().get('/api/facilities/due?withinDays=7&pageSize=100').set(auth('futian.lead')).expect(200)).body as Page<DueFacilityItem>;
      expect(week.total).toBeLessThanOrEqual(page.total);
      expect(week.items.every((f) => f.daysLeft <= 7)).toBe(true);
      expect((await t.http().get('/api/facilities/due?withinDays=999').set(auth('futian.lead')).expect(400)).body.details[0].field).toBe('withinDays');
    });
  });

  describe('the sheet: template, import, export', () => {
    it('serves the template: the header of the export, a type list, drop-downs for choices', async () => {
      const response = await download('futian.handler', `/api/property-areas/${futianArea}/facilities/template`).expect(200);
      expect(response.headers['content-type']).toContain('spreadsheetml');
      const workbook = await workbookOf(response.body);
      expect(workbook.worksheets.map((w) => w.name)).toEqual(['设施设备', '设施设备类型']);
      expect(workbook.worksheets[0].rowCount).toBe(1);
      expect(workbook.worksheets[1].getColumn(1).values).toContain('电梯/乘客电梯');
    });

    it('template → fill → dry run (nothing written) → import → export → re-import changes nothing', async () => {
      const template = await workbookOf((await download('futian.lead', `/api/property-areas/${futianArea2}/facilities/template`).expect(200)).body);
      const ws = template.worksheets[0];
      ws.addRow(liftRow('导入客梯1', 'IMP-0001', plusDays(12)));
      ws.addRow(liftRow('导入客梯2', 'IMP-0002'));
      ws.addRow([...plainRow('导入灭火器组', '南门岗亭'), null, null, '2016/3/5', null, '月', '张三', 1200, 600, null, null, '否', '新增']);
      const filled = Buffer.from(await template.xlsx.writeBuffer());
      const before = await all(futianArea2);

      const dry = (await upload('futian.lead', futianArea2, filled, '?dryRun=true').expect(200)).body;
      expect(dry).toEqual({ dryRun: true, total: 3, valid: 3, imported: 0, errors: [] });
      expect(await all(futianArea2)).toEqual(before);

      expect((await upload('futian.lead', futianArea2, filled).expect(200)).body).toEqual({ dryRun: false, total: 3, valid: 3, imported: 3, errors: [] });
      const afterImport = await all(futianArea2);
      expect(afterImport.length).toBe(before.length + 3);
      expect(afterImport.find((f) => f.name === '导入灭火器组')).toEqual(
        expect.objectContaining({ commissionedAt: '2016-03-05', maintenanceCycle: 'MONTH', personLiable: '张三', originalValue: 1200, currentValue: 600, enabled: false, remarks: '新增', quantity: 12 }),
      );

      const exported = (await download('futian.lead', `/api/property-areas/${futianArea2}/facilities/export`).expect(200)).body as Buffer;
      const exportedSheet = (await workbookOf(exported)).worksheets[0];
      expect(exportedSheet.rowCount).toBe(1 + afterImport.length);
      const again = (await upload('futian.lead', futianArea2, exported).expect(200)).body;
      expect(again).toEqual({ dryRun: false, total: afterImport.length, valid: afterImport.length, imported: afterImport.length, errors: [] });
      expect(await all(futianArea2)).toEqual(afterImport);

      // edit the export: one cell changed updates that facility only (matched by its register code)
      const edited = await workbookOf(exported);
      const row = edited.worksheets[0].getRows(2, exportedSheet.rowCount - 1)!.find((r) => r.getCell(9).value === 'IMP-0002')!;
      row.getCell(6).value = '通力';
      expect((await upload('futian.lead', futianArea2, Buffer.from(await edited.xlsx.writeBuffer())).expect(200)).body.imported).toBe(afterImport.length);
      const changed = await all(futianArea2);
      expect(changed.filter((f, i) => JSON.stringify(f) !== JSON.stringify(afterImport[i])).map((f) => [f.registerNumber, f.brand])).toEqual([['IMP-0002', '通力']]);
    });

    it('refuses every bad sheet with a 4xx naming the row and column (or the limit), writing nothing', async () => {
      const rows = () => count('SELECT COUNT(*) AS n FROM facilities WHERE propertyAreaId = ?', [futianArea]);
      const before = await rows();
      const headers = await headersOf();

      const header = await upload('futian.lead', futianArea, await sheet([plainRow('x', 'y')], headers.map((h) => (h === '到期日期' ? '有效期' : h)))).expect(400);
      expect(header.body.code).toBe('IMPORT_HEADER_MISMATCH');
      expect(header.body.message).toContain('缺少列“到期日期”');

      const wrongType = await upload('futian.lead', futianArea, await sheet([plainRow('好的一行', '大堂'), [...plainRow('坏的一行', '大堂2').slice(0, 7), '很多']])).expect(400);
      expect(wrongType.body.code).toBe('IMPORT_ROWS_INVALID');
      expect(wrongType.body.details.errors).toEqual([{ row: 3, column: '数量', message: '数量必须是整数' }]);

      const duplicate = await upload('futian.lead', futianArea, await sheet([liftRow('重号1', 'DUP-1'), liftRow('重号2', 'DUP-1')])).expect(400);
      expect(duplicate.body.details.errors).toEqual([{ row: 3, column: '注册代码', message: '与第2行的注册代码重复：一个注册代码只能登记一台设备' }]);

      const seededCode = ((await t.dataSource.query('SELECT registerNumber FROM facilities WHERE propertyAreaId = ? AND registerNumber IS NOT NULL LIMIT 1', [futianArea2])) as Array<{ registerNumber: string }>)[0].registerNumber;
      const elsewhere = await upload('futian.lead', futianArea, await sheet([liftRow('别处的梯', seededCode)])).expect(400);
      expect(elsewhere.body.details.errors).toEqual([{ row: 2, column: '注册代码', message: '该注册代码已登记在其他设施设备上，请核对' }]);

      const date = await upload('futian.lead', futianArea, await sheet([liftRow('日期错', 'DATE-1', '2027.01.05')])).expect(400);
      expect(date.body.details.errors).toEqual([{ row: 2, column: '到期日期', message: '到期日期必须是 YYYY-MM-DD 格式的日期' }]);

      const unknown = await upload('futian.lead', futianArea, await sheet([[...plainRow('类型错', '大堂').slice(0, 1), '锅炉房设备', null, null, '大堂'], [...plainRow('楼栋错', '大堂').slice(0, 2), '不存在的楼']])).expect(400);
      expect(unknown.body.details.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
        [2, '设施设备类型'],
        [3, '楼栋'],
      ]);

      const many = await upload('futian.lead', futianArea, await sheet(Array.from({ length: MAX_ROWS + 1 }, (_, i) => plainRow(`批量${i}`, '大堂')))).expect(400);
      expect(many.body.code).toBe('IMPORT_TOO_MANY_ROWS');
      expect(many.body.message).toContain(`${MAX_ROWS}`);

      expect(await rows()).toBe(before);
    });

    it('valid-rows mode writes the good rows and reports the bad ones', async () => {
      const report = (await upload('futian.lead', futianArea, await sheet([plainRow('部分导入1', '大堂'), liftRow('部分导入梯', null)]), '?mode=valid-rows').expect(200)).body;
      expect(report).toEqual({
        dryRun: false,
        total: 2,
        valid: 1,
        imported: 1,
        errors: [{ row: 3, column: '注册代码', message: '电梯等特种设备须填写注册代码和到期日期' }],
      });
      expect((await all(futianArea)).some((f) => f.name === '部分导入1')).toBe(true);
    });

    it('exports the district ledger, streamed, with the area columns first; city accounts name the district', async () => {
      const response = await download('futian.lead', '/api/facilities/export').expect(200);
      const ws = (await workbookOf(response.body)).worksheets[0];
      expect((ws.getRow(1).values as string[]).slice(1, 6)).toEqual(['街道', '社区', '物业区域', '项目编号', '设备名称']);
      expect(ws.rowCount - 1).toBe(await count('SELECT COUNT(*) AS n FROM facilities WHERE districtId = 2 AND deletedAt IS NULL'));
      expect((await t.http().get('/api/facilities/export').set(auth('city.admin')).expect(400)).body.details[0].field).toBe('districtId');
      await download('city.admin', '/api/facilities/export?districtId=3').expect(200);
      expect((await t.http().get('/api/facilities/export?districtId=3').set(auth('futian.lead')).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
    });
  });
});
