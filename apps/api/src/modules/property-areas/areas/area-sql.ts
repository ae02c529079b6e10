import { BUILDING_STRUCTURE_LABELS, BuildingNode, BuildingStructure, CoordinateStatus, HouseItem, PropertyAreaSort, UnitNode } from '@szpm/contract';
import { containsCondition, SqlCondition } from '../../../common/search/text-search';
import { compareUnitNo, MapRectangle } from './area-rules';
import { DEVELOPER_NAMES, PROPERTY_AREA_NAMES, PROPERTY_COMPANY_NAMES } from './area-search';

/**
 * 物业区域管理's hot lists as plain SQL (the kit's "hot lists as plain SQL"): the area list and the
 * house tree 楼栋 → 单元 → 房屋, built in pure functions from the scoped door's plainCondition on
 * `a` (the area), so that the benchmark runs the very same statements. The same SQL on both
 * dialects.
 */

type Raw = Record<string, unknown>;

/** The area list's filter once the scoped door and the region filter have spoken. */
export interface AreaListFilter {
  /** the door's condition on `a` (DistrictScope plainCondition): null for city accounts */
  scope: SqlCondition | null;
  districtId: number | null;
  streetId: number | null;
  communityId: number | null;
  search?: string;
  companySearch?: string;
  developerSearch?: string;
  coordinateStatus?: CoordinateStatus;
  layer?: string;
  rectangle: MapRectangle | null;
  sort?: PropertyAreaSort;
  order: 'ASC' | 'DESC';
  page: number;
  pageSize: number;
}

const SORT_COLUMNS: Record<PropertyAreaSort, string> = {
  [PropertyAreaSort.NAME]: 'a.name',
  [PropertyAreaSort.FLOOR_AREA]: 'a.floorArea',
  [PropertyAreaSort.HOUSE_COUNT]: 'a.houseCount',
  [PropertyAreaSort.HANDOVER_DATE]: 'pp.handoverDate',
};

/** The raw columns of a list row, as toListItem reads them. */
export const AREA_LIST_COLUMNS = [
  'a.id AS id',
  'a.code AS code',
  'a.name AS name',
  'a.districtId AS districtId',
  'rd.name AS districtName',
  'a.streetId AS streetId',
  's.name AS streetName',
  'a.communityId AS communityId',
  'c.name AS communityName',
  'a.address AS address',
  'a.companyId AS companyId',
  'pc.name AS companyName',
  'dv.name AS developerName',
  'pm.name AS projectManagerName',
  'a.floorArea AS floorArea',
  'a.houseCount AS houseCount',
  'a.selfManaged AS selfManaged',
  'pp.hasCommittee AS hasCommittee',
  'a.coordinateStatus AS coordinateStatus',
  'a.layer AS layer',
  'pp.handoverDate AS handoverDate',
  'a.longitude AS longitude',
  'a.latitude AS latitude',
] as const;

/** What a list row shows beside the area: region names, company, manager, developer, the profile (all by primary or unique key). */
// eslint-disable-next-line szpm/no-raw-scoped-access -- joins names and the profile of areas the statement's WHERE has scoped
const LIST_JOINS = `LEFT JOIN regions rd ON rd.id = a.districtId LEFT JOIN regions s ON s.id = a.streetId LEFT JOIN regions c ON c.id = a.communityId
 LEFT JOIN property_companies pc ON pc.id = a.companyId LEFT JOIN project_managers pm ON pm.id = a.projectManagerId
 LEFT JOIN developers dv ON dv.id = a.developerId LEFT JOIN property_area_profiles pp ON pp.propertyAreaId = a.id`;

export interface AreaListQueries {
  /** the total (joins only what the filter needs) */
  count: SqlCondition;
  /** the page's rows with every name, in one statement */
  page: SqlCondition;
}

