/**
 * The rules of the chapter 5 pages that are not drawing: the list's search form → the api query
 * (坐标图层 with its optional map rectangle), the house tree's node keys, and area numbers in words.
 */
import { AREA_CHANGE_STATUS_LABELS, CoordinateStatus, MAX_PAGE_SIZE, PropertyAreaSort } from '@szpm/contract';

/** What the 物业区域管理 search form holds. */
export interface AreaSearchValues {
  search?: string;
  coordinateStatus?: CoordinateStatus | '';
  /** 西南角 `lng,lat` */
  southWest?: string;
  /** 东北角 `lng,lat` */
  northEast?: string;
  companySearch?: string;
  developerSearch?: string;
}

/** GET /api/property-areas query */
export interface AreaListQuery {
  page: number;
  pageSize: number;
  search?: string;
  coordinateStatus?: CoordinateStatus;
  companySearch?: string;
  developerSearch?: string;
  swLng?: number;
  swLat?: number;
  neLng?: number;
  neLat?: number;
  sort?: PropertyAreaSort;
  order?: 'ASC' | 'DESC';
}

export interface LngLat {
  lng: number;
  lat: number;
}

/** `113.95,22.53` (also with a full-width comma or spaces) → the point; null when it is not one. */
export function parseLngLat(text: string | undefined): LngLat | null {
  const parts = (text ?? '').trim().split(/\s*[,，\s]\s*/).filter(Boolean);
  if (parts.length !== 2 || !parts.every((p) => /^-?\d+(\.\d+)?$/.test(p))) return null;
  const [lng, lat] = parts.map(Number);
  if (lng < -180 || lng > 180 || lat < -90 || lat > 90) return null;
  return { lng, lat };
}

/** What is wrong with the map rectangle as typed, or null (both corners empty is no rectangle). */
export function rectangleProblem(values: Pick<AreaSearchValues, 'southWest' | 'northEast'>): string | null {
  const sw = values.southWest?.trim() ?? '';
  const ne = values.northEast?.trim() ?? '';
  if (!sw && !ne) return null;
  if (!sw || !ne) return '地图范围查询须同时填写西南角和东北角';
  const a = parseLngLat(sw);
  if (!a) return '西南角须写成“经度,纬度”，如 114.02,22.52';
  const b = parseLngLat(ne);
  if (!b) return '东北角须写成“经度,纬度”，如 114.08,22.56';
  if (a.lng > b.lng || a.lat > b.lat) return '西南角的经度、纬度须都不大于东北角的';
  return null;
}

const SORTABLE: readonly string[] = Object.values(PropertyAreaSort);

/** ProTable's sorter (`{ floorArea: 'descend' }`) → the api's sort and order (unsortable keys are ignored). */
export function sortQuery(sorter: Record<string, 'ascend' | 'descend' | null | undefined> | undefined): Pick<AreaListQuery, 'sort' | 'order'> {
  const [field, direction] = Object.entries(sorter ?? {}).find(([key, dir]) => SORTABLE.includes(key) && (dir === 'ascend' || dir === 'descend')) ?? [];
  if (!field || !direction) return {};
  return { sort: field as PropertyAreaSort, order: direction === 'ascend' ? 'ASC' : 'DESC' };
}

const trimmed = (text: string | undefined) => text?.trim() || undefined;

/** The search form, page and sorter → the api query. Throws the rectangle's problem (the page shows it). */
export function areaListQuery(values: AreaSearchValues, page: number, pageSize: number, sorter?: Record<string, 'ascend' | 'descend' | null | undefined>): AreaListQuery {
  const problem = rectangleProblem(values);
  if (problem) throw new Error(problem);
  const query: AreaListQuery = { page, pageSize, ...sortQuery(sorter) };
  const search = trimmed(values.search);
  const companySearch = trimmed(values.companySearch);
  const developerSearch = trimmed(values.developerSearch);
  if (search) query.search = search;
  if (companySearch) query.companySearch = companySearch;
  if (developerSearch) query.developerSearch = developerSearch;
  if (values.coordinateStatus) query.coordinateStatus = values.coordinateStatus;
  const sw = parseLngLat(values.southWest);
  const ne = parseLngLat(values.northEast);
  if (sw && ne) Object.assign(query, { swLng: sw.lng, swLat: sw.lat, neLng: ne.lng, neLat: ne.lat });
  return query;
}

