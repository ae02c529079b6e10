import { BuildingStructure } from '@szpm/contract';
import { Building } from '../modules/property-areas/entities/building.entity';
import { Developer } from '../modules/regions/entities/developer.entity';
import { House } from '../modules/regions/entities/house.entity';
import { OwnersCommittee } from '../modules/regions/entities/owners-committee.entity';
import { ProjectManager } from '../modules/regions/entities/project-manager.entity';
import { PropertyArea } from '../modules/regions/entities/property-area.entity';
import { PropertyCompany } from '../modules/regions/entities/property-company.entity';
import { Region, RegionLevel } from '../modules/regions/entities/region.entity';
import { addressIn, AreaNamer, communityNames, IdentityFactory, OrganisationNamer } from './names';
import { apportion, SeededRandom } from './random';
import { DISTRICTS, DistrictInfo, SHENZHEN_DIVISION_CODES } from './shenzhen';

export type Row<T> = Omit<T, 'createdAt' | 'updatedAt' | 'wechatBound'>;
export type RegionRow = Row<Region>;
export type CompanyRow = Row<PropertyCompany>;
export type DeveloperRow = Row<Developer>;
export type ProjectManagerRow = Row<ProjectManager>;
/** The registry fields of chapter 5, filled by property-area-seed.ts (defaults when absent). */
export type AreaRegistryField =
  | 'landNumber'
  | 'location'
  | 'externalCode'
  | 'selfManaged'
  | 'otherCityProject'
  | 'ownersCommitteeId'
  | 'remarks'
  | 'boundaryGeoJson'
  | 'coordinateStatus'
  | 'layer'
  | 'version';
export type AreaRow = Omit<Row<PropertyArea>, AreaRegistryField> & Partial<Pick<PropertyArea, AreaRegistryField>>;
export type CommitteeRow = Row<OwnersCommittee>;
/** The house measures of chapter 5 (buildingId and the areas) are optional for callers that build houses by hand. */
export type HouseDetailField = 'buildingId' | 'realEstateUnitNo' | 'floor' | 'buildingArea' | 'innerArea' | 'sharedArea' | 'chargeArea' | 'houseType' | 'saleStatus' | 'hasElevator' | 'fundDue' | 'fundBalance';
export type HouseRow = Omit<House, 'id' | HouseDetailField> & Partial<Pick<House, HouseDetailField>>;

/** How big an organisation to generate. */
export interface OrganisationPlan {
  /** property areas per district, in DISTRICTS order */
  areasPerDistrict: readonly number[];
  companies: number;
  developers: number;
  /** total project managers; those beyond one per managed area (or reused) run no area at the moment */
  projectManagers?: number;
  /** chance that an area is run by a manager who already runs another area of the same company in the district */
  projectManagerReuse: number;
  /** share of areas run by a property company (the rest are self-managed: no company, no manager) */
  shareWithCompany: number;
  shareWithDeveloper: number;
  shareWithCommittee: number;
  /**
   * houses per area, and optionally the exact total; `estates`: the long tail, a few large estates'
   * house counts (given to areas drawn at random, the rest drawn between min and max)
   */
  houses: { min: number; max: number; total?: number; estates?: readonly number[] };
}

export interface Organisation {
  regions: RegionRow[];
  companies: CompanyRow[];
  developers: DeveloperRow[];
  projectManagers: ProjectManagerRow[];
  areas: AreaRow[];
  committees: CommitteeRow[];
  /** streets by district, for street-office accounts */
  streetsOf: Map<number, RegionRow[]>;
  /** a typical house size per area (square metres), which the area's houses scatter around */
  typicalHouseSize: Map<number, number>;
}

/** Date the seeded history is anchored to, so that a seed number always gives the same dates. */
export const SEED_REFERENCE_DATE = new Date('2026-07-01T00:00:00+08:00');

const REGIONS_SEED = 20_260_101;

