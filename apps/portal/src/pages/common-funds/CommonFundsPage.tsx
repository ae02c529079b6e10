import { DownloadOutlined, NotificationOutlined } from '@ant-design/icons';
import { ModalForm, PageContainer, ProCard, ProFormDatePicker, ProFormDigit, ProFormText, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import {
  COMMON_FUND_ACCOUNT_STATUS_LABELS,
  COMMON_FUND_ACCOUNT_TYPE_LABELS,
  COMMON_FUND_CASE_STAGE_LABELS,
  ModuleKey,
  type CommonFundAccountItem,
  type CommonFundBankStats,
  type CommonFundCase,
  type CommonFundCellItem,
  type CommonFundCounter,
  type CommonFundStatsRow,
} from '@szpm/contract';
import { Button, Drawer, Input, Menu, message, Modal, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { api, errorMessage } from '../../api';
import { DrillBreadcrumb, RegionCellModal, RegionStatsTable, useDrillTrail, useLoaded, type DrillFilter, type RegionCell, type StatsColumn } from '../../components/RegionStatsTable';
import { pagedRequest } from '../../list-table';
import {
  bankChartLabel,
  bankChartOption,
  caseActions,
  COMMON_FUND_TABLE_COUNTERS,
  commonFundCounterTitle,
  defaultDeadline,
  penaltyConfirmText,
  rectifyConfirmText,
  urgeConfirmText,
  urgeResultText,
  yuan,
} from '../../logic/common-funds';
import { canOperate, isCityRole } from '../../logic/notices';
import { useSession } from '../../session';
import { downloadFile } from '../../transfer';
import { CaseTimeline } from './CaseTimeline';

const BankChart = lazy(() => import('./BankChart'));

type View = 'statistics' | 'accounts' | 'banks' | 'cases';

async function download(path: string, name: string) {
  try {
    await downloadFile(path, {}, name);
  } catch (e) {
    message.error(errorMessage(e));
  }
}

const CELL_COLUMNS: ProColumns<CommonFundCellItem>[] = [
  { title: '物业项目', dataIndex: 'propertyAreaName', width: 200, fixed: 'left' },
  { title: '行政区域', dataIndex: 'districtName', width: 90 },
  { title: '所属街道', dataIndex: 'streetName', width: 110 },
  { title: '所属社区', dataIndex: 'communityName', width: 120 },
  { title: '物业企业', dataIndex: 'companyName', width: 200, render: (_, r) => r.companyName ?? '-' },
  { title: '登记人', dataIndex: ['account', 'registrant'], width: 90, render: (_, r) => r.account?.registrant ?? '-' },
  { title: '账户号码', dataIndex: ['account', 'accountNo'], width: 180, render: (_, r) => r.account?.accountNo ?? '-' },
  { title: '户名', dataIndex: ['account', 'accountName'], width: 200, render: (_, r) => r.account?.accountName ?? '-' },
  { title: '开户行', dataIndex: ['account', 'bankName'], width: 130, render: (_, r) => r.account?.bankName ?? '-' },
  { title: '账户类型', dataIndex: ['account', 'accountTypeLabel'], width: 90, render: (_, r) => r.account?.accountTypeLabel ?? '-' },
  { title: '账户状态', dataIndex: ['account', 'statusLabel'], width: 90, render: (_, r) => (r.account ? (r.account.abnormal ? <Tag color="red">{`${r.account.statusLabel}·异常`}</Tag> : r.account.statusLabel) : '未开户') },
  { title: '项目经理', dataIndex: 'projectManagerName', width: 140, render: (_, r) => (r.projectManagerName ? `${r.projectManagerName} ${r.projectManagerPhone ?? ''}` : '-') },
  { title: '业委会主任', dataIndex: 'committeeChairName', width: 140, render: (_, r) => (r.committeeChairName ? `${r.committeeChairName} ${r.committeeChairPhone ?? ''}` : '-') },
  { title: '督办阶段', dataIndex: 'caseStageLabel', width: 110, render: (_, r) => r.caseStageLabel ?? '-' },
];

/** The 未开 list: the people columns only (an unopened area has no account), each phone in its own column. */
const UNOPENED_CELL_COLUMNS: ProColumns<CommonFundCellItem>[] = [
  ...CELL_COLUMNS.filter((c) => ['propertyAreaName', 'districtName', 'streetName', 'communityName', 'companyName'].includes(String(c.dataIndex))),
  { title: '项目经理', dataIndex: 'projectManagerName', width: 100, render: (_, r) => r.projectManagerName ?? '-' },
  { title: '项目经理手机', dataIndex: 'projectManagerPhone', width: 120, render: (_, r) => r.projectManagerPhone ?? '-' },
  { title: '业委会主任', dataIndex: 'committeeChairName', width: 100, render: (_, r) => r.committeeChairName ?? '-' },
  { title: '业委会主任手机', dataIndex: 'committeeChairPhone', width: 120, render: (_, r) => r.committeeChairPhone ?? '-' },
  { title: '督办阶段', dataIndex: 'caseStageLabel', width: 110, render: (_, r) => r.caseStageLabel ?? '-' },
];

/** The areas behind one number, paged, with 导出; the 未开 list searches by project, 项目经理 or 业委会主任. */
function CellDialog({ filter, search, cell, onClose }: { filter: DrillFilter; search: string; cell: RegionCell<CommonFundCounter> | null; onClose: () => void }) {
  const [keyword, setKeyword] = useState('');
  useEffect(() => setKeyword(''), [cell]);
  return (
    <RegionCellModal cell={cell} onClose={onClose} width={1280}>
      {(opened) => {
        const unopened = opened.counter === 'unopened';
        const query = { ...filter, search: search || undefined, keyword: (unopened && keyword) || undefined, regionId: opened.regionId, counter: opened.counter };
        return (
          <ProTable<CommonFundCellItem>
            rowKey="propertyAreaId"
            columns={unopened ? UNOPENED_CELL_COLUMNS : CELL_COLUMNS}
            params={{ keyword: query.keyword }}
            headerTitle={unopened ? <Input.Search allowClear placeholder="物业项目 / 项目经理 / 业委会主任" style={{ width: 280 }} onSearch={(value) => setKeyword(value.trim())} /> : undefined}
            search={false}
            options={false}
            scroll={{ x: 'max-content' }}
            toolBarRender={() => [
              <Button key="export" icon={<DownloadOutlined />} onClick={() => void download(api.commonFunds.cellsExportPath(query), `共有资金-${opened.label}.xlsx`)}>
                导出
              </Button>,
            ]}
            pagination={{ defaultPageSize: 10, showSizeChanger: true }}
            request={pagedRequest(async ({ current, pageSize }: { current?: number; pageSize?: number }) => api.commonFunds.cells({ ...query, page: current, pageSize }))}
          />
        );
      }}
    </RegionCellModal>
  );
}

/** The statistics table's numbers, 开户率 after 未开. */
const STATS_COLUMNS: StatsColumn<CommonFundStatsRow, CommonFundCounter>[] = COMMON_FUND_TABLE_COUNTERS.flatMap((counter): StatsColumn<CommonFundStatsRow, CommonFundCounter>[] => {
  const column = { key: counter, title: commonFundCounterTitle(counter), width: 100, counter };
  return counter === 'unopened' ? [column, { key: 'openRate', title: '开户率', width: 80, text: (value) => `${value}%` }] : [column];
});

/** 共有资金账户统计: district → street → community → project, 物业项目名称 search, every number opening its list, 导出, 催办. */
function StatisticsView() {
  const { me } = useSession();
  const trail = useDrillTrail();
  const { step, filter } = trail;
  const [search, setSearch] = useState('');
  const [cell, setCell] = useState<RegionCell<CommonFundCounter> | null>(null);
  const { data: stats, loading } = useLoaded(() => api.commonFunds.statistics({ ...filter, search: search || undefined }), [filter, search]);
  const operate = canOperate(me?.modules, ModuleKey.COMMON_FUNDS);

  const urge = () =>
    Modal.confirm({
      title: '催办开户',
      content: urgeConfirmText(step.name, stats?.total.unopened ?? 0),
      okText: '发送',
      cancelText: '取消',
      onOk: async () => {
        try {
          message.success(urgeResultText(await api.commonFunds.urge(filter)));
        } catch (e) {
          message.warning(errorMessage(e));
        }
      },
    });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <DrillBreadcrumb trail={trail} />
        <Space>
          <Input.Search allowClear placeholder="物业项目名称" onSearch={(value) => setSearch(value.trim())} style={{ width: 220 }} aria-label="按物业项目名称搜索" />
          <Button icon={<DownloadOutlined />} onClick={() => void download(api.commonFunds.statisticsExportPath({ ...filter, search: search || undefined }), '共有资金账户统计.xlsx')}>
            导出
          </Button>
          {operate && !isCityRole(me?.role) && (
            <Button type="primary" icon={<NotificationOutlined />} onClick={urge} disabled={!stats?.total.unopened}>
              催办
            </Button>
          )}
        </Space>
      </Space>
      <ProCard bordered>
        <RegionStatsTable trail={trail} stats={stats} loading={loading} columns={STATS_COLUMNS} onOpen={setCell} detail="查看明细" />
      </ProCard>
      <CellDialog filter={filter} search={search} cell={cell} onClose={() => setCell(null)} />
    </Space>
  );
}

type AccountSearch = { search?: string; accountType?: string; status?: string; bankId?: number };

/** 共有资金账户: the list with search and filters, 导出, and an account's transactions. */
function AccountsView({ bankId }: { bankId?: number }) {
  const [params, setParams] = useState<AccountSearch>({});
  const [opened, setOpened] = useState<CommonFundAccountItem | null>(null);
  const columns: ProColumns<CommonFundAccountItem>[] = [
    { title: '物业项目 / 账户号码 / 户名', dataIndex: 'search', hideInTable: true },
    { title: '物业项目', dataIndex: 'propertyAreaName', width: 200, fixed: 'left', search: false },
    { title: '所属街道', dataIndex: 'streetName', width: 110, search: false },
    { title: '所属社区', dataIndex: 'communityName', width: 120, search: false },
    { title: '物业企业', dataIndex: 'companyName', width: 200, search: false, render: (_, r) => r.companyName ?? '-' },
    {
      title: '账户号码',
      dataIndex: 'accountNo',
      width: 190,
      search: false,
      render: (_, r) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpened(r)} aria-label={`查看账户 ${r.accountNo} 的流水`}>
          {r.accountNo}
        </Button>
      ),
    },
    { title: '户名', dataIndex: 'accountName', width: 200, search: false },
    { title: '开户行', dataIndex: 'bankName', width: 130, search: false },
    { title: '账户类型', dataIndex: 'accountType', width: 90, valueType: 'select', valueEnum: Object.fromEntries(Object.entries(COMMON_FUND_ACCOUNT_TYPE_LABELS).map(([k, v]) => [k, { text: v }])) },
    {
      title: '账户状态',
      dataIndex: 'status',
      width: 100,
      valueType: 'select',
      valueEnum: Object.fromEntries(Object.entries(COMMON_FUND_ACCOUNT_STATUS_LABELS).map(([k, v]) => [k, { text: v }])),
      render: (_, r) => (r.abnormal ? <Tag color="red">{`${r.statusLabel}·异常`}</Tag> : r.statusLabel),
    },
    { title: '登记人', dataIndex: 'registrant', width: 90, search: false },
    { title: '登记时间', dataIndex: 'registeredAt', width: 110, search: false, render: (_, r) => dayjs(r.registeredAt).format('YYYY-MM-DD') },
    { title: '余额（元）', dataIndex: 'balance', width: 130, align: 'right', search: false, render: (_, r) => yuan(r.balance) },
  ];
  const exportQuery = { bankId, search: params.search || undefined, accountType: (params.accountType || undefined) as never, status: (params.status || undefined) as never };
  return (
    <>
      <ProTable<CommonFundAccountItem, AccountSearch>
        rowKey="id"
        columns={columns}
        scroll={{ x: 'max-content' }}
        search={{ labelWidth: 'auto' }}
        options={false}
        params={{ bankId }}
        toolBarRender={() => [
          <Button key="export" icon={<DownloadOutlined />} onClick={() => void download(api.commonFunds.accountsExportPath(exportQuery), '共有资金账户.xlsx')}>
            导出
          </Button>,
        ]}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        request={pagedRequest(async ({ current, pageSize, search, accountType, status }: AccountSearch & { current?: number; pageSize?: number }) => {
          setParams({ search, accountType, status });
          return api.commonFunds.accounts({ bankId, search: search || undefined, accountType: (accountType || undefined) as never, status: (status || undefined) as never, page: current, pageSize });
        })}
      />
      <Drawer open={opened !== null} onClose={() => setOpened(null)} width={820} title={opened ? `${opened.propertyAreaName} · ${opened.accountNo}` : ''} destroyOnClose>
        {opened && (
          <ProTable
            rowKey="id"
            search={false}
            options={false}
            pagination={{ defaultPageSize: 20 }}
            columns={[
              { title: '交易时间', dataIndex: 'transTime', render: (_, r) => dayjs(r.transTime).format('YYYY-MM-DD HH:mm') },
              { title: '借贷', dataIndex: 'directionLabel' },
              { title: '金额（元）', dataIndex: 'amount', align: 'right', render: (_, r) => yuan(r.amount) },
              { title: '余额（元）', dataIndex: 'balance', align: 'right', render: (_, r) => yuan(r.balance) },
              { title: '摘要', dataIndex: 'summary' },
            ]}
            request={pagedRequest(async ({ current, pageSize }: { current?: number; pageSize?: number }) => api.commonFunds.transactions(opened.id, { page: current, pageSize }))}
          />
        )}
      </Drawer>
    </>
  );
}

