/**
 * The chapter 5 api as the portal pages call it: the shared client's `api.propertyAreas` for what it
 * has (registry, tabs, facility reads, change requests), and typed calls on the same ApiClient for
 * the facility ledger's writes and sheets, which only the portal uses — so session handling and
 * error mapping are the same as everywhere.
 */
import { toQueryString, type QueryValue } from '@szpm/api-client';
import { XlsxImportMode, type AreaCaseView, type WorkflowStatus, type DueFacilityItem, type FacilityItem, type FacilityMaintenanceView, type FacilityTypeNode, type Page } from '@szpm/contract';
import { api, apiClient } from '../../api';
import type { AreaListQuery, FacilityBody, FacilityListQuery, MaintenanceBody } from './logic';

type Query = Record<string, QueryValue>;
const q = (query: object): Query => query as Query;

/** a path with its query, for uploads and downloads */
export const withQuery = (path: string, query: object = {}) => `${path}${toQueryString(q(query))}`;

const areas = api.propertyAreas;

export const areasApi = {
  list: (query: AreaListQuery) => areas.list(query),
  detail: areas.detail,
  buildings: areas.buildings,
  units: areas.units,
  houses: areas.houses,
};

export const facilitiesApi = {
  types: () => apiClient.get<FacilityTypeNode[]>('/facility-types'),
  list: (areaId: number, query: FacilityListQuery) => areas.facilities(areaId, query),
  statistics: (areaId: number) => areas.facilityStatistics(areaId),
  detail: (id: number) => areas.facility(id),
  create: (areaId: number, body: FacilityBody) => apiClient.post<FacilityItem>(`/property-areas/${areaId}/facilities`, body),
  update: (id: number, body: Partial<FacilityBody>) => apiClient.patch<FacilityItem>(`/facilities/${id}`, body),
  remove: (id: number) => apiClient.request<void>('DELETE', `/facilities/${id}`),
  enable: (id: number) => apiClient.post<FacilityItem>(`/facilities/${id}/enable`),
  disable: (id: number) => apiClient.post<FacilityItem>(`/facilities/${id}/disable`),
  addMaintenance: (id: number, body: MaintenanceBody) => apiClient.post<FacilityMaintenanceView>(`/facilities/${id}/maintenance-records`, body),
  due: (query: { propertyAreaId?: number; withinDays?: number; page?: number; pageSize?: number }) => apiClient.get<Page<DueFacilityItem>>('/facilities/due', q(query)),
  maintenanceAttachmentPath: (id: number, recordId: number, attachmentId: number) => `/facilities/${id}/maintenance-records/${recordId}/attachments/${attachmentId}`,
  templatePath: (areaId: number) => `/property-areas/${areaId}/facilities/template`,
  importPath: (areaId: number, options: { dryRun: boolean; mode: XlsxImportMode }) => withQuery(`/property-areas/${areaId}/facilities/import`, options),
  exportPath: (areaId: number) => `/property-areas/${areaId}/facilities/export`,
};

/** GET /api/property-areas/change-requests query (the shared client's, with the filters the lists offer) */
export interface AreaCaseQuery {
  view: AreaCaseView;
  page: number;
  pageSize: number;
  status?: WorkflowStatus;
  formType?: string;
  search?: string;
}

export const changesApi = {
  fieldRules: areas.fieldRules,
  submit: areas.requestChange,
  // formType rides along as a query parameter (the api filters 审批列表 by it)
  cases: (query: AreaCaseQuery) => areas.changeRequests(query),
};
