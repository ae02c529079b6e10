import { useListPage } from '../../hooks/useListPage';
import { Text, View } from '@tarojs/components';
import { GrantAction, ModuleKey, SafetyInspectionListItem } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../api';
import { PagedListView } from '../../components/PagedListView';
import { SearchBox } from '../../components/SearchBox';
import { usePagedList } from '../../hooks/usePagedList';
import { completionText } from '../../logic/safety';
import { formatDate } from '../../logic/format';
import { holds } from '../../logic/home-modules';
import { ROUTES } from '../../routes';
import { modulesOf, useSession } from '../../session';
import { go } from '../../utils/navigation';
import { Tag } from '../../ui/tag';

/** 安全检查 (chapter 16): the district's inspections with completion; 发起安全检查; 查看全部统计. */
export default function Safety() {
  const { me } = useSession();
  const [search, setSearch] = useState('');
  const list = usePagedList((page, pageSize) => api.safety.list({ search: search || undefined, page, pageSize }), [search]);
  useListPage(list, { refreshOnReturn: true });
  const canLaunch = holds(modulesOf(me), ModuleKey.SAFETY_INSPECTIONS, GrantAction.OPERATE);

  return (
    <View className="page page--list" id="safety">
      <View className="shortcuts">
        {canLaunch && (
          <View className="shortcut" id="safety-launch" onClick={() => go(ROUTES.safetyLaunch)}>
            <Text>发起安全检查</Text>
          </View>
        )}
        <View className="shortcut" id="safety-overview" onClick={() => go(ROUTES.safetyOverview)}>
          <Text>查看全部统计</Text>
        </View>
      </View>
      <SearchBox id="safety-search" placeholder="检查标题" onSearch={setSearch} />
      <PagedListView list={list} id="safety-list" emptyText="本区暂未发起安全检查" renderItem={(item) => <InspectionRow key={item.id} item={item} />} />
    </View>
  );
}

function InspectionRow({ item }: { item: SafetyInspectionListItem }) {
  return (
    <View className="card case-card" id={`inspection-${item.id}`} onClick={() => go(ROUTES.safetyStats, { id: item.id })}>
      <View className="case-card__head">
        <Text className="case-card__type">{item.kindLabel}</Text>
        <Tag type={item.outstanding === 0 ? 'success' : item.overdue > 0 ? 'danger' : 'primary'}>{item.outstanding === 0 ? '已全部完成' : `${item.outstanding}个未完成`}</Tag>
      </View>
      <Text className="case-card__title">{item.title}</Text>
      <Text className="muted">{completionText(item)}</Text>
      <Text className="muted">
        截止 {formatDate(item.deadline)} · {item.launchedByName} 发起
      </Text>
      <View className="case-card__foot">
        <Text className="muted">发现问题 {item.problems} 项</Text>
        <Text className="case-card__action">查看统计</Text>
      </View>
    </View>
  );
}
