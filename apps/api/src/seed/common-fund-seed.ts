import {
  CommonFundAccountStatus,
  CommonFundAccountType,
  CommonFundCaseStage,
  CommonFundDirection,
  CommonFundFeedIssueKind,
  CommonFundRegistrantType,
  GrantAction,
  ModuleKey,
  Role,
} from '@szpm/contract';
import { DataSource, EntityManager } from 'typeorm';
import { addDays } from '../modules/property-areas/facilities/facility-due';
import { PropertyAreaProfile } from '../modules/property-areas/entities/property-area-profile.entity';
import { OwnersCommittee } from '../modules/regions/entities/owners-committee.entity';
import { PropertyArea } from '../modules/regions/entities/property-area.entity';
import { areaFacts } from '../modules/common-funds/common-fund-cases.service';
import { accountTrigger, AreaFundFacts, isOpeningOverdue, openingDueDate, shouldOpenAccount } from '../modules/common-funds/common-fund-rules';
import { CommonFundAccount, CommonFundCase, CommonFundCaseEventRow, CommonFundFeedIssueRow, CommonFundTransactionRow, SharedBank } from '../modules/common-funds/entities';
import { ensureSharedBanks } from '../modules/common-funds/shared-bank-defaults';
import { GrantRow, SeededAccounts } from './accounts';
import { ModuleGrant } from '../access/entities/module-grant.entity';
import { BulkInserter } from './bulk-insert';
import { pad, shanghaiDay } from './organisation';
import { SeededRandom } from './random';
import { nonEmptyTables, SeedTargetNotEmptyError } from './seed-writer';

/** How much history the seed writes: months of transactions per account (5–40 a month). */
export interface CommonFundPlan {
  months: number;
  /** the settings the seed follows (COMMON_FUND_OVERDUE_DAYS, COMMON_FUND_RECTIFY_DAYS, COMMON_FUND_AREA_TYPES) */
  overdueDays: number;
  rectifyDays: number;
  areaTypes: readonly string[];
}

export const DEMO_COMMON_FUND_PLAN: CommonFundPlan = { months: 3, overdueDays: 30, rectifyDays: 15, areaTypes: ['RESIDENTIAL', 'MIXED'] };
export const CITY_COMMON_FUND_PLAN: CommonFundPlan = { ...DEMO_COMMON_FUND_PLAN, months: 12 };

type AccountRow = Omit<CommonFundAccount, 'createdAt' | 'updatedAt'>;
type CaseRow = Omit<CommonFundCase, 'createdAt' | 'updatedAt'>;
type EventRow = Omit<CommonFundCaseEventRow, 'id'>;
type TransactionRow = Omit<CommonFundTransactionRow, 'id'>;
type IssueRow = Omit<CommonFundFeedIssueRow, 'id'>;

export interface AreaSeedFacts extends AreaFundFacts {
  id: number;
  name: string;
  districtId: number;
  streetId: number;
  communityId: number;
  chairName: string | null;
  managerName: string | null;
}

export interface CommonFundSeedRows {
  accounts: AccountRow[];
  cases: CaseRow[];
  events: EventRow[];
  issues: IssueRow[];
  /** per account: how many transactions to write (generated lazily, so the city seed streams them) */
  ledgers: Array<{ accountId: number; from: string; opening: number; perMonth: number[]; abnormalAtEnd: boolean }>;
}

const CREDITS = ['广告收益', '停车场经营收益', '场地租金', '电信设施场地使用费', '存款利息', '快递柜场地费'];
const DEBITS = ['共用设施维修', '审计费用', '税费', '银行手续费', '公共区域保洁', '绿化养护'];

/** A long tail over the banks: weight 1 / rank (Zipf), so the top 4 of 12–16 hold about 60 % of accounts. */
function bankWeights(count: number): number[] {
  return Array.from({ length: count }, (_, i) => 1 / (i + 1));
}

/** A balance in 元 between 0.05 and 5 million, lognormal (median about 400,000). */
function lognormalBalance(rng: SeededRandom): number {
  const u1 = Math.max(rng.next(), 1e-9);
  const u2 = rng.next();
  const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  const value = Math.exp(Math.log(400_000) + 1.1 * z);
  return Math.round(Math.min(5_000_000, Math.max(50_000, value)) * 100) / 100;
}

