import { PageContainer, ProCard, ProTable, type ProColumns } from '@ant-design/pro-components';
import { NotificationErrorCode, type UnitAccountListItem, type UnitCategory, type UnitCategoryStats, type UnitListItem } from '@szpm/contract';
import { Alert, Button, Drawer, Modal, Select, Space, Table, Tag, Typography, message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, errorMessage } from '../../api';
import { bindingRate, canUrgeBinding, drillDownOf, STATS_COUNTER_LABELS, statsTotal, urgeBindingMessage, type DrillDown, type StatsCounter } from '../../logic/permissions';
import { useSession } from '../../session';
import { downloadFile } from '../../transfer';
import { useDistrictOptions } from './regions';

const COUNTERS: StatsCounter[] = ['allUnits', 'unitsWithoutAccount', 'accountTotal', 'bound', 'unbound'];

type StatsRow = UnitCategoryStats | (Omit<UnitCategoryStats, 'category'> & { category: 'TOTAL' });

/**
 * 催绑 through the api: nothing chosen urges every unbound account of the scope (or of one category).
 * 「没有需要催绑的账号」(409) is an answer, not a failure: it is shown as information.
 */
async function urge(body: { accountIds?: number[]; unitCategory?: UnitCategory }): Promise<void> {
  try {
    const result = await api.permissions.urgeBinding(body);
    Modal.success({ title: '催绑消息发送成功', content: <span data-testid="urge-result">{urgeBindingMessage(result)}</span> });
  } catch (e) {
    if (e instanceof ApiError && e.code === NotificationErrorCode.NOTHING_TO_URGE) Modal.info({ title: '无需催绑', content: <span data-testid="urge-result">{errorMessage(e)}</span> });
    else Modal.error({ title: '催绑未完成', content: errorMessage(e) });
  }
}

function confirmUrge(title: string, content: string, body: { accountIds?: number[]; unitCategory?: UnitCategory }) {
  Modal.confirm({ title, content, okText: '催绑', cancelText: '取消', onOk: () => urge(body) });
}

/** The list behind one number of 用户统计: the units, or the accounts (with 催绑 of chosen unbound ones). */
function DrillDownDrawer({ drill, districtId, onClose, urging }: { drill: DrillDown | null; districtId?: number; onClose: () => void; urging: boolean }) {
  const [total, setTotal] = useState<number | null>(null);
  const [chosen, setChosen] = useState<number[]>([]);
  useEffect(() => {
    setTotal(null);
    setChosen([]);
  }, [drill]);

  const unitColumns: ProColumns<UnitListItem>[] = [
    { title: '单位名称', dataIndex: 'search', hideInTable: true, fieldProps: { placeholder: '单位名称包含', 'aria-label': '单位名称' } },
    { title: '单位名称', dataIndex: 'name', search: false, width: 320 },
    { title: '账户数', dataIndex: 'accountCount', search: false, width: 100 },
    { title: '已绑定', dataIndex: 'boundCount', search: false, width: 100 },
  ];
  const accountColumns: ProColumns<UnitAccountListItem>[] = [
    { title: '姓名', dataIndex: 'name', width: 120 },
    { title: '所属单位', dataIndex: 'unitName', width: 280, render: (_, row) => row.unitName ?? '-' },
    { title: '手机号码', dataIndex: 'phone', width: 140 },
    { title: '微信绑定', dataIndex: 'wechatBound', width: 100, render: (_, row) => (row.wechatBound ? <Tag color="green">已绑定</Tag> : <Tag>未绑定</Tag>) },
  ];
  const request = async <T,>(load: () => Promise<{ items: T[]; total: number }>) => {
    try {
      const page = await load();
      setTotal(page.total);
      return { data: page.items, total: page.total, success: true };
    } catch (e) {
      message.error(errorMessage(e));
      return { data: [], total: 0, success: false };
    }
  };

  return (
    <Drawer open={drill !== null} onClose={onClose} width={820} destroyOnClose title={drill ? <span data-testid="drill-title">{`${drill.title}（${total ?? '…'}）`}</span> : null}>
      {drill?.kind === 'units' && (
        <ProTable<UnitListItem, { search?: string; category: UnitCategory; filter: string; districtId?: number }>
          rowKey="unitId"
          columns={unitColumns}
          scroll={{ x: 'max-content' }}
          search={{ labelWidth: 'auto' }}
          options={false}
          pagination={{ defaultPageSize: 20, showSizeChanger: true }}
          params={{ category: drill.category, filter: drill.filter, districtId }}
          request={({ current, pageSize, search }) => request(() => api.permissions.units(drill.category, { filter: drill.filter, search: search || undefined, districtId, page: current, pageSize }))}
        />
      )}
      {drill?.kind === 'accounts' && (
        <ProTable<UnitAccountListItem, { category: UnitCategory; bound?: boolean; districtId?: number }>
          rowKey="id"
          columns={accountColumns}
          scroll={{ x: 'max-content' }}
          search={false}
          options={false}
          pagination={{ defaultPageSize: 20, showSizeChanger: true }}
          params={{ category: drill.category, bound: drill.bound, districtId }}
          rowSelection={urging && drill.bound !== true ? { selectedRowKeys: chosen, onChange: (keys) => setChosen(keys as number[]), getCheckboxProps: (row) => ({ disabled: row.wechatBound, 'aria-label': `选择 ${row.name}` }) } : undefined}
          toolBarRender={() =>
            urging && drill.bound !== true
              ? [
                  <Button key="urge" disabled={!chosen.length} onClick={() => confirmUrge(`向所选 ${chosen.length} 个账号发送催绑消息？`, '同一账号24小时内只催绑一次。', { accountIds: chosen })}>
                    催绑所选
                  </Button>,
                ]
              : []
          }
          request={({ current, pageSize }) => request(() => api.permissions.accounts(drill.category, { bound: drill.bound, districtId, page: current, pageSize }))}
        />
      )}
    </Drawer>
  );
}

