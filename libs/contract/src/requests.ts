/**
 * Request bodies and list queries of endpoints whose validating DTO classes live in the api
 * (apps/api/src/modules/<module>/dto): the shape clients send. Kept here so that the mini-program
 * (and any other client) imports them instead of copying them.
 */
import { GrantAction, ModuleKey } from './modules';
import { AccountStatus, Role, UnitCategory } from './roles';
import { DelegationState } from './delegations';
import { NoticeAudience } from './notices';
import { ObjectionTarget } from './objections';
import { SafetyCheckKind, SafetyCheckOutcome, SafetyTargetStatus } from './safety-inspections';
import { EvaluationGrade, EvaluationRecordStatus, EvaluationSubjectType } from './service-evaluation';
import { TodoList, WorkflowStatus } from './workflow';

/** `page` (from 1) and `pageSize` (≤ MAX_PAGE_SIZE) of every list. */
export interface PageQuery {
  page?: number;
  pageSize?: number;
}

// ---- auth (chapter 2) ------------------------------------------------------------------------

/** POST /api/auth/login */
export interface LoginRequest {
  username: string;
  password: string;
}

/** POST /api/auth/refresh and /api/auth/logout */
export interface RefreshRequest {
  refreshToken: string;
}

/** POST /api/auth/change-password (every session of the account ends, this one too) */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

// ---- todos and the workflow (chapter 4) ------------------------------------------------------

/** GET /api/todos */
export interface TodoQuery extends PageQuery {
  list?: TodoList;
  /** only the forms of one module (e.g. 物业服务评价's 我的工作) */
  module?: ModuleKey;
  formType?: string;
  search?: string;
}

/** GET /api/todos/counts */
export interface TodoCountsQuery {
  module?: ModuleKey;
}

/** GET /api/workflow/cases (审批事项查询) */
export interface WorkflowCaseQuery extends PageQuery {
  /** only this module's forms */
  module?: ModuleKey;
  formType?: string;
  status?: WorkflowStatus;
  search?: string;
  /** YYYY-MM-DD, Shanghai days, inclusive */
  createdFrom?: string;
  createdTo?: string;
  districtId?: number;
}

// ---- service evaluation (chapter 7) ----------------------------------------------------------

/** GET /api/service-evaluation/subjects */
export interface EvaluationSubjectQuery extends PageQuery {
  subjectType: EvaluationSubjectType;
  search?: string;
  districtId?: number;
}

/** GET /api/service-evaluation/scores */
export interface ScoreListQuery extends PageQuery {
  subjectType?: EvaluationSubjectType;
  /** e.g. 2026 or 2026-H1; the current cycle when absent */
  cycle?: string;
  search?: string;
  grade?: EvaluationGrade;
  order?: 'desc' | 'asc';
  districtId?: number;
}

/** GET /api/service-evaluation/risk-list/{companies|project-managers} */
export interface RecordSearchQuery extends PageQuery {
  search?: string;
  itemId?: number;
  status?: EvaluationRecordStatus;
  districtId?: number;
  factDateFrom?: string;
  factDateTo?: string;
  documentNo?: string;
  /** one subject's records (with subjectType for bad records) */
  subjectId?: number;
}

/** GET /api/service-evaluation/bad-records (不良信息汇总) */
export interface BadRecordSearchQuery extends RecordSearchQuery {
  subjectType?: EvaluationSubjectType;
}

/** GET /api/service-evaluation/bad-records/link-candidates */
export interface LinkCandidatesQuery {
  subjectType: EvaluationSubjectType;
  subjectId: number;
  itemId: number;
  /** the new record's fact date (decides the year) */
  factDate: string;
}

/** GET /api/service-evaluation/publicity/{bad-records|risk-list} (no login) */
export interface PublicitySearchQuery extends PageQuery {
  subjectType?: EvaluationSubjectType;
  search?: string;
  districtId?: number;
}

