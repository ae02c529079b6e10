import type {
  CopySafetyTemplateRequest,
  CreateNoticeTypeRequest,
  CreateSafetyTemplateRequest,
  NoticeTypeQuery,
  ReceivedNoticeItem,
  ReceivedNoticeQuery,
  SafetyAreaCandidate,
  SafetyAreaCandidateQuery,
  SafetyTemplateDetail,
  UpdateNoticeTypeRequest,
  UpdateSafetyTemplateRequest,
  InboxMessage,
  PageQuery,
  InspectionListQuery,
  LaunchInspectionRequest,
  NoticeAudienceCount,
  NoticeAudienceRequest,
  NoticeDetail,
  NoticeRecipientItem,
  NoticeRecipientQuery,
  NoticeRecipientStats,
  NoticeRecipientStatsQuery,
  NoticeStatisticsQuery,
  NoticeStatisticsSummary,
  NoticeTypeView,
  NoticeUrgeResult,
  PublishNoticeRequest,
  ReceivedNoticeDetail,
  RegionNode,
  SafetyAreaStatsItem,
  SafetyAreaStatsQuery,
  SafetyCompanyStatsItem,
  SafetyCompanyStatsQuery,
  SafetyFacilityStatsItem,
  SafetyInspectionDetail,
  SafetyInspectionListItem,
  SafetyOverviewQuery,
  SafetyRegionStats,
  SafetyCellItem,
  RegionCellQuery,
  SafetyTemplateListItem,
  SafetyTemplateQuery,
  SafetyUrgeResult,
  SentNoticeMessage,
  SentNoticeQuery,
  UrgeInspectionRequest,
  SafetyTaskQuery,
  SafetyTaskItem,
  SafetyTargetForm,
  SaveSafetyResultsRequest,
  SubmitSafetyResultsRequest,
  ObjectionQuery,
  ObjectionListItem,
  ObjectionDetail,
  ResubmitObjectionRequest,
  BadRecordCircumstanceView,
  BadRecordDetail,
  BadRecordDeterminationRequest,
  BadRecordItemView,
  BadRecordListItem,
  BadRecordPreview,
  BadRecordSearchQuery,
  BindResponse,
  ChangePasswordRequest,
  CancelOwnAccountRequest,
  ConfirmBindRequest,
  CreateDelegationRequest,
  DelegateCandidate,
  DelegatedModule,
  DelegationQuery,
  DelegationView,
  DevSmsOutboxItem,
  DevWechatLoginRequest,
  DevWechatLoginResponse,
  DevWechatStatus,
  EvaluationSubjectQuery,
  EvaluationSubjectView,
  GoodRecordItemView,
  LinkCandidatesQuery,
  LoginRequest,
  MeResponse,
  Page,
  PublicBadRecord,
  PublicDistrict,
  PublicitySearchQuery,
  PublicRiskListEntry,
  RecordPreviewRequest,
  RecordSearchQuery,
  RiskListDeterminationRequest,
  RiskListEntryDetail,
  RiskListEntryListItem,
  RiskListCircumstanceView,
  RiskListItemView,
  RiskListPreview,
  ScoreDetail,
  ScoreListItem,
  ScoreListQuery,
  ScoringRulesView,
  SendBindCodeRequest,
  SmsCodeSentResponse,
  StaffDetail,
  StaffListItem,
  StaffQuery,
  TodoCounts,
  TodoCountsQuery,
  TodoQuery,
  LoginResponse,
  UnitAccountListItem,
  UnitAccountsQuery,
  UnitCategory,
  UnitCategoryStats,
  UnitListItem,
  UnitsQuery,
  UpdateOwnProfileRequest,
  UploadedAttachment,
  UrgeBindingRequest,
  UrgeBindingResult,
  WechatAuthorizeUrlResponse,
  WechatCodeRequest,
  WechatLoginResponse,
  WithdrawalRequest,
  WorkflowActionRequest,
  WorkflowCaseDetail,
  WorkflowCaseQuery,
  WorkflowCaseSummary,
  WorkflowFormTypeInfo,
  XlsxImportMode,
} from '@szpm/contract';
import { EvaluationSubjectType } from '@szpm/contract';
import { adminEndpoints } from './admin-endpoints';
import { propertyAreaEndpoints } from './property-area-endpoints';
import { practitionerEndpoints } from './practitioner-endpoints';
import { commonFundEndpoints } from './common-fund-endpoints';
import { parkingEndpoints } from './parking-endpoints';
import { ownerDecisionEndpoints, ownerEvaluationEndpoints } from './owner-endpoints';
import { ApiClient } from './client';
import { QueryValue, toQueryString } from './http';

