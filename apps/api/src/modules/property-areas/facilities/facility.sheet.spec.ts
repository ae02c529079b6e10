import { FacilityItem, FacilityRelationType, MaintenanceCycle } from '@szpm/contract';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { readXlsxSheet } from '../../../common/excel/xlsx-import';
import { xlsxSheetDownload } from '../../../common/excel/xlsx-sheet';
import { checkAcrossRows, FACILITY_SHEET, facilityRowState } from './facility.sheet';

async function bytes(file: { getStream(): Readable }): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of file.getStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
const upload = (buffer: Buffer) => ({ originalname: '设施设备.xlsx', mimetype: 'application/octet-stream', size: buffer.length, buffer });
const HEADERS = FACILITY_SHEET.columns.map((c) => c.header);

async function sheetOf(rows: Array<Array<string | number | Date | null>>, headers = HEADERS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('设施设备');
  sheet.addRow(headers);
  rows.forEach((r) => sheet.addRow(r));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const lift: FacilityItem = {
  id: 1,
  propertyAreaId: 9,
  name: '1栋1单元1号客梯',
  facilityTypeId: 2,
  facilityTypeName: '乘客电梯',
  facilityTypePath: '电梯/乘客电梯',
  isSpecialEquipment: true,
  relationType: FacilityRelationType.UNIT,
  buildingId: 7,
  buildingName: '1栋',
  unitName: '1单元',
  position: '电梯厅',
  brand: '日立',
  company: '深圳市粤华电梯工程有限公司',
  quantity: 1,
  registerNumber: '31104403022015000001',
  serialNumber: 'E2015000123',
  commissionedAt: '2015-06-01',
  dueDate: '2027-06-30',
  maintenanceCycle: MaintenanceCycle.HALF_MONTH,
  maintenanceCycleLabel: '半月',
  personLiable: '王俊峰',
  originalValue: 380000.5,
  currentValue: 120000,
  annualInspector: '深圳市特种设备安全检验研究院',
  annualCost: 650,
  enabled: true,
  remarks: null,
  updatedAt: '2026-12-01T00:00:00.000Z',
};
const pump: FacilityItem = {
  ...lift,
  id: 2,
  name: '生活水泵01',
  facilityTypeId: 12,
  facilityTypePath: '给排水/生活水泵',
  isSpecialEquipment: false,
  relationType: FacilityRelationType.AREA,
  buildingId: null,
  buildingName: null,
  unitName: null,
  position: '水泵房',
  brand: null,
  company: null,
  quantity: 3,
  registerNumber: null,
  serialNumber: null,
  commissionedAt: null,
  dueDate: null,
  maintenanceCycle: null,
  personLiable: null,
  originalValue: null,
  currentValue: null,
  annualInspector: null,
  annualCost: null,
  enabled: false,
  remarks: '备用泵',
};

/** the state an item states in the sheet: what the import must read back */
const stateOf = (f: FacilityItem) => ({
  name: f.name,
  type: f.facilityTypePath,
  building: f.buildingName,
  unitName: f.unitName,
  position: f.position,
  brand: f.brand,
  company: f.company,
  quantity: f.quantity,
  registerNumber: f.registerNumber,
  serialNumber: f.serialNumber,
  commissionedAt: f.commissionedAt,
  dueDate: f.dueDate,
  maintenanceCycle: f.maintenanceCycle,
  personLiable: f.personLiable,
  originalValue: f.originalValue,
  currentValue: f.currentValue,
  annualInspector: f.annualInspector,
  annualCost: f.annualCost,
  enabled: f.enabled,
  remarks: f.remarks,
});

describe('the facility sheet', () => {
  it('exports facilities so that the import reads back exactly their state', async () => {
    const buffer = await bytes(xlsxSheetDownload(FACILITY_SHEET, '设施设备.xlsx', () => [lift, pump]));
    const parsed = await readXlsxSheet(FACILITY_SHEET, upload(buffer), { maxRows: 10 });
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => facilityRowState(r.value))).toEqual([stateOf(lift), stateOf(pump)]);
  });

  it('reads Excel dates and YYYY/M/D text as calendar days; any other date text is refused naming row and column', async () => {
    const row = (commissioned: string | Date | number, due: string | Date) => ['3号客梯', '电梯/乘客电梯', null, null, null, null, null, 1, 'R-3', null, commissioned, due];
    const buffer = await sheetOf([row(new Date(Date.UTC(2016, 2, 5)), '2027/1/9'), row('2016年3月5日', '2027-13-01'), row(42000, '2027-02-30')]);
    const parsed = await readXlsxSheet(FACILITY_SHEET, upload(buffer), { maxRows: 10 });
    expect(parsed.rows.map((r) => [r.row, r.value.commissionedAt, r.value.dueDate])).toEqual([[2, '2016-03-05', '2027-01-09']]);
    expect(parsed.errors).toEqual([
      { row: 3, column: '启用时间', message: '启用时间必须是 YYYY-MM-DD 格式的日期' },
      { row: 3, column: '到期日期', message: '到期日期必须是 YYYY-MM-DD 格式的日期' },
      { row: 4, column: '启用时间', message: '启用时间必须是 YYYY-MM-DD 格式的日期' },
      { row: 4, column: '到期日期', message: '到期日期必须是 YYYY-MM-DD 格式的日期' },
    ]);
  });

  it('refuses a cell of the wrong type with the API rule, naming the column', async () => {
    const buffer = await sheetOf([['灭火器组01', '消防/灭火器', null, null, null, null, null, '十个', null, null, null, null, '每周', null, '-5']]);
    const parsed = await readXlsxSheet(FACILITY_SHEET, upload(buffer), { maxRows: 10 });
    expect(parsed.errors).toEqual([
      { row: 2, column: '数量', message: '数量必须是整数' },
      { row: 2, column: '维保周期', message: '维保周期只能填写：半月、月、季、半年、年' },
      { row: 2, column: '原值（元）', message: '原值（元）太小' },
    ]);
  });

  it('refuses the later of two rows with one register code, or with one name and place', async () => {
    const buffer = await sheetOf([
      ['1号客梯', '电梯/乘客电梯', null, null, null, null, null, 1, 'R-1', null, null, '2027-01-01'],
      ['2号客梯', '电梯/乘客电梯', null, null, null, null, null, 1, 'r-1', null, null, '2027-01-01'],
      ['灭火器组01', '消防/灭火器', null, null, '大堂'],
      ['灭火器组01', '消防/灭火器', null, null, ' 大堂'],
    ]);
    const parsed = await readXlsxSheet(FACILITY_SHEET, upload(buffer), { maxRows: 10 });
    checkAcrossRows(parsed);
    expect(parsed.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(parsed.errors).toEqual([
      { row: 3, column: '注册代码', message: '与第2行的注册代码重复：一个注册代码只能登记一台设备' },
      { row: 5, column: '设备名称', message: '与第4行重复：设备名称、楼栋、单元、位置都相同' },
    ]);
  });

  it('names the wrong header columns', async () => {
    const headers = HEADERS.map((h) => (h === '注册代码' ? '注册号' : h));
    await expect(readXlsxSheet(FACILITY_SHEET, upload(await sheetOf([], headers)), { maxRows: 10 })).rejects.toMatchObject({ code: 'IMPORT_HEADER_MISMATCH', message: expect.stringContaining('缺少列“注册代码”') });
  });
});
