import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { EvaluationSubjectType, GrantAction, ModuleKey, TodoCounts, TodoList } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../api';
import { badgeText, holds } from '../../logic/home-modules';
import { ROUTES, RoutePath } from '../../routes';
import { modulesOf, useSession } from '../../session';
import { go } from '../../utils/navigation';
import { QueryValue } from '@szpm/api-client';

interface MenuEntry {
  id: string;
  label: string;
  route: RoutePath;
  params?: Record<string, QueryValue>;
  badge?: number;
}

/** 物业服务评价 (chapter 7): 我的工作, entry forms, queries, delegation, company and project-manager information. */
export default function Evaluation() {
  const { me } = useSession();
  const [counts, setCounts] = useState<TodoCounts | null>(null);
  const load = () => api.todos.counts({ module: ModuleKey.SERVICE_EVALUATION }).then(setCounts).catch(() => setCounts(null));
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  const canOperate = holds(modulesOf(me), ModuleKey.SERVICE_EVALUATION, GrantAction.OPERATE);
  const work: MenuEntry[] = [
    { id: 'work-to-accept', label: '待受理', route: ROUTES.evaluationWork, params: { list: TodoList.TO_ACCEPT }, badge: counts?.toAccept },
    { id: 'work-pending', label: '待办理', route: ROUTES.evaluationWork, params: { list: TodoList.PENDING }, badge: counts?.pending },
    { id: 'work-completed', label: '已完成', route: ROUTES.evaluationWork, params: { list: TodoList.COMPLETED } },
    ...(canOperate
      ? [
          { id: 'entry-bad-record', label: '不良信息认定', route: ROUTES.badRecordEntry },
          { id: 'entry-risk-list', label: '风险名单认定', route: ROUTES.riskListEntry },
        ]
      : []),
    { id: 'case-query', label: '审批事项查询', route: ROUTES.caseQuery },
    { id: 'delegations', label: '代办委托', route: ROUTES.delegations },
  ];
  const subjects = (subjectType: EvaluationSubjectType, prefix: string): MenuEntry[] => [
    { id: `${prefix}-scores`, label: '基础信息', route: ROUTES.scores, params: { subjectType } },
    { id: `${prefix}-bad-records`, label: '不良信息', route: ROUTES.records, params: { kind: 'bad-record', subjectType } },
    { id: `${prefix}-risk-list`, label: '风险名单', route: ROUTES.records, params: { kind: 'risk-list', subjectType } },
  ];

  return (
    <View className="page" id="evaluation">
      <Menu title="我的工作" entries={work} />
      <Menu title="物业企业信息管理" entries={subjects(EvaluationSubjectType.COMPANY, 'company')} />
      <Menu title="项目负责人信息管理" entries={subjects(EvaluationSubjectType.PROJECT_MANAGER, 'manager')} />
    </View>
  );
}

function Menu({ title, entries }: { title: string; entries: MenuEntry[] }) {
  return (
    <View className="section">
      <Text className="section__title">{title}</Text>
      <View className="tiles">
        {entries.map((entry) => (
          <View key={entry.id} id={`evaluation-${entry.id}`} className="tile" onClick={() => go(entry.route, entry.params)}>
            <View className="tile__icon">
              <Text>{entry.label.slice(0, 1)}</Text>
              {entry.badge !== undefined && entry.badge > 0 && <Text className="tile__badge">{badgeText(entry.badge)}</Text>}
            </View>
            <Text className="tile__label">{entry.label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
