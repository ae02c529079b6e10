import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ModuleKey, TodoCounts } from '@szpm/contract';
import { useCallback, useState } from 'react';
import { api, apiClient, errorMessage } from '../../api';
import { badgeText, homeModules } from '../../logic/home-modules';
import { ROUTES } from '../../routes';
import { modulesOf, session, useSession } from '../../session';
import { ensureMe, loadMe } from '../../session-loader';
import { confirm } from '../../utils/feedback';
import { go } from '../../utils/navigation';
import { Button } from '../../ui/button';
import { Loading } from '../../ui/loading';

/** 物业服务: the modules this account holds, with todo badges. */
export default function Home() {
  const { me, actingFor } = useSession();
  const [counts, setCounts] = useState<TodoCounts | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    setProblem(null);
    try {
      const profile = await ensureMe();
      const holdsTodos = profile.modules.some((m) => m.module === ModuleKey.TODOS);
      setCounts(holdsTodos ? await api.todos.counts() : null);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  }, []);

  useDidShow(() => void refresh());
  usePullDownRefresh(() => {
    void (async () => {
      await loadMe().catch(() => undefined);
      await refresh();
      Taro.stopPullDownRefresh();
    })();
  });

  if (!me) {
    return (
      <View className="page page--center">
        {problem ? <Text className="state-box__text">{problem}</Text> : <Loading type="spinner">加载中…</Loading>}
      </View>
    );
  }

  const { tiles, others } = homeModules(modulesOf(me), counts);

  const logout = async () => {
    if (!(await confirm('退出登录', '确定退出当前账号吗？'))) return;
    const refreshToken = apiClient.refreshToken();
    if (refreshToken) await api.auth.logout(refreshToken).catch(() => undefined);
    apiClient.endSession();
    session.clear();
    await Taro.reLaunch({ url: ROUTES.launch });
  };

  const stopActing = () => {
    apiClient.actOnBehalfOf(null);
    session.setActingFor(null);
    void refresh();
  };

  return (
    <View className="page" id="home">
      <View className="profile" id="home-profile" onClick={() => go(ROUTES.myAccount)}>
        <View className="profile__avatar">
          <Text>{me.name.slice(-2)}</Text>
        </View>
        <View className="profile__text">
          <Text className="profile__name">{me.name}</Text>
          <Text className="profile__meta">
            {me.roleLabel}
            {me.districtName ? ` · ${me.districtName}` : ''}
          </Text>
        </View>
        <Text className="profile__arrow">我的账号 ›</Text>
      </View>
      {actingFor && (
        <View className="notice" id="home-acting">
          <Text>正在代 {actingFor.name} 办理（代办委托）</Text>
          <Text className="link" onClick={stopActing}>
            结束代办
          </Text>
        </View>
      )}
      {problem && (
        <Text className="form-error" id="home-error">
          {problem}
        </Text>
      )}
      <Text className="section__title">我的权限</Text>
      {tiles.length === 0 ? (
        <Text className="muted" id="home-no-modules">
          本账号暂未开通可在微信端使用的模块权限，部分模块的权限需要市局相关负责人赋权。
        </Text>
      ) : (
        <View className="tiles" id="home-modules">
          {tiles.map((tile) => (
            <View key={tile.module} className="tile" id={`home-module-${tile.module}`} onClick={() => go(tile.route)}>
              <View className="tile__icon">
                <Text>{tile.label.slice(0, 1)}</Text>
                {tile.badge > 0 && (
                  <Text className="tile__badge" id={`home-badge-${tile.module}`}>
                    {badgeText(tile.badge)}
                  </Text>
                )}
              </View>
              <Text className="tile__label">{tile.label}</Text>
            </View>
          ))}
        </View>
      )}
      {others.length > 0 && (
        <View className="section" id="home-other-modules">
          <Text className="section__title">本账号的其他权限（请在PC端办理）</Text>
          <Text className="muted">{others.join('、')}</Text>
        </View>
      )}
      {process.env.TARO_ENV === 'h5' && (
        <Button id="home-logout" fill="outline" block onClick={() => void logout()}>
          退出登录
        </Button>
      )}
    </View>
  );
}
