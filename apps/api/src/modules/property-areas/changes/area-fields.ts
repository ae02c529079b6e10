import { AREA_TYPE_LABELS, AreaFieldGroup, AreaFieldKind, CONTRACT_TYPE_LABELS, LATITUDE_RANGE, LONGITUDE_RANGE, SERVICE_TYPE_LABELS } from '@szpm/contract';

/**
 * One field of the property-area catalogue: what it is, how its value is checked, and its default
 * flags (the seeded rows of property_area_field_rules, which an admin may change).
 */
export interface AreaFieldSpec {
  field: string;
  label: string;
  group: AreaFieldGroup;
  kind: AreaFieldKind;
  nullable: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  /** DECIMAL / coordinates: digits kept after the point (values are rounded to them) */
  scale?: number;
  unit?: string;
  choices?: ReadonlyArray<{ value: string; label: string }>;
  reference?: 'company' | 'developer' | 'committee' | 'community';
  editable: boolean;
  requiresCityApproval: boolean;
}

const choicesOf = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

const C = AreaFieldGroup.CORE;
const P = AreaFieldGroup.PROFILE;
const K = AreaFieldKind;

/** Approval needed (the notes' defaults: name, address, 宗地号, 四至, areas and counts, company, developer, committee, coordinates, and the rest of the record). */
const approval = { editable: true, requiresCityApproval: true } as const;
/** Free: phones and remarks apply at once. */
const free = { editable: true, requiresCityApproval: false } as const;

const text = (field: string, label: string, group: AreaFieldGroup, maxLength: number, nullable = true) => ({ field, label, group, kind: K.TEXT, nullable, maxLength, ...approval });
const area = (field: string, label: string) => ({ field, label, group: P, kind: K.DECIMAL, nullable: true, min: 0, max: 100_000_000, scale: 2, unit: '㎡', ...approval });
const count = (field: string, label: string, group: AreaFieldGroup, nullable = true) => ({ field, label, group, kind: K.INTEGER, nullable, min: 0, max: 1_000_000, ...approval });
const date = (field: string, label: string) => ({ field, label, group: P, kind: K.DATE, nullable: true, ...approval });

