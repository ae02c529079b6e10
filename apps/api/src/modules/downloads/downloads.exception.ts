import { HttpStatus } from '@nestjs/common';
import { DownloadErrorCode } from '@szpm/contract';
import { defineErrors } from '../../common/errors/define-errors';

const STATUS: Record<DownloadErrorCode, HttpStatus> = {
  [DownloadErrorCode.NOT_READY]: HttpStatus.CONFLICT,
  [DownloadErrorCode.EXPIRED]: HttpStatus.GONE,
  [DownloadErrorCode.TOO_MANY_RUNNING]: HttpStatus.CONFLICT,
  [DownloadErrorCode.FAILED]: HttpStatus.CONFLICT,
};

export class DownloadException extends defineErrors(STATUS) {}
