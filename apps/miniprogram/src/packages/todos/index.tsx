import { useRouter } from '@tarojs/taro';
import { TodoList } from '@szpm/contract';
import { TodoListScreen, TodoTab } from '../../components/TodoListScreen';

const TABS: TodoTab[] = [
  { list: TodoList.PENDING, label: '待办', countKey: 'pending' },
  { list: TodoList.HANDLED, label: '已办', countKey: 'handled' },
];

/** 待办事项 (chapter 4): 待办 to handle, 已办 to look at. */
export default function Todos() {
  const { params } = useRouter();
  return <TodoListScreen id="todos" tabs={TABS} initial={(params.list as TodoList) ?? TodoList.PENDING} />;
}
