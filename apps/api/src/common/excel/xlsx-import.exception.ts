import { HttpStatus } from '@nestjs/common';
import { XlsxImportErrorCode } from '@szpm/contract';
import { defineErrors } from '../errors/define-errors';

const STATUS: Record<XlsxImportErrorCode, HttpStatus> = {
  [XlsxImportErrorCode.FILE_TOO_LARGE]: HttpStatus.PAYLOAD_TOO_LARGE,
  [XlsxImportErrorCode.NOT_XLSX]: HttpStatus.BAD_REQUEST,
  [XlsxImportErrorCode.TOO_MANY_ROWS]: HttpStatus.BAD_REQUEST,
  [XlsxImportErrorCode.HEADER_MISMATCH]: HttpStatus.BAD_REQUEST,
  [XlsxImportErrorCode.ROWS_INVALID]: HttpStatus.BAD_REQUEST,
};

/** A refused import file; `details` name the columns (header problems), the caps, or carry the import report (bad rows). */
export class XlsxImportException extends defineErrors(STATUS) {}
