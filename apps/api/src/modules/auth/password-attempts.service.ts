import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuthErrorCode } from '@szpm/contract';
import { EntityManager, Repository } from 'typeorm';
import { Account } from '../../access/entities/account.entity';
import { AuthException } from './auth.exception';
import { verifyPassword } from './password';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

const NOT_LOCKED = 'id = :id AND (lockedUntil IS NULL OR lockedUntil <= :now)';

/**
 * Every check of an account's own password — login, the current password of a password change,
 * the confirmation of 注销 — counts towards one lockout: MAX_FAILED_LOGINS wrong passwords in a
 * row lock the account for LOCKOUT_MS. The count is kept by conditional UPDATEs in one
 * transaction, never read-modify-written, so that guesses sent at the same moment count one by
 * one: on MySQL the first UPDATE holds the row lock until the commit, on SQLite transactions run
 * one after another (database/sqlite-transactions.ts).
 */
@Injectable()
export class PasswordAttempts {
  constructor(
    // eslint-disable-next-line szpm/no-raw-scoped-access -- counts the failures of the account whose own password is being checked
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
  ) {}

  /**
   * True for the right password (the failures counted so far are cleared), false for a wrong one.
   * Throws ACCOUNT_LOCKED while the account is locked, and for the guess that locks it.
   */
  async verify(account: Account, password: string): Promise<boolean> {
    if (account.lockedUntil && account.lockedUntil.getTime() > Date.now()) throw locked(account.lockedUntil);
    const right = await verifyPassword(password, account.passwordHash);
    // the lock is answered after the commit: thrown inside, it would roll back the lock it reports
    const outcome = await this.accounts.manager.transaction((manager) => this.count(manager, account.id, right));
    if (outcome instanceof Date) throw locked(outcome);
    return outcome;
  }

  /** Whether the password was right, or the end of the lock that is on (or that this wrong guess set). */
  private async count(manager: EntityManager, id: number, right: boolean): Promise<boolean | Date> {
    const now = new Date();
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the account whose own password is being checked
    const notLocked = () => manager.createQueryBuilder().update(Account).where(NOT_LOCKED, { id, now });
    if (right) {
      // a lock that other guesses set while this one was being hashed stays
      const cleared = await notLocked().set({ failedLoginCount: 0, lockedUntil: null }).execute();
      return cleared.affected ? true : this.currentLock(manager, id);
    }
    const counted = await notLocked().set({ failedLoginCount: () => 'failedLoginCount + 1' }).execute();
    if (!counted.affected) return this.currentLock(manager, id);
    const lockedUntil = new Date(now.getTime() + LOCKOUT_MS);
    // locking resets the count, so that it starts afresh once the lock has run out
    const locking = await notLocked().andWhere('failedLoginCount >= :max', { max: MAX_FAILED_LOGINS }).set({ failedLoginCount: 0, lockedUntil }).execute();
    return locking.affected ? lockedUntil : false;
  }

  private async currentLock(manager: EntityManager, id: number): Promise<Date> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the lock of the account whose own password is being checked
    const { lockedUntil } = await manager.findOneOrFail(Account, { where: { id }, select: { id: true, lockedUntil: true } });
    return lockedUntil ?? new Date();
  }
}

function locked(until: Date): AuthException {
  return new AuthException(AuthErrorCode.ACCOUNT_LOCKED, { details: { lockedUntil: until.toISOString() } });
}