/**
 * The rows of chapter 11 for the given areas, with the distributions of the domain notes: of the
 * areas that should open an account (by the module's own rule) 65–85 % have one (about 80 % 共管,
 * 20 % 基本; 基本 only where a committee exists, 共管 only where a company runs the area), 1–3 % of
 * the accounts abnormal (disabled, or a feed with a gap); of the unopened areas whose clock has run
 * out, about 40 % ordered to rectify and 8–12 % penalised, the rest 逾期; some opened areas carry a
 * case their account closed. Every state of every enum appears at demo scale.
 */
export function commonFundRows(areas: readonly AreaSeedFacts[], banks: readonly SharedBank[], rng: SeededRandom, plan: CommonFundPlan, today: string): CommonFundSeedRows {
  const shape = rng.fork('shape');
  const openShare = 0.65 + shape.next() * 0.2;
  const penalisedShare = 0.08 + shape.next() * 0.04;
  const used = banks.slice(0, Math.min(banks.length, shape.int(12, 18)));
  const weights = bankWeights(used.length);
  const rows: CommonFundSeedRows = { accounts: [], cases: [], events: [], issues: [], ledgers: [] };
  let accountId = 0;
  let caseId = 0;
  const from = addDays(today, -plan.months * 30);
  const addCase = (area: AreaSeedFacts, trigger: string, stage: CommonFundCaseStage, r: SeededRandom, closedOn?: string) => {
    const dueDate = openingDueDate(trigger, plan.overdueDays);
    const id = ++caseId;
    const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
    const c: CaseRow = {
      id,
      districtId: area.districtId,
      streetId: area.streetId,
      communityId: area.communityId,
      propertyAreaId: area.id,
      openAreaId: stage === CommonFundCaseStage.CLOSED_OPENED ? null : area.id,
      stage,
      triggerDate: trigger,
      dueDate,
      orderNo: null,
      orderDate: null,
      rectifyDeadline: null,
      penaltyNo: null,
      penaltyDate: null,
      penaltyAmount: null,
      closedAt: null,
    };
    const overdueOn = addDays(dueDate, 1);
    rows.events.push({ caseId: id, stage: CommonFundCaseStage.OVERDUE, at: at(overdueOn), actorId: null, actorName: null, note: `应于 ${dueDate} 前开设共有资金账户（自 ${trigger} 起 ${plan.overdueDays} 日），逾期未开户` });
    const latestOrder = addDays(today, -1);
    const ordered = stage !== CommonFundCaseStage.OVERDUE && !(stage === CommonFundCaseStage.CLOSED_OPENED && r.chance(0.5));
    if (ordered && overdueOn <= latestOrder) {
      // a pending order was issued within the rectification days; the others longer ago
      const recent = stage === CommonFundCaseStage.RECTIFY_ORDERED;
      const orderDate = recent ? maxDay(overdueOn, addDays(today, -r.int(0, plan.rectifyDays - 1))) : minDay(latestOrder, addDays(overdueOn, r.int(5, 60)));
      const deadline = addDays(orderDate, plan.rectifyDays);
      Object.assign(c, { orderNo: `深${area.districtId}住建责改〔${orderDate.slice(0, 4)}〕${pad(id, 4)}号`, orderDate, rectifyDeadline: deadline });
      rows.events.push({ caseId: id, stage: CommonFundCaseStage.RECTIFY_ORDERED, at: at(orderDate), actorId: null, actorName: '区住建局执法科', note: `责令整改通知书 ${c.orderNo}，${orderDate} 下达，整改期限至 ${deadline}` });
      if (deadline < today && stage !== CommonFundCaseStage.RECTIFY_ORDERED) {
        rows.events.push({ caseId: id, stage: CommonFundCaseStage.RECTIFY_EXPIRED, at: at(addDays(deadline, 1)), actorId: null, actorName: null, note: `整改期限 ${deadline} 已过，仍未开设共有资金账户` });
        if (stage === CommonFundCaseStage.PENALISED) {
          const penaltyDate = minDay(addDays(today, -1), addDays(deadline, r.int(3, 40)));
          const amount = r.int(10, 30) * 1000;
          Object.assign(c, { penaltyNo: `深${area.districtId}住建罚〔${penaltyDate.slice(0, 4)}〕${pad(id, 4)}号`, penaltyDate, penaltyAmount: amount });
          rows.events.push({ caseId: id, stage: CommonFundCaseStage.PENALISED, at: at(penaltyDate), actorId: null, actorName: '区住建局执法科', note: `行政处罚决定书 ${c.penaltyNo}，${penaltyDate}，罚款 ${amount.toFixed(2)} 元` });
        }
      } else if (stage !== CommonFundCaseStage.CLOSED_OPENED) {
        c.stage = CommonFundCaseStage.RECTIFY_ORDERED;
      }
    } else if (stage !== CommonFundCaseStage.CLOSED_OPENED) {
      c.stage = CommonFundCaseStage.OVERDUE;
    }
    if (stage === CommonFundCaseStage.CLOSED_OPENED && closedOn) {
      c.closedAt = at(closedOn);
      rows.events.push({ caseId: id, stage: CommonFundCaseStage.CLOSED_OPENED, at: at(closedOn), actorId: null, actorName: null, note: '已开设正常账户，督办结案' });
    }
    rows.cases.push(c);
  };
  for (const area of areas) {
    const r = rng.fork(area.id);
    if (!shouldOpenAccount(area, { areaTypes: plan.areaTypes })) continue;
    const trigger = accountTrigger(area);
    const companyRun = area.companyId !== null && !area.selfManaged;
    if (r.chance(openShare)) {
      const type = !companyRun ? CommonFundAccountType.BASIC : area.ownersCommitteeId === null ? CommonFundAccountType.CO_MANAGED : r.chance(0.8) ? CommonFundAccountType.CO_MANAGED : CommonFundAccountType.BASIC;
      const bank = r.weighted(used, weights);
      const earliest = trigger && trigger > '2015-01-01' ? trigger : '2015-01-01';
      const registeredOn = minDay(addDays(today, -plan.months * 30 - 1), addDays(earliest, r.int(5, 400)));
      const registrantType =
        type === CommonFundAccountType.BASIC
          ? r.chance(0.7) ? CommonFundRegistrantType.COMMITTEE_CHAIR : CommonFundRegistrantType.COMMITTEE_AGENT
          : r.chance(0.7) ? CommonFundRegistrantType.PROJECT_MANAGER : CommonFundRegistrantType.PROJECT_AGENT;
      const registrant = (registrantType === CommonFundRegistrantType.COMMITTEE_CHAIR ? area.chairName : registrantType === CommonFundRegistrantType.PROJECT_MANAGER ? area.managerName : null) ?? '张丽';
      const odds = r.next();
      // 1 % an old account disabled (a new one opened later), 1 % a feed with a gap
      if (odds < 0.01) rows.accounts.push(account(++accountId, area, type, bank, registrantType, registrant, addDays(registeredOn, -200), CommonFundAccountStatus.DISABLED, false, r));
      const id = ++accountId;
      const abnormalFeed = odds >= 0.01 && odds < 0.02;
      rows.accounts.push(account(id, area, type, bank, registrantType, registrant, registeredOn, CommonFundAccountStatus.NORMAL, abnormalFeed, r));
      rows.ledgers.push({ accountId: id, from, opening: lognormalBalance(r), perMonth: Array.from({ length: plan.months }, () => r.int(5, 40)), abnormalAtEnd: abnormalFeed });
      // one in ten opened areas was overdue first: its case was closed by the account
      if (trigger && r.chance(0.1) && isOpeningOverdue(trigger, plan.overdueDays, registeredOn)) addCase(area, trigger, CommonFundCaseStage.CLOSED_OPENED, r, registeredOn);
      continue;
    }
    if (!isOpeningOverdue(trigger, plan.overdueDays, today)) continue;
    const u = r.next();
    addCase(area, trigger!, u < penalisedShare ? CommonFundCaseStage.PENALISED : u < 0.4 ? (r.chance(0.5) ? CommonFundCaseStage.RECTIFY_ORDERED : CommonFundCaseStage.RECTIFY_EXPIRED) : CommonFundCaseStage.OVERDUE, r);
  }
  return rows;
}

