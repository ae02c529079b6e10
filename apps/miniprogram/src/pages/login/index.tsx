import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { AuthErrorCode } from '@szpm/contract';
import { api, ApiError, apiClient, errorMessage } from '../../api';
import { ROUTES } from '../../routes';
import { session } from '../../session';
import { enterApp } from '../../sign-in-return';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { devWechatSignIn } from '../../wechat-landing';
import './login.scss';

/** Username / password sign-in for the H5 build outside WeChat (a PC or a test browser). */
export default function Login() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [wrongPassword, setWrongPassword] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // embedded mode (npm start, no DATABASE_URL) has no WeChat: the API offers a development stand-in
  const [devWechat, setDevWechat] = useState(false);

  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return;
    api.identity.devWechatStatus().then(
      (status) => setDevWechat(status.enabled),
      () => setDevWechat(false),
    );
  }, []);

  const signInWithDevWechat = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await devWechatSignIn();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    if (!username.trim() || !password) {
      setProblem('请输入用户名和密码');
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      apiClient.startSession(await api.auth.login({ username: username.trim(), password }));
      session.setMe(await api.auth.me());
      await enterApp();
    } catch (error) {
      apiClient.endSession();
      setProblem(errorMessage(error));
      // the api does not say how many tries are left: warn that there is a limit
      setWrongPassword(error instanceof ApiError && error.code === AuthErrorCode.INVALID_CREDENTIALS);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page" id="login-page">
      <View className="brand">
        <Text className="brand__title">深圳市物业管理信息平台</Text>
        <Text className="brand__subtitle">区局工作人员个人登录</Text>
      </View>
      <View className="card">
        <View className="form-row">
          <Text className="form-row__label">用户名</Text>
          <Input id="login-username" placeholder="请输入用户名" value={username} onChange={setUsername} clearable />
        </View>
        <View className="form-row">
          <Text className="form-row__label">密码</Text>
          <View className="login-password">
            <Input id="login-password" type={showPassword ? 'text' : 'password'} placeholder="请输入密码" value={password} onChange={setPassword} onConfirm={() => void submit()} />
            <Text className="login-password__toggle" id="login-password-toggle" onClick={() => setShowPassword(!showPassword)}>
              {showPassword ? '隐藏密码' : '显示密码'}
            </Text>
          </View>
        </View>
        {problem && (
          <Text className="form-error" id="login-error">
            {problem}
          </Text>
        )}
        {wrongPassword && (
          <Text className="muted" id="login-lockout-warning">
            连续多次输错密码，账号将被锁定一段时间；忘记密码请联系本单位管理员重置。
          </Text>
        )}
        <Button id="login-submit" type="primary" block loading={busy} onClick={() => void submit()}>
          登录
        </Button>
      </View>
      <Text className="muted page__note">在微信中打开本页面时，将通过微信身份自动登录。</Text>
      <Text className="link page__note" id="login-owner-entry" onClick={() => void Taro.navigateTo({ url: ROUTES.ownerHome })}>
        我是业主：进入我的小区
      </Text>
      {devWechat && (
        <View className="card" id="login-dev-wechat-card">
          <Text className="form-row__label">开发环境（嵌入模式）</Text>
          <Text className="muted">本机没有微信：用本地微信身份登录，未绑定时进入身份认证，短信验证码见开发短信发件箱。</Text>
          <Button id="login-dev-wechat" block loading={busy} onClick={() => void signInWithDevWechat()}>
            开发环境微信登录
          </Button>
        </View>
      )}
    </View>
  );
}
