import type { ProColumns } from '@ant-design/pro-components';
import { ModuleKey, type WorkflowCaseSummary, type WorkflowFormTypeInfo } from '@szpm/contract';
import { message, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, errorMessage } from '../../api';

/** The business types (业务类型) of chapter 7, for the lists' filters. */
export function useEvaluationFormTypes(): Record<string, { text: string }> {
  const [types, setTypes] = useState<WorkflowFormTypeInfo[]>([]);
  useEffect(() => {
    api.workflow.formTypes().then((all) => setTypes(all.filter((t) => t.module === ModuleKey.SERVICE_EVALUATION)), (e) => message.error(errorMessage(e)));
  }, []);
  return Object.fromEntries(types.map((t) => [t.formType, { text: t.label }]));
}

/** The columns every list of forms shows, and its 办理 / 查看 link to the review page. */
export function caseColumns(formTypes: Record<string, { text: string }>, linkLabel: (row: WorkflowCaseSummary) => string): ProColumns<WorkflowCaseSummary>[] {
  return [
    { title: '关键字', dataIndex: 'search', hideInTable: true, fieldProps: { placeholder: '业务单号、标题或评价对象' } },
    { title: '业务单号', dataIndex: 'businessNo', search: false, width: 180, copyable: true },
    { title: '业务类型', dataIndex: 'formType', valueType: 'select', valueEnum: formTypes, width: 150, render: (_, row) => row.formTypeLabel },
    { title: '标题', dataIndex: 'title', search: false, width: 280, ellipsis: true },
    { title: '评价对象', dataIndex: 'subjectName', search: false, width: 220, render: (_, row) => row.subjectName ?? '-' },
    {
      title: '办理状态',
      dataIndex: 'statusLabel',
      search: false,
      width: 140,
      render: (_, row) => (row.returned ? <Tag color="warning">已退回</Tag> : row.statusLabel),
    },
    { title: '发起人', dataIndex: 'initiatorName', search: false, width: 120 },
    { title: '发起时间', dataIndex: 'createdAt', valueType: 'dateTime', search: false, width: 170 },
    {
      title: '操作',
      valueType: 'option',
      fixed: 'right',
      width: 80,
      render: (_, row) => [
        <Link key="open" to={`/evaluation/cases/${row.id}${linkLabel(row) === '办理' ? '?tab=review' : ''}`} aria-label={`${linkLabel(row)} ${row.businessNo}`}>
          {linkLabel(row)}
        </Link>,
      ],
    },
  ];
}
