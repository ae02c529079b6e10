import { HttpStatus } from '@nestjs/common';
import { OwnerErrorCode } from '@szpm/contract';
import { defineErrors } from '../../common/errors/define-errors';

const STATUS: Record<OwnerErrorCode, HttpStatus> = {
  [OwnerErrorCode.NOT_MATCHED]: HttpStatus.BAD_REQUEST,
  [OwnerErrorCode.LOOKUP_LOCKED]: HttpStatus.TOO_MANY_REQUESTS,
  [OwnerErrorCode.PROOF_REQUIRED]: HttpStatus.BAD_REQUEST,
  [OwnerErrorCode.ALREADY_BOUND]: HttpStatus.CONFLICT,
  [OwnerErrorCode.NOT_BOUND]: HttpStatus.FORBIDDEN,
  [OwnerErrorCode.SESSION_REQUIRED]: HttpStatus.UNAUTHORIZED,
};

const FIELD: Partial<Record<OwnerErrorCode, string>> = {
  [OwnerErrorCode.PROOF_REQUIRED]: 'idNumber',
  [OwnerErrorCode.NOT_BOUND]: 'houseId',
};

export class OwnerException extends defineErrors(STATUS, FIELD) {}
