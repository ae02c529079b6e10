import { ParkingDisputeType } from '@szpm/contract';
import { parkingProblem } from '../modules/parking/parking-rules';
import { PARKING_SEED_PLAN, parkingSeedRows, ParkingSeedArea, ratioRange } from './parking-seed';
import { SeededRandom } from './random';

describe('the parking seed', () => {
  const areaRng = new SeededRandom(7);
  const years = [1992, 1998, 2003, 2009, 2012, 2018, null];
  const areas: ParkingSeedArea[] = Array.from({ length: 400 }, (_, i) => ({
    id: i + 1,
    districtId: i < 200 ? 2 : 3,
    streetId: i < 200 ? 201 : 301,
    communityId: i < 200 ? 20101 : 30101,
    households: areaRng.int(40, 1600),
    handoverYear: years[i % years.length],
  }));
  const { filings, reports } = parkingSeedRows(areas, new SeededRandom(1).fork('parking'));
  const current = filings.filter((f) => f.currentAreaId !== null);

  it('is deterministic and numbers the rows from 1', () => {
    expect(parkingSeedRows(areas, new SeededRandom(1).fork('parking'))).toEqual({ filings, reports });
    expect(filings.map((f) => f.id)).toEqual(filings.map((_, i) => i + 1));
    expect(reports.map((r) => r.id)).toEqual(reports.map((_, i) => i + 1));
  });

  it('files 60–85 % of each district once as current, a share of them with a superseded earlier filing', () => {
    for (const districtId of [2, 3]) {
      const own = current.filter((f) => f.districtId === districtId).length;
      expect(own / 200).toBeGreaterThanOrEqual(PARKING_SEED_PLAN.filedShare[0] - 0.005);
      expect(own / 200).toBeLessThanOrEqual(PARKING_SEED_PLAN.filedShare[1] + 0.005);
    }
    expect(new Set(current.map((f) => f.currentAreaId)).size).toBe(current.length);
    const superseded = filings.filter((f) => f.currentAreaId === null);
    expect(superseded.length).toBeGreaterThan(current.length * 0.15);
    for (const old of superseded) {
      const now = current.find((f) => f.propertyAreaId === old.propertyAreaId)!;
      expect(old.supersededAt!.getTime()).toBe(now.filedAt.getTime());
      expect(old.filedAt.getTime()).toBeLessThan(now.filedAt.getTime());
    }
  });

  it('keeps every sum the API checks', () => {
    expect(filings.every((f) => parkingProblem(f) === null)).toBe(true);
  });

  it('sizes the spaces by handover year, with 人防 in post-2000 estates only and fees in 250–800', () => {
    for (const f of current) {
      const area = areas[f.propertyAreaId - 1];
      const [min, max] = ratioRange(area.handoverYear);
      if (f.total > 8) {
        expect(f.total / area.households).toBeGreaterThanOrEqual(min - 0.01);
        expect(f.total / area.households).toBeLessThanOrEqual(max + 0.01);
      }
      if ((area.handoverYear ?? 2008) < 2000) expect(f.civilDefence).toBe(0);
      else expect(f.civilDefence).toBeLessThanOrEqual(Math.round(f.underground * 0.3));
      if (f.monthlyFee !== null) expect(f.monthlyFee >= 250 && f.monthlyFee <= 800).toBe(true);
    }
    expect(current.some((f) => f.monthlyFee === null)).toBe(true);
    expect(current.some((f) => f.mechanical > 0)).toBe(true);
  });

  it('reports disputes for 5–10 % of the areas, of filed areas only, weighted towards 产权车位被占', () => {
    const disputedAreas = new Set(reports.map((r) => r.propertyAreaId));
    expect(disputedAreas.size / areas.length).toBeGreaterThanOrEqual(0.05 - 0.005);
    expect(disputedAreas.size / areas.length).toBeLessThanOrEqual(0.1 + 0.005);
    for (const r of reports) {
      const filing = filings[r.filingId - 1];
      expect(filing.currentAreaId).toBe(r.propertyAreaId);
      expect(r.caseCount >= 1 && r.caseCount <= 6).toBe(true);
    }
    const pairs = reports.map((r) => `${r.filingId}:${r.disputeType}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    const count = (type: ParkingDisputeType) => reports.filter((r) => r.disputeType === type).length;
    expect(count(ParkingDisputeType.OWNED_SPACE_OCCUPIED)).toBeGreaterThanOrEqual(count(ParkingDisputeType.THEFT_DAMAGE));
  });
});
