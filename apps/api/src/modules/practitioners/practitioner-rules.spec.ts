import { CertificateState, CertificateType, GrantAction, ModuleKey, PractitionerPosition, Role, UnitCategory, rate } from '@szpm/contract';
import { grantKey } from '../../access/actor';
import { maskIdNumber, maskPhone } from '../../common/http/masking';
import { certificateDatesValid, certificateState, isCertified, normaliseIdNumber, qualifies, qualifyingSql, rosterOutdated, seesFullIdentity, validIdNumber } from './practitioner-rules';

describe('practitioner rules', () => {
  it('accepts an 18-character ID number only with a real birth date and the right check character', () => {
    expect(validIdNumber('11010519491231002X')).toBe(true);
    expect(validIdNumber('11010519491231002x')).toBe(true);
    expect(normaliseIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
    expect(validIdNumber('110105194912310021')).toBe(false); // wrong check character
    expect(validIdNumber('110105194902300020')).toBe(false); // 30 February
    expect(validIdNumber('11010519491231002')).toBe(false); // 17 characters
    expect(validIdNumber('1101051949123100AX')).toBe(false);
  });

  it('masks ID numbers and phones in lists', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('refuses a certificate expiring before it was issued, allows the same day', () => {
    expect(certificateDatesValid('2024-05-01', '2024-04-30')).toBe(false);
    expect(certificateDatesValid('2024-05-01', '2024-05-01')).toBe(true);
    expect(certificateDatesValid('2024-05-01', '2030-05-01')).toBe(true);
  });

  it('tells valid, expiring within the window and expired certificates apart at the window edges', () => {
    const today = '2026-12-01';
    expect(certificateState('2026-11-30', today, 90)).toBe(CertificateState.EXPIRED);
    expect(certificateState('2026-12-01', today, 90)).toBe(CertificateState.EXPIRING);
    expect(certificateState('2027-03-01', today, 90)).toBe(CertificateState.EXPIRING); // day 90
    expect(certificateState('2027-03-02', today, 90)).toBe(CertificateState.VALID); // day 91
    expect(certificateState('2026-12-01', today, 0)).toBe(CertificateState.EXPIRING);
  });

  it('counts as certified only a position that needs a certificate, with a qualifying one not expired', () => {
    const today = '2026-12-01';
    const electrician = [{ type: CertificateType.LOW_VOLTAGE_ELECTRICIAN, expiresAt: '2027-01-01' }];
    expect(isCertified(PractitionerPosition.ELECTRICIAN, electrician, today)).toBe(true);
    expect(isCertified(PractitionerPosition.ELECTRICIAN, [{ type: CertificateType.LOW_VOLTAGE_ELECTRICIAN, expiresAt: '2026-11-30' }], today)).toBe(false);
    expect(isCertified(PractitionerPosition.FIRE_CONTROL, electrician, today)).toBe(false); // not the fire-control certificate
    expect(isCertified(PractitionerPosition.SECURITY, [{ type: CertificateType.SECURITY_GUARD, expiresAt: '2030-01-01' }], today)).toBe(false);
    expect(qualifies(PractitionerPosition.LIFT_SAFETY, CertificateType.SPECIAL_EQUIPMENT_SAFETY)).toBe(true);
    expect(qualifyingSql('p', 'c')).toContain("(p.position = 'FIRE_CONTROL' AND c.type IN ('FIRE_FACILITY_OPERATOR'))");
  });

  it('words the certified share with the one rate rule', () => {
    expect(rate(2, 3)).toBe(66.67);
    expect(rate(0, 5)).toBe(0);
    expect(rate(3, 0)).toBe(0);
  });

  it('finds a roster outdated when never filed or not updated for the stale days', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(rosterOutdated(null, now, 90)).toBe(true);
    expect(rosterOutdated(new Date('2026-09-02T00:00:00Z'), now, 90)).toBe(true); // 90 days
    expect(rosterOutdated(new Date('2026-09-03T00:00:00Z'), now, 90)).toBe(false);
  });

  it('shows the full ID number to the own project manager and company and to officers with OPERATE, nobody else', () => {
    const owner = { projectManagerId: 7, companyId: 3 };
    const actor = (role: Role, unitCategory: UnitCategory | null, unitId: number | null, grants: string[] = []) => ({ role, unitCategory, unitId, grants: new Set(grants) });
    expect(seesFullIdentity(actor(Role.PROJECT_MANAGER, UnitCategory.PROJECT_MANAGER, 7), owner)).toBe(true);
    expect(seesFullIdentity(actor(Role.PROJECT_MANAGER, UnitCategory.PROJECT_MANAGER, 8), owner)).toBe(false);
    expect(seesFullIdentity(actor(Role.PROJECT_MANAGER, UnitCategory.PROJECT_MANAGER, 7), { projectManagerId: null, companyId: 3 })).toBe(false);
    expect(seesFullIdentity(actor(Role.PROPERTY_COMPANY, UnitCategory.PROPERTY_COMPANY, 3), owner)).toBe(true);
    expect(seesFullIdentity(actor(Role.PROPERTY_COMPANY, UnitCategory.PROPERTY_COMPANY, 4), owner)).toBe(false);
    expect(seesFullIdentity(actor(Role.OWNERS_COMMITTEE, UnitCategory.OWNERS_COMMITTEE, 7), owner)).toBe(false);
    const operate = grantKey(ModuleKey.PRACTITIONERS, GrantAction.OPERATE);
    const view = grantKey(ModuleKey.PRACTITIONERS, GrantAction.VIEW);
    expect(seesFullIdentity(actor(Role.DISTRICT_LEAD, null, null, [view, operate]), owner)).toBe(true);
    expect(seesFullIdentity(actor(Role.DISTRICT_HANDLER, null, null, [view]), owner)).toBe(false);
  });
});
