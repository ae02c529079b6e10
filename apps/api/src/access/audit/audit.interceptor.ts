import { CallHandler, ExecutionContext, HttpException, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request } from 'express';
import { catchError, concatMap, from, Observable, throwError } from 'rxjs';
import { Repository } from 'typeorm';
import { AppException } from '../../common/errors/app.exception';
import { AUDIT_KEY, AuditSpec } from '../access.decorators';
import { AuditLog } from '../entities/audit-log.entity';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Records every write request (successful or refused) in the audit log, so no endpoint can
 * forget to: actor, on-behalf-of, action, target, status and request id.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Audit');

  constructor(
    private readonly reflector: Reflector,
    @InjectRepository(AuditLog) private readonly logs: Repository<AuditLog>,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    if (context.getType() !== 'http' || !WRITE_METHODS.has(request.method)) return next.handle();
    const spec = this.reflector.get<AuditSpec | undefined>(AUDIT_KEY, context.getHandler());
    const action = spec?.action ?? `${context.getClass().name.replace(/Controller$/, '')}.${context.getHandler().name}`;
    // the answer waits for its audit row: once a client sees the result, the trace exists
    return next.handle().pipe(
      concatMap((body) => from(this.record(request, action, spec?.targetType ?? null, targetIdOf(request, body), statusOf(context)).then(() => body))),
      catchError((error: unknown) => {
        const status = error instanceof AppException ? error.status : error instanceof HttpException ? error.getStatus() : 500;
        return from(this.record(request, action, spec?.targetType ?? null, targetIdOf(request, undefined), status)).pipe(concatMap(() => throwError(() => error)));
      }),
    );
  }

  private async record(request: Request, action: string, targetType: string | null, targetId: string | null, statusCode: number) {
    const actor = request.actor;
    try {
      await this.logs.insert({
        actorId: actor?.accountId ?? null,
        onBehalfOfId: actor?.onBehalfOfId ?? null,
        districtId: actor?.districtId ?? null,
        action,
        targetType,
        targetId,
        method: request.method,
        path: request.originalUrl.slice(0, 255),
        statusCode,
        requestId: request.requestId,
        ip: (request.ip ?? '').slice(0, 64) || null,
      });
    } catch (error) {
      this.logger.error(`audit write failed for request ${request.requestId}: ${(error as Error).message}`);
    }
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
