import { CertificateType, EmployerKind, PractitionerPosition, PractitionerStatus } from '@szpm/contract';
import { AREA_COUNT_COLUMNS, contributionOf, countsByArea, POSITION_COLUMN, qualifiedUntilOf, zeroCounts } from './practitioner-counts';
import { isCertified } from './practitioner-rules';

const onDuty = (position: PractitionerPosition, extra: Partial<{ isPartyMember: boolean; propertyAreaId: number | null; status: PractitionerStatus; employerKind: EmployerKind }> = {}) => ({
  position,
  isPartyMember: false,
  propertyAreaId: 7,
  status: PractitionerStatus.ON_DUTY,
  employerKind: EmployerKind.PROJECT,
  ...extra,
});

describe('practitioner area counts', () => {
  it('counts an on-duty project person once in 从业人员数, once in its position, in 须持证 and 党员 where they apply', () => {
    expect(contributionOf(onDuty(PractitionerPosition.ELECTRICIAN, { isPartyMember: true }))).toEqual({ ...zeroCounts(), people: 1, electricians: 1, needCertificate: 1, partyMembers: 1 });
    expect(contributionOf(onDuty(PractitionerPosition.FINANCE))).toEqual({ ...zeroCounts(), people: 1, otherPositions: 1 });
    for (const position of Object.values(PractitionerPosition)) {
      const c = contributionOf(onDuty(position));
      expect(c[POSITION_COLUMN[position]]).toBe(1);
      expect(AREA_COUNT_COLUMNS.filter((k) => k !== 'people' && k !== 'needCertificate' && c[k] > 0)).toEqual([POSITION_COLUMN[position]]);
    }
  });

  it('counts nobody who left, company staff or no one', () => {
    expect(contributionOf(onDuty(PractitionerPosition.SECURITY, { status: PractitionerStatus.LEFT }))).toEqual(zeroCounts());
    expect(contributionOf(onDuty(PractitionerPosition.SECURITY, { employerKind: EmployerKind.COMPANY, propertyAreaId: null }))).toEqual(zeroCounts());
    expect(contributionOf(null)).toEqual(zeroCounts());
  });

  it('sums per area', () => {
    const byArea = countsByArea([onDuty(PractitionerPosition.SECURITY), onDuty(PractitionerPosition.SECURITY, { propertyAreaId: 8 }), onDuty(PractitionerPosition.LIFT_SAFETY), onDuty(PractitionerPosition.CLEANER, { status: PractitionerStatus.LEFT })]);
    expect(byArea.get(7)).toEqual({ ...zeroCounts(), people: 2, security: 1, liftSafety: 1, needCertificate: 1 });
    expect(byArea.get(8)).toEqual({ ...zeroCounts(), people: 1, security: 1 });
  });

  it('keeps the latest expiry of a qualifying certificate, so that qualifiedUntil >= day is isCertified on that day', () => {
    const certificates = [
      { type: CertificateType.LOW_VOLTAGE_ELECTRICIAN, expiresAt: '2026-03-01' },
      { type: CertificateType.HIGH_VOLTAGE_ELECTRICIAN, expiresAt: '2027-01-10' },
      { type: CertificateType.WORK_AT_HEIGHT, expiresAt: '2030-01-01' },
    ];
    expect(qualifiedUntilOf(PractitionerPosition.ELECTRICIAN, certificates)).toBe('2027-01-10');
    expect(qualifiedUntilOf(PractitionerPosition.FIRE_CONTROL, certificates)).toBeNull();
    expect(qualifiedUntilOf(PractitionerPosition.SECURITY, [{ type: CertificateType.SECURITY_GUARD, expiresAt: '2030-01-01' }])).toBeNull();
    for (const day of ['2026-01-01', '2026-03-02', '2027-01-10', '2027-01-11']) {
      const until = qualifiedUntilOf(PractitionerPosition.ELECTRICIAN, certificates);
      expect(until !== null && until >= day).toBe(isCertified(PractitionerPosition.ELECTRICIAN, certificates, day));
    }
  });
});