/** The catalogue in its display order. Fields of property_areas (CORE) and of property_area_profiles (PROFILE). */
export const AREA_FIELDS: readonly AreaFieldSpec[] = [
  text('name', '物业区域名称', C, 128, false),
  text('address', '地址', C, 255, false),
  text('landNumber', '宗地号', C, 64),
  text('location', '坐落', C, 255),
  { ...text('externalCode', '外部编码（维修资金系统）', C, 64), editable: false, requiresCityApproval: false },
  { field: 'communityId', label: '所属社区', group: C, kind: K.REFERENCE, nullable: false, reference: 'community', ...approval },
  { field: 'companyId', label: '物业服务企业', group: C, kind: K.REFERENCE, nullable: true, reference: 'company', ...approval },
  { field: 'developerId', label: '开发建设单位', group: C, kind: K.REFERENCE, nullable: true, reference: 'developer', ...approval },
  { field: 'ownersCommitteeId', label: '业主委员会', group: C, kind: K.REFERENCE, nullable: true, reference: 'committee', ...approval },
  { field: 'selfManaged', label: '是否自管', group: C, kind: K.BOOLEAN, nullable: false, ...approval },
  { field: 'otherCityProject', label: '是否外市项目', group: C, kind: K.BOOLEAN, nullable: false, ...approval },
  { ...count('floorArea', '建筑面积', C, false), max: 100_000_000, unit: '㎡' },
  { ...count('houseCount', '房屋套数', C, false), unit: '套' },
  { field: 'longitude', label: '中心点经度', group: C, kind: K.LONGITUDE, nullable: false, min: LONGITUDE_RANGE.min, max: LONGITUDE_RANGE.max, scale: 6, ...approval },
  { field: 'latitude', label: '中心点纬度', group: C, kind: K.LATITUDE, nullable: false, min: LATITUDE_RANGE.min, max: LATITUDE_RANGE.max, scale: 6, ...approval },
  { field: 'boundaryGeoJson', label: '边界（坐标图层）', group: C, kind: K.GEOJSON, nullable: true, maxLength: 25_000, ...approval },
  text('layer', '坐标图层名称', C, 64),
  { ...text('remarks', '备注', C, 500), ...free },

  { field: 'areaType', label: '物业类型', group: P, kind: K.CHOICE, nullable: true, choices: choicesOf(AREA_TYPE_LABELS), ...approval },
  { field: 'serviceType', label: '服务类型', group: P, kind: K.CHOICE, nullable: true, choices: choicesOf(SERVICE_TYPE_LABELS), ...approval },
  { field: 'contractType', label: '合同类型', group: P, kind: K.CHOICE, nullable: true, choices: choicesOf(CONTRACT_TYPE_LABELS), ...approval },
  date('contractStart', '合同开始日期'),
  date('contractEnd', '合同结束日期'),
  { field: 'servicePrice', label: '物业服务费单价', group: P, kind: K.DECIMAL, nullable: true, min: 0, max: 100, scale: 2, unit: '元/㎡·月', ...approval },
  { field: 'collectionRate', label: '物业费收缴率', group: P, kind: K.DECIMAL, nullable: true, min: 0, max: 100, scale: 2, unit: '%', ...approval },
  count('totalHouseholds', '总户数', P),
  count('ownerCount', '业主总数', P),
  count('occupiedHouseholds', '已入住户数', P),
  date('handoverDate', '入伙日期'),
  area('buildArea', '总建筑面积'),
  area('serviceArea', '物业服务面积'),
  area('siteArea', '占地面积'),
  area('greenArea', '绿化面积'),
  area('parkingArea', '停车场面积'),
  area('publicFacilityArea', '公共设施面积'),
  area('multiStoreyArea', '多层面积'),
  area('highRiseArea', '高层面积'),
  area('villaArea', '独立别墅面积'),
  area('officeArea', '办公面积'),
  area('commerceArea', '商业面积'),
  area('industrialArea', '工业面积'),
  area('municipalArea', '市政面积'),
  area('otherArea', '其他面积'),
  { field: 'averagePrice', label: '均价', group: P, kind: K.DECIMAL, nullable: true, min: 0, max: 1_000_000, scale: 2, unit: '元/㎡', ...approval },
  text('boundEast', '四至（东）', P, 128),
  text('boundSouth', '四至（南）', P, 128),
  text('boundWest', '四至（西）', P, 128),
  text('boundNorth', '四至（北）', P, 128),
  { field: 'totalPhases', label: '项目总期数', group: P, kind: K.INTEGER, nullable: true, min: 1, max: 100, ...approval },
  { field: 'phase', label: '本期', group: P, kind: K.INTEGER, nullable: true, min: 1, max: 100, ...approval },
  { field: 'hasCommittee', label: '是否成立业委会', group: P, kind: K.BOOLEAN, nullable: false, ...approval },
  text('committeeName', '业委会名称', P, 128),
  { field: 'committeePhone', label: '业委会电话', group: P, kind: K.PHONE, nullable: true, maxLength: 32, ...free },
  text('managementOffice', '物业管理处', P, 128),
  { field: 'managementOfficePhone', label: '物业管理处电话', group: P, kind: K.PHONE, nullable: true, maxLength: 32, ...free },
  text('developerName', '开发建设单位名称', P, 128),
];

/** A catalogue field with the flags in force (the admin's row, else the seeded default). */
export interface EffectiveFieldRule {
  spec: AreaFieldSpec;
  editable: boolean;
  requiresCityApproval: boolean;
}

export const AREA_FIELD_BY_NAME: ReadonlyMap<string, AreaFieldSpec> = new Map(AREA_FIELDS.map((spec) => [spec.field, spec]));

/** field → label, for the fields named. */
export function labelsOf(fields: Iterable<string>): Record<string, string> {
  return Object.fromEntries([...fields].map((field) => [field, AREA_FIELD_BY_NAME.get(field)?.label ?? field]));
}