/** POST /api/service-evaluation/{bad-records|risk-list}/preview */
export interface RecordPreviewRequest {
  itemId: number;
  circumstanceId: number;
  subjectType?: EvaluationSubjectType;
}

/** The workflow options a module endpoint takes with the form content when it starts a form. */
export interface FormStartOptionsRequest {
  attachmentIds?: number[];
  /** true (default): to 认定审核 at once; false: kept at 录入初审 */
  submit?: boolean;
  opinion?: string;
  remark?: string;
}

/** POST /api/service-evaluation/bad-records/determinations (不良信息认定: 分值 and 公示期 are computed by the server) */
export interface BadRecordDeterminationRequest extends FormStartOptionsRequest {
  subjectType: EvaluationSubjectType;
  subjectId: number;
  itemId: number;
  circumstanceId: number;
  /** YYYY-MM-DD, not in the future */
  factDate: string;
  documentNo: string;
  description: string;
  /** same-year records of the same subject and item, counted once with this one */
  linkedRecordIds?: number[];
}

/** POST /api/service-evaluation/risk-list/determinations (风险名单认定) */
export interface RiskListDeterminationRequest extends FormStartOptionsRequest {
  subjectType: EvaluationSubjectType;
  subjectId: number;
  itemId: number;
  circumstanceId: number;
  factDate: string;
  documentNo: string;
  description: string;
}

/** POST /api/service-evaluation/{bad-records|risk-list}/:id/{revocations|restorations} (撤销 / 恢复) */
export interface WithdrawalRequest extends FormStartOptionsRequest {
  reason: string;
}

// ---- permissions (chapter 3) -----------------------------------------------------------------

/** GET /api/permissions/staff */
export interface StaffQuery extends PageQuery {
  search?: string;
  role?: Role;
  bound?: boolean;
  status?: AccountStatus;
  districtId?: number;
}

/** GET /api/permissions/binding-stats/:category/units */
export interface UnitsQuery extends PageQuery {
  /** all: 全部单位; without-account: 未开设单位 */
  filter?: 'all' | 'without-account';
  search?: string;
  districtId?: number;
}

/** GET /api/permissions/binding-stats/:category/accounts (账户总数; bound true / false: 已绑定 / 未绑定) */
export interface UnitAccountsQuery extends PageQuery {
  bound?: boolean;
  districtId?: number;
}

/** POST /api/permissions/urge-binding: nothing chosen urges every unbound account in scope */
export interface UrgeBindingRequest {
  accountIds?: number[];
  unitCategory?: UnitCategory;
}

/** PATCH /api/permissions/me (编辑) */
export interface UpdateOwnProfileRequest {
  position?: string;
  email?: string;
  avatarUrl?: string;
}

/** POST /api/permissions/me/cancel (注销, confirmed with the password) */
export interface CancelOwnAccountRequest {
  password: string;
}

// ---- delegations ---------------------------------------------------------------------------

/** GET /api/delegations/{given|received} */
export interface DelegationQuery extends PageQuery {
  state?: DelegationState;
}

// ---- notices (chapter 15) --------------------------------------------------------------------

/** POST /api/notices (发布通知) */
export interface PublishNoticeRequest {
  title: string;
  noticeTypeId: number;
  content: string;
  audiences: NoticeAudience[];
  /** city accounts: these districts (none: the whole city); district accounts: their own only */
  districtIds?: number[];
  streetIds?: number[];
  communityIds?: number[];
  propertyAreaIds?: number[];
  attachmentIds?: number[];
}

/** POST /api/notices/audience (how many a notice would reach, before it is published) */
export type NoticeAudienceRequest = Pick<PublishNoticeRequest, 'audiences' | 'districtIds' | 'streetIds' | 'communityIds' | 'propertyAreaIds'>;

