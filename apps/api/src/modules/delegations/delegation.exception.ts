import { HttpStatus } from '@nestjs/common';
import { DelegationErrorCode } from '@szpm/contract';
import { defineErrors } from '../../common/errors/define-errors';

const STATUS: Record<DelegationErrorCode, HttpStatus> = {
  [DelegationErrorCode.NOT_AN_OFFICER]: HttpStatus.FORBIDDEN,
  [DelegationErrorCode.TO_SELF]: HttpStatus.BAD_REQUEST,
  [DelegationErrorCode.DELEGATE_NOT_COLLEAGUE]: HttpStatus.BAD_REQUEST,
  [DelegationErrorCode.NO_REDELEGATION]: HttpStatus.FORBIDDEN,
  [DelegationErrorCode.MODULE_NOT_HELD]: HttpStatus.BAD_REQUEST,
  [DelegationErrorCode.NOTHING_TO_DELEGATE]: HttpStatus.BAD_REQUEST,
  [DelegationErrorCode.INVALID_PERIOD]: HttpStatus.BAD_REQUEST,
  [DelegationErrorCode.OVERLAPPING]: HttpStatus.CONFLICT,
  [DelegationErrorCode.NOT_DELEGATOR]: HttpStatus.FORBIDDEN,
  [DelegationErrorCode.ALREADY_ENDED]: HttpStatus.CONFLICT,
  [DelegationErrorCode.NOT_IN_EFFECT]: HttpStatus.FORBIDDEN,
  [DelegationErrorCode.INVALID_HEADER]: HttpStatus.BAD_REQUEST,
};

/** The field each code is about, so that a 400 names it like a validation error does. */
const FIELD: Partial<Record<DelegationErrorCode, string>> = {
  [DelegationErrorCode.TO_SELF]: 'delegateId',
  [DelegationErrorCode.DELEGATE_NOT_COLLEAGUE]: 'delegateId',
  [DelegationErrorCode.MODULE_NOT_HELD]: 'modules',
  [DelegationErrorCode.NOTHING_TO_DELEGATE]: 'modules',
  [DelegationErrorCode.INVALID_PERIOD]: 'endAt',
  [DelegationErrorCode.INVALID_HEADER]: 'X-On-Behalf-Of',
};

export class DelegationException extends defineErrors(STATUS, FIELD) {}
