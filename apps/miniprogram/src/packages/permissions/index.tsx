import { useListPage } from '../../hooks/useListPage';
import { Text, View } from '@tarojs/components';
import { StaffListItem } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../api';
import { PagedListView } from '../../components/PagedListView';
import { SearchBox } from '../../components/SearchBox';
import { SelectField } from '../../components/SelectField';
import { useLoader } from '../../hooks/useLoader';
import { usePagedList } from '../../hooks/usePagedList';
import { useSession } from '../../session';
import { ROUTES } from '../../routes';
import { go } from '../../utils/navigation';
import { Tag } from '../../ui/tag';

/** 权限管理 (chapter 3): 本区人员名单 with search; 点击头像 → 人员详情; 用户统计; 我的账号. */
export default function Permissions() {
  const { me } = useSession();
  // a city account sees every district's staff: it gets each person's district and a district filter
  const cityWide = !!me && me.districtId === null;
  const [search, setSearch] = useState('');
  const [districtId, setDistrictId] = useState(0);
  const districts = useLoader(() => api.regions.tree(), [], { enabled: cityWide });
  const list = usePagedList((page, pageSize) => api.permissions.staff({ search: search || undefined, districtId: districtId || undefined, page, pageSize }), [search, districtId]);
  useListPage(list);
  const filtered = !!search || !!districtId;

  return (
    <View className="page page--list" id="permissions">
      <View className="shortcuts">
        <View className="shortcut" id="permissions-stats" onClick={() => go(ROUTES.bindingStats)}>
          <Text>用户统计</Text>
        </View>
        <View className="shortcut" id="permissions-my-account" onClick={() => go(ROUTES.myAccount)}>
          <Text>我的账号</Text>
        </View>
      </View>
      <SearchBox id="permissions-search" placeholder="输入人员姓名搜索" onSearch={setSearch} />
      {cityWide && (
        <SelectField
          id="permissions-district"
          label="所属区"
          placeholder="全部区"
          value={districtId}
          options={[{ value: 0, label: '全部区' }, ...(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))]}
          onChange={setDistrictId}
        />
      )}
      <Text className="section__title">{cityWide ? '人员名单' : '本区人员名单'}</Text>
      <PagedListView
        list={list}
        id="staff-list"
        emptyText={filtered ? '没有符合条件的人员' : cityWide ? '暂无人员' : '本区暂无人员'}
        emptyHint={filtered ? '换个姓名，或选择全部区' : undefined}
        renderItem={(person) => <StaffRow key={person.id} person={person} showDistrict={cityWide} />}
      />
    </View>
  );
}

function StaffRow({ person, showDistrict }: { person: StaffListItem; showDistrict: boolean }) {
  return (
    <View className="card staff-row" id={`staff-${person.id}`} onClick={() => go(ROUTES.staffDetail, { id: person.id })}>
      <View className="profile__avatar profile__avatar--small">
        <Text>{person.name.slice(-2)}</Text>
      </View>
      <View className="staff-row__text">
        <Text className="staff-row__name">{person.name}</Text>
        <Text className="muted">
          {person.roleLabel}
          {person.position ? ` · ${person.position}` : ''}
        </Text>
        <Text className="muted">{person.phone}</Text>
        {showDistrict && (
          <Text className="muted" id={`staff-${person.id}-district`}>
            所属区：{person.districtName ?? '市局'}
          </Text>
        )}
      </View>
      <Tag type={person.wechatBound ? 'success' : 'default'}>{person.wechatBound ? '已绑定' : '未绑定'}</Tag>
    </View>
  );
}
