import { passwordChangeReason, passwordChangeStatus } from './password-age';

describe('password age (chapter 2: forced change of an initial or expired password)', () => {
  const now = new Date('2026-07-01T12:00:00+08:00');
  const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 3600 * 1000);

  it('asks for a change of the initial password, whatever the age limit', () => {
    expect(passwordChangeReason(null, 90, now)).toBe('INITIAL');
    expect(passwordChangeReason(null, 0, now)).toBe('INITIAL');
  });

  it('lets an own password live up to the limit, and asks for a change from the limit on', () => {
    expect(passwordChangeReason(daysAgo(89.99), 90, now)).toBeNull();
    expect(passwordChangeReason(daysAgo(90), 90, now)).toBe('EXPIRED');
    expect(passwordChangeReason(daysAgo(400), 90, now)).toBe('EXPIRED');
  });

  it('never expires an own password with a limit of 0', () => {
    expect(passwordChangeReason(daysAgo(10_000), 0, now)).toBeNull();
  });

  it('answers the flag and the reason together', () => {
    expect(passwordChangeStatus(null, 90, now)).toEqual({ passwordChangeRequired: true, passwordChangeReason: 'INITIAL' });
    expect(passwordChangeStatus(daysAgo(1), 90, now)).toEqual({ passwordChangeRequired: false, passwordChangeReason: null });
  });
});
