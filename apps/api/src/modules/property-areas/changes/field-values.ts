import { AreaFieldKind } from '@szpm/contract';
import { AREA_FIELD_BY_NAME, AreaFieldSpec, EffectiveFieldRule } from './area-fields';

/** A checked value (null clears the field), or what is wrong with it in words an officer reads. */
export type ParsedValue = { ok: true; value: unknown } | { ok: false; problem: string };

const PHONE = /^\+?[0-9][0-9 -]{2,30}[0-9]$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

function round(value: number, scale: number): number {
  const factor = 10 ** scale;
  return Math.round(value * factor) / factor;
}

const fail = (problem: string): ParsedValue => ({ ok: false, problem });
const ok = (value: unknown): ParsedValue => ({ ok: true, value });

function range(spec: AreaFieldSpec): string {
  return `${spec.min ?? '-∞'}～${spec.max ?? '∞'}${spec.unit ? ` ${spec.unit}` : ''}`;
}

/** A GeoJSON Polygon: rings of at least four [经度, 纬度] positions, each ring closed; answered in compact form. */
export function parsePolygon(raw: unknown): ParsedValue {
  let geometry: unknown = raw;
  if (typeof raw === 'string') {
    try {
      geometry = JSON.parse(raw);
    } catch {
      return fail('不是有效的GeoJSON');
    }
  }
  if (typeof geometry !== 'object' || geometry === null || (geometry as { type?: unknown }).type !== 'Polygon') return fail('须为GeoJSON Polygon（多边形）');
  const rings = (geometry as { coordinates?: unknown }).coordinates;
  if (!Array.isArray(rings) || rings.length === 0) return fail('多边形没有坐标');
  for (const ring of rings) {
    if (!Array.isArray(ring) || ring.length < 4) return fail('多边形的每个环至少需要4个坐标点（首尾相同）');
    for (const position of ring) {
      if (!Array.isArray(position) || position.length < 2 || !position.every((n) => typeof n === 'number' && Number.isFinite(n))) return fail('坐标点须为[经度, 纬度]数字');
      const [lng, lat] = position as number[];
      if (lng < -180 || lng > 180 || lat < -90 || lat > 90) return fail('坐标点的经度或纬度超出范围');
    }
    const [first, last] = [ring[0] as number[], ring[ring.length - 1] as number[]];
    if (first[0] !== last[0] || first[1] !== last[1]) return fail('多边形的环须首尾闭合');
  }
  return ok(JSON.stringify({ type: 'Polygon', coordinates: rings }));
}

/** Checks a value sent for a field and brings it to its stored form (trimmed text, rounded decimals, compact GeoJSON). */
export function parseFieldValue(spec: AreaFieldSpec, raw: unknown): ParsedValue {
  const empty = raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
  if (empty) return spec.nullable ? ok(null) : fail('不能为空');
  switch (spec.kind) {
    case AreaFieldKind.TEXT:
    case AreaFieldKind.PHONE: {
      if (typeof raw !== 'string') return fail('须为文字');
      const value = raw.trim();
      if (spec.maxLength !== undefined && value.length > spec.maxLength) return fail(`不能超过${spec.maxLength}个字`);
      if (spec.kind === AreaFieldKind.PHONE && !PHONE.test(value)) return fail('不是有效的电话号码');
      return ok(value);
    }
    case AreaFieldKind.INTEGER:
      if (typeof raw !== 'number' || !Number.isInteger(raw)) return fail('须为整数');
      if ((spec.min !== undefined && raw < spec.min) || (spec.max !== undefined && raw > spec.max)) return fail(`须在${range(spec)}之间`);
      return ok(raw);
    case AreaFieldKind.DECIMAL:
    case AreaFieldKind.LONGITUDE:
    case AreaFieldKind.LATITUDE:
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return fail('须为数字');
      if ((spec.min !== undefined && raw < spec.min) || (spec.max !== undefined && raw > spec.max)) return fail(`须在${range(spec)}之间`);
      return ok(round(raw, spec.scale ?? 2));
    case AreaFieldKind.DATE:
      if (typeof raw !== 'string' || !isCalendarDay(raw)) return fail('须为有效日期（YYYY-MM-DD）');
      return ok(raw);
    case AreaFieldKind.BOOLEAN:
      if (typeof raw !== 'boolean') return fail('须为是或否（true / false）');
      return ok(raw);
    case AreaFieldKind.CHOICE:
      if (typeof raw !== 'string' || !spec.choices?.some((c) => c.value === raw)) return fail(`须为${spec.choices?.map((c) => `${c.value}（${c.label}）`).join('、')}之一`);
      return ok(raw);
    case AreaFieldKind.REFERENCE:
      if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1) return fail('须为有效的编号');
      return ok(raw);
    case AreaFieldKind.GEOJSON: {
      const parsed = parsePolygon(raw);
      if (parsed.ok && spec.maxLength !== undefined && String(parsed.value).length > spec.maxLength) return fail('边界坐标过多');
      return parsed;
    }
  }
}

