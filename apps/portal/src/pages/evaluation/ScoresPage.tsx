import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { EvaluationGrade, EvaluationSubjectType, type ScoreListItem, type ScoreListQuery } from '@szpm/contract';
import { message } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { api, errorMessage } from '../../api';
import { cycleLabel } from '../../logic/evaluation';
import { useDistrictOptions } from './districts';
import { LIST_TABLE_DEFAULTS } from '../../list-table';

const TABS = [
  { key: EvaluationSubjectType.COMPANY, tab: '物业企业得分' },
  { key: EvaluationSubjectType.PROJECT_MANAGER, tab: '项目负责人得分' },
];

interface Filters {
  search?: string;
  grade?: EvaluationGrade;
  cycle?: string;
  order?: 'desc' | 'asc';
  districtId?: string;
}

/** 物业企业 / 项目负责人 基础信息: the score list of a scoring cycle (the current one unless chosen), ordered by total. */
export default function ScoresPage() {
  const [params, setParams] = useSearchParams();
  const subjectType = TABS.find((t) => t.key === params.get('subjectType'))?.key ?? EvaluationSubjectType.COMPANY;
  const districts = useDistrictOptions();
  const columns: ProColumns<ScoreListItem>[] = [
    { title: '名称', dataIndex: 'search', hideInTable: true, fieldProps: { placeholder: subjectType === EvaluationSubjectType.COMPANY ? '物业服务企业名称' : '项目负责人姓名' } },
    { title: '计分周期', dataIndex: 'cycle', hideInTable: true, fieldProps: { placeholder: '如 2026 或 2026-H1，不填为当前周期' } },
    { title: '等级', dataIndex: 'grade', valueType: 'select', hideInTable: true, valueEnum: Object.fromEntries(Object.values(EvaluationGrade).map((g) => [g, { text: g }])) },
    { title: '排序', dataIndex: 'order', valueType: 'select', hideInTable: true, valueEnum: { desc: { text: '总分从高到低' }, asc: { text: '总分从低到高' } } },
    ...(districts ? [{ title: '行政区', dataIndex: 'districtId', valueType: 'select', hideInTable: true, valueEnum: districts } as ProColumns<ScoreListItem>] : []),
    { title: subjectType === EvaluationSubjectType.COMPANY ? '物业服务企业' : '项目负责人', dataIndex: 'subjectName', search: false, width: 240 },
    { title: '计分周期', dataIndex: 'cycleKey', key: 'cycleShown', search: false, width: 120, render: (_, row) => cycleLabel(row.cycleKey) },
    { title: '基础信息得分', dataIndex: 'basicScore', search: false, width: 110 },
    { title: '良好信息得分', dataIndex: 'goodScore', search: false, width: 110 },
    { title: '不良信息扣分', dataIndex: 'badScore', search: false, width: 110 },
    { title: '总分', dataIndex: 'total', search: false, width: 80 },
    { title: '等级', dataIndex: 'grade', key: 'gradeShown', search: false, width: 70 },
    { title: '不良信息', dataIndex: 'badRecordCount', search: false, width: 90, render: (_, row) => `${row.badRecordCount}条` },
    { title: '良好信息', dataIndex: 'goodRecordCount', search: false, width: 90, render: (_, row) => `${row.goodRecordCount}条` },
    {
      title: '操作',
      valueType: 'option',
      fixed: 'right',
      width: 80,
      render: (_, row) => [
        <Link key="view" to={`/evaluation/scores/${row.subjectType}/${row.subjectId}?cycle=${encodeURIComponent(row.cycleKey)}`} aria-label={`查看 ${row.subjectName} 的得分`}>
          得分详情
        </Link>,
      ],
    },
  ];
  return (
    <PageContainer tabList={TABS} tabActiveKey={subjectType} onTabChange={(key) => setParams({ subjectType: key })}>
      <ProTable<ScoreListItem, Filters>
        key={subjectType}
        rowKey={(row) => `${row.subjectType}-${row.subjectId}-${row.cycleKey}`}
        columns={columns}
        {...LIST_TABLE_DEFAULTS}
        request={async ({ current, pageSize, search, grade, cycle, order, districtId }) => {
          const query: ScoreListQuery = { subjectType, page: current, pageSize, search: search?.trim() || undefined, grade: grade || undefined, cycle: cycle?.trim() || undefined, order: order || undefined, districtId: districtId ? Number(districtId) : undefined };
          try {
            const page = await api.evaluation.scores(query);
            return { data: page.items, total: page.total, success: true };
          } catch (e) {
            message.error(errorMessage(e));
            return { data: [], total: 0, success: false };
          }
        }}
      />
    </PageContainer>
  );
}
