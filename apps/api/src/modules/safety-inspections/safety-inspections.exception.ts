import { HttpStatus } from '@nestjs/common';
import { SafetyInspectionErrorCode } from '@szpm/contract';
import { defineErrors } from '../../common/errors/define-errors';

const STATUS: Record<SafetyInspectionErrorCode, HttpStatus> = {
  [SafetyInspectionErrorCode.DEADLINE_IN_PAST]: HttpStatus.BAD_REQUEST,
  [SafetyInspectionErrorCode.NO_TARGETS]: HttpStatus.BAD_REQUEST,
  [SafetyInspectionErrorCode.DISTRICT_REQUIRED]: HttpStatus.BAD_REQUEST,
  [SafetyInspectionErrorCode.ALREADY_SUBMITTED]: HttpStatus.CONFLICT,
  [SafetyInspectionErrorCode.RESULTS_INCOMPLETE]: HttpStatus.BAD_REQUEST,
  [SafetyInspectionErrorCode.ITEM_NOT_IN_INSPECTION]: HttpStatus.BAD_REQUEST,
  [SafetyInspectionErrorCode.FAIL_NEEDS_NOTE]: HttpStatus.BAD_REQUEST,
};

/** The field each code is about by default, so that the 400 names it like a validation error does. */
const FIELD: Partial<Record<SafetyInspectionErrorCode, string>> = {
  [SafetyInspectionErrorCode.DEADLINE_IN_PAST]: 'deadline',
  [SafetyInspectionErrorCode.NO_TARGETS]: 'propertyAreaIds',
  [SafetyInspectionErrorCode.DISTRICT_REQUIRED]: 'districtId',
  [SafetyInspectionErrorCode.RESULTS_INCOMPLETE]: 'results',
  [SafetyInspectionErrorCode.ITEM_NOT_IN_INSPECTION]: 'results',
  [SafetyInspectionErrorCode.FAIL_NEEDS_NOTE]: 'results',
};

export class SafetyInspectionException extends defineErrors(STATUS, FIELD) {}
