import { Text, View } from '@tarojs/components';
import { AreaCommonFunds, COMMON_FUND_ACCOUNT_TYPE_LABELS, CommonFundAccountDetail } from '@szpm/contract';
import { api } from '../../api';
import { Section } from '../../components/InfoRows';
import { LoadState } from '../../components/LoadState';
import { useLoader } from '../../hooks/useLoader';
import { ROUTES } from '../../routes';
import { go } from '../../utils/navigation';
import { Button } from '../../ui/button';
import { Tag } from '../../ui/tag';

const yuan = (v: number) => v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 共有资金信息 of the area detail: the accounts, the latest transactions and the escalation timeline. */
export function AreaCommonFundsTabView({ areaId }: { areaId: number }) {
  const loaded = useLoader(() => api.commonFunds.areaTab(areaId), [areaId]);
  return (
    <LoadState loaded={loaded} id="area-common-funds" homeLink={false}>
      {(data: AreaCommonFunds) => (
        <View id="area-common-funds">
          <Section title="共有资金账户" id="area-common-funds-accounts">
            {data.accounts.length === 0 && <Text className="muted">{data.shouldOpen ? '应开共有资金账户，尚未登记' : '尚未登记共有资金账户'}</Text>}
            {data.accounts.map((a) => (
              <AccountCard key={a.id} account={a} />
            ))}
            {data.ownAccountType && (
              <Button id="area-common-funds-register" size="small" type="primary" onClick={() => go(ROUTES.commonFundRegistration, { areaId: data.propertyAreaId })}>
                登记{COMMON_FUND_ACCOUNT_TYPE_LABELS[data.ownAccountType]}
              </Button>
            )}
          </Section>
          {data.latestTransactions.length > 0 && (
            <Section title="最近流水" id="area-common-funds-transactions">
              {data.latestTransactions.map((t) => (
                <View key={t.id} className="card">
                  <Text className="muted">
                    {t.transTime.slice(0, 10)} · {t.directionLabel} {yuan(t.amount)} · 余额 {yuan(t.balance)} · {t.summary}
                  </Text>
                </View>
              ))}
            </Section>
          )}
          {data.cases.map((c) => (
            <Section key={c.id} title={`逾期未开户督办 · ${c.stageLabel}`} id={`area-common-fund-case-${c.id}`}>
              {c.events.map((e) => (
                <Text key={e.id} className="muted">
                  {e.at.slice(0, 10)} {e.stageLabel}：{e.note}
                </Text>
              ))}
            </Section>
          ))}
        </View>
      )}
    </LoadState>
  );
}

/** One account: type, bank, number, balance, registrant, and why it is 异常 (its unresolved feed issues). */
export function AccountCard({ account: a }: { account: CommonFundAccountDetail }) {
  return (
    <View className="card" id={`area-common-fund-account-${a.id}`}>
      <Text className="case-card__title">
        {a.accountTypeLabel} · {a.bankName}
      </Text>
      <Text className="muted">
        {a.accountNo} · {a.accountName}
      </Text>
      <Text className="muted">
        余额 {yuan(a.balance)} 元 · 登记人 {a.registrant} · {a.registeredAt.slice(0, 10)}
      </Text>
      {a.abnormal ? <Tag type="danger">异常</Tag> : <Tag type="success">{a.statusLabel}</Tag>}
      {a.feedIssues.map((i) => (
        <Text key={i.id} className="muted" id={`area-common-fund-account-${a.id}-issue-${i.kind}`}>
          {i.kindLabel}：{i.detail}
        </Text>
      ))}
    </View>
  );
}
