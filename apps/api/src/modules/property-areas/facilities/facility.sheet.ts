import { FacilityItem, MAINTENANCE_CYCLE_LABELS, MaintenanceCycle, XlsxImportRowError } from '@szpm/contract';
import { ParsedSheet, rejectRows } from '../../../common/excel/xlsx-import';
import { choiceColumn, dateColumn, numberColumn, SheetSpec, textColumn, yesNoColumn } from '../../../common/excel/xlsx-sheet';
import { FacilityRowDto } from './dto/facility.dto';
import { facilityKey } from './facility-match';

const CYCLES = Object.values(MaintenanceCycle).map((cycle) => [cycle, MAINTENANCE_CYCLE_LABELS[cycle]] as const);

/**
 * 设施设备台账 of one property area as one sheet: the template, the import and the export. A row is
 * matched to the area's facilities by 注册代码, else by 设备名称 + 楼栋 + 单元 + 位置: a match is
 * updated to the row, anything else is added; nothing is deleted (停用 with 启用 = 否). An empty
 * optional cell means what the API's create means when the field is left out.
 */
export const FACILITY_SHEET: SheetSpec<FacilityItem, FacilityRowDto> = {
  sheetName: '设施设备',
  title: '设施设备台账',
  rowDto: FacilityRowDto,
  columns: [
    textColumn('设备名称', 'name', { width: 24, hint: '必填，最多128字。与本物业区域已有设施设备的名称、楼栋、单元、位置都相同（或注册代码相同）则修改该设施设备，否则新增' }),
    textColumn('设施设备类型', 'type', { width: 24, format: (f) => f.facilityTypePath, hint: '必填：类型目录中的名称，如“电梯/乘客电梯”（见“设施设备类型”工作表；名称唯一时可只写末级名称）' }),
    textColumn('楼栋', 'building', { width: 14, format: (f) => f.buildingName, hint: '本物业区域的楼栋名称或编号；不填：属于整个物业区域' }),
    textColumn('单元', 'unitName', { width: 10, hint: '填写单元时须同时填写楼栋' }),
    textColumn('位置', 'position', { width: 20 }),
    textColumn('品牌', 'brand', { width: 14 }),
    textColumn('生产或维保单位', 'company', { width: 28 }),
    numberColumn('数量', 'quantity', { width: 8, hint: '1–100000，不填为1' }),
    textColumn('注册代码', 'registerNumber', { width: 24, hint: '电梯等特种设备必填：特种设备注册代码（字母、数字、-，最多32位），全市不重复' }),
    textColumn('出厂编号', 'serialNumber', { width: 18 }),
    dateColumn('启用时间', 'commissionedAt', { hint: '日期，如 2015-06-01' }),
    dateColumn('到期日期', 'dueDate', { hint: '日期，如 2027-06-30；电梯等特种设备必填' }),
    choiceColumn('维保周期', 'maintenanceCycle', CYCLES, { width: 10 }),
    textColumn('责任人', 'personLiable', { width: 10 }),
    numberColumn('原值（元）', 'originalValue', { hint: '不小于0，最多两位小数' }),
    numberColumn('现值（元）', 'currentValue', { hint: '不小于0，最多两位小数' }),
    textColumn('年检单位', 'annualInspector', { width: 24 }),
    numberColumn('年检费用（元）', 'annualCost', { hint: '不小于0，最多两位小数' }),
    yesNoColumn('启用', 'enabled', { hint: '不填为“是”' }),
    textColumn('备注', 'remarks', { width: 30, hint: '最多500字' }),
  ],
};

export const FACILITY_COLUMN: Record<string, string> = Object.fromEntries(FACILITY_SHEET.columns.map((c) => [c.key, c.header]));
/** service fields (CreateFacilityDto) → the column a refusal names */
export const FACILITY_FIELD_COLUMNS: Record<string, string> = { ...FACILITY_COLUMN, facilityTypeId: FACILITY_COLUMN.type, buildingId: FACILITY_COLUMN.building };

/** A facility as a row states it: every optional cell left empty takes the create default. */
export interface FacilityRowState {
  name: string;
  type: string;
  building: string | null;
  unitName: string | null;
  position: string | null;
  brand: string | null;
  company: string | null;
  quantity: number;
  registerNumber: string | null;
  serialNumber: string | null;
  commissionedAt: string | null;
  dueDate: string | null;
  maintenanceCycle: MaintenanceCycle | null;
  personLiable: string | null;
  originalValue: number | null;
  currentValue: number | null;
  annualInspector: string | null;
  annualCost: number | null;
  enabled: boolean;
  remarks: string | null;
}

export function facilityRowState(row: FacilityRowDto): FacilityRowState {
  return {
    name: row.name,
    type: row.type,
    building: row.building ?? null,
    unitName: row.unitName ?? null,
    position: row.position ?? null,
    brand: row.brand ?? null,
    company: row.company ?? null,
    quantity: row.quantity ?? 1,
    registerNumber: row.registerNumber ?? null,
    serialNumber: row.serialNumber ?? null,
    commissionedAt: row.commissionedAt ?? null,
    dueDate: row.dueDate ?? null,
    maintenanceCycle: row.maintenanceCycle ?? null,
    personLiable: row.personLiable ?? null,
    originalValue: row.originalValue ?? null,
    currentValue: row.currentValue ?? null,
    annualInspector: row.annualInspector ?? null,
    annualCost: row.annualCost ?? null,
    enabled: row.enabled ?? true,
    remarks: row.remarks ?? null,
  };
}

/**
 * Checks across rows before anything is written: a 注册代码 appears once in the file, and so does a
 * facility's 设备名称 + 楼栋 + 单元 + 位置. The later row is refused, naming the earlier one.
 */
export function checkAcrossRows(sheet: ParsedSheet<FacilityRowDto>): void {
  const byRegister = new Map<string, number>();
  const byKey = new Map<string, number>();
  const errors: XlsxImportRowError[] = [];
  for (const { row, value } of sheet.rows) {
    const state = facilityRowState(value);
    if (state.registerNumber) {
      const earlier = byRegister.get(state.registerNumber.toUpperCase());
      if (earlier !== undefined) {
        errors.push({ row, column: FACILITY_COLUMN.registerNumber, message: `与第${earlier}行的注册代码重复：一个注册代码只能登记一台设备` });
        continue;
      }
      byRegister.set(state.registerNumber.toUpperCase(), row);
    }
    const key = facilityKey({ name: state.name, building: state.building, unitName: state.unitName, position: state.position });
    const earlier = byKey.get(key);
    if (earlier !== undefined) errors.push({ row, column: FACILITY_COLUMN.name, message: `与第${earlier}行重复：设备名称、楼栋、单元、位置都相同` });
    else byKey.set(key, row);
  }
  rejectRows(sheet, errors);
}
