import { HttpStatus } from '@nestjs/common';
import { ObjectionErrorCode } from '@szpm/contract';
import { defineErrors } from '../../../common/errors/define-errors';

const STATUS: Record<ObjectionErrorCode, HttpStatus> = {
  [ObjectionErrorCode.NOT_A_SUBJECT]: HttpStatus.FORBIDDEN,
  [ObjectionErrorCode.TARGET_NOT_FOUND]: HttpStatus.BAD_REQUEST,
  [ObjectionErrorCode.TARGET_NOT_OBJECTABLE]: HttpStatus.CONFLICT,
  [ObjectionErrorCode.KIND_NOT_USABLE]: HttpStatus.BAD_REQUEST,
  [ObjectionErrorCode.DUPLICATE]: HttpStatus.CONFLICT,
  [ObjectionErrorCode.STATEMENT_FIXED]: HttpStatus.BAD_REQUEST,
  [ObjectionErrorCode.DRAFT_NOT_APPLICABLE]: HttpStatus.BAD_REQUEST,
  [ObjectionErrorCode.RECORD_CHANGED]: HttpStatus.CONFLICT,
  [ObjectionErrorCode.KIND_CODE_TAKEN]: HttpStatus.CONFLICT,
};

export class ObjectionException extends defineErrors(STATUS) {}
