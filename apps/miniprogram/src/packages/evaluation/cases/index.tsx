import { useListPage } from '../../../hooks/useListPage';
import { View } from '@tarojs/components';
import { ModuleKey, WORKFLOW_STATUS_LABELS, WorkflowFormTypeInfo, WorkflowStatus } from '@szpm/contract';
import { useEffect, useState } from 'react';
import { api } from '../../../api';
import { CaseCard } from '../../../components/CaseCard';
import { PagedListView } from '../../../components/PagedListView';
import { SearchBox } from '../../../components/SearchBox';
import { SelectField } from '../../../components/SelectField';
import { usePagedList } from '../../../hooks/usePagedList';

/** 审批事项查询: every form of the district bureau, by type, status and text. */
export default function CaseQuery() {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<WorkflowStatus | ''>('');
  const [formType, setFormType] = useState('');
  const [formTypes, setFormTypes] = useState<WorkflowFormTypeInfo[]>([]);
  const list = usePagedList(
    (page, pageSize) => api.workflow.cases({ search: search || undefined, status: status || undefined, formType: formType || undefined, page, pageSize }),
    [search, status, formType],
  );

  useEffect(() => {
    api.workflow
      .formTypes()
      .then((types) => setFormTypes(types.filter((t) => t.module === ModuleKey.SERVICE_EVALUATION)))
      .catch(() => setFormTypes([]));
  }, []);
  useListPage(list, { refreshOnReturn: true });

  return (
    <View className="page page--list" id="case-query">
      <SearchBox id="case-query-search" placeholder="业务单号、标题或评价对象" onSearch={setSearch} />
      <SelectField
        id="case-query-type"
        label="业务类型"
        placeholder="全部业务"
        value={formType}
        options={[{ value: '', label: '全部业务' }, ...formTypes.map((t) => ({ value: t.formType, label: t.label }))]}
        onChange={setFormType}
      />
      <SelectField
        id="case-query-status"
        label="办理状态"
        placeholder="全部状态"
        value={status}
        options={[{ value: '' as const, label: '全部状态' }, ...Object.values(WorkflowStatus).map((s) => ({ value: s, label: WORKFLOW_STATUS_LABELS[s] }))]}
        onChange={setStatus}
      />
      <PagedListView list={list} id="case-query-list" emptyText="没有符合条件的审批事项" renderItem={(item) => <CaseCard key={item.id} item={item} actionLabel="查看" />} />
    </View>
  );
}
