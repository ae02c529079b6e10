import { ApiErrorBody, CommonErrorCode, ERROR_MESSAGES, ErrorCode, FieldErrorDetail } from '@szpm/contract';

/** Codes of failures that never reached the api (no `code` from the server). */
export enum ClientErrorCode {
  NETWORK = 'CLIENT_NETWORK',
  BAD_RESPONSE = 'CLIENT_BAD_RESPONSE',
}

export const CLIENT_ERROR_MESSAGES: Record<ClientErrorCode, string> = {
  [ClientErrorCode.NETWORK]: '网络连接失败，请检查网络后重试',
  [ClientErrorCode.BAD_RESPONSE]: '服务器返回的内容无法识别，请稍后再试',
};

/** A failed request: the api's error body (Chinese `message` for the officer) or a client-side failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly details?: ApiErrorBody['details'],
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field errors of a VALIDATION_FAILED answer, by field name. */
  fieldErrors(): Record<string, string> {
    if (!Array.isArray(this.details)) return {};
    return Object.fromEntries((this.details as FieldErrorDetail[]).map((d) => [d.field, d.message]));
  }

  static fromResponse(status: number, body: unknown): ApiError {
    if (isErrorBody(body)) return new ApiError(status, body.code, body.message || messageOf(body.code), body.details, body.requestId);
    const code = status === 401 ? CommonErrorCode.UNAUTHENTICATED : status >= 500 ? CommonErrorCode.INTERNAL_ERROR : ClientErrorCode.BAD_RESPONSE;
    return new ApiError(status, code, messageOf(code));
  }

  static network(): ApiError {
    return new ApiError(0, ClientErrorCode.NETWORK, CLIENT_ERROR_MESSAGES[ClientErrorCode.NETWORK]);
  }
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  return typeof body === 'object' && body !== null && typeof (body as ApiErrorBody).code === 'string' && typeof (body as ApiErrorBody).statusCode === 'number';
}

function messageOf(code: ErrorCode | ClientErrorCode): string {
  return (ERROR_MESSAGES as Record<string, string>)[code] ?? CLIENT_ERROR_MESSAGES[code as ClientErrorCode] ?? '操作失败，请稍后再试';
}

/** Whether trying the same request again may help: not when the answer is 无权限 or 不存在. */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof ApiError && (error.status === 403 || error.status === 404));
}

/**
 * What to show the officer for any failure. A server failure (5xx) names the 请求编号 its message
 * asks for (the api's `requestId`) so that the helpdesk can find it; a failure without one (a
 * gateway's 502 page) does not ask for a number it cannot show.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    // a rule's refusal names its field with the same words as the message: said once
    const fields = Object.values(error.fieldErrors()).filter((message) => message !== error.message);
    const text = fields.length ? `${error.message}：${fields.join('；')}` : error.message;
    if (error.status < 500) return text;
    if (error.requestId) return text.includes('请求编号') ? `${text}：${error.requestId}` : `${text}（请求编号 ${error.requestId}）`;
    return text.replace(/[；;，,][^；;，,]*请求编号.*$/, '') || text;
  }
  if (error instanceof Error && error.message) return error.message;
  return '操作失败，请稍后再试';
}
