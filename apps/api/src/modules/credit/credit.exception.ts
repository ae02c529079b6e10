import { HttpStatus } from '@nestjs/common';
import { CreditErrorCode } from '@szpm/contract';
import { defineErrors } from '../../common/errors/define-errors';

/** Every credit rule is about one field of the request: a 400 naming it. */
const STATUS: Record<CreditErrorCode, HttpStatus> = {
  [CreditErrorCode.RECORD_DATE_IN_FUTURE]: HttpStatus.BAD_REQUEST,
  [CreditErrorCode.VALID_UNTIL_BEFORE_RECORD_DATE]: HttpStatus.BAD_REQUEST,
};

const FIELD: Record<CreditErrorCode, string> = {
  [CreditErrorCode.RECORD_DATE_IN_FUTURE]: 'recordDate',
  [CreditErrorCode.VALID_UNTIL_BEFORE_RECORD_DATE]: 'validUntil',
};

export class CreditException extends defineErrors(STATUS, FIELD) {}
