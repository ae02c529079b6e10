import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { PET_SHEET, PetDto } from '../../../test/support/xlsx-test-sheet';
import { readXlsxSheet } from './xlsx-import';
import { CellParseError, dateColumn, xlsxSheetDownload, xlsxTemplateDownload } from './xlsx-sheet';

async function download(file: { getStream(): Readable }): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of file.getStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function load(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

describe('a sheet specification', () => {
  it('makes the template: the header row with its notes and drop-downs, no data', async () => {
    const sheet = await load(await download(xlsxTemplateDownload(PET_SHEET, '宠物导入模板.xlsx')));
    expect(sheet.name).toBe('宠物');
    expect(sheet.getRow(1).values).toEqual([undefined, '名字', '年龄', '种类', '已接种']);
    expect(sheet.rowCount).toBe(1);
    expect(sheet.getCell('A1').note).toBe('必填');
    expect(sheet.getCell('C2').dataValidation).toEqual(expect.objectContaining({ type: 'list', formulae: ['"猫,狗"'] }));
    expect(sheet.getCell('D500').dataValidation).toEqual(expect.objectContaining({ type: 'list', formulae: ['"是,否"'] }));
    expect(sheet.getCell('A2').dataValidation).toBeUndefined();
  });

  it('exports rows with labels for choices, and the export imports back to the same values', async () => {
    const pets: PetDto[] = [
      { name: '花花', age: 3, kind: 'CAT', vaccinated: true },
      { name: '旺财', age: 5, kind: null, vaccinated: false },
    ];
    const buffer = await download(xlsxSheetDownload(PET_SHEET, '宠物.xlsx', () => pets));
    const sheet = await load(buffer);
    expect(sheet.getRow(2).values).toEqual([undefined, '花花', 3, '猫', '是']);
    expect(sheet.getRow(3).values).toEqual([undefined, '旺财', 5, undefined, '否']);

    const parsed = await readXlsxSheet(PET_SHEET, { originalname: '宠物.xlsx', mimetype: 'application/octet-stream', size: buffer.length, buffer }, { maxRows: 10 });
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => ({ row: r.row, ...r.value }))).toEqual([
      { row: 2, ...pets[0] },
      { row: 3, ...pets[1] },
    ]);
  });

  it('reads a choice by its label or its value and refuses any other text, naming the choices', () => {
    const kind = PET_SHEET.columns[2];
    expect(kind.parse('狗')).toBe('DOG');
    expect(kind.parse('CAT')).toBe('CAT');
    expect(kind.parse(null)).toBeNull();
    expect(() => kind.parse('兔')).toThrow('种类只能填写：猫、狗');
    const vaccinated = PET_SHEET.columns[3];
    expect(vaccinated.parse(true)).toBe(true);
    expect(vaccinated.parse('否')).toBe(false);
    expect(vaccinated.parse('  ')).toBeUndefined();
  });

  it('reads numeric text as a number and hands anything else to the DTO as it is', () => {
    const age = PET_SHEET.columns[1];
    expect(age.parse(' 7 ')).toBe(7);
    expect(age.parse(2.5)).toBe(2.5);
    expect(age.parse('七岁')).toBe('七岁');
    expect(age.parse('')).toBeUndefined();
    expect(PET_SHEET.columns[0].parse(123)).toBe('123');
  });
});

describe('dateColumn', () => {
  const column = dateColumn<{ day: string | null }>('到期日期', 'day');

  it('reads Excel dates, YYYY-MM-DD and YYYY/M/D as the calendar day; leaves other text for the DTO to name', () => {
    expect(column.parse(new Date(Date.UTC(2027, 5, 30)))).toBe('2027-06-30');
    expect(column.parse('2027-06-30')).toBe('2027-06-30');
    expect(column.parse(' 2027/6/3 ')).toBe('2027-06-03');
    expect(column.parse('30.06.2027')).toBe('30.06.2027');
    expect(column.parse('')).toBeUndefined();
    expect(column.parse(null)).toBeUndefined();
    expect(() => column.parse(new Date(Number.NaN))).toThrow(CellParseError);
  });

  it('writes the day as text, so an export imports back as the same day', () => {
    expect(column.format({ day: '2027-06-30' })).toBe('2027-06-30');
    expect(column.format({ day: null })).toBeNull();
  });
});

