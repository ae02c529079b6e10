import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GrantAction, ModuleKey, Role } from '@szpm/contract';
import type { Request } from 'express';
import { Actor } from './actor';

export const PUBLIC_KEY = 'access:public';
export const GRANT_KEY = 'access:grant';
export const ROLES_KEY = 'access:roles';
export const AUDIT_KEY = 'access:audit';
export const PASSWORD_CHANGE_PENDING_KEY = 'access:password-change-pending';

/** No login needed (login itself, health, public publicity lists). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The module grant an endpoint needs; the access guard checks it. */
export const RequireGrant = (module: ModuleKey, action: GrantAction) => SetMetadata(GRANT_KEY, { module, action });

/** Restricts an endpoint to some roles (on top of the grant). */
export const RequireRoles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/**
 * Open to an account whose password is initial or expired (me, change-password, refresh, logout);
 * every other endpoint refuses it with AUTH_PASSWORD_CHANGE_REQUIRED until it has changed the password.
 */
export const AllowedWithPasswordChangePending = () => SetMetadata(PASSWORD_CHANGE_PENDING_KEY, true);

export interface AuditSpec {
  action: string;
  targetType?: string;
}

/** Names the audited action and its target type; without it the audit log uses Controller.handler. */
export const Audited = (action: string, targetType?: string) => SetMetadata(AUDIT_KEY, { action, targetType } satisfies AuditSpec);

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<Request>();
  return request.actor as Actor;
});

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
  }
}
