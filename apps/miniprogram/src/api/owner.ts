import Taro from '@tarojs/taro';
import { ApiClient, ownerEndpoints, ownerTokenStore } from '@szpm/api-client';
import { ROUTES } from '../routes';
import { API_BASE_URL } from './index';
import { taroStorage, taroTransport } from './taro-adapters';

/**
 * The owners' side (我的小区) talks to the api with the owner's own token, kept apart from an
 * officer's session on the same phone: one WeChat user may be both.
 */
export const ownerClient = new ApiClient({
  baseUrl: API_BASE_URL,
  transport: taroTransport,
  tokens: ownerTokenStore(taroStorage),
  onSessionEnded: () => {
    // the owner's token has no refresh: 我的小区 signs in with WeChat again
    void Taro.reLaunch({ url: ROUTES.ownerHome });
  },
});

export const ownerApi = ownerEndpoints(ownerClient);
