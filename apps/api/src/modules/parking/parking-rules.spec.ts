import { ownersFirstWarning, ParkingCounts, ParkingDisputeType, ParkingErrorCode, parkingRatio, rate } from '@szpm/contract';
import { parkingProblem } from './parking-rules';

const filing = (overrides: Partial<ParkingCounts> = {}): ParkingCounts => ({
  total: 300,
  surface: 40,
  underground: 240,
  mechanical: 20,
  soldOwned: 120,
  developerHeld: 30,
  rented: 50,
  civilDefence: 40,
  common: 30,
  publicOpen: 20,
  temporary: 20,
  evCharging: 60,
  chargingPosts: 45,
  accessible: 6,
  ...overrides,
});

describe('parking filing rules', () => {
  it('accepts a filing whose location classes add up to the total and whose right classes stay within it', () => {
    expect(parkingProblem(filing())).toBeNull();
    expect(parkingProblem(filing({ total: 0, surface: 0, underground: 0, mechanical: 0, soldOwned: 0, developerHeld: 0, rented: 0, civilDefence: 0, common: 0, publicOpen: 0, temporary: 0, evCharging: 0, accessible: 0 }))).toBeNull();
    // exactly at the total is allowed
    expect(parkingProblem(filing({ soldOwned: 150 }))).toBeNull();
    expect(parkingProblem(filing({ evCharging: 300, accessible: 300 }))).toBeNull();
  });

  it('refuses 地上 + 地下 + 机械 ≠ 车位总数, naming the field that tips the sum over, or 车位总数 when short', () => {
    expect(parkingProblem(filing({ total: 310 }))).toMatchObject({ code: ParkingErrorCode.LOCATION_SUM_MISMATCH, field: 'total' });
    expect(parkingProblem(filing({ underground: 250 }))).toMatchObject({ code: ParkingErrorCode.LOCATION_SUM_MISMATCH, field: 'mechanical' });
    expect(parkingProblem(filing({ surface: 301 }))).toMatchObject({ code: ParkingErrorCode.LOCATION_SUM_MISMATCH, field: 'surface' });
    expect(parkingProblem(filing({ underground: 241 }))!.message).toContain('301');
  });

  it('refuses right classes above the total, naming the class that passes it', () => {
    expect(parkingProblem(filing({ soldOwned: 151 }))).toMatchObject({ code: ParkingErrorCode.RIGHTS_EXCEED_TOTAL, field: 'common' });
    expect(parkingProblem(filing({ soldOwned: 301 }))).toMatchObject({ code: ParkingErrorCode.RIGHTS_EXCEED_TOTAL, field: 'soldOwned' });
    expect(parkingProblem(filing({ civilDefence: 71 }))).toMatchObject({ code: ParkingErrorCode.RIGHTS_EXCEED_TOTAL, field: 'common' });
  });

  it('refuses 对外开放, 临时, 充电 or 无障碍 above the total', () => {
    expect(parkingProblem(filing({ evCharging: 301 }))).toMatchObject({ code: ParkingErrorCode.CLASS_EXCEEDS_TOTAL, field: 'evCharging' });
    expect(parkingProblem(filing({ accessible: 301 }))).toMatchObject({ code: ParkingErrorCode.CLASS_EXCEEDS_TOTAL, field: 'accessible' });
    expect(parkingProblem(filing({ publicOpen: 400 }))).toMatchObject({ field: 'publicOpen' });
    expect(parkingProblem(filing({ temporary: 301 }))).toMatchObject({ field: 'temporary' });
    // charging posts may outnumber the charging spaces (shared posts are counted per post)
    expect(parkingProblem(filing({ chargingPosts: 1000 }))).toBeNull();
  });

  it('refuses a dispute type reported twice, naming the repeat', () => {
    const disputes = [
      { type: ParkingDisputeType.FEE_PRICING, caseCount: 2 },
      { type: ParkingDisputeType.OWNERSHIP, caseCount: 1 },
      { type: ParkingDisputeType.FEE_PRICING, caseCount: 1 },
    ];
    expect(parkingProblem(filing(), disputes)).toMatchObject({ code: ParkingErrorCode.DISPUTE_TYPE_REPEATED, field: 'disputes.2.type' });
    expect(parkingProblem(filing(), disputes.slice(0, 2))).toBeNull();
  });
});

describe('车位配比, 业主优先 and the dispute share', () => {
  it('gives spaces per household to two decimals, 0 when either side is 0', () => {
    expect(parkingRatio(300, 400)).toBe(0.75);
    expect(parkingRatio(1, 3)).toBe(0.33);
    expect(parkingRatio(520, 400)).toBe(1.3);
    expect(parkingRatio(0, 400)).toBe(0);
    expect(parkingRatio(300, 0)).toBe(0);
  });

  it('flags open-to-the-public spaces beyond those left after one per household', () => {
    expect(ownersFirstWarning(300, 20, 400)).toBe(true);
    expect(ownersFirstWarning(500, 100, 400)).toBe(false);
    expect(ownersFirstWarning(500, 101, 400)).toBe(true);
    expect(ownersFirstWarning(300, 0, 400)).toBe(false);
  });

  it('words a type share with the one rate rule', () => {
    expect(rate(3, 12)).toBe(25);
    expect(rate(1, 3)).toBe(33.33);
    expect(rate(0, 0)).toBe(0);
  });
});
