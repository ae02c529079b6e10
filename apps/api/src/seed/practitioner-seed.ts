import { CertificateType, EmployerKind, POSITION_REQUIRED_CERTIFICATES, PractitionerGender, PractitionerPosition, PractitionerStatus } from '@szpm/contract';
import { DataSource, EntityManager } from 'typeorm';
import { insertRows, inChunks } from '../common/sql/insert-rows';
import { Practitioner } from '../modules/practitioners/entities/practitioner.entity';
import { PractitionerCertificate } from '../modules/practitioners/entities/practitioner-certificate.entity';
import { PractitionerAreaCount } from '../modules/practitioners/entities/practitioner-area-count.entity';
import { PractitionerRoster } from '../modules/practitioners/entities/practitioner-roster.entity';
import { countsByArea, qualifiedUntilOf } from '../modules/practitioners/practitioner-counts';
import { addDays } from '../modules/property-areas/facilities/facility-due';
import { IdentityFactory } from './names';
import { shanghaiDay } from './organisation';
import { SeededRandom } from './random';
import { nonEmptyTables, SeedTargetNotEmptyError } from './seed-writer';

export type PractitionerRow = Omit<Practitioner, 'createdAt' | 'updatedAt'>;
export type CertificateRow = Omit<PractitionerCertificate, 'id' | 'createdAt'>;
export type RosterRow = Omit<PractitionerRoster, 'id'>;

/**
 * Domain notes 12e: 40–60 people per residential area of ~1,000 households (proportionally fewer in
 * smaller areas, at least `minPerArea`); company HQ staff; 75–90 % of the projects filed; 5–10 % of
 * the certificates expired and some expiring within 90 days. `householdScale`: how many real
 * households one seeded house stands for (the city seed holds a quarter of Shenzhen's households).
 */
export interface PractitionerSeedPlan {
  householdScale: number;
  minPerArea: number;
  hqStaff: [number, number];
  filedShare: [number, number];
  /** of the filed rosters, the share last updated more than 90 days ago (提醒更新's onlyOutdated finds them) */
  staleShare: number;
}

/** small and fast: HQ staff at the low end of the notes' 10–200 */
export const DEMO_PRACTITIONER_PLAN: PractitionerSeedPlan = { householdScale: 1, minPerArea: 6, hqStaff: [10, 40], filedShare: [0.75, 0.9], staleShare: 0.2 };
/** ≈ 400,000 over 10,000 areas and 3,000 companies */
export const CITY_PRACTITIONER_PLAN: PractitionerSeedPlan = { householdScale: 4, minPerArea: 6, hqStaff: [10, 120], filedShare: [0.75, 0.9], staleShare: 0.2 };

/** per 1,000 households (notes 12e, midpoints): security 17.5, cleaners 11, maintenance + electricians 5.5, gardeners 3.5, customer service 4.5, management 2.5 */
const AREA_MIX: ReadonlyArray<[PractitionerPosition, number]> = [
  [PractitionerPosition.SECURITY, 17.5],
  [PractitionerPosition.CLEANER, 11],
  [PractitionerPosition.MAINTENANCE, 3],
  [PractitionerPosition.ELECTRICIAN, 2.5],
  [PractitionerPosition.GARDENER, 3.5],
  [PractitionerPosition.CUSTOMER_SERVICE, 4.5],
  [PractitionerPosition.FINANCE, 0.8],
  [PractitionerPosition.ADMIN, 0.7],
];

const HQ_MIX: ReadonlyArray<[PractitionerPosition, number]> = [
  [PractitionerPosition.ADMIN, 30],
  [PractitionerPosition.FINANCE, 20],
  [PractitionerPosition.CUSTOMER_SERVICE, 15],
  [PractitionerPosition.MAINTENANCE, 15],
  [PractitionerPosition.ELECTRICIAN, 5],
  [PractitionerPosition.OTHER, 15],
];

/** validity in years of each certificate (特种作业操作证 6 years) */
const VALIDITY: Record<CertificateType, number> = {
  [CertificateType.LOW_VOLTAGE_ELECTRICIAN]: 6,
  [CertificateType.HIGH_VOLTAGE_ELECTRICIAN]: 6,
  [CertificateType.WELDER]: 6,
  [CertificateType.WORK_AT_HEIGHT]: 6,
  [CertificateType.FIRE_FACILITY_OPERATOR]: 5,
  [CertificateType.SPECIAL_EQUIPMENT_SAFETY]: 4,
  [CertificateType.LIFT_SAFETY_MANAGER]: 4,
  [CertificateType.SECURITY_GUARD]: 10,
};

const EDUCATION = ['初中', '高中', '中专', '大专', '本科'];

/** What the seed reads of an area and a company. */
export interface SeedArea {
  id: number;
  districtId: number;
  streetId: number;
  communityId: number;
  companyId: number | null;
  households: number;
}
export interface SeedCompany {
  id: number;
  registeredDistrictId: number;
}

