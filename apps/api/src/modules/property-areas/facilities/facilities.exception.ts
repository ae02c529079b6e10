import { HttpStatus } from '@nestjs/common';
import { FacilityErrorCode } from '@szpm/contract';
import { defineErrors } from '../../../common/errors/define-errors';

const STATUS: Record<FacilityErrorCode, HttpStatus> = {
  [FacilityErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [FacilityErrorCode.TYPE_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [FacilityErrorCode.TYPE_NOT_USABLE]: HttpStatus.BAD_REQUEST,
  [FacilityErrorCode.TYPE_CODE_TAKEN]: HttpStatus.CONFLICT,
  [FacilityErrorCode.TYPE_NAME_TAKEN]: HttpStatus.CONFLICT,
  [FacilityErrorCode.TYPE_PARENT_INVALID]: HttpStatus.BAD_REQUEST,
  [FacilityErrorCode.REGISTER_NUMBER_TAKEN]: HttpStatus.CONFLICT,
  [FacilityErrorCode.DUPLICATE]: HttpStatus.CONFLICT,
  [FacilityErrorCode.SPECIAL_EQUIPMENT_INCOMPLETE]: HttpStatus.BAD_REQUEST,
  [FacilityErrorCode.BUILDING_NOT_IN_AREA]: HttpStatus.BAD_REQUEST,
  [FacilityErrorCode.UNIT_NEEDS_BUILDING]: HttpStatus.BAD_REQUEST,
  [FacilityErrorCode.ATTACHMENT_NOT_FOUND]: HttpStatus.NOT_FOUND,
};

/** The field each code is about by default, so that the 4xx names it like a validation error does (and an import names its column). */
const FIELD: Partial<Record<FacilityErrorCode, string>> = {
  [FacilityErrorCode.TYPE_NOT_USABLE]: 'facilityTypeId',
  [FacilityErrorCode.TYPE_CODE_TAKEN]: 'code',
  [FacilityErrorCode.TYPE_NAME_TAKEN]: 'name',
  [FacilityErrorCode.TYPE_PARENT_INVALID]: 'parentId',
  [FacilityErrorCode.REGISTER_NUMBER_TAKEN]: 'registerNumber',
  [FacilityErrorCode.DUPLICATE]: 'name',
  [FacilityErrorCode.BUILDING_NOT_IN_AREA]: 'buildingId',
  [FacilityErrorCode.UNIT_NEEDS_BUILDING]: 'unitName',
};

export class FacilityException extends defineErrors(STATUS, FIELD) {}
