import { HttpStatus } from '@nestjs/common';
import { ServiceEvaluationErrorCode } from '@szpm/contract';
import { defineErrors } from '../../common/errors/define-errors';

const STATUS: Record<ServiceEvaluationErrorCode, HttpStatus> = {
  [ServiceEvaluationErrorCode.SUBJECT_NOT_IN_DISTRICT]: HttpStatus.BAD_REQUEST,
  [ServiceEvaluationErrorCode.CATALOGUE_ENTRY_NOT_USABLE]: HttpStatus.BAD_REQUEST,
  [ServiceEvaluationErrorCode.CATALOGUE_CODE_TAKEN]: HttpStatus.CONFLICT,
  [ServiceEvaluationErrorCode.FACT_DATE_IN_FUTURE]: HttpStatus.BAD_REQUEST,
  [ServiceEvaluationErrorCode.INVALID_LINKED_RECORD]: HttpStatus.BAD_REQUEST,
  [ServiceEvaluationErrorCode.RECORD_NOT_EFFECTIVE]: HttpStatus.CONFLICT,
  [ServiceEvaluationErrorCode.RECORD_HAS_RUNNING_FORM]: HttpStatus.CONFLICT,
  [ServiceEvaluationErrorCode.INVALID_GRADE_THRESHOLDS]: HttpStatus.BAD_REQUEST,
  [ServiceEvaluationErrorCode.INVALID_CYCLE]: HttpStatus.BAD_REQUEST,
  [ServiceEvaluationErrorCode.NO_DISTRICT]: HttpStatus.FORBIDDEN,
};

/** The field each code is about, so that the 400 names it like a validation error does. */
const FIELD: Partial<Record<ServiceEvaluationErrorCode, string>> = {
  [ServiceEvaluationErrorCode.SUBJECT_NOT_IN_DISTRICT]: 'subjectId',
  [ServiceEvaluationErrorCode.FACT_DATE_IN_FUTURE]: 'factDate',
  [ServiceEvaluationErrorCode.INVALID_LINKED_RECORD]: 'linkedRecordIds',
  [ServiceEvaluationErrorCode.INVALID_GRADE_THRESHOLDS]: 'grades',
  [ServiceEvaluationErrorCode.INVALID_CYCLE]: 'cycle',
};

export class ServiceEvaluationException extends defineErrors(STATUS, FIELD) {}