/** 用户统计 (chapter 3): binding of the district's units and accounts per category, each number drills down; 催绑; 导出. */
export default function BindingStatsPage() {
  const { me } = useSession();
  const city = me?.districtId === null;
  const districts = useDistrictOptions(city);
  const [districtId, setDistrictId] = useState<number | undefined>(undefined);
  const [rows, setRows] = useState<UnitCategoryStats[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [drill, setDrill] = useState<DrillDown | null>(null);
  const [exporting, setExporting] = useState(false);
  const urging = canUrgeBinding(me);

  const load = useCallback(async () => {
    setProblem(null);
    try {
      setRows(await api.permissions.bindingStats({ districtId }));
    } catch (e) {
      setRows(null);
      setProblem(errorMessage(e));
    }
  }, [districtId]);
  useEffect(() => void load(), [load]);

  const exportStats = async () => {
    setExporting(true);
    try {
      await downloadFile('/permissions/binding-stats/export', { districtId }, '用户统计.xlsx');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const data: StatsRow[] = rows ? [...rows, { category: 'TOTAL', label: '合计', ...statsTotal(rows) }] : [];
  const numberCell = (row: StatsRow, counter: StatsCounter) => {
    const value = row[counter];
    if (row.category === 'TOTAL' || value === 0) return <span>{value}</span>;
    return (
      <Button type="link" style={{ padding: 0 }} onClick={() => setDrill(drillDownOf(row as UnitCategoryStats, counter))} aria-label={`${row.label}${STATS_COUNTER_LABELS[counter]} ${value}`} data-testid={`stats-${row.category}-${counter}`}>
        {value}
      </Button>
    );
  };

  return (
    <PageContainer
      content="点击数字查看其中的单位或账户；「催绑」向未绑定微信的账号发送绑定提醒（同一账号24小时内只催绑一次）。"
      extra={[
        city && <Select key="district" allowClear placeholder="全市" aria-label="行政区" style={{ width: 160 }} options={districts} value={districtId} onChange={(value: number | undefined) => setDistrictId(value)} />,
        <Button key="export" onClick={() => void exportStats()} loading={exporting}>
          导出
        </Button>,
        urging && (
          <Button key="urge" type="primary" onClick={() => confirmUrge('向全部未绑定微信的账号发送催绑消息？', '将提醒本辖区全部未绑定的账号尽快完成微信身份绑定；同一账号24小时内只催绑一次。', {})}>
            催绑
          </Button>
        ),
      ].filter(Boolean)}
    >
      {problem && <Alert type="error" showIcon message={problem} role="alert" style={{ marginBottom: 16 }} />}
      <ProCard>
        <Table<StatsRow>
          rowKey="category"
          loading={rows === null && !problem}
          dataSource={data}
          pagination={false}
          scroll={{ x: 'max-content' }}
          aria-label="用户统计"
          columns={[
            { title: '单位类别', dataIndex: 'label', width: 200, render: (value: string, row) => (row.category === 'TOTAL' ? <Typography.Text strong>{value}</Typography.Text> : value) },
            ...COUNTERS.map((counter) => ({ title: STATS_COUNTER_LABELS[counter], key: counter, width: 110, render: (_: unknown, row: StatsRow) => numberCell(row, counter) })),
            { title: '绑定率', key: 'rate', width: 100, render: (_: unknown, row: StatsRow) => `${bindingRate(row)}%` },
            ...(urging
              ? [
                  {
                    title: '操作',
                    key: 'urge',
                    width: 100,
                    render: (_: unknown, row: StatsRow) =>
                      row.category === 'TOTAL' ? null : (
                        <Space>
                          <a onClick={() => confirmUrge(`向${row.label}中未绑定微信的账号发送催绑消息？`, '同一账号24小时内只催绑一次。', { unitCategory: row.category as UnitCategory })} aria-label={`催绑 ${row.label}`}>
                            催绑
                          </a>
                        </Space>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </ProCard>
      <DrillDownDrawer drill={drill} districtId={districtId} onClose={() => setDrill(null)} urging={urging} />
    </PageContainer>
  );
}
