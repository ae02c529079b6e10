import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AccountStatus, AuthErrorCode, LoginResponse, TokenPair } from '@szpm/contract';
import { Repository } from 'typeorm';
import { Account } from '../../access/entities/account.entity';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { AuthException } from './auth.exception';
import { LoginChannel } from './entities/refresh-token.entity';
import { hashPassword, isStrongPassword, verifyAgainstNothing } from './password';
import { passwordChangeStatus } from './password-age';
import { PasswordAttempts } from './password-attempts.service';
import { SessionService } from './session.service';

/** PC login (chapter 2): password check with lockout, refresh, logout and password change. */
@Injectable()
export class AuthService {
  constructor(
    // eslint-disable-next-line szpm/no-raw-scoped-access -- login, refresh and password change: the caller's own account (by username or token subject), before any scope exists
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    private readonly sessions: SessionService,
    private readonly passwords: PasswordAttempts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The token pair, and whether the password must be changed before anything else (initial or expired). */
  async login(username: string, password: string): Promise<LoginResponse> {
    const account = await this.accounts.findOne({ where: { username } });
    if (!account) {
      await verifyAgainstNothing(password);
      throw new AuthException(AuthErrorCode.INVALID_CREDENTIALS);
    }
    if (!(await this.passwords.verify(account, password))) throw new AuthException(AuthErrorCode.INVALID_CREDENTIALS);
    if (account.status !== AccountStatus.ACTIVE) throw new AuthException(AuthErrorCode.ACCOUNT_INACTIVE);
    await this.accounts.update({ id: account.id }, { lastLoginAt: new Date() });
    const tokens = await this.sessions.issue(account.id, LoginChannel.PC);
    return { ...tokens, ...passwordChangeStatus(account.passwordChangedAt, this.config.security.passwordMaxAgeDays) };
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const { accountId, tokens } = await this.sessions.rotate(refreshToken);
    const account = await this.accounts.findOne({ where: { id: accountId } });
    if (!account || account.status !== AccountStatus.ACTIVE) {
      await this.sessions.revokeAll(accountId);
      throw new AuthException(AuthErrorCode.ACCOUNT_INACTIVE);
    }
    return tokens;
  }

  logout(refreshToken: string): Promise<void> {
    return this.sessions.revoke(refreshToken);
  }

  async changePassword(accountId: number, currentPassword: string, newPassword: string): Promise<void> {
    const account = await this.accounts.findOneOrFail({ where: { id: accountId } });
    if (!(await this.passwords.verify(account, currentPassword))) throw new AuthException(AuthErrorCode.WRONG_CURRENT_PASSWORD);
    if (!isStrongPassword(newPassword)) throw new AuthException(AuthErrorCode.WEAK_PASSWORD);
    // keeping the initial (or an expired) password under a "change" would defeat the forced change
    if (newPassword === currentPassword) throw new AuthException(AuthErrorCode.PASSWORD_UNCHANGED, { field: 'newPassword' });
    await this.accounts.update({ id: accountId }, { passwordHash: await hashPassword(newPassword), passwordChangedAt: new Date() });
    // every session, this one included, must log in again with the new password
    await this.sessions.revokeAll(accountId);
  }
}