/** District → street → community rows. The same for every seed number: region ids and names never change. */
export function buildRegions(): RegionRow[] {
  const rng = new SeededRandom(REGIONS_SEED);
  const names = communityNames(DISTRICTS.reduce((sum, d) => sum + d.communities, 0), rng);
  const rows: RegionRow[] = [];
  let nameIndex = 0;
  for (const district of DISTRICTS) {
    const code = `D${pad(district.id, 2)}`;
    rows.push({ id: district.id, level: RegionLevel.DISTRICT, name: district.name, code, parentId: null, districtId: district.id, streetId: null, sortOrder: district.id });
    const perStreet = apportion(district.communities, district.streets.map(() => 1));
    district.streets.forEach((streetName, s) => {
      const streetId = district.id * 100 + s + 1;
      const streetCode = `${code}S${pad(s + 1, 2)}`;
      rows.push({ id: streetId, level: RegionLevel.STREET, name: streetName + district.streetSuffix, code: streetCode, parentId: district.id, districtId: district.id, streetId, sortOrder: s + 1 });
      for (let c = 0; c < perStreet[s]; c++) {
        rows.push({
          id: streetId * 100 + c + 1,
          level: RegionLevel.COMMUNITY,
          name: names[nameIndex++],
          code: `${streetCode}C${pad(c + 1, 2)}`,
          parentId: streetId,
          districtId: district.id,
          streetId,
          sortOrder: c + 1,
        });
      }
    });
  }
  return rows;
}

/**
 * Property areas and the units linked to them: property companies, project managers,
 * developers and owners' committees. Ids are assigned here (the tables start empty).
 */
