import { HttpStatus } from '@nestjs/common';
import { AreaChangeErrorCode } from '@szpm/contract';
import { defineErrors } from '../../../common/errors/define-errors';

const STATUS: Record<AreaChangeErrorCode, HttpStatus> = {
  [AreaChangeErrorCode.OPEN_REQUEST]: HttpStatus.CONFLICT,
  [AreaChangeErrorCode.CHANGED_MEANWHILE]: HttpStatus.CONFLICT,
  [AreaChangeErrorCode.FIELD_UNKNOWN]: HttpStatus.BAD_REQUEST,
  [AreaChangeErrorCode.FIELD_NOT_EDITABLE]: HttpStatus.BAD_REQUEST,
  [AreaChangeErrorCode.FIELD_INVALID]: HttpStatus.BAD_REQUEST,
  [AreaChangeErrorCode.FIELD_NEEDS_NO_APPROVAL]: HttpStatus.BAD_REQUEST,
  [AreaChangeErrorCode.NO_CHANGES]: HttpStatus.BAD_REQUEST,
  [AreaChangeErrorCode.LOCKED_IN_REVIEW]: HttpStatus.CONFLICT,
  [AreaChangeErrorCode.NOT_OWN_AREA]: HttpStatus.FORBIDDEN,
  [AreaChangeErrorCode.NOT_A_COUNTERPART]: HttpStatus.FORBIDDEN,
  [AreaChangeErrorCode.MANAGER_INVALID]: HttpStatus.BAD_REQUEST,
  [AreaChangeErrorCode.COMMUNITY_INVALID]: HttpStatus.BAD_REQUEST,
  [AreaChangeErrorCode.FIELD_RULE_NOT_FOUND]: HttpStatus.NOT_FOUND,
};

/** The field each code is about by default, so that the 400 names it like a validation error does. */
const FIELD: Partial<Record<AreaChangeErrorCode, string>> = {
  [AreaChangeErrorCode.NO_CHANGES]: 'changes',
  [AreaChangeErrorCode.MANAGER_INVALID]: 'projectManagerId',
  [AreaChangeErrorCode.COMMUNITY_INVALID]: 'communityId',
};

export class AreaChangeException extends defineErrors(STATUS, FIELD) {}
