import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { MODULE_BY_KEY, ModuleKey, TodoList, type TodoCounts, type WorkflowCaseSummary, type WorkflowFormTypeInfo } from '@szpm/contract';
import { message } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, errorMessage } from '../../api';
import { useSession } from '../../session';
import { pagedRequest } from '../../list-table';

const LISTS: Array<{ key: TodoList; tab: string; counted: keyof TodoCounts }> = [
  { key: TodoList.PENDING, tab: '待办', counted: 'pending' },
  { key: TodoList.HANDLED, tab: '已办', counted: 'handled' },
];

interface TodoFilters {
  formType?: string;
  module?: ModuleKey;
  search?: string;
}

/** 待办事项 (chapter 4): 待办 and 已办 across every form type, filtered by form type and module. */
export default function TodosPage() {
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const list = LISTS.some((l) => l.key === params.get('list')) ? (params.get('list') as TodoList) : TodoList.PENDING;
  const [formTypes, setFormTypes] = useState<WorkflowFormTypeInfo[]>([]);
  const [counts, setCounts] = useState<TodoCounts | null>(null);

  useEffect(() => {
    api.workflow.formTypes().then(setFormTypes, (e) => message.error(errorMessage(e)));
  }, []);
  useEffect(() => {
    api.todos.counts().then(setCounts, () => setCounts(null));
  }, [list]);

  // the modules that have forms and that this account holds
  const held = useMemo(() => new Set((me?.modules ?? []).map((m) => m.module)), [me]);
  const moduleOptions = useMemo(
    () => Object.fromEntries([...new Set(formTypes.map((f) => f.module as ModuleKey))].filter((m) => held.has(m) && MODULE_BY_KEY[m]).map((m) => [m, { text: MODULE_BY_KEY[m].label }])),
    [formTypes, held],
  );
  const formTypeOptions = useMemo(() => Object.fromEntries(formTypes.map((f) => [f.formType, { text: f.label }])), [formTypes]);

  const columns: ProColumns<WorkflowCaseSummary>[] = [
    { title: '关键字', dataIndex: 'search', hideInTable: true, fieldProps: { placeholder: '业务编号、标题或评价对象' } },
    { title: '业务编号', dataIndex: 'businessNo', search: false, width: 180, copyable: true },
    { title: '表单类型', dataIndex: 'formType', valueType: 'select', valueEnum: formTypeOptions, width: 200, render: (_, row) => row.formTypeLabel },
    { title: '模块', dataIndex: 'module', valueType: 'select', valueEnum: moduleOptions, hideInTable: true },
    { title: '标题', dataIndex: 'title', search: false, ellipsis: true, width: 280 },
    { title: '评价对象', dataIndex: 'subjectName', search: false, width: 200, render: (_, row) => row.subjectName ?? '-' },
    { title: '状态', dataIndex: 'statusLabel', search: false, width: 140 },
    { title: '发起人', dataIndex: 'initiatorName', search: false, width: 120 },
    { title: '更新时间', dataIndex: 'updatedAt', valueType: 'dateTime', search: false, width: 180 },
    {
      title: '操作',
      valueType: 'option',
      fixed: 'right',
      width: 90,
      render: (_, row) => [
        <Link key="open" to={`/todos/cases/${row.id}`} aria-label={`打开 ${row.businessNo}`}>
          打开
        </Link>,
      ],
    },
  ];

  return (
    <PageContainer
      tabList={LISTS.map((l) => ({ key: l.key, tab: counts ? `${l.tab}（${counts[l.counted]}）` : l.tab }))}
      tabActiveKey={list}
      onTabChange={(key) => setParams({ list: key })}
    >
      <ProTable<WorkflowCaseSummary, TodoFilters & { list: TodoList }>
        key={list}
        rowKey="id"
        columns={columns}
        params={{ list }}
        scroll={{ x: 1300 }}
        search={{ labelWidth: 'auto' }}
        options={{ reload: true, density: false, setting: false }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        request={pagedRequest(async ({ current, pageSize, formType, module, search }) => {
          return api.todos.list({ list, page: current, pageSize, formType: formType || undefined, module: module || undefined, search: search || undefined });
        })}
      />
    </PageContainer>
  );
}
