import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AccountStatus, AuthErrorCode, IdentityErrorCode, StaffDetail } from '@szpm/contract';
import { HttpStatus } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';
import { Actor } from '../../access/actor';
import { Account } from '../../access/entities/account.entity';
import { AppException } from '../../common/errors/app.exception';
import { AuthException } from '../auth/auth.exception';
import { LoginChannel } from '../auth/entities/refresh-token.entity';
import { PasswordAttempts } from '../auth/password-attempts.service';
import { SessionService } from '../auth/session.service';
import { UpdateOwnProfileDto } from './dto/own-account.dto';
import { StaffDirectoryService } from './staff-directory.service';

/** 点击头像: the officer's own account — edit, unbind WeChat, cancel (注销). */
@Injectable()
export class OwnAccountService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: StaffDirectoryService,
    private readonly sessions: SessionService,
    private readonly passwords: PasswordAttempts,
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the caller's own account (by actor.accountId)
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
  ) {}

  detail(actor: Actor): Promise<StaffDetail> {
    return this.directory.detail(actor, actor.accountId);
  }

  async update(actor: Actor, dto: UpdateOwnProfileDto): Promise<StaffDetail> {
    const changes: Partial<Account> = {};
    if (dto.position !== undefined) changes.position = dto.position;
    if (dto.email !== undefined) changes.email = dto.email;
    if (dto.avatarUrl !== undefined) changes.avatarUrl = dto.avatarUrl;
    if (Object.keys(changes).length) await this.accounts.update({ id: actor.accountId }, changes);
    return this.detail(actor);
  }

  /** Removes both WeChat identities; the WeChat sessions end, PC sessions stay. */
  async unbind(actor: Actor): Promise<void> {
    const account = await this.accounts.findOneByOrFail({ id: actor.accountId });
    if (!account.wechatOpenId && !account.miniOpenId) throw new AppException(IdentityErrorCode.NOT_BOUND, HttpStatus.BAD_REQUEST);
    await this.dataSource.transaction(async (manager) => {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- unbinds the caller's own account
      await manager.update(Account, { id: account.id }, { wechatOpenId: null, miniOpenId: null, boundAt: null });
    });
    await this.sessions.revokeChannel(account.id, [LoginChannel.WECHAT_OFFICIAL_ACCOUNT, LoginChannel.WECHAT_MINI_PROGRAM]);
  }

  /** 注销: the account can no longer log in; its records and history stay. Confirmed by password. */
  async cancel(actor: Actor, password: string): Promise<void> {
    const account = await this.accounts.findOneByOrFail({ id: actor.accountId });
    if (!(await this.passwords.verify(account, password))) throw new AuthException(AuthErrorCode.WRONG_CURRENT_PASSWORD);
    await this.accounts.update(
      { id: account.id },
      { status: AccountStatus.CANCELLED, cancelledAt: new Date(), wechatOpenId: null, miniOpenId: null, boundAt: null },
    );
    await this.sessions.revokeAll(account.id);
  }
}
