import { CERTIFIED_POSITIONS, CertificateType, EmployerKind, POSITION_REQUIRED_CERTIFICATES, PractitionerPosition, PractitionerStatus } from '@szpm/contract';
import { EntityManager } from 'typeorm';
import { Practitioner, PractitionerAreaCount, PractitionerCertificate } from './entities';

/** The counted columns of practitioner_area_counts. */
export const AREA_COUNT_COLUMNS = [
  'people',
  'managers',
  'customerService',
  'security',
  'cleaners',
  'gardeners',
  'maintenance',
  'electricians',
  'fireControl',
  'liftSafety',
  'otherPositions',
  'needCertificate',
  'partyMembers',
] as const;

export type AreaCountColumn = (typeof AREA_COUNT_COLUMNS)[number];
export type AreaCounts = Record<AreaCountColumn, number>;

/** The column of each position (财务, 行政, 其他 share 其他岗位). */
export const POSITION_COLUMN: Record<PractitionerPosition, AreaCountColumn> = {
  [PractitionerPosition.PROJECT_MANAGER]: 'managers',
  [PractitionerPosition.CUSTOMER_SERVICE]: 'customerService',
  [PractitionerPosition.SECURITY]: 'security',
  [PractitionerPosition.CLEANER]: 'cleaners',
  [PractitionerPosition.GARDENER]: 'gardeners',
  [PractitionerPosition.MAINTENANCE]: 'maintenance',
  [PractitionerPosition.ELECTRICIAN]: 'electricians',
  [PractitionerPosition.FIRE_CONTROL]: 'fireControl',
  [PractitionerPosition.LIFT_SAFETY]: 'liftSafety',
  [PractitionerPosition.FINANCE]: 'otherPositions',
  [PractitionerPosition.ADMIN]: 'otherPositions',
  [PractitionerPosition.OTHER]: 'otherPositions',
};

export const zeroCounts = (): AreaCounts => Object.fromEntries(AREA_COUNT_COLUMNS.map((c) => [c, 0])) as AreaCounts;

type Counted = Pick<Practitioner, 'employerKind' | 'status' | 'position' | 'isPartyMember' | 'propertyAreaId'>;

/** What one practitioner adds to its area's counts: only on-duty project staff count. */
export function contributionOf(p: Counted | null): AreaCounts {
  const counts = zeroCounts();
  if (!p || p.employerKind !== EmployerKind.PROJECT || p.status !== PractitionerStatus.ON_DUTY || p.propertyAreaId === null) return counts;
  counts.people = 1;
  counts[POSITION_COLUMN[p.position]] += 1;
  if (CERTIFIED_POSITIONS.includes(p.position)) counts.needCertificate = 1;
  if (p.isPartyMember) counts.partyMembers = 1;
  return counts;
}

/** Sums the contributions of practitioners per area (the seed's and the backfill's rows). */
export function countsByArea(rows: Iterable<Counted>): Map<number, AreaCounts> {
  const byArea = new Map<number, AreaCounts>();
  for (const p of rows) {
    const c = contributionOf(p);
    if (!c.people || p.propertyAreaId === null) continue;
    const into = byArea.get(p.propertyAreaId) ?? zeroCounts();
    for (const column of AREA_COUNT_COLUMNS) into[column] += c[column];
    byArea.set(p.propertyAreaId, into);
  }
  return byArea;
}

/**
 * The latest 有效期至 among the certificates that qualify `position` (null: none, or a position
 * that needs none). 持证 on a day is then qualifiedUntil >= day (the same as isCertified).
 */
export function qualifiedUntilOf(position: PractitionerPosition, certificates: ReadonlyArray<{ type: CertificateType; expiresAt: string }>): string | null {
  const types = POSITION_REQUIRED_CERTIFICATES[position];
  if (!types) return null;
  let latest: string | null = null;
  for (const c of certificates) if (types.includes(c.type) && (latest === null || c.expiresAt > latest)) latest = c.expiresAt;
  return latest;
}

/**
 * Moves the area counts by the change of one practitioner from `before` (null: new) to `after`,
 * in the caller's transaction. Relative updates (col = col + d), so concurrent writes to one area
 * add up; the row is created (empty) first when missing.
 */
export async function moveAreaCounts(manager: EntityManager, before: Counted | null, after: Counted | null): Promise<void> {
  const from = contributionOf(before);
  const to = contributionOf(after);
  const areaIds = new Set([before?.propertyAreaId, after?.propertyAreaId].filter((id): id is number => typeof id === 'number'));
  for (const areaId of areaIds) {
    const delta = zeroCounts();
    for (const column of AREA_COUNT_COLUMNS) delta[column] = (after?.propertyAreaId === areaId ? to[column] : 0) - (before?.propertyAreaId === areaId ? from[column] : 0);
    const changed = AREA_COUNT_COLUMNS.filter((column) => delta[column] !== 0);
    if (!changed.length) continue;
    await manager.createQueryBuilder().insert().into(PractitionerAreaCount).values({ propertyAreaId: areaId }).orIgnore().execute();
    const set: Record<string, () => string> = {};
    // only integers computed above are inlined
    for (const column of changed) set[column] = () => `${manager.connection.driver.escape(column)} + (${delta[column]})`;
    await manager.createQueryBuilder().update(PractitionerAreaCount).set(set).where('propertyAreaId = :areaId', { areaId }).execute();
  }
}

/** Recomputes a practitioner's qualifiedUntil from its certificates (after a certificate or position write). */
export async function refreshQualifiedUntil(manager: EntityManager, practitioner: Practitioner): Promise<void> {
  // eslint-disable-next-line szpm/no-raw-scoped-access -- the certificates of a practitioner the caller admitted
  const certificates = await manager.getRepository(PractitionerCertificate).find({ select: { type: true, expiresAt: true }, where: { practitionerId: practitioner.id } });
  const qualifiedUntil = qualifiedUntilOf(practitioner.position, certificates);
  if ((practitioner.qualifiedUntil ?? null) === qualifiedUntil) return;
  // eslint-disable-next-line szpm/no-raw-scoped-access -- the same practitioner, its derived column only
  await manager.getRepository(Practitioner).update({ id: practitioner.id }, { qualifiedUntil });
  practitioner.qualifiedUntil = qualifiedUntil;
}
