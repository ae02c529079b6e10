import type {
  AreaCasePage,
  AreaCaseView,
  AreaChangeRequest,
  AreaChangeResult,
  AreaFieldRule,
  BuildingNode,
  CoordinateStatus,
  FacilityDetail,
  FacilityItem,
  FacilityStatistics,
  HouseItem,
  Page,
  ProjectManagerChangePayloadView,
  ProjectManagerChangeRequest,
  ProjectRegistrationPayloadView,
  ProjectRegistrationRequest,
  PropertyAreaDetail,
  PropertyAreaListItem,
  PropertyAreaSort,
  PropertyAreaStats,
  RegionCellQuery,
  RegionStatsFilter,
  UnitNode,
  WorkflowCaseDetail,
  WorkflowStatus,
} from '@szpm/contract';
import { ApiClient } from './client';
import { QueryValue, toQueryString } from './http';

const q = (query: object | undefined): Record<string, QueryValue> => (query ?? {}) as Record<string, QueryValue>;

/** GET /api/property-areas: 物业区域管理's four search keys (each alone or combined), the map rectangle, paging and sorting. */
export interface PropertyAreaListQuery extends RegionStatsFilter {
  /** 物业区域名称 contains */
  search?: string;
  coordinateStatus?: CoordinateStatus;
  layer?: string;
  /** 物业服务企业 name contains */
  companySearch?: string;
  /** 开发建设单位 name contains */
  developerSearch?: string;
  /** the map rectangle: all four or none (the centroid lies inside) */
  swLng?: number;
  swLat?: number;
  neLng?: number;
  neLat?: number;
  sort?: PropertyAreaSort;
  order?: 'ASC' | 'DESC';
  page?: number;
  pageSize?: number;
}

/** GET /api/property-areas/:id/houses: one building's houses, or one unit's. */
export interface HouseQuery {
  buildingId?: number;
  unitNo?: string;
  page?: number;
  pageSize?: number;
}

/** GET /api/property-areas/:id/facilities */
export interface FacilityListQuery {
  typeId?: number;
  enabled?: boolean;
  /** 名称、注册代码或位置 contains */
  search?: string;
  page?: number;
  pageSize?: number;
}

/** 审批列表 / 查看申请记录 / 我的申请 */
export interface AreaCaseQuery {
  view?: AreaCaseView;
  status?: WorkflowStatus;
  search?: string;
  page?: number;
  pageSize?: number;
}

const BASE = '/property-areas';

/** Chapter 5 项目管理: the registry, its six tabs and 本区项目统计 (mini-program and portal). */
export function propertyAreaEndpoints(client: ApiClient) {
  return {
    list: (query: PropertyAreaListQuery) => client.get<Page<PropertyAreaListItem>>(BASE, q(query)),
    /** 我的项目 (project managers, property companies, owners' committees): the areas they are bound to */
    mine: () => client.get<PropertyAreaListItem[]>(`${BASE}/mine`),
    detail: (id: number) => client.get<PropertyAreaDetail>(`${BASE}/${id}`),
    /** 房屋信息, lazily: 楼栋 → 单元 → 房屋 */
    buildings: (id: number) => client.get<BuildingNode[]>(`${BASE}/${id}/buildings`),
    units: (id: number, buildingId: number) => client.get<UnitNode[]>(`${BASE}/${id}/buildings/${buildingId}/units`),
    houses: (id: number, query: HouseQuery) => client.get<Page<HouseItem>>(`${BASE}/${id}/houses`, q(query)),
    /** 共有资金 / 车位 / 从业人员: the tab of a chapter that has not landed answers its honest empty state */
    /** 设施设备信息: the area's ledger, its statistics per type, one facility with its maintenance records */
    facilities: (id: number, query: FacilityListQuery) => client.get<Page<FacilityItem>>(`${BASE}/${id}/facilities`, q(query)),
    facilityStatistics: (id: number) => client.get<FacilityStatistics>(`${BASE}/${id}/facilities/statistics`),
    facility: (facilityId: number) => client.get<FacilityDetail>(`/facilities/${facilityId}`),
    /** the field catalogue: which fields an officer may edit, and which need the city bureau's approval */
    fieldRules: () => client.get<AreaFieldRule[]>(`${BASE}/field-rules`),
    /** 编辑: free fields apply at once, the others become a change request the city bureau reviews */
    requestChange: (id: number, body: AreaChangeRequest) => client.post<AreaChangeResult>(`${BASE}/${id}/change-requests`, body),
    /** 审批列表 (view reviewing) and 查看申请记录 (view submitted) */
    changeRequests: (query: AreaCaseQuery) => client.get<AreaCasePage>(`${BASE}/change-requests`, q(query)),
    /** 项目登记 (counterpart accounts): a new project, or the update of an own one; reviewed by the district */
    register: (body: ProjectRegistrationRequest) => client.post<WorkflowCaseDetail<ProjectRegistrationPayloadView>>(`${BASE}/registrations`, body),
    /** 项目经理变更 of an own project (counterpart accounts); reviewed by the district */
    changeManager: (id: number, body: ProjectManagerChangeRequest) => client.post<WorkflowCaseDetail<ProjectManagerChangePayloadView>>(`${BASE}/${id}/manager-changes`, body),
    /** 我的申请 (counterpart accounts): the registrations and manager changes they filed, with their status */
    myApplications: (query: AreaCaseQuery = {}) => client.get<AreaCasePage>(`${BASE}/applications/mine`, q(query)),
    /** 本区项目统计 (region drill-down) */
    statistics: (filter: RegionStatsFilter) => client.get<PropertyAreaStats>(`${BASE}/statistics`, q(filter)),
    /** the areas behind one number of the statistics */
    statisticsCells: (query: RegionCellQuery) => client.get<Page<PropertyAreaListItem>>(`${BASE}/statistics/cells`, q(query)),
    /** the statistics as xlsx: the path to download with the session's token */
    statisticsExportPath: (filter: RegionStatsFilter) => `${BASE}/statistics/export${toQueryString(q(filter))}`,
  };
}

export type PropertyAreaEndpoints = ReturnType<typeof propertyAreaEndpoints>;
