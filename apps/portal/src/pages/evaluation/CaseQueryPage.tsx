import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { ModuleKey, WORKFLOW_STATUS_LABELS, WorkflowStatus, type WorkflowCaseSummary } from '@szpm/contract';
import { api } from '../../api';
import { caseColumns, useEvaluationFormTypes } from './caseColumns';
import { useDistrictOptions } from './districts';
import { LIST_TABLE_DEFAULTS, pagedRequest } from '../../list-table';

interface Filters {
  formType?: string;
  status?: WorkflowStatus;
  search?: string;
  createdAt?: [string, string];
  districtId?: string;
}

/** 我的工作 → 审核事项查询: every form of the bureau (a district's own; city accounts choose a district), by type, status, text and date. */
export default function CaseQueryPage() {
  const formTypes = useEvaluationFormTypes();
  const districts = useDistrictOptions();
  const columns: ProColumns<WorkflowCaseSummary>[] = [
    ...caseColumns(formTypes, () => '查看'),
    { title: '办理状态', dataIndex: 'status', valueType: 'select', hideInTable: true, valueEnum: Object.fromEntries(Object.values(WorkflowStatus).map((s) => [s, { text: WORKFLOW_STATUS_LABELS[s] }])) },
    { title: '发起日期', dataIndex: 'createdAt', valueType: 'dateRange', hideInTable: true },
    ...(districts ? [{ title: '行政区', dataIndex: 'districtId', valueType: 'select', hideInTable: true, valueEnum: districts } as ProColumns<WorkflowCaseSummary>] : []),
  ];
  return (
    <PageContainer>
      <ProTable<WorkflowCaseSummary, Filters>
        rowKey="id"
        columns={columns}
        {...LIST_TABLE_DEFAULTS}
        request={pagedRequest(async ({ current, pageSize, formType, status, search, createdAt, districtId }) => {
          return api.workflow.cases({
            page: current,
            pageSize,
            module: ModuleKey.SERVICE_EVALUATION,
            formType: formType || undefined,
            status: status || undefined,
            search: search?.trim() || undefined,
            createdFrom: createdAt?.[0],
            createdTo: createdAt?.[1],
            districtId: districtId ? Number(districtId) : undefined,
          });
        })}
      />
    </PageContainer>
  );
}
