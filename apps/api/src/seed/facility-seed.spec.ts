import { facilityKey } from '../modules/property-areas/facilities/facility-match';
import { DEFAULT_FACILITY_TYPES } from '../modules/property-areas/facilities/facility-type-defaults';
import { demoPlan } from './demo-seed';
import { CITY_FACILITY_PLAN, DEMO_FACILITY_PLAN, facilityRows } from './facility-seed';
import { IdentityFactory } from './names';
import { buildOrganisation } from './organisation';
import { SeededRandom } from './random';

describe('the facility seed', () => {
  const rng = new SeededRandom(1);
  const org = buildOrganisation(demoPlan(rng).organisation, rng.fork('organisation'), new IdentityFactory(rng.fork('people')));
  const codes = DEFAULT_FACILITY_TYPES.flatMap((t) => [t, ...(t.children ?? [])]).map((t) => t.code);
  const typeIds = new Map(codes.map((code, i) => [code, i + 1]));
  const lifts = new Set([typeIds.get('LIFT_PASSENGER'), typeIds.get('LIFT_FREIGHT')]);
  const today = '2026-12-01';
  const rows = [...facilityRows(org, rng.fork('houses'), rng.fork('facilities'), typeIds, DEMO_FACILITY_PLAN, today)];

  it('gives every area 20–200 facilities, ids in order', () => {
    const perArea = new Map<number, number>();
    for (const { facility } of rows) perArea.set(facility.propertyAreaId, (perArea.get(facility.propertyAreaId) ?? 0) + 1);
    expect(perArea.size).toBe(org.areas.length);
    expect([...perArea.values()].every((n) => n >= 20 && n <= 200)).toBe(true);
    expect(rows.map((r) => r.facility.id)).toEqual(rows.map((_, i) => i + 1));
  });

  it('gives lifts a unique 20-digit register code and a due date within a year, some within 30 days and a few overdue', () => {
    const liftRows = rows.map((r) => r.facility).filter((f) => lifts.has(f.facilityTypeId));
    expect(liftRows.length).toBeGreaterThan(100);
    expect(liftRows.every((f) => /^\d{20}$/.test(f.registerNumber!) && f.dueDate !== null && f.buildingId !== null)).toBe(true);
    expect(new Set(liftRows.map((f) => f.registerNumber)).size).toBe(liftRows.length);
    expect(liftRows.filter((f) => f.dueDate! >= today && f.dueDate! <= '2026-12-31').length).toBeGreaterThan(10);
    expect(liftRows.some((f) => f.dueDate! < today)).toBe(true);
    expect(rows.map((r) => r.facility).filter((f) => !lifts.has(f.facilityTypeId)).every((f) => f.registerNumber === null)).toBe(true);
  });

  it('names facilities so that name and place identify each within its area (as the import matches them)', () => {
    const keys = new Set(rows.map(({ facility: f }) => `${f.propertyAreaId}|${facilityKey({ name: f.name, building: f.buildingId, unitName: f.unitName, position: f.position })}`));
    expect(keys.size).toBe(rows.length);
  });

  it('adds maintenance records for some lifts, of the lift itself', () => {
    const records = rows.flatMap((r) => r.records.map((record) => ({ record, facility: r.facility })));
    expect(records.length).toBeGreaterThan(0);
    expect(records.every(({ record, facility }) => record.facilityId === facility.id && record.districtId === facility.districtId && record.maintainedOn <= today)).toBe(true);
  });

  it('averages about 50 facilities an area at city scale', () => {
    const city = [...facilityRows(org, rng.fork('houses'), rng.fork('facilities'), typeIds, CITY_FACILITY_PLAN, today)];
    const average = city.length / org.areas.length;
    expect(average).toBeGreaterThan(40);
    expect(average).toBeLessThan(65);
  });
});
