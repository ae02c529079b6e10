import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import {
  AREA_CHANGE_FORM_LABEL,
  AREA_CHANGE_FORM_TYPE,
  AREA_CHANGE_STATUS_LABELS,
  AreaCaseView,
  PROJECT_MANAGER_CHANGE_FORM_LABEL,
  PROJECT_MANAGER_CHANGE_FORM_TYPE,
  PROJECT_REGISTRATION_FORM_LABEL,
  PROJECT_REGISTRATION_FORM_TYPE,
  WORKFLOW_STATUS_LABELS,
  WorkflowStatus,
  type AreaCaseListItem,
} from '@szpm/contract';
import { Button } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { isCityRole } from '../../logic/notices';
import { useSession } from '../../session';
import { LIST_TABLE_DEFAULTS, pagedRequest } from '../../list-table';
import { changesApi } from './endpoints';
import { caseStatusLabel } from './logic';

interface CaseFilters {
  search?: string;
  status?: WorkflowStatus;
  formType?: string;
}

const LISTS = {
  [AreaCaseView.REVIEWING]: {
    title: '审批列表',
    base: '/property-areas/reviewing',
    formTypes: { [PROJECT_REGISTRATION_FORM_TYPE]: PROJECT_REGISTRATION_FORM_LABEL, [PROJECT_MANAGER_CHANGE_FORM_TYPE]: PROJECT_MANAGER_CHANGE_FORM_LABEL },
    statuses: [WorkflowStatus.ENTRY, WorkflowStatus.REVIEW, WorkflowStatus.APPROVED, WorkflowStatus.REJECTED, WorkflowStatus.WITHDRAWN],
  },
  [AreaCaseView.SUBMITTED]: {
    title: '查看申请记录',
    base: '/property-areas/submitted',
    formTypes: { [AREA_CHANGE_FORM_TYPE]: AREA_CHANGE_FORM_LABEL },
    statuses: [WorkflowStatus.REVIEW, WorkflowStatus.ENTRY, WorkflowStatus.APPROVED, WorkflowStatus.REJECTED, WorkflowStatus.WITHDRAWN],
  },
} as const;

/**
 * 审批列表 (the registrations and project-manager changes this district reviews; for the city bureau,
 * the district edits it reviews) and 查看申请记录 (the edits this district sent to the city bureau):
 * each row opens the project's 详情 and the request's 审批流程记录.
 */
export function AreaCaseList({ view }: { view: AreaCaseView }) {
  const navigate = useNavigate();
  const { me } = useSession();
  // the city bureau's handler reviews the districts' edits from 查看申请记录
  const city = isCityRole(me?.role);
  const handles = view === AreaCaseView.REVIEWING || city;
  const list = LISTS[view];
  const statusLabels = (formType?: string) => (formType === AREA_CHANGE_FORM_TYPE || view === AreaCaseView.SUBMITTED ? AREA_CHANGE_STATUS_LABELS : WORKFLOW_STATUS_LABELS);

  const columns: ProColumns<AreaCaseListItem>[] = [
    { title: '关键字', dataIndex: 'search', hideInTable: true, fieldProps: { placeholder: '物业区域名称包含' } },
    ...(Object.keys(list.formTypes).length > 1
      ? [{ title: '申请类型', dataIndex: 'formType', valueType: 'select' as const, hideInTable: true, valueEnum: Object.fromEntries(Object.entries(list.formTypes).map(([k, v]) => [k, { text: v }])) }]
      : []),
    { title: '状态', dataIndex: 'status', valueType: 'select', hideInTable: true, valueEnum: Object.fromEntries(list.statuses.map((s) => [s, { text: statusLabels()[s] ?? WORKFLOW_STATUS_LABELS[s] }])) },
    { title: '申请单号', dataIndex: 'businessNo', search: false, width: 190, copyable: true },
    { title: '申请类型', dataIndex: 'formTypeLabel', search: false, width: 160 },
    {
      title: '物业区域',
      dataIndex: 'areaName',
      search: false,
      width: 220,
      ellipsis: true,
      render: (_, row) => (row.propertyAreaId ? <Link to={`/property-areas/list/${row.propertyAreaId}`}>{row.areaName}</Link> : row.areaName),
    },
    { title: '街道', dataIndex: 'streetName', search: false, width: 110, render: (_, row) => row.streetName ?? '-' },
    { title: '社区', dataIndex: 'communityName', search: false, width: 120, render: (_, row) => row.communityName ?? '-' },
    { title: '状态', dataIndex: 'statusLabel', search: false, width: 120, render: (_, row) => caseStatusLabel(row) },
    { title: '申请人', dataIndex: 'initiatorName', search: false, width: 100 },
    { title: '申请时间', dataIndex: 'createdAt', valueType: 'dateTime', search: false, width: 170 },
    { title: '办结时间', dataIndex: 'finishedAt', valueType: 'dateTime', search: false, width: 170, render: (dom, row) => (row.finishedAt ? dom : '-') },
    {
      title: '操作',
      valueType: 'option',
      fixed: 'right',
      width: 200,
      render: (_, row) => [
        ...(row.propertyAreaId
          ? [
              <Link key="detail" to={`/property-areas/list/${row.propertyAreaId}`} aria-label={`详情 ${row.areaName}`}>
                详情
              </Link>,
            ]
          : []),
        <Link key="case" to={`${list.base}/${row.id}`} aria-label={`办理 ${row.businessNo}`}>
          {handles ? '办理' : '查看'}
        </Link>,
        <Link key="history" to={`${list.base}/${row.id}?tab=history`} aria-label={`审批流程记录 ${row.businessNo}`}>
          审批流程记录
        </Link>,
      ],
    },
  ];

  return (
    <PageContainer title={list.title} subTitle={view === AreaCaseView.SUBMITTED ? (city ? '各区提交市局审核的物业区域修改申请' : '本区提交市局审核的物业区域修改申请') : '物业服务企业、项目经理提交本区审核的项目登记与项目经理变更'}>
      <ProTable<AreaCaseListItem, CaseFilters>
        rowKey="id"
        columns={columns}
        {...LIST_TABLE_DEFAULTS}
        search={{ ...LIST_TABLE_DEFAULTS.search, defaultCollapsed: false }}
        toolBarRender={() => [
          <Button key="areas" onClick={() => navigate('/property-areas/list')}>
            物业区域管理
          </Button>,
        ]}
        request={pagedRequest(async ({ current, pageSize, search, status, formType }: CaseFilters & { current?: number; pageSize?: number }) =>
          changesApi.cases({ view, page: current ?? 1, pageSize: pageSize ?? 20, search: search?.trim() || undefined, status: status || undefined, formType: formType || undefined }),
        )}
      />
    </PageContainer>
  );
}
