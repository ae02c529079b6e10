import Taro from '@tarojs/taro';
import { CommonErrorCode, OwnerMe, OwnerSession } from '@szpm/contract';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { api, ApiError } from './api';
import { ownerApi, ownerClient } from './api/owner';
import { newOauthState, OAUTH_STATE_KEY } from './logic/login-route';
import { OWNER_OAUTH_STATE_PREFIX } from './logic/owner-sign-in';
import { ROUTES } from './routes';

/** The signed-in owner's bindings (我的小区), kept in memory like an officer's `me`. */
let owner: OwnerMe | null = null;
const listeners = new Set<() => void>();

export const ownerSession = {
  get: () => owner,
  set(next: OwnerMe | null) {
    owner = next;
    listeners.forEach((listener) => listener());
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useOwner(): OwnerMe | null {
  return useSyncExternalStore(ownerSession.subscribe, ownerSession.get, ownerSession.get);
}

/**
 * The owner on a page opened directly (a reload, a link): the token in storage is asked for its
 * owner once; `checking` until then.
 */
export function useSignedInOwner(): { owner: OwnerMe | null; checking: boolean } {
  const owner = useOwner();
  const [checking, setChecking] = useState(() => owner === null && ownerClient.hasSession());
  useEffect(() => {
    if (!checking) return;
    void resumeOwnerSession()
      .catch(() => null)
      .finally(() => setChecking(false));
  }, [checking]);
  return { owner, checking };
}

function start(session: OwnerSession): OwnerMe {
  ownerClient.startSession({ accessToken: session.accessToken, refreshToken: '', expiresIn: session.expiresIn });
  ownerSession.set(session.me);
  return session.me;
}

/** The owner of the token this phone holds, or null when there is none (or it has expired). */
export async function resumeOwnerSession(): Promise<OwnerMe | null> {
  if (!ownerClient.hasSession()) return null;
  try {
    const me = await ownerApi.me();
    ownerSession.set(me);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      ownerClient.endSession();
      return null;
    }
    throw error;
  }
}

/** weapp: wx.login's code, exchanged for the owner's session. */
export async function ownerMiniSignIn(): Promise<OwnerMe> {
  const { code } = await Taro.login();
  return start(await ownerApi.wechatLogin({ channel: 'mini', code }));
}

/** H5 in WeChat: off to the official account's OAuth; the launch page brings the code back. */
export async function ownerOauthAuthorize(): Promise<void> {
  const state = OWNER_OAUTH_STATE_PREFIX + newOauthState();
  Taro.setStorageSync(OAUTH_STATE_KEY, state);
  const { url } = await api.identity.oaAuthorizeUrl(state);
  window.location.href = url;
}

/** The OAuth code of an owner's sign-in (its state checked against the one sent), then 我的小区. */
export async function landOwnerOauthCallback(code: string, state: string): Promise<void> {
  const expected = Taro.getStorageSync(OAUTH_STATE_KEY);
  Taro.removeStorageSync(OAUTH_STATE_KEY);
  if (!expected || expected !== state) throw new ApiError(400, CommonErrorCode.VALIDATION_FAILED, '微信授权已失效，请重新进入我的小区');
  start(await ownerApi.wechatLogin({ channel: 'oa', code }));
  await Taro.redirectTo({ url: ROUTES.ownerHome });
}

const DEV_OWNER_OPENID_KEY = 'szpm.devOwnerOpenid';

/** The development openid 我的小区 used last in this browser (embedded mode). */
export function lastDevOwnerOpenid(): string {
  const value: unknown = Taro.getStorageSync(DEV_OWNER_OPENID_KEY);
  return typeof value === 'string' ? value : '';
}

/** Embedded mode's stand-in for WeChat: a given (demo) openid, the last one, or a new one. */
export async function ownerDevSignIn(openid: string): Promise<OwnerMe> {
  const session = await ownerApi.devLogin(openid ? { openid } : {});
  if (session.openid) Taro.setStorageSync(DEV_OWNER_OPENID_KEY, session.openid);
  return start(session);
}

export function ownerSignOut(): void {
  ownerClient.endSession();
  ownerSession.set(null);
}
