import { HttpStatus } from '@nestjs/common';
import { ERROR_MESSAGES, ErrorCode } from '@szpm/contract';
import { AppException } from './app.exception';

export interface ModuleErrorOptions {
  /** the request field the refusal is about (overrides the code's default field): the 400 names it like a validation error */
  field?: string;
  /** instead of the contract's message for the code */
  message?: string;
  /** extra facts for the client (lockedUntil, caseId, ...); ignored when a field is named */
  details?: Record<string, unknown> | unknown[];
  /** instead of the code's status (a code whose status depends on the upstream answer) */
  status?: HttpStatus;
}

export type ModuleExceptionClass<C extends ErrorCode> = new (code: C, options?: ModuleErrorOptions) => AppException & { readonly code: C };

/**
 * The exception class of one module, from its two tables: the HTTP status of each of its error
 * codes, and (optionally) the request field a code is about by default. Its message is the
 * contract's Chinese message for the code unless the call gives one.
 *
 *   export class NoticeException extends defineErrors(STATUS, FIELD) {}
 *   throw new NoticeException(NoticeErrorCode.NO_RECIPIENTS);
 */
export function defineErrors<C extends ErrorCode>(status: Record<C, HttpStatus>, field: Partial<Record<C, string>> = {}): ModuleExceptionClass<C> {
  return class ModuleException extends AppException {
    declare readonly code: C;

    constructor(code: C, options: ModuleErrorOptions = {}) {
      const message = options.message ?? ERROR_MESSAGES[code];
      const about = options.field ?? field[code];
      super(code, options.status ?? status[code], message, about ? [{ field: about, message, constraint: 'rule' }] : options.details);
    }
  };
}
