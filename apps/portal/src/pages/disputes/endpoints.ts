/**
 * The chapter 22 api as the portal pages call it: typed calls on the shared ApiClient (same session
 * handling and error mapping as everywhere), and the ledger export, which answers either the file
 * (200) or, for a large ledger, the background job that will produce it (202 → 下载列表).
 */
import { toQueryString, type QueryValue } from '@szpm/api-client';
import {
  type DisputeCategoryStatsRow,
  type DisputeCategoryView,
  type DisputeCounts,
  type DisputeDeadlineDefault,
  type DisputeDetail,
  type DisputeDuplicateQuery,
  type DisputeDuplicateResult,
  type DisputeEditRequest,
  type DisputeExportStart,
  type DisputeHandleRequest,
  type DisputeInput,
  type DisputeLedgerPage,
  type DisputeLedgerQuery,
  type DisputeReturnRequest,
  type DisputeReviewRequest,
  type DisputeStatsFilter,
  type DisputeSummary,
  type Page,
  type PropertyAreaListItem,
  type RegionCellQuery,
  type RegionStats,
  type XlsxImportMode,
} from '@szpm/contract';
import { api, apiClient } from '../../api';
import { fileNameOf } from '../../logic/transfer';

type Query = Record<string, QueryValue>;
const q = (query: object): Query => query as Query;

export const withQuery = (path: string, query: object = {}) => `${path}${toQueryString(q(query))}`;

export const disputesApi = {
  categories: () => apiClient.get<DisputeCategoryView[]>('/disputes/categories'),
  deadlineDefault: (categoryId: number) => apiClient.get<DisputeDeadlineDefault>('/disputes/deadline-default', { categoryId }),
  duplicates: (query: DisputeDuplicateQuery) => apiClient.get<DisputeDuplicateResult>('/disputes/duplicates', q(query)),
  ledger: (query: DisputeLedgerQuery) => apiClient.get<DisputeLedgerPage>('/disputes', q(query)),
  detail: (id: number) => apiClient.get<DisputeDetail>(`/disputes/${id}`),
  /** the case a todo carries (its workflow case id) */
  detailByCase: (caseId: number) => apiClient.get<DisputeDetail>(`/disputes/cases/${caseId}`),
  create: (body: DisputeInput) => apiClient.post<DisputeDetail>('/disputes', body),
  update: (id: number, body: DisputeEditRequest) => apiClient.patch<DisputeDetail>(`/disputes/${id}`, body),
  transfer: (id: number, version: number) => apiClient.post<DisputeDetail>(`/disputes/${id}/transfer`, { version }),
  returnToDistrict: (id: number, body: DisputeReturnRequest) => apiClient.post<DisputeDetail>(`/disputes/${id}/return`, body),
  handle: (id: number, body: DisputeHandleRequest) => apiClient.post<DisputeDetail>(`/disputes/${id}/handle`, body),
  review: (id: number, body: DisputeReviewRequest) => apiClient.post<DisputeDetail>(`/disputes/${id}/review`, body),
  statistics: (filter: DisputeStatsFilter) => apiClient.get<RegionStats<DisputeCounts>>('/disputes/statistics', q(filter)),
  statisticsCells: (query: DisputeStatsFilter & RegionCellQuery) => apiClient.get<Page<DisputeSummary>>('/disputes/statistics/cells', q(query)),
  categoryStatistics: (filter: DisputeStatsFilter) => apiClient.get<DisputeCategoryStatsRow[]>('/disputes/statistics/categories', q(filter)),
  /** 已办结台账导入: the template, and the upload path of the kit's import (dry run first) */
  importTemplatePath: '/disputes/import/template',
  importPath: (options: { dryRun: boolean; mode: XlsxImportMode }) => withQuery('/disputes/import', options),
  statisticsExportPath: (filter: DisputeStatsFilter) => withQuery('/disputes/statistics/export', filter),
  /** 小区名称 of one community (the entry form's picker), searched by name as typed */
  propertyAreas: (communityId: number, search?: string) => api.propertyAreas.list({ communityId, search: search || undefined, pageSize: 100 }).then((page) => page.items as PropertyAreaListItem[]),
};

/** What 导出 answered: the file, saved under the server's name, or the background job producing it. */
export type LedgerExportAnswer = { kind: 'file'; fileName: string } | { kind: 'background'; start: DisputeExportStart };

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** GET /api/disputes/export with the ledger's filters: 200 is the xlsx (saved at once), 202 the background job. */
export async function exportLedger(query: DisputeLedgerQuery, fallbackName: string): Promise<LedgerExportAnswer> {
  const response = await apiClient.exchange(async (headers) => {
    const answer = await fetch(apiClient.baseUrl + withQuery('/disputes/export', query), { headers, credentials: 'same-origin' });
    const file = answer.status === 200;
    return { status: answer.status, body: file ? await answer.blob() : await answer.text(), disposition: answer.headers.get('content-disposition') };
  });
  if (response.status === 202) return { kind: 'background', start: JSON.parse(response.body as string) as DisputeExportStart };
  const fileName = fileNameOf(response.disposition, fallbackName);
  save(response.body as Blob, fileName);
  return { kind: 'file', fileName };
}
