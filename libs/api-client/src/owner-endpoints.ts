import type {
  CastBallotRequest,
  CheckVoteRequest,
  CreateVoteRequest,
  DecisionCategory,
  ExtendVoteRequest,
  OwnerVoteView,
  PaperBallotsRequest,
  PaperBallotsResult,
  UpdateVoteRequest,
  VoteDetail,
  VoteListItem,
  VoteMeetingCounter,
  VoteMeetingCounts,
  VoteMeetingType,
  VoteState,
  VoteTopicCounter,
  VoteTopicCounts,
  VoteTopicListItem,
  VoteUsageAreaRow,
  VoteUsageCounter,
  VoteUsageCounts,
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
    votes: () => client.get<VoteListItem[]>('/owner/votes'),
    vote: (id: number) => client.get<OwnerVoteView>(`/owner/votes/${id}`),
    castBallot: (id: number, body: CastBallotRequest) => client.post<OwnerVoteView>(`/owner/votes/${id}/ballots`, body),
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

/** GET /api/owner-decisions/statistics/{usage|meetings|topics}: the region filter and the year of the votes' begin */
export interface VoteStatsQuery {
  districtId?: number;
  streetId?: number;
  communityId?: number;
  year?: number;
}

export type VoteCellQuery<C extends string> = { regionId?: number; counter: C; page?: number; pageSize?: number };

const VOTES = '/owner-decisions/votes';
const VOTE_STATS = '/owner-decisions/statistics';

/** Chapter 10 业主决策情况: conveners' votes (业委会, 街道办), the street's check, and the officers' statistics. */
export function ownerDecisionEndpoints(client: ApiClient) {
  return {
    list: (query: { state?: VoteState; category?: DecisionCategory; propertyAreaId?: number; page?: number; pageSize?: number } = {}) => client.get<Page<VoteListItem>>(VOTES, q(query)),
    detail: (id: number) => client.get<VoteDetail>(`${VOTES}/${id}`),
    /** an owners' committee account: its own areas' votes (it holds no module grant) */
    convened: (query: { state?: VoteState; propertyAreaId?: number; page?: number; pageSize?: number } = {}) => client.get<Page<VoteListItem>>(`${VOTES}/convened`, q(query)),
    convenedDetail: (id: number) => client.get<VoteDetail>(`${VOTES}/convened/${id}`),
    create: (body: CreateVoteRequest) => client.post<VoteDetail>(VOTES, body),
    update: (id: number, body: UpdateVoteRequest) => client.patch<VoteDetail>(`${VOTES}/${id}`, body),
    submit: (id: number) => client.post<VoteDetail>(`${VOTES}/${id}/submit`, {}),
    check: (id: number, body: CheckVoteRequest) => client.post<VoteDetail>(`${VOTES}/${id}/check`, body),
    extend: (id: number, body: ExtendVoteRequest) => client.post<VoteDetail>(`${VOTES}/${id}/extension`, body),
    paperBallots: (id: number, body: PaperBallotsRequest) => client.post<PaperBallotsResult>(`${VOTES}/${id}/paper-ballots`, body),
    usage: (query: VoteStatsQuery = {}) => client.get<RegionStats<VoteUsageCounts>>(`${VOTE_STATS}/usage`, q(query)),
    usageCells: (query: VoteStatsQuery & VoteCellQuery<VoteUsageCounter>) => client.get<Page<VoteUsageAreaRow>>(`${VOTE_STATS}/usage/cells`, q(query)),
    meetings: (query: VoteStatsQuery & { meetingType?: VoteMeetingType } = {}) => client.get<RegionStats<VoteMeetingCounts>>(`${VOTE_STATS}/meetings`, q(query)),
    meetingCells: (query: VoteStatsQuery & { meetingType?: VoteMeetingType } & VoteCellQuery<VoteMeetingCounter>) => client.get<Page<VoteListItem>>(`${VOTE_STATS}/meetings/cells`, q(query)),
    topics: (query: VoteStatsQuery & { category?: DecisionCategory } = {}) => client.get<RegionStats<VoteTopicCounts>>(`${VOTE_STATS}/topics`, q(query)),
    topicCells: (query: VoteStatsQuery & { category?: DecisionCategory } & VoteCellQuery<VoteTopicCounter>) => client.get<Page<VoteTopicListItem>>(`${VOTE_STATS}/topics/cells`, q(query)),
    /** the xlsx of one table as on screen (合计 last) */
    exportPath: (table: 'usage' | 'meetings' | 'topics', query: VoteStatsQuery & { meetingType?: VoteMeetingType; category?: DecisionCategory } = {}) => `${VOTE_STATS}/${table}/export${toQueryString(q(query))}`,
  };
}
