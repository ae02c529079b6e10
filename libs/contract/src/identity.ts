/** Chapter 1 (身份绑定): requests and responses of /api/identity besides WechatLoginResponse and BindResponse. */

/** Where the WeChat identity came from: the official account's web OAuth (H5 inside WeChat) or the mini-program. */
export type WechatChannel = 'oa' | 'mini';

export const SMS_CODE_LENGTH = 6;
export const SMS_CODE_TTL_SECONDS = 5 * 60;
export const SMS_RESEND_INTERVAL_SECONDS = 60;
export const SMS_MAX_WRONG_ATTEMPTS = 5;
export const SMS_LOCK_SECONDS = 30 * 60;
export const BIND_TICKET_TTL_SECONDS = 10 * 60;

/** POST /api/identity/wechat/oa/login and /api/identity/wechat/mini/login */
export interface WechatCodeRequest {
  /** the `code` WeChat put on the OAuth redirect (oa) or the one `wx.login` returned (mini) */
  code: string;
}

/** GET /api/identity/wechat/oa/authorize-url */
export interface WechatAuthorizeUrlResponse {
  /** open it inside WeChat; WeChat redirects to the configured page with `code` and `state` */
  url: string;
}

/** POST /api/identity/bind/sms-code */
export interface SendBindCodeRequest {
  bindTicket: string;
  name: string;
  phone: string;
}

export interface SmsCodeSentResponse {
  /** masked: 138****1234 */
  phone: string;
  expiresInSeconds: number;
  /** a new code can be requested after this many seconds */
  resendAfterSeconds: number;
}

/** POST /api/identity/bind */
export interface ConfirmBindRequest extends SendBindCodeRequest {
  code: string;
}

/** GET /api/identity/dev/sms-outbox: only with SMS_PROVIDER=development */
export interface DevSmsOutboxItem {
  phone: string;
  content: string;
  code: string;
  sentAt: string;
}

/**
 * The development WeChat sign-in of embedded mode (no DATABASE_URL): it stands in for WeChat with a
 * local openid of this form, so chapter 1 can be tried without a WeChat app. Never in production.
 */
export const DEV_WECHAT_OPENID_PATTERN = /^dev-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** GET /api/identity/wechat/dev */
export interface DevWechatStatus {
  enabled: boolean;
}

/** POST /api/identity/wechat/dev/login */
export interface DevWechatLoginRequest {
  /** the local openid a previous dev sign-in issued; without it a new one is issued */
  openid?: string;
}