/** ㎡ with thousands separators and at most two decimals; '-' when unknown. */
export function squareMetres(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '-';
  return `${value.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} ㎡`;
}

// ---- the house tree -----------------------------------------------------------------------------

/** A node of the tree 楼栋 → 单元 → 房屋, as its key says. */
export type HouseTreeKey = { level: 'building'; buildingId: number } | { level: 'unit'; buildingId: number; unitNo: string } | { level: 'house'; houseId: number } | { level: 'more'; buildingId: number; unitNo: string; page: number };

export const buildingKey = (buildingId: number) => `b:${buildingId}`;
export const unitKey = (buildingId: number, unitNo: string) => `u:${buildingId}:${encodeURIComponent(unitNo)}`;
export const houseKey = (houseId: number) => `h:${houseId}`;
export const moreKey = (buildingId: number, unitNo: string, page: number) => `m:${buildingId}:${encodeURIComponent(unitNo)}:${page}`;

export function parseTreeKey(key: string): HouseTreeKey | null {
  const [kind, ...rest] = key.split(':');
  const id = Number(rest[0]);
  if (kind === 'b' && rest.length === 1 && Number.isInteger(id)) return { level: 'building', buildingId: id };
  if (kind === 'h' && rest.length === 1 && Number.isInteger(id)) return { level: 'house', houseId: id };
  if (kind === 'u' && rest.length === 2 && Number.isInteger(id)) return { level: 'unit', buildingId: id, unitNo: decodeURIComponent(rest[1]) };
  if (kind === 'm' && rest.length === 3 && Number.isInteger(id) && Number.isInteger(Number(rest[2]))) return { level: 'more', buildingId: id, unitNo: decodeURIComponent(rest[1]), page: Number(rest[2]) };
  return null;
}

/** How many houses a unit node loads at a time (the api's largest page; 加载更多 fetches the next). */
export const HOUSES_PER_LOAD = MAX_PAGE_SIZE;

// ---- 物业区域信息 ------------------------------------------------------------------------------

type ProfileKey = keyof import('@szpm/contract').PropertyAreaProfileView;
type Kind = 'text' | 'area' | 'count' | 'money' | 'percent' | 'price' | 'bool' | 'date';

/** The extension record's fields in the groups the 物业区域信息 tab shows them (labels as the platform names them). */
export const PROFILE_GROUPS: ReadonlyArray<{ title: string; fields: ReadonlyArray<{ key: ProfileKey; label: string; kind: Kind }> }> = [
  {
    title: '物业服务',
    fields: [
      { key: 'areaTypeLabel', label: '物业类型', kind: 'text' },
      { key: 'serviceTypeLabel', label: '服务类型', kind: 'text' },
      { key: 'contractTypeLabel', label: '合同类型', kind: 'text' },
      { key: 'contractStart', label: '合同开始日期', kind: 'date' },
      { key: 'contractEnd', label: '合同结束日期', kind: 'date' },
      { key: 'servicePrice', label: '物业服务费单价', kind: 'price' },
      { key: 'collectionRate', label: '物业费收缴率', kind: 'percent' },
      { key: 'handoverDate', label: '入伙日期', kind: 'date' },
      { key: 'developerName', label: '开发建设单位', kind: 'text' },
      { key: 'managementOffice', label: '物业管理处', kind: 'text' },
      { key: 'managementOfficePhone', label: '管理处电话', kind: 'text' },
    ],
  },
  {
    title: '户数',
    fields: [
      { key: 'totalHouseholds', label: '总户数', kind: 'count' },
      { key: 'ownerCount', label: '业主总数', kind: 'count' },
      { key: 'occupiedHouseholds', label: '已入住户数', kind: 'count' },
    ],
  },
  {
    title: '面积',
    fields: [
      { key: 'buildArea', label: '总建筑面积', kind: 'area' },
      { key: 'serviceArea', label: '物业服务面积', kind: 'area' },
      { key: 'siteArea', label: '占地面积', kind: 'area' },
      { key: 'greenArea', label: '绿化面积', kind: 'area' },
      { key: 'parkingArea', label: '停车场面积', kind: 'area' },
      { key: 'publicFacilityArea', label: '公共设施面积', kind: 'area' },
      { key: 'multiStoreyArea', label: '多层面积', kind: 'area' },
      { key: 'highRiseArea', label: '高层面积', kind: 'area' },
      { key: 'villaArea', label: '独立别墅面积', kind: 'area' },
      { key: 'officeArea', label: '办公面积', kind: 'area' },
      { key: 'commerceArea', label: '商业面积', kind: 'area' },
      { key: 'industrialArea', label: '工业面积', kind: 'area' },
      { key: 'municipalArea', label: '市政面积', kind: 'area' },
      { key: 'otherArea', label: '其他面积', kind: 'area' },
      { key: 'averagePrice', label: '均价', kind: 'money' },
    ],
  },
  {
    title: '四至与分期',
    fields: [
      { key: 'boundEast', label: '四至（东）', kind: 'text' },
      { key: 'boundSouth', label: '四至（南）', kind: 'text' },
      { key: 'boundWest', label: '四至（西）', kind: 'text' },
      { key: 'boundNorth', label: '四至（北）', kind: 'text' },
      { key: 'totalPhases', label: '项目总期数', kind: 'count' },
      { key: 'phase', label: '本期', kind: 'count' },
    ],
  },
  {
    title: '业主委员会',
    fields: [
      { key: 'hasCommittee', label: '是否成立业委会', kind: 'bool' },
      { key: 'committeeName', label: '业委会名称', kind: 'text' },
      { key: 'committeePhone', label: '业委会电话', kind: 'text' },
    ],
  },
];

