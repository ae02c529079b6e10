import { BadRecordItemView } from '@szpm/contract';
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { AuditLog } from '../src/access/entities/audit-log.entity';
import { binaryBody } from './support/binary-body';
import { startTestApp, TestApp } from './support/test-app';

/** Issue 10 §3 on the bad-record catalogue: template, export, import (dry run, row errors, both modes, caps). */
describe('bad-record catalogue as xlsx (template, export, import)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const BASE = '/api/service-evaluation/catalogue/bad-record-items';
  const MAX_BYTES = 64 * 1024;
  const MAX_ROWS = 200;
  const HEADERS = ['事项编码', '事项名称', '适用对象', '同一事项只计一次', '事项启用', '事项排序', '情形编码', '情形描述', '等级', '扣分', '公示期（月）', '情形启用', '情形排序'];

  type Cell = string | number | null;
  const auth = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const download = (user: string, path: string) => t.http().get(path).set(auth(user)).buffer(true).parse(binaryBody);
  const upload = (user: string, file: Buffer, query = '', filename = '不良信息事项及情形.xlsx', contentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') =>
    t.http().post(`${BASE}/import${query}`).set(auth(user)).attach('file', file, { filename, contentType });

  async function sheetOf(buffer: Buffer): Promise<ExcelJS.Worksheet> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    return workbook.worksheets[0];
  }
  async function xlsx(rows: Cell[][], headers: string[] = HEADERS): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('不良信息事项及情形');
    sheet.addRow(headers);
    rows.forEach((row) => sheet.addRow(row));
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
  const catalogue = async (): Promise<BadRecordItemView[]> => (await t.http().get(`${BASE}?includeDisabled=true`).set(auth('city.admin')).expect(200)).body;
  const itemOf = async (code: string) => (await catalogue()).find((i) => i.code === code);

  const newItem = (code: string): Cell[] => [code, '导入测试事项', '项目负责人', '是', '是', 90];
  const newCircumstance = (code: string, points: Cell = 6): Cell[] => [code, '导入测试情形', 2, points, 6, '是', 1];

  beforeAll(async () => {
    t = await startTestApp({ env: { XLSX_IMPORT_MAX_BYTES: String(MAX_BYTES), XLSX_IMPORT_MAX_ROWS: String(MAX_ROWS) } });
    for (const user of ['city.admin', 'futian.handler', 'futian.lead']) tokens[user] = await t.login(user);
  });
  afterAll(() => t.close());

  it('downloads the template: the header row of the sheet, with drop-downs for the choice columns', async () => {
    const response = await download('city.admin', `${BASE}/import-template`).expect(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('不良信息事项及情形导入模板.xlsx'));
    const sheet = await sheetOf(response.body);
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADERS]);
    expect(sheet.rowCount).toBe(1);
    expect(sheet.getCell('C2').dataValidation).toEqual(expect.objectContaining({ type: 'list', formulae: ['"物业服务企业,项目负责人"'] }));
  });

  it('exports the whole catalogue under the same header, and the export imports back without changing anything', async () => {
    const before = await catalogue();
    const exported = (await download('futian.handler', `${BASE}/export`).expect(200)).body as Buffer;
    const sheet = await sheetOf(exported);
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADERS]);
    const circumstances = before.reduce((n, item) => n + Math.max(1, item.circumstances.length), 0);
    expect(sheet.rowCount).toBe(1 + circumstances);
    const first = before[0];
    expect(sheet.getRow(2).getCell(1).value).toBe(first.code);
    expect(sheet.getRow(2).getCell(7).value).toBe(first.circumstances[0].code);

    const report = (await upload('city.admin', exported).expect(200)).body;
    expect(report).toEqual({ dryRun: false, total: circumstances, valid: circumstances, imported: circumstances, errors: [] });
    expect(await catalogue()).toEqual(before);
  });

  it('a dry run reports the rows and writes nothing', async () => {
    const before = await catalogue();
    const [existing] = before;
    const changed: Cell[] = [existing.code, existing.name, null, existing.countOncePerYear ? '是' : '否', '是', existing.sortOrder, existing.circumstances[0].code, '改过的描述', 1, 18, 12, '是', 0];
    const file = await xlsx([[...newItem('DRY_RUN_ITEM'), ...newCircumstance('DRY_A')], changed]);
    const report = (await upload('city.admin', file, '?dryRun=true').expect(200)).body;
    expect(report).toEqual({ dryRun: true, total: 2, valid: 2, imported: 0, errors: [] });
    expect(await catalogue()).toEqual(before);
  });

  it('names the row and the column of every bad cell, with the API messages', async () => {
    const file = await xlsx([
      [...newItem('ROW_ERRORS_OK'), ...newCircumstance('OK_ONE')],
      ['bad code', '', null, null, null, null, ...newCircumstance('OK_TWO', 200)],
      [],
      [...newItem('ROW_ERRORS_OK2'), 'OK_THREE', '导入测试情形', '二级', 6, 6, '也许', null],
    ]);
    const report = (await upload('city.admin', file, '?dryRun=true&mode=valid-rows').expect(200)).body;
    expect(report).toEqual({
      dryRun: true,
      total: 3,
      valid: 1,
      imported: 0,
      errors: [
        { row: 3, column: '事项编码', message: '事项编码格式不正确' },
        { row: 3, column: '事项名称', message: '事项名称不能为空' },
        { row: 3, column: '扣分', message: '扣分太大' },
        { row: 5, column: '等级', message: '等级必须是整数' },
        { row: 5, column: '情形启用', message: '情形启用只能填写：是、否' },
      ],
    });
  });

  it('all-or-nothing (the default): one bad row refuses the file with 400 and the report, and writes nothing', async () => {
    const file = await xlsx([
      [...newItem('ALL_OR_NOTHING'), ...newCircumstance('GOOD')],
      [...newItem('ALL_OR_NOTHING'), ...newCircumstance('BAD', -1)],
    ]);
    const response = await upload('city.admin', file).expect(400);
    expect(response.body.code).toBe('IMPORT_ROWS_INVALID');
    expect(response.body.message).toContain('未导入任何数据');
    expect(response.body.details).toEqual({ dryRun: false, total: 2, valid: 1, imported: 0, errors: [{ row: 3, column: '扣分', message: '扣分太小' }] });
    expect(await itemOf('ALL_OR_NOTHING')).toBeUndefined();
  });

  it('valid-rows: writes the valid rows (new items, new and updated circumstances) and reports the others', async () => {
    const before = await catalogue();
    const [existing] = before;
    const target = existing.circumstances[0];
    const update: Cell[] = [existing.code, existing.name, null, existing.countOncePerYear ? '是' : '否', '是', existing.sortOrder, target.code, target.description, target.level, target.points + 1, target.publicityMonths, '否', target.sortOrder];
    const file = await xlsx([
      [...newItem('PARTIAL_ITEM'), ...newCircumstance('PART_A')],
      [...newItem('PARTIAL_ITEM'), ...newCircumstance('PART_B', 'x')],
      [...newItem('PARTIAL_ITEM'), ...newCircumstance('PART_C')],
      [...newItem('NEVER_WRITTEN'), ...newCircumstance('PART_A', 101)],
      update,
      [...newItem('PARTIAL_ITEM'), ...newCircumstance('PART_A')],
    ]);
    const report = (await upload('city.admin', file, '?mode=valid-rows').expect(200)).body;
    expect(report).toEqual({
      dryRun: false,
      total: 6,
      valid: 3,
      imported: 3,
      errors: [
        { row: 3, column: '扣分', message: '扣分必须是整数' },
        { row: 5, column: '扣分', message: '扣分太大' },
        { row: 7, column: '情形编码', message: '与第2行重复：同一事项的情形编码不能重复' },
      ],
    });
    const created = await itemOf('PARTIAL_ITEM');
    expect(created).toEqual(expect.objectContaining({ name: '导入测试事项', subjectType: 'PROJECT_MANAGER', countOncePerYear: true, enabled: true, sortOrder: 90 }));
    expect(created!.circumstances.map((c) => [c.code, c.level, c.points, c.publicityMonths])).toEqual([['PART_A', 2, 6, 6], ['PART_C', 2, 6, 6]]);
    expect(await itemOf('NEVER_WRITTEN')).toBeUndefined();
    const updated = (await itemOf(existing.code))!.circumstances.find((c) => c.code === target.code)!;
    expect(updated).toEqual({ ...target, points: target.points + 1, enabled: false });
    expect((await itemOf(existing.code))!.circumstances.length).toBe(existing.circumstances.length);

    const audit = await t.dataSource.getRepository(AuditLog).findBy({ action: 'service-evaluation.catalogue.import-bad-record-items' });
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((row) => row.targetType === 'evaluation_bad_record_item' && row.requestId)).toBe(true);
  });

  it('refuses a file that is not an xlsx with 400', async () => {
    const good = await xlsx([]);
    for (const [file, name, type] of [
      [Buffer.from('事项编码,事项名称\nA1,x\n'), '目录.csv', 'text/csv'],
      [good, '目录.txt', 'text/plain'],
      [randomBytes(2048), '目录.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ] as const) {
      const response = await upload('city.admin', file, '', name, type).expect(400);
      expect(response.body.code).toBe('IMPORT_NOT_XLSX');
    }
    const none = await t.http().post(`${BASE}/import`).set(auth('city.admin')).expect(400);
    expect(none.body.details[0].field).toBe('file');
  });

  it('refuses a sheet with a missing or renamed header column, naming it', async () => {
    const headers = HEADERS.filter((h) => h !== '扣分').map((h) => (h === '等级' ? '级别' : h));
    const response = await upload('city.admin', await xlsx([], headers)).expect(400);
    expect(response.body.code).toBe('IMPORT_HEADER_MISMATCH');
    expect(response.body.message).toContain('缺少列“扣分”');
    expect(response.body.message).toContain('缺少列“等级”');
    expect(response.body.message).toContain('无法识别的列“级别”');
    expect(response.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['扣分', '等级', '级别'].sort());
  });

  it('refuses a file over the size cap with 413 and one over the row cap with 400', async () => {
    const large = await upload('city.admin', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(MAX_BYTES)])).expect(413);
    expect(large.body.code).toBe('IMPORT_FILE_TOO_LARGE');
    expect(large.body.message).toBe('导入文件不能超过64KB，请分批导入');

    const rows = Array.from({ length: MAX_ROWS + 1 }, (_, i) => [...newItem('TOO_MANY_ROWS'), ...newCircumstance(`R${i}`)]);
    const many = await upload('city.admin', await xlsx(rows)).expect(400);
    expect(many.body.code).toBe('IMPORT_TOO_MANY_ROWS');
    expect(await itemOf('TOO_MANY_ROWS')).toBeUndefined();
  });

  it('describes the upload in the OpenAPI document: multipart file, dryRun and mode in the query', async () => {
    const operation = (await t.http().get('/docs-json').expect(200)).body.paths[`${BASE}/import`].post;
    expect(operation.requestBody.content['multipart/form-data'].schema).toEqual(expect.objectContaining({ required: ['file'] }));
    expect(operation.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual(expect.arrayContaining(['query:dryRun', 'query:mode']));
  });

  it('refuses a mode it does not know, naming it', async () => {
    const response = await upload('city.admin', await xlsx([]), '?mode=some').expect(400);
    expect(response.body.details[0].field).toBe('mode');
  });

  it('lets only the city admin import and download the template; officers may export', async () => {
    const file = await xlsx([[...newItem('NOT_ADMIN'), ...newCircumstance('C1')]]);
    for (const user of ['futian.handler', 'futian.lead']) {
      expect((await upload(user, file).expect(403)).body.code).toBe('FORBIDDEN');
      await download(user, `${BASE}/import-template`).expect(403);
      await download(user, `${BASE}/export`).expect(200);
    }
    await t.http().post(`${BASE}/import`).attach('file', file, '目录.xlsx').expect(401);
    expect(await itemOf('NOT_ADMIN')).toBeUndefined();
  });
});
