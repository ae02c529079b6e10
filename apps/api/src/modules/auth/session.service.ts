import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuthErrorCode, TokenPair } from '@szpm/contract';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { Inject } from '@nestjs/common';
import { AccessTokenService } from '../../access/access-token.service';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { AuthException } from './auth.exception';
import { LoginChannel, RefreshToken } from './entities/refresh-token.entity';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * Issues, rotates and revokes the token pairs of every login channel (PC, official account, mini-program).
 * A session is a refresh-token family; its access tokens name it (`sid`) and the guard refuses them
 * as soon as no token of the family is left unrevoked (ActorLoader.authenticate).
 */
@Injectable()
export class SessionService {
  constructor(
    @InjectRepository(RefreshToken) private readonly refreshTokens: Repository<RefreshToken>,
    private readonly accessTokens: AccessTokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(accountId: number, channel: LoginChannel, family: string = randomUUID()): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url');
    await this.refreshTokens.insert({
      accountId,
      tokenHash: sha256(refreshToken),
      family,
      channel,
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000),
      revokedAt: null,
      rotatedAt: null,
    });
    return { accessToken: this.accessTokens.sign(accountId, family), refreshToken, expiresIn: this.accessTokens.ttlSeconds };
  }

  /** Trades a refresh token for a new pair. A token used twice revokes its whole family. */
  async rotate(refreshToken: string): Promise<{ accountId: number; tokens: TokenPair }> {
    const row = await this.refreshTokens.findOne({ where: { tokenHash: sha256(refreshToken) } });
    if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now()) throw new AuthException(AuthErrorCode.INVALID_REFRESH_TOKEN);
    const claimed = await this.refreshTokens.update({ id: row.id, rotatedAt: IsNull() }, { rotatedAt: new Date() });
    if (!claimed.affected) {
      await this.revokeFamily(row.family);
      throw new AuthException(AuthErrorCode.INVALID_REFRESH_TOKEN);
    }
    return { accountId: row.accountId, tokens: await this.issue(row.accountId, row.channel, row.family) };
  }

  async revoke(refreshToken: string): Promise<void> {
    const row = await this.refreshTokens.findOne({ where: { tokenHash: sha256(refreshToken) } });
    if (row) await this.revokeFamily(row.family);
  }

  async revokeAll(accountId: number): Promise<void> {
    await this.refreshTokens.update({ accountId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeChannel(accountId: number, channels: LoginChannel[]): Promise<void> {
    for (const channel of channels) await this.refreshTokens.update({ accountId, channel, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async revokeFamily(family: string): Promise<void> {
    await this.refreshTokens.update({ family, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
