import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import {
  AreaType,
  AREA_TYPE_LABELS,
  BuildingNode,
  CommonErrorCode,
  CONTRACT_TYPE_LABELS,
  ContractType,
  GrantAction,
  HouseItem,
  ModuleKey,
  Page,
  PropertyAreaDetail,
  PropertyAreaErrorCode,
  PropertyAreaListItem,
  PropertyAreaProfileView,
  Role,
  SERVICE_TYPE_LABELS,
  ServiceType,
  UnitCategory,
  UnitNode,
} from '@szpm/contract';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Actor, hasGrant } from '../../../access/actor';
import { DistrictScope, scopeOf } from '../../../access/district-scope';
import { InvalidatedCache } from '../../../common/cache/invalidated-cache';
import { InvalidationBus } from '../../../common/cache/invalidation-bus';
import { WriteInvalidation } from '../../../common/cache/write-invalidation';
import { AppException } from '../../../common/errors/app.exception';
import { pageWindow, toPage } from '../../../common/http/pagination.dto';
import { SqlCondition, TextSearchIndex } from '../../../common/search/text-search';
import { AppConfig, APP_CONFIG } from '../../../config/app-config';
import { Developer } from '../../regions/entities/developer.entity';
import { House } from '../../regions/entities/house.entity';
import { OwnersCommittee } from '../../regions/entities/owners-committee.entity';
import { PropertyArea } from '../../regions/entities/property-area.entity';
import { ProjectManager } from '../../regions/entities/project-manager.entity';
import { PropertyCompany } from '../../regions/entities/property-company.entity';
import { Region } from '../../regions/entities/region.entity';
import { joinAreaContext } from '../../regions/statistics/area-context';
import { AreaListQueryDto, HouseQueryDto } from '../dto/area-query.dto';
import { Building } from '../entities/building.entity';
import { PropertyAreaProfile } from '../entities/property-area-profile.entity';
import { PropertyAreaException } from '../property-areas.exception';
import { AREA_SEARCH_COLUMNS } from './area-search';
import { areaTabs, rectangleOf, toListItem } from './area-rules';
import { AREA_LIST_COLUMNS, AreaListFilter, areaListCountKey, areaListQueries, buildingsQuery, houseQueries, toBuildingNode, toHouseRow, toUnitNodes, unitsQuery } from './area-sql';

type Raw = Record<string, unknown>;

export const AREA_LABEL = '物业区域';

/** The accounts that speak for a unit running areas, and read only those areas. */
export const COUNTERPART_ROLES: readonly Role[] = [Role.PROJECT_MANAGER, Role.PROPERTY_COMPANY, Role.OWNERS_COMMITTEE];

/** Cache topics: the list's totals and pages (area rows, profiles and every name a row shows), the house tree (areas, buildings, houses). */
const AREA_LIST_COUNTS_TOPIC = 'property-area-list-counts';
const AREA_LIST_PAGES_TOPIC = 'property-area-list-pages';
const AREA_TREE_TOPIC = 'property-area-tree';

/** The door's answer for a tree request: the plain condition on `a`, or (counterparts, unit accounts) the area already admitted. */
type TreeDoor = { scope: SqlCondition | null; admitted: boolean };

/** The raw columns of a list row (toListItem reads them). */
export function selectListColumns<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return qb.select([...AREA_LIST_COLUMNS]);
}

/** Joins what a list row shows to a query over areas aliased `a`: region names, company, manager, developer, the profile. */
export function joinListContext<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  joinAreaContext(qb, { area: 'a' });
  // eslint-disable-next-line szpm/no-raw-scoped-access -- joins the district name and the profile of areas the calling query has already scoped
  return qb
    .leftJoin(Region, 'rd', 'rd.id = a.districtId')
    .leftJoin(Developer, 'dv', 'dv.id = a.developerId')
    .leftJoin(PropertyAreaProfile, 'pp', 'pp.propertyAreaId = a.id');
}