/** One value of the extension record as the tab shows it ('-' when not recorded). */
export function profileValue(value: unknown, kind: Kind): string {
  if (value === null || value === undefined || value === '') return '-';
  switch (kind) {
    case 'bool':
      return value ? '是' : '否';
    case 'area':
      return squareMetres(Number(value));
    case 'price':
      return `${Number(value).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元/㎡·月`;
    case 'money':
      return `${Number(value).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元/㎡`;
    case 'percent':
      return `${Number(value).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}%`;
    case 'count':
      return Number(value).toLocaleString('zh-CN');
    default:
      return String(value);
  }
}

// ---- 设施设备信息 ------------------------------------------------------------------------------

/** GET /api/property-areas/:id/facilities query */
export interface FacilityListQuery {
  page: number;
  pageSize: number;
  typeId?: number;
  enabled?: boolean;
  search?: string;
}

/** What the facility list's search form holds ('true' / 'false' from the select). */
export interface FacilitySearchValues {
  search?: string;
  typeId?: number | string;
  enabled?: 'true' | 'false' | '';
}

export function facilityListQuery(values: FacilitySearchValues, page: number, pageSize: number): FacilityListQuery {
  const query: FacilityListQuery = { page, pageSize };
  const search = trimmed(values.search);
  if (search) query.search = search;
  if (values.typeId !== undefined && values.typeId !== '' && Number.isInteger(Number(values.typeId))) query.typeId = Number(values.typeId);
  if (values.enabled === 'true' || values.enabled === 'false') query.enabled = values.enabled === 'true';
  return query;
}

/** POST /api/property-areas/:id/facilities and PATCH /api/facilities/:id */
export interface FacilityBody {
  name: string;
  facilityTypeId: number;
  buildingId: number | null;
  unitName: string | null;
  position: string | null;
  brand: string | null;
  company: string | null;
  quantity: number;
  registerNumber: string | null;
  serialNumber: string | null;
  commissionedAt: string | null;
  dueDate: string | null;
  maintenanceCycle: string | null;
  personLiable: string | null;
  originalValue: number | null;
  currentValue: number | null;
  annualInspector: string | null;
  annualCost: number | null;
  remarks: string | null;
}

/** What the 新增 / 修改 form holds. */
export type FacilityFormValues = Partial<Record<keyof FacilityBody, unknown>>;

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const num = (v: unknown): number | null => (v === null || v === undefined || v === '' || !Number.isFinite(Number(v)) ? null : Number(v));
const day = (v: unknown): string | null => {
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) return v.slice(0, 10);
  if (v && typeof v === 'object' && 'format' in v && typeof (v as { format: unknown }).format === 'function') return (v as { format: (f: string) => string }).format('YYYY-MM-DD');
  return null;
};

