import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { GrantAction, ModuleKey, UnitCategory, UnitCategoryStats } from '@szpm/contract';
import { api } from '../../../api';
import { RateBar } from '../../../components/charts/RateBar';
import { RingChart } from '../../../components/charts/RingChart';
import { Section } from '../../../components/InfoRows';
import { LoadState } from '../../../components/LoadState';
import { StatsColumn, StatsGrid } from '../../../components/StatsGrid';
import { UrgeButton } from '../../../components/UrgeButton';
import { useLoader } from '../../../hooks/useLoader';
import { CHART_COLORS } from '../../../logic/chart';
import { percentOf } from '../../../logic/format';
import { holds } from '../../../logic/home-modules';
import { NumericKey, sumCounts } from '../../../logic/stats-grid';
import { urgeBindingSummary } from '../../../logic/urge-binding';
import { ROUTES } from '../../../routes';
import { modulesOf, useSession } from '../../../session';
import { go } from '../../../utils/navigation';

type Counts = Pick<UnitCategoryStats, NumericKey<UnitCategoryStats>>;
type Column = StatsColumn<UnitCategoryStats, Counts>;

const units = (filter: 'all' | 'without-account') => (row: UnitCategoryStats) => go(ROUTES.statsUnits, { category: row.category, filter, label: row.label });
const accounts = (bound?: boolean) => (row: UnitCategoryStats) => go(ROUTES.statsAccounts, { category: row.category, bound, label: row.label });

/** Every number opens its list (全部单位 / 未开设单位 / 账户总数 / 已绑定 / 未绑定 of the category). */
const COLUMNS: Array<[Column['key'], string, (row: UnitCategoryStats) => void]> = [
  ['allUnits', '全部单位', units('all')],
  ['unitsWithoutAccount', '未开设单位', units('without-account')],
  ['accountTotal', '账户总数', accounts()],
  ['bound', '已绑定', accounts(true)],
  ['unbound', '未绑定', accounts(false)],
];
const COUNTERS = COLUMNS.map(([key]) => key);
const columns: Column[] = COLUMNS.map(([key, label, open]) => ({
  key,
  label,
  kind: 'count',
  onOpenList: ({ row }) => {
    if (row) open(row);
  },
}));

/** 用户统计: units and accounts per unit category with the lists behind every number, and 催绑. */
export default function BindingStats() {
  const { me } = useSession();
  const loaded = useLoader(() => api.permissions.bindingStats(), []);
  usePullDownRefresh(() => void loaded.reload().finally(() => Taro.stopPullDownRefresh()));
  const canUrge = holds(modulesOf(me), ModuleKey.PERMISSIONS, GrantAction.OPERATE);
  const reload = () => void loaded.reload();
  const question = (label: string, unbound: number) => `将向${label} ${unbound} 个未绑定微信的账号发送催绑消息，同一账号24小时内只催绑一次。确认催绑？`;

  return (
    <View className="page" id="binding-stats">
      <LoadState loaded={loaded} id="stats">
        {(stats) => {
          const total = sumCounts(stats, COUNTERS);
          const boundPercent = percentOf(total.bound, total.accountTotal);
          return (
            <>
              <Section title="微信绑定率" id="stats-binding-rate">
                <RingChart
                  id="stats-binding-ring"
                  centerText={boundPercent === null ? '暂无' : `${boundPercent}%`}
                  centerLabel="绑定率"
                  emptyText="暂无账号"
                  segments={[
                    { label: '已绑定', value: total.bound, color: CHART_COLORS.done },
                    { label: '未绑定', value: total.unbound, color: CHART_COLORS.pending },
                  ]}
                />
                {stats
                  .filter((s) => s.accountTotal > 0)
                  .map((s) => (
                    <RateBar key={s.category} id={`stats-rate-${s.category}`} label={s.label} part={s.bound} whole={s.accountTotal} detail={`已绑定 ${s.bound} / 账户 ${s.accountTotal}`} />
                  ))}
              </Section>
              <StatsGrid
                id="stats-table"
                nameHeader="单位类别"
                columns={columns}
                rows={stats}
                rowKey={(row) => row.category}
                rowName={(row) => row.label}
                total={total}
                totalOpensList={false}
                hideEmptyRows
              />
              {canUrge && stats.some((s) => s.unbound > 0) && (
                <Section title="催绑" id="stats-urge">
                  <Text className="muted">向未绑定微信的账号发送催绑消息，提醒其完成身份绑定。</Text>
                  <View className="actions actions--inline">
                    {stats
                      .filter((s) => s.unbound > 0)
                      .map((s) => (
                        <UrgeCategory key={s.category} category={s.category} label={s.label} unbound={s.unbound} question={question(s.label, s.unbound)} onDone={reload} />
                      ))}
                  </View>
                  <UrgeButton
                    id="stats-urge-all"
                    type="primary"
                    block
                    action="催绑"
                    question={question(me?.districtName ? `${me.districtName}全部` : '全部', total.unbound)}
                    urge={() => api.permissions.urgeBinding({})}
                    summary={(result) => urgeBindingSummary(result, total.unbound)}
                    nothingLeftText="所有账号均已绑定微信，无需催绑"
                    onDone={reload}
                  >
                    全部催绑
                  </UrgeButton>
                </Section>
              )}
            </>
          );
        }}
      </LoadState>
    </View>
  );
}

function UrgeCategory({ category, label, unbound, question, onDone }: { category: UnitCategory; label: string; unbound: number; question: string; onDone: () => void }) {
  return (
    <UrgeButton
      id={`stats-${category}-urge`}
      size="small"
      type="primary"
      fill="outline"
      action="催绑"
      question={question}
      urge={() => api.permissions.urgeBinding({ unitCategory: category })}
      summary={(result) => urgeBindingSummary(result, unbound)}
      nothingLeftText={`${label}的账号均已绑定微信，无需催绑`}
      onDone={onDone}
    >
      催绑{label}
    </UrgeButton>
  );
}
