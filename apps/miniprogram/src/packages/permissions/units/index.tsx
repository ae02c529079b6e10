import Taro, { useRouter } from '@tarojs/taro';
import { useListPage } from '../../../hooks/useListPage';
import { Text, View } from '@tarojs/components';
import { UnitCategory } from '@szpm/contract';
import { useEffect, useState } from 'react';
import { api } from '../../../api';
import { PagedListView } from '../../../components/PagedListView';
import { SearchBox } from '../../../components/SearchBox';
import { usePagedList } from '../../../hooks/usePagedList';

/** 全部单位 / 未开设单位 of one category (用户统计 drill-down). */
export default function Units() {
  const { params } = useRouter();
  const category = (Object.values(UnitCategory) as string[]).includes(params.category ?? '') ? (params.category as UnitCategory) : UnitCategory.PROPERTY_COMPANY;
  const filter = params.filter === 'without-account' ? 'without-account' : 'all';
  const [search, setSearch] = useState('');
  const list = usePagedList((page, pageSize) => api.permissions.units(category, { filter, search: search || undefined, page, pageSize }), [category, filter, search]);
  useEffect(() => void Taro.setNavigationBarTitle({ title: `${decodeURIComponent(params.label ?? '')}${filter === 'all' ? '全部单位' : '未开设单位'}` }), [params.label, filter]);
  useListPage(list);
  return (
    <View className="page page--list" id="units">
      <SearchBox id="units-search" placeholder="单位名称" onSearch={setSearch} />
      <PagedListView
        list={list}
        id="units-list"
        emptyText={filter === 'all' ? '暂无单位' : '所有单位均已开设账号'}
        renderItem={(unit) => (
          <View key={unit.unitId} className="card" id={`unit-${unit.unitId}`}>
            <Text className="case-card__title">{unit.name}</Text>
            <Text className="muted">
              账号 {unit.accountCount} 个 · 已绑定 {unit.boundCount} 个
            </Text>
          </View>
        )}
      />
    </View>
  );
}
