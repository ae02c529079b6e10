import {
  CERTIFIED_POSITIONS,
  CertificateState,
  CertificateType,
  GrantAction,
  ModuleKey,
  POSITION_REQUIRED_CERTIFICATES,
  PractitionerPosition,
  Role,
  UnitCategory,
} from '@szpm/contract';
import { Actor, grantKey } from '../../access/actor';
import { addDays } from '../property-areas/facilities/facility-due';

/** 11 digits, 1 then 3–9: a mainland mobile number (the same rule as accounts). */
export const PRACTITIONER_PHONE = /^1[3-9]\d{9}$/;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The stored form of an ID number: trimmed, x in capitals. */
export function normaliseIdNumber(idNumber: string): string {
  return idNumber.trim().toUpperCase();
}

/** A valid 18-character 居民身份证号码 (GB 11643): digits, a real birth date, and the right check character. */
export function validIdNumber(idNumber: string): boolean {
  const id = normaliseIdNumber(idNumber);
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const date = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== birth || birth < '1900-01-01') return false;
  const sum = ID_WEIGHTS.reduce((n, w, i) => n + w * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17];
}

/** A certificate's 有效期至 may not lie before its 发证日期 (the same day is allowed). */
export function certificateDatesValid(issuedAt: string, expiresAt: string): boolean {
  return expiresAt >= issuedAt;
}

/** 已过期 after its expiry day, 即将到期 when it expires within `withinDays` of `today`, else 有效. */
export function certificateState(expiresAt: string, today: string, withinDays: number): CertificateState {
  if (expiresAt < today) return CertificateState.EXPIRED;
  return expiresAt <= addDays(today, withinDays) ? CertificateState.EXPIRING : CertificateState.VALID;
}

/** Whether a certificate of `type` qualifies a practitioner of `position` (only positions that need one). */
export function qualifies(position: PractitionerPosition, type: CertificateType): boolean {
  return POSITION_REQUIRED_CERTIFICATES[position]?.includes(type) ?? false;
}

/** 持证: a position that needs a certificate, with a qualifying one not expired on `today`. */
export function isCertified(position: PractitionerPosition, certificates: ReadonlyArray<{ type: CertificateType; expiresAt: string }>, today: string): boolean {
  return certificates.some((c) => qualifies(position, c.type) && c.expiresAt >= today);
}

/**
 * The same rule as SQL over practitioners `p` and their certificates `c` (the statistics' 持证人数):
 * `(p.position = 'ELECTRICIAN' AND c.type IN (...)) OR ...`. Only enum constants are inlined.
 */
export function qualifyingSql(p: string, c: string): string {
  return CERTIFIED_POSITIONS.map((position) => `(${p}.position = '${position}' AND ${c}.type IN (${POSITION_REQUIRED_CERTIFICATES[position]!.map((t) => `'${t}'`).join(', ')}))`).join(' OR ');
}

/** A roster that 提醒更新 with onlyOutdated asks about: never filed, or last updated `staleDays` or more ago. */
export function rosterOutdated(lastUpdatedAt: Date | null, now: Date, staleDays: number): boolean {
  return lastUpdatedAt === null || now.getTime() - lastUpdatedAt.getTime() >= staleDays * 86_400_000;
}

/** What a reader is to a practitioner's project: the project manager, the property company, or neither. */
export interface PractitionerOwner {
  /** the project manager of the practitioner's area (null: company staff or none) */
  projectManagerId: number | null;
  companyId: number | null;
}

/**
 * Who sees a practitioner's ID number and phone whole: the project manager of the practitioner's
 * own project, the property company that employs them, and officers with the chapter's OPERATE
 * grant (they act on the records). Everyone else — officers with only VIEW, street offices,
 * owners' committees — reads them masked.
 */
export function seesFullIdentity(actor: Pick<Actor, 'role' | 'unitCategory' | 'unitId' | 'grants'>, owner: PractitionerOwner): boolean {
  if (actor.role === Role.PROJECT_MANAGER) return actor.unitCategory === UnitCategory.PROJECT_MANAGER && actor.unitId !== null && actor.unitId === owner.projectManagerId;
  if (actor.role === Role.PROPERTY_COMPANY) return actor.unitCategory === UnitCategory.PROPERTY_COMPANY && actor.unitId !== null && actor.unitId === owner.companyId;
  if (actor.role === Role.OWNERS_COMMITTEE) return false;
  return actor.grants.has(grantKey(ModuleKey.PRACTITIONERS, GrantAction.OPERATE));
}
