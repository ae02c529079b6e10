import { AreaFieldKind } from '@szpm/contract';
import { AREA_FIELDS, AREA_FIELD_BY_NAME, EffectiveFieldRule } from './area-fields';
import { changedSince, crossFieldProblems, parseFieldValue, realChanges, sameValue, splitChanges, storedValue } from './field-values';

const spec = (field: string) => AREA_FIELD_BY_NAME.get(field)!;
const parse = (field: string, raw: unknown) => parseFieldValue(spec(field), raw);
const problem = (field: string, raw: unknown) => {
  const parsed = parse(field, raw);
  return parsed.ok ? null : parsed.problem;
};
const SQUARE = { type: 'Polygon', coordinates: [[[114.05, 22.54], [114.06, 22.54], [114.06, 22.55], [114.05, 22.54]]] };

describe('the property-area field catalogue', () => {
  it('has the domain notes’ defaults: phones and remarks free, name, address, 宗地号, 四至, areas, counts, company, developer, committee and coordinates need approval', () => {
    const free = AREA_FIELDS.filter((f) => f.editable && !f.requiresCityApproval).map((f) => f.field);
    expect(free.sort()).toEqual(['committeePhone', 'managementOfficePhone', 'remarks']);
    const approval = ['name', 'address', 'landNumber', 'boundEast', 'boundSouth', 'boundWest', 'boundNorth', 'floorArea', 'houseCount', 'buildArea', 'siteArea', 'totalHouseholds', 'occupiedHouseholds', 'companyId', 'developerId', 'developerName', 'ownersCommitteeId', 'hasCommittee', 'longitude', 'latitude', 'boundaryGeoJson'];
    for (const field of approval) expect(spec(field).requiresCityApproval).toBe(true);
    expect(spec('externalCode').editable).toBe(false);
    expect(new Set(AREA_FIELDS.map((f) => f.field)).size).toBe(AREA_FIELDS.length);
  });
});

describe('parseFieldValue', () => {
  it('checks each kind and brings the value to its stored form', () => {
    expect(parse('name', '  新名称 ')).toEqual({ ok: true, value: '新名称' });
    expect(problem('name', '')).toBe('不能为空');
    expect(problem('name', null)).toBe('不能为空');
    expect(problem('name', 12)).toBe('须为文字');
    expect(problem('name', 'x'.repeat(129))).toBe('不能超过128个字');
    expect(parse('landNumber', '')).toEqual({ ok: true, value: null });
    expect(parse('houseCount', 800)).toEqual({ ok: true, value: 800 });
    expect(problem('houseCount', 8.5)).toBe('须为整数');
    expect(problem('houseCount', '800')).toBe('须为整数');
    expect(problem('houseCount', -1)).toBe('须在0～1000000 套之间');
    expect(parse('servicePrice', 2.856)).toEqual({ ok: true, value: 2.86 });
    expect(problem('servicePrice', 101)).toBe('须在0～100 元/㎡·月之间');
    expect(problem('collectionRate', Number.NaN)).toBe('须为数字');
    expect(parse('handoverDate', '2008-02-29')).toEqual({ ok: true, value: '2008-02-29' });
    expect(problem('handoverDate', '2007-02-29')).toBe('须为有效日期（YYYY-MM-DD）');
    expect(problem('handoverDate', '2008/02/01')).toBe('须为有效日期（YYYY-MM-DD）');
    expect(parse('selfManaged', true)).toEqual({ ok: true, value: true });
    expect(problem('selfManaged', 'true')).toBe('须为是或否（true / false）');
    expect(parse('areaType', 'RESIDENTIAL')).toEqual({ ok: true, value: 'RESIDENTIAL' });
    expect(problem('areaType', 'HOTEL')).toContain('RESIDENTIAL（住宅）');
    expect(problem('companyId', 0)).toBe('须为有效的编号');
    expect(parse('longitude', 114.0579123)).toEqual({ ok: true, value: 114.057912 });
    expect(problem('latitude', 91)).toBe('须在3～54之间');
    expect(parse('committeePhone', '0755-8888 6666')).toEqual({ ok: true, value: '0755-8888 6666' });
    expect(problem('committeePhone', '电话')).toBe('不是有效的电话号码');
  });

  it('accepts a closed GeoJSON polygon (object or text) in compact form and refuses others', () => {
    const compact = JSON.stringify(SQUARE);
    expect(parse('boundaryGeoJson', SQUARE)).toEqual({ ok: true, value: compact });
    expect(parse('boundaryGeoJson', JSON.stringify(SQUARE, null, 2))).toEqual({ ok: true, value: compact });
    expect(problem('boundaryGeoJson', '{not json')).toBe('不是有效的GeoJSON');
    expect(problem('boundaryGeoJson', { type: 'Point', coordinates: [114, 22] })).toBe('须为GeoJSON Polygon（多边形）');
    expect(problem('boundaryGeoJson', { type: 'Polygon', coordinates: [[[114, 22], [115, 22], [115, 23]]] })).toBe('多边形的每个环至少需要4个坐标点（首尾相同）');
    expect(problem('boundaryGeoJson', { type: 'Polygon', coordinates: [[[114, 22], [115, 22], [115, 23], [114, 23]]] })).toBe('多边形的环须首尾闭合');
    expect(problem('boundaryGeoJson', { type: 'Polygon', coordinates: [[[214, 22], [115, 22], [115, 23], [214, 22]]] })).toBe('坐标点的经度或纬度超出范围');
    expect(parse('boundaryGeoJson', null)).toEqual({ ok: true, value: null });
  });
});

