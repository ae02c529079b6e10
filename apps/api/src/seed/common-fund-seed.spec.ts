import { CommonFundAccountStatus, CommonFundAccountType, CommonFundCaseStage, CommonFundDirection, isValidAccountNo } from '@szpm/contract';
import { shouldOpenAccount } from '../modules/common-funds/common-fund-rules';
import { DEFAULT_SHARED_BANKS } from '../modules/common-funds/shared-bank-defaults';
import { SharedBank } from '../modules/common-funds/entities';
import { AreaSeedFacts, commonFundRows, DEMO_COMMON_FUND_PLAN, ledgerTransactions } from './common-fund-seed';
import { SeededRandom } from './random';

describe('the common-fund seed', () => {
  const today = '2026-12-01';
  const shape = new SeededRandom(7);
  const areas: AreaSeedFacts[] = Array.from({ length: 2000 }, (_, i) => {
    const committee = shape.chance(0.5);
    return {
      id: i + 1,
      name: `花园${i + 1}`,
      districtId: 2,
      streetId: 10 + (i % 5),
      communityId: 100 + (i % 40),
      otherCityProject: shape.chance(0.02),
      selfManaged: shape.chance(0.05),
      companyId: shape.chance(0.95) ? 1 + (i % 30) : null,
      ownersCommitteeId: committee ? i + 1 : null,
      areaType: shape.pick(['RESIDENTIAL', 'RESIDENTIAL', 'RESIDENTIAL', 'RESIDENTIAL', 'RESIDENTIAL', 'MIXED', 'OFFICE']),
      contractStart: `20${10 + shape.int(0, 15)}-0${shape.int(1, 9)}-01`,
      committeeTermStart: committee ? `20${18 + shape.int(0, 8)}-0${shape.int(1, 9)}-15` : null,
      chairName: committee ? '李主任' : null,
      managerName: '王经理',
    };
  });
  const banks = DEFAULT_SHARED_BANKS.map((b, i) => Object.assign(new SharedBank(), { id: i + 1, code: b.code, name: b.name, sortOrder: i + 1 }));
  const rows = commonFundRows(areas, banks, new SeededRandom(1), DEMO_COMMON_FUND_PLAN, today);
  const should = areas.filter((a) => shouldOpenAccount(a, { areaTypes: DEMO_COMMON_FUND_PLAN.areaTypes }));
  const normal = rows.accounts.filter((a) => a.status === CommonFundAccountStatus.NORMAL);
  const openedAreas = new Set(normal.map((a) => a.propertyAreaId));

  it('opens 65–85 % of the areas that should have an account, about 80 % of them co-managed, only such areas', () => {
    const share = openedAreas.size / should.length;
    expect(share).toBeGreaterThanOrEqual(0.6);
    expect(share).toBeLessThanOrEqual(0.9);
    const shouldIds = new Set(should.map((a) => a.id));
    expect([...openedAreas].every((id) => shouldIds.has(id))).toBe(true);
    const coManaged = normal.filter((a) => a.accountType === CommonFundAccountType.CO_MANAGED).length / normal.length;
    expect(coManaged).toBeGreaterThan(0.7);
    expect(coManaged).toBeLessThan(0.9);
  });

  it('keeps 1–3 % abnormal, account numbers of the valid form, unique per bank, a long tail of 12–16 banks', () => {
    const abnormal = rows.accounts.filter((a) => a.status === CommonFundAccountStatus.DISABLED || a.feedAbnormal).length / rows.accounts.length;
    expect(abnormal).toBeGreaterThan(0.005);
    expect(abnormal).toBeLessThan(0.035);
    expect(rows.accounts.every((a) => isValidAccountNo(a.accountNo))).toBe(true);
    expect(new Set(rows.accounts.map((a) => `${a.bankId}/${a.accountNo}`)).size).toBe(rows.accounts.length);
    const perBank = new Map<number, number>();
    for (const a of rows.accounts) perBank.set(a.bankId, (perBank.get(a.bankId) ?? 0) + 1);
    expect(perBank.size).toBeGreaterThanOrEqual(12);
    const top4 = [...perBank.values()].sort((a, b) => b - a).slice(0, 4).reduce((n, v) => n + v, 0) / rows.accounts.length;
    expect(top4).toBeGreaterThan(0.5);
    expect(top4).toBeLessThan(0.72);
  });

  it('puts about 40 % of overdue unopened areas under 责令整改 and 8–12 % penalised, each open case on an unopened area, every stage present', () => {
    const open = rows.cases.filter((c) => c.openAreaId !== null);
    expect(open.every((c) => !openedAreas.has(c.propertyAreaId))).toBe(true);
    const ordered = open.filter((c) => c.stage !== CommonFundCaseStage.OVERDUE).length / open.length;
    const penalised = open.filter((c) => c.stage === CommonFundCaseStage.PENALISED).length / open.length;
    expect(ordered).toBeGreaterThan(0.3);
    expect(ordered).toBeLessThan(0.5);
    expect(penalised).toBeGreaterThan(0.05);
    expect(penalised).toBeLessThan(0.15);
    expect(new Set(rows.cases.map((c) => c.stage))).toEqual(new Set(Object.values(CommonFundCaseStage)));
    expect(rows.cases.filter((c) => c.stage === CommonFundCaseStage.PENALISED).every((c) => c.penaltyAmount! >= 10_000 && c.penaltyAmount! <= 30_000 && c.rectifyDeadline! < today)).toBe(true);
    expect(rows.cases.filter((c) => c.stage === CommonFundCaseStage.RECTIFY_ORDERED).every((c) => c.rectifyDeadline! >= today)).toBe(true);
    expect(new Set(rows.events.map((e) => e.caseId)).size).toBe(rows.cases.length);
  });

  it('writes 5–40 transactions a month whose running balance never breaks and never goes negative', () => {
    const ledger = rows.ledgers[0];
    const transactions = [...ledgerTransactions(ledger, new SeededRandom(3))];
    expect(transactions.length).toBeGreaterThanOrEqual(1 + 5 * DEMO_COMMON_FUND_PLAN.months);
    expect(transactions.length).toBeLessThanOrEqual(1 + 40 * DEMO_COMMON_FUND_PLAN.months);
    let balance = 0;
    transactions.forEach((t, i) => {
      expect(t.seq).toBe(i + 1);
      balance = Math.round((balance + (t.direction === CommonFundDirection.CREDIT ? t.amount : -t.amount)) * 100) / 100;
      expect(t.balance).toBeCloseTo(balance, 2);
      expect(t.balance).toBeGreaterThanOrEqual(0);
      expect(t.transTime.getTime()).toBeLessThanOrEqual(Date.parse(`${today}T23:59:59+08:00`));
    });
    expect(ledger.opening).toBeGreaterThanOrEqual(50_000);
    expect(ledger.opening).toBeLessThanOrEqual(5_000_000);
  });

  it('is deterministic for a seed', () => {
    const again = commonFundRows(areas, banks, new SeededRandom(1), DEMO_COMMON_FUND_PLAN, today);
    expect(again.accounts).toEqual(rows.accounts);
    expect(again.cases).toEqual(rows.cases);
  });
});
