import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { GrantAction, ModuleKey, UnitCategory, UnitCategoryStats } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../../api';
import { LoadState } from '../../../components/LoadState';
import { useLoader } from '../../../hooks/useLoader';
import { holds } from '../../../logic/home-modules';
import { urgeResultMessage } from '../../../logic/urge-binding';
import { ROUTES } from '../../../routes';
import { modulesOf, useSession } from '../../../session';
import { confirm, toast, toastError } from '../../../utils/feedback';
import { go } from '../../../utils/navigation';
import { Button } from '../../../ui/button';

/** 用户统计: per unit category, units and accounts with drill-down, and 催绑. */
export default function BindingStats() {
  const { me } = useSession();
  const loaded = useLoader(() => api.permissions.bindingStats(), []);
  const [urging, setUrging] = useState<UnitCategory | 'all' | null>(null);
  usePullDownRefresh(() => void loaded.reload().finally(() => Taro.stopPullDownRefresh()));
  const canUrge = holds(modulesOf(me), ModuleKey.PERMISSIONS, GrantAction.OPERATE);

  const urge = async (category: UnitCategory | 'all', label: string) => {
    if (!(await confirm('催绑', `向${label}未绑定微信的账号发送催绑消息？同一账号24小时内只催绑一次。`, '发送'))) return;
    setUrging(category);
    try {
      const result = await api.permissions.urgeBinding(category === 'all' ? {} : { unitCategory: category });
      toast(urgeResultMessage(result));
      void loaded.reload();
    } catch (error) {
      toastError(error);
    } finally {
      setUrging(null);
    }
  };

  return (
    <View className="page" id="binding-stats">
      <LoadState loaded={loaded} id="stats">
        {(stats) => (
          <>
            {stats.map((s) => (
              <CategoryCard key={s.category} stats={s} canUrge={canUrge} urging={urging === s.category} onUrge={() => void urge(s.category, s.label)} />
            ))}
            {canUrge && (
              <Button id="stats-urge-all" type="primary" block loading={urging === 'all'} onClick={() => void urge('all', '本区全部')}>
                全部催绑
              </Button>
            )}
          </>
        )}
      </LoadState>
    </View>
  );
}

function CategoryCard({ stats, canUrge, urging, onUrge }: { stats: UnitCategoryStats; canUrge: boolean; urging: boolean; onUrge: () => void }) {
  const cell = (id: string, label: string, value: number, onClick: () => void) => (
    <View className="stat" id={`stats-${stats.category}-${id}`} onClick={onClick}>
      <Text className="stat__value">{value}</Text>
      <Text className="stat__label">{label}</Text>
    </View>
  );
  const units = (filter: 'all' | 'without-account') => go(ROUTES.statsUnits, { category: stats.category, filter, label: stats.label });
  const accounts = (bound?: boolean) => go(ROUTES.statsAccounts, { category: stats.category, bound, label: stats.label });
  return (
    <View className="card" id={`stats-${stats.category}`}>
      <View className="case-card__head">
        <Text className="case-card__title">{stats.label}</Text>
        {canUrge && stats.unbound > 0 && (
          <Button id={`stats-${stats.category}-urge`} size="small" type="primary" fill="outline" loading={urging} onClick={onUrge}>
            催绑
          </Button>
        )}
      </View>
      <View className="stats-grid">
        {cell('all-units', '全部单位', stats.allUnits, () => units('all'))}
        {cell('without-account', '未开设单位', stats.unitsWithoutAccount, () => units('without-account'))}
        {cell('accounts', '账户总数', stats.accountTotal, () => accounts())}
        {cell('bound', '已绑定', stats.bound, () => accounts(true))}
        {cell('unbound', '未绑定', stats.unbound, () => accounts(false))}
      </View>
    </View>
  );
}
