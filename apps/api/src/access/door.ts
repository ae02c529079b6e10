import { HttpStatus } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthErrorCode, CommonErrorCode, GrantAction, ModuleKey, Role } from '@szpm/contract';
import { AppException } from '../common/errors/app.exception';
import { GRANT_KEY, PASSWORD_CHANGE_PENDING_KEY, PUBLIC_KEY, ROLES_KEY } from './access.decorators';
import { Actor, grantKey } from './actor';

/** What a route's door asks of a caller: nothing (public), some roles, a module grant. */
export interface DoorRequirement {
  public: boolean;
  roles: Role[] | undefined;
  grant: { module: ModuleKey; action: GrantAction } | undefined;
  /** open while the caller's password must be changed (@AllowedWithPasswordChangePending) */
  allowedWithPasswordChangePending: boolean;
}

/** The requirement declared on a handler and its controller (@Public, @RequireRoles, @RequireGrant, @AllowedWithPasswordChangePending). */
export function doorRequirement(reflector: Reflector, targets: Parameters<Reflector['getAllAndOverride']>[1]): DoorRequirement {
  return {
    public: Boolean(reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)),
    roles: reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets),
    grant: reflector.getAllAndOverride<DoorRequirement['grant']>(GRANT_KEY, targets),
    allowedWithPasswordChangePending: Boolean(reflector.getAllAndOverride<boolean>(PASSWORD_CHANGE_PENDING_KEY, targets)),
  };
}

/**
 * Why the door refuses a signed-in caller, or null when it admits them: the one check of the access
 * guard, which the home's quick entries use too, so an entry is shown to exactly those its route admits.
 */
export function doorRefusal(caller: Pick<Actor, 'role' | 'grants'> & { passwordChangeRequired?: boolean }, requirement: DoorRequirement): AppException | null {
  if (requirement.public) return null;
  // an initial or expired password opens nothing but its own change (chapter 2)
  if (caller.passwordChangeRequired && !requirement.allowedWithPasswordChangePending) return new AppException(AuthErrorCode.PASSWORD_CHANGE_REQUIRED, HttpStatus.FORBIDDEN);
  if (requirement.roles && !requirement.roles.includes(caller.role)) return AppException.forbidden();
  if (requirement.grant && !caller.grants.has(grantKey(requirement.grant.module, requirement.grant.action))) {
    return new AppException(CommonErrorCode.MODULE_NOT_GRANTED, HttpStatus.FORBIDDEN);
  }
  return null;
}
