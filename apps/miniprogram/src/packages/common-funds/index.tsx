import { Text, View } from '@tarojs/components';
import { COMMON_FUND_COUNTER_LABELS, CommonFundBankRow, CommonFundCellItem, CommonFundCounter, CommonFundCounters, CommonFundStatsRow, GrantAction, ModuleKey, RegionStatsItem, urgeSummary } from '@szpm/contract';
import { useState } from 'react';
import { api } from '../../api';
import { CellListPopup, OpenedCell } from '../../components/CellListPopup';
import { Section } from '../../components/InfoRows';
import { LoadState } from '../../components/LoadState';
import { RegionDrillDown } from '../../components/RegionDrillDown';
import { SearchBox } from '../../components/SearchBox';
import { SegmentTabs } from '../../components/SegmentTabs';
import { StatsCell, StatsColumn } from '../../components/StatsGrid';
import { UrgeButton } from '../../components/UrgeButton';
import { useLoader } from '../../hooks/useLoader';
import { useRegionDrill } from '../../hooks/useRegionDrill';
import { holds } from '../../logic/home-modules';
import { cellQuery, crumbLabels, drillFilter } from '../../logic/region-drill';
import { useSession } from '../../session';

type Row = RegionStatsItem<CommonFundStatsRow>;
type Column = StatsColumn<Row, CommonFundStatsRow>;
type Tab = 'stats' | 'banks';

const COUNTERS: CommonFundCounter[] = ['projects', 'shouldOpen', 'opened', 'unopened', 'basic', 'coManaged', 'abnormal', 'rectifyOrdered', 'penalised'];

/**
 * 业主共有资金 (chapter 11, WeChat): 共有资金账户统计 by street → community → project with 物业项目名称
 * search (every number opens its projects), 催办 of the unopened, and 共享银行统计 (a bank opens its accounts).
 */
export default function CommonFunds() {
  const [tab, setTab] = useState<Tab>('stats');
  return (
    <View className="page page--list" id="common-funds">
      <SegmentTabs
        id="common-fund-tabs"
        tabs={[
          { value: 'stats', label: '账户统计' },
          { value: 'banks', label: '共享银行统计' },
        ]}
        value={tab}
        onChange={setTab}
      />
      {tab === 'stats' ? <Stats /> : <Banks />}
    </View>
  );
}

function CellCard({ item }: { item: CommonFundCellItem }) {
  return (
    <View className="card sheet__option" id={`common-fund-cell-${item.propertyAreaId}`}>
      <Text className="case-card__title">{item.propertyAreaName}</Text>
      <Text className="muted">
        {item.streetName} · {item.communityName} · {item.companyName ?? '无物业企业'}
      </Text>
      <Text className="muted">{item.account ? `${item.account.accountTypeLabel} · ${item.account.bankName} · ${item.account.accountNo}（${item.account.abnormal ? '异常' : item.account.statusLabel}）` : '未开户'}</Text>
      <Text className="muted">
        项目经理 {item.projectManagerName ?? '—'} {item.projectManagerPhone ?? ''} · 业委会主任 {item.committeeChairName ?? '—'} {item.committeeChairPhone ?? ''}
      </Text>
      {item.caseStageLabel && <Text className="muted">督办：{item.caseStageLabel}</Text>}
    </View>
  );
}

