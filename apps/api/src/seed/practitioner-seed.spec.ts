import { CertificateState, EmployerKind, PractitionerPosition, PractitionerStatus } from '@szpm/contract';
import { certificateState, isCertified, validIdNumber } from '../modules/practitioners/practitioner-rules';
import { areaPositions, DEMO_PRACTITIONER_PLAN, practitionerSeedRows, SeedArea } from './practitioner-seed';
import { SeededRandom } from './random';

describe('practitioner seed', () => {
  const now = new Date('2026-12-01T04:00:00Z');
  const today = '2026-12-01';
  const areas: SeedArea[] = Array.from({ length: 120 }, (_, i) => ({ id: i + 1, districtId: 2 + (i % 2), streetId: 201, communityId: 20101, companyId: (i % 10) + 1, households: i === 0 ? 1000 : 40 + (i % 120) }));
  const companies = Array.from({ length: 10 }, (_, i) => ({ id: i + 1, registeredDistrictId: 2 }));
  const rows = practitionerSeedRows(areas, companies, new SeededRandom(7), DEMO_PRACTITIONER_PLAN, now);

  it('is deterministic', () => {
    const again = practitionerSeedRows(areas, companies, new SeededRandom(7), DEMO_PRACTITIONER_PLAN, now);
    expect(again.practitioners.slice(0, 50)).toEqual(rows.practitioners.slice(0, 50));
    expect(again.certificates.length).toBe(rows.certificates.length);
  });

  it('staffs a 1,000-household area with 40–60 people and every area with at least 6, one project manager each', () => {
    const perArea = new Map<number, number>();
    for (const p of rows.practitioners) if (p.propertyAreaId !== null) perArea.set(p.propertyAreaId, (perArea.get(p.propertyAreaId) ?? 0) + 1);
    expect(perArea.get(1)).toBeGreaterThanOrEqual(40);
    expect(perArea.get(1)).toBeLessThanOrEqual(60);
    expect([...perArea.values()].every((n) => n >= 6)).toBe(true);
    expect(perArea.size).toBe(areas.length);
    const big = areaPositions(50, new SeededRandom(1));
    expect(big).toHaveLength(50);
    expect(big.filter((p) => p === PractitionerPosition.PROJECT_MANAGER)).toHaveLength(1);
    expect(big.filter((p) => p === PractitionerPosition.SECURITY).length).toBeGreaterThan(big.filter((p) => p === PractitionerPosition.CLEANER).length);
    expect(rows.practitioners.every((p) => validIdNumber(p.idNumber))).toBe(true);
  });

  it('gives every company HQ staff without an area, and has every state present', () => {
    const hq = rows.practitioners.filter((p) => p.employerKind === EmployerKind.COMPANY);
    expect(new Set(hq.map((p) => p.companyId)).size).toBe(companies.length);
    expect(hq.every((p) => p.propertyAreaId === null && p.streetId === null)).toBe(true);
    expect(rows.practitioners.some((p) => p.status === PractitionerStatus.LEFT && p.leftAt !== null)).toBe(true);
    expect(rows.practitioners.some((p) => p.isPartyMember)).toBe(true);
    const certified = rows.practitioners.filter((p) => isCertified(p.position, rows.certificates.filter((c) => c.practitionerId === p.id), today));
    expect(certified.length).toBeGreaterThan(0);
  });

  it('files 75–90 % of the rosters (some stale) and expires 5–10 % of the certificates, some expiring within 90 days', () => {
    const share = rows.rosters.length / areas.length;
    expect(share).toBeGreaterThanOrEqual(0.65);
    expect(share).toBeLessThanOrEqual(0.95);
    expect(rows.rosters.some((r) => now.getTime() - r.lastUpdatedAt.getTime() > 90 * 86_400_000)).toBe(true);
    expect(rows.rosters.every((r) => r.filedAt <= r.lastUpdatedAt)).toBe(true);
    const states = rows.certificates.map((c) => certificateState(c.expiresAt, today, 90));
    const expired = states.filter((s) => s === CertificateState.EXPIRED).length / states.length;
    expect(expired).toBeGreaterThanOrEqual(0.04);
    expect(expired).toBeLessThanOrEqual(0.11);
    expect(states.filter((s) => s === CertificateState.EXPIRING).length).toBeGreaterThan(0);
    expect(rows.certificates.every((c) => c.issuedAt <= c.expiresAt)).toBe(true);
  });
});
