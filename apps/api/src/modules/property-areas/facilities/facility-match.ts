/**
 * How an imported row finds the facility it updates (issue 14: upsert by register number or by name
 * + position). Pure functions: the service loads the area's facilities, these decide.
 */

/** What identifies a facility within its area besides the 注册代码. */
export interface FacilityKeyParts {
  name: string;
  /** building name (the sheet) or id (the store) — the same within one comparison */
  building: string | number | null;
  unitName: string | null;
  position: string | null;
}

const norm = (text: string | number | null) => (text === null ? '' : String(text).trim().replace(/\s+/g, ' ').toUpperCase());

/** 设备名称 + 楼栋 + 单元 + 位置, blanks and case ignored. */
export function facilityKey(parts: FacilityKeyParts): string {
  return [parts.name, parts.building, parts.unitName, parts.position].map(norm).join('\u0000');
}

export interface MatchCandidate {
  id: number;
  registerNumber: string | null;
  key: string;
}

export type FacilityMatch = { kind: 'new' } | { kind: 'update'; id: number } | { kind: 'conflict'; on: 'registerNumber' | 'key'; id: number };

/**
 * The facility of the area a row updates:
 * 1. a row with a 注册代码 updates the facility holding that code;
 * 2. otherwise the facility with the same name + building + unit + position, unless that one holds
 *    another 注册代码 (then it is another device: a conflict on the key);
 * 3. otherwise the row is new.
 * When the code names one facility and the key another, the row would make them clash: a conflict.
 */
export function matchFacility(candidates: readonly MatchCandidate[], row: { registerNumber: string | null; key: string }): FacilityMatch {
  const code = row.registerNumber ? norm(row.registerNumber) : null;
  const byCode = code ? candidates.find((c) => c.registerNumber !== null && norm(c.registerNumber) === code) : undefined;
  const byKey = candidates.find((c) => c.key === row.key);
  if (byCode) {
    if (byKey && byKey.id !== byCode.id) return { kind: 'conflict', on: 'key', id: byKey.id };
    return { kind: 'update', id: byCode.id };
  }
  if (byKey) {
    if (code && byKey.registerNumber !== null) return { kind: 'conflict', on: 'registerNumber', id: byKey.id };
    return { kind: 'update', id: byKey.id };
  }
  return { kind: 'new' };
}
