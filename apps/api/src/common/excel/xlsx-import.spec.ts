import { HttpStatus } from '@nestjs/common';
import { XlsxImportErrorCode, XlsxImportMode } from '@szpm/contract';
import ExcelJS from 'exceljs';
import { Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AppException } from '../errors/app.exception';
import { attributeTo, importCheckedRows, importRows, ParsedSheet, readXlsxSheet, UploadedXlsx, XlsxRowError } from './xlsx-import';
import { PET_SHEET } from '../../../test/support/xlsx-test-sheet';
import { describeBytes } from './xlsx-upload.interceptor';

type Cell = string | number | boolean | null;

async function xlsx(rows: Cell[][], sheetName = '宠物'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  rows.forEach((row) => sheet.addRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const upload = (buffer: Buffer, originalname = '宠物.xlsx', mimetype = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'): UploadedXlsx => ({
  originalname,
  mimetype,
  size: buffer.length,
  buffer,
});

const HEADER = ['名字', '年龄', '种类', '已接种'];

async function refusal(promise: Promise<unknown>): Promise<AppException> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppException);
  return error as AppException;
}

describe('reading an xlsx import', () => {
  it('validates each row with the DTO rules and the API messages, naming the row number and the column', async () => {
    const buffer = await xlsx([HEADER, ['花花', 3, '猫', '是'], [null, 31, '兔', null], [], ['小白', '两岁', null, 'x']]);
    const parsed = await readXlsxSheet(PET_SHEET, upload(buffer), { maxRows: 10 });
    expect(parsed.total).toBe(3);
    expect(parsed.rows.map((r) => r.row)).toEqual([2]);
    expect(parsed.errors).toEqual([
      { row: 3, column: '名字', message: '名字不能为空' },
      { row: 3, column: '年龄', message: '年龄太大' },
      { row: 3, column: '种类', message: '种类只能填写：猫、狗' },
      { row: 5, column: '年龄', message: '年龄必须是整数' },
      { row: 5, column: '已接种', message: '已接种只能填写：是、否' },
    ]);
  });

  it('matches the header by label in any order and reads formulas and rich text by their value', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('x');
    sheet.addRow(['已接种', '种类', '年龄', '名字']);
    sheet.addRow(['否', '狗', { formula: '1+1', result: 2 }, { richText: [{ text: '旺' }, { text: '财' }] }]);
    const parsed = await readXlsxSheet(PET_SHEET, upload(Buffer.from(await workbook.xlsx.writeBuffer())), { maxRows: 10 });
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0].value).toEqual(expect.objectContaining({ name: '旺财', age: 2, kind: 'DOG', vaccinated: false }));
  });

  it('refuses a header with missing, renamed or repeated columns, naming each', async () => {
    const error = await refusal(readXlsxSheet(PET_SHEET, upload(await xlsx([['名字', '岁数', '种类', '种类'], ['花花', 3, '猫', '猫']])), { maxRows: 10 }));
    expect(error.code).toBe(XlsxImportErrorCode.HEADER_MISMATCH);
    expect(error.status).toBe(HttpStatus.BAD_REQUEST);
    expect(error.message).toBe('表头与导入模板不一致：无法识别的列“岁数”；列“种类”出现了不止一次；缺少列“年龄”；缺少列“已接种”');
    expect((error.details as Array<{ field: string }>).map((d) => d.field)).toEqual(['岁数', '种类', '年龄', '已接种']);
  });

  it('refuses an empty workbook and a sheet whose first row is not the header', async () => {
    const empty = await refusal(readXlsxSheet(PET_SHEET, upload(await xlsx([])), { maxRows: 10 }));
    expect(empty.code).toBe(XlsxImportErrorCode.HEADER_MISMATCH);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('x').getRow(3).values = HEADER;
    const late = await refusal(readXlsxSheet(PET_SHEET, upload(Buffer.from(await workbook.xlsx.writeBuffer())), { maxRows: 10 }));
    expect(late.code).toBe(XlsxImportErrorCode.HEADER_MISMATCH);
  });

  it('refuses more data rows than the cap, not counting empty rows', async () => {
    const rows = (n: number) => [HEADER, ...Array.from({ length: n }, (_, i) => [`宠物${i}`, 1, null, null]), [], []];
    expect((await readXlsxSheet(PET_SHEET, upload(await xlsx(rows(3))), { maxRows: 3 })).total).toBe(3);
    const error = await refusal(readXlsxSheet(PET_SHEET, upload(await xlsx(rows(4))), { maxRows: 3 }));
    expect(error.code).toBe(XlsxImportErrorCode.TOO_MANY_ROWS);
    expect(error.status).toBe(HttpStatus.BAD_REQUEST);
    expect(error.message).toBe('导入文件最多3行数据，请分批导入');
  });

  it('refuses what is not an xlsx: by extension, by content type, by zip signature, and a damaged zip', async () => {
    const good = await xlsx([HEADER]);
    const cases = [
      upload(good, '宠物.xls'),
      upload(good, '宠物.xlsx', 'text/csv'),
      upload(Buffer.from('名字,年龄\n花花,3\n'), '宠物.xlsx'),
      upload(good.subarray(0, Math.floor(good.length / 2)), '宠物.xlsx'),
    ];
    for (const file of cases) {
      const error = await refusal(readXlsxSheet(PET_SHEET, file, { maxRows: 10 }));
      expect([error.code, error.status]).toEqual([XlsxImportErrorCode.NOT_XLSX, HttpStatus.BAD_REQUEST]);
    }
    const missing = await refusal(readXlsxSheet(PET_SHEET, undefined, { maxRows: 10 }));
    expect((missing.details as Array<{ field: string }>)[0].field).toBe('file');
  });

  it('states the size cap in words', () => {
    expect(describeBytes(10 * 1024 * 1024)).toBe('10MB');
    expect(describeBytes(1.5 * 1024 * 1024)).toBe('1.5MB');
    expect(describeBytes(64 * 1024)).toBe('64KB');
  });
});

