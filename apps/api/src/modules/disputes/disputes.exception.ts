import { HttpStatus } from '@nestjs/common';
import { DisputeErrorCode } from '@szpm/contract';
import { defineErrors } from '../../common/errors/define-errors';

const STATUS: Record<DisputeErrorCode, HttpStatus> = {
  [DisputeErrorCode.REGION_LOCKED]: HttpStatus.BAD_REQUEST,
  [DisputeErrorCode.AREA_NOT_IN_COMMUNITY]: HttpStatus.BAD_REQUEST,
  [DisputeErrorCode.COMMUNITY_NOT_IN_STREET]: HttpStatus.BAD_REQUEST,
  [DisputeErrorCode.CATEGORY_INACTIVE]: HttpStatus.BAD_REQUEST,
  [DisputeErrorCode.DEADLINE_IN_PAST]: HttpStatus.BAD_REQUEST,
  [DisputeErrorCode.REPLIED_BEFORE_ENTRY]: HttpStatus.BAD_REQUEST,
  [DisputeErrorCode.REPLIED_IN_FUTURE]: HttpStatus.BAD_REQUEST,
  [DisputeErrorCode.OUTCOME_WITHOUT_DISPOSAL]: HttpStatus.BAD_REQUEST,
  [DisputeErrorCode.HANDLING_REQUIRED]: HttpStatus.BAD_REQUEST,
  [DisputeErrorCode.SELF_REVIEW]: HttpStatus.FORBIDDEN,
  [DisputeErrorCode.WRONG_STREET]: HttpStatus.BAD_REQUEST,
  [DisputeErrorCode.CLOSED]: HttpStatus.CONFLICT,
  [DisputeErrorCode.CATEGORY_NAME_TAKEN]: HttpStatus.CONFLICT,
};

const FIELD: Partial<Record<DisputeErrorCode, string>> = {
  [DisputeErrorCode.AREA_NOT_IN_COMMUNITY]: 'propertyAreaId',
  [DisputeErrorCode.COMMUNITY_NOT_IN_STREET]: 'communityId',
  [DisputeErrorCode.CATEGORY_INACTIVE]: 'categoryId',
  [DisputeErrorCode.DEADLINE_IN_PAST]: 'deadline',
  [DisputeErrorCode.REPLIED_BEFORE_ENTRY]: 'repliedAt',
  [DisputeErrorCode.REPLIED_IN_FUTURE]: 'repliedAt',
  [DisputeErrorCode.OUTCOME_WITHOUT_DISPOSAL]: 'disposal',
  [DisputeErrorCode.HANDLING_REQUIRED]: 'disposal',
  [DisputeErrorCode.WRONG_STREET]: 'streetId',
  [DisputeErrorCode.CATEGORY_NAME_TAKEN]: 'name',
};

export class DisputeException extends defineErrors(STATUS, FIELD) {}
