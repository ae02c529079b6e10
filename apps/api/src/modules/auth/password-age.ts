import { PasswordChangeReason, PasswordChangeStatus } from '@szpm/contract';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Why an account must change its password before anything else: INITIAL while it still has the
 * password an admin set (creation or reset: passwordChangedAt null), EXPIRED once the owner's own
 * password is older than `maxAgeDays` (0: passwords never expire); null when it may go on.
 */
export function passwordChangeReason(passwordChangedAt: Date | null, maxAgeDays: number, now: Date = new Date()): PasswordChangeReason | null {
  if (passwordChangedAt === null) return 'INITIAL';
  if (maxAgeDays > 0 && now.getTime() - passwordChangedAt.getTime() >= maxAgeDays * DAY_MS) return 'EXPIRED';
  return null;
}

/** The login and GET /api/auth/me fields that tell the client to send the officer to the password change. */
export function passwordChangeStatus(passwordChangedAt: Date | null, maxAgeDays: number, now: Date = new Date()): PasswordChangeStatus {
  const reason = passwordChangeReason(passwordChangedAt, maxAgeDays, now);
  return { passwordChangeRequired: reason !== null, passwordChangeReason: reason };
}

/** Whether a request's actor must change its password first (actors that jobs and specs build carry no date: never). */
export function passwordChangePending(actor: { passwordChangedAt?: Date | null }, maxAgeDays: number): boolean {
  return actor.passwordChangedAt !== undefined && passwordChangeReason(actor.passwordChangedAt, maxAgeDays) !== null;
}