function account(
  id: number,
  area: AreaSeedFacts,
  type: CommonFundAccountType,
  bank: SharedBank,
  registrantType: CommonFundRegistrantType,
  registrant: string,
  registeredOn: string,
  status: CommonFundAccountStatus,
  feedAbnormal: boolean,
  r: SeededRandom,
): AccountRow {
  return {
    id,
    districtId: area.districtId,
    streetId: area.streetId,
    communityId: area.communityId,
    propertyAreaId: area.id,
    accountType: type,
    accountNo: `${pad(bank.id, 2)}4403${pad(area.id, 8)}${pad(id % 100, 2)}${pad(r.int(0, 999), 3)}`,
    accountName: `${area.name}${type === CommonFundAccountType.BASIC ? '业主大会' : '共有资金共管账户'}`.slice(0, 128),
    bankId: bank.id,
    bankName: bank.name,
    status,
    registrantType,
    registrant,
    registeredAt: new Date(`${registeredOn}T09:30:00+08:00`),
    registeredById: null,
    balance: 0,
    lastSeq: 0,
    lastTransactionAt: null,
    feedAbnormal,
    lastPulledAt: null,
    feedSeenAt: new Date(`${registeredOn}T09:30:00+08:00`),
  };
}

/**
 * An account's transactions: the opening balance carried in, then 5–40 a month of credits (income)
 * and debits (never more than a fifth of the balance), each with the balance after it. An abnormal
 * feed stops before its last published number (the gap the issue records).
 */
