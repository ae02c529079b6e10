import type {
  DisputeCategoryView,
  DisputeDeadlineDefault,
  DisputeDetail,
  DisputeDuplicateQuery,
  DisputeDuplicateResult,
  DisputeEditRequest,
  DisputeHandleRequest,
  DisputeInput,
  DisputeLedgerPage,
  DisputeLedgerQuery,
  DisputeReturnRequest,
  DisputeReviewRequest,
  DisputeVersionRequest,
} from '@szpm/contract';
import { ApiClient, QueryValue } from '@szpm/api-client';
import { apiClient } from './index';

const q = (query: object | undefined): Record<string, QueryValue> => (query ?? {}) as Record<string, QueryValue>;

const BASE = '/disputes';

/**
 * Chapter 22 纠纷化解台账 as the mini-program calls it: the ledger, one case with its 历程, 录入 / 修改 and
 * the case's actions. Kept in the app (like the chapter's pages) rather than in the shared client,
 * which the portal's import, export and statistics pages extend on their side.
 */
export function disputeEndpoints(client: ApiClient) {
  return {
    /** 问题分类: active ones first, by sortOrder */
    categories: () => client.get<DisputeCategoryView[]>(`${BASE}/categories`),
    /** 办理时限 of a category: its working days counted from today */
    deadlineDefault: (categoryId: number) => client.get<DisputeDeadlineDefault>(`${BASE}/deadline-default`, { categoryId }),
    /** earlier cases like the one being typed (any subset of the fields) */
    duplicates: (query: DisputeDuplicateQuery) => client.get<DisputeDuplicateResult>(`${BASE}/duplicates`, q(query)),
    /** 未办结 / 已办结 / 总台账 with the overdue count of the whole filtered ledger */
    ledger: (query: DisputeLedgerQuery) => client.get<DisputeLedgerPage>(BASE, q(query)),
    detail: (id: number) => client.get<DisputeDetail>(`${BASE}/${id}`),
    /** the case a todo names by its workflow case id */
    detailOfCase: (caseId: number) => client.get<DisputeDetail>(`${BASE}/cases/${caseId}`),
    /** 录入 */
    create: (body: DisputeInput) => client.post<DisputeDetail>(BASE, body),
    /** 修改 (the region fields stay as entered) */
    update: (id: number, body: DisputeEditRequest) => client.patch<DisputeDetail>(`${BASE}/${id}`, body),
    /** 转办 to the street office of the case's street */
    transfer: (id: number, body: DisputeVersionRequest) => client.post<DisputeDetail>(`${BASE}/${id}/transfer`, body),
    /** 退回区局 (the street office) */
    returnToDistrict: (id: number, body: DisputeReturnRequest) => client.post<DisputeDetail>(`${BASE}/${id}/return`, body),
    /** 处理 → 办结 / 申请办结 */
    handle: (id: number, body: DisputeHandleRequest) => client.post<DisputeDetail>(`${BASE}/${id}/handle`, body),
    /** 审核: 驳回重报 or 同意办结 */
    review: (id: number, body: DisputeReviewRequest) => client.post<DisputeDetail>(`${BASE}/${id}/review`, body),
  };
}

export type DisputeEndpoints = ReturnType<typeof disputeEndpoints>;

export const disputesApi = disputeEndpoints(apiClient);
