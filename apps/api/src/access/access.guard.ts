import { CanActivate, ExecutionContext, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CommonErrorCode } from '@szpm/contract';
import type { Request } from 'express';
import { AppException } from '../common/errors/app.exception';
import { RequestLogContext } from '../common/http/logging';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { passwordChangePending } from '../modules/auth/password-age';
import { AccessTokenService } from './access-token.service';
import { PUBLIC_KEY } from './access.decorators';
import { ActorLoader } from './actor-loader.service';
import { auditedEndpointOf, AuditRecorder, isAuditedWrite } from './audit/audit-recorder';
import { doorRefusal, doorRequirement } from './door';

/**
 * The one guard of the API: authenticates the bearer token, loads the actor, and checks the
 * endpoint's declared roles and module grant, and that an initial or expired password is changed
 * before anything else. District scope is then enforced by DistrictScope.
 * A write it refuses never reaches the audit interceptor, so the guard leaves its audit row itself.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly actors: ActorLoader,
    private readonly audit: AuditRecorder,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly logContext: RequestLogContext,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<Request>();
    try {
      return await this.admit(context, request);
    } catch (error) {
      if (isAuditedWrite(request)) {
        const targetId = request.params?.id ? String(request.params.id).slice(0, 64) : null;
        await this.audit.recordRefusal(request, auditedEndpointOf(context, this.reflector), targetId, error);
      }
      throw error;
    }
  }

  private async admit(context: ExecutionContext, request: Request): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const header = request.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme !== 'Bearer' || !token) throw new AppException(CommonErrorCode.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED);
    const payload = this.tokens.verify(token);
    const actor = await this.actors.authenticate(payload, request.headers['x-on-behalf-of']);
    request.actor = actor;
    this.logContext.add(request);

    const passwordChangeRequired = passwordChangePending(actor, this.config.security.passwordMaxAgeDays);
    const refusal = doorRefusal({ ...actor, passwordChangeRequired }, doorRequirement(this.reflector, targets));
    if (refusal) throw refusal;
    return true;
  }
}
