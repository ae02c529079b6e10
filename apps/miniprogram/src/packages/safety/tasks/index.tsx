import Taro, { useRouter } from '@tarojs/taro';
import { useListPage } from '../../../hooks/useListPage';
import { Text, View } from '@tarojs/components';
import { SafetyTaskItem } from '@szpm/contract';
import { api } from '../../../api';
import { HomeLink } from '../../../components/HomeLink';
import { PagedListView } from '../../../components/PagedListView';
import { usePagedList } from '../../../hooks/usePagedList';
import { isSubmitted, taskProgressText, taskTag } from '../../../logic/safety-task';
import { ROUTES, routeTo } from '../../../routes';
import { go, intParam } from '../../../utils/navigation';
import { Tag } from '../../../ui/tag';

/**
 * 我的安全检查 (chapter 16, project managers): the inspections launched to the areas they run.
 * The launch notice and 催办 link here with ?inspectionId=, showing that inspection's tasks only.
 */
export default function SafetyTasks() {
  const inspectionId = intParam(useRouter().params, 'inspectionId');
  const list = usePagedList((page, pageSize) => api.safety.myTasks({ inspectionId: inspectionId ?? undefined, page, pageSize }), [inspectionId]);
  useListPage(list, { refreshOnReturn: true });

  return (
    <View className="page page--list" id="safety-tasks">
      <HomeLink />
      {inspectionId !== null && (
        <View className="notice" id="safety-tasks-filter">
          <Text>本次安全检查的填报任务</Text>
          <Text className="link" id="safety-tasks-all" onClick={() => void Taro.redirectTo({ url: routeTo(ROUTES.safetyTasks) })}>
            查看全部
          </Text>
        </View>
      )}
      <PagedListView
        list={list}
        id="safety-tasks-list"
        emptyText={inspectionId !== null ? '没有本次检查的填报任务' : '暂无安全检查任务'}
        emptyHint="区住房建设部门发起安全检查后，您负责的物业项目会出现在这里"
        renderItem={(task) => <TaskRow key={task.targetId} task={task} />}
      />
    </View>
  );
}

function TaskRow({ task }: { task: SafetyTaskItem }) {
  const tag = taskTag(task);
  return (
    <View className="card case-card" id={`task-${task.targetId}`} onClick={() => go(ROUTES.safetyTask, { targetId: task.targetId })}>
      <View className="case-card__head">
        <Text className="case-card__type">{task.kindLabel}</Text>
        <Tag type={tag.type}>{tag.text}</Tag>
      </View>
      <Text className="case-card__title">{task.title}</Text>
      <Text className="muted">物业项目：{task.propertyAreaName}</Text>
      <Text className="muted">{taskProgressText(task)}</Text>
      <View className="case-card__foot">
        <Text className="muted">{task.statusLabel}</Text>
        <Text className="case-card__action">{isSubmitted(task) ? '查看' : '去填报'}</Text>
      </View>
    </View>
  );
}
