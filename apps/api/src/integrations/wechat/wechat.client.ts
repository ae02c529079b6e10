import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { WechatChannel } from '@szpm/contract';
import { Repository } from 'typeorm';
import OAuth from 'wechat-oauth';
import { AppConfig, APP_CONFIG, WechatAppConfig } from '../../config/app-config';
import { WechatOauthToken } from '../../modules/identity/entities/wechat-oauth-token.entity';

/** The base URL wechat-oauth has hard-coded; every request to it is redirected to WECHAT_API_BASE. */
export const WECHAT_DEFAULT_API_BASE = 'https://api.weixin.qq.com';
const TIMEOUT_MS = 8000;

/** WeChat answered with an `errcode` (e.g. 40029 invalid code, 40163 code already used). */
export class WechatApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeChat errcode ${errcode}: ${errmsg}`);
    this.name = 'WechatApiError';
  }
}

/** WeChat could not be reached or answered something that is not its JSON. */
export class WechatUnavailableError extends Error {
  constructor(reason: string) {
    super(`WeChat unavailable: ${reason}`);
    this.name = 'WechatUnavailableError';
  }
}

/** WECHAT_OA_* or WECHAT_MINI_* is not set. */
export class WechatNotConfiguredError extends Error {
  constructor(readonly channel: WechatChannel) {
    super(`WeChat ${channel === 'oa' ? 'official account (WECHAT_OA_APPID/SECRET)' : 'mini-program (WECHAT_MINI_APPID/SECRET)'} is not configured`);
    this.name = 'WechatNotConfiguredError';
  }
}

/**
 * The WeChat identity of a visitor: the official account's web OAuth (code → openid through
 * /sns/oauth2/access_token) and the mini-program's wx.login (code → openid through
 * /sns/jscode2session), both via wechat-oauth. Its tokens live in the wechat_oauth_tokens table,
 * so every api instance sees them.
 */
@Injectable()
export class WechatClient {
  private readonly officialAccount: OAuth | null;
  private readonly miniProgram: OAuth | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(WechatOauthToken) private readonly tokens: Repository<WechatOauthToken>,
  ) {
    this.officialAccount = config.wechat.officialAccount ? this.createOAuth(config.wechat.officialAccount, false) : null;
    this.miniProgram = config.wechat.miniProgram ? this.createOAuth(config.wechat.miniProgram, true) : null;
  }

  /** The page inside WeChat that sends the visitor through the official account's silent OAuth (snsapi_base). */
  authorizeUrl(redirectUrl: string, state: string): string {
    return this.oauthOf('oa').getAuthorizeURL(redirectUrl, state, 'snsapi_base');
  }

  /** Trades a code from the OAuth redirect (oa) or from wx.login (mini) for the visitor's openid. */
  async openidFromCode(channel: WechatChannel, code: string): Promise<string> {
    const oauth = this.oauthOf(channel);
    const token = await new Promise<OAuth.AccessToken>((resolve, reject) => {
      const done = (error: (Error & { code?: number }) | null, result?: OAuth.AccessToken) =>
        error ? reject(translate(error)) : resolve(result as OAuth.AccessToken);
      if (channel === 'oa') oauth.getAccessToken(code, done);
      else oauth.getSessionKey(code, done);
    });
    const openid = token?.data?.openid;
    if (typeof openid !== 'string' || !openid) throw new WechatUnavailableError('the answer carries no openid');
    return openid;
  }

  private oauthOf(channel: WechatChannel): OAuth {
    const oauth = channel === 'oa' ? this.officialAccount : this.miniProgram;
    if (!oauth) throw new WechatNotConfiguredError(channel);
    return oauth;
  }

  private createOAuth(app: WechatAppConfig, isMiniProgram: boolean): OAuth {
    const oauth = new OAuth(
      app.appId,
      app.secret,
      (openid, callback) => {
        this.tokens.findOne({ where: { openid } }).then(
          (row) => callback(null, row ? (JSON.parse(row.tokenJson) as OAuth.TokenData) : null),
          (error: Error) => callback(error),
        );
      },
      (openid, token, callback) => {
        this.tokens.upsert({ openid, tokenJson: JSON.stringify(token) }, ['openid']).then(
          () => callback(null),
          (error: Error) => callback(error),
        );
      },
      isMiniProgram,
    );
    oauth.setOpts({ timeout: TIMEOUT_MS });
    const base = this.config.wechat.apiBase.replace(/\/+$/, '');
    const request = oauth.request.bind(oauth);
    oauth.request = (url, opts, callback) =>
      request(url.startsWith(WECHAT_DEFAULT_API_BASE) ? base + url.slice(WECHAT_DEFAULT_API_BASE.length) : url, opts, callback);
    return oauth;
  }
}

/** wechat-oauth names WeChat's own errors `WeChatAPIError` (with `code` = errcode); anything else is transport. */
function translate(error: Error & { code?: number }): Error {
  if (error.name === 'WeChatAPIError' && typeof error.code === 'number') return new WechatApiError(error.code, error.message);
  return new WechatUnavailableError(`${error.name}: ${error.message}`);
}
