import { useRouter } from '@tarojs/taro';
import { ModuleKey, TodoList } from '@szpm/contract';
import { TodoListScreen, TodoTab } from '../../../components/TodoListScreen';

const TABS: TodoTab[] = [
  { list: TodoList.TO_ACCEPT, label: '待受理', countKey: 'toAccept' },
  { list: TodoList.PENDING, label: '待办理', countKey: 'pending' },
  { list: TodoList.COMPLETED, label: '已完成', countKey: 'completed' },
];

/** 我的工作: 待受理 (确认受理), 待办理 (录入初审 / 认定审核), 已完成. */
export default function Work() {
  const { params } = useRouter();
  return <TodoListScreen id="work" tabs={TABS} initial={(params.list as TodoList) ?? TodoList.PENDING} formTypeModule={ModuleKey.SERVICE_EVALUATION} />;
}
