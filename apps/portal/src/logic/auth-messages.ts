import { AuthErrorCode } from '@szpm/contract';
import { ApiError, errorMessage } from '../api';

/** Minutes until a lockout ends (rounded up, at least 1), from the 423 answer's `lockedUntil`. */
export function lockoutMinutesLeft(error: ApiError, now: Date = new Date()): number | null {
  const details = error.details as Record<string, unknown> | undefined;
  const until = details && !Array.isArray(details) && typeof details.lockedUntil === 'string' ? Date.parse(details.lockedUntil) : NaN;
  if (Number.isNaN(until)) return null;
  return Math.max(1, Math.ceil((until - now.getTime()) / 60_000));
}

/** What the login page says when signing in failed. */
export function loginErrorMessage(error: unknown, now: Date = new Date()): string {
  if (error instanceof ApiError && error.code === AuthErrorCode.ACCOUNT_LOCKED) {
    const minutes = lockoutMinutesLeft(error, now);
    if (minutes !== null) return `密码连续错误次数过多，账号已锁定，请${minutes}分钟后再试`;
  }
  return errorMessage(error);
}

export interface PasswordCheck {
  label: string;
  ok: boolean;
}

/** The password policy as the api enforces it (apps/api/src/modules/auth/password.ts), item by item. */
export function passwordChecks(password: string): PasswordCheck[] {
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  return [
    { label: '8至64位', ok: password.length >= 8 && password.length <= 64 },
    { label: '包含大写字母、小写字母、数字、符号中的至少三类', ok: classes >= 3 },
  ];
}

export const isStrongPassword = (password: string): boolean => passwordChecks(password).every((c) => c.ok);