/**
 * 物业区域管理: the district's areas with the four search keys (名称, 坐标图层, 物业服务企业,
 * 开发建设单位), the map rectangle, the region filter, sort and paging; the counterpart's own areas;
 * the detail with its extension record and six tabs; the house tree 楼栋 → 单元 → 房屋, loaded level
 * by level; and the honest empty answer of the tabs whose chapters have not landed.
 */
@Injectable()
export class PropertyAreasService implements OnApplicationBootstrap {
  /** the list's total per filter, until an area, company or developer is written */
  private readonly counts: InvalidatedCache<number>;
  /** the list's pages per filter, sort and page, until an area, its profile or a name a row shows is written */
  private readonly pages: InvalidatedCache<Raw[]>;
  /** the house tree's answers (楼栋, 单元, 房屋 pages) per area, door and level, until an area, building or house is written */
  private readonly tree: InvalidatedCache<unknown>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    private readonly names: TextSearchIndex,
    @Inject(APP_CONFIG) config: AppConfig,
    bus: InvalidationBus,
    writes: WriteInvalidation,
  ) {
    const ttlMs = config.caches.listCountSeconds * 1000;
    this.counts = new InvalidatedCache<number>(bus, AREA_LIST_COUNTS_TOPIC, { ttlMs, maxEntries: 5_000 });
    this.pages = new InvalidatedCache<Raw[]>(bus, AREA_LIST_PAGES_TOPIC, { ttlMs, maxEntries: 2_000 });
    this.tree = new InvalidatedCache<unknown>(bus, AREA_TREE_TOPIC, { ttlMs, maxEntries: 5_000 });
    for (const entity of [PropertyArea, PropertyCompany, Developer]) writes.watch(entity, AREA_LIST_COUNTS_TOPIC);
    for (const entity of [PropertyArea, PropertyAreaProfile, PropertyCompany, Developer, ProjectManager, Region]) writes.watch(entity, AREA_LIST_PAGES_TOPIC);
    for (const entity of [PropertyArea, Building, House]) writes.watch(entity, AREA_TREE_TOPIC);
  }

  /** Names written around the services (seed, imports, before the index existed) are indexed on start. */
  async onApplicationBootstrap(): Promise<void> {
    for (const { domain, table, column } of AREA_SEARCH_COLUMNS) await this.names.sync(domain, table, column);
  }

  /** The list as plain SQL (areaListQueries): the page in one statement, pages and totals cached per filter until a write. */
  async list(actor: Actor, query: AreaListQueryDto): Promise<Page<PropertyAreaListItem>> {
    const window = pageWindow(query);
    const rectangle = rectangleOf(query);
    const scope = this.scope.repository(actor, PropertyArea, AREA_LABEL).plainCondition('a');
    const region = await this.scope.regionFilter(actor, { districtId: query.districtId, streetId: query.streetId, communityId: query.communityId });
    const filter: AreaListFilter = {
      scope,
      districtId: region.districtId,
      streetId: region.streetId,
      communityId: region.communityId,
      search: query.search,
      companySearch: query.companySearch,
      developerSearch: query.developerSearch,
      coordinateStatus: query.coordinateStatus,
      layer: query.layer,
      rectangle,
      sort: query.sort,
      order: query.order ?? 'ASC',
      page: window.page,
      pageSize: window.pageSize,
    };
    const sql = areaListQueries(filter);
    const rows = await this.pages.get(JSON.stringify(filter), async () => (await this.dataSource.query(sql.page.sql, sql.page.params)) as Raw[]);
    // a page that is not full and not empty ends the list: its total needs no count
    const total =
      rows.length > 0 && rows.length < window.pageSize
        ? window.skip + rows.length
        : await this.counts.get(areaListCountKey(filter), async () => {
            const [row] = (await this.dataSource.query(sql.count.sql, sql.count.params)) as Raw[];
            return Number(row?.n ?? 0);
          });
    return toPage(rows.map(toListItem), total, window);
  }

  /** The areas a counterpart account's unit runs (project manager, company) or serves (owners' committee). */
  async mine(actor: Actor): Promise<PropertyAreaListItem[]> {
    const qb = joinListContext(this.counterpartAreas(actor));
    const rows = await selectListColumns(qb).orderBy('a.id', 'ASC').getRawMany<Raw>();
    return rows.map(toListItem);
  }

  async detail(actor: Actor, id: number): Promise<PropertyAreaDetail> {
    const area = await this.readableArea(actor, id);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the row of an area readableArea() has just admitted the actor to
    const qb = joinListContext(this.dataSource.getRepository(PropertyArea).createQueryBuilder('a')).where('a.id = :id', { id });
    const raw = (await selectListColumns(qb).addSelect('pm.phone', 'projectManagerPhone').getRawOne<Raw>())!;
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the profile of an area readableArea() has just admitted the actor to
    const profile = await this.dataSource.getRepository(PropertyAreaProfile).findOne({ where: { propertyAreaId: id } });
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the buildings of an area readableArea() has just admitted the actor to
    const buildingCount = await this.dataSource.getRepository(Building).count({ where: { propertyAreaId: id } });
    return {
      ...toListItem(raw),
      landNumber: area.landNumber,
      location: area.location,
      externalCode: area.externalCode,
      otherCityProject: area.otherCityProject,
      ownersCommitteeId: area.ownersCommitteeId,
      remarks: area.remarks,
      boundaryGeoJson: area.boundaryGeoJson,
      developerId: area.developerId,
      projectManagerId: area.projectManagerId,
      projectManagerPhone: (raw.projectManagerPhone as string | null) ?? null,
      version: area.version,
      updatedAt: new Date(area.updatedAt).toISOString(),
      profile: toProfileView(profile),
      buildingCount,
      tabs: areaTabs(),
    };
  }

  /**
   * 楼栋: the first level of the house tree, with each building's units, houses and building area.
   * One statement with the door's condition in its WHERE (buildingsQuery); only when it finds no
   * building does readableArea tell an unknown or foreign area from one without buildings.
   */
  async buildings(actor: Actor, id: number): Promise<BuildingNode[]> {
    const door = await this.treeDoor(actor, id);
    return this.tree.get(treeKey('buildings', door, id), async () => {
      const sql = buildingsQuery(id, door.scope);
      const rows = (await this.dataSource.query(sql.sql, sql.params)) as Raw[];
      if (!rows.length && !door.admitted) await this.readableArea(actor, id);
      return rows.map(toBuildingNode);
    }) as Promise<BuildingNode[]>;
  }

  /** 单元: the distinct unitNo of one building of the area (one statement; the checks only when it finds none). */
  async units(actor: Actor, id: number, buildingId: number): Promise<UnitNode[]> {
    const door = await this.treeDoor(actor, id);
    return this.tree.get(treeKey('units', door, id, buildingId), async () => {
      const sql = unitsQuery(id, buildingId, door.scope);
      const rows = (await this.dataSource.query(sql.sql, sql.params)) as Raw[];
      if (!rows.length) {
        if (!door.admitted) await this.readableArea(actor, id);
        await this.buildingOf(id, buildingId);
      }
      return toUnitNodes(rows);
    }) as Promise<UnitNode[]>;
  }

  /** 房屋: a page of the area's houses, of one building or one unit of it. */
  async houses(actor: Actor, id: number, query: HouseQueryDto): Promise<Page<HouseItem>> {
    const door = await this.treeDoor(actor, id);
    if (query.unitNo !== undefined && query.buildingId === undefined) {
      if (!door.admitted) await this.readableArea(actor, id);
      throw new PropertyAreaException(PropertyAreaErrorCode.UNIT_WITHOUT_BUILDING);
    }
    const window = pageWindow(query);
    const sql = houseQueries({ areaId: id, buildingId: query.buildingId, unitNo: query.unitNo, page: window.page, pageSize: window.pageSize });
    return this.tree.get(treeKey('houses', door, id, query.buildingId ?? null, query.unitNo ?? null, window.page, window.pageSize), async () => {
      const page = sql.page(door.scope);
      const rows = (await this.dataSource.query(page.sql, page.params)) as Raw[];
      if (!rows.length) {
        if (!door.admitted) await this.readableArea(actor, id);
        if (query.buildingId !== undefined) await this.buildingOf(id, query.buildingId);
      }
      // a page that is not full ends the list (an empty first page: no houses); else the count
      const total =
        rows.length < window.pageSize && (rows.length > 0 || window.page === 1)
          ? window.skip + rows.length
          : Number(((await this.dataSource.query(sql.count.sql, sql.count.params)) as Raw[])[0]?.n ?? 0);
      return toPage(rows.map(toHouseRow), total, window);
    }) as Promise<Page<HouseItem>>;
  }

  /**
   * How a tree request is let in: officers with the module's view grant by the door's plain
   * condition, folded into the tree's statement; counterparts and unit accounts by readableArea
   * first (their own areas; the door has no condition for them).
   */
  private async treeDoor(actor: Actor, id: number): Promise<TreeDoor> {
    if (COUNTERPART_ROLES.includes(actor.role) || scopeOf(actor).kind === 'none') {
      await this.readableArea(actor, id);
      return { scope: null, admitted: true };
    }
    if (!hasGrant(actor, ModuleKey.PROPERTY_AREAS, GrantAction.VIEW)) throw new AppException(CommonErrorCode.MODULE_NOT_GRANTED, 403);
    return { scope: this.scope.repository(actor, PropertyArea, AREA_LABEL).plainCondition('a'), admitted: false };
  }

  /**
   * The area, if the actor may read it: officers with the module's view grant through the scoped
   * door (another district or street: OUT_OF_DISTRICT), counterparts only their own areas; an
   * unknown id is PROPERTY_AREA_NOT_FOUND. `module`: the grant an officer needs (a tab served by
   * its own chapter asks for that chapter's view grant).
   */
  async readableArea(actor: Actor, id: number, module: ModuleKey = ModuleKey.PROPERTY_AREAS): Promise<PropertyArea> {
    if (COUNTERPART_ROLES.includes(actor.role)) {
      const area = await this.counterpartAreas(actor).andWhere('a.id = :id', { id }).getOne();
      if (area) return area;
      // eslint-disable-next-line szpm/no-raw-scoped-access -- tells an unknown id from an area that is not the counterpart's own; nothing of it is returned
      if (!(await this.dataSource.getRepository(PropertyArea).exists({ where: { id } }))) throw new PropertyAreaException(PropertyAreaErrorCode.NOT_FOUND);
      throw AppException.forbidden('只能查看本单位负责的物业区域');
    }
    if (!hasGrant(actor, module, GrantAction.VIEW)) throw new AppException(CommonErrorCode.MODULE_NOT_GRANTED, 403);
    try {
      return await this.scope.repository(actor, PropertyArea, AREA_LABEL).findById(id);
    } catch (error) {
      if (error instanceof AppException && error.code === CommonErrorCode.NOT_FOUND) throw new PropertyAreaException(PropertyAreaErrorCode.NOT_FOUND);
      throw error;
    }
  }

  private async buildingOf(areaId: number, buildingId: number): Promise<Building> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- a building of an area readableArea() has just admitted the actor to
    const building = await this.dataSource.getRepository(Building).findOne({ where: { id: buildingId, propertyAreaId: areaId } });
    if (!building) throw new PropertyAreaException(PropertyAreaErrorCode.BUILDING_NOT_FOUND, { field: 'buildingId' });
    return building;
  }

  /**
   * The areas of a counterpart's unit: a project manager's (projectManagerId), a company's
   * (companyId), an owners' committee's (its propertyAreaId). The unit link is their scope: a
   * company may run areas in several districts.
   */
  counterpartAreas(actor: Actor): SelectQueryBuilder<PropertyArea> {
    if (!COUNTERPART_ROLES.includes(actor.role) || actor.unitId === null) throw AppException.forbidden('只有物业服务企业、项目负责人和业主委员会账号可以查看本单位的物业区域');
    // eslint-disable-next-line szpm/no-raw-scoped-access -- a counterpart reads only the areas its own unit runs or serves (the unit link below is the restriction)
    const qb = this.dataSource.getRepository(PropertyArea).createQueryBuilder('a');
    switch (actor.unitCategory) {
      case UnitCategory.PROJECT_MANAGER:
        return qb.where('a.projectManagerId = :unitId', { unitId: actor.unitId });
      case UnitCategory.PROPERTY_COMPANY:
        return qb.where('a.companyId = :unitId', { unitId: actor.unitId });
      case UnitCategory.OWNERS_COMMITTEE: {
        // eslint-disable-next-line szpm/no-raw-scoped-access -- the one area of the committee the actor speaks for
        const committee = qb.subQuery().select('oc.propertyAreaId').from(OwnersCommittee, 'oc').where('oc.id = :unitId').getQuery();
        return qb.where(`a.id IN ${committee}`, { unitId: actor.unitId });
      }
      default:
        throw AppException.forbidden();
    }
  }
}