export function* ledgerTransactions(ledger: CommonFundSeedRows['ledgers'][number], rng: SeededRandom): Generator<TransactionRow> {
  let seq = 0;
  let balance = Math.round(ledger.opening * 100);
  const start = new Date(`${ledger.from}T08:00:00+08:00`).getTime();
  yield { accountId: ledger.accountId, seq: ++seq, transTime: new Date(start), direction: CommonFundDirection.CREDIT, amount: balance / 100, balance: balance / 100, summary: '期初余额转入' };
  for (let month = 0; month < ledger.perMonth.length; month++) {
    const count = ledger.perMonth[month];
    for (let k = 0; k < count; k++) {
      const at = start + month * 30 * 86_400_000 + Math.floor(((k + 1) / (count + 1)) * 30 * 86_400_000);
      const credit = rng.chance(0.6);
      const amount = credit ? rng.int(200, 60_000) * 100 + rng.int(0, 99) : Math.min(Math.floor(balance / 5), rng.int(100, 40_000) * 100 + rng.int(0, 99));
      if (amount <= 0) continue;
      balance += credit ? amount : -amount;
      yield {
        accountId: ledger.accountId,
        seq: ++seq,
        transTime: new Date(at),
        direction: credit ? CommonFundDirection.CREDIT : CommonFundDirection.DEBIT,
        amount: amount / 100,
        balance: balance / 100,
        summary: rng.pick(credit ? CREDITS : DEBITS),
      };
    }
  }
}

const minDay = (a: string, b: string) => (a < b ? a : b);
const maxDay = (a: string, b: string) => (a > b ? a : b);

export interface CommonFundSeedResult {
  accounts: number;
  transactions: number;
  cases: number;
}

/** Reads the areas' facts the should-open rule needs, as written by the steps before. */
export async function loadAreaFacts(manager: EntityManager): Promise<AreaSeedFacts[]> {
  const rows = await manager
    .getRepository(PropertyArea)
    .createQueryBuilder('a')
    .leftJoin(PropertyAreaProfile, 'pp', 'pp.propertyAreaId = a.id')
    .leftJoin(OwnersCommittee, 'ocm', 'ocm.id = a.ownersCommitteeId')
    .leftJoin('project_managers', 'pm', 'pm.id = a.projectManagerId')
    .select([
      'a.id AS id',
      'a.name AS name',
      'a.districtId AS districtId',
      'a.streetId AS streetId',
      'a.communityId AS communityId',
      'a.otherCityProject AS otherCityProject',
      'a.selfManaged AS selfManaged',
      'a.companyId AS companyId',
      'a.ownersCommitteeId AS ownersCommitteeId',
      'pp.areaType AS areaType',
      'pp.contractStart AS contractStart',
      'ocm.termStart AS committeeTermStart',
      'ocm.chairName AS chairName',
      'pm.name AS managerName',
    ])
    .orderBy('a.id', 'ASC')
    .getRawMany<Record<string, unknown>>();
  return rows.map((r) => ({
    id: Number(r.id),
    name: String(r.name),
    districtId: Number(r.districtId),
    streetId: Number(r.streetId),
    communityId: Number(r.communityId),
    chairName: (r.chairName as string | null) ?? null,
    managerName: (r.managerName as string | null) ?? null,
    ...areaFacts(r),
  }));
}

/**
 * Chapter 11's seed, after the areas, profiles and committees: the bank dictionary, accounts,
 * transactions (streamed in bulk statements; each account's balance is its last transaction's),
 * feed issues and escalation cases with their timelines; at demo scale the demo officers' grants.
 */
