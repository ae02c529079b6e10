import { applyDecorators, CanActivate, createParamDecorator, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiBearerAuth } from '@nestjs/swagger';
import { OwnerErrorCode } from '@szpm/contract';
import type { Request } from 'express';
import { Public } from '../../access/access.decorators';
import { OwnerException } from './owners.exception';

/** An owner's session lasts a working day; the mini-program signs in again with WeChat when it ends. */
export const OWNER_SESSION_TTL_SECONDS = 12 * 3600;

interface OwnerTokenPayload {
  typ: 'owner';
  /** owner_identities.id */
  sub: number;
}

/** The owner behind a request to /api/owner. */
export interface OwnerPrincipal {
  identityId: number;
}

/** Signs and reads owners' bearer tokens (`typ: owner`: never accepted as an officer's access token, nor the reverse). */
@Injectable()
export class OwnerTokens {
  constructor(private readonly jwt: JwtService) {}

  sign(identityId: number): string {
    const payload: OwnerTokenPayload = { typ: 'owner', sub: identityId };
    return this.jwt.sign(payload, { expiresIn: OWNER_SESSION_TTL_SECONDS });
  }

  read(token: string): OwnerPrincipal {
    try {
      const payload = this.jwt.verify<Partial<OwnerTokenPayload>>(token);
      if (payload.typ === 'owner' && typeof payload.sub === 'number') return { identityId: payload.sub };
    } catch {
      // expired or forged: the same answer
    }
    throw new OwnerException(OwnerErrorCode.SESSION_REQUIRED);
  }
}

declare module 'express-serve-static-core' {
  interface Request {
    owner?: OwnerPrincipal;
  }
}

@Injectable()
export class OwnerSessionGuard implements CanActivate {
  constructor(private readonly tokens: OwnerTokens) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new OwnerException(OwnerErrorCode.SESSION_REQUIRED);
    request.owner = this.tokens.read(token);
    return true;
  }
}

/** An endpoint of the owners' side: an owner's token instead of an officer's (the officers' guard lets it through). */
export const OwnerEndpoint = () => applyDecorators(Public(), UseGuards(OwnerSessionGuard), ApiBearerAuth());

export const CurrentOwner = createParamDecorator((_: unknown, context: ExecutionContext): OwnerPrincipal => {
  return context.switchToHttp().getRequest<Request>().owner as OwnerPrincipal;
});