type Query = Record<string, QueryValue>;
const q = (query: object | undefined): Query => (query ?? {}) as Query;

/** Which kind of evaluation record a screen is about. */
export type EvaluationRecordKind = 'bad-record' | 'risk-list';
const RECORD_BASE: Record<EvaluationRecordKind, string> = {
  'bad-record': '/service-evaluation/bad-records',
  'risk-list': '/service-evaluation/risk-list',
};

/** GET /api/service-evaluation/catalogue/*: only what applies to one kind of subject; with disabled entries when maintaining. */
export interface CatalogueQuery {
  subjectType?: EvaluationSubjectType;
  includeDisabled?: boolean;
}

/** The editable fields of the catalogue (city admins), as the views name them; an absent field keeps its value. */
type Editable<V, K extends keyof V> = Pick<V, K>;
type CatalogueEntryFields = 'code' | 'enabled' | 'sortOrder';
export type BadRecordItemInput = Editable<BadRecordItemView, CatalogueEntryFields | 'name' | 'subjectType' | 'countOncePerYear'>;
export type BadRecordCircumstanceInput = Editable<BadRecordCircumstanceView, CatalogueEntryFields | 'description' | 'level' | 'points' | 'publicityMonths'>;
export type RiskListItemInput = Editable<RiskListItemView, CatalogueEntryFields | 'name' | 'subjectType'>;
export type RiskListCircumstanceInput = Editable<RiskListCircumstanceView, CatalogueEntryFields | 'description' | 'publicityMonths'>;
export type GoodRecordItemInput = Editable<GoodRecordItemView, CatalogueEntryFields | 'name' | 'subjectType' | 'points'>;
export type ScoringRulesInput = Pick<ScoringRulesView, 'cycleKind' | 'basicScoreMax' | 'goodRecordCap' | 'grades'>;

const CATALOGUE = '/service-evaluation/catalogue';

