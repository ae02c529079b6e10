import { AreaFieldGroup, AreaFieldKind, CoordinateStatus, PropertyAreaSort, type AreaFieldRule, type PropertyAreaDetail } from '@szpm/contract';
import { describe, expect, it } from 'vitest';
import {
  applicationRows,
  areaListQuery,
  buildingKey,
  caseStatusLabel,
  changedFields,
  changeRows,
  dueLabel,
  editInitialValues,
  facilityBody,
  facilityListQuery,
  fieldValueText,
  houseKey,
  maintenanceBody,
  moreKey,
  parseLngLat,
  parseTreeKey,
  profileValue,
  rectangleProblem,
  sortQuery,
  squareMetres,
  unitKey,
} from '../../src/pages/property-areas/logic';

describe('物业区域管理 search form → the api query', () => {
  it('sends each search key alone, trimmed, and leaves out the empty ones', () => {
    expect(areaListQuery({ search: ' 香蜜 ' }, 1, 20)).toEqual({ page: 1, pageSize: 20, search: '香蜜' });
    expect(areaListQuery({ companySearch: '万科', search: '  ' }, 2, 50)).toEqual({ page: 2, pageSize: 50, companySearch: '万科' });
    expect(areaListQuery({ developerSearch: '华润置地' }, 1, 20)).toEqual({ page: 1, pageSize: 20, developerSearch: '华润置地' });
    expect(areaListQuery({ coordinateStatus: CoordinateStatus.UNPLOTTED }, 1, 20)).toEqual({ page: 1, pageSize: 20, coordinateStatus: 'UNPLOTTED' });
    expect(areaListQuery({ coordinateStatus: '' }, 1, 20)).toEqual({ page: 1, pageSize: 20 });
  });

  it('combines the keys with the map rectangle and the sorter', () => {
    expect(areaListQuery({ search: '花园', coordinateStatus: CoordinateStatus.PLOTTED, southWest: '114.02, 22.52', northEast: '114.08，22.56' }, 1, 20, { floorArea: 'descend' })).toEqual({
      page: 1,
      pageSize: 20,
      search: '花园',
      coordinateStatus: 'PLOTTED',
      swLng: 114.02,
      swLat: 22.52,
      neLng: 114.08,
      neLat: 22.56,
      sort: PropertyAreaSort.FLOOR_AREA,
      order: 'DESC',
    });
  });

  it('refuses a half or inverted rectangle with a message naming the corner', () => {
    expect(rectangleProblem({})).toBeNull();
    expect(rectangleProblem({ southWest: '114.02,22.52' })).toBe('地图范围查询须同时填写西南角和东北角');
    expect(rectangleProblem({ southWest: '114.02', northEast: '114.08,22.56' })).toMatch(/^西南角须写成/);
    expect(rectangleProblem({ southWest: '114.02,22.52', northEast: 'abc' })).toMatch(/^东北角须写成/);
    expect(rectangleProblem({ southWest: '114.09,22.52', northEast: '114.08,22.56' })).toBe('西南角的经度、纬度须都不大于东北角的');
    expect(() => areaListQuery({ southWest: '114.02,22.52' }, 1, 20)).toThrow('地图范围查询须同时填写西南角和东北角');
  });

  it('reads a point in the usual spellings and refuses what is not one', () => {
    expect(parseLngLat('113.95,22.53')).toEqual({ lng: 113.95, lat: 22.53 });
    expect(parseLngLat(' 113.95 22.53 ')).toEqual({ lng: 113.95, lat: 22.53 });
    expect(parseLngLat('113.95，22.53')).toEqual({ lng: 113.95, lat: 22.53 });
    expect(parseLngLat('200,22')).toBeNull();
    expect(parseLngLat('1,2,3')).toBeNull();
    expect(parseLngLat(undefined)).toBeNull();
  });

  it('maps only the sortable columns to sort + order', () => {
    expect(sortQuery({ name: 'ascend' })).toEqual({ sort: 'name', order: 'ASC' });
    expect(sortQuery({ handoverDate: 'descend' })).toEqual({ sort: 'handoverDate', order: 'DESC' });
    expect(sortQuery({ code: 'ascend' })).toEqual({});
    expect(sortQuery({ houseCount: null })).toEqual({});
    expect(sortQuery(undefined)).toEqual({});
  });
});