/**
 * A value read from the database in the form parseFieldValue gives (MySQL answers booleans as 0 / 1
 * and may answer numbers as strings; a stored boundary may be spaced differently).
 */
export function storedValue(spec: AreaFieldSpec, raw: unknown): unknown {
  if (raw === null || raw === undefined) return spec.kind === AreaFieldKind.BOOLEAN ? false : null;
  switch (spec.kind) {
    case AreaFieldKind.BOOLEAN:
      return raw === true || raw === 1 || raw === '1';
    case AreaFieldKind.INTEGER:
    case AreaFieldKind.REFERENCE:
      return Number(raw);
    case AreaFieldKind.DECIMAL:
    case AreaFieldKind.LONGITUDE:
    case AreaFieldKind.LATITUDE:
      return round(Number(raw), spec.scale ?? 2);
    case AreaFieldKind.GEOJSON: {
      const parsed = parsePolygon(raw);
      return parsed.ok ? parsed.value : String(raw);
    }
    default:
      return raw;
  }
}

/** Whether two values of a field (both in stored form) are the same. */
export function sameValue(spec: AreaFieldSpec, a: unknown, b: unknown): boolean {
  return storedValue(spec, a) === storedValue(spec, b);
}

/**
 * The snapshot check of an approval: the fields whose value now differs from the one the applicant
 * saw (`before`). Fields absent from `before` are not compared.
 */
export function changedSince(before: Record<string, unknown>, current: Record<string, unknown>): string[] {
  return Object.keys(before).filter((field) => {
    const spec = AREA_FIELD_BY_NAME.get(field);
    return spec === undefined || !sameValue(spec, before[field], current[field]);
  });
}

/**
 * Rules across fields, on the record as it would be after the change: 已入住户数 ≤ 总户数, 本期 ≤
 * 总期数, 合同结束 ≥ 合同开始. Answers the changed field each broken rule is blamed on.
 */
export function crossFieldProblems(merged: Record<string, unknown>, changed: ReadonlySet<string>): Array<{ field: string; problem: string }> {
  const rules: Array<{ low: string; high: string; problem: string }> = [
    { low: 'occupiedHouseholds', high: 'totalHouseholds', problem: '已入住户数不能大于总户数' },
    { low: 'phase', high: 'totalPhases', problem: '本期不能大于项目总期数' },
    { low: 'contractStart', high: 'contractEnd', problem: '合同结束日期不能早于合同开始日期' },
  ];
  const problems: Array<{ field: string; problem: string }> = [];
  for (const rule of rules) {
    const [low, high] = [merged[rule.low], merged[rule.high]];
    if (low === null || low === undefined || high === null || high === undefined) continue;
    if (!(changed.has(rule.low) || changed.has(rule.high))) continue;
    if ((low as number | string) > (high as number | string)) problems.push({ field: changed.has(rule.low) ? rule.low : rule.high, problem: rule.problem });
  }
  return problems;
}

/** A refusal of one field of a change: the field's path in the request and the officer's words. */
export interface FieldProblem {
  code: 'FIELD_UNKNOWN' | 'FIELD_NOT_EDITABLE' | 'FIELD_INVALID' | 'FIELD_NEEDS_NO_APPROVAL';
  field: string;
  message: string;
}

export interface SplitChanges {
  /** fields that apply at once, in stored form */
  free: Record<string, unknown>;
  /** fields that wait for the city bureau's approval, in stored form */
  approval: Record<string, unknown>;
}

/**
 * Checks the fields of a change against the catalogue in force and splits them into free and
 * approval fields; the first problem (unknown field, not editable, bad value) refuses the whole
 * change. `path` prefixes the field in the refusal (`changes` → `changes.name`).
 */
export function splitChanges(rules: ReadonlyMap<string, EffectiveFieldRule>, changes: Record<string, unknown>, path: string): { ok: true; split: SplitChanges } | { ok: false; problem: FieldProblem } {
  const split: SplitChanges = { free: {}, approval: {} };
  for (const [field, raw] of Object.entries(changes)) {
    const at = `${path}.${field}`;
    const rule = rules.get(field);
    if (!rule) return { ok: false, problem: { code: 'FIELD_UNKNOWN', field: at, message: `物业区域没有字段${field}` } };
    if (!rule.editable) return { ok: false, problem: { code: 'FIELD_NOT_EDITABLE', field: at, message: `${rule.spec.label}不能在此修改` } };
    const parsed = parseFieldValue(rule.spec, raw);
    if (!parsed.ok) return { ok: false, problem: { code: 'FIELD_INVALID', field: at, message: `${rule.spec.label}${parsed.problem}` } };
    (rule.requiresCityApproval ? split.approval : split.free)[field] = parsed.value;
  }
  return { ok: true, split };
}

/** The fields of `changes` whose value differs from the current one (a change to the same value is no change). */
export function realChanges(changes: Record<string, unknown>, current: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(changes).filter(([field, value]) => {
    const spec = AREA_FIELD_BY_NAME.get(field);
    return !spec || !sameValue(spec, value, current[field]);
  }));
}