/** GET /api/notices (部门已发消息) */
export interface SentNoticeQuery extends PageQuery {
  /** 显示催办: only the 催办 messages */
  urgeOnly?: boolean;
  /** only what I sent */
  mine?: boolean;
  noticeTypeId?: number;
  /** title contains */
  search?: string;
}

/** GET /api/notices/:id/recipients */
export interface NoticeRecipientQuery extends PageQuery {
  read?: boolean;
  audience?: NoticeAudience;
  /** recipient's name or unit contains */
  search?: string;
}

/** GET /api/notices/statistics (查看全部统计) */
export interface NoticeStatisticsQuery {
  noticeTypeId?: number;
  /** YYYY-MM-DD */
  from?: string;
  to?: string;
}

/** GET /api/notices/statistics/recipients */
export interface NoticeRecipientStatsQuery extends PageQuery, NoticeStatisticsQuery {
  /** 统计对象 */
  audience?: NoticeAudience;
  /** 查看对象: name or unit contains */
  search?: string;
}

/** GET /api/notices/received (我接收的消息) */
export interface ReceivedNoticeQuery extends PageQuery {
  unreadOnly?: boolean;
}

// ---- safety inspections (chapter 16) ---------------------------------------------------------

/** GET /api/safety-inspections/templates (安全生产检查库) */
export interface SafetyTemplateQuery {
  kind?: SafetyCheckKind;
  /** name contains */
  search?: string;
}

/** POST /api/safety-inspections (发起安全检查) */
export interface LaunchInspectionRequest {
  templateId: number;
  /** default: the template's name */
  title?: string;
  /** YYYY-MM-DD, inclusive */
  deadline: string;
  instructions?: string;
  /** city accounts must name the district */
  districtId?: number;
  /** none: every property area of the district */
  propertyAreaIds?: number[];
}

/** GET /api/safety-inspections */
export interface InspectionListQuery extends PageQuery {
  kind?: SafetyCheckKind;
  /** title contains */
  search?: string;
  districtId?: number;
}

/** GET /api/safety-inspections/:id/areas (按物业项目统计) */
export interface SafetyAreaStatsQuery extends PageQuery {
  status?: SafetyTargetStatus;
  /** true: 已完成; false: 未完成 */
  done?: boolean;
  hasProblems?: boolean;
  streetId?: number;
  communityId?: number;
  companyId?: number;
  /** property area's name contains */
  search?: string;
}

/** GET /api/safety-inspections/:id/companies (按物业服务企业统计) */
export interface SafetyCompanyStatsQuery extends PageQuery {
  /** company's name contains */
  search?: string;
}

/** GET /api/safety-inspections/statistics/{regions|facilities} (查看全部统计) */
export interface SafetyOverviewQuery {
  inspectionId?: number;
  kind?: SafetyCheckKind;
  from?: string;
  to?: string;
  districtId?: number;
  streetId?: number;
  communityId?: number;
}

/** POST /api/safety-inspections/:id/urge (催办): nothing chosen urges every outstanding area */
export interface UrgeInspectionRequest {
  companyId?: number;
  propertyAreaIds?: number[];
}

/** GET /api/safety-inspections/my-tasks (我的安全检查, project managers) */
export interface SafetyTaskQuery extends PageQuery {
  status?: SafetyTargetStatus;
  /** only this inspection's tasks (the link of its launch notice and 催办) */
  inspectionId?: number;
}

/** One item's answer in PUT …/my-tasks/:targetId/results and POST …/submit */
export interface SafetyResultEntryRequest {
  itemId: number;
  outcome: SafetyCheckOutcome;
  /** required for 不合格 (checked at submission) */
  note?: string | null;
  /** uploaded with POST /api/attachments; given: replaces the item's photos */
  photoAttachmentIds?: number[];
}

/** PUT /api/safety-inspections/my-tasks/:targetId/results (保存) */
export interface SaveSafetyResultsRequest {
  results: SafetyResultEntryRequest[];
}

