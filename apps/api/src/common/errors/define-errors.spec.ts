import { HttpStatus } from '@nestjs/common';
import { AuthErrorCode, ERROR_MESSAGES } from '@szpm/contract';
import { AppException } from './app.exception';
import { defineErrors } from './define-errors';

type Code = AuthErrorCode.WEAK_PASSWORD | AuthErrorCode.ACCOUNT_LOCKED;

class SampleException extends defineErrors<Code>(
  { [AuthErrorCode.WEAK_PASSWORD]: HttpStatus.BAD_REQUEST, [AuthErrorCode.ACCOUNT_LOCKED]: HttpStatus.LOCKED },
  { [AuthErrorCode.WEAK_PASSWORD]: 'newPassword' },
) {}

describe('defineErrors', () => {
  it('gives each code its status and the contract message', () => {
    const error = new SampleException(AuthErrorCode.ACCOUNT_LOCKED);
    expect(error).toBeInstanceOf(AppException);
    expect(error).toBeInstanceOf(SampleException);
    expect(error.code).toBe(AuthErrorCode.ACCOUNT_LOCKED);
    expect(error.status).toBe(HttpStatus.LOCKED);
    expect(error.message).toBe(ERROR_MESSAGES[AuthErrorCode.ACCOUNT_LOCKED]);
    expect(error.details).toBeUndefined();
  });

  it('names the default field of a code in details, like a validation error', () => {
    const error = new SampleException(AuthErrorCode.WEAK_PASSWORD);
    expect(error.status).toBe(HttpStatus.BAD_REQUEST);
    expect(error.details).toEqual([{ field: 'newPassword', message: ERROR_MESSAGES[AuthErrorCode.WEAK_PASSWORD], constraint: 'rule' }]);
  });

  it('lets the call name another field and word the message; the detail carries that message', () => {
    const error = new SampleException(AuthErrorCode.WEAK_PASSWORD, { field: 'payload.password', message: '密码太短' });
    expect(error.message).toBe('密码太短');
    expect(error.details).toEqual([{ field: 'payload.password', message: '密码太短', constraint: 'rule' }]);
  });

  it('passes details through when no field is named, and a status override', () => {
    const error = new SampleException(AuthErrorCode.ACCOUNT_LOCKED, { details: { lockedUntil: 'x' }, status: HttpStatus.TOO_MANY_REQUESTS });
    expect(error.details).toEqual({ lockedUntil: 'x' });
    expect(error.status).toBe(HttpStatus.TOO_MANY_REQUESTS);
  });

  it('prefers the named field over details', () => {
    const error = new SampleException(AuthErrorCode.WEAK_PASSWORD, { details: { ignored: true } });
    expect(error.details).toEqual([expect.objectContaining({ field: 'newPassword' })]);
  });
});
