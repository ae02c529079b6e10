import { PageContainer, ProTable } from '@ant-design/pro-components';
import { ModuleKey, TodoList, type TodoCounts, type WorkflowCaseSummary } from '@szpm/contract';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api';
import { caseColumns, useEvaluationFormTypes } from './caseColumns';
import { LIST_TABLE_DEFAULTS, pagedRequest } from '../../list-table';

const LISTS: Array<{ key: TodoList; tab: string; counted?: keyof TodoCounts }> = [
  { key: TodoList.TO_ACCEPT, tab: '待受理', counted: 'toAccept' },
  { key: TodoList.PENDING, tab: '待办理', counted: 'pending' },
  { key: TodoList.COMPLETED, tab: '已完成' },
];

/** 我的工作 → 审批列表: 待受理 (评价对象申请的事项, 确认受理), 待办理 (录入初审 / 认定审核), 已完成. */
export default function WorkListPage() {
  const [params, setParams] = useSearchParams();
  const list = LISTS.find((l) => l.key === params.get('list'))?.key ?? TodoList.PENDING;
  const formTypes = useEvaluationFormTypes();
  const [counts, setCounts] = useState<TodoCounts | null>(null);

  useEffect(() => {
    api.todos.counts({ module: ModuleKey.SERVICE_EVALUATION }).then(setCounts, () => setCounts(null));
  }, [list]);

  return (
    <PageContainer
      tabList={LISTS.map((l) => ({ key: l.key, tab: counts && l.counted ? `${l.tab}（${counts[l.counted]}）` : l.tab }))}
      tabActiveKey={list}
      onTabChange={(key) => setParams({ list: key })}
    >
      <ProTable<WorkflowCaseSummary, { formType?: string; search?: string }>
        key={list}
        rowKey="id"
        columns={caseColumns(formTypes, () => (list === TodoList.COMPLETED ? '查看' : '办理'))}
        {...LIST_TABLE_DEFAULTS}
        request={pagedRequest(async ({ current, pageSize, formType, search }) => {
          return api.todos.list({ list, module: ModuleKey.SERVICE_EVALUATION, page: current, pageSize, formType: formType || undefined, search: search?.trim() || undefined });
        })}
      />
    </PageContainer>
  );
}
