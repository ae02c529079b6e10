import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ApiErrorBody, CommonErrorCode, ERROR_MESSAGES } from '@szpm/contract';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { AppException } from './app.exception';
import { isDuplicateKey } from '../sql/duplicate-key';

const STATUS_CODES: Record<number, CommonErrorCode> = {
  400: CommonErrorCode.VALIDATION_FAILED,
  401: CommonErrorCode.UNAUTHENTICATED,
  403: CommonErrorCode.FORBIDDEN,
  404: CommonErrorCode.NOT_FOUND,
  409: CommonErrorCode.CONFLICT,
  413: CommonErrorCode.PAYLOAD_TOO_LARGE,
  429: CommonErrorCode.RATE_LIMITED,
  503: CommonErrorCode.SERVICE_UNAVAILABLE,
};


/** Turns anything thrown into `{ statusCode, code, message, details?, requestId }`. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const requestId = request.requestId;
    const body = errorBodyOf(exception, request);
    body.requestId = requestId;
    if (body.statusCode >= 500) {
      this.logger.error(`${request.method} ${request.originalUrl} [${requestId}] ${describe(exception)}`);
    }
    if (!response.headersSent) response.status(body.statusCode).json(body);
  }
}

/** The error body a caller gets for anything thrown; the audit row of a failed write repeats its status and code. */
export function errorBodyOf(exception: unknown, request: Request): ApiErrorBody {
  if (exception instanceof AppException) {
    return {
      statusCode: exception.status,
      code: exception.code,
      message: exception.message,
      ...(exception.details ? { details: exception.details as ApiErrorBody['details'] } : {}),
    };
  }
  if (exception instanceof QueryFailedError && isDuplicateKey(exception)) {
    return { statusCode: 409, code: CommonErrorCode.CONFLICT, message: '该记录已存在，请勿重复提交' };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    // Nest turns body-parser's SyntaxError (bad JSON) and bad %-encodings into a 400 before any route matches
    if (status === 400 && !request.route) {
      return { statusCode: 400, code: CommonErrorCode.MALFORMED_BODY, message: ERROR_MESSAGES[CommonErrorCode.MALFORMED_BODY] };
    }
    const code = STATUS_CODES[status] ?? (status >= 500 ? CommonErrorCode.INTERNAL_ERROR : CommonErrorCode.VALIDATION_FAILED);
    const message = status === 404 && !request.route ? `接口不存在: ${request.method} ${request.path}` : ERROR_MESSAGES[code];
    return { statusCode: status, code, message };
  }
  if (isBodyParseError(exception)) {
    const status = (exception as { status: number }).status;
    if (status === 413) return { statusCode: 413, code: CommonErrorCode.PAYLOAD_TOO_LARGE, message: ERROR_MESSAGES[CommonErrorCode.PAYLOAD_TOO_LARGE] };
    // JSON is read as UTF-8 only (body-limits.ts): any other charset is a 415
    if (bodyParseErrorType(exception) === 'charset.unsupported') return { statusCode: 415, code: CommonErrorCode.UNSUPPORTED_CHARSET, message: ERROR_MESSAGES[CommonErrorCode.UNSUPPORTED_CHARSET] };
    return { statusCode: 400, code: CommonErrorCode.MALFORMED_BODY, message: ERROR_MESSAGES[CommonErrorCode.MALFORMED_BODY] };
  }
  return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: CommonErrorCode.INTERNAL_ERROR, message: ERROR_MESSAGES[CommonErrorCode.INTERNAL_ERROR] };
}

function bodyParseErrorType(error: unknown): string | undefined {
  const e = error as { type?: string; cause?: { type?: string } } | null;
  return e?.type ?? e?.cause?.type;
}

function isBodyParseError(error: unknown): boolean {
  const type = bodyParseErrorType(error);
  return typeof type === 'string' && (type.startsWith('entity.') || type === 'encoding.unsupported' || type === 'charset.unsupported');
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
}
