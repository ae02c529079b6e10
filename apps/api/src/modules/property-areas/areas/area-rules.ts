import {
  COORDINATE_STATUS_LABELS,
  CoordinateStatus,
  PROPERTY_AREA_TAB_LABELS,
  PropertyAreaErrorCode,
  PropertyAreaListItem,
  PropertyAreaTab,
  PropertyAreaTabInfo,
} from '@szpm/contract';
import { PropertyAreaException } from '../property-areas.exception';

/** The map rectangle of a list query: south-west and north-east corners, in degrees. */
export interface MapRectangle {
  swLng: number;
  swLat: number;
  neLng: number;
  neLat: number;
}

const CORNERS = ['swLng', 'swLat', 'neLng', 'neLat'] as const;

/**
 * The rectangle of a query: null when no corner is given; all four corners or a 400 naming the
 * first one missing; the south-west corner must lie west and south of the north-east one.
 */
export function rectangleOf(query: Partial<MapRectangle>): MapRectangle | null {
  const given = CORNERS.filter((corner) => query[corner] !== undefined);
  if (given.length === 0) return null;
  const missing = CORNERS.find((corner) => query[corner] === undefined);
  if (missing) throw new PropertyAreaException(PropertyAreaErrorCode.RECTANGLE_INCOMPLETE, { field: missing });
  const rectangle = query as MapRectangle;
  if (rectangle.swLng > rectangle.neLng) throw new PropertyAreaException(PropertyAreaErrorCode.RECTANGLE_INVERTED, { field: 'neLng' });
  if (rectangle.swLat > rectangle.neLat) throw new PropertyAreaException(PropertyAreaErrorCode.RECTANGLE_INVERTED, { field: 'neLat' });
  return rectangle;
}

/** The endpoint (under /api/property-areas/:id) that answers each tab. */
const TAB_PATHS: Record<PropertyAreaTab, string> = {
  [PropertyAreaTab.INFO]: '',
  [PropertyAreaTab.COMMON_FUNDS]: 'common-funds',
  [PropertyAreaTab.HOUSES]: 'buildings',
  [PropertyAreaTab.FACILITIES]: 'facilities',
  [PropertyAreaTab.PARKING]: 'parking',
  [PropertyAreaTab.PRACTITIONERS]: 'practitioners',
};

/** The six tabs of 详情 in the manual's order, each with the endpoint that answers it. */
export function areaTabs(): PropertyAreaTabInfo[] {
  return (Object.values(PropertyAreaTab) as PropertyAreaTab[]).map((key) => ({ key, label: PROPERTY_AREA_TAB_LABELS[key], path: TAB_PATHS[key] }));
}

type Raw = Record<string, unknown>;

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const flag = (value: unknown): boolean => value === true || Number(value) === 1;

/** One list row from the raw columns the list query selects. */
export function toListItem(raw: Raw): PropertyAreaListItem {
  const coordinateStatus = String(raw.coordinateStatus) as CoordinateStatus;
  return {
    id: Number(raw.id),
    code: String(raw.code),
    name: String(raw.name),
    districtId: Number(raw.districtId),
    districtName: text(raw.districtName) ?? '',
    streetId: Number(raw.streetId),
    streetName: text(raw.streetName) ?? '',
    communityId: Number(raw.communityId),
    communityName: text(raw.communityName) ?? '',
    address: String(raw.address),
    companyId: raw.companyId === null || raw.companyId === undefined ? null : Number(raw.companyId),
    companyName: text(raw.companyName),
    developerName: text(raw.developerName),
    projectManagerName: text(raw.projectManagerName),
    floorArea: Number(raw.floorArea),
    houseCount: Number(raw.houseCount),
    selfManaged: flag(raw.selfManaged),
    hasCommittee: flag(raw.hasCommittee),
    coordinateStatus,
    coordinateStatusLabel: COORDINATE_STATUS_LABELS[coordinateStatus] ?? coordinateStatus,
    layer: text(raw.layer),
    handoverDate: text(raw.handoverDate),
    longitude: Number(raw.longitude),
    latitude: Number(raw.latitude),
  };
}

/** 单元 names in the order people count them: 2单元 before 10单元. */
export function compareUnitNo(a: string, b: string): number {
  return a.localeCompare(b, 'zh', { numeric: true });
}