/** The form → the request body (empty fields → null; a unit without a building is dropped). */
export function facilityBody(values: FacilityFormValues): FacilityBody {
  const buildingId = num(values.buildingId);
  return {
    name: text(values.name) ?? '',
    facilityTypeId: num(values.facilityTypeId) ?? 0,
    buildingId,
    unitName: buildingId === null ? null : text(values.unitName),
    position: text(values.position),
    brand: text(values.brand),
    company: text(values.company),
    quantity: num(values.quantity) ?? 1,
    registerNumber: text(values.registerNumber),
    serialNumber: text(values.serialNumber),
    commissionedAt: day(values.commissionedAt),
    dueDate: day(values.dueDate),
    maintenanceCycle: text(values.maintenanceCycle),
    personLiable: text(values.personLiable),
    originalValue: num(values.originalValue),
    currentValue: num(values.currentValue),
    annualInspector: text(values.annualInspector),
    annualCost: num(values.annualCost),
    remarks: text(values.remarks),
  };
}

/** POST /api/facilities/:id/maintenance-records */
export interface MaintenanceBody {
  maintainedOn: string;
  kind: string;
  content: string;
  situation?: string;
  unit?: string;
  person?: string;
  cost?: number;
  nextDueDate?: string;
  attachmentIds?: number[];
}

export function maintenanceBody(values: Record<string, unknown>): MaintenanceBody {
  const body: MaintenanceBody = { maintainedOn: day(values.maintainedOn) ?? '', kind: String(values.kind ?? ''), content: text(values.content) ?? '' };
  for (const key of ['situation', 'unit', 'person'] as const) {
    const value = text(values[key]);
    if (value) body[key] = value;
  }
  const cost = num(values.cost);
  if (cost !== null) body.cost = cost;
  const next = day(values.nextDueDate);
  if (next) body.nextDueDate = next;
  const ids = Array.isArray(values.attachmentIds) ? values.attachmentIds.filter((v): v is number => typeof v === 'number') : [];
  if (ids.length) body.attachmentIds = ids;
  return body;
}

/** The days from today (Shenzhen's date) until a YYYY-MM-DD date; negative when passed. */
export function daysUntil(date: string, today: string = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** 到期日期 in words: 已过期 N 天 / N 天后到期 (within the look-ahead) / null (not soon). */
export function dueLabel(date: string | null, withinDays: number, today?: string): { text: string; overdue: boolean } | null {
  if (!date) return null;
  const left = daysUntil(date, today);
  if (left < 0) return { text: `已过期 ${-left} 天`, overdue: true };
  if (left <= withinDays) return { text: left === 0 ? '今天到期' : `${left} 天后到期`, overdue: false };
  return null;
}


// ---- 编辑 (the field catalogue) --------------------------------------------------------------

type FieldRule = import('@szpm/contract').AreaFieldRule;
type Detail = import('@szpm/contract').PropertyAreaDetail;

/** The value a catalogue field holds now (core fields on the area, profile fields on its extension record). */
export function currentValue(rule: Pick<FieldRule, 'field' | 'group'>, detail: Detail): unknown {
  const source = (rule.group === 'PROFILE' ? detail.profile : detail) as unknown as Record<string, unknown>;
  return source[rule.field] ?? null;
}

/** A value as the api compares it: blank text → null, dates as YYYY-MM-DD, numbers as numbers. */
export function normalisedValue(rule: Pick<FieldRule, 'kind'>, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  switch (rule.kind) {
    case 'INTEGER':
    case 'DECIMAL':
    case 'LONGITUDE':
    case 'LATITUDE':
    case 'REFERENCE':
      return num(value);
    case 'DATE':
      return day(value);
    case 'BOOLEAN':
      return Boolean(value);
    default:
      return text(value);
  }
}

/** The edit form's starting values: each editable field's current value. */
export function editInitialValues(rules: readonly FieldRule[], detail: Detail): Record<string, unknown> {
  return Object.fromEntries(rules.filter((r) => r.editable).map((r) => [r.field, currentValue(r, detail)]));
}

/** The fields the officer changed (value ≠ the area's now), split into those that apply at once and those the city approves. */
export function changedFields(rules: readonly FieldRule[], detail: Detail, values: Record<string, unknown>): { changes: Record<string, unknown>; free: string[]; approval: string[] } {
  const changes: Record<string, unknown> = {};
  const free: string[] = [];
  const approval: string[] = [];
  for (const rule of rules) {
    if (!rule.editable || !(rule.field in values)) continue;
    const before = normalisedValue(rule, currentValue(rule, detail));
    const after = normalisedValue(rule, values[rule.field]);
    if (before === after) continue;
    changes[rule.field] = after;
    (rule.requiresCityApproval ? approval : free).push(rule.field);
  }
  return { changes, free, approval };
}

/** A catalogue value in words (for the before / after table). */
export function fieldValueText(value: unknown, rule?: Pick<FieldRule, 'kind' | 'choices' | 'unit'>): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (rule?.kind === 'CHOICE') return rule.choices?.find((c) => c.value === value)?.label ?? String(value);
  if (rule?.kind === 'GEOJSON') return '（边界坐标）';
  if (typeof value === 'number') return `${value.toLocaleString('zh-CN', { maximumFractionDigits: 6 })}${rule?.unit ? ` ${rule.unit}` : ''}`;
  return String(value);
}

