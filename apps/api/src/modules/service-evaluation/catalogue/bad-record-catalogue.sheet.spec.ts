import { EvaluationSubjectType } from '@szpm/contract';
import { parseRow, ParsedSheet } from '../../../common/excel/xlsx-import';
import { BadRecordCatalogueRowDto } from '../dto/catalogue.dto';
import { BAD_RECORD_CATALOGUE_SHEET, catalogueRows, checkAcrossRows } from './bad-record-catalogue.sheet';

const headers = BAD_RECORD_CATALOGUE_SHEET.columns.map((c) => c.header);
type Cells = Array<string | number | null>;
const item: Cells = ['INFO_DISCLOSURE', '未按规定公开物业服务信息', '物业服务企业', '否', '是', 1];
const circumstance = (code: string, level = 3): Cells => [code, '经责令限期改正，逾期未改正', level, 3, 3, '是', 0];

async function sheetOf(rows: Cells[]): Promise<ParsedSheet<BadRecordCatalogueRowDto>> {
  const sheet: ParsedSheet<BadRecordCatalogueRowDto> = { total: rows.length, rows: [], errors: [] };
  for (const [index, cells] of rows.entries()) {
    const { value, errors } = await parseRow(BAD_RECORD_CATALOGUE_SHEET, index + 2, cells);
    if (value) sheet.rows.push({ row: index + 2, value });
    sheet.errors.push(...errors);
  }
  return sheet;
}

describe('the bad-record catalogue sheet', () => {
  it('has one column per item and circumstance field, in the template order', () => {
    expect(headers).toEqual(['事项编码', '事项名称', '适用对象', '同一事项只计一次', '事项启用', '事项排序', '情形编码', '情形描述', '等级', '扣分', '公示期（月）', '情形启用', '情形排序']);
  });

  it('reads a row into the item and circumstance DTOs; an item without circumstances has their cells empty', async () => {
    const sheet = await sheetOf([[...item, ...circumstance('OVERDUE')], ['NO_CIRCUMSTANCE', '尚无情形的事项', null, null, null, null, null, null, null, null, null, null, null]]);
    expect(sheet.errors).toEqual([]);
    expect(sheet.rows[0].value.item).toEqual({ code: 'INFO_DISCLOSURE', name: '未按规定公开物业服务信息', subjectType: EvaluationSubjectType.COMPANY, countOncePerYear: false, enabled: true, sortOrder: 1 });
    expect(sheet.rows[0].value.circumstance).toEqual(expect.objectContaining({ code: 'OVERDUE', level: 3, points: 3, publicityMonths: 3 }));
    expect(sheet.rows[1].value.item.subjectType).toBeNull();
    expect(sheet.rows[1].value.circumstance).toBeUndefined();
  });

  it('names the column of each broken cell with the API message, and a circumstance half filled in', async () => {
    const sheet = await sheetOf([
      ['info', '', null, null, null, null, ...circumstance('OK', 0)],
      [null, null, null, null, null, null, 'ONLY_CIRCUMSTANCE', null, 2, 101, null, null, null],
    ]);
    expect(sheet.errors).toEqual([
      { row: 2, column: '事项编码', message: '事项编码格式不正确' },
      { row: 2, column: '事项名称', message: '事项名称不能为空' },
      { row: 2, column: '等级', message: '等级太小' },
      { row: 3, column: '事项编码', message: '事项编码不能为空' },
      { row: 3, column: '事项名称', message: '事项名称不能为空' },
      { row: 3, column: '情形描述', message: '情形描述不能为空' },
      { row: 3, column: '扣分', message: '扣分太大' },
      { row: 3, column: '公示期（月）', message: '公示期（月）不能为空' },
    ]);
  });

  it('refuses a later row whose item disagrees with an earlier row of the same item, and a repeated circumstance', async () => {
    const renamed = [...item];
    renamed[1] = '另一个名字';
    const sheet = await sheetOf([[...item, ...circumstance('C_A')], [...item, ...circumstance('C_B')], [...renamed, ...circumstance('C_C')], [...item, ...circumstance('C_A', 2)]]);
    expect(sheet.errors).toEqual([]);
    checkAcrossRows(sheet);
    expect(sheet.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(sheet.errors).toEqual([
      { row: 4, column: '事项名称', message: '与第2行的同一事项（INFO_DISCLOSURE）不一致' },
      { row: 5, column: '情形编码', message: '与第2行重复：同一事项的情形编码不能重复' },
    ]);
  });

  it('exports a row per circumstance, and one for an item without any', () => {
    const view = { id: 1, code: 'X1', name: 'x', subjectType: null, countOncePerYear: false, enabled: true, sortOrder: 0 };
    const c = { id: 5, itemId: 1, code: 'C1', description: 'c', level: 1, points: 18, publicityMonths: 12, enabled: false, sortOrder: 0 };
    const rows = [...catalogueRows([{ ...view, circumstances: [c, { ...c, id: 6, code: 'C2' }] }, { ...view, id: 2, code: 'X2', circumstances: [] }])];
    expect(rows.map((r) => [r.item.code, r.circumstance?.code])).toEqual([['X1', 'C1'], ['X1', 'C2'], ['X2', undefined]]);
    expect(BAD_RECORD_CATALOGUE_SHEET.columns.map((column) => column.format(rows[0]))).toEqual(['X1', 'x', null, '否', '是', 0, 'C1', 'c', 1, 18, 12, '否', 0]);
  });
});
