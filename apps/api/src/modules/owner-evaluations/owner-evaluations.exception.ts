import { HttpStatus } from '@nestjs/common';
import { OwnerEvaluationErrorCode } from '@szpm/contract';
import { defineErrors } from '../../common/errors/define-errors';

const STATUS: Record<OwnerEvaluationErrorCode, HttpStatus> = {
  [OwnerEvaluationErrorCode.ALREADY_EVALUATED]: HttpStatus.CONFLICT,
  [OwnerEvaluationErrorCode.REASON_REQUIRED]: HttpStatus.BAD_REQUEST,
  [OwnerEvaluationErrorCode.ITEMS_INCOMPLETE]: HttpStatus.BAD_REQUEST,
  [OwnerEvaluationErrorCode.NO_COMMITTEE]: HttpStatus.BAD_REQUEST,
  [OwnerEvaluationErrorCode.REASON_UNKNOWN]: HttpStatus.BAD_REQUEST,
  [OwnerEvaluationErrorCode.ALREADY_REPLIED]: HttpStatus.CONFLICT,
  [OwnerEvaluationErrorCode.NOT_YOURS]: HttpStatus.FORBIDDEN,
  [OwnerEvaluationErrorCode.MONTH_IN_FUTURE]: HttpStatus.BAD_REQUEST,
};

const FIELD: Partial<Record<OwnerEvaluationErrorCode, string>> = {
  [OwnerEvaluationErrorCode.REASON_REQUIRED]: 'answers',
  [OwnerEvaluationErrorCode.ITEMS_INCOMPLETE]: 'answers',
  [OwnerEvaluationErrorCode.NO_COMMITTEE]: 'target',
  [OwnerEvaluationErrorCode.REASON_UNKNOWN]: 'answers',
  [OwnerEvaluationErrorCode.MONTH_IN_FUTURE]: 'month',
};

export class OwnerEvaluationException extends defineErrors(STATUS, FIELD) {}
