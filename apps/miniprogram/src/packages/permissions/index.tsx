import { useListPage } from '../../hooks/useListPage';
import { Text, View } from '@tarojs/components';
import { StaffListItem } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../api';
import { PagedListView } from '../../components/PagedListView';
import { SearchBox } from '../../components/SearchBox';
import { usePagedList } from '../../hooks/usePagedList';
import { ROUTES } from '../../routes';
import { go } from '../../utils/navigation';
import { Tag } from '../../ui/tag';

/** 权限管理 (chapter 3): 本区人员名单 with search; 点击头像 → 人员详情; 用户统计; 我的账号. */
export default function Permissions() {
  const [search, setSearch] = useState('');
  const list = usePagedList((page, pageSize) => api.permissions.staff({ search: search || undefined, page, pageSize }), [search]);
  useListPage(list);

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
      <Text className="section__title">本区人员名单</Text>
      <PagedListView list={list} id="staff-list" emptyText={search ? `没有姓名包含“${search}”的人员` : '本区暂无人员'} renderItem={(person) => <StaffRow key={person.id} person={person} />} />
    </View>
  );
}

function StaffRow({ person }: { person: StaffListItem }) {
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
      </View>
      <Tag type={person.wechatBound ? 'success' : 'default'}>{person.wechatBound ? '已绑定' : '未绑定'}</Tag>
    </View>
  );
}