export function buildOrganisation(plan: OrganisationPlan, rng: SeededRandom, people: IdentityFactory): Organisation {
  const regions = buildRegions();
  const streetsOf = new Map<number, RegionRow[]>();
  const communitiesOf = new Map<number, RegionRow[]>();
  for (const r of regions) {
    if (r.level === RegionLevel.STREET) streetsOf.set(r.districtId, [...(streetsOf.get(r.districtId) ?? []), r]);
    if (r.level === RegionLevel.COMMUNITY) communitiesOf.set(r.streetId!, [...(communitiesOf.get(r.streetId!) ?? []), r]);
  }
  const names = new OrganisationNamer(rng.fork('organisation-names'));
  const areaNames = new AreaNamer(rng.fork('area-names'));

  // companies: registered in the districts in proportion to the areas there
  const companyRng = rng.fork('companies');
  const companiesPerDistrict = apportion(plan.companies, plan.areasPerDistrict);
  const companies: CompanyRow[] = [];
  const companyPopularity: number[] = [];
  DISTRICTS.forEach((district, d) => {
    for (let i = 0; i < companiesPerDistrict[d]; i++) {
      const street = companyRng.pick(streetsOf.get(district.id)!);
      const community = companyRng.pick(communitiesOf.get(street.id)!);
      companies.push({
        id: companies.length + 1,
        name: names.company(),
        creditCode: people.creditCode(divisionCodeOf(district)),
        legalRepresentative: people.personName(),
        contactPhone: people.mobile(),
        address: `${addressIn(companyRng, district.name, street.name, community.name)}${companyRng.int(2, 28)}楼`,
        registeredDistrictId: district.id,
      });
      // a few large companies run many areas, most run a handful
      companyPopularity.push(1 + 12 * companyRng.next() ** 4);
    }
  });

  const developerRng = rng.fork('developers');
  const developers: DeveloperRow[] = Array.from({ length: plan.developers }, (_, i) => ({
    id: i + 1,
    name: names.developer(),
    creditCode: people.creditCode(developerRng.pick(SHENZHEN_DIVISION_CODES)),
  }));
  const developerPopularity = developers.map(() => 1 + 6 * developerRng.next() ** 3);

  // property areas, street by street so that every street of a populated district has some
  const areaRng = rng.fork('areas');
  const areas: AreaRow[] = [];
  const typicalHouseSize = new Map<number, number>();
  const houseCounts = houseCountsFor(plan, rng.fork('house-counts'));
  DISTRICTS.forEach((district, d) => {
    const streets = areaRng.shuffle(streetsOf.get(district.id)!);
    const streetWeights = streets.map((s) => communitiesOf.get(s.id)!.length);
    for (let k = 0; k < plan.areasPerDistrict[d]; k++) {
      const street = k < streets.length ? streets[k] : areaRng.weighted(streets, streetWeights);
      const community = areaRng.pick(communitiesOf.get(street.id)!);
      const id = areas.length + 1;
      const houseCount = houseCounts[id - 1];
      const houseSize = areaRng.int(55, 140);
      typicalHouseSize.set(id, houseSize);
      areas.push({
        id,
        code: `SZWY${pad(district.id, 2)}${pad(k + 1, 5)}`,
        name: areaNames.next(district.id),
        districtId: district.id,
        streetId: street.id,
        communityId: community.id,
        address: addressIn(areaRng, district.name, street.name, community.name),
        companyId: null,
        projectManagerId: null,
        developerId: null,
        floorArea: Math.round(houseCount * houseSize * (1.15 + areaRng.next() * 0.25)),
        houseCount,
        longitude: round6(district.centre.longitude + (areaRng.next() - 0.5) * 0.12),
        latitude: round6(district.centre.latitude + (areaRng.next() - 0.5) * 0.09),
      });
    }
  });

  // who runs each area: a company (first every company once, in its own district), and one of its managers there
  const linkRng = rng.fork('links');
  const managed = linkRng.sample(areas, plan.shareWithCompany).sort((a, b) => a.id - b.id);
  const companiesByDistrict = new Map<number, CompanyRow[]>();
  for (const c of companies) companiesByDistrict.set(c.registeredDistrictId, [...(companiesByDistrict.get(c.registeredDistrictId) ?? []), c]);
  const unplaced = new Map([...companiesByDistrict].map(([districtId, list]) => [districtId, [...list]]));
  for (const area of managed) {
    const own = companiesByDistrict.get(area.districtId) ?? [];
    const first = unplaced.get(area.districtId)?.shift();
    const pool = own.length && linkRng.chance(0.75) ? own : companies;
    area.companyId = (first ?? linkRng.weighted(pool, pool.map((c) => companyPopularity[c.id - 1]))).id;
  }
  // companies of districts with fewer areas than companies still get an area somewhere (one a busier company gives up)
  const areasOfCompany = new Map<number, number>();
  for (const area of managed) areasOfCompany.set(area.companyId!, (areasOfCompany.get(area.companyId!) ?? 0) + 1);
  for (const leftover of [...unplaced.values()].flat()) {
    const spare = managed.filter((a) => areasOfCompany.get(a.companyId!)! > 1);
    if (!spare.length) break;
    const nearby = spare.filter((a) => a.districtId === leftover.registeredDistrictId);
    const area = linkRng.pick(nearby.length ? nearby : spare);
    areasOfCompany.set(area.companyId!, areasOfCompany.get(area.companyId!)! - 1);
    areasOfCompany.set(leftover.id, 1);
    area.companyId = leftover.id;
  }

  const projectManagers: ProjectManagerRow[] = [];
  const managerAreas = new Map<number, number>();
  const newManager = (companyId: number, districtId: number): ProjectManagerRow => {
    const manager: ProjectManagerRow = {
      id: projectManagers.length + 1,
      name: people.personName(),
      idNumber: people.idNumber(),
      phone: people.mobile(),
      companyId,
      districtId,
      certificateNo: `WYXM${linkRng.int(2008, 2025)}${pad(linkRng.int(1, 999999), 6)}`,
    };
    projectManagers.push(manager);
    return manager;
  };
  for (const area of managed) {
    const reusable = linkRng.chance(plan.projectManagerReuse)
      ? projectManagers.find((m) => m.companyId === area.companyId && m.districtId === area.districtId && managerAreas.get(m.id) === 1)
      : undefined;
    const manager = reusable ?? newManager(area.companyId!, area.districtId);
    managerAreas.set(manager.id, (managerAreas.get(manager.id) ?? 0) + 1);
    area.projectManagerId = manager.id;
  }
  // managers between projects: on a company's books in its district, running no area now
  while (plan.projectManagers !== undefined && projectManagers.length < plan.projectManagers) {
    const company = linkRng.pick(companies);
    newManager(company.id, company.registeredDistrictId);
  }

  for (const area of linkRng.sample(areas, plan.shareWithDeveloper)) area.developerId = linkRng.weighted(developers, developerPopularity).id;

  const committeeRng = rng.fork('committees');
  const committees: CommitteeRow[] = linkRng
    .sample(areas, plan.shareWithCommittee)
    .sort((a, b) => a.id - b.id)
    .map((area, i) => {
      // a committee serves five years (深圳经济特区物业管理条例)
      const start = committeeRng.dateBetween(new Date('2021-07-01T00:00:00+08:00'), SEED_REFERENCE_DATE);
      const end = new Date(start.getTime());
      end.setUTCFullYear(end.getUTCFullYear() + 5);
      end.setUTCDate(end.getUTCDate() - 1);
      return {
        id: i + 1,
        propertyAreaId: area.id,
        districtId: area.districtId,
        name: `${area.name}业主委员会`,
        chairName: people.personName(),
        chairPhone: people.mobile(),
        executiveSecretaryName: committeeRng.chance(0.6) ? people.personName() : null,
        termStart: shanghaiDay(start),
        termEnd: shanghaiDay(end),
      };
    });

  return { regions, companies, developers, projectManagers, areas, committees, streetsOf, typicalHouseSize };
}

