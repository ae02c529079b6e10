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
export type AreaRow = Row<PropertyArea>;
export type CommitteeRow = Row<OwnersCommittee>;
export type HouseRow = Omit<House, 'id'>;

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
  /** houses per area, and optionally the exact total */
  houses: { min: number; max: number; total?: number };
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

/** Houses per area, drawn between min and max, then nudged to the exact total when one is asked for. */
function houseCountsFor(plan: OrganisationPlan, rng: SeededRandom): number[] {
  const areaCount = plan.areasPerDistrict.reduce((a, b) => a + b, 0);
  const counts = Array.from({ length: areaCount }, () => rng.int(plan.houses.min, plan.houses.max));
  if (plan.houses.total === undefined) return counts;
  let diff = plan.houses.total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % areaCount) {
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

/**
 * The houses of one area, generated on demand (a million at city scale are never held in memory at once):
 * buildings of a few units, rooms numbered floor + room (1203), shops on some ground floors.
 */
export function* housesOf(area: AreaRow, typicalSize: number, rng: SeededRandom): Generator<HouseRow> {
  const floors = rng.int(6, 33);
  const unitsPerBuilding = rng.int(1, 3);
  const roomsPerUnit = rng.int(2, 4);
  const letteredBuildings = rng.chance(0.2);
  let left = area.houseCount;
  for (let building = 1; left > 0; building++) {
    const buildingName = letteredBuildings && building <= 26 ? `${String.fromCharCode(64 + building)}座` : `${building}栋`;
    for (let floor = 1; floor <= floors && left > 0; floor++) {
      for (let unit = 1; unit <= unitsPerBuilding && left > 0; unit++) {
        for (let room = 1; room <= roomsPerUnit && left > 0; room++, left--) {
          const shop = floor === 1 && rng.chance(0.4);
          yield {
            propertyAreaId: area.id,
            districtId: area.districtId,
            building: buildingName,
            unitNo: `${unit}单元`,
            roomNo: `${floor}${pad(room, 2)}`,
            floorArea: Math.round(typicalSize * (shop ? 0.35 + rng.next() * 0.5 : 0.75 + rng.next() * 0.5) * 100) / 100,
            usage: shop ? '商业' : rng.chance(0.015) ? '办公' : '住宅',
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