/** The before / after rows of a change request's payload. */
export function changeRows(payload: { proposed?: Record<string, unknown>; before?: Record<string, unknown>; labels?: Record<string, string> } | null | undefined): Array<{ field: string; label: string; before: unknown; after: unknown }> {
  if (!payload || typeof payload.proposed !== 'object' || payload.proposed === null) return [];
  return Object.keys(payload.proposed).map((field) => ({ field, label: payload.labels?.[field] ?? field, before: payload.before?.[field] ?? null, after: payload.proposed![field] }));
}

/** A case's status as chapter 5 names it (a change request reads 待市局审核 / 退回修改 …). */
export function caseStatusLabel(row: { formType: string; status: string; statusLabel: string }): string {
  if (row.formType !== 'PROPERTY_AREA_CHANGE') return row.statusLabel;
  return (AREA_CHANGE_STATUS_LABELS as Record<string, string | undefined>)[row.status] ?? row.statusLabel;
}

/** The labels of a 项目登记 / 项目经理变更 case's content, in reading order. */
const APPLICATION_LABELS: ReadonlyArray<[string, string]> = [
  ['areaName', '物业区域'],
  ['name', '项目名称'],
  ['companyName', '物业服务企业'],
  ['communityName', '所属社区'],
  ['address', '地址'],
  ['landNumber', '宗地号'],
  ['location', '坐落'],
  ['boundEast', '四至（东）'],
  ['boundSouth', '四至（南）'],
  ['boundWest', '四至（西）'],
  ['boundNorth', '四至（北）'],
  ['floorArea', '建筑面积（㎡）'],
  ['houseCount', '房屋套数'],
  ['longitude', '中心点经度'],
  ['latitude', '中心点纬度'],
  ['developerName', '开发建设单位'],
  ['handoverDate', '入伙日期'],
  ['projectManagerName', '项目经理'],
  ['previousManagerName', '原项目经理'],
  ['managerName', '新项目经理'],
  ['contactName', '联系人'],
  ['contactPhone', '联系电话'],
  ['reason', '申请说明'],
  ['remarks', '备注'],
];

/** The rows of a registration's or a manager change's content (the fields it holds). */
export function applicationRows(payload: Record<string, unknown>): Array<{ label: string; value: string }> {
  const rows = APPLICATION_LABELS.filter(([key]) => key in payload && payload[key] !== undefined && typeof payload[key] !== 'object').map(([key, label]) => ({ label, value: fieldValueText(payload[key]) }));
  const manager = payload.newManager;
  if (manager && typeof manager === 'object') {
    const m = manager as Record<string, unknown>;
    rows.push({ label: '新项目经理（新登记）', value: [m.name, m.phone, m.certificateNo].filter(Boolean).map(String).join('，') });
  }
  if (payload.propertyAreaId === undefined && 'name' in payload) rows.unshift({ label: '登记类型', value: '新项目登记' });
  return rows;
}