/** How many of each position an area of `people` staff has: one project manager, two fire-control operators from 20, a lift manager from 12, the rest by the mix. */
export function areaPositions(people: number, rng: SeededRandom): PractitionerPosition[] {
  const fixed = [PractitionerPosition.PROJECT_MANAGER];
  if (people >= 20) fixed.push(PractitionerPosition.FIRE_CONTROL, PractitionerPosition.FIRE_CONTROL);
  if (people >= 12) fixed.push(PractitionerPosition.LIFT_SAFETY);
  const rest: PractitionerPosition[] = [];
  const total = AREA_MIX.reduce((n, [, w]) => n + w, 0);
  for (const [position, weight] of AREA_MIX) for (let i = 0; i < Math.round(((people - fixed.length) * weight) / total); i++) rest.push(position);
  while (rest.length < people - fixed.length) rest.push(rng.weighted(AREA_MIX.map(([p]) => p), AREA_MIX.map(([, w]) => w)));
  return [...fixed, ...rest.slice(0, Math.max(0, people - fixed.length))];
}

/**
 * A certificate's dates: 7 % expired (up to 400 days ago), 6 % expiring within 90 days, the others
 * later; issued a validity before expiry.
 */
function certificateDates(type: CertificateType, today: string, rng: SeededRandom): { issuedAt: string; expiresAt: string } {
  const u = rng.next();
  const offset = u < 0.07 ? -rng.int(1, 400) : u < 0.13 ? rng.int(0, 89) : rng.int(91, VALIDITY[type] * 365 - 30);
  const expiresAt = addDays(today, offset);
  return { issuedAt: `${Number(expiresAt.slice(0, 4)) - VALIDITY[type]}${expiresAt.slice(4)}`.replace(/-02-29$/, '-02-28'), expiresAt };
}

/** The certificates a person of a position holds: 85 % of those needing one hold a qualifying one; 60 % of security staff a 保安员证; some electricians also 高处作业. */
function certificatesOf(position: PractitionerPosition, rng: SeededRandom): CertificateType[] {
  const required = POSITION_REQUIRED_CERTIFICATES[position];
  const held: CertificateType[] = [];
  if (required && rng.chance(0.85)) held.push(rng.pick(required));
  if (position === PractitionerPosition.SECURITY && rng.chance(0.6)) held.push(CertificateType.SECURITY_GUARD);
  if ((position === PractitionerPosition.ELECTRICIAN || position === PractitionerPosition.MAINTENANCE) && rng.chance(0.2)) held.push(CertificateType.WORK_AT_HEIGHT);
  return held;
}

export interface PractitionerSeedRows {
  practitioners: PractitionerRow[];
  certificates: CertificateRow[];
  rosters: RosterRow[];
  /** the on-duty staff of each area by position, as the writes keep them (practitioner-counts) */
  areaCounts: PractitionerAreaCount[];
}

