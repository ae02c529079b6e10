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
  /** expiry, seconds since the epoch (set by the signer) */
  exp?: number;
}

/** Verified tokens kept, so a signature is checked once per token rather than once per request. */
const VERIFIED_TOKENS_KEPT = 20_000;

/** Short-lived signed access tokens; refresh tokens are opaque and live in the database (auth module). */
@Injectable()
export class AccessTokenService {
  /** token → its payload, once the signature held; the expiry is still checked on every use */
  private readonly verified = new Map<string, AccessTokenPayload & { exp: number }>();

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
    const known = this.verified.get(token);
    if (known) {
      if (known.exp * 1000 > Date.now()) return known;
      this.verified.delete(token);
      throw new AppException(CommonErrorCode.TOKEN_EXPIRED, HttpStatus.UNAUTHORIZED);
    }
    try {
      const payload = this.jwt.verify<AccessTokenPayload>(token);
      if (payload.typ !== 'access' || typeof payload.sub !== 'number' || typeof payload.exp !== 'number') throw new Error('not an access token');
      // issued before access tokens named their session: the client refreshes into one that does
      if (typeof payload.sid !== 'string') throw new TokenExpiredError('no session', new Date());
      if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, payload as AccessTokenPayload & { exp: number });
      return payload;
    } catch (error) {
      if (error instanceof TokenExpiredError) throw new AppException(CommonErrorCode.TOKEN_EXPIRED, HttpStatus.UNAUTHORIZED);
      throw new AppException(CommonErrorCode.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED);
    }
  }
}
