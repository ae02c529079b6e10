import { HttpStatus } from '@nestjs/common';
import { PractitionerErrorCode } from '@szpm/contract';
import { defineErrors } from '../../common/errors/define-errors';

const STATUS: Record<PractitionerErrorCode, HttpStatus> = {
  [PractitionerErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [PractitionerErrorCode.CERTIFICATE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [PractitionerErrorCode.ID_NUMBER_INVALID]: HttpStatus.BAD_REQUEST,
  [PractitionerErrorCode.ID_NUMBER_TAKEN]: HttpStatus.CONFLICT,
  [PractitionerErrorCode.CERTIFICATE_DATES_INVALID]: HttpStatus.BAD_REQUEST,
  [PractitionerErrorCode.LEFT_BEFORE_HIRED]: HttpStatus.BAD_REQUEST,
  [PractitionerErrorCode.ALREADY_LEFT]: HttpStatus.CONFLICT,
  [PractitionerErrorCode.NOT_OWN_PROJECT]: HttpStatus.FORBIDDEN,
};

/** The field each code is about, so that the 4xx names it like a validation error does (and an import names its column). */
const FIELD: Partial<Record<PractitionerErrorCode, string>> = {
  [PractitionerErrorCode.ID_NUMBER_INVALID]: 'idNumber',
  [PractitionerErrorCode.ID_NUMBER_TAKEN]: 'idNumber',
  [PractitionerErrorCode.CERTIFICATE_DATES_INVALID]: 'expiresAt',
  [PractitionerErrorCode.LEFT_BEFORE_HIRED]: 'leftAt',
};

export class PractitionerException extends defineErrors(STATUS, FIELD) {}