@Entity('pets')
class Pet {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', unique: true })
  name: string;
}

describe('writing an xlsx import', () => {
  let dataSource: DataSource;
  beforeEach(async () => {
    dataSource = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Pet], synchronize: true }).initialize();
  });
  afterEach(() => dataSource.destroy());

  const sheet = (names: string[], errors: ParsedSheet<{ name: string }>['errors'] = []): ParsedSheet<{ name: string }> => ({
    total: names.length + new Set(errors.map((e) => e.row)).size,
    rows: names.map((name, i) => ({ row: i + 2, value: { name } })),
    errors,
  });
  /** writes a pet in two steps, so a refused row would leave half of itself without its savepoint */
  const write = async (manager: import('typeorm').EntityManager, { value }: { value: { name: string } }) => {
    await manager.insert(Pet, { name: `${value.name}-draft` });
    await attributeTo({ name: '名字' }, '名字', async () => {
      if (value.name.startsWith('坏')) throw AppException.invalidField('name', '名字不能以“坏”开头');
      await manager.update(Pet, { name: `${value.name}-draft` }, { name: value.name });
    });
  };
  const names = async () => (await dataSource.getRepository(Pet).find({ order: { id: 'ASC' } })).map((p) => p.name);

  it('writes every row when all are valid', async () => {
    const report = await importRows(dataSource, sheet(['花花', '旺财']), { dryRun: false, mode: XlsxImportMode.ALL_OR_NOTHING }, write);
    expect(report).toEqual({ dryRun: false, total: 2, valid: 2, imported: 2, errors: [] });
    expect(await names()).toEqual(['花花', '旺财']);
  });

  it('a dry run reports what the import would do, service refusals included, and writes nothing', async () => {
    const report = await importRows(dataSource, sheet(['花花', '坏蛋']), { dryRun: true, mode: XlsxImportMode.VALID_ROWS }, write);
    expect(report).toEqual({ dryRun: true, total: 2, valid: 1, imported: 0, errors: [{ row: 3, column: '名字', message: '名字不能以“坏”开头' }] });
    expect(await names()).toEqual([]);
  });

  it('all-or-nothing: a row refused by a service rule writes nothing and answers 400 with the report', async () => {
    const error = await refusal(importRows(dataSource, sheet(['花花', '坏蛋', '旺财']), { dryRun: false, mode: XlsxImportMode.ALL_OR_NOTHING }, write));
    expect([error.code, error.status]).toEqual([XlsxImportErrorCode.ROWS_INVALID, HttpStatus.BAD_REQUEST]);
    expect(error.details).toEqual({ dryRun: false, total: 3, valid: 2, imported: 0, errors: [{ row: 3, column: '名字', message: '名字不能以“坏”开头' }] });
    expect(await names()).toEqual([]);
  });

  it('all-or-nothing: a row that failed validation refuses the file before anything is written', async () => {
    const writes = jest.fn(write);
    const invalid = sheet(['花花'], [{ row: 3, column: '年龄', message: '年龄必须是整数' }]);
    await expect(importRows(dataSource, invalid, { dryRun: false, mode: XlsxImportMode.ALL_OR_NOTHING }, writes)).rejects.toMatchObject({ code: XlsxImportErrorCode.ROWS_INVALID });
    expect(writes).not.toHaveBeenCalled();
    expect(await importRows(dataSource, invalid, { dryRun: true, mode: XlsxImportMode.ALL_OR_NOTHING }, writes)).toEqual(expect.objectContaining({ dryRun: true, total: 2, valid: 1, imported: 0 }));
  });

  it('valid-rows: writes the valid rows, and a refused row leaves nothing of itself behind', async () => {
    const invalid = sheet(['花花', '坏蛋', '旺财'], [{ row: 9, column: '年龄', message: '年龄必须是整数' }]);
    const report = await importRows(dataSource, invalid, { dryRun: false, mode: XlsxImportMode.VALID_ROWS }, write);
    expect(report).toEqual({
      dryRun: false,
      total: 4,
      valid: 2,
      imported: 2,
      errors: [
        { row: 3, column: '名字', message: '名字不能以“坏”开头' },
        { row: 9, column: '年龄', message: '年龄必须是整数' },
      ],
    });
    expect(await names()).toEqual(['花花', '旺财']);
  });

  describe('checked rows written in bulk', () => {
    const check = ({ value }: { value: { name: string } }) => {
      if (value.name.startsWith('坏')) throw new XlsxRowError('名字', '名字不能以“坏”开头');
      return { name: value.name };
    };
    const writeAll = async (pets: Array<{ name: string }>) => void (await dataSource.getRepository(Pet).insert(pets));

    it('reports like importRows: dry run writes nothing, all-or-nothing refuses, valid-rows writes the accepted rows at once', async () => {
      const rows = sheet(['花花', '坏蛋', '旺财']);
      const writes = jest.fn(writeAll);
      expect(await importCheckedRows(rows, { dryRun: true, mode: XlsxImportMode.VALID_ROWS }, check, writes)).toEqual({ dryRun: true, total: 3, valid: 2, imported: 0, errors: [{ row: 3, column: '名字', message: '名字不能以“坏”开头' }] });
      const error = await refusal(importCheckedRows(rows, { dryRun: false, mode: XlsxImportMode.ALL_OR_NOTHING }, check, writes));
      expect(error.code).toBe(XlsxImportErrorCode.ROWS_INVALID);
      expect(writes).not.toHaveBeenCalled();
      expect((await importCheckedRows(rows, { dryRun: false, mode: XlsxImportMode.VALID_ROWS }, check, writes)).imported).toBe(2);
      expect(writes).toHaveBeenCalledTimes(1);
      expect(await names()).toEqual(['花花', '旺财']);
    });
  });

  it('lets an unexpected failure through and writes nothing', async () => {
    const failing = async (manager: import('typeorm').EntityManager, row: { row: number; value: { name: string } }) => {
      if (row.row === 3) throw new Error('disk full');
      await write(manager, row);
    };
    await expect(importRows(dataSource, sheet(['花花', '旺财']), { dryRun: false, mode: XlsxImportMode.VALID_ROWS }, failing)).rejects.toThrow('disk full');
    expect(await names()).toEqual([]);
  });
});
