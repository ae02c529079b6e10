import { AreaType, ContractType, CoordinateStatus, ServiceType } from '@szpm/contract';
import { DataSource, EntityManager } from 'typeorm';
import { TextSearchIndex } from '../common/search/text-search';
import { Building } from '../modules/property-areas/entities/building.entity';
import { PropertyAreaProfile } from '../modules/property-areas/entities/property-area-profile.entity';
import { DEVELOPER_NAMES, PROPERTY_AREA_NAMES, PROPERTY_COMPANY_NAMES } from '../modules/property-areas/areas/area-search';
import { AreaLayout, areaLayout, AreaRow, BuildingRow, CommitteeRow, Organisation, pad, Row } from './organisation';
import { SeededRandom } from './random';
import type { SeedStep } from './seed-writer';

/**
 * Chapter 5's registry data on top of the organisation: the areas' core registry fields (宗地号,
 * 外部编码, 自管, 业委会, about 80 % with a boundary polygon around the centroid), one extension
 * record (物业区域信息) per area and the areas' buildings — the same layout housesOf puts the houses
 * in (areaLayout on the area's house generator forked 'layout'), so buildings, houses and counts agree.
 */

export type ProfileRow = Omit<Row<PropertyAreaProfile>, 'id'>;

/** Share of areas whose boundary is plotted (Appendix B 1). */
export const PLOTTED_SHARE = 0.8;

/** The GIS layers boundaries were drawn on (坐标图层); most on the current survey. */
export const SEEDED_LAYERS = ['物业区域边界（2024版）', '物业区域边界（2019版）'] as const;

const ROADS = ['深南大道', '北环大道', '滨河大道', '红荔路', '莲花路', '新洲路', '彩田路', '皇岗路', '香梅路', '沙河西路', '南海大道', '科苑路', '后海大道', '前海路', '桂庙路', '侨香路', '福强路', '景田路'];

/** The residential share is 70 %, commercial / office 15 %, industrial parks 10 %, mixed 5 % (domain notes 5e). */
const AREA_TYPES: AreaType[] = [AreaType.RESIDENTIAL, AreaType.COMMERCIAL, AreaType.OFFICE, AreaType.INDUSTRIAL_PARK, AreaType.MIXED];
const AREA_TYPE_WEIGHTS = [70, 8, 7, 10, 5];

/** The generator of one area's registry draws: the area's house generator (as housesOf gets it), forked. */
const areaRng = (houseRng: SeededRandom, areaId: number, part: string) => houseRng.fork(areaId).fork(part);

export function layoutOf(org: Organisation, area: AreaRow, houseRng: SeededRandom): AreaLayout {
  return areaLayout(area, org.typicalHouseSize.get(area.id)!, areaRng(houseRng, area.id, 'layout'));
}

