import { HttpStatus } from '@nestjs/common';
import { IdentityErrorCode } from '@szpm/contract';
import { defineErrors } from '../../common/errors/define-errors';

const STATUS: Record<IdentityErrorCode, HttpStatus> = {
  [IdentityErrorCode.PERSON_NOT_FOUND]: HttpStatus.BAD_REQUEST,
  [IdentityErrorCode.ALREADY_BOUND]: HttpStatus.CONFLICT,
  [IdentityErrorCode.WECHAT_ALREADY_BOUND]: HttpStatus.CONFLICT,
  [IdentityErrorCode.SMS_CODE_TOO_FREQUENT]: HttpStatus.TOO_MANY_REQUESTS,
  [IdentityErrorCode.SMS_CODE_INVALID]: HttpStatus.BAD_REQUEST,
  [IdentityErrorCode.SMS_CODE_EXPIRED]: HttpStatus.BAD_REQUEST,
  [IdentityErrorCode.SMS_CODE_LOCKED]: HttpStatus.LOCKED,
  [IdentityErrorCode.LOOKUP_LOCKED]: HttpStatus.TOO_MANY_REQUESTS,
  [IdentityErrorCode.SMS_SEND_FAILED]: HttpStatus.BAD_GATEWAY,
  [IdentityErrorCode.BIND_TICKET_INVALID]: HttpStatus.UNAUTHORIZED,
  [IdentityErrorCode.WECHAT_LOGIN_FAILED]: HttpStatus.BAD_REQUEST,
  [IdentityErrorCode.WECHAT_NOT_CONFIGURED]: HttpStatus.SERVICE_UNAVAILABLE,
  [IdentityErrorCode.WECHAT_UNAVAILABLE]: HttpStatus.BAD_GATEWAY,
  [IdentityErrorCode.NOT_BOUND]: HttpStatus.BAD_REQUEST,
};

export class IdentityException extends defineErrors(STATUS) {}
