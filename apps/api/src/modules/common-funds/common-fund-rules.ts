import { CommonFundDirection, CommonFundFeedIssueKind } from '@szpm/contract';
import { addDays } from '../property-areas/facilities/facility-due';

/**
 * The pure rules of chapter 11: which areas should have a common-fund account, when one without
 * is overdue, and how a bank feed is replayed onto an account.
 */

/** What the should-open rule reads of an area (its registry row, profile and committee). */
export interface AreaFundFacts {
  otherCityProject: boolean;
  selfManaged: boolean;
  companyId: number | null;
  ownersCommitteeId: number | null;
  /** the profile's 区域类型, null when not recorded */
  areaType: string | null;
  /** the profile's 合同开始日期 (the contract filing), YYYY-MM-DD */
  contractStart: string | null;
  /** the committee's 任期开始 (its filing and credit code), YYYY-MM-DD */
  committeeTermStart: string | null;
}

export interface ShouldOpenSettings {
  /** the 区域类型 whose areas hold common funds (an area without a recorded type counts) */
  areaTypes: readonly string[];
}

const companyManaged = (a: Pick<AreaFundFacts, 'companyId' | 'selfManaged'>) => a.companyId !== null && !a.selfManaged;

/**
 * 应开共有资金账户: a Shenzhen area (not 外市) of a type that holds common funds, with a property
 * company running it (共管账户) or an owners' committee (基本账户).
 */
export function shouldOpenAccount(area: AreaFundFacts, settings: ShouldOpenSettings): boolean {
  if (area.otherCityProject) return false;
  if (area.areaType !== null && !settings.areaTypes.includes(area.areaType)) return false;
  return companyManaged(area) || area.ownersCommitteeId !== null;
}

/**
 * The same rule as SQL over areas `a` and profiles `pp` (parameter :cfAreaTypes), so that the
 * statistics, the sweep and the tab agree.
 */
export function shouldOpenSql(): string {
  return '(a.otherCityProject = 0 AND (pp.areaType IS NULL OR pp.areaType IN (:...cfAreaTypes)) AND ((a.companyId IS NOT NULL AND a.selfManaged = 0) OR a.ownersCommitteeId IS NOT NULL))';
}

/** The day the opening clock starts: the earliest of the contract filing (company-run) and the committee's term start; null: no clock. */
export function accountTrigger(area: AreaFundFacts): string | null {
  const candidates = [companyManaged(area) ? area.contractStart : null, area.ownersCommitteeId !== null ? area.committeeTermStart : null].filter(
    (d): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d),
  );
  return candidates.length ? candidates.sort()[0] : null;
}

/** 应开户截止日期: the trigger plus the overdue days. */
export function openingDueDate(trigger: string, overdueDays: number): string {
  return addDays(trigger, overdueDays);
}

/** Overdue once the due date has passed (on the day after it). */
export function isOpeningOverdue(trigger: string | null, overdueDays: number, today: string): boolean {
  return trigger !== null && today > openingDueDate(trigger, overdueDays);
}

/** The rectification deadline has passed (the deadline day itself still counts as in time). */
export function isRectifyExpired(deadline: string | null, today: string): boolean {
  return deadline !== null && today > deadline;
}

/** One transaction as the bank feed reports it. */
export interface FeedTransaction {
  seq: number;
  time: string;
  direction: CommonFundDirection;
  amount: number;
  balance: number;
  summary: string;
}

export interface FeedIssueFinding {
  kind: CommonFundFeedIssueKind;
  detail: string;
  expectedSeq: number;
  receivedSeq: number | null;
}

export interface ReplayOutcome {
  /** the transactions accepted, in order: each continues the previous one */
  accepted: FeedTransaction[];
  /** the balance after the last accepted one (元) */
  balance: number;
  lastSeq: number;
  /** where the feed stopped being acceptable; nothing after it is accepted */
  issue: FeedIssueFinding | null;
}

const cents = (yuan: number) => Math.round(yuan * 100);

/**
 * Replays feed transactions onto an account that has accepted up to `lastSeq` with `balance`: each
 * must carry the next number (a missing one is a GAP) and a balance that is the previous one plus a
 * credit or minus a debit (else BALANCE_MISMATCH). Repeats of numbers already accepted are skipped
 * (a feed may resend). Stops at the first issue: what came before stays accepted.
 */
export function replayFeed(start: { lastSeq: number; balance: number }, transactions: readonly FeedTransaction[]): ReplayOutcome {
  let lastSeq = start.lastSeq;
  let balance = cents(start.balance);
  const accepted: FeedTransaction[] = [];
  const outcome = (issue: FeedIssueFinding | null): ReplayOutcome => ({ accepted, balance: balance / 100, lastSeq, issue });
  for (const t of [...transactions].sort((a, b) => a.seq - b.seq)) {
    if (t.seq <= lastSeq) continue;
    if (t.seq !== lastSeq + 1) {
      return outcome({ kind: CommonFundFeedIssueKind.GAP, detail: `流水号${lastSeq + 1}至${t.seq - 1}缺失`, expectedSeq: lastSeq + 1, receivedSeq: t.seq });
    }
    const amount = cents(t.amount);
    const expected = t.direction === CommonFundDirection.CREDIT ? balance + amount : balance - amount;
    if (amount <= 0 || cents(t.balance) !== expected) {
      return outcome({
        kind: CommonFundFeedIssueKind.BALANCE_MISMATCH,
        detail: `流水号${t.seq}：上笔余额${(balance / 100).toFixed(2)}，${t.direction === CommonFundDirection.CREDIT ? '贷' : '借'}${(amount / 100).toFixed(2)}，应为${(expected / 100).toFixed(2)}，银行报${cents(t.balance) / 100}`,
        expectedSeq: lastSeq + 1,
        receivedSeq: t.seq,
      });
    }
    accepted.push(t);
    balance = expected;
    lastSeq = t.seq;
  }
  return outcome(null);
}
