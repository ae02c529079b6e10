import { AuthErrorCode, CommonErrorCode } from '@szpm/contract';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api';
import { isStrongPassword, lockoutMinutesLeft, loginErrorMessage, passwordChecks } from '../../src/logic/auth-messages';

const now = new Date('2026-12-01T10:00:00Z');
const locked = (lockedUntil: unknown) => ApiError.fromResponse(423, { statusCode: 423, code: AuthErrorCode.ACCOUNT_LOCKED, message: '密码连续错误次数过多，账号已锁定15分钟，请稍后再试', details: { lockedUntil } });

describe('login messages', () => {
  it('names the minutes left of a lockout, rounded up', () => {
    expect(loginErrorMessage(locked('2026-12-01T10:14:01Z'), now)).toBe('密码连续错误次数过多，账号已锁定，请15分钟后再试');
    expect(lockoutMinutesLeft(locked('2026-12-01T10:00:20Z'), now)).toBe(1);
    // the clock of the browser may run ahead of the server's: never "0 minutes"
    expect(lockoutMinutesLeft(locked('2026-12-01T09:59:00Z'), now)).toBe(1);
  });

  it('falls back to the api’s message when the lockout has no end date', () => {
    expect(loginErrorMessage(locked(undefined), now)).toBe('密码连续错误次数过多，账号已锁定15分钟，请稍后再试');
    expect(loginErrorMessage(locked('not a date'), now)).toBe('密码连续错误次数过多，账号已锁定15分钟，请稍后再试');
  });

  it('shows the api’s message for a wrong password, and a network message when no answer came', () => {
    const wrong = ApiError.fromResponse(401, { statusCode: 401, code: AuthErrorCode.INVALID_CREDENTIALS, message: '用户名或密码错误' });
    expect(loginErrorMessage(wrong, now)).toBe('用户名或密码错误');
    expect(loginErrorMessage(ApiError.network(), now)).toBe('网络连接失败，请检查网络后重试');
  });

  it('names the request number of a server failure', () => {
    const failure = ApiError.fromResponse(500, { statusCode: 500, code: CommonErrorCode.INTERNAL_ERROR, message: '系统繁忙，请稍后再试', requestId: 'req-42' });
    expect(loginErrorMessage(failure, now)).toContain('req-42');
  });
});

describe('password policy', () => {
  it('checks length and character classes as the api does', () => {
    expect(passwordChecks('Ab1!').map((c) => c.ok)).toEqual([false, true]);
    expect(passwordChecks('abcdefgh').map((c) => c.ok)).toEqual([true, false]);
    expect(isStrongPassword('Demo@2026')).toBe(true);
    expect(isStrongPassword('demo2026!')).toBe(true);
    expect(isStrongPassword('demo20266')).toBe(false);
    expect(isStrongPassword(`Aa1${'x'.repeat(62)}`)).toBe(false);
  });
});
