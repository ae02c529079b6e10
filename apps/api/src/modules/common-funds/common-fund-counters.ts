import { CommonFundAccountStatus, CommonFundAccountType, CommonFundCaseStage, CommonFundCounter } from '@szpm/contract';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CounterSet } from '../regions/statistics/counters';
import { shouldOpenSql } from './common-fund-rules';
import { CommonFundAccount } from './entities';

const ORDERED_STAGES = [CommonFundCaseStage.RECTIFY_ORDERED, CommonFundCaseStage.RECTIFY_EXPIRED, CommonFundCaseStage.PENALISED].map((s) => `'${s}'`).join(', ');

/**
 * The statistics over areas `a` with their profile `pp`, their accounts summed per area `acc`
 * (joinAccountSums) and their open case `oc`: 应开 by the should-open rule, 已开 / 未开 a partition of
 * it by a normal account, account counts summed (基本 / 共管: normal ones; 异常: disabled or with an
 * unresolved feed issue), 责令整改 / 行政处罚 the open cases at or past those stages.
 */
export function commonFundCounters(areaTypes: readonly string[]): CounterSet<CommonFundCounter> {
  const should = shouldOpenSql();
  const params = { cfAreaTypes: [...areaTypes] };
  return {
    projects: {},
    shouldOpen: { when: should, params },
    opened: { when: `${should} AND COALESCE(acc.normalCount, 0) > 0`, params },
    unopened: { when: `${should} AND COALESCE(acc.normalCount, 0) = 0`, params },
    basic: { sum: 'COALESCE(acc.basicCount, 0)' },
    coManaged: { sum: 'COALESCE(acc.coManagedCount, 0)' },
    abnormal: { sum: 'COALESCE(acc.abnormalCount, 0)' },
    rectifyOrdered: { when: `oc.stage IN (${ORDERED_STAGES})` },
    penalised: { when: `oc.stage = '${CommonFundCaseStage.PENALISED}'` },
  };
}

/**
 * Left-joins `acc`: per area, its normal, normal basic, normal co-managed and abnormal account
 * counts. MariaDB computes it per joined area (LATERAL DERIVED on the propertyAreaId index), so it
 * costs an index lookup per area of the drill, not a pass over the city's accounts.
 */
export function joinAccountSums<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  const normal = `x.status = '${CommonFundAccountStatus.NORMAL}'`;
  return qb.leftJoin(
    (sub: SelectQueryBuilder<ObjectLiteral>) =>
      // eslint-disable-next-line szpm/no-raw-scoped-access -- sums per area joined to areas the regions kit confines to the checked drill
      sub
        .select('x.propertyAreaId', 'pid')
        .addSelect(`SUM(CASE WHEN ${normal} THEN 1 ELSE 0 END)`, 'normalCount')
        .addSelect(`SUM(CASE WHEN ${normal} AND x.accountType = '${CommonFundAccountType.BASIC}' THEN 1 ELSE 0 END)`, 'basicCount')
        .addSelect(`SUM(CASE WHEN ${normal} AND x.accountType = '${CommonFundAccountType.CO_MANAGED}' THEN 1 ELSE 0 END)`, 'coManagedCount')
        .addSelect(`SUM(CASE WHEN x.status = '${CommonFundAccountStatus.DISABLED}' OR x.feedAbnormal = 1 THEN 1 ELSE 0 END)`, 'abnormalCount')
        .from(CommonFundAccount, 'x')
        .groupBy('x.propertyAreaId'),
    'acc',
    'acc.pid = a.id',
  );
}
