import Taro, { useRouter } from '@tarojs/taro';
import { useListPage } from '../../../hooks/useListPage';
import { Text, View } from '@tarojs/components';
import { GrantAction, ModuleKey, UnitCategory } from '@szpm/contract';
import { useEffect, useState } from 'react';
import { api } from '../../../api';
import { PagedListView } from '../../../components/PagedListView';
import { UrgeButton } from '../../../components/UrgeButton';
import { usePagedList } from '../../../hooks/usePagedList';
import { holds } from '../../../logic/home-modules';
import { urgeBindingSummary } from '../../../logic/urge-binding';
import { modulesOf, useSession } from '../../../session';
import { Tag } from '../../../ui/tag';

/** 账户总数 / 已绑定 / 未绑定 of one category; unbound accounts can be chosen and urged (催绑). */
export default function Accounts() {
  const { params } = useRouter();
  const { me } = useSession();
  const category = (Object.values(UnitCategory) as string[]).includes(params.category ?? '') ? (params.category as UnitCategory) : UnitCategory.PROPERTY_COMPANY;
  const bound = params.bound === 'true' ? true : params.bound === 'false' ? false : undefined;
  const [chosen, setChosen] = useState<number[]>([]);
  const list = usePagedList((page, pageSize) => api.permissions.accounts(category, { bound, page, pageSize }), [category, bound]);
  const canUrge = holds(modulesOf(me), ModuleKey.PERMISSIONS, GrantAction.OPERATE);
  useEffect(() => {
    const suffix = bound === undefined ? '账户总数' : bound ? '已绑定账户' : '未绑定账户';
    void Taro.setNavigationBarTitle({ title: `${decodeURIComponent(params.label ?? '')}${suffix}` });
  }, [params.label, bound]);
  useListPage(list);

  const toggle = (id: number) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  return (
    <View className="page page--list" id="accounts">
      {canUrge && chosen.length > 0 && (
        <UrgeButton
          id="accounts-urge"
          type="primary"
          block
          action="催绑"
          question={`向所选的 ${chosen.length} 个未绑定账号发送催绑消息？同一账号24小时内只催绑一次。`}
          urge={() => api.permissions.urgeBinding({ accountIds: chosen })}
          summary={urgeBindingSummary}
          nothingLeftText="所选账号均已绑定微信，无需催绑"
          onDone={() => {
            setChosen([]);
            void list.refresh();
          }}
        >
          催绑所选 {chosen.length} 个账号
        </UrgeButton>
      )}
      <PagedListView
        list={list}
        id="accounts-list"
        emptyText="暂无账户"
        renderItem={(account) => (
          <View
            key={account.id}
            className={`card staff-row${chosen.includes(account.id) ? ' staff-row--chosen' : ''}`}
            id={`account-${account.id}`}
            onClick={() => canUrge && !account.wechatBound && toggle(account.id)}
          >
            {canUrge && !account.wechatBound && <Text>{chosen.includes(account.id) ? '☑' : '☐'}</Text>}
            <View className="staff-row__text">
              <Text className="staff-row__name">{account.name}</Text>
              <Text className="muted">{account.unitName ?? account.roleLabel}</Text>
              <Text className="muted">{account.phone}</Text>
            </View>
            <Tag type={account.wechatBound ? 'success' : 'default'}>{account.wechatBound ? '已绑定' : '未绑定'}</Tag>
          </View>
        )}
      />
    </View>
  );
}