function Stats() {
  const { me } = useSession();
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState<OpenedCell<CommonFundCellItem> | null>(null);
  const drill = useRegionDrill((filter) => api.commonFunds.statistics({ ...filter, search: search || undefined }), [search]);
  const rootLabel = me?.districtName ?? '全市';
  const place = crumbLabels(rootLabel, drill.stack).slice(-1)[0];
  const operate = me !== null && me.districtId !== null && holds(me.modules, ModuleKey.COMMON_FUNDS, GrantAction.OPERATE);
  const openList = (label: string) => (cell: StatsCell<Row, CommonFundStatsRow>) => {
    const stack = drill.stack;
    setOpened({
      title: `${cell.row?.regionName ?? `${place}合计`} · ${label}`,
      fetchPage: (page, pageSize) => api.commonFunds.cells({ ...cellQuery(stack, cell.row, cell.key, { page, pageSize }), search: search || undefined, counter: cell.key as keyof CommonFundCounters }),
    });
  };
  const columns: Column[] = [
    ...COUNTERS.map((key): Column => ({ key, label: COMMON_FUND_COUNTER_LABELS[key], kind: 'count', onOpenList: openList(COMMON_FUND_COUNTER_LABELS[key]) })),
    { key: 'openRate', label: '开户率', kind: 'rate' },
  ];
  return (
    <>
      <Section id="common-fund-search-section">
        <SearchBox id="common-fund-search" placeholder="物业项目名称" onSearch={setSearch} />
      </Section>
      <RegionDrillDown
        id="common-fund-stats"
        rootLabel={rootLabel}
        drill={drill}
        columns={columns}
        header={(stats) => (
          <Section title={`${place}共有资金账户统计`} id="common-fund-stats-summary">
            <Text className="muted">
              应开 {stats.total.shouldOpen} 个（已开 {stats.total.opened}，未开 {stats.total.unopened}，开户率 {stats.total.openRate.toFixed(2)}%），逾期未开户责令整改 {stats.total.rectifyOrdered} 个、行政处罚 {stats.total.penalised} 个
            </Text>
          </Section>
        )}
      />
      {operate && (
        <UrgeButton
          id="common-fund-urge"
          type="primary"
          block
          action="催办"
          question="向应开未开共有资金账户的物业项目的项目经理、业委会主任发送催办？24小时内已催办过的不再重复发送。"
          urge={() => api.commonFunds.urge(drillFilter(drill.stack))}
          summary={(result) => urgeSummary(result)}
          nothingLeftText="范围内应开户的物业项目均已开户"
          onDone={() => void drill.stats.reload()}
        >
          催办开户
        </UrgeButton>
      )}
      <CellListPopup id="common-fund-cell" cell={opened} onClose={() => setOpened(null)} emptyText="没有符合条件的物业项目" renderItem={(item) => <CellCard key={item.propertyAreaId} item={item} />} />
    </>
  );
}

function Banks() {
  const loaded = useLoader(() => api.commonFunds.bankStatistics({}), []);
  const [opened, setOpened] = useState<OpenedCell<{ id: number; propertyAreaName: string; accountNo: string; accountTypeLabel: string; statusLabel: string; abnormal: boolean }> | null>(null);
  const open = (bank: CommonFundBankRow) => setOpened({ title: `${bank.bankName} · 共有资金账户`, fetchPage: (page, pageSize) => api.commonFunds.accounts({ bankId: bank.bankId, page, pageSize }) });
  return (
    <LoadState loaded={loaded} id="common-fund-banks">
      {(stats) => (
        <>
          <Section title="共享银行统计" id="common-fund-banks-summary">
            <Text className="muted">
              共 {stats.total.accounts} 个账户（基本 {stats.total.basic}，共管 {stats.total.coManaged}），涉及 {stats.total.projects} 个物业项目
            </Text>
          </Section>
          {stats.items.map((b) => (
            <View key={b.bankId} className="card" id={`common-fund-bank-${b.bankId}`} onClick={b.accounts > 0 ? () => open(b) : undefined}>
              <Text className="case-card__title">{b.bankName}</Text>
              <Text className="muted">
                账户 {b.accounts} 个（基本 {b.basic}，共管 {b.coManaged}）· 项目 {b.projects} 个 · 占比 {b.share.toFixed(2)}%
              </Text>
            </View>
          ))}
          <CellListPopup
            id="common-fund-bank-accounts"
            cell={opened}
            onClose={() => setOpened(null)}
            emptyText="该银行暂无账户"
            renderItem={(a) => (
              <View key={a.id} className="card sheet__option">
                <Text className="case-card__title">{a.propertyAreaName}</Text>
                <Text className="muted">
                  {a.accountTypeLabel} · {a.accountNo}（{a.abnormal ? '异常' : a.statusLabel}）
                </Text>
              </View>
            )}
          />
        </>
      )}
    </LoadState>
  );
}
