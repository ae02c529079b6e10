import type {
  DiscontentSummary,
  EvaluationAreaRow,
  EvaluationCounter,
  EvaluationCounts,
  EvaluationRanking,
  EvaluationRecordView,
  EvaluationTarget,
  OwnerBindConfirmRequest,
  OwnerBindRequest,
  OwnerDevLoginRequest,
  OwnerEvaluationForm,
  OwnerEvaluationView,
  OwnerMe,
  OwnerSession,
  OwnerWechatLoginRequest,
  Page,
  RankingSubject,
  RegionStats,
  SmsCodeSentResponse,
  SubmitOwnerEvaluationRequest,
  UrgeEvaluationRequest,
  UrgeResult,
} from '@szpm/contract';
import { ApiClient } from './client';
import { QueryValue, toQueryString } from './http';

const q = (query: object | undefined): Record<string, QueryValue> => (query ?? {}) as Record<string, QueryValue>;

/**
 * The owners' side (我的小区): a client of its own, holding the owner's token (`typ: owner`), which
 * opens /api/owner only.
 */
export function ownerEndpoints(client: ApiClient) {
  return {
    wechatLogin: (body: OwnerWechatLoginRequest) => client.post<OwnerSession>('/owner/session/wechat', body, { auth: false }),
    /** embedded mode only */
    devLogin: (body: OwnerDevLoginRequest) => client.post<OwnerSession>('/owner/session/dev', body, { auth: false }),
    me: () => client.get<OwnerMe>('/owner/me'),
    sendBindCode: (body: OwnerBindRequest) => client.post<SmsCodeSentResponse>('/owner/bindings/sms-code', body),
    bind: (body: OwnerBindConfirmRequest) => client.post<OwnerMe>('/owner/bindings', body),
    unbind: (bindingId: number) => client.request<OwnerMe>('DELETE', `/owner/bindings/${bindingId}`),
    evaluationForm: (houseId: number, target: EvaluationTarget) => client.get<OwnerEvaluationForm>('/owner/evaluations/form', { houseId, target }),
    submitEvaluation: (body: SubmitOwnerEvaluationRequest) => client.post<OwnerEvaluationView>('/owner/evaluations', body),
    myEvaluations: (query: { page?: number; pageSize?: number } = {}) => client.get<Page<OwnerEvaluationView>>('/owner/evaluations', q(query)),
  };
}

export type OwnerEndpoints = ReturnType<typeof ownerEndpoints>;

/** GET /api/owner-evaluations/statistics: a month, or the whole year without one */
export interface EvaluationStatsQuery {
  target: EvaluationTarget;
  districtId?: number;
  streetId?: number;
  communityId?: number;
  year?: number;
  month?: number;
}

export interface EvaluationRecordsQuery {
  target: EvaluationTarget;
  propertyAreaId?: number;
  companyId?: number;
  year?: number;
  month?: number;
  stars?: number;
  page?: number;
  pageSize?: number;
}

const BASE = '/owner-evaluations';

/** Chapter 9 业主评价情况: officers' ranking and statistics, the evaluated side's replies. */
export function ownerEvaluationEndpoints(client: ApiClient) {
  return {
    ranking: (query: { subject: RankingSubject; month?: string; order?: 'desc' | 'asc'; page?: number; pageSize?: number }) => client.get<EvaluationRanking>(`${BASE}/ranking`, q(query)),
    statistics: (query: EvaluationStatsQuery) => client.get<RegionStats<EvaluationCounts>>(`${BASE}/statistics`, q(query)),
    cells: (query: EvaluationStatsQuery & { regionId?: number; counter: EvaluationCounter; page?: number; pageSize?: number }) => client.get<Page<EvaluationAreaRow>>(`${BASE}/statistics/cells`, q(query)),
    discontent: (query: EvaluationStatsQuery) => client.get<DiscontentSummary>(`${BASE}/statistics/discontent`, q(query)),
    statisticsExportPath: (query: EvaluationStatsQuery) => `${BASE}/statistics/export${toQueryString(q(query))}`,
    records: (query: EvaluationRecordsQuery) => client.get<Page<EvaluationRecordView>>(`${BASE}/records`, q(query)),
    urge: (body: UrgeEvaluationRequest) => client.post<UrgeResult>(`${BASE}/urge`, body),
    /** the project manager's (company's, committee's) evaluations to reply to; UNREPLIED by default */
    replies: (query: { status?: 'UNREPLIED' | 'REPLIED' | 'ALL'; month?: string; page?: number; pageSize?: number }) => client.get<Page<EvaluationRecordView>>(`${BASE}/replies`, q(query)),
    reply: (id: number, content: string) => client.post<EvaluationRecordView>(`${BASE}/records/${id}/reply`, { content }),
  };
}
