import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ModuleKey, TodoCounts, TodoList, WorkflowFormTypeInfo } from '@szpm/contract';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { useListPage } from '../hooks/useListPage';
import { usePagedList } from '../hooks/usePagedList';
import { CaseCard } from './CaseCard';
import { PagedListView } from './PagedListView';
import { SearchBox } from './SearchBox';
import { SegmentTabs } from './SegmentTabs';
import { SelectField } from './SelectField';

export interface TodoTab {
  list: TodoList;
  label: string;
  countKey: keyof TodoCounts;
}

const ACTION: Record<TodoList, '办理' | '查看'> = {
  [TodoList.PENDING]: '办理',
  [TodoList.TO_ACCEPT]: '办理',
  [TodoList.HANDLED]: '查看',
  [TodoList.COMPLETED]: '查看',
};

const EMPTY: Record<TodoList, string> = {
  [TodoList.PENDING]: '暂无待办事项',
  [TodoList.TO_ACCEPT]: '暂无待受理事项',
  [TodoList.HANDLED]: '暂无已办事项',
  [TodoList.COMPLETED]: '暂无已完成事项',
};

/**
 * A page of todo lists in tabs (待办事项: 待办 / 已办; 我的工作: 待受理 / 待办理 / 已完成), with search,
 * an optional 业务类型 filter of one module's forms, pull-down refresh and paging on scroll.
 */
export function TodoListScreen({ id, tabs, initial, formTypeModule }: { id: string; tabs: TodoTab[]; initial: TodoList; formTypeModule?: string }) {
  const [tab, setTab] = useState<TodoList>(tabs.some((t) => t.list === initial) ? initial : tabs[0].list);
  const [search, setSearch] = useState('');
  const [formType, setFormType] = useState<string>('');
  const [formTypes, setFormTypes] = useState<WorkflowFormTypeInfo[]>([]);
  const [counts, setCounts] = useState<TodoCounts | null>(null);
  const list = usePagedList((page, pageSize) => api.todos.list({ list: tab, module: formTypeModule as ModuleKey | undefined, search: search || undefined, formType: formType || undefined, page, pageSize }), [tab, search, formType]);

  useEffect(() => {
    if (!formTypeModule) return;
    api.workflow
      .formTypes()
      .then((types) => setFormTypes(types.filter((t) => t.module === formTypeModule)))
      .catch(() => setFormTypes([]));
  }, [formTypeModule]);

  const refreshCounts = () => api.todos.counts({ module: formTypeModule as ModuleKey | undefined }).then(setCounts).catch(() => undefined);
  // coming back from a handled form: the lists and counts changed
  useDidShow(() => void refreshCounts());
  useListPage(list, { refreshOnReturn: true, alsoRefresh: refreshCounts });

  return (
    <View className="page page--list" id={id}>
      <SegmentTabs
        id={`${id}-tabs`}
        tabs={tabs.map((t) => ({ value: t.list, label: t.label, count: counts ? counts[t.countKey] : undefined }))}
        value={tab}
        onChange={setTab}
      />
      <SearchBox id={`${id}-search`} placeholder="业务单号、标题或评价对象" onSearch={setSearch} />
      {formTypeModule && formTypes.length > 1 && (
        <SelectField
          id={`${id}-form-type`}
          label="业务类型"
          placeholder="全部业务"
          value={formType}
          options={[{ value: '', label: '全部业务' }, ...formTypes.map((t) => ({ value: t.formType, label: t.label }))]}
          onChange={setFormType}
        />
      )}
      <PagedListView list={list} id={`${id}-list`} emptyText={search ? '没有符合条件的事项' : EMPTY[tab]} renderItem={(item) => <CaseCard key={item.id} item={item} actionLabel={ACTION[tab]} />} />
    </View>
  );
}
