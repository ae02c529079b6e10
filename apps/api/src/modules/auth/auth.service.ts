import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AccountStatus, AuthErrorCode, TokenPair } from '@szpm/contract';
import { Repository } from 'typeorm';
import { Account } from '../../access/entities/account.entity';
import { AuthException } from './auth.exception';
import { LoginChannel } from './entities/refresh-token.entity';
import { hashPassword, isStrongPassword, verifyAgainstNothing, verifyPassword } from './password';
import { SessionService } from './session.service';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

/** PC login (chapter 2): password check with lockout, refresh, logout and password change. */
@Injectable()
export class AuthService {
  constructor(
    // eslint-disable-next-line szpm/no-raw-scoped-access -- login, refresh and password change: the caller's own account (by username or token subject), before any scope exists
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    private readonly sessions: SessionService,
  ) {}

  async login(username: string, password: string): Promise<TokenPair> {
    const account = await this.accounts.findOne({ where: { username } });
    if (!account) {
      await verifyAgainstNothing(password);
      throw new AuthException(AuthErrorCode.INVALID_CREDENTIALS);
    }
    if (account.lockedUntil && account.lockedUntil.getTime() > Date.now()) {
      throw new AuthException(AuthErrorCode.ACCOUNT_LOCKED, { details: { lockedUntil: account.lockedUntil.toISOString() } });
    }
    if (!(await verifyPassword(password, account.passwordHash))) {
      await this.recordFailure(account);
      throw new AuthException(AuthErrorCode.INVALID_CREDENTIALS);
    }
    if (account.status !== AccountStatus.ACTIVE) throw new AuthException(AuthErrorCode.ACCOUNT_INACTIVE);
    await this.accounts.update({ id: account.id }, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() });
    return this.sessions.issue(account.id, LoginChannel.PC);
  }

  private async recordFailure(account: Account): Promise<void> {
    // an expired lock starts the count afresh
    const previous = account.lockedUntil ? 0 : account.failedLoginCount;
    const failures = previous + 1;
    const lock = failures >= MAX_FAILED_LOGINS;
    await this.accounts.update(
      { id: account.id },
      { failedLoginCount: lock ? 0 : failures, lockedUntil: lock ? new Date(Date.now() + LOCKOUT_MS) : null },
    );
    if (lock) throw new AuthException(AuthErrorCode.ACCOUNT_LOCKED, { details: { lockedUntil: new Date(Date.now() + LOCKOUT_MS).toISOString() } });
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
    if (!(await verifyPassword(currentPassword, account.passwordHash))) throw new AuthException(AuthErrorCode.WRONG_CURRENT_PASSWORD);
    if (!isStrongPassword(newPassword)) throw new AuthException(AuthErrorCode.WEAK_PASSWORD);
    await this.accounts.update({ id: accountId }, { passwordHash: await hashPassword(newPassword) });
    // other devices must log in again with the new password
    await this.sessions.revokeAll(accountId);
  }
}