export async function seedCommonFunds(
  dataSource: DataSource,
  manager: EntityManager,
  rng: SeededRandom,
  options: { plan: CommonFundPlan; districtIds: number[] | null; today?: string; demoAccounts?: SeededAccounts },
): Promise<CommonFundSeedResult> {
  const holding = await nonEmptyTables(dataSource, manager, ['common_fund_accounts', 'common_fund_transactions', 'common_fund_cases', 'common_fund_case_events']);
  if (holding.length) throw new SeedTargetNotEmptyError(holding);
  const today = options.today ?? shanghaiDay(new Date());
  const banks = await ensureSharedBanks(manager);
  const areas = (await loadAreaFacts(manager)).filter((a) => options.districtIds === null || options.districtIds.includes(a.districtId));
  const rows = commonFundRows(areas, banks, rng.fork('rows'), options.plan, today);
  const ledgerRng = rng.fork('ledgers');
  const last = new Map<number, TransactionRow>();
  const inserter = new BulkInserter(dataSource, manager);
  const transactions = await inserter.insert(
    CommonFundTransactionRow,
    (function* () {
      for (const ledger of rows.ledgers) {
        const all = [...ledgerTransactions(ledger, ledgerRng.fork(ledger.accountId))];
        // an abnormal feed: the bank's number before the last is missing, so the last was not accepted
        const kept = ledger.abnormalAtEnd && all.length > 2 ? all.slice(0, -2) : all;
        if (ledger.abnormalAtEnd && all.length > 2) {
          const missing = all[all.length - 2];
          rows.issues.push({
            accountId: ledger.accountId,
            kind: CommonFundFeedIssueKind.GAP,
            detail: `流水号${missing.seq}至${missing.seq}缺失`,
            expectedSeq: missing.seq,
            receivedSeq: missing.seq + 1,
            detectedAt: all[all.length - 1].transTime,
            resolvedAt: null,
          });
        }
        last.set(ledger.accountId, kept[kept.length - 1]);
        yield* kept;
      }
    })(),
  );
  // as if pulled when seeded: the daily pull takes them up at its next run, not at once
  const seededAt = new Date();
  for (const account of rows.accounts) {
    account.lastPulledAt = seededAt;
    const t = last.get(account.id);
    if (t) Object.assign(account, { balance: t.balance, lastSeq: t.seq, lastTransactionAt: t.transTime, feedSeenAt: t.transTime });
  }
  await inserter.insert(CommonFundAccount, rows.accounts);
  await inserter.insert(CommonFundCase, rows.cases);
  await inserter.insert(CommonFundCaseEventRow, rows.events);
  await inserter.insert(CommonFundFeedIssueRow, rows.issues);
  if (options.demoAccounts) await inserter.insert(ModuleGrant, commonFundDemoGrants(options.demoAccounts));
  return { accounts: rows.accounts.length, transactions, cases: rows.cases.length };
}

/** The demo officers who work chapter 11 (a city-only module): the 福田 / 南山 lead, supervisor and handler. */
export const COMMON_FUND_DEMO_OFFICERS = ['futian.lead', 'futian.supervisor', 'futian.handler', 'nanshan.lead', 'nanshan.supervisor', 'nanshan.handler'];

/** Their 共有资金 view and operate grants, given by the city admin (部分模块的权限需要市局相关负责人赋权), beyond what they hold; and view for the street offices of their districts. */
export function commonFundDemoGrants(seeded: SeededAccounts): GrantRow[] {
  const admin = seeded.accounts.find((a) => a.username === 'city.admin');
  if (!admin) throw new Error('common-fund seed: no city.admin demo account');
  const rows: GrantRow[] = [];
  for (const username of COMMON_FUND_DEMO_OFFICERS) {
    const officer = seeded.accounts.find((a) => a.username === username);
    if (!officer) throw new Error(`common-fund seed: no demo account ${username}`);
    for (const action of [GrantAction.VIEW, GrantAction.OPERATE]) {
      if (seeded.grants.some((g) => g.accountId === officer.id && g.module === ModuleKey.COMMON_FUNDS && g.action === action)) continue;
      rows.push({ accountId: officer.id, module: ModuleKey.COMMON_FUNDS, action, grantedById: admin.id });
    }
  }
  // the street offices of the demo districts read their street's 共有资金 statistics (the scoped door keeps them to it)
  const districts = new Set(seeded.accounts.filter((a) => COMMON_FUND_DEMO_OFFICERS.includes(a.username)).map((a) => a.districtId));
  for (const street of seeded.accounts.filter((a) => a.role === Role.STREET_OFFICER && districts.has(a.districtId))) {
    if (seeded.grants.some((g) => g.accountId === street.id && g.module === ModuleKey.COMMON_FUNDS && g.action === GrantAction.VIEW)) continue;
    rows.push({ accountId: street.id, module: ModuleKey.COMMON_FUNDS, action: GrantAction.VIEW, grantedById: admin.id });
  }
  return rows;
}