/** Every endpoint the mini-program and the portal call, typed with the api contract. */
export function createEndpoints(client: ApiClient) {
  return {
    admin: adminEndpoints(client),
    /** chapter 5 项目管理 (property-area-endpoints.ts) */
    propertyAreas: propertyAreaEndpoints(client),
    /** chapter 12 从业人员信息 (practitioner-endpoints.ts) */
    practitioners: practitionerEndpoints(client),
    /** chapter 11 共有资金 (common-fund-endpoints.ts) */
    commonFunds: commonFundEndpoints(client),
    /** chapter 13 车位信息 (parking-endpoints.ts) */
    parking: parkingEndpoints(client),
    /** chapter 9 业主评价情况 (owner-endpoints.ts) */
    ownerEvaluations: ownerEvaluationEndpoints(client),
    /** chapter 10 业主决策情况 (owner-endpoints.ts) */
    ownerDecisions: ownerDecisionEndpoints(client),
    auth: {
      login: (body: LoginRequest) => client.post<LoginResponse>('/auth/login', body, { auth: false }),
      logout: (refreshToken: string) => client.post<void>('/auth/logout', { refreshToken }, { auth: false }),
      me: () => client.get<MeResponse>('/auth/me'),
      /** every session of the account ends, this one too */
      changePassword: (body: ChangePasswordRequest) => client.post<void>('/auth/change-password', body),
    },
    identity: {
      oaAuthorizeUrl: (state: string) => client.request<WechatAuthorizeUrlResponse>('GET', '/identity/wechat/oa/authorize-url', { query: { state }, auth: false }),
      oaLogin: (body: WechatCodeRequest) => client.post<WechatLoginResponse>('/identity/wechat/oa/login', body, { auth: false }),
      miniLogin: (body: WechatCodeRequest) => client.post<WechatLoginResponse>('/identity/wechat/mini/login', body, { auth: false }),
      sendBindCode: (body: SendBindCodeRequest) => client.post<SmsCodeSentResponse>('/identity/bind/sms-code', body, { auth: false }),
      bind: (body: ConfirmBindRequest) => client.post<BindResponse>('/identity/bind', body, { auth: false }),
      devWechatStatus: () => client.request<DevWechatStatus>('GET', '/identity/wechat/dev', { auth: false }),
      devWechatLogin: (body: DevWechatLoginRequest) => client.post<DevWechatLoginResponse>('/identity/wechat/dev/login', body, { auth: false }),
      devSmsOutbox: (phone: string) => client.request<DevSmsOutboxItem[]>('GET', '/identity/dev/sms-outbox', { query: { phone }, auth: false }),
    },
    todos: {
      list: (query: TodoQuery) => client.get<Page<WorkflowCaseSummary>>('/todos', q(query)),
      counts: (query: TodoCountsQuery = {}) => client.get<TodoCounts>('/todos/counts', q(query)),
    },
    workflow: {
      formTypes: () => client.get<WorkflowFormTypeInfo[]>('/workflow/form-types'),
      cases: (query: WorkflowCaseQuery) => client.get<Page<WorkflowCaseSummary>>('/workflow/cases', q(query)),
      detail: (id: number) => client.get<WorkflowCaseDetail>(`/workflow/cases/${id}`),
      act: (id: number, body: WorkflowActionRequest) => client.post<WorkflowCaseDetail>(`/workflow/cases/${id}/actions`, body),
      upload: (filePath: string, fileName?: string) => client.upload<UploadedAttachment>('/attachments', filePath, fileName),
    },
    evaluation: {
      subjects: (query: EvaluationSubjectQuery) => client.get<Page<EvaluationSubjectView>>('/service-evaluation/subjects', q(query)),
      badRecordItems: (query: CatalogueQuery = {}) => client.get<BadRecordItemView[]>(`${CATALOGUE}/bad-record-items`, q(query)),
      riskListItems: (query: CatalogueQuery = {}) => client.get<RiskListItemView[]>(`${CATALOGUE}/risk-list-items`, q(query)),
      goodRecordItems: (query: CatalogueQuery = {}) => client.get<GoodRecordItemView[]>(`${CATALOGUE}/good-record-items`, q(query)),
      /** 评价目录 (city admins): items and their circumstances; PATCH with enabled false 停用 */
      catalogue: {
        createBadRecordItem: (body: Partial<BadRecordItemInput> & Pick<BadRecordItemInput, 'code' | 'name'>) => client.post<BadRecordItemView>(`${CATALOGUE}/bad-record-items`, body),
        updateBadRecordItem: (id: number, body: Partial<BadRecordItemInput>) => client.patch<BadRecordItemView>(`${CATALOGUE}/bad-record-items/${id}`, body),
        createBadRecordCircumstance: (itemId: number, body: Partial<BadRecordCircumstanceInput> & Pick<BadRecordCircumstanceInput, 'code' | 'description' | 'level' | 'points' | 'publicityMonths'>) =>
          client.post<BadRecordCircumstanceView>(`${CATALOGUE}/bad-record-items/${itemId}/circumstances`, body),
        updateBadRecordCircumstance: (id: number, body: Partial<BadRecordCircumstanceInput>) => client.patch<BadRecordCircumstanceView>(`${CATALOGUE}/bad-record-circumstances/${id}`, body),
        createRiskListItem: (body: Partial<RiskListItemInput> & Pick<RiskListItemInput, 'code' | 'name'>) => client.post<RiskListItemView>(`${CATALOGUE}/risk-list-items`, body),
        updateRiskListItem: (id: number, body: Partial<RiskListItemInput>) => client.patch<RiskListItemView>(`${CATALOGUE}/risk-list-items/${id}`, body),
        createRiskListCircumstance: (itemId: number, body: Partial<RiskListCircumstanceInput> & Pick<RiskListCircumstanceInput, 'code' | 'description' | 'publicityMonths'>) =>
          client.post<RiskListCircumstanceView>(`${CATALOGUE}/risk-list-items/${itemId}/circumstances`, body),
        updateRiskListCircumstance: (id: number, body: Partial<RiskListCircumstanceInput>) => client.patch<RiskListCircumstanceView>(`${CATALOGUE}/risk-list-circumstances/${id}`, body),
        createGoodRecordItem: (body: Partial<GoodRecordItemInput> & Pick<GoodRecordItemInput, 'code' | 'name' | 'points'>) => client.post<GoodRecordItemView>(`${CATALOGUE}/good-record-items`, body),
        updateGoodRecordItem: (id: number, body: Partial<GoodRecordItemInput>) => client.patch<GoodRecordItemView>(`${CATALOGUE}/good-record-items/${id}`, body),
        updateScoringRules: (body: ScoringRulesInput) => client.request<ScoringRulesView>('PUT', '/service-evaluation/scoring-rules', { body }),
        /** the bad-record catalogue as xlsx (template / export): paths to download with the session's token */
        badRecordTemplatePath: `${CATALOGUE}/bad-record-items/import-template`,
        badRecordExportPath: `${CATALOGUE}/bad-record-items/export`,
        /** the multipart upload path of the import (dryRun: check only, nothing written) */
        badRecordImportPath: (options: { dryRun: boolean; mode: XlsxImportMode }) => `${CATALOGUE}/bad-record-items/import${toQueryString({ dryRun: options.dryRun, mode: options.mode })}`,
      },
      scoringRules: () => client.get<ScoringRulesView>('/service-evaluation/scoring-rules'),
      previewBadRecord: (body: RecordPreviewRequest) => client.post<BadRecordPreview>('/service-evaluation/bad-records/preview', body),
      previewRiskList: (body: RecordPreviewRequest) => client.post<RiskListPreview>('/service-evaluation/risk-list/preview', body),
      determineBadRecord: (body: BadRecordDeterminationRequest) => client.post<WorkflowCaseDetail>('/service-evaluation/bad-records/determinations', body),
      determineRiskList: (body: RiskListDeterminationRequest) => client.post<WorkflowCaseDetail>('/service-evaluation/risk-list/determinations', body),
      linkCandidates: (query: LinkCandidatesQuery) => client.get<BadRecordListItem[]>('/service-evaluation/bad-records/link-candidates', q(query)),
      badRecords: (query: BadRecordSearchQuery) => client.get<Page<BadRecordListItem>>('/service-evaluation/bad-records', q(query)),
      badRecord: (id: number) => client.get<BadRecordDetail>(`/service-evaluation/bad-records/${id}`),
      riskList: (subjectType: EvaluationSubjectType, query: RecordSearchQuery) =>
        client.get<Page<RiskListEntryListItem>>(`/service-evaluation/risk-list/${subjectType === EvaluationSubjectType.COMPANY ? 'companies' : 'project-managers'}`, q(query)),
      riskListEntry: (id: number) => client.get<RiskListEntryDetail>(`/service-evaluation/risk-list/${id}`),
      /** 撤销 (revocations) or 恢复 (restorations) of a bad record or a risk-list entry */
      withdraw: (kind: EvaluationRecordKind, id: number, mode: 'revocations' | 'restorations', body: WithdrawalRequest) =>
        client.post<WorkflowCaseDetail>(`${RECORD_BASE[kind]}/${id}/${mode}`, body),
      scores: (query: ScoreListQuery) => client.get<Page<ScoreListItem>>('/service-evaluation/scores', q(query)),
      score: (subjectType: EvaluationSubjectType, subjectId: number, cycle?: string) =>
        client.get<ScoreDetail>(`/service-evaluation/scores/${subjectType}/${subjectId}`, { cycle }),
      publicBadRecords: (query: PublicitySearchQuery) =>
        client.request<Page<PublicBadRecord>>('GET', '/service-evaluation/publicity/bad-records', { query: q(query), auth: false }),
      publicRiskList: (query: PublicitySearchQuery) =>
        client.request<Page<PublicRiskListEntry>>('GET', '/service-evaluation/publicity/risk-list', { query: q(query), auth: false }),
      publicDistricts: () => client.request<PublicDistrict[]>('GET', '/service-evaluation/publicity/districts', { auth: false }),
    },
    delegations: {
      candidates: () => client.get<DelegateCandidate[]>('/delegations/candidates'),
      modules: () => client.get<DelegatedModule[]>('/delegations/modules'),
      create: (body: CreateDelegationRequest) => client.post<DelegationView>('/delegations', body),
      detail: (id: number) => client.get<DelegationView>(`/delegations/${id}`),
      given: (query: DelegationQuery) => client.get<Page<DelegationView>>('/delegations/given', q(query)),
      received: (query: DelegationQuery) => client.get<Page<DelegationView>>('/delegations/received', q(query)),
      terminate: (id: number) => client.post<DelegationView>(`/delegations/${id}/terminate`),
    },
    regions: {
      tree: () => client.get<RegionNode[]>('/regions/tree'),
    },
    notices: {
      types: (query: NoticeTypeQuery = {}) => client.get<NoticeTypeView[]>('/notices/types', q(query)),
      /** the notice-type catalogue (city admin) */
      createType: (body: CreateNoticeTypeRequest) => client.post<NoticeTypeView>('/notices/types', body),
      updateType: (id: number, body: UpdateNoticeTypeRequest) => client.patch<NoticeTypeView>(`/notices/types/${id}`, body),
      publish: (body: PublishNoticeRequest) => client.post<NoticeDetail>('/notices', body),
      /** how many the choice would reach (发布 is confirmed with it) */
      audience: (body: NoticeAudienceRequest) => client.post<NoticeAudienceCount>('/notices/audience', body),
      sent: (query: SentNoticeQuery) => client.get<Page<SentNoticeMessage>>('/notices', q(query)),
      detail: (id: number) => client.get<NoticeDetail>(`/notices/${id}`),
      recipients: (id: number, query: NoticeRecipientQuery) => client.get<Page<NoticeRecipientItem>>(`/notices/${id}/recipients`, q(query)),
      urge: (id: number) => client.post<NoticeUrgeResult>(`/notices/${id}/urge`),
      statistics: (query: NoticeStatisticsQuery) => client.get<NoticeStatisticsSummary>('/notices/statistics', q(query)),
      recipientStatistics: (query: NoticeRecipientStatsQuery) => client.get<Page<NoticeRecipientStats>>('/notices/statistics/recipients', q(query)),
      /** 我接收的消息 */
      received: (query: ReceivedNoticeQuery) => client.get<Page<ReceivedNoticeItem>>('/notices/received', q(query)),
      markAllReceivedRead: () => client.post<{ marked: number }>('/notices/received/read-all'),
      /** a notice's attachment as its sender's side downloads it: the path to download with the session's token */
      attachmentPath: (id: number, attachmentId: number) => `/notices/${id}/attachments/${attachmentId}`,
      receivedAttachmentPath: (id: number, attachmentId: number) => `/notices/received/${id}/attachments/${attachmentId}`,
      receivedDetail: (id: number) => client.get<ReceivedNoticeDetail>(`/notices/received/${id}`),
      markRead: (id: number) => client.post<void>(`/notices/received/${id}/read`),
    },
    /** 我的消息: every account's in-app messages (notices, 催办, inspection tasks, objection replies) */
    inbox: {
      list: (query: PageQuery & { unreadOnly?: boolean }) => client.get<Page<InboxMessage>>('/inbox', q(query)),
      unreadCount: () => client.get<{ unread: number }>('/inbox/unread-count'),
      markRead: (id: number) => client.post<void>(`/inbox/${id}/read`),
      markAllRead: () => client.post<{ marked: number }>('/inbox/read-all'),
    },
    safety: {
      templates: (query: SafetyTemplateQuery = {}) => client.get<SafetyTemplateListItem[]>('/safety-inspections/templates', q(query)),
      template: (id: number) => client.get<SafetyTemplateDetail>(`/safety-inspections/templates/${id}`),
      createTemplate: (body: CreateSafetyTemplateRequest) => client.post<SafetyTemplateDetail>('/safety-inspections/templates', body),
      updateTemplate: (id: number, body: UpdateSafetyTemplateRequest) => client.request<SafetyTemplateDetail>('PUT', `/safety-inspections/templates/${id}`, { body }),
      copyTemplate: (id: number, body: CopySafetyTemplateRequest = {}) => client.post<SafetyTemplateDetail>(`/safety-inspections/templates/${id}/copy`, body),
      deleteTemplate: (id: number) => client.request<void>('DELETE', `/safety-inspections/templates/${id}`),
      /** the property areas 发起安全检查 may name */
      areaCandidates: (query: SafetyAreaCandidateQuery) => client.get<Page<SafetyAreaCandidate>>('/safety-inspections/area-candidates', q(query)),
      launch: (body: LaunchInspectionRequest) => client.post<SafetyInspectionDetail>('/safety-inspections', body),
      list: (query: InspectionListQuery) => client.get<Page<SafetyInspectionListItem>>('/safety-inspections', q(query)),
      detail: (id: number) => client.get<SafetyInspectionDetail>(`/safety-inspections/${id}`),
      areas: (id: number, query: SafetyAreaStatsQuery) => client.get<Page<SafetyAreaStatsItem>>(`/safety-inspections/${id}/areas`, q(query)),
      companies: (id: number, query: SafetyCompanyStatsQuery) => client.get<Page<SafetyCompanyStatsItem>>(`/safety-inspections/${id}/companies`, q(query)),
      /** one area's results as its project manager filled them */
      targetForm: (id: number, targetId: number) => client.get<SafetyTargetForm>(`/safety-inspections/${id}/areas/${targetId}`),
      urge: (id: number, body: UrgeInspectionRequest) => client.post<SafetyUrgeResult>(`/safety-inspections/${id}/urge`, body),
      /** 总体情况台账 (xlsx): the path to download with the session's token */
      ledgerPath: (id: number) => `/safety-inspections/${id}/ledger`,
      regionStats: (query: SafetyOverviewQuery) => client.get<SafetyRegionStats>('/safety-inspections/statistics/regions', q(query)),
      facilityStats: (query: SafetyOverviewQuery) => client.get<SafetyFacilityStatsItem[]>('/safety-inspections/statistics/facilities', q(query)),
      /** the areas behind one number of the region statistics */
      regionCells: (query: SafetyOverviewQuery & RegionCellQuery) => client.get<Page<SafetyCellItem>>('/safety-inspections/statistics/regions/cells', q(query)),
      /** the region statistics as on screen (xlsx, 合计 row included): the path to download with the session's token */
      regionExportPath: (query: SafetyOverviewQuery) => `/safety-inspections/statistics/regions/export${toQueryString(q(query))}`,
      /** 我的安全检查 (project managers): the inspections of the areas they run */
      myTasks: (query: SafetyTaskQuery) => client.get<Page<SafetyTaskItem>>('/safety-inspections/my-tasks', q(query)),
      task: (targetId: number) => client.get<SafetyTargetForm>(`/safety-inspections/my-tasks/${targetId}`),
      saveTask: (targetId: number, body: SaveSafetyResultsRequest) => client.request<SafetyTargetForm>('PUT', `/safety-inspections/my-tasks/${targetId}/results`, { body }),
      submitTask: (targetId: number, body: SubmitSafetyResultsRequest) => client.post<SafetyTargetForm>(`/safety-inspections/my-tasks/${targetId}/submit`, body),
    },
    objections: {
      /** 本区的异议 (district accounts; handled through the workflow case) */
      list: (query: ObjectionQuery) => client.get<Page<ObjectionListItem>>('/service-evaluation/objections', q(query)),
      /** 我的异议 (the filing unit) */
      mine: (query: ObjectionQuery) => client.get<Page<ObjectionListItem>>('/service-evaluation/objections/mine', q(query)),
      detail: (id: number) => client.get<ObjectionDetail>(`/service-evaluation/objections/${id}`),
      /** 退回补录 → supplemented and filed again */
      resubmit: (id: number, body: ResubmitObjectionRequest) => client.post<ObjectionDetail>(`/service-evaluation/objections/${id}/resubmit`, body),
    },
    permissions: {
      staff: (query: StaffQuery) => client.get<Page<StaffListItem>>('/permissions/staff', q(query)),
      staffDetail: (id: number) => client.get<StaffDetail>(`/permissions/staff/${id}`),
      /** a city account may name one district (none: the whole city) */
      bindingStats: (query: { districtId?: number } = {}) => client.get<UnitCategoryStats[]>('/permissions/binding-stats', q(query)),
      units: (category: UnitCategory, query: UnitsQuery) => client.get<Page<UnitListItem>>(`/permissions/binding-stats/${category}/units`, q(query)),
      accounts: (category: UnitCategory, query: UnitAccountsQuery) =>
        client.get<Page<UnitAccountListItem>>(`/permissions/binding-stats/${category}/accounts`, q(query)),
      urgeBinding: (body: UrgeBindingRequest) => client.post<UrgeBindingResult>('/permissions/urge-binding', body),
      me: () => client.get<StaffDetail>('/permissions/me'),
      updateMe: (body: UpdateOwnProfileRequest) => client.patch<StaffDetail>('/permissions/me', body),
      unbindMe: () => client.post<void>('/permissions/me/unbind'),
      cancelMe: (body: CancelOwnAccountRequest) => client.post<void>('/permissions/me/cancel', body),
    },
  };
}

export type Endpoints = ReturnType<typeof createEndpoints>;