describe('the house tree keys', () => {
  it('round-trips every level, unit numbers with any characters included', () => {
    expect(parseTreeKey(buildingKey(7))).toEqual({ level: 'building', buildingId: 7 });
    expect(parseTreeKey(unitKey(7, '2单元:A'))).toEqual({ level: 'unit', buildingId: 7, unitNo: '2单元:A' });
    expect(parseTreeKey(houseKey(901))).toEqual({ level: 'house', houseId: 901 });
    expect(parseTreeKey(moreKey(7, '1单元', 3))).toEqual({ level: 'more', buildingId: 7, unitNo: '1单元', page: 3 });
    expect(parseTreeKey('x:1')).toBeNull();
    expect(parseTreeKey('b:abc')).toBeNull();
  });
});

describe('values in words', () => {
  it('writes areas, prices and rates with their units, and - when unknown', () => {
    expect(squareMetres(123456.789)).toBe('123,456.79 ㎡');
    expect(squareMetres(null)).toBe('-');
    expect(profileValue(2.8, 'price')).toBe('2.8 元/㎡·月');
    expect(profileValue(96.5, 'percent')).toBe('96.5%');
    expect(profileValue(true, 'bool')).toBe('是');
    expect(profileValue(null, 'text')).toBe('-');
    expect(profileValue(1200, 'count')).toBe('1,200');
  });
});

describe('the facility ledger', () => {
  it('turns the search form into the list query', () => {
    expect(facilityListQuery({ search: ' 电梯 ', typeId: '3', enabled: 'false' }, 1, 20)).toEqual({ page: 1, pageSize: 20, search: '电梯', typeId: 3, enabled: false });
    expect(facilityListQuery({ enabled: '' }, 2, 10)).toEqual({ page: 2, pageSize: 10 });
  });

  it('sends empty fields as null and drops a unit without a building', () => {
    const body = facilityBody({ name: ' 1号客梯 ', facilityTypeId: 4, unitName: '1单元', quantity: undefined, dueDate: '2026-07-01', originalValue: '', registerNumber: '  ' });
    expect(body).toMatchObject({ name: '1号客梯', facilityTypeId: 4, buildingId: null, unitName: null, quantity: 1, dueDate: '2026-07-01', originalValue: null, registerNumber: null, remarks: null });
    expect(facilityBody({ name: 'x', facilityTypeId: 4, buildingId: 9, unitName: '2单元' })).toMatchObject({ buildingId: 9, unitName: '2单元' });
  });

  it('builds a maintenance record with only what was filled in', () => {
    expect(maintenanceBody({ maintainedOn: '2026-05-02', kind: 'ANNUAL_INSPECTION', content: ' 年度定期检验 ', cost: 800, attachmentIds: [5], unit: '' })).toEqual({
      maintainedOn: '2026-05-02',
      kind: 'ANNUAL_INSPECTION',
      content: '年度定期检验',
      cost: 800,
      attachmentIds: [5],
    });
  });

  it('says how soon special equipment falls due', () => {
    expect(dueLabel('2026-05-10', 30, '2026-05-01')).toEqual({ text: '9 天后到期', overdue: false });
    expect(dueLabel('2026-05-01', 30, '2026-05-01')).toEqual({ text: '今天到期', overdue: false });
    expect(dueLabel('2026-04-28', 30, '2026-05-01')).toEqual({ text: '已过期 3 天', overdue: true });
    expect(dueLabel('2026-09-01', 30, '2026-05-01')).toBeNull();
    expect(dueLabel(null, 30)).toBeNull();
  });
});

const rule = (field: string, kind: AreaFieldKind, requiresCityApproval: boolean, group = AreaFieldGroup.CORE, extra: Partial<AreaFieldRule> = {}): AreaFieldRule => ({
  field,
  label: field,
  group,
  groupLabel: group === AreaFieldGroup.CORE ? '基本信息' : '物业区域信息',
  kind,
  editable: true,
  requiresCityApproval,
  nullable: true,
  maxLength: null,
  min: null,
  max: null,
  unit: null,
  choices: null,
  reference: null,
  sortOrder: 0,
  ...extra,
});

