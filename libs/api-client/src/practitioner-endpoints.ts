import type {
  AreaPractitionersTab,
  CertificateType,
  CompanyPractitionerRow,
  EmployerKind,
  Page,
  PractitionerCellPage,
  PractitionerGender,
  PractitionerItem,
  PractitionerPosition,
  PractitionerProjectCounters,
  PractitionerProjectStats,
  PractitionerRemindRequest,
  PractitionerRemindResult,
  PractitionerStatus,
  RegionStatsFilter,
  RosterFiling,
  XlsxImportMode,
  XlsxImportReport,
} from '@szpm/contract';
import { ApiClient } from './client';
import { QueryValue, toQueryString } from './http';

const q = (query: object | undefined): Record<string, QueryValue> => (query ?? {}) as Record<string, QueryValue>;

/** A certificate as a project manager enters it. */
export interface PractitionerCertificateInput {
  type: CertificateType;
  certNo: string;
  issuedAt: string;
  expiresAt: string;
}

/** A practitioner's fields as a project manager enters them. */
export interface PractitionerInput {
  name: string;
  gender: PractitionerGender;
  idNumber: string;
  phone: string;
  position: PractitionerPosition;
  hiredAt: string;
  isPartyMember?: boolean;
  education?: string | null;
}

/** GET /api/practitioners: a project's people, a company's own staff, or the scope's. */
export interface PractitionerListQuery {
  districtId?: number;
  propertyAreaId?: number;
  companyId?: number;
  employerKind?: EmployerKind;
  position?: PractitionerPosition;
  status?: PractitionerStatus;
  search?: string;
  page?: number;
  pageSize?: number;
}

export interface PractitionerCellQuery extends RegionStatsFilter {
  regionId?: number;
  counter: keyof PractitionerProjectCounters;
  page?: number;
  pageSize?: number;
}

const BASE = '/practitioners';
const areaBase = (areaId: number) => `/property-areas/${areaId}/practitioners`;

/** Chapter 12 从业人员信息. */
export function practitionerEndpoints(client: ApiClient) {
  return {
    /** 项目从业人员统计 (region drill-down) and the rows behind a number */
    statistics: (filter: RegionStatsFilter) => client.get<PractitionerProjectStats>(`${BASE}/statistics`, q(filter)),
    cells: (query: PractitionerCellQuery) => client.get<PractitionerCellPage>(`${BASE}/statistics/cells`, q(query)),
    statisticsExportPath: (filter: RegionStatsFilter) => `${BASE}/statistics/export${toQueryString(q(filter))}`,
    /** 企业从业人员统计, searchable by 企业名称 */
    companies: (query: { districtId?: number; search?: string; page?: number; pageSize?: number }) => client.get<Page<CompanyPractitionerRow>>(`${BASE}/companies`, q(query)),
    list: (query: PractitionerListQuery) => client.get<Page<PractitionerItem>>(BASE, q(query)),
    detail: (id: number) => client.get<PractitionerItem>(`${BASE}/${id}`),
    /** the district's on-duty practitioners (xlsx): the path to download with the session's token */
    exportPath: (query: { districtId?: number; employerKind?: EmployerKind } = {}) => `${BASE}/export${toQueryString(q(query))}`,
    /** 提醒更新 */
    remind: (body: PractitionerRemindRequest) => client.post<PractitionerRemindResult>(`${BASE}/remind`, body),
    /** the area detail's 项目从业人员信息 tab (the project manager's roster too) */
    areaRoster: (areaId: number, query: { status?: PractitionerStatus; page?: number; pageSize?: number } = {}) => client.get<AreaPractitionersTab>(areaBase(areaId), q(query)),
    /** the project manager's roster of an own project */
    add: (areaId: number, body: PractitionerInput & { certificates?: PractitionerCertificateInput[] }) => client.post<PractitionerItem>(areaBase(areaId), body),
    update: (id: number, body: Partial<PractitionerInput>) => client.patch<PractitionerItem>(`${BASE}/${id}`, body),
    leave: (id: number, leftAt: string) => client.post<PractitionerItem>(`${BASE}/${id}/leave`, { leftAt }),
    addCertificate: (id: number, body: PractitionerCertificateInput) => client.post<PractitionerItem>(`${BASE}/${id}/certificates`, body),
    removeCertificate: (id: number, certificateId: number) => client.request<PractitionerItem>('DELETE', `${BASE}/${id}/certificates/${certificateId}`),
    confirm: (areaId: number) => client.post<RosterFiling>(`${areaBase(areaId)}/confirm`, {}),
    templatePath: (areaId: number) => `${areaBase(areaId)}/template`,
    areaExportPath: (areaId: number) => `${areaBase(areaId)}/export`,
    importPath: (areaId: number, options: { dryRun: boolean; mode: XlsxImportMode }) => `${areaBase(areaId)}/import${toQueryString({ dryRun: options.dryRun, mode: options.mode })}`,
    upload: (areaId: number, filePath: string, options: { dryRun: boolean; mode: XlsxImportMode }) =>
      client.upload<XlsxImportReport>(`${areaBase(areaId)}/import${toQueryString({ dryRun: options.dryRun, mode: options.mode })}`, filePath),
  };
}

export type PractitionerEndpoints = ReturnType<typeof practitionerEndpoints>;
