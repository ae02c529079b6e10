import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import {
  DISPUTE_DISPOSAL_LABELS,
  DISPUTE_LEDGER_LABELS,
  DISPUTE_OUTCOME_LABELS,
  DISPUTE_URGENCY_LABELS,
  DisputeLedger,
  ModuleKey,
  Role,
  type DisputeLedgerQuery,
  type DisputeSummary,
  type RegionNode,
} from '@szpm/contract';
import { Alert, Button, message, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../../api';
import { XlsxImportButton } from '../../components/XlsxImportButton';
import { LIST_TABLE_DEFAULTS } from '../../list-table';
import { canOperate } from '../../logic/notices';
import { useSession } from '../../session';
import { downloadFile } from '../../transfer';
import { dateTime, useCategories } from './components';
import { disputesApi, exportLedger } from './endpoints';
import { exportQuery, ledgerFilters, ledgerQuery, ledgerStatuses, mayEnter, mayImport, overdueText, type LedgerSearchValues, type TableSort } from './logic';

const DISTRICT_ROLES: readonly Role[] = [Role.DISTRICT_LEAD, Role.DISTRICT_SUPERVISOR, Role.DISTRICT_HANDLER];

const enumOptions = <K extends string>(labels: Record<K, string>): Record<string, { text: string }> => Object.fromEntries(Object.entries<string>(labels).map(([value, text]) => [value, { text }]));

/** The district's streets and their communities (a street officer's tree is its district's; it picks in its own street only). */
function useStreets(streetId: number | null) {
  const [streets, setStreets] = useState<RegionNode[]>([]);
  useEffect(() => {
    api.regions.tree().then(
      (roots) => setStreets(roots.flatMap((d) => d.children ?? []).filter((s) => s.level === 'STREET' && (streetId === null || s.id === streetId))),
      () => setStreets([]),
    );
  }, [streetId]);
  return streets;
}

/**
 * 未办结台账 / 已办结台账 / 总台账: the search (小区名称, 处置方式, 处置情况, 化解疏导情况, 展开 for the
 * rest), the paged ledger sortable by 录入时间 / 办理时限 / 办结时间 with its 超期 count, 详情 of each
 * case, and the toolbar: 录入 (district officers), 下载模板 / 导入 on 已办结台账 (the district's handler
 * and supervisor: a dry run lists the bad rows before anything is written), 导出 (the file, or the
 * background job of a large ledger, then found in 下载列表).
 */
export function LedgerPage({ ledger }: { ledger: DisputeLedger }) {
  const { me } = useSession();
  const navigate = useNavigate();
  const action = useRef<ActionType>();
  const lastQuery = useRef<DisputeLedgerQuery>({ ledger });
  const [overdue, setOverdue] = useState<number | null>(null);
  const [exporting, setExporting] = useState(false);
  const [background, setBackground] = useState<string | null>(null);
  const streetOfficer = me?.role === Role.STREET_OFFICER;
  const streets = useStreets(streetOfficer ? (me?.streetId ?? null) : null);
  const categories = useCategories();
  const filters = ledgerFilters(ledger);
  const operate = canOperate(me?.modules, ModuleKey.DISPUTES);
  const enter = mayEnter(ledger, { districtOfficer: me !== null && DISTRICT_ROLES.includes(me.role), operate });
  const importing = mayImport(ledger, { role: me?.role, operate });
  const title = DISPUTE_LEDGER_LABELS[ledger];

  const communities = (streetId: unknown) => (streets.find((s) => s.id === Number(streetId))?.children ?? streets.flatMap((s) => s.children ?? [])).map((c) => ({ value: c.id, label: c.name }));

  const columns = useMemo<ProColumns<DisputeSummary>[]>(
    () => [
      // the search form: the first four always shown, 展开 for the rest
      { title: '小区名称', dataIndex: 'propertyAreaName', hideInTable: true, fieldProps: { placeholder: '小区名称包含' } },
      { title: '处置方式', dataIndex: 'disposal', valueType: 'select', hideInTable: true, valueEnum: enumOptions(DISPUTE_DISPOSAL_LABELS) },
      { title: '处置情况', dataIndex: 'outcome', valueType: 'select', hideInTable: true, valueEnum: enumOptions(DISPUTE_OUTCOME_LABELS) },
      { title: '化解疏导情况', dataIndex: 'handlingNote', hideInTable: true, fieldProps: { placeholder: '化解疏导情况包含' } },
      { title: '问题分类', dataIndex: 'categoryId', valueType: 'select', hideInTable: true, fieldProps: { options: categories.map((c) => ({ value: c.id, label: c.active ? c.name : `${c.name}（已停用）` })), showSearch: true, optionFilterProp: 'label' } },
      ...(streetOfficer ? [] : [{ title: '街道', dataIndex: 'streetId', valueType: 'select' as const, hideInTable: true, fieldProps: { options: streets.map((s) => ({ value: s.id, label: s.name })) } }]),
      {
        title: '社区',
        dataIndex: 'communityId',
        valueType: 'select',
        hideInTable: true,
        dependencies: ['streetId'],
        fieldProps: (form) => ({ options: communities(form.getFieldValue('streetId')), showSearch: true, optionFilterProp: 'label' }),
      },
      ...(filters.status ? [{ title: '状态', dataIndex: 'status', valueType: 'select' as const, hideInTable: true, fieldProps: { options: ledgerStatuses(ledger) } }] : []),
      { title: '录入日期', dataIndex: 'entered', valueType: 'dateRange', hideInTable: true },
      { title: '办理时限', dataIndex: 'deadlineRange', valueType: 'dateRange', hideInTable: true },
      ...(filters.closed ? [{ title: '办结日期', dataIndex: 'closed', valueType: 'dateRange' as const, hideInTable: true }] : []),
      ...(filters.overdue ? [{ title: '仅超期', dataIndex: 'overdue', valueType: 'switch' as const, hideInTable: true }] : []),
      ...(filters.followUp ? [{ title: '案结事未了（回访）', dataIndex: 'followUp', valueType: 'switch' as const, hideInTable: true }] : []),

      // the table
      {
        title: '编号',
        dataIndex: 'businessNo',
        search: false,
        width: 150,
        fixed: 'left',
        render: (_, row) => (
          <Link to={`/disputes/${row.id}`} aria-label={`查看 ${row.businessNo}`}>
            {row.businessNo}
          </Link>
        ),
      },
      { title: '小区名称', dataIndex: 'propertyAreaName', key: 'areaColumn', search: false, width: 180, ellipsis: true },
      { title: '街道', dataIndex: 'streetName', search: false, width: 100 },
      { title: '社区', dataIndex: 'communityName', search: false, width: 120 },
      { title: '问题分类', dataIndex: 'categoryName', search: false, width: 120 },
      { title: '纠纷简述', dataIndex: 'summary', search: false, width: 240, ellipsis: true },
      { title: '涉及人数', dataIndex: 'peopleCount', search: false, width: 80, align: 'right' },
      { title: '紧急程度', dataIndex: 'urgency', search: false, width: 80, render: (_, row) => DISPUTE_URGENCY_LABELS[row.urgency] },
      {
        title: '状态',
        dataIndex: 'statusLabel',
        search: false,
        width: 160,
        render: (_, row) => (
          <Space size={4} wrap>
            <span>{row.statusLabel}</span>
            {row.followUp && <Tag color="orange">回访</Tag>}
          </Space>
        ),
      },
      { title: '处置方式', dataIndex: 'disposalColumn', search: false, width: 80, render: (_, row) => (row.disposal ? DISPUTE_DISPOSAL_LABELS[row.disposal] : '-') },
      { title: '处置情况', dataIndex: 'outcomeColumn', search: false, width: 100, render: (_, row) => (row.outcome ? DISPUTE_OUTCOME_LABELS[row.outcome] : '-') },
      { title: '录入时间', dataIndex: 'enteredAt', search: false, width: 140, sorter: true, render: (_, row) => dateTime(row.enteredAt) },
      {
        title: '办理时限',
        dataIndex: 'deadline',
        search: false,
        width: 140,
        sorter: true,
        render: (_, row) => (
          <Space size={4}>
            <span>{row.deadline}</span>
            {row.overdue && <Tag color="red">超期</Tag>}
          </Space>
        ),
      },
      { title: '办结时间', dataIndex: 'closedAt', search: false, width: 140, sorter: true, render: (_, row) => dateTime(row.closedAt) },
      {
        title: '操作',
        valueType: 'option',
        fixed: 'right',
        width: 80,
        render: (_, row) => [
          <Link key="detail" to={`/disputes/${row.id}`} aria-label={`详情 ${row.businessNo}`}>
            详情
          </Link>,
        ],
      },
    ],
    [categories, streets, streetOfficer, ledger],
  );

  const runExport = async () => {
    setExporting(true);
    setBackground(null);
    try {
      const answer = await exportLedger(exportQuery(lastQuery.current), `${title}.xlsx`);
      if (answer.kind === 'background') setBackground(answer.start.message);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <PageContainer title={title}>
      {background && (
        <Alert
          type="info"
          showIcon
          closable
          onClose={() => setBackground(null)}
          data-testid="dispute-export-started"
          style={{ marginBottom: 16 }}
          message={
            <Space>
              <span>{background}</span>
              <Link to="/downloads">前往下载列表</Link>
            </Space>
          }
        />
      )}
      <ProTable<DisputeSummary, LedgerSearchValues & { deadlineRange?: LedgerSearchValues['deadline'] }>
        id={`dispute-ledger-${ledger}`}
        rowKey="id"
        actionRef={action}
        columns={columns}
        {...LIST_TABLE_DEFAULTS}
        search={{ ...LIST_TABLE_DEFAULTS.search, defaultCollapsed: true, defaultFormItemsNumber: 4, span: 6 }}
        rowClassName={(row) => (row.overdue ? 'dispute-overdue-row' : '')}
        onRow={(row) => (row.overdue ? { style: { background: '#fff1f0' } } : {})}
        headerTitle={
          <Space>
            <span>{title}</span>
            {overdue !== null && (
              <Typography.Text type={overdue > 0 ? 'danger' : 'secondary'} data-testid="dispute-overdue-count">
                {overdueText(overdue)}
              </Typography.Text>
            )}
          </Space>
        }
        toolBarRender={() => [
          ...(enter
            ? [
                <Button key="enter" type="primary" icon={<PlusOutlined />} onClick={() => navigate('/disputes/new')}>
                  录入
                </Button>,
              ]
            : []),
          ...(importing
            ? [
                <Button key="template" onClick={() => void downloadFile(disputesApi.importTemplatePath, {}, '纠纷化解台账导入模板.xlsx').catch((e) => message.error(errorMessage(e)))}>
                  下载模板
                </Button>,
                <XlsxImportButton
                  key="import"
                  title="导入已办结台账"
                  hint="请使用“下载模板”的表格填写，每行一件已办结的矛盾纠纷件；街道、社区、小区和问题分类按本区的名称填写。"
                  importPath={disputesApi.importPath}
                  onImported={() => action.current?.reload()}
                  offerValidRows
                />,
              ]
            : []),
          <Button key="export" icon={<DownloadOutlined />} loading={exporting} onClick={() => void runExport()}>
            导出
          </Button>,
        ]}
        request={async (params, sort) => {
          const { current, pageSize, deadlineRange, ...values } = params;
          const query = ledgerQuery(ledger, { ...values, deadline: deadlineRange }, { current, pageSize }, sort as TableSort);
          lastQuery.current = query;
          try {
            const page = await disputesApi.ledger(query);
            setOverdue(page.overdue);
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

export function UnfinishedLedgerPage() {
  return <LedgerPage ledger={DisputeLedger.UNFINISHED} />;
}

export function FinishedLedgerPage() {
  return <LedgerPage ledger={DisputeLedger.FINISHED} />;
}

export function AllLedgerPage() {
  return <LedgerPage ledger={DisputeLedger.ALL} />;
}

export default AllLedgerPage;