/**
 * Houses per area, drawn between min and max, the plan's large estates given to areas drawn at
 * random, then the others nudged to the exact total when one is asked for.
 */
function houseCountsFor(plan: OrganisationPlan, rng: SeededRandom): number[] {
  const areaCount = plan.areasPerDistrict.reduce((a, b) => a + b, 0);
  const counts = Array.from({ length: areaCount }, () => rng.int(plan.houses.min, plan.houses.max));
  const estates = new Set<number>();
  for (const houses of (plan.houses.estates ?? []).slice(0, Math.max(0, areaCount - 1))) {
    let i = rng.int(0, areaCount - 1);
    while (estates.has(i)) i = (i + 1) % areaCount;
    estates.add(i);
    counts[i] = houses;
  }
  if (plan.houses.total === undefined) return counts;
  let diff = plan.houses.total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % areaCount) {
    if (estates.has(i)) continue;
    if (diff > 0) {
      counts[i] += 1;
      diff -= 1;
    } else if (counts[i] > 1) {
      counts[i] -= 1;
      diff += 1;
    }
  }
  return counts;
}

/** 楼栋 rows as the seed writes them. */
export type BuildingRow = Row<Building>;

/** One building of an area's layout: the row, and how its houses are arranged. */
export interface BuildingPlan {
  row: BuildingRow;
  units: number;
  roomsPerFloor: number;
  houses: number;
}

/** How an area is built: the year its buildings were completed, and the buildings with their houses. */
export interface AreaLayout {
  builtYear: number;
  buildings: BuildingPlan[];
}

/** A building's id: area id × 100 + its number (an area has at most 30), so houses and buildings agree without a lookup. */
export const buildingIdOf = (areaId: number, index: number): number => areaId * 100 + index;

/**
 * The buildings of one area (2 to 30), from the area's own generator, so that the houses and the
 * building rows drawn from the same generator always agree. Completion years 1985–2024, mostly
 * 2000–2015; before 2000 mostly 6–9 storeys (多层), after 2005 mostly 18–33 (高层).
 */
export function areaLayout(area: AreaRow, typicalSize: number, rng: SeededRandom): AreaLayout {
  const era = rng.next();
  const builtYear = era < 0.12 ? rng.int(1985, 1999) : era < 0.87 ? rng.int(2000, 2015) : rng.int(2016, 2024);
  const wanted = Math.min(30, Math.max(2, Math.round(area.houseCount / rng.int(15, 60))));
  const count = Math.max(1, Math.min(wanted, area.houseCount));
  const lettered = rng.chance(0.2) && count <= 26;
  const perBuilding = apportion(area.houseCount, Array.from({ length: count }, () => 1));
  const buildings = perBuilding.map((houses, i): BuildingPlan => {
    const index = i + 1;
    const totalFloors =
      builtYear < 2000 ? (rng.chance(0.85) ? rng.int(6, 9) : rng.int(10, 18)) : builtYear <= 2005 ? rng.int(8, 26) : rng.chance(0.85) ? rng.int(18, 33) : rng.int(6, 12);
    // 1–3 units, more for a long low building, so that a unit has at most about four rooms a floor
    const units = Math.min(9, Math.max(rng.int(1, 3), Math.ceil(houses / (totalFloors * 4))));
    const roomsPerFloor = Math.max(1, Math.ceil(houses / (totalFloors * units)));
    const structure =
      builtYear < 1995 && totalFloors <= 9
        ? rng.chance(0.6)
          ? BuildingStructure.MASONRY
          : BuildingStructure.RC
        : rng.weighted([BuildingStructure.RC, BuildingStructure.FRAME, BuildingStructure.STEEL, BuildingStructure.OTHER], [70, 22, 5, 3]);
    const registeredArea = Math.round(houses * typicalSize * (1.02 + rng.next() * 0.08) * 100) / 100;
    return {
      row: {
        id: buildingIdOf(area.id, index),
        propertyAreaId: area.id,
        districtId: area.districtId,
        code: `${area.code}-${pad(index, 2)}`,
        name: lettered ? `${String.fromCharCode(64 + index)}座` : `${index}栋`,
        totalFloors,
        hasBasement: totalFloors >= 12 ? rng.chance(0.85) : rng.chance(0.2),
        independent: count <= 3 && rng.chance(0.3),
        structure,
        buildYear: builtYear - rng.int(0, 1),
        registeredArea,
        projectCost: Math.round(registeredArea * rng.int(1800, 5200)),
      },
      units,
      roomsPerFloor,
      houses,
    };
  });
  return { builtYear, buildings };
}