/** GET /api/property-areas: the count and the page. */
export function areaListQueries(filter: AreaListFilter): AreaListQueries {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (condition: SqlCondition) => {
    where.push(condition.sql);
    params.push(...condition.params);
  };
  if (filter.scope) add(filter.scope);
  if (filter.districtId !== null) add({ sql: 'a.districtId = ?', params: [filter.districtId] });
  if (filter.streetId !== null) add({ sql: 'a.streetId = ?', params: [filter.streetId] });
  if (filter.communityId !== null) add({ sql: 'a.communityId = ?', params: [filter.communityId] });
  const countJoins: string[] = [];
  if (filter.search) add(containsCondition(PROPERTY_AREA_NAMES, 'a.name', filter.search));
  if (filter.companySearch) {
    countJoins.push('LEFT JOIN property_companies pc ON pc.id = a.companyId');
    add(containsCondition(PROPERTY_COMPANY_NAMES, 'pc.name', filter.companySearch));
  }
  if (filter.developerSearch) {
    countJoins.push('LEFT JOIN developers dv ON dv.id = a.developerId');
    add(containsCondition(DEVELOPER_NAMES, 'dv.name', filter.developerSearch));
  }
  if (filter.coordinateStatus) add({ sql: 'a.coordinateStatus = ?', params: [filter.coordinateStatus] });
  if (filter.layer) add({ sql: 'a.layer = ?', params: [filter.layer] });
  const r = filter.rectangle;
  if (r) add({ sql: 'a.longitude BETWEEN ? AND ? AND a.latitude BETWEEN ? AND ?', params: [r.swLng, r.neLng, r.swLat, r.neLat] });
  const filtered = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const order = filter.sort ? `${SORT_COLUMNS[filter.sort]} ${filter.order}, a.id ${filter.order}` : 'a.id ASC';
  const offset = (filter.page - 1) * filter.pageSize;
  return {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the caller puts the door's plainCondition in filter.scope
    count: { sql: `SELECT COUNT(*) AS n FROM property_areas a${countJoins.length ? ` ${countJoins.join(' ')}` : ''}${filtered}`, params },
    page: {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the caller puts the door's plainCondition in filter.scope
      sql: `SELECT ${AREA_LIST_COLUMNS.join(', ')} FROM property_areas a ${LIST_JOINS}${filtered} ORDER BY ${order} LIMIT ${filter.pageSize}${offset ? ` OFFSET ${offset}` : ''}`,
      params,
    },
  };
}

/** The key of a list's total: the filter without its sort and page. */
export function areaListCountKey(filter: AreaListFilter): string {
  const { sort: _sort, order: _order, page: _page, pageSize: _pageSize, ...rest } = filter;
  return JSON.stringify(rest);
}

// ---- the house tree --------------------------------------------------------------------------

const scoped = (scope: SqlCondition | null): SqlCondition => (scope ? { sql: ` AND ${scope.sql}`, params: scope.params } : { sql: '', params: [] });

/**
 * 楼栋 of an area the actor may read, with each building's units, houses and building area: one
 * statement, the door's condition on the area in its WHERE. No row: the area is unknown, out of
 * the actor's scope, or has no buildings (the caller tells which).
 */
export function buildingsQuery(areaId: number, scope: SqlCondition | null): SqlCondition {
  const door = scoped(scope);
  return {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the door's plainCondition on the area is in the WHERE; the houses and buildings are that area's
    sql: `SELECT b.id AS id, b.code AS code, b.name AS name, b.totalFloors AS totalFloors, b.hasBasement AS hasBasement, b.structure AS structure, b.buildYear AS buildYear,
 hs.houseCount AS houseCount, hs.unitCount AS unitCount, hs.buildingArea AS buildingArea
 FROM property_areas a JOIN buildings b ON b.propertyAreaId = a.id
 LEFT JOIN (SELECT h.buildingId AS buildingId, COUNT(*) AS houseCount, COUNT(DISTINCT h.unitNo) AS unitCount, COALESCE(SUM(COALESCE(h.buildingArea, h.floorArea)), 0) AS buildingArea
   FROM houses h WHERE h.propertyAreaId = ? AND h.buildingId IS NOT NULL GROUP BY h.buildingId) hs ON hs.buildingId = b.id
 WHERE a.id = ?${door.sql} ORDER BY b.id`,
    params: [areaId, areaId, ...door.params],
  };
}

/** 单元 of one building of an area the actor may read. No row: unknown or foreign area, a building not of it, or one without houses. */
export function unitsQuery(areaId: number, buildingId: number, scope: SqlCondition | null): SqlCondition {
  const door = scoped(scope);
  return {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the door's plainCondition on the area is in the WHERE
    sql: `SELECT h.unitNo AS unitNo, COUNT(*) AS houseCount, COALESCE(SUM(COALESCE(h.buildingArea, h.floorArea)), 0) AS buildingArea
 FROM property_areas a JOIN houses h ON h.propertyAreaId = a.id
 WHERE a.id = ? AND h.buildingId = ?${door.sql} GROUP BY h.unitNo`,
    params: [areaId, buildingId, ...door.params],
  };
}