const DETAIL = {
  name: '香蜜湖花园',
  remarks: null,
  floorArea: 120000,
  externalCode: 'X1',
  profile: { servicePrice: 2.8, contractEnd: '2027-12-31', committeePhone: '0755-1234', hasCommittee: false },
} as unknown as PropertyAreaDetail;

describe('编辑 against the field catalogue', () => {
  const RULES = [
    rule('name', AreaFieldKind.TEXT, true),
    rule('remarks', AreaFieldKind.TEXT, false),
    rule('floorArea', AreaFieldKind.DECIMAL, true),
    { ...rule('externalCode', AreaFieldKind.TEXT, false), editable: false },
    rule('servicePrice', AreaFieldKind.DECIMAL, true, AreaFieldGroup.PROFILE),
    rule('contractEnd', AreaFieldKind.DATE, true, AreaFieldGroup.PROFILE),
    rule('committeePhone', AreaFieldKind.PHONE, false, AreaFieldGroup.PROFILE),
    rule('hasCommittee', AreaFieldKind.BOOLEAN, true, AreaFieldGroup.PROFILE),
  ];

  it('starts from the current values of the editable fields (core and extension record)', () => {
    expect(editInitialValues(RULES, DETAIL)).toEqual({ name: '香蜜湖花园', remarks: null, floorArea: 120000, servicePrice: 2.8, contractEnd: '2027-12-31', committeePhone: '0755-1234', hasCommittee: false });
  });

  it('sends only what changed, split into free fields and those the city approves', () => {
    const values = { ...editInitialValues(RULES, DETAIL), name: '香蜜湖花园（一期）', remarks: ' 新备注 ', servicePrice: 3.2, contractEnd: '2027-12-31', hasCommittee: false, externalCode: 'Y' };
    expect(changedFields(RULES, DETAIL, values)).toEqual({ changes: { name: '香蜜湖花园（一期）', remarks: '新备注', servicePrice: 3.2 }, free: ['remarks'], approval: ['name', 'servicePrice'] });
  });

  it('sees no change in a cleared-and-empty field or a number typed the same', () => {
    const values = { ...editInitialValues(RULES, DETAIL), remarks: '  ', floorArea: '120000' };
    expect(changedFields(RULES, DETAIL, values)).toEqual({ changes: {}, free: [], approval: [] });
  });

  it('reads a change request as before / after rows', () => {
    expect(changeRows({ proposed: { name: 'B', servicePrice: 3.2 }, before: { name: 'A', servicePrice: null }, labels: { name: '物业区域名称' } })).toEqual([
      { field: 'name', label: '物业区域名称', before: 'A', after: 'B' },
      { field: 'servicePrice', label: 'servicePrice', before: null, after: 3.2 },
    ]);
    expect(changeRows(null)).toEqual([]);
    expect(fieldValueText(null)).toBe('（空）');
    expect(fieldValueText(true)).toBe('是');
    expect(fieldValueText('RESIDENTIAL', { kind: AreaFieldKind.CHOICE, choices: [{ value: 'RESIDENTIAL', label: '住宅' }], unit: null })).toBe('住宅');
    expect(fieldValueText(3.2, { kind: AreaFieldKind.DECIMAL, choices: null, unit: '元/㎡·月' })).toBe('3.2 元/㎡·月');
  });

  it('names a change request’s status as chapter 5 does, other forms as the engine does', () => {
    expect(caseStatusLabel({ formType: 'PROPERTY_AREA_CHANGE', status: 'REVIEW', statusLabel: '认定审核' })).toBe('待市局审核');
    expect(caseStatusLabel({ formType: 'PROPERTY_AREA_CHANGE', status: 'ENTRY', statusLabel: '录入初审' })).toBe('退回修改');
    expect(caseStatusLabel({ formType: 'PROJECT_REGISTRATION', status: 'REVIEW', statusLabel: '认定审核' })).toBe('认定审核');
  });

  it('lists a registration’s content in reading order', () => {
    expect(applicationRows({ name: '新苑', address: '福田区新洲路1号', floorArea: 5000, contactName: '李卫东', extra: { a: 1 } })).toEqual([
      { label: '登记类型', value: '新项目登记' },
      { label: '项目名称', value: '新苑' },
      { label: '地址', value: '福田区新洲路1号' },
      { label: '建筑面积（㎡）', value: '5,000' },
      { label: '联系人', value: '李卫东' },
    ]);
  });
});
