import { HttpStatus } from '@nestjs/common';
import { CommonErrorCode, ERROR_MESSAGES, ErrorCode } from '@szpm/contract';

/**
 * Every error the API means to return: a stable code, an HTTP status and the Chinese message
 * from the contract. Modules subclass it in their own `*.exception.ts`.
 */
export class AppException extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message?: string,
    readonly details?: Record<string, unknown> | unknown[],
  ) {
    super(message ?? ERROR_MESSAGES[code]);
  }

  static notFound(what?: string): AppException {
    return new AppException(CommonErrorCode.NOT_FOUND, HttpStatus.NOT_FOUND, what ? `${what}不存在或已被删除` : undefined);
  }

  static forbidden(message?: string): AppException {
    return new AppException(CommonErrorCode.FORBIDDEN, HttpStatus.FORBIDDEN, message);
  }

  static outOfDistrict(): AppException {
    return new AppException(CommonErrorCode.OUT_OF_DISTRICT, HttpStatus.FORBIDDEN);
  }

  static conflict(message?: string): AppException {
    return new AppException(CommonErrorCode.CONFLICT, HttpStatus.CONFLICT, message);
  }

  static invalidField(field: string, message: string): AppException {
    return new AppException(CommonErrorCode.VALIDATION_FAILED, HttpStatus.BAD_REQUEST, message, [
      { field, message, constraint: 'rule' },
    ]);
  }
}
