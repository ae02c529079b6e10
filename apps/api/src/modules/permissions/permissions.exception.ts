import { HttpStatus } from '@nestjs/common';
import { PermissionsErrorCode } from '@szpm/contract';
import { defineErrors } from '../../common/errors/define-errors';

const STATUS: Record<PermissionsErrorCode, HttpStatus> = {
  [PermissionsErrorCode.USERNAME_TAKEN]: HttpStatus.CONFLICT,
  [PermissionsErrorCode.PHONE_TAKEN]: HttpStatus.CONFLICT,
  [PermissionsErrorCode.ROLE_NOT_ALLOWED]: HttpStatus.FORBIDDEN,
  [PermissionsErrorCode.GRANT_CITY_ONLY]: HttpStatus.FORBIDDEN,
  [PermissionsErrorCode.CANNOT_CHANGE_SELF]: HttpStatus.BAD_REQUEST,
  [PermissionsErrorCode.UNIT_NOT_FOUND]: HttpStatus.BAD_REQUEST,
};

export class PermissionsException extends defineErrors(STATUS) {}
