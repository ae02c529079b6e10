import { TokenPair, WechatLoginResponse } from '@szpm/contract';

/**
 * How this copy of the app signs in:
 * - weapp: wx.login → the api's mini-program code login;
 * - H5 inside WeChat (MicroMessenger): the official account's OAuth redirect, then its code login;
 * - H5 elsewhere (a PC or a test browser): the username / password page.
 */
export type LoginMode =
  | { kind: 'mini' }
  | { kind: 'oa-authorize' }
  | { kind: 'oa-callback'; code: string; state: string }
  | { kind: 'password' };

export interface LoginEnvironment {
  taroEnv: string;
  userAgent: string;
  /** location.search of the H5 page ('' in weapp) */
  search: string;
}

export function isWechatBrowser(userAgent: string): boolean {
  return /MicroMessenger/i.test(userAgent);
}

export function decideLoginMode(env: LoginEnvironment): LoginMode {
  if (env.taroEnv === 'weapp') return { kind: 'mini' };
  if (!isWechatBrowser(env.userAgent)) return { kind: 'password' };
  const params = new URLSearchParams(env.search);
  const code = params.get('code');
  if (code) return { kind: 'oa-callback', code, state: params.get('state') ?? '' };
  return { kind: 'oa-authorize' };
}

/** Where the OAuth `state` waits for WeChat's redirect back (the officers' and the owners' sign-in). */
export const OAUTH_STATE_KEY = 'szpm.oauthState';

/** The page's URL without WeChat's `code` and `state` (a code works once: never reuse it on reload). */
export function withoutOauthParams(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('code');
  url.searchParams.delete('state');
  return url.toString();
}

/** A random OAuth `state`, checked on the way back so that a foreign code is not accepted. */
export function newOauthState(random: () => number = Math.random): string {
  return Array.from({ length: 16 }, () => Math.floor(random() * 36).toString(36)).join('');
}

export type Landing = { kind: 'home'; tokens: TokenPair } | { kind: 'bind'; bindTicket: string } | { kind: 'failed'; message: string };

/** Where a WeChat login leads: bound identities go home, unbound ones to identity binding. */
export function landingOf(response: WechatLoginResponse): Landing {
  if (response.bound && response.tokens) return { kind: 'home', tokens: response.tokens };
  if (!response.bound && response.bindTicket) return { kind: 'bind', bindTicket: response.bindTicket };
  return { kind: 'failed', message: '微信登录结果不完整，请重新进入页面' };
}