/** POST /api/safety-inspections/my-tasks/:targetId/submit (提交) */
export interface SubmitSafetyResultsRequest {
  results?: SafetyResultEntryRequest[];
}

/** GET /api/service-evaluation/objections/mine and GET /api/service-evaluation/objections */
export interface ObjectionQuery extends PageQuery {
  status?: WorkflowStatus;
  target?: ObjectionTarget;
}

// ---- chapter 15 and 16 catalogues (PC portal) -------------------------------------------------

/** GET /api/notices/types */
export interface NoticeTypeQuery {
  /** also the disabled types (the admin catalogue) */
  includeDisabled?: boolean;
}

/** POST /api/notices/types (city admin) */
export interface CreateNoticeTypeRequest {
  name: string;
  sortOrder?: number;
}

/** PATCH /api/notices/types/:id (city admin): rename, reorder, or enabled=false to disable */
export interface UpdateNoticeTypeRequest {
  name?: string;
  enabled?: boolean;
  sortOrder?: number;
}

/** One sub-item (检查子项) of a template being saved. */
export interface SafetySubItemRequest {
  content: string;
  /** the facility it checks (设施设备统计); null: none */
  facility?: string | null;
}

/** One indicator (检查指标) of a template being saved, its sub-items in order. */
export interface SafetyIndicatorRequest {
  name: string;
  subItems: SafetySubItemRequest[];
}

/** POST /api/safety-inspections/templates (新增) */
export interface CreateSafetyTemplateRequest {
  name: string;
  kind: SafetyCheckKind;
  description?: string | null;
  indicators: SafetyIndicatorRequest[];
}

/** PUT /api/safety-inspections/templates/:id (编辑): the whole template, with the version it was read at */
export interface UpdateSafetyTemplateRequest extends CreateSafetyTemplateRequest {
  version: number;
}

/** POST /api/safety-inspections/templates/:id/copy */
export interface CopySafetyTemplateRequest {
  name?: string;
}

/** GET /api/safety-inspections/area-candidates (发起安全检查 → 指定物业项目) */
export interface SafetyAreaCandidateQuery extends PageQuery {
  districtId?: number;
  streetId?: number;
  communityId?: number;
  /** name or code contains */
  search?: string;
}

// ---- account administration (chapter 3, leads and city admins) and the audit log --------------

/** GET /api/admin/accounts: every account of the scope, officers and unit accounts */
export interface AdminAccountQuery extends StaffQuery {
  unitCategory?: UnitCategory;
}

/** POST /api/admin/accounts (预设账号): without a password the server generates one and answers it once */
export interface CreateAccountRequest {
  username: string;
  name: string;
  phone: string;
  role: Role;
  districtId?: number;
  /** street-office accounts */
  streetId?: number;
  /** unit accounts: the unit they speak for */
  unitId?: number;
  position?: string;
  email?: string;
  password?: string;
}

/** PATCH /api/admin/accounts/:id/status */
export interface SetAccountStatusRequest {
  status: AccountStatus.ACTIVE | AccountStatus.DISABLED;
}

/** POST /api/admin/accounts/:id/grants */
export interface GrantRequest {
  module: ModuleKey;
  action: GrantAction;
}

/** POST /api/admin/accounts/:id/reset-password: without a password the server generates one */
export interface ResetPasswordRequest {
  password?: string;
}

/** GET /api/admin/audit-logs (city admins): newest first; without from / to the last 90 days */
export interface AuditLogQuery extends PageQuery {
  /** the actor: an account id, or part of a name or username */
  actor?: string;
  /** part of the action name, e.g. admin.add-grant */
  action?: string;
  targetType?: string;
  targetId?: string;
  outcome?: 'succeeded' | 'refused' | 'failed';
  /** first Shanghai day, YYYY-MM-DD */
  from?: string;
  /** last Shanghai day, YYYY-MM-DD */
  to?: string;
}