/** Shenzhen's first 专项维修资金 deposit, 元/㎡ of building area: more for buildings with lifts. */
const FUND_PER_SQUARE_METRE = { withLift: 68, withoutLift: 45 };

/**
 * The houses of one area, generated on demand (a million at city scale are never held in memory at once),
 * in the buildings of its layout (areaLayout with `rng.fork('layout')`): floor by floor, unit by unit,
 * rooms numbered floor + room (1203), shops on some ground floors.
 */
export function* housesOf(area: AreaRow, typicalSize: number, rng: SeededRandom): Generator<HouseRow> {
  const layout = areaLayout(area, typicalSize, rng.fork('layout'));
  let serial = 0;
  for (const plan of layout.buildings) {
    const building = plan.row;
    const lift = building.totalFloors > 7;
    let left = plan.houses;
    for (let floor = 1; left > 0; floor++) {
      for (let unit = 1; unit <= plan.units && left > 0; unit++) {
        for (let room = 1; room <= plan.roomsPerFloor && left > 0; room++, left--) {
          const shop = floor === 1 && rng.chance(0.4);
          const usage = shop ? '商业' : rng.chance(0.015) ? '办公' : '住宅';
          const size = Math.round(typicalSize * (shop ? 0.35 + rng.next() * 0.5 : 0.75 + rng.next() * 0.5) * 100) / 100;
          const inner = Math.round(size * (0.74 + rng.next() * 0.12) * 100) / 100;
          const fundDue = Math.round(size * (lift ? FUND_PER_SQUARE_METRE.withLift : FUND_PER_SQUARE_METRE.withoutLift) * 100) / 100;
          const sale = rng.next();
          serial++;
          yield {
            propertyAreaId: area.id,
            districtId: area.districtId,
            building: building.name,
            unitNo: `${unit}单元`,
            roomNo: `${floor}${pad(room, 2)}`,
            floorArea: size,
            usage,
            buildingId: building.id,
            realEstateUnitNo: `4403${pad(area.districtId, 2)}${pad(area.id, 6)}F${pad(serial, 5)}`,
            floor,
            buildingArea: size,
            innerArea: inner,
            sharedArea: Math.round((size - inner) * 100) / 100,
            chargeArea: size,
            houseType: usage === '住宅' ? (building.totalFloors >= 10 ? '高层住宅' : '多层住宅') : usage === '商业' ? '商铺' : '办公用房',
            saleStatus: sale < 0.88 ? '已售' : sale < 0.95 ? '未售' : '自持',
            hasElevator: lift,
            fundDue,
            fundBalance: Math.round(fundDue * (0.55 + rng.next() * 0.55) * 100) / 100,
          };
        }
      }
    }
  }
}

function divisionCodeOf(district: DistrictInfo): string {
  // 大鹏新区 and the Shenzhen-Shanwei zone have no division code of their own; companies there register at city level
  return SHENZHEN_DIVISION_CODES[district.id - 1] ?? '440300';
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** YYYY-MM-DD of an instant in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiDay(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}
