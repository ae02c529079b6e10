import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, APP_CONFIG, WechatAppConfig } from '../../config/app-config';
import { WechatAccessTokens } from './wechat-access-token';
import { wechatRequest } from './wechat-http';
import { WechatApiError, WechatUnavailableError } from './wechat.client';

const TIMEOUT_MS = 8000;

/** errcodes meaning "this access token is no good": refresh it and try once more */
export const TOKEN_ERRCODES: ReadonlySet<number> = new Set([40001, 40014, 42001]);

/** Template data as WeChat takes it: keyword → { value }. */
export type TemplateData = Record<string, { value: string }>;

export interface SubscribeMessage {
  touser: string;
  template_id: string;
  /** mini-program page opened from the message, e.g. pages/inbox/index?id=1 */
  page?: string;
  data: TemplateData;
  miniprogram_state: 'formal' | 'trial' | 'developer';
  lang: 'zh_CN';
}

export interface TemplateMessage {
  touser: string;
  template_id: string;
  url?: string;
  miniprogram?: { appid: string; pagepath: string };
  data: TemplateData;
  /** WeChat sends one message per openid + client_msg_id (for ten minutes): a resent request is not delivered twice */
  client_msg_id?: string;
}

/**
 * WeChat's message APIs over plain HTTP: mini-program subscribe messages
 * (/cgi-bin/message/subscribe/send) and official-account template messages
 * (/cgi-bin/message/template/send). Throws WechatApiError with WeChat's errcode, or
 * WechatUnavailableError when WeChat could not be reached or answered something else than JSON.
 */
@Injectable()
export class WechatMessageClient {
  private readonly base: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: WechatAccessTokens,
  ) {
    this.base = config.wechat.apiBase.replace(/\/+$/, '');
  }

  get miniProgram(): WechatAppConfig | null {
    return this.config.wechat.miniProgram;
  }

  get officialAccount(): WechatAppConfig | null {
    return this.config.wechat.officialAccount;
  }

  async sendSubscribe(message: SubscribeMessage): Promise<void> {
    if (!this.miniProgram) throw new Error('WECHAT_MINI_APPID is not configured');
    await this.call(this.miniProgram, '/cgi-bin/message/subscribe/send', message);
  }

  /** @returns WeChat's msgid */
  async sendTemplate(message: TemplateMessage): Promise<string | null> {
    if (!this.officialAccount) throw new Error('WECHAT_OA_APPID is not configured');
    const answer = await this.call(this.officialAccount, '/cgi-bin/message/template/send', message);
    return answer.msgid === undefined ? null : String(answer.msgid);
  }

  /** One call with the cached token; if WeChat calls the token invalid or expired, once more with a fresh one. */
  private async call(app: WechatAppConfig, path: string, body: object): Promise<{ errcode?: number; msgid?: unknown }> {
    const token = await this.tokens.token(app);
    let answer = await this.post(path, token, body);
    if (typeof answer.errcode === 'number' && TOKEN_ERRCODES.has(answer.errcode)) {
      await this.tokens.invalidate(app, token);
      answer = await this.post(path, await this.tokens.token(app), body);
    }
    if (typeof answer.errcode === 'number' && answer.errcode !== 0) throw new WechatApiError(answer.errcode, String(answer.errmsg ?? ''));
    return answer;
  }

  private async post(path: string, token: string, body: object): Promise<{ errcode?: number; errmsg?: unknown; msgid?: unknown }> {
    let status: number;
    let text: string;
    try {
      ({ status, text } = await wechatRequest(new URL(`${this.base}${path}?access_token=${encodeURIComponent(token)}`), {
        method: 'POST',
        body: JSON.stringify(body),
        timeoutMs: TIMEOUT_MS,
      }));
    } catch (error) {
      throw new WechatUnavailableError(`${path}: ${(error as Error).message}`);
    }
    if (status >= 500) throw new WechatUnavailableError(`${path} answered HTTP ${status}`);
    try {
      const answer = JSON.parse(text) as { errcode?: number; errmsg?: unknown; msgid?: unknown };
      if (typeof answer !== 'object' || answer === null) throw new Error('not an object');
      return answer;
    } catch {
      throw new WechatUnavailableError(`${path} answered HTTP ${status} without JSON`);
    }
  }
}
