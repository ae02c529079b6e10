import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AccountStatus, AuthErrorCode, CommonErrorCode, DelegationErrorCode, DelegationStatus } from '@szpm/contract';
import { LessThanOrEqual, MoreThan, Repository } from 'typeorm';
import { AppException } from '../common/errors/app.exception';
import { DelegationException } from '../modules/delegations/delegation.exception';
import { onBehalfGrants } from '../modules/delegations/delegation-rules';
import { Delegation } from '../modules/delegations/entities/delegation.entity';
import { Actor, grantKey } from './actor';
import { Account } from './entities/account.entity';
import { ModuleGrant } from './entities/module-grant.entity';

/**
 * Builds the request's Actor from the account and its grants, refusing inactive accounts.
 *
 * 代办委托 is resolved here and nowhere else: with `X-On-Behalf-Of: <delegatorId>` the caller must
 * hold a delegation from that officer in effect right now; the actor then carries the delegator's
 * role, district and grants restricted to the delegated modules, keeps the caller's own id and
 * name, and names the delegator in onBehalfOfId, so that the workflow history and the audit log
 * record "caller on behalf of delegator".
 */
@Injectable()
export class ActorLoader {
  constructor(
    // eslint-disable-next-line szpm/no-raw-scoped-access -- loads the authenticated caller's own account: the actor, and so its scope, comes from here
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    @InjectRepository(ModuleGrant) private readonly grants: Repository<ModuleGrant>,
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the caller's own delegations (by delegate id) that lend it grants
    @InjectRepository(Delegation) private readonly delegations: Repository<Delegation>,
  ) {}

  /** `onBehalfOf`: the X-On-Behalf-Of header as received (absent or empty: the caller acts as themself). */
  async load(accountId: number, onBehalfOf?: string | string[]): Promise<Actor> {
    const account = await this.activeAccount(accountId);
    const actor = await this.fromAccount(account);
    if (onBehalfOf === undefined || onBehalfOf === '') return actor;
    const delegatorId = parseDelegatorId(onBehalfOf);
    return delegatorId === actor.accountId ? actor : this.onBehalfOf(actor, delegatorId);
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

  private async activeAccount(accountId: number): Promise<Account> {
    const account = await this.accounts.findOne({ where: { id: accountId } });
    if (!account) throw new AppException(CommonErrorCode.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED);
    if (account.status !== AccountStatus.ACTIVE) throw new AppException(AuthErrorCode.ACCOUNT_INACTIVE, HttpStatus.UNAUTHORIZED);
    return account;
  }

  private async onBehalfOf(delegate: Actor, delegatorId: number): Promise<Actor> {
    const now = new Date();
    const inEffect = await this.delegations.find({
      where: { delegateId: delegate.accountId, delegatorId, status: DelegationStatus.ACTIVE, startAt: LessThanOrEqual(now), endAt: MoreThan(now) },
    });
    const delegator = inEffect.length ? await this.accounts.findOne({ where: { id: delegatorId } }) : null;
    // a delegation lapses with the delegator's account, and when the two no longer share a district bureau
    if (!delegator || delegator.status !== AccountStatus.ACTIVE || delegator.districtId === null || delegator.districtId !== delegate.districtId) {
      throw new DelegationException(DelegationErrorCode.NOT_IN_EFFECT);
    }
    const asDelegator = await this.fromAccount(delegator);
    return {
      ...asDelegator,
      accountId: delegate.accountId,
      name: delegate.name,
      grants: onBehalfGrants(asDelegator.grants, inEffect.flatMap((d) => d.modules)),
      onBehalfOfId: delegator.id,
      onBehalfOfName: delegator.name,
    };
  }
}

function parseDelegatorId(header: string | string[]): number {
  const value = Array.isArray(header) ? (header.length === 1 ? header[0] : '') : header;
  const id = /^[1-9]\d{0,9}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isSafeInteger(id)) throw new DelegationException(DelegationErrorCode.INVALID_HEADER);
  return id;
}
