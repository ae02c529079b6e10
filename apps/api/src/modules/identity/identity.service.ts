import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  AccountStatus,
  AuthErrorCode,
  BindResponse,
  DevWechatLoginResponse,
  IdentityErrorCode,
  SMS_CODE_TTL_SECONDS,
  SMS_RESEND_INTERVAL_SECONDS,
  SmsCodeSentResponse,
  WechatChannel,
  WechatLoginResponse,
} from '@szpm/contract';
import { EntityManager, QueryFailedError, Repository } from 'typeorm';
import { Account } from '../../access/entities/account.entity';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { maskPhone } from '../../common/http/masking';
import { AppException } from '../../common/errors/app.exception';
import { DevelopmentWechatIdentity } from '../../integrations/wechat/development-wechat';
import { WechatClient } from '../../integrations/wechat/wechat.client';
import { AccountProfileService } from '../auth/account-profile.service';
import { AuthException } from '../auth/auth.exception';
import { LoginChannel } from '../auth/entities/refresh-token.entity';
import { SessionService } from '../auth/session.service';
import { BindTicket, BindTicketService } from './bind-ticket.service';
import { SmsPurpose } from './entities/sms-verification.entity';
import { IdentityException } from './identity.exception';
import { LookupThrottle } from './lookup-throttle.service';
import { SmsCodeService } from './sms-code.service';
import { openidOfCode } from './wechat-errors';
import { isDuplicateKey } from '../../common/sql/duplicate-key';

/** The account column that holds the openid of each WeChat app. */
const OPENID_COLUMN: Record<WechatChannel, 'wechatOpenId' | 'miniOpenId'> = { oa: 'wechatOpenId', mini: 'miniOpenId' };
const LOGIN_CHANNEL: Record<WechatChannel, LoginChannel> = {
  oa: LoginChannel.WECHAT_OFFICIAL_ACCOUNT,
  mini: LoginChannel.WECHAT_MINI_PROGRAM,
};

interface PersonClaim {
  name: string;
  phone: string;
}

/**
 * Chapter 1 (身份绑定): a WeChat identity logs in directly when it is bound to an account;
 * otherwise it binds to an account a district lead created in advance, proven by name + phone +
 * SMS code. There is no self-registration.
 */
@Injectable()
export class IdentityService {
  constructor(
    // eslint-disable-next-line szpm/no-raw-scoped-access -- WeChat login and binding: finds the caller's own preset account by openid or phone, before any actor exists
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    private readonly throttle: LookupThrottle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly wechat: WechatClient,
    private readonly devWechat: DevelopmentWechatIdentity,
    private readonly tickets: BindTicketService,
    private readonly smsCodes: SmsCodeService,
    private readonly sessions: SessionService,
    private readonly profiles: AccountProfileService,
  ) {}

  oaAuthorizeUrl(state: string): string {
    const redirect = this.config.wechat.oauthRedirectUrl;
    if (!redirect || !this.config.wechat.officialAccount) {
      throw new IdentityException(IdentityErrorCode.WECHAT_NOT_CONFIGURED, { details: { channel: 'oa' } });
    }
    return this.wechat.authorizeUrl(redirect, state);
  }

  async wechatLogin(channel: WechatChannel, code: string): Promise<WechatLoginResponse> {
    return this.signIn(channel, await openidOfCode(this.wechat, channel, code));
  }

  /** Embedded mode's development sign-in: a local openid in place of the official account's, then the same login. */
  async devWechatLogin(previousOpenid?: string): Promise<DevWechatLoginResponse> {
    if (!this.devWechat.enabled) throw AppException.notFound('开发环境微信登录');
    const openid = this.devWechat.openid(previousOpenid);
    return { ...(await this.signIn('oa', openid)), openid };
  }

