import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { MeResponse, ModuleKey, ROLE_DEFAULT_GRANTS, SafetyTargetStatus, TodoCounts } from '@szpm/contract';
import { useCallback, useState } from 'react';
import { api, apiClient, errorMessage } from '../../api';
import { useConfirmDialog } from '../../components/ConfirmDialog';
import { ModuleIcon } from '../../components/ModuleIcon';
import { signOutConfirmation } from '../../logic/confirm';
import { passwordChangeMessage } from '../../logic/password-change';
import { badgeText, HomeEntryKey, homeModules, PersonalCounts, personalTiles, receivesSafetyTasks } from '../../logic/home-modules';
import { ROUTES, RoutePath } from '../../routes';
import { modulesOf, session, useSession } from '../../session';
import { ensureMe, loadMe } from '../../session-loader';
import { go } from '../../utils/navigation';
import { Button } from '../../ui/button';
import { Loading } from '../../ui/loading';

/** The badges of 我的: unread messages, and a project manager's inspection tasks not yet submitted. */
async function loadPersonalCounts(profile: MeResponse): Promise<PersonalCounts> {
  const openTasks = async () => {
    if (!receivesSafetyTasks(profile.role)) return 0;
    const [pending, draft] = await Promise.all([
      api.safety.myTasks({ status: SafetyTargetStatus.PENDING, pageSize: 1 }),
      api.safety.myTasks({ status: SafetyTargetStatus.DRAFT, pageSize: 1 }),
    ]);
    return pending.total + draft.total;
  };
  const [{ unread }, openSafetyTasks] = await Promise.all([api.inbox.unreadCount(), openTasks()]);
  return { unreadMessages: unread, openSafetyTasks };
}

interface GridTile {
  entry: HomeEntryKey;
  label: string;
  route: RoutePath;
  badge: number;
  overdue?: number;
}

/** A grid of home tiles: each opens its page and shows its icon, its badge (when not 0) and its label. */
function TileGrid({ id, tileIdPrefix, tiles }: { id: string; tileIdPrefix: string; tiles: GridTile[] }) {
  return (
    <View className="tiles" id={id}>
      {tiles.map((tile) => (
        <View key={tile.entry} className="tile" id={`${tileIdPrefix}-${tile.entry}`} onClick={() => go(tile.route)}>
          <View className="tile__icon">
            <ModuleIcon entry={tile.entry} />
            {tile.badge > 0 && (
              <Text className="tile__badge" id={`home-badge-${tile.entry}`}>
                {badgeText(tile.badge)}
              </Text>
            )}
          </View>
          <Text className="tile__label">{tile.label}</Text>
          {(tile.overdue ?? 0) > 0 && (
            <Text className="tile__overdue" id={`home-overdue-${tile.entry}`}>
              超期 {badgeText(tile.overdue!)}
            </Text>
          )}
        </View>
      ))}
    </View>
  );
}

/** 物业服务: 我的 (messages, a manager's inspection tasks) and the modules this account holds, with badges. */
export default function Home() {
  const { me, actingFor } = useSession();
  const [counts, setCounts] = useState<TodoCounts | null>(null);
  const [personalCounts, setPersonalCounts] = useState<PersonalCounts | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    setProblem(null);
    try {
      const profile = await ensureMe();
      // the api answers nothing else until the password is changed (on the PC portal): the notice says so
      if (profile.passwordChangeRequired) return;
      const holdsTodos = profile.modules.some((m) => m.module === ModuleKey.TODOS);
      const [todoCounts, personal] = await Promise.all([holdsTodos ? api.todos.counts() : null, loadPersonalCounts(profile)]);
      setCounts(todoCounts);
      setPersonalCounts(personal);
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

  const confirmation = useConfirmDialog('home-confirm');

  if (!me) {
    return (
      <View className="page page--center">
        {problem ? <Text className="state-box__text">{problem}</Text> : <Loading type="spinner">加载中…</Loading>}
      </View>
    );
  }

  const { tiles, others } = homeModules(modulesOf(me), counts);
  const personal = personalTiles(me.role, personalCounts);
  // units (companies, project managers, committees) hold no module grants: they have 我的 only
  const grantsModules = tiles.length > 0 || ROLE_DEFAULT_GRANTS[me.role].length > 0;

  const logout = async () => {
    if (!(await confirmation.ask(signOutConfirmation()))) return;
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
      {passwordChangeMessage(me) && (
        <View className="notice" id="home-password-change">
          <Text>{passwordChangeMessage(me)}</Text>
        </View>
      )}
      {problem && (
        <Text className="form-error" id="home-error">
          {problem}
        </Text>
      )}
      <Text className="section__title">我的</Text>
      <TileGrid id="home-personal" tileIdPrefix="home-entry" tiles={personal.map(({ key, ...tile }) => ({ entry: key, ...tile }))} />
      {grantsModules && <Text className="section__title">我的权限</Text>}
      {!grantsModules ? null : tiles.length === 0 ? (
        <Text className="muted" id="home-no-modules">
          本账号暂未开通可在微信端使用的模块权限，部分模块的权限需要市局相关负责人赋权。
        </Text>
      ) : (
        <TileGrid id="home-modules" tileIdPrefix="home-module" tiles={tiles.map(({ module, ...tile }) => ({ entry: module, ...tile }))} />
      )}
      {others.length > 0 && (
        <View className="section" id="home-other-modules">
          <Text className="section__title">本账号的其他权限（请在PC端办理）</Text>
          <Text className="muted">{others.join('、')}</Text>
        </View>
      )}
      <View className="section" id="home-publicity">
        <Text className="section__title">信息公示</Text>
        <Button id="home-publicity-open" fill="outline" block onClick={() => go(ROUTES.publicity)}>
          物业服务评价信息查询
        </Button>
      </View>
      {process.env.TARO_ENV === 'h5' && (
        <Button id="home-logout" fill="outline" block onClick={() => void logout()}>
          退出登录
        </Button>
      )}
      {confirmation.dialog}
    </View>
  );
}
