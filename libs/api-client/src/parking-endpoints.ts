import type {
  Page,
  ParkingAreaTab,
  ParkingCellItem,
  ParkingCellQuery,
  ParkingDisputeAreaItem,
  ParkingDisputeAreaQuery,
  ParkingDisputeStats,
  ParkingFilingRequest,
  ParkingFilingView,
  ParkingHistoryQuery,
  ParkingRemindRequest,
  ParkingStats,
  RegionStatsFilter,
  UrgeResult,
} from '@szpm/contract';
import { ApiClient } from './client';
import { QueryValue, toQueryString } from './http';

const q = (query: object | undefined): Record<string, QueryValue> => (query ?? {}) as Record<string, QueryValue>;

/** Chapter 13 车位信息 (mini-program and portal): the area tab and its filing, both statistics with their lists, export, 提醒更新. */
export function parkingEndpoints(client: ApiClient) {
  return {
    /** the 车位信息 tab of an area: the current filing with its disputes */
    areaTab: (areaId: number) => client.get<ParkingAreaTab>(`/property-areas/${areaId}/parking`),
    /** the area's filings, newest first */
    history: (areaId: number, query: ParkingHistoryQuery = {}) => client.get<Page<ParkingFilingView>>(`/property-areas/${areaId}/parking/filings`, q(query)),
    /** 车位信息填报 (the area's project manager): supersedes the current filing */
    file: (areaId: number, body: ParkingFilingRequest) => client.post<ParkingAreaTab>(`/property-areas/${areaId}/parking/filings`, body),
    /** 车位信息统计情况 (region drill-down) */
    statistics: (filter: RegionStatsFilter) => client.get<ParkingStats>('/parking/statistics', q(filter)),
    /** the projects behind one number of 车位信息统计 */
    cells: (query: ParkingCellQuery) => client.get<Page<ParkingCellItem>>('/parking/statistics/cells', q(query)),
    /** 住宅小区车位纠纷类型情况 */
    disputes: (filter: RegionStatsFilter) => client.get<ParkingDisputeStats>('/parking/statistics/disputes', q(filter)),
    /** the projects behind one dispute type (none: any type) */
    disputeAreas: (query: ParkingDisputeAreaQuery) => client.get<Page<ParkingDisputeAreaItem>>('/parking/statistics/disputes/areas', q(query)),
    /** both tables as xlsx: the path to download with the session's token */
    exportPath: (filter: RegionStatsFilter) => `/parking/statistics/export${toQueryString(q(filter))}`,
    /** 提醒更新 to the 负责人 of the filter's projects that never filed */
    remind: (body: ParkingRemindRequest) => client.post<UrgeResult>('/parking/remind-update', body),
  };
}

export type ParkingEndpoints = ReturnType<typeof parkingEndpoints>;