  /** A WeChat identity signs in when bound to an account; otherwise it gets a ticket to bind one. */
  private async signIn(channel: WechatChannel, openid: string): Promise<WechatLoginResponse> {
    const account = await this.accounts.findOne({ where: { [OPENID_COLUMN[channel]]: openid } });
    if (!account) return { bound: false, bindTicket: this.tickets.issue({ openid, channel }) };
    if (account.status !== AccountStatus.ACTIVE) throw new AuthException(AuthErrorCode.ACCOUNT_INACTIVE);
    await this.accounts.update({ id: account.id }, { lastLoginAt: new Date() });
    return {
      bound: true,
      tokens: await this.sessions.issue(account.id, LOGIN_CHANNEL[channel]),
      modules: await this.profiles.modulesOf(account.id),
    };
  }

  async sendBindCode(bindTicket: string, person: PersonClaim): Promise<SmsCodeSentResponse> {
    const ticket = this.tickets.read(bindTicket);
    const account = await this.presetAccount(person, ticket.openid);
    await this.refuseConflicts(this.accounts.manager, account, ticket);
    await this.smsCodes.send(account.phone, SmsPurpose.BIND_IDENTITY);
    return { phone: maskPhone(account.phone), expiresInSeconds: SMS_CODE_TTL_SECONDS, resendAfterSeconds: SMS_RESEND_INTERVAL_SECONDS };
  }

  async confirmBind(bindTicket: string, person: PersonClaim, code: string): Promise<BindResponse> {
    const ticket = this.tickets.read(bindTicket);
    const account = await this.presetAccount(person, ticket.openid);
    const column = OPENID_COLUMN[ticket.channel];
    try {
      await this.smsCodes.consume(account.phone, SmsPurpose.BIND_IDENTITY, code, async (manager) => {
        // eslint-disable-next-line szpm/no-raw-scoped-access -- re-reads the caller's own preset account inside the SMS-code transaction
        const current = await manager.findOneOrFail(Account, { where: { id: account.id } });
        if (current.status !== AccountStatus.ACTIVE) throw new IdentityException(IdentityErrorCode.PERSON_NOT_FOUND);
        await this.refuseConflicts(manager, current, ticket);
        // eslint-disable-next-line szpm/no-raw-scoped-access -- binds the openid to the caller's own preset account
        await manager.update(Account, { id: current.id }, { [column]: ticket.openid, boundAt: current.boundAt ?? new Date(), lastLoginAt: new Date() });
      });
    } catch (error) {
      // the unique index caught a concurrent binding of the same openid
      if (error instanceof QueryFailedError && isDuplicateKey(error)) throw new IdentityException(IdentityErrorCode.WECHAT_ALREADY_BOUND);
      throw error;
    }
    const tokens = await this.sessions.issue(account.id, LOGIN_CHANNEL[ticket.channel]);
    return { tokens, account: await this.profiles.me(await this.accounts.findOneOrFail({ where: { id: account.id } }), false) };
  }

  /**
   * The one active account with exactly this name and phone; the error never says which part is
   * wrong, and misses are limited per WeChat identity (LookupThrottle).
   */
  private async presetAccount(person: PersonClaim, openid: string): Promise<Account> {
    if (await this.throttle.locked(openid)) throw new IdentityException(IdentityErrorCode.LOOKUP_LOCKED);
    const account = await this.accounts.findOne({ where: { phone: person.phone, name: person.name, status: AccountStatus.ACTIVE } });
    if (!account) {
      await this.throttle.recordMiss(openid);
      throw new IdentityException(IdentityErrorCode.PERSON_NOT_FOUND);
    }
    return account;
  }

  private async refuseConflicts(manager: EntityManager, account: Account, ticket: BindTicket): Promise<void> {
    const column = OPENID_COLUMN[ticket.channel];
    // eslint-disable-next-line szpm/no-raw-scoped-access -- an openid is unique city-wide: any account holding it is a conflict
    const holder = await manager.findOne(Account, { where: { [column]: ticket.openid } });
    if (holder && holder.id !== account.id) throw new IdentityException(IdentityErrorCode.WECHAT_ALREADY_BOUND);
    if (account[column] && account[column] !== ticket.openid) throw new IdentityException(IdentityErrorCode.ALREADY_BOUND);
  }
}