/** 共享银行统计: accounts per bank by type, projects and share, as a table and a chart; a bank opens its accounts. */
function BanksView() {
  const [stats, setStats] = useState<CommonFundBankStats | null>(null);
  const [bank, setBank] = useState<{ id: number; name: string } | null>(null);
  useEffect(() => {
    api.commonFunds.bankStatistics({}).then(setStats, (e) => message.error(errorMessage(e)));
  }, []);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
        <Button icon={<DownloadOutlined />} onClick={() => void download(api.commonFunds.bankStatisticsExportPath({}), '共享银行统计.xlsx')}>
          导出
        </Button>
      </Space>
      <ProCard bordered>
        <Table
          rowKey="bankId"
          size="small"
          loading={!stats}
          dataSource={stats?.items ?? []}
          pagination={false}
          columns={[
            {
              title: '开户行',
              dataIndex: 'bankName',
              render: (name: string, row) =>
                row.accounts > 0 ? (
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setBank({ id: row.bankId, name })} aria-label={`查看${name}的账户`}>
                    {name}
                  </Button>
                ) : (
                  name
                ),
            },
            { title: '基本账户数', dataIndex: 'basic', align: 'right' },
            { title: '共管账户数', dataIndex: 'coManaged', align: 'right' },
            { title: '账户数', dataIndex: 'accounts', align: 'right' },
            { title: '物业项目数', dataIndex: 'projects', align: 'right' },
            { title: '占比', dataIndex: 'share', align: 'right', render: (v: number) => `${v}%` },
          ]}
          summary={() =>
            stats ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                {[stats.total.basic, stats.total.coManaged, stats.total.accounts, stats.total.projects, `${stats.total.share}%`].map((v, i) => (
                  <Table.Summary.Cell key={i} index={i + 1} align="right">
                    {v}
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            ) : null
          }
        />
      </ProCard>
      {stats && (
        <ProCard bordered title="各银行账户数">
          <Suspense fallback={null}>
            <BankChart option={bankChartOption(stats)} label={bankChartLabel(stats)} />
          </Suspense>
        </ProCard>
      )}
      <Modal open={bank !== null} onCancel={() => setBank(null)} footer={null} width={1280} title={bank ? `${bank.name} · 共有资金账户` : ''} destroyOnClose>
        {bank && <AccountsView bankId={bank.id} />}
      </Modal>
    </Space>
  );
}

