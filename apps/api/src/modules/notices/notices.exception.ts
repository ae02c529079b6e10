import { HttpStatus } from '@nestjs/common';
import { NoticeErrorCode } from '@szpm/contract';
import { defineErrors } from '../../common/errors/define-errors';

const STATUS: Record<NoticeErrorCode, HttpStatus> = {
  [NoticeErrorCode.NO_RECIPIENTS]: HttpStatus.BAD_REQUEST,
  [NoticeErrorCode.AUDIENCE_NOT_ALLOWED]: HttpStatus.BAD_REQUEST,
  [NoticeErrorCode.TYPE_NOT_USABLE]: HttpStatus.BAD_REQUEST,
  [NoticeErrorCode.TYPE_NAME_TAKEN]: HttpStatus.CONFLICT,
};

/** The field each code is about, so that the 400 names it like a validation error does. */
const FIELD: Partial<Record<NoticeErrorCode, string>> = {
  [NoticeErrorCode.NO_RECIPIENTS]: 'audiences',
  [NoticeErrorCode.AUDIENCE_NOT_ALLOWED]: 'audiences',
  [NoticeErrorCode.TYPE_NOT_USABLE]: 'noticeTypeId',
  [NoticeErrorCode.TYPE_NAME_TAKEN]: 'name',
};

export class NoticeException extends defineErrors(STATUS, FIELD) {}