/** The rows, ids from 1 (the tables are empty). Deterministic for a given rng, areas, companies and day. */
export function practitionerSeedRows(areas: readonly SeedArea[], companies: readonly SeedCompany[], rng: SeededRandom, plan: PractitionerSeedPlan, now: Date): PractitionerSeedRows {
  const today = shanghaiDay(now);
  const people = new IdentityFactory(rng.fork('people'));
  const practitioners: PractitionerRow[] = [];
  const certificates: CertificateRow[] = [];
  const rosters: RosterRow[] = [];
  let id = 0;
  const person = (base: Pick<PractitionerRow, 'districtId' | 'streetId' | 'communityId' | 'propertyAreaId' | 'companyId' | 'employerKind'>, position: PractitionerPosition) => {
    const left = rng.chance(0.05);
    const hiredAt = addDays(today, -rng.int(30, 3650));
    const row: PractitionerRow = {
      id: ++id,
      ...base,
      name: people.personName(),
      gender: position === PractitionerPosition.SECURITY || position === PractitionerPosition.ELECTRICIAN ? (rng.chance(0.9) ? PractitionerGender.MALE : PractitionerGender.FEMALE) : rng.chance(0.5) ? PractitionerGender.MALE : PractitionerGender.FEMALE,
      idNumber: people.idNumber(),
      phone: people.mobile(),
      position,
      hiredAt,
      leftAt: left ? addDays(today, -rng.int(1, 20)) : null,
      status: left ? PractitionerStatus.LEFT : PractitionerStatus.ON_DUTY,
      isPartyMember: rng.chance(position === PractitionerPosition.PROJECT_MANAGER ? 0.35 : 0.07),
      education: rng.pick(EDUCATION),
      qualifiedUntil: null,
    };
    practitioners.push(row);
    const held: CertificateRow[] = [];
    for (const type of certificatesOf(position, rng)) {
      held.push({ practitionerId: row.id, districtId: row.districtId, streetId: row.streetId, type, certNo: `${type.slice(0, 2)}${row.idNumber.slice(6, 14)}${String(row.id).padStart(6, '0')}`, ...certificateDates(type, today, rng) });
    }
    certificates.push(...held);
    row.qualifiedUntil = qualifiedUntilOf(position, held);
  };
  const byDistrict = new Map<number, SeedArea[]>();
  for (const area of areas) byDistrict.set(area.districtId, [...(byDistrict.get(area.districtId) ?? []), area]);
  for (const [, districtAreas] of byDistrict) {
    const filedShare = plan.filedShare[0] + rng.next() * (plan.filedShare[1] - plan.filedShare[0]);
    for (const area of districtAreas) {
      const count = Math.max(plan.minPerArea, Math.round(((area.households * plan.householdScale) / 1000) * rng.int(40, 60)));
      const base = { districtId: area.districtId, streetId: area.streetId, communityId: area.communityId, propertyAreaId: area.id, companyId: area.companyId, employerKind: EmployerKind.PROJECT };
      for (const position of areaPositions(count, rng)) person(base, position);
      if (rng.chance(filedShare)) {
        const stale = rng.chance(plan.staleShare);
        const lastUpdatedAt = new Date(now.getTime() - (stale ? rng.int(91, 400) : rng.int(0, 80)) * 86_400_000 - rng.int(0, 86_399) * 1000);
        const filedAt = new Date(lastUpdatedAt.getTime() - rng.int(0, 300) * 86_400_000);
        rosters.push({ propertyAreaId: area.id, districtId: area.districtId, streetId: area.streetId, communityId: area.communityId, filedAt, lastUpdatedAt, lastUpdatedById: null, lastUpdatedByName: '项目负责人' });
      }
    }
  }
  for (const company of companies) {
    const base = { districtId: company.registeredDistrictId, streetId: null, communityId: null, propertyAreaId: null, companyId: company.id, employerKind: EmployerKind.COMPANY };
    const staff = rng.int(plan.hqStaff[0], plan.hqStaff[1]);
    for (let i = 0; i < staff; i++) person(base, rng.weighted(HQ_MIX.map(([p]) => p), HQ_MIX.map(([, w]) => w)));
  }
  const areaCounts = [...countsByArea(practitioners)].map(([propertyAreaId, counts]) => ({ propertyAreaId, ...counts }));
  return { practitioners, certificates, rosters, areaCounts };
}

/**
 * Writes the practitioners, certificates and roster filings of the areas of the given districts
 * (null: all) and of every company already written (the seed reads them back), into empty tables,
 * in statements sized by insertRows.
 */
export async function seedPractitioners(
  dataSource: DataSource,
  manager: EntityManager,
  rng: SeededRandom,
  options: { plan: PractitionerSeedPlan; districtIds?: number[] | null; now?: Date },
): Promise<{ practitioners: number; certificates: number; rosters: number; seconds: number }> {
  const started = Date.now();
  const holding = await nonEmptyTables(dataSource, manager, ['practitioners', 'practitioner_certificates', 'practitioner_rosters', 'practitioner_area_counts']);
  if (holding.length) throw new SeedTargetNotEmptyError(holding);
  const districtIds = options.districtIds ?? null;
  const where = districtIds ? `WHERE a.districtId IN (${districtIds.map(() => '?').join(', ')})` : '';
  const rawAreas = (await manager.query(`SELECT a.id, a.districtId, a.streetId, a.communityId, a.companyId, a.houseCount FROM property_areas a ${where} ORDER BY a.id`, districtIds ?? [])) as Array<Record<string, unknown>>;
  const rawCompanies = (await manager.query('SELECT c.id, c.registeredDistrictId FROM property_companies c ORDER BY c.id')) as Array<Record<string, unknown>>;
  const areas: SeedArea[] = rawAreas.map((r) => ({
    id: Number(r.id),
    districtId: Number(r.districtId),
    streetId: Number(r.streetId),
    communityId: Number(r.communityId),
    companyId: r.companyId === null ? null : Number(r.companyId),
    households: Number(r.houseCount ?? 0),
  }));
  const companies: SeedCompany[] = rawCompanies.map((r) => ({ id: Number(r.id), registeredDistrictId: Number(r.registeredDistrictId) }));
  const rows = practitionerSeedRows(areas, companies, rng, options.plan, options.now ?? new Date());
  // chunks bound the rows held per statement batch (insertRows sizes the statements themselves)
  for (const chunk of inChunks(rows.practitioners, 20_000)) {
    await insertRows(manager, Practitioner, chunk);
  }
  for (const chunk of inChunks(rows.certificates, 20_000)) {
    await insertRows(manager, PractitionerCertificate, chunk);
  }
  await insertRows(manager, PractitionerRoster, rows.rosters);
  await insertRows(manager, PractitionerAreaCount, rows.areaCounts);
  return { practitioners: rows.practitioners.length, certificates: rows.certificates.length, rosters: rows.rosters.length, seconds: (Date.now() - started) / 1000 };
}
