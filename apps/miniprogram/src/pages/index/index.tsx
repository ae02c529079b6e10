import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CommonErrorCode } from '@szpm/contract';
import { useEffect, useState } from 'react';
import { api, apiClient, ApiError, errorMessage } from '../../api';
import { decideLoginMode, newOauthState, OAUTH_STATE_KEY, withoutOauthParams } from '../../logic/login-route';
import { isOwnerOauthState } from '../../logic/owner-sign-in';
import { landOwnerOauthCallback } from '../../owner-session';
import { ROUTES } from '../../routes';
import { ensureMe } from '../../session-loader';
import { enterApp } from '../../sign-in-return';
import { Button } from '../../ui/button';
import { Loading } from '../../ui/loading';
import { landAfterWechatLogin } from '../../wechat-landing';

/**
 * Opens the app: an existing session goes in (home, or the page a message link asked for before the
 * sign-in); otherwise the sign-in that fits where the app runs.
 */
export default function Launch() {
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    void start().catch((error) => setProblem(errorMessage(error)));
  }, [attempt]);

  return (
    <View className="page page--center" id="launch">
      {problem ? (
        <View className="state-box" id="launch-error">
          <Text className="state-box__text">{problem}</Text>
          <Button id="launch-retry" type="primary" onClick={() => { setProblem(null); setAttempt((n) => n + 1); }}>
            重新进入
          </Button>
        </View>
      ) : (
        <Loading type="spinner">正在进入物业服务…</Loading>
      )}
    </View>
  );
}

async function start(): Promise<void> {
  const h5 = process.env.TARO_ENV === 'h5';
  const mode = decideLoginMode({
    taroEnv: process.env.TARO_ENV,
    userAgent: typeof navigator === 'undefined' ? '' : navigator.userAgent,
    search: h5 ? window.location.search : '',
  });
  // WeChat sends every OAuth code back here: an owner's (我的小区) goes to the owners' sign-in, whatever officer session this phone holds
  if (mode.kind === 'oa-callback' && isOwnerOauthState(mode.state)) {
    window.history.replaceState(null, '', withoutOauthParams(window.location.href));
    await landOwnerOauthCallback(mode.code, mode.state);
    return;
  }
  if (apiClient.hasSession()) {
    try {
      await ensureMe();
      await enterApp();
      return;
    } catch (error) {
      // an expired or revoked session signs in again; anything else is shown with a retry
      const signedOut = error instanceof ApiError && error.status === 401;
      if (!signedOut) throw error;
      apiClient.endSession();
    }
  }
  switch (mode.kind) {
    case 'password':
      await Taro.redirectTo({ url: ROUTES.login });
      return;
    case 'mini': {
      const { code } = await Taro.login();
      await landAfterWechatLogin(await api.identity.miniLogin({ code }));
      return;
    }
    case 'oa-authorize': {
      const state = newOauthState();
      Taro.setStorageSync(OAUTH_STATE_KEY, state);
      const { url } = await api.identity.oaAuthorizeUrl(state);
      window.location.href = url;
      return;
    }
    case 'oa-callback': {
      // a code works once: take it off the address so that a reload authorizes again
      window.history.replaceState(null, '', withoutOauthParams(window.location.href));
      const expected = Taro.getStorageSync(OAUTH_STATE_KEY);
      Taro.removeStorageSync(OAUTH_STATE_KEY);
      if (!expected || expected !== mode.state) throw new ApiError(400, CommonErrorCode.VALIDATION_FAILED, '微信授权已失效，请重新进入页面');
      await landAfterWechatLogin(await api.identity.oaLogin({ code: mode.code }));
      return;
    }
  }
}
