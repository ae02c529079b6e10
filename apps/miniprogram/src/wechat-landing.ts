import Taro from '@tarojs/taro';
import { WechatLoginResponse } from '@szpm/contract';
import { api, apiClient } from './api';
import { landingOf } from './logic/login-route';
import { ROUTES } from './routes';
import { session } from './session';
import { enterApp } from './sign-in-return';

/** Where a WeChat login answer leads: 物业服务 (or the page a link asked for) when bound, else 身份认证. */
export async function landAfterWechatLogin(response: WechatLoginResponse): Promise<void> {
  const landing = landingOf(response);
  if (landing.kind === 'failed') throw new Error(landing.message);
  if (landing.kind === 'bind') {
    session.setBindTicket(landing.bindTicket);
    await Taro.redirectTo({ url: ROUTES.bind });
    return;
  }
  apiClient.startSession(landing.tokens);
  session.setMe(await api.auth.me());
  await enterApp();
}

const DEV_OPENID_KEY = 'szpm.devWechatOpenid';

/**
 * Embedded mode's development WeChat sign-in: the local openid the API issued last time (kept in
 * storage, so a bound demo account signs in again directly), or a new one, then the WeChat landing.
 */
export async function devWechatSignIn(): Promise<void> {
  const previous: unknown = Taro.getStorageSync(DEV_OPENID_KEY);
  const response = await api.identity.devWechatLogin(typeof previous === 'string' && previous ? { openid: previous } : {});
  Taro.setStorageSync(DEV_OPENID_KEY, response.openid);
  await landAfterWechatLogin(response);
}
