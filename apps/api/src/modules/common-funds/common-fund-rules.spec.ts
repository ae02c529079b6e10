import { CommonFundDirection, CommonFundFeedIssueKind, isValidAccountNo, normalizeAccountNo } from '@szpm/contract';
import { AreaFundFacts, accountTrigger, FeedTransaction, isOpeningOverdue, isRectifyExpired, openingDueDate, replayFeed, shouldOpenAccount } from './common-fund-rules';

const area = (over: Partial<AreaFundFacts> = {}): AreaFundFacts => ({
  otherCityProject: false,
  selfManaged: false,
  companyId: 7,
  ownersCommitteeId: null,
  areaType: 'RESIDENTIAL',
  contractStart: '2026-01-10',
  committeeTermStart: null,
  ...over,
});
const settings = { areaTypes: ['RESIDENTIAL', 'MIXED'] };

describe('应开共有资金账户', () => {
  it('counts company-run and committee areas of a fund-holding type', () => {
    expect(shouldOpenAccount(area(), settings)).toBe(true);
    expect(shouldOpenAccount(area({ companyId: null, ownersCommitteeId: 3 }), settings)).toBe(true);
    expect(shouldOpenAccount(area({ areaType: null }), settings)).toBe(true);
  });

  it('leaves out 外市 projects, other types and self-managed areas without a committee', () => {
    expect(shouldOpenAccount(area({ otherCityProject: true }), settings)).toBe(false);
    expect(shouldOpenAccount(area({ areaType: 'OFFICE' }), settings)).toBe(false);
    expect(shouldOpenAccount(area({ selfManaged: true }), settings)).toBe(false);
    expect(shouldOpenAccount(area({ companyId: null }), settings)).toBe(false);
    expect(shouldOpenAccount(area({ selfManaged: true, ownersCommitteeId: 4 }), settings)).toBe(true);
  });
});

describe('the overdue clock', () => {
  it('starts at the earliest of the contract filing and the committee term', () => {
    expect(accountTrigger(area())).toBe('2026-01-10');
    expect(accountTrigger(area({ ownersCommitteeId: 2, committeeTermStart: '2025-12-01' }))).toBe('2025-12-01');
    // a self-managed area's contract does not start the clock
    expect(accountTrigger(area({ selfManaged: true, ownersCommitteeId: 2, committeeTermStart: '2026-03-01' }))).toBe('2026-03-01');
    expect(accountTrigger(area({ contractStart: null }))).toBeNull();
    expect(accountTrigger(area({ contractStart: '2026-1-5' }))).toBeNull();
  });

  it('is overdue the day after trigger + the overdue days, and a deadline day still counts as in time', () => {
    expect(openingDueDate('2026-01-10', 30)).toBe('2026-02-09');
    expect(isOpeningOverdue('2026-01-10', 30, '2026-02-09')).toBe(false);
    expect(isOpeningOverdue('2026-01-10', 30, '2026-02-10')).toBe(true);
    expect(isOpeningOverdue(null, 30, '2030-01-01')).toBe(false);
    expect(isRectifyExpired('2026-03-01', '2026-03-01')).toBe(false);
    expect(isRectifyExpired('2026-03-01', '2026-03-02')).toBe(true);
    expect(isRectifyExpired(null, '2026-03-02')).toBe(false);
  });
});

describe('bank feed replay', () => {
  const t = (seq: number, direction: CommonFundDirection, amount: number, balance: number): FeedTransaction => ({ seq, time: `2026-05-0${seq}T10:00:00+08:00`, direction, amount, balance, summary: 'x' });

  it('accepts a continuous feed, and the balance is the last transaction’s', () => {
    const out = replayFeed({ lastSeq: 0, balance: 0 }, [t(2, CommonFundDirection.DEBIT, 30.1, 69.9), t(1, CommonFundDirection.CREDIT, 100, 100), t(3, CommonFundDirection.CREDIT, 0.1, 70)]);
    expect(out.issue).toBeNull();
    expect(out.accepted.map((x) => x.seq)).toEqual([1, 2, 3]);
    expect(out.balance).toBe(70);
    expect(out.lastSeq).toBe(3);
  });

  it('skips what was already accepted and stops at a gap, keeping what came before', () => {
    const out = replayFeed({ lastSeq: 1, balance: 100 }, [t(1, CommonFundDirection.CREDIT, 100, 100), t(2, CommonFundDirection.DEBIT, 50, 50), t(4, CommonFundDirection.CREDIT, 5, 55)]);
    expect(out.accepted.map((x) => x.seq)).toEqual([2]);
    expect(out.balance).toBe(50);
    expect(out.issue).toMatchObject({ kind: CommonFundFeedIssueKind.GAP, expectedSeq: 3, receivedSeq: 4 });
  });

  it('refuses a wrong running balance and a non-positive amount', () => {
    const wrong = replayFeed({ lastSeq: 0, balance: 0 }, [t(1, CommonFundDirection.CREDIT, 100, 100), t(2, CommonFundDirection.DEBIT, 10, 95)]);
    expect(wrong.issue).toMatchObject({ kind: CommonFundFeedIssueKind.BALANCE_MISMATCH, receivedSeq: 2 });
    expect(wrong.balance).toBe(100);
    expect(replayFeed({ lastSeq: 0, balance: 0 }, [t(1, CommonFundDirection.CREDIT, 0, 0)]).issue?.kind).toBe(CommonFundFeedIssueKind.BALANCE_MISMATCH);
  });
});

describe('account number form', () => {
  it('takes 10–30 digits, spaces and hyphens between groups dropped', () => {
    expect(isValidAccountNo('4000 0232 0910 0123 456')).toBe(true);
    expect(normalizeAccountNo('4000-0232 0910')).toBe('400002320910');
    expect(isValidAccountNo('123456789')).toBe(false);
    expect(isValidAccountNo('4000a23209100123')).toBe(false);
    expect(isValidAccountNo('1'.repeat(31))).toBe(false);
  });
});
