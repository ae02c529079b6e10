import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AccountStatus, AuthErrorCode, CommonErrorCode, DelegationErrorCode, DelegationStatus } from '@szpm/contract';
import { LessThanOrEqual, MoreThan, Repository } from 'typeorm';
import { AppException } from '../common/errors/app.exception';
import { DelegationException } from '../modules/delegations/delegation.exception';
import { onBehalfGrants } from '../modules/delegations/delegation-rules';
import { Delegation } from '../modules/delegations/entities/delegation.entity';
import { RefreshToken } from '../modules/auth/entities/refresh-token.entity';
import type { AccessTokenPayload } from './access-token.service';
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

  /**
   * The actor of a verified access token, whose session must still be open: logout, a password
   * change, unbinding WeChat or disabling the account revoke the session's refresh tokens, and its
   * access tokens stop working with them. The session is checked in the query that loads the
   * account, so revocation costs no round trip and no cache can keep a revoked token alive on
   * another api process.
   */
  async authenticate(token: AccessTokenPayload, onBehalfOf?: string | string[]): Promise<Actor> {
    return this.withDelegation(await this.activeAccount(token.sub, token.sid), onBehalfOf);
  }

  private async withDelegation(account: Account, onBehalfOf?: string | string[]): Promise<Actor> {
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

  private async activeAccount(accountId: number, sessionId?: string): Promise<Account> {
    const query = this.accounts.createQueryBuilder('account').where('account.id = :accountId', { accountId });
    if (sessionId !== undefined) {
      // EXISTS stops at the first unrevoked token of the family (rotated ones stay unrevoked until the session ends)
      const openToken = query.subQuery().select('1').from(RefreshToken, 'session').where('session.family = :sessionId').andWhere('session.revokedAt IS NULL').getQuery();
      query.addSelect(`EXISTS ${openToken}`, 'sessionOpen').setParameter('sessionId', sessionId);
    }
    const { entities, raw } = await query.getRawAndEntities<{ sessionOpen?: number | string }>();
    const account = entities[0];
    if (!account) throw new AppException(CommonErrorCode.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED);
    if (account.status !== AccountStatus.ACTIVE) throw new AppException(AuthErrorCode.ACCOUNT_INACTIVE, HttpStatus.UNAUTHORIZED);
    if (sessionId !== undefined && Number(raw[0].sessionOpen) !== 1) throw new AppException(CommonErrorCode.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED, SESSION_ENDED);
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

const SESSION_ENDED = '登录状态已失效，请重新登录';

function parseDelegatorId(header: string | string[]): number {
  const value = Array.isArray(header) ? (header.length === 1 ? header[0] : '') : header;
  const id = /^[1-9]\d{0,9}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isSafeInteger(id)) throw new DelegationException(DelegationErrorCode.INVALID_HEADER);
  return id;
}
