import { HttpStatus } from '@nestjs/common';
import { CommonFundErrorCode } from '@szpm/contract';
import { defineErrors } from '../../common/errors/define-errors';

const STATUS: Record<CommonFundErrorCode, HttpStatus> = {
  [CommonFundErrorCode.ACCOUNT_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [CommonFundErrorCode.BANK_NOT_SHARED]: HttpStatus.BAD_REQUEST,
  [CommonFundErrorCode.ACCOUNT_NO_INVALID]: HttpStatus.BAD_REQUEST,
  [CommonFundErrorCode.ACCOUNT_DUPLICATE]: HttpStatus.CONFLICT,
  [CommonFundErrorCode.REGISTRANT_TYPE_MISMATCH]: HttpStatus.BAD_REQUEST,
  [CommonFundErrorCode.ACCOUNT_STATUS_UNCHANGED]: HttpStatus.CONFLICT,
  [CommonFundErrorCode.CASE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [CommonFundErrorCode.CASE_STAGE_INVALID]: HttpStatus.CONFLICT,
  [CommonFundErrorCode.DEADLINE_BEFORE_ORDER]: HttpStatus.BAD_REQUEST,
  [CommonFundErrorCode.FEED_NOT_CONFIGURED]: HttpStatus.CONFLICT,
  [CommonFundErrorCode.FEED_UNAVAILABLE]: HttpStatus.BAD_GATEWAY,
};

/** The field each code is about, so that the 4xx names it like a validation error does. */
const FIELD: Partial<Record<CommonFundErrorCode, string>> = {
  [CommonFundErrorCode.BANK_NOT_SHARED]: 'bankId',
  [CommonFundErrorCode.ACCOUNT_NO_INVALID]: 'accountNo',
  [CommonFundErrorCode.ACCOUNT_DUPLICATE]: 'accountNo',
  [CommonFundErrorCode.REGISTRANT_TYPE_MISMATCH]: 'registrantType',
  [CommonFundErrorCode.DEADLINE_BEFORE_ORDER]: 'deadline',
};

export class CommonFundException extends defineErrors(STATUS, FIELD) {}
