import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AccountStatus, AuthErrorCode, CommonErrorCode } from '@szpm/contract';
import { Repository } from 'typeorm';
import { AppException } from '../common/errors/app.exception';
import { Actor, grantKey } from './actor';
import { Account } from './entities/account.entity';
import { ModuleGrant } from './entities/module-grant.entity';

/** Builds the request's Actor from the account and its grants, refusing inactive accounts. */
@Injectable()
export class ActorLoader {
  constructor(
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    @InjectRepository(ModuleGrant) private readonly grants: Repository<ModuleGrant>,
  ) {}

  async load(accountId: number): Promise<Actor> {
    const account = await this.accounts.findOne({ where: { id: accountId } });
    if (!account) throw new AppException(CommonErrorCode.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED);
    if (account.status !== AccountStatus.ACTIVE) throw new AppException(AuthErrorCode.ACCOUNT_INACTIVE, HttpStatus.UNAUTHORIZED);
    return this.fromAccount(account);
  }

  async fromAccount(account: Account): Promise<Actor> {
    const grants = await this.grants.find({ where: { accountId: account.id } });
    return {
      accountId: account.id,
      name: account.name,
      role: account.role,
      districtId: account.districtId,
      streetId: account.streetId,
      unitCategory: account.unitCategory,
      unitId: account.unitId,
      grants: new Set(grants.map((g) => grantKey(g.module, g.action))),
      onBehalfOfId: null,
      onBehalfOfName: null,
    };
  }
}
