import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { CommonErrorCode } from '@szpm/contract';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { AppException } from '../common/errors/app.exception';

export interface AccessTokenPayload {
  sub: number;
  typ: 'access';
  /** the session (refresh-token family) the token was issued to: it stops working when the session ends */
  sid: string;
}

/** Short-lived signed access tokens; refresh tokens are opaque and live in the database (auth module). */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get ttlSeconds(): number {
    return this.config.accessTokenTtlSeconds;
  }

  sign(accountId: number, sessionId: string): string {
    const payload: AccessTokenPayload = { sub: accountId, typ: 'access', sid: sessionId };
    return this.jwt.sign(payload, { expiresIn: this.config.accessTokenTtlSeconds });
  }

  verify(token: string): AccessTokenPayload {
    try {
      const payload = this.jwt.verify<AccessTokenPayload>(token);
      if (payload.typ !== 'access' || typeof payload.sub !== 'number') throw new Error('not an access token');
      // issued before access tokens named their session: the client refreshes into one that does
      if (typeof payload.sid !== 'string') throw new TokenExpiredError('no session', new Date());
      return payload;
    } catch (error) {
      if (error instanceof TokenExpiredError) throw new AppException(CommonErrorCode.TOKEN_EXPIRED, HttpStatus.UNAUTHORIZED);
      throw new AppException(CommonErrorCode.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED);
    }
  }
}
