import { AreaType, BuildingStructure, CoordinateStatus } from '@szpm/contract';
import { IdentityFactory } from './names';
import { areaLayout, buildingIdOf, buildOrganisation, housesOf, Organisation } from './organisation';
import { boundaryAround, fillAreaRegistry, layoutOf, profileOf, propertyAreaSteps } from './property-area-seed';
import { SeededRandom } from './random';
import { demoPlan } from './demo-seed';

function demoOrganisation(seed = 1): Organisation {
  const rng = new SeededRandom(seed);
  const plan = demoPlan(rng);
  return buildOrganisation(plan.organisation, rng.fork('organisation'), new IdentityFactory(rng.fork('people')));
}

describe('the property-area registry seed', () => {
  const org = demoOrganisation();
  const houseRng = new SeededRandom(1).fork('houses');
  fillAreaRegistry(org, houseRng);

  it('puts every house in a building of its area, as many as the area counts', () => {
    for (const area of org.areas.slice(0, 40)) {
      const layout = layoutOf(org, area, houseRng);
      expect(layout.buildings.length).toBeGreaterThanOrEqual(2);
      expect(layout.buildings.length).toBeLessThanOrEqual(30);
      const houses = [...housesOf(area, org.typicalHouseSize.get(area.id)!, houseRng.fork(area.id))];
      expect(houses).toHaveLength(area.houseCount);
      const byBuilding = new Map(layout.buildings.map((b) => [b.row.id, b]));
      for (const house of houses) {
        const plan = byBuilding.get(house.buildingId!)!;
        expect(plan.row.propertyAreaId).toBe(area.id);
        expect(house.building).toBe(plan.row.name);
        expect(house.floor!).toBeLessThanOrEqual(plan.row.totalFloors);
      }
      for (const plan of layout.buildings) expect(houses.filter((h) => h.buildingId === plan.row.id)).toHaveLength(plan.houses);
      // room numbers are unique within a building and unit
      expect(new Set(houses.map((h) => `${h.buildingId}/${h.unitNo}/${h.roomNo}`)).size).toBe(houses.length);
    }
  });

  it('gives buildings ids of their own area and floors by era', () => {
    const rng = new SeededRandom(9);
    const area = { ...org.areas[0], houseCount: 600 };
    const layouts = Array.from({ length: 200 }, (_, i) => areaLayout(area, 90, rng.fork(i)));
    const ids = layouts[0].buildings.map((b) => b.row.id);
    expect(ids).toEqual(layouts[0].buildings.map((_, i) => buildingIdOf(area.id, i + 1)));
    const old = layouts.filter((l) => l.builtYear < 2000).flatMap((l) => l.buildings);
    const recent = layouts.filter((l) => l.builtYear > 2005).flatMap((l) => l.buildings);
    const share = (list: typeof old, test: (floors: number) => boolean) => list.filter((b) => test(b.row.totalFloors)).length / list.length;
    expect(share(old, (f) => f >= 6 && f <= 9)).toBeGreaterThan(0.7);
    expect(share(recent, (f) => f >= 18 && f <= 33)).toBeGreaterThan(0.7);
    const years = layouts.map((l) => l.builtYear);
    expect(Math.min(...years)).toBeGreaterThanOrEqual(1985);
    expect(Math.max(...years)).toBeLessThanOrEqual(2024);
    expect(years.filter((y) => y >= 2000 && y <= 2015).length / years.length).toBeGreaterThan(0.6);
    expect(Object.values(BuildingStructure)).toEqual(expect.arrayContaining([...new Set(layouts.flatMap((l) => l.buildings.map((b) => b.row.structure)))]));
  });

  it('plots about 80 % of the areas with a closed polygon around the centroid', () => {
    const plotted = org.areas.filter((a) => a.coordinateStatus === CoordinateStatus.PLOTTED);
    expect(plotted.length / org.areas.length).toBeGreaterThan(0.7);
    expect(plotted.length / org.areas.length).toBeLessThan(0.9);
    for (const area of org.areas) expect(area.boundaryGeoJson === null).toBe(area.coordinateStatus === CoordinateStatus.UNPLOTTED);
    const polygon = JSON.parse(boundaryAround(114.05, 22.54, new SeededRandom(3))) as { type: string; coordinates: Array<Array<[number, number]>> };
    const ring = polygon.coordinates[0];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    for (const [lng, lat] of ring) {
      expect(Math.abs(lng - 114.05)).toBeLessThan(0.003);
      expect(Math.abs(lat - 22.54)).toBeLessThan(0.003);
    }
    expect(org.areas.filter((a) => a.companyId === null).every((a) => a.selfManaged)).toBe(true);
  });

  it('draws profiles with the distributions of the domain notes', () => {
    const committeeOf = new Map(org.committees.map((c) => [c.propertyAreaId, c]));
    const rng = new SeededRandom(4);
    // many draws over the demo's areas
    const profiles = Array.from({ length: 2000 }, (_, i) => {
      const area = org.areas[i % org.areas.length];
      return profileOf(org, area, layoutOf(org, area, houseRng), rng.fork(i), committeeOf.get(area.id) ?? null);
    });
    const share = (type: AreaType) => profiles.filter((p) => p.areaType === type).length / profiles.length;
    expect(share(AreaType.RESIDENTIAL)).toBeGreaterThan(0.65);
    expect(share(AreaType.RESIDENTIAL)).toBeLessThan(0.75);
    expect(share(AreaType.INDUSTRIAL_PARK)).toBeGreaterThan(0.07);
    const residential = profiles.filter((p) => p.areaType === AreaType.RESIDENTIAL).map((p) => p.servicePrice!).sort((a, b) => a - b);
    expect(residential[0]).toBeGreaterThanOrEqual(1.5);
    expect(residential[residential.length - 1]).toBeLessThanOrEqual(6);
    expect(residential[Math.floor(residential.length / 2)]).toBeGreaterThan(2.4);
    expect(residential[Math.floor(residential.length / 2)]).toBeLessThan(3.2);
    for (const p of profiles) {
      expect(p.collectionRate!).toBeGreaterThanOrEqual(85);
      expect(p.collectionRate!).toBeLessThanOrEqual(99);
      expect(p.hasCommittee).toBe(committeeOf.has(p.propertyAreaId));
      expect(p.contractEnd! > p.contractStart!).toBe(true);
    }
  });

  it('writes profiles and buildings as seed steps, one profile per area', () => {
    const fresh = demoOrganisation(2);
    const steps = propertyAreaSteps(fresh, new SeededRandom(2).fork('houses'));
    expect(steps.map((s) => s.table)).toEqual(['property_area_profiles', 'buildings']);
    expect([...steps[0].rows()]).toHaveLength(fresh.areas.length);
    const buildings = [...steps[1].rows()] as Array<{ id: number }>;
    expect(new Set(buildings.map((b) => b.id)).size).toBe(buildings.length);
    expect(fresh.areas.every((a) => a.landNumber && a.externalCode && a.version === 1)).toBe(true);
  });
});