/** A lognormal draw with the given median, clamped. */
function lognormal(rng: SeededRandom, median: number, sigma: number, min: number, max: number): number {
  const u = Math.max(1e-9, rng.next());
  const v = rng.next();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return Math.min(max, Math.max(min, median * Math.exp(sigma * z)));
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A closed GeoJSON polygon (six corners, 60–260 m from the centroid) around the area's centroid. */
export function boundaryAround(longitude: number, latitude: number, rng: SeededRandom): string {
  const metresPerDegreeLat = 111_320;
  const metresPerDegreeLng = 111_320 * Math.cos((latitude * Math.PI) / 180);
  const ring: Array<[number, number]> = [];
  for (let k = 0; k < 6; k++) {
    const angle = (k / 6) * 2 * Math.PI + rng.next() * 0.4;
    const radius = 60 + rng.next() * 200;
    ring.push([
      Math.round((longitude + (radius * Math.cos(angle)) / metresPerDegreeLng) * 1e6) / 1e6,
      Math.round((latitude + (radius * Math.sin(angle)) / metresPerDegreeLat) * 1e6) / 1e6,
    ]);
  }
  ring.push(ring[0]);
  return JSON.stringify({ type: 'Polygon', coordinates: [ring] });
}

/** Fills the registry fields of every area (before the areas are written). */
export function fillAreaRegistry(org: Organisation, houseRng: SeededRandom): void {
  const committeeOf = new Map(org.committees.map((c) => [c.propertyAreaId, c]));
  for (const area of org.areas) {
    const rng = areaRng(houseRng, area.id, 'registry');
    const plotted = rng.chance(PLOTTED_SHARE);
    area.landNumber = `${String.fromCharCode(65 + ((area.districtId - 1) % 26))}${pad(rng.int(100, 999), 3)}-${pad(rng.int(1, 9999), 4)}`;
    area.location = area.address.replace(/^深圳市/, '');
    area.externalCode = `WX${pad(area.districtId, 2)}${pad(area.id, 6)}`;
    area.selfManaged = area.companyId === null;
    area.otherCityProject = false;
    area.ownersCommitteeId = committeeOf.get(area.id)?.id ?? null;
    area.remarks = area.companyId === null ? '业主自行管理' : null;
    area.boundaryGeoJson = plotted ? boundaryAround(area.longitude, area.latitude, rng) : null;
    area.coordinateStatus = plotted ? CoordinateStatus.PLOTTED : CoordinateStatus.UNPLOTTED;
    area.layer = plotted ? (rng.chance(0.75) ? SEEDED_LAYERS[0] : SEEDED_LAYERS[1]) : null;
    area.version = 1;
  }
}

/** The extension record of one area (distributions of domain notes 5e). */
export function profileOf(org: Organisation, area: AreaRow, layout: AreaLayout, rng: SeededRandom, committee: CommitteeRow | null): ProfileRow {
  const developer = area.developerId === null ? null : (org.developers[area.developerId - 1] ?? null);
  const areaType = rng.weighted(AREA_TYPES, AREA_TYPE_WEIGHTS);
  const servicePrice =
    areaType === AreaType.RESIDENTIAL
      ? lognormal(rng, 2.8, 0.35, 1.5, 6)
      : areaType === AreaType.INDUSTRIAL_PARK
        ? 2 + rng.next() * 3
        : areaType === AreaType.MIXED
          ? 3 + rng.next() * 5
          : 6 + rng.next() * 12;
  const handover = new Date(Date.UTC(layout.builtYear + (rng.chance(0.7) ? 1 : 0), rng.int(0, 11), rng.int(1, 28)));
  const handoverDate = handover.toISOString().slice(0, 10);
  const contractStartYear = committee ? Math.max(layout.builtYear + 3, 2021 - rng.int(0, 4)) : handover.getUTCFullYear();
  const contractStart = `${contractStartYear}-${pad(rng.int(1, 12), 2)}-01`;
  const contractEnd = `${contractStartYear + (committee ? rng.pick([3, 5]) : 2)}-${contractStart.slice(5, 7)}-01`;
  const households = area.houseCount;
  const build = area.floorArea;
  const highRise = layout.buildings.filter((b) => b.row.totalFloors >= 10).reduce((n, b) => n + b.houses, 0) / Math.max(1, households);
  const residentialShare = areaType === AreaType.RESIDENTIAL ? 0.92 : areaType === AreaType.MIXED ? 0.6 : 0;
  const part = (share: number) => round2(build * share);
  const siteArea = round2(build / (2 + rng.next() * 3));
  const north = rng.pick(ROADS);
  return {
    propertyAreaId: area.id,
    districtId: area.districtId,
    areaType,
    serviceType: rng.chance(0.85) ? ServiceType.LUMP_SUM : ServiceType.COMMISSION,
    contractType: committee && rng.chance(0.8) ? ContractType.REGULAR : ContractType.PRELIMINARY,
    contractStart,
    contractEnd,
    servicePrice: round2(servicePrice),
    collectionRate: round2(85 + rng.next() * 14),
    totalHouseholds: households,
    ownerCount: Math.round(households * (0.9 + rng.next() * 0.1)),
    occupiedHouseholds: Math.round(households * (0.7 + rng.next() * 0.28)),
    handoverDate,
    buildArea: build,
    serviceArea: round2(build * (0.95 + rng.next() * 0.05)),
    siteArea,
    greenArea: round2(siteArea * (0.3 + rng.next() * 0.1)),
    parkingArea: round2(build * (0.1 + rng.next() * 0.1)),
    publicFacilityArea: round2(build * (0.02 + rng.next() * 0.03)),
    multiStoreyArea: part(residentialShare * (1 - highRise)),
    highRiseArea: part(residentialShare * highRise),
    villaArea: 0,
    officeArea: part(areaType === AreaType.OFFICE ? 0.9 : areaType === AreaType.MIXED ? 0.2 : 0),
    commerceArea: part(areaType === AreaType.COMMERCIAL ? 0.9 : areaType === AreaType.MIXED ? 0.2 : residentialShare ? 0.05 : 0),
    industrialArea: part(areaType === AreaType.INDUSTRIAL_PARK ? 0.9 : 0),
    municipalArea: part(0.01),
    otherArea: 0,
    averagePrice: Math.round((layout.builtYear < 2005 ? 45_000 : 65_000) * (0.6 + rng.next() * 1.2)),
    boundEast: `东至${rng.pick(ROADS)}`,
    boundSouth: `南至${rng.pick(ROADS)}`,
    boundWest: `西至${rng.pick(ROADS)}`,
    boundNorth: `北至${north}`,
    totalPhases: rng.weighted([1, 2, 3], [70, 22, 8]),
    phase: 1,
    hasCommittee: committee !== null,
    committeeName: committee?.name ?? null,
    committeePhone: committee?.chairPhone ?? null,
    managementOffice: area.companyId === null ? `${area.name}业主自管小组` : `${area.name}物业服务中心`,
    managementOfficePhone: `0755-${rng.int(2, 8)}${pad(rng.int(0, 9_999_999), 7)}`,
    developerName: developer?.name ?? null,
  };
}

/**
 * The registry's seed steps, after the houses: the areas' registry fields are filled here (so call it
 * before the areas are written), then profiles and buildings are generated area by area.
 */
export function propertyAreaSteps(org: Organisation, houseRng: SeededRandom): SeedStep[] {
  fillAreaRegistry(org, houseRng);
  return [
    {
      table: 'property_area_profiles',
      entity: PropertyAreaProfile,
      rows: function* () {
        const committeeOf = new Map(org.committees.map((c) => [c.propertyAreaId, c]));
        for (const area of org.areas) yield profileOf(org, area, layoutOf(org, area, houseRng), areaRng(houseRng, area.id, 'profile'), committeeOf.get(area.id) ?? null);
      },
    },
    {
      table: 'buildings',
      entity: Building,
      rows: function* (): Generator<BuildingRow> {
        for (const area of org.areas) for (const plan of layoutOf(org, area, houseRng).buildings) yield plan.row;
      },
    },
  ];
}

/** Indexes the seeded names for the list's 名称 / 物业服务企业 / 开发建设单位 searches (the seed writes around the services). */
export async function indexSeededNames(dataSource: DataSource, manager: EntityManager, org: Organisation): Promise<number> {
  const index = new TextSearchIndex(dataSource);
  return (
    (await index.add(manager, PROPERTY_AREA_NAMES, org.areas.map((a) => a.name))) +
    (await index.add(manager, PROPERTY_COMPANY_NAMES, org.companies.map((c) => c.name))) +
    (await index.add(manager, DEVELOPER_NAMES, org.developers.map((d) => d.name)))
  );
}
