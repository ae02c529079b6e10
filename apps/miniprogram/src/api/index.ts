import Taro from '@tarojs/taro';
import { ApiClient, createEndpoints, storageTokenStore } from '@szpm/api-client';
import { taroStorage, taroTransport, taroUploader } from './taro-adapters';
import { isSignInPage } from '../logic/return-target';
import { ROUTES } from '../routes';
import { session } from '../session';
import { rememberCurrentPage } from '../sign-in-return';

/** H5 is served by the api itself (/m/), so it calls the same origin; weapp calls the configured host. */
export const API_BASE_URL = process.env.TARO_ENV === 'h5' ? '/api' : WEAPP_API_BASE_URL;

/** Inside WeChat the launch page re-runs the silent sign-in, so the officer is not asked to sign in. */
const SESSION_EXPIRED_TOAST =
  process.env.TARO_ENV === 'weapp' ? '登录已过期，正在重新登录' : '登录已过期，请重新登录';

export const apiClient = new ApiClient({
  baseUrl: API_BASE_URL,
  transport: taroTransport,
  uploader: taroUploader,
  tokens: storageTokenStore(taroStorage),
  onSessionEnded: (reason) => {
    // the sign-in pages handle an ended session themselves
    const pages = Taro.getCurrentPages();
    const current = pages[pages.length - 1]?.route ?? '';
    if (current !== '' && isSignInPage(current)) return;
    session.clear();
    // a message link opened without a session opens again once the officer has signed in
    rememberCurrentPage();
    if (reason === 'expired') void Taro.showToast({ title: SESSION_EXPIRED_TOAST, icon: 'none' });
    void Taro.reLaunch({ url: ROUTES.launch });
  },
});

export const api = createEndpoints(apiClient);
export { ApiError, errorMessage } from '@szpm/api-client';
export type { EvaluationRecordKind } from '@szpm/api-client';
