import { ExecutionContext, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request } from 'express';
import { Repository } from 'typeorm';
import { errorBodyOf } from '../../common/errors/all-exceptions.filter';
import { AnonymousRefusalAuditBudget } from '../../common/http/throttling';
import { AUDIT_KEY, AuditSpec } from '../access.decorators';
import { AuditLog, AuditOutcome } from '../entities/audit-log.entity';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'express-serve-static-core' {
  interface Request {
    /** set once the request's audit row is written: a request leaves exactly one */
    audited?: boolean;
  }
}

export function isAuditedWrite(request: Request): boolean {
  return WRITE_METHODS.has(request.method);
}

/** The audit name of an endpoint: its @Audit action, else Controller.handler. */
export function auditedEndpointOf(context: ExecutionContext, reflector: Reflector): { action: string; targetType: string | null } {
  const spec = reflector.get<AuditSpec | undefined>(AUDIT_KEY, context.getHandler());
  const action = spec?.action ?? `${context.getClass().name.replace(/Controller$/, '')}.${context.getHandler().name}`;
  return { action, targetType: spec?.targetType ?? null };
}

function outcomeOf(statusCode: number): AuditOutcome {
  if (statusCode < 400) return 'succeeded';
  return statusCode === HttpStatus.UNAUTHORIZED || statusCode === HttpStatus.FORBIDDEN ? 'refused' : 'failed';
}

/**
 * Writes the one audit row of a write request, from the guard (refused at the door) or from the
 * interceptor (reached its handler). A failed audit write is logged, never turned into the answer.
 */
@Injectable()
export class AuditRecorder {
  private readonly logger = new Logger('Audit');

  constructor(
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the audit trail is append-only and written for every actor, not read here
    @InjectRepository(AuditLog) private readonly logs: Repository<AuditLog>,
    private readonly anonymousBudget: AnonymousRefusalAuditBudget,
  ) {}

  /**
   * The row of a write refused at the door. Without a known actor (no token, a junk or expired one)
   * the rows per client IP are bounded (AUDIT_ANONYMOUS_REFUSALS_PER_IP); beyond that the refusal is logged only.
   */
  async recordRefusal(request: Request, endpoint: { action: string; targetType: string | null }, targetId: string | null, error: unknown): Promise<void> {
    if (!request.actor && !(await this.anonymousBudget.admits(request))) {
      request.audited = true;
      this.logger.warn(`anonymous refusal over the audit budget, not audited: ${request.method} ${request.originalUrl.slice(0, 255)} from ${request.ip ?? '?'} (request ${request.requestId})`);
      return;
    }
    await this.record(request, endpoint, targetId, { error });
  }

  /** The row of a write that succeeded (`error` undefined) or ended with `error`, as the caller sees it. */
  async record(request: Request, endpoint: { action: string; targetType: string | null }, targetId: string | null, result: { statusCode: number } | { error: unknown }): Promise<void> {
    if (request.audited) return;
    request.audited = true;
    const errorBody = 'error' in result ? errorBodyOf(result.error, request) : null;
    const statusCode = errorBody ? errorBody.statusCode : (result as { statusCode: number }).statusCode;
    const actor = request.actor;
    try {
      await this.logs.insert({
        actorId: actor?.accountId ?? null,
        onBehalfOfId: actor?.onBehalfOfId ?? null,
        districtId: actor?.districtId ?? null,
        action: endpoint.action,
        targetType: endpoint.targetType,
        targetId,
        method: request.method,
        path: request.originalUrl.slice(0, 255),
        statusCode,
        outcome: outcomeOf(statusCode),
        errorCode: errorBody ? String(errorBody.code).slice(0, 64) : null,
        requestId: request.requestId,
        ip: (request.ip ?? '').slice(0, 64) || null,
      });
    } catch (error) {
      this.logger.error(`audit write failed for request ${request.requestId}: ${(error as Error).message}`);
    }
  }
}
