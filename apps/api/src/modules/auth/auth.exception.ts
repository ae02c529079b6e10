import { HttpStatus } from '@nestjs/common';
import { AuthErrorCode } from '@szpm/contract';
import { defineErrors } from '../../common/errors/define-errors';

const STATUS: Record<AuthErrorCode, HttpStatus> = {
  [AuthErrorCode.INVALID_CREDENTIALS]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.ACCOUNT_LOCKED]: HttpStatus.LOCKED,
  [AuthErrorCode.ACCOUNT_INACTIVE]: HttpStatus.FORBIDDEN,
  [AuthErrorCode.INVALID_REFRESH_TOKEN]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.WEAK_PASSWORD]: HttpStatus.BAD_REQUEST,
  [AuthErrorCode.WRONG_CURRENT_PASSWORD]: HttpStatus.BAD_REQUEST,
  [AuthErrorCode.PASSWORD_CHANGE_REQUIRED]: HttpStatus.FORBIDDEN,
  [AuthErrorCode.PASSWORD_UNCHANGED]: HttpStatus.BAD_REQUEST,
};

export class AuthException extends defineErrors(STATUS) {}
