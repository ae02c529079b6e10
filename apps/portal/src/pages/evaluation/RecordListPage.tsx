import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import {
  EVALUATION_RECORD_STATUS_LABELS,
  EVALUATION_SUBJECT_TYPE_LABELS,
  EvaluationRecordStatus,
  EvaluationSubjectType,
  PublicityState,
  type BadRecordListItem,
  type RiskListEntryListItem,
} from '@szpm/contract';
import { message, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, errorMessage } from '../../api';
import { publicityPeriod, recordSearchQuery, type RecordKind, type RecordSearchValues } from '../../logic/evaluation';
import { useDistrictOptions } from './districts';
import { LIST_TABLE_DEFAULTS } from '../../list-table';

type Row = BadRecordListItem | RiskListEntryListItem;

const valueEnum = <K extends string>(labels: Record<K, string>) => Object.fromEntries(Object.entries(labels).map(([k, text]) => [k, { text: text as string }]));

const PUBLICITY_COLOURS: Record<PublicityState, string> = { [PublicityState.PUBLISHED]: 'processing', [PublicityState.ENDED]: 'default', [PublicityState.WITHDRAWN]: 'warning' };

/** The catalogue's items (disabled ones too: old records name them), for the 事项 filter. */
function useItemOptions(kind: RecordKind): Record<number, { text: string }> {
  const [options, setOptions] = useState<Record<number, { text: string }>>({});
  useEffect(() => {
    (kind === 'bad-record' ? api.evaluation.badRecordItems({ includeDisabled: true }) : api.evaluation.riskListItems({ includeDisabled: true })).then(
      (items) => setOptions(Object.fromEntries(items.map((i) => [i.id, { text: i.name }]))),
      (e) => message.error(errorMessage(e)),
    );
  }, [kind]);
  return options;
}

/**
 * 不良信息汇总 (kind bad-record) and 风险名单管理 (risk-list: 物业服务企业风险名单 / 项目负责人风险名单):
 * search by name, type, item, status, fact dates, document number and (city accounts) district; 查看 opens the record.
 */
function RecordList({ kind, subjectType }: { kind: RecordKind; subjectType?: EvaluationSubjectType }) {
  const items = useItemOptions(kind);
  const districts = useDistrictOptions();
  const columns: ProColumns<Row>[] = [
    { title: '评价对象名称', dataIndex: 'search', hideInTable: true, fieldProps: { placeholder: '企业或项目负责人名称' } },
    ...(kind === 'bad-record' ? [{ title: '对象类型', dataIndex: 'subjectType', valueType: 'select', valueEnum: valueEnum(EVALUATION_SUBJECT_TYPE_LABELS), hideInTable: true } as ProColumns<Row>] : []),
    { title: '事项', dataIndex: 'itemId', valueType: 'select', valueEnum: items, hideInTable: true, fieldProps: { showSearch: true } },
    { title: '状态', dataIndex: 'status', valueType: 'select', valueEnum: valueEnum(EVALUATION_RECORD_STATUS_LABELS), hideInTable: true },
    { title: '事实发生日期', dataIndex: 'factDate', valueType: 'dateRange', hideInTable: true },
    { title: '文书编号', dataIndex: 'documentNo', hideInTable: true },
    ...(districts ? [{ title: '行政区', dataIndex: 'districtId', valueType: 'select', valueEnum: districts, hideInTable: true } as ProColumns<Row>] : []),

    { title: '评价对象', dataIndex: 'subjectName', search: false, width: 220 },
    ...(kind === 'bad-record' ? [{ title: '对象类型', dataIndex: 'subjectTypeLabel', search: false, width: 110 } as ProColumns<Row>] : []),
    { title: '所属区', dataIndex: 'districtName', search: false, width: 90, render: (_, row) => row.districtName ?? '-' },
    { title: kind === 'bad-record' ? '不良信息事项' : '风险名单事项', dataIndex: 'itemName', search: false, width: 220, ellipsis: true },
    { title: '情形', dataIndex: 'circumstanceDescription', search: false, width: 220, ellipsis: true },
    ...(kind === 'bad-record'
      ? ([
          { title: '等级', dataIndex: 'level', search: false, width: 70, render: (_, row) => `第${(row as BadRecordListItem).level}级` },
          { title: '分值', dataIndex: 'points', search: false, width: 70 },
        ] as ProColumns<Row>[])
      : []),
    { title: '事实发生日期', dataIndex: 'factDate', key: 'factDateShown', valueType: 'date', search: false, width: 120 },
    { title: '文书编号', dataIndex: 'documentNo', key: 'documentNoShown', search: false, width: 190 },
    {
      title: '状态',
      dataIndex: 'statusLabel',
      search: false,
      width: 90,
      render: (_, row) => <Tag color={row.status === EvaluationRecordStatus.EFFECTIVE ? 'success' : 'default'}>{row.statusLabel}</Tag>,
    },
    { title: '公示', dataIndex: 'publicityStateLabel', search: false, width: 100, render: (_, row) => <Tag color={PUBLICITY_COLOURS[row.publicityState]}>{row.publicityStateLabel}</Tag> },
    { title: '公示期', dataIndex: 'publicityEnd', search: false, width: 220, render: (_, row) => publicityPeriod(row.publicityStart, row.publicityEnd) },
    {
      title: '操作',
      valueType: 'option',
      fixed: 'right',
      width: 70,
      render: (_, row) => [
        <Link key="view" to={`/evaluation/${kind === 'bad-record' ? 'bad-records' : 'risk-list'}/${row.id}`} aria-label={`查看 ${row.subjectName} ${row.documentNo}`}>
          查看
        </Link>,
      ],
    },
  ];

  return (
    <ProTable<Row, RecordSearchValues>
      rowKey="id"
      columns={columns}
      {...LIST_TABLE_DEFAULTS}
      search={{ ...LIST_TABLE_DEFAULTS.search, defaultCollapsed: false }}
      request={async ({ current = 1, pageSize = 20, ...values }) => {
        try {
          const query = recordSearchQuery(values, current, pageSize);
          const page = kind === 'bad-record' ? await api.evaluation.badRecords(query) : await api.evaluation.riskList(subjectType!, query);
          return { data: page.items as Row[], total: page.total, success: true };
        } catch (e) {
          message.error(errorMessage(e));
          return { data: [], total: 0, success: false };
        }
      }}
    />
  );
}

/** 不良信息管理 → 不良信息汇总 */
export function BadRecordsPage() {
  return (
    <PageContainer>
      <RecordList kind="bad-record" />
    </PageContainer>
  );
}

const RISK_TABS = [
  { key: EvaluationSubjectType.COMPANY, tab: '物业服务企业风险名单' },
  { key: EvaluationSubjectType.PROJECT_MANAGER, tab: '项目负责人风险名单' },
];

/** 风险名单管理: 物业服务企业风险名单 and 项目负责人风险名单. */
export function RiskListPage() {
  const [params, setParams] = useSearchParams();
  const subjectType = RISK_TABS.find((t) => t.key === params.get('subjectType'))?.key ?? EvaluationSubjectType.COMPANY;
  return (
    <PageContainer tabList={RISK_TABS} tabActiveKey={subjectType} onTabChange={(key) => setParams({ subjectType: key })}>
      <RecordList key={subjectType} kind="risk-list" subjectType={subjectType} />
    </PageContainer>
  );
}