describe('the snapshot comparison of an approval', () => {
  it('reads database values in stored form (MySQL 0 / 1 booleans, numbers as text, spaced GeoJSON)', () => {
    expect(storedValue(spec('selfManaged'), 1)).toBe(true);
    expect(storedValue(spec('hasCommittee'), null)).toBe(false);
    expect(storedValue(spec('buildArea'), '1234.5')).toBe(1234.5);
    expect(sameValue(spec('boundaryGeoJson'), JSON.stringify(SQUARE, null, 2), JSON.stringify(SQUARE))).toBe(true);
    expect(sameValue(spec('servicePrice'), 2.8, 2.80000001)).toBe(true);
    expect(sameValue(spec('landNumber'), null, undefined)).toBe(true);
  });

  it('answers the fields that changed since the snapshot, and only those the snapshot holds', () => {
    const before = { name: '莲花北小区', houseCount: 800, selfManaged: false, landNumber: null };
    expect(changedSince(before, { name: '莲花北小区', houseCount: 800, selfManaged: 0, landNumber: null, remarks: '另改' })).toEqual([]);
    expect(changedSince(before, { name: '莲花北花园', houseCount: 800, selfManaged: false, landNumber: 'B101-0001' })).toEqual(['name', 'landNumber']);
    expect(changedSince({}, { name: '任意' })).toEqual([]);
  });

  it('drops changes to the value a field already has', () => {
    expect(realChanges({ name: '莲花北小区', houseCount: 801, selfManaged: false }, { name: '莲花北小区', houseCount: 800, selfManaged: 0 })).toEqual({ houseCount: 801 });
  });
});

describe('splitChanges', () => {
  const rules = new Map<string, EffectiveFieldRule>(AREA_FIELDS.map((s) => [s.field, { spec: s, editable: s.editable, requiresCityApproval: s.requiresCityApproval }]));

  it('splits free fields from approval fields in stored form', () => {
    expect(splitChanges(rules, { name: ' 新名 ', remarks: '备注', committeePhone: '13800138000' }, 'changes')).toEqual({
      ok: true,
      split: { free: { remarks: '备注', committeePhone: '13800138000' }, approval: { name: '新名' } },
    });
  });

  it('refuses an unknown field, a field not editable, or a bad value, naming the field', () => {
    expect(splitChanges(rules, { colour: 'red' }, 'changes')).toEqual({ ok: false, problem: { code: 'FIELD_UNKNOWN', field: 'changes.colour', message: '物业区域没有字段colour' } });
    expect(splitChanges(rules, { externalCode: 'X' }, 'changes')).toEqual({ ok: false, problem: { code: 'FIELD_NOT_EDITABLE', field: 'changes.externalCode', message: '外部编码（维修资金系统）不能在此修改' } });
    expect(splitChanges(rules, { houseCount: -5 }, 'payload.proposed')).toEqual({ ok: false, problem: { code: 'FIELD_INVALID', field: 'payload.proposed.houseCount', message: '房屋套数须在0～1000000 套之间' } });
  });

  it('follows the catalogue in force: a field the admin made free applies at once', () => {
    const adjusted = new Map(rules);
    adjusted.set('landNumber', { ...rules.get('landNumber')!, requiresCityApproval: false });
    adjusted.set('remarks', { ...rules.get('remarks')!, editable: false });
    expect(splitChanges(adjusted, { landNumber: 'B1' }, 'changes')).toEqual({ ok: true, split: { free: { landNumber: 'B1' }, approval: {} } });
    expect(splitChanges(adjusted, { remarks: 'x' }, 'changes')).toMatchObject({ ok: false, problem: { code: 'FIELD_NOT_EDITABLE' } });
  });
});

describe('crossFieldProblems', () => {
  it('checks the record as it would be after the change, blaming a changed field', () => {
    expect(crossFieldProblems({ totalHouseholds: 500, occupiedHouseholds: 600 }, new Set(['occupiedHouseholds']))).toEqual([{ field: 'occupiedHouseholds', problem: '已入住户数不能大于总户数' }]);
    expect(crossFieldProblems({ totalHouseholds: 500, occupiedHouseholds: 600 }, new Set(['totalHouseholds']))).toEqual([{ field: 'totalHouseholds', problem: '已入住户数不能大于总户数' }]);
    expect(crossFieldProblems({ phase: 3, totalPhases: 2, contractStart: '2024-01-01', contractEnd: '2023-12-31' }, new Set(['phase', 'contractEnd']))).toHaveLength(2);
    // an old inconsistency the change does not touch is not this change's fault
    expect(crossFieldProblems({ totalHouseholds: 500, occupiedHouseholds: 600, name: 'x' }, new Set(['name']))).toEqual([]);
    expect(crossFieldProblems({ totalHouseholds: null, occupiedHouseholds: 600 }, new Set(['occupiedHouseholds']))).toEqual([]);
  });

  it('covers every kind of field', () => {
    const kinds = new Set(AREA_FIELDS.map((f) => f.kind));
    expect([...kinds].sort()).toEqual(Object.values(AreaFieldKind).sort());
  });
});