export interface HouseFilter {
  areaId: number;
  buildingId?: number;
  unitNo?: string;
  page: number;
  pageSize: number;
}

/** The columns of a house row, as toHouseRow reads them (selected as `h.<column>` without an alias: `usage` is reserved in MySQL). */
export const HOUSE_COLUMNS = [
  'id',
  'buildingId',
  'building',
  'unitNo',
  'roomNo',
  'floor',
  'realEstateUnitNo',
  'usage',
  'houseType',
  'saleStatus',
  'buildingArea',
  'floorArea',
  'innerArea',
  'sharedArea',
  'chargeArea',
  'hasElevator',
  'fundDue',
  'fundBalance',
] as const;

export interface HouseQueries {
  /** the total, of the area's houses (ask it only once the door has admitted the actor) */
  count: SqlCondition;
  /** the page, the door's condition on the area in its WHERE */
  page: (scope: SqlCondition | null) => SqlCondition;
}

/** 房屋: a page of an area's houses, of one building or one unit of it. */
export function houseQueries(filter: HouseFilter): HouseQueries {
  const where = ['h.propertyAreaId = ?'];
  const params: unknown[] = [filter.areaId];
  if (filter.buildingId !== undefined) {
    where.push('h.buildingId = ?');
    params.push(filter.buildingId);
  }
  if (filter.unitNo !== undefined) {
    where.push('h.unitNo = ?');
    params.push(filter.unitNo);
  }
  const offset = (filter.page - 1) * filter.pageSize;
  return {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the houses of an area the door has admitted the actor to (the caller asks after the page)
    count: { sql: `SELECT COUNT(*) AS n FROM houses h WHERE ${where.join(' AND ')}`, params },
    page: (scope) => {
      const door = scoped(scope);
      return {
        // eslint-disable-next-line szpm/no-raw-scoped-access -- the door's plainCondition on the area is in the WHERE
        sql: `SELECT ${HOUSE_COLUMNS.map((c) => `h.${c}`).join(', ')} FROM houses h JOIN property_areas a ON a.id = h.propertyAreaId
 WHERE ${where.join(' AND ')}${door.sql} ORDER BY h.buildingId, h.unitNo, h.floor, h.roomNo, h.id LIMIT ${filter.pageSize}${offset ? ` OFFSET ${offset}` : ''}`,
        params: [...params, ...door.params],
      };
    },
  };
}

// ---- rows as the API answers them -------------------------------------------------------------

const round2 = (x: number) => Math.round(x * 100) / 100;
const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const flag = (value: unknown): boolean | null => (value === null || value === undefined ? null : value === true || Number(value) === 1);

export function toBuildingNode(r: Raw): BuildingNode {
  const structure = String(r.structure) as BuildingStructure;
  return {
    id: Number(r.id),
    code: String(r.code),
    name: String(r.name),
    totalFloors: Number(r.totalFloors),
    hasBasement: flag(r.hasBasement) ?? false,
    structure,
    structureLabel: BUILDING_STRUCTURE_LABELS[structure] ?? structure,
    buildYear: num(r.buildYear),
    unitCount: Number(r.unitCount ?? 0),
    houseCount: Number(r.houseCount ?? 0),
    buildingArea: round2(Number(r.buildingArea ?? 0)),
  };
}

/** 单元 rows in the order people count them. */
export function toUnitNodes(rows: Raw[]): UnitNode[] {
  return rows
    .map((r) => ({ unitNo: String(r.unitNo), houseCount: Number(r.houseCount), buildingArea: round2(Number(r.buildingArea)) }))
    .sort((a, b) => compareUnitNo(a.unitNo, b.unitNo));
}

export function toHouseRow(h: Raw): HouseItem {
  return {
    id: Number(h.id),
    buildingId: num(h.buildingId),
    buildingName: String(h.building),
    unitNo: String(h.unitNo),
    roomNo: String(h.roomNo),
    floor: num(h.floor),
    realEstateUnitNo: text(h.realEstateUnitNo),
    usage: String(h.usage),
    houseType: text(h.houseType),
    saleStatus: text(h.saleStatus),
    buildingArea: num(h.buildingArea) ?? num(h.floorArea),
    innerArea: num(h.innerArea),
    sharedArea: num(h.sharedArea),
    chargeArea: num(h.chargeArea),
    hasElevator: flag(h.hasElevator),
    fundDue: num(h.fundDue),
    fundBalance: num(h.fundBalance),
  };
}
