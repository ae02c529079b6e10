import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { catchError, concatMap, from, Observable, throwError } from 'rxjs';
import { auditedEndpointOf, AuditRecorder, isAuditedWrite } from './audit-recorder';

/**
 * Records every write request that reaches its handler (successful or refused there, e.g.
 * OUT_OF_DISTRICT), so no endpoint can forget to; writes refused before it are recorded by the guard.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditRecorder,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    if (context.getType() !== 'http' || !isAuditedWrite(request)) return next.handle();
    const endpoint = auditedEndpointOf(context, this.reflector);
    // the answer waits for its audit row: once a client sees the result, the trace exists
    return next.handle().pipe(
      concatMap((body) => from(this.audit.record(request, endpoint, targetIdOf(request, body), { statusCode: statusOf(context) }).then(() => body))),
      catchError((error: unknown) => from(this.audit.record(request, endpoint, targetIdOf(request, undefined), { error })).pipe(concatMap(() => throwError(() => error)))),
    );
  }
}

function statusOf(context: ExecutionContext): number {
  return context.switchToHttp().getResponse<{ statusCode: number }>().statusCode;
}

function targetIdOf(request: Request, body: unknown): string | null {
  const fromParams = request.params?.id;
  if (fromParams) return String(fromParams).slice(0, 64);
  const fromBody = (body as { id?: unknown } | undefined)?.id;
  return fromBody !== undefined && fromBody !== null ? String(fromBody).slice(0, 64) : null;
}
