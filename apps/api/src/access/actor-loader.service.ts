import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AccountStatus, AuthErrorCode, CommonErrorCode, DelegationErrorCode, DelegationStatus } from '@szpm/contract';
import { LessThanOrEqual, MoreThan, Repository } from 'typeorm';
import { InvalidatedCache } from '../common/cache/invalidated-cache';
import { InvalidationBus } from '../common/cache/invalidation-bus';
import { WriteInvalidation } from '../common/cache/write-invalidation';
import { AppException } from '../common/errors/app.exception';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { DelegationException } from '../modules/delegations/delegation.exception';
import { onBehalfGrants } from '../modules/delegations/delegation-rules';
import { Delegation } from '../modules/delegations/entities/delegation.entity';
import { LoginChannel, RefreshToken } from '../modules/auth/entities/refresh-token.entity';
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
 *
 * The actor of a session is kept in memory for ACTOR_CACHE_SECONDS (it cost two queries on every
 * request): any write to accounts, grants or a session's refresh tokens, in any process, empties
 * the cache through the invalidation bus, so a disabled account, a revoked grant or an ended
 * session stops working at once; without a live bus nothing is cached. Acting on behalf of
 * someone is never cached (a delegation ends by the clock).
 */
@Injectable()
export class ActorLoader {
  private readonly sessions: InvalidatedCache<Actor>;

  constructor(
    // eslint-disable-next-line szpm/no-raw-scoped-access -- loads the authenticated caller's own account: the actor, and so its scope, comes from here
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    @InjectRepository(ModuleGrant) private readonly grants: Repository<ModuleGrant>,
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the caller's own delegations (by delegate id) that lend it grants
    @InjectRepository(Delegation) private readonly delegations: Repository<Delegation>,
    @Inject(APP_CONFIG) config: AppConfig,
    bus: InvalidationBus,
    writes: WriteInvalidation,
  ) {
    this.sessions = new InvalidatedCache<Actor>(bus, ACTORS_TOPIC, { ttlMs: config.caches.actorSeconds * 1000, maxEntries: 20_000 });
    writes.watch(Account, ACTORS_TOPIC);
    writes.watch(ModuleGrant, ACTORS_TOPIC);
    // a new refresh token (sign-in, rotation) ends no session; revoking one does
    writes.watch(RefreshToken, ACTORS_TOPIC, { inserts: false });
  }

  /**
   * The actor of a verified access token, whose session must still be open: logout, a password
   * change, unbinding WeChat or disabling the account revoke the session's refresh tokens, and its
   * access tokens stop working with them. The session is checked in the query that loads the
   * account; the cache above is emptied by the revocation's write.
   */
  async authenticate(token: AccessTokenPayload, onBehalfOf?: string | string[]): Promise<Actor> {
    if ((onBehalfOf === undefined || onBehalfOf === '') && token.sid !== undefined) {
      return this.sessions.get(`${token.sub}:${token.sid}`, async () => {
        const { account, passwordSession } = await this.activeAccount(token.sub, token.sid);
        return this.fromAccount(account, passwordSession);
      });
    }
    const { account, passwordSession } = await this.activeAccount(token.sub, token.sid);
    return this.withDelegation(account, passwordSession, onBehalfOf);
  }

  private async withDelegation(account: Account, passwordSession: boolean, onBehalfOf?: string | string[]): Promise<Actor> {
    const actor = await this.fromAccount(account, passwordSession);
    if (onBehalfOf === undefined || onBehalfOf === '') return actor;
    const delegatorId = parseDelegatorId(onBehalfOf);
    return delegatorId === actor.accountId ? actor : this.onBehalfOf(actor, delegatorId);
  }

  /**
   * `passwordSession`: the session began with the password (PC login), so an initial or expired
   * password must be changed first; a WeChat session (bound by SMS) is not held up by it.
   */
  async fromAccount(account: Account, passwordSession = true): Promise<Actor> {
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
      ...(passwordSession ? { passwordChangedAt: account.passwordChangedAt } : {}),
    };
  }

  private async activeAccount(accountId: number, sessionId?: string): Promise<{ account: Account; passwordSession: boolean }> {
    const query = this.accounts.createQueryBuilder('account').where('account.id = :accountId', { accountId });
    if (sessionId !== undefined) {
      // EXISTS stops at the first unrevoked token of the family (rotated ones stay unrevoked until the session ends)
      const openToken = query.subQuery().select('1').from(RefreshToken, 'session').where('session.family = :sessionId').andWhere('session.revokedAt IS NULL').getQuery();
      const channel = query.subQuery().select('MIN(channelOf.channel)').from(RefreshToken, 'channelOf').where('channelOf.family = :sessionId').getQuery();
      query.addSelect(`EXISTS ${openToken}`, 'sessionOpen').addSelect(channel, 'sessionChannel').setParameter('sessionId', sessionId);
    }
    const { entities, raw } = await query.getRawAndEntities<{ sessionOpen?: number | string; sessionChannel?: string | null }>();
    const account = entities[0];
    if (!account) throw new AppException(CommonErrorCode.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED);
    if (account.status !== AccountStatus.ACTIVE) throw new AppException(AuthErrorCode.ACCOUNT_INACTIVE, HttpStatus.UNAUTHORIZED);
    if (sessionId !== undefined && Number(raw[0].sessionOpen) !== 1) throw new AppException(CommonErrorCode.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED, SESSION_ENDED);
    return { account, passwordSession: sessionId === undefined || raw[0].sessionChannel === LoginChannel.PC };
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
      // the caller's own password must be changed before they act for anyone
      passwordChangedAt: delegate.passwordChangedAt,
    };
  }
}

const ACTORS_TOPIC = 'actors';

const SESSION_ENDED = '登录状态已失效，请重新登录';

function parseDelegatorId(header: string | string[]): number {
  const value = Array.isArray(header) ? (header.length === 1 ? header[0] : '') : header;
  const id = /^[1-9]\d{0,9}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isSafeInteger(id)) throw new DelegationException(DelegationErrorCode.INVALID_HEADER);
  return id;
}