/** A tree answer's cache key: the level, the door's condition (the same statement answers the same actors alike) and the arguments. */
function treeKey(level: string, door: TreeDoor, ...args: unknown[]): string {
  return JSON.stringify([level, door.admitted ? 'admitted' : door.scope, ...args]);
}

function labelOf<E extends string>(labels: Record<E, string>, value: E | null): string | null {
  return value === null ? null : (labels[value] ?? value);
}

export function toProfileView(p: PropertyAreaProfile | null): PropertyAreaProfileView {
  const n = (v: number | null | undefined) => (v === null || v === undefined ? null : Number(v));
  return {
    areaType: p?.areaType ?? null,
    areaTypeLabel: labelOf<AreaType>(AREA_TYPE_LABELS, p?.areaType ?? null),
    serviceType: p?.serviceType ?? null,
    serviceTypeLabel: labelOf<ServiceType>(SERVICE_TYPE_LABELS, p?.serviceType ?? null),
    contractType: p?.contractType ?? null,
    contractTypeLabel: labelOf<ContractType>(CONTRACT_TYPE_LABELS, p?.contractType ?? null),
    contractStart: p?.contractStart ?? null,
    contractEnd: p?.contractEnd ?? null,
    servicePrice: n(p?.servicePrice),
    collectionRate: n(p?.collectionRate),
    totalHouseholds: n(p?.totalHouseholds),
    ownerCount: n(p?.ownerCount),
    occupiedHouseholds: n(p?.occupiedHouseholds),
    handoverDate: p?.handoverDate ?? null,
    buildArea: n(p?.buildArea),
    serviceArea: n(p?.serviceArea),
    siteArea: n(p?.siteArea),
    greenArea: n(p?.greenArea),
    parkingArea: n(p?.parkingArea),
    publicFacilityArea: n(p?.publicFacilityArea),
    multiStoreyArea: n(p?.multiStoreyArea),
    highRiseArea: n(p?.highRiseArea),
    villaArea: n(p?.villaArea),
    officeArea: n(p?.officeArea),
    commerceArea: n(p?.commerceArea),
    industrialArea: n(p?.industrialArea),
    municipalArea: n(p?.municipalArea),
    otherArea: n(p?.otherArea),
    averagePrice: n(p?.averagePrice),
    boundEast: p?.boundEast ?? null,
    boundSouth: p?.boundSouth ?? null,
    boundWest: p?.boundWest ?? null,
    boundNorth: p?.boundNorth ?? null,
    totalPhases: n(p?.totalPhases),
    phase: n(p?.phase),
    hasCommittee: p?.hasCommittee ?? false,
    committeeName: p?.committeeName ?? null,
    committeePhone: p?.committeePhone ?? null,
    managementOffice: p?.managementOffice ?? null,
    managementOfficePhone: p?.managementOfficePhone ?? null,
    developerName: p?.developerName ?? null,
  };
}
