import { HttpStatus } from '@nestjs/common';
import { PropertyAreaErrorCode } from '@szpm/contract';
import { defineErrors } from '../../common/errors/define-errors';

const STATUS: Record<PropertyAreaErrorCode, HttpStatus> = {
  [PropertyAreaErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [PropertyAreaErrorCode.BUILDING_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [PropertyAreaErrorCode.RECTANGLE_INCOMPLETE]: HttpStatus.BAD_REQUEST,
  [PropertyAreaErrorCode.RECTANGLE_INVERTED]: HttpStatus.BAD_REQUEST,
  [PropertyAreaErrorCode.UNIT_WITHOUT_BUILDING]: HttpStatus.BAD_REQUEST,
};

/** The field each code is about by default, so that the 400 names it like a validation error does. */
const FIELD: Partial<Record<PropertyAreaErrorCode, string>> = {
  [PropertyAreaErrorCode.RECTANGLE_INCOMPLETE]: 'swLng',
  [PropertyAreaErrorCode.RECTANGLE_INVERTED]: 'swLng',
  [PropertyAreaErrorCode.UNIT_WITHOUT_BUILDING]: 'unitNo',
};

export class PropertyAreaException extends defineErrors(STATUS, FIELD) {}