/** 逾期未开户督办: the cases by stage, each with its timeline and the step its stage allows (责令整改 / 行政处罚). */
function CasesView() {
  const { me } = useSession();
  const operate = canOperate(me?.modules, ModuleKey.COMMON_FUNDS) && !isCityRole(me?.role);
  const action = useRef<ActionType>();
  const [opened, setOpened] = useState<CommonFundCase | null>(null);
  const refresh = (updated: CommonFundCase) => {
    setOpened((current) => (current && current.id === updated.id ? updated : current));
    void action.current?.reload();
  };
  const confirm = (content: string) => new Promise<boolean>((resolve) => Modal.confirm({ title: '请确认', content, okText: '确认', cancelText: '取消', onOk: () => resolve(true), onCancel: () => resolve(false) }));
  const columns: ProColumns<CommonFundCase>[] = [
    { title: '物业项目名称', dataIndex: 'search', hideInTable: true },
    {
      title: '物业项目',
      dataIndex: 'propertyAreaName',
      width: 200,
      search: false,
      render: (_, r) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpened(r)} aria-label={`查看${r.propertyAreaName}的督办时间线`}>
          {r.propertyAreaName}
        </Button>
      ),
    },
    { title: '督办阶段', dataIndex: 'stage', width: 130, valueType: 'select', valueEnum: Object.fromEntries(Object.entries(COMMON_FUND_CASE_STAGE_LABELS).map(([k, v]) => [k, { text: v }])) },
    { title: '应开户截止', dataIndex: 'dueDate', width: 110, search: false },
    { title: '责令整改', dataIndex: 'orderNo', width: 220, search: false, render: (_, r) => (r.orderNo ? `${r.orderNo}（期限 ${r.rectifyDeadline}）` : '-') },
    { title: '行政处罚', dataIndex: 'penaltyNo', width: 220, search: false, render: (_, r) => (r.penaltyNo ? `${r.penaltyNo}（${yuan(r.penaltyAmount ?? 0)} 元）` : '-') },
    {
      title: '操作',
      valueType: 'option',
      width: 120,
      render: (_, r) =>
        operate
          ? caseActions(r.stage).map((a) =>
              a === 'rectify' ? (
                <ModalForm<{ orderNo: string; orderDate: string; deadline?: string }>
                  key="rectify"
                  title={`责令整改 · ${r.propertyAreaName}`}
                  trigger={<a>责令整改</a>}
                  modalProps={{ destroyOnClose: true }}
                  initialValues={{ orderDate: dayjs().format('YYYY-MM-DD') }}
                  onFinish={async (values) => {
                    const orderDate = dayjs(values.orderDate).format('YYYY-MM-DD');
                    const deadline = values.deadline ? dayjs(values.deadline).format('YYYY-MM-DD') : undefined;
                    if (!(await confirm(rectifyConfirmText(r.propertyAreaName, values.orderNo, deadline ?? defaultDeadline(orderDate))))) return false;
                    try {
                      refresh(await api.commonFunds.rectifyOrder(r.id, { orderNo: values.orderNo, orderDate, deadline }));
                      message.success('已下达责令整改');
                      return true;
                    } catch (e) {
                      message.error(errorMessage(e));
                      return false;
                    }
                  }}
                >
                  <ProFormText name="orderNo" label="责令整改通知书编号" rules={[{ required: true, message: '请填写通知书编号' }]} />
                  <ProFormDatePicker name="orderDate" label="责令整改日期" rules={[{ required: true, message: '请选择日期' }]} />
                  <ProFormDatePicker name="deadline" label="整改期限" tooltip="不填为责令整改日期后15天" />
                </ModalForm>
              ) : (
                <ModalForm<{ decisionNo: string; decisionDate: string; amount: number }>
                  key="penalty"
                  title={`行政处罚 · ${r.propertyAreaName}`}
                  trigger={<a>行政处罚</a>}
                  modalProps={{ destroyOnClose: true }}
                  initialValues={{ decisionDate: dayjs().format('YYYY-MM-DD') }}
                  onFinish={async (values) => {
                    if (!(await confirm(penaltyConfirmText(r.propertyAreaName, values.decisionNo, values.amount)))) return false;
                    try {
                      refresh(await api.commonFunds.penalty(r.id, { decisionNo: values.decisionNo, decisionDate: dayjs(values.decisionDate).format('YYYY-MM-DD'), amount: values.amount }));
                      message.success('已记录行政处罚');
                      return true;
                    } catch (e) {
                      message.error(errorMessage(e));
                      return false;
                    }
                  }}
                >
                  <ProFormText name="decisionNo" label="行政处罚决定书编号" rules={[{ required: true, message: '请填写决定书编号' }]} />
                  <ProFormDatePicker name="decisionDate" label="处罚日期" rules={[{ required: true, message: '请选择日期' }]} />
                  <ProFormDigit name="amount" label="罚款金额（元）" min={0.01} fieldProps={{ precision: 2 }} rules={[{ required: true, message: '请填写罚款金额' }]} />
                </ModalForm>
              ),
            )
          : null,
    },
  ];
  return (
    <>
      <ProTable<CommonFundCase, { search?: string; stage?: string }>
        rowKey="id"
        actionRef={action}
        columns={columns}
        scroll={{ x: 'max-content' }}
        search={{ labelWidth: 'auto' }}
        options={false}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        request={pagedRequest(async ({ current, pageSize, search, stage }: { current?: number; pageSize?: number; search?: string; stage?: string }) =>
          api.commonFunds.cases({ search: search || undefined, stage: (stage || undefined) as never, page: current, pageSize }),
        )}
      />
      <Drawer open={opened !== null} onClose={() => setOpened(null)} width={640} title={opened ? `${opened.propertyAreaName} · 逾期未开户督办` : ''} destroyOnClose>
        {opened && <CaseTimeline item={opened} />}
      </Drawer>
    </>
  );
}

/** 共有资金 (PC): 账户统计, 账户列表, 共享银行统计 and 逾期未开户督办, switched on the left. */
export default function CommonFundsPage() {
  const [view, setView] = useState<View>('statistics');
  return (
    <PageContainer title="共有资金">
      <ProCard split="vertical" bordered>
        <ProCard colSpan="220px">
          <Menu
            mode="inline"
            selectedKeys={[view]}
            onClick={({ key }) => setView(key as View)}
            items={[
              { key: 'statistics', label: '共有资金账户统计' },
              { key: 'accounts', label: '共有资金账户' },
              { key: 'banks', label: '共享银行统计' },
              { key: 'cases', label: '逾期未开户督办' },
            ]}
          />
        </ProCard>
        <ProCard>{view === 'statistics' ? <StatisticsView /> : view === 'accounts' ? <AccountsView /> : view === 'banks' ? <BanksView /> : <CasesView />}</ProCard>
      </ProCard>
    </PageContainer>
  );
}
