/**
 * Chapter 5, 项目管理 — the applications around a property area, all on the one workflow engine:
 *
 * - 修改申请 (PROPERTY_AREA_CHANGE): a district officer edits an area (编辑). Free fields of the field
 *   catalogue apply at once; fields that need approval become one case, reviewed by the city
 *   bureau's handler (需市局相关经办人审核后生效), applied on approval only if the area still holds
 *   the values the applicant saw. 查看申请记录 lists them.
 * - 项目登记 (PROJECT_REGISTRATION) and 项目经理变更 (PROJECT_MANAGER_CHANGE): filed by property
 *   companies and project managers, reviewed by the district (审批列表); a registration creates or
 *   updates the area on approval, a manager change sets the area's project manager.
 *
 * 审批流程记录 is the case's history (GET /api/workflow/cases/:id).
 */
import { Page } from './api-types';
import { WorkflowCaseDetail, WorkflowCaseSummary, WorkflowStatus } from './workflow';

export const AREA_CHANGE_FORM_TYPE = 'PROPERTY_AREA_CHANGE';
export const PROJECT_REGISTRATION_FORM_TYPE = 'PROJECT_REGISTRATION';
export const PROJECT_MANAGER_CHANGE_FORM_TYPE = 'PROJECT_MANAGER_CHANGE';

export const AREA_CHANGE_FORM_LABEL = '物业区域信息修改申请';
export const PROJECT_REGISTRATION_FORM_LABEL = '物业项目登记';
export const PROJECT_MANAGER_CHANGE_FORM_LABEL = '项目经理变更';

/** The form types of 审批列表 (applications this district reviews). */
export const AREA_REVIEWED_FORM_TYPES: readonly string[] = [PROJECT_REGISTRATION_FORM_TYPE, PROJECT_MANAGER_CHANGE_FORM_TYPE];

/** How a change request's statuses read (待审核 → 已通过 / 不通过 / 退回修改 / 已撤销). */
export const AREA_CHANGE_STATUS_LABELS: Partial<Record<WorkflowStatus, string>> = {
  [WorkflowStatus.ENTRY]: '退回修改',
  [WorkflowStatus.REVIEW]: '待市局审核',
  [WorkflowStatus.APPROVED]: '已通过',
  [WorkflowStatus.REJECTED]: '不通过',
  [WorkflowStatus.WITHDRAWN]: '已撤销',
};

/** The subjectType of every case about a property area. */
export const PROPERTY_AREA_SUBJECT = 'PROPERTY_AREA';

/** Where a catalogue field lives: the area itself, or its extension record (物业区域信息). */
export enum AreaFieldGroup {
  CORE = 'CORE',
  PROFILE = 'PROFILE',
}

export const AREA_FIELD_GROUP_LABELS: Record<AreaFieldGroup, string> = {
  [AreaFieldGroup.CORE]: '基本信息',
  [AreaFieldGroup.PROFILE]: '物业区域信息',
};

/** How a field's value is entered and checked (the portal picks its input from it). */
export enum AreaFieldKind {
  TEXT = 'TEXT',
  PHONE = 'PHONE',
  INTEGER = 'INTEGER',
  DECIMAL = 'DECIMAL',
  DATE = 'DATE',
  BOOLEAN = 'BOOLEAN',
  CHOICE = 'CHOICE',
  /** the id of another record: 物业服务企业, 开发建设单位, 业委会, 社区 */
  REFERENCE = 'REFERENCE',
  LONGITUDE = 'LONGITUDE',
  LATITUDE = 'LATITUDE',
  /** a GeoJSON Polygon (the boundary) */
  GEOJSON = 'GEOJSON',
}

/** One field of the catalogue (GET /api/property-areas/field-rules). */
export interface AreaFieldRule {
  field: string;
  label: string;
  group: AreaFieldGroup;
  groupLabel: string;
  kind: AreaFieldKind;
  /** false: nobody edits it here (it comes from another process) */
  editable: boolean;
  /** true: a change takes effect only after the city bureau approves it; false: it applies at once */
  requiresCityApproval: boolean;
  /** the value may be cleared (null) */
  nullable: boolean;
  /** TEXT / PHONE: the longest value */
  maxLength: number | null;
  /** INTEGER / DECIMAL: the range */
  min: number | null;
  max: number | null;
  /** e.g. ㎡, 元/㎡·月, % */
  unit: string | null;
  /** CHOICE: the values and their labels */
  choices: Array<{ value: string; label: string }> | null;
  /** REFERENCE: what the id names (company, developer, committee, community) */
  reference: 'company' | 'developer' | 'committee' | 'community' | null;
  sortOrder: number;
}

/** PATCH /api/admin/property-areas/field-rules/:field (市局管理员). */
export interface UpdateAreaFieldRuleRequest {
  editable?: boolean;
  requiresCityApproval?: boolean;
}

/** POST /api/property-areas/:id/change-requests: the fields to change and their new values (null clears a nullable field). */
export interface AreaChangeRequest {
  changes: Record<string, unknown>;
  /** 申请说明, shown to the city reviewer */
  reason?: string;
}

export interface AreaFieldChange {
  field: string;
  label: string;
  before: unknown;
  after: unknown;
}

/** The content of a PROPERTY_AREA_CHANGE case. */
export interface AreaChangePayloadView {
  propertyAreaId: number;
  areaName: string;
  /** the new values of the fields that need approval */
  proposed: Record<string, unknown>;
  /** the same fields as the applicant saw them: approval applies only while the area still holds these */
  before: Record<string, unknown>;
  /** field → label, for reading the two maps */
  labels: Record<string, string>;
  reason: string | null;
}

/** What POST change-requests did. */
export interface AreaChangeResult {
  /** free fields: applied now */
  applied: AreaFieldChange[];
  /** fields that wait for the city bureau's approval (in `case`) */
  pending: AreaFieldChange[];
  /** the change request, when some field needs approval */
  case: WorkflowCaseDetail<AreaChangePayloadView> | null;
}

/** POST /api/property-areas/registrations (项目登记, counterpart accounts). */
export interface ProjectRegistrationRequest {
  /** the filer's own existing area to update; absent: register a new area */
  propertyAreaId?: number;
  name: string;
  /** 所属社区 (居委会 / 社区工作站): decides street and district */
  communityId: number;
  address: string;
  landNumber?: string | null;
  location?: string | null;
  boundEast?: string | null;
  boundSouth?: string | null;
  boundWest?: string | null;
  boundNorth?: string | null;
  floorArea: number;
  houseCount: number;
  longitude: number;
  latitude: number;
  developerName?: string | null;
  handoverDate?: string | null;
  /** one of the company's project managers; a project-manager account defaults to itself */
  projectManagerId?: number;
  contactName: string;
  contactPhone: string;
  remarks?: string | null;
}

/** The content of a PROJECT_REGISTRATION case: the request plus what the server decided. */
export interface ProjectRegistrationPayloadView extends ProjectRegistrationRequest {
  companyId: number;
  companyName: string;
  projectManagerName: string | null;
  districtId: number;
  streetId: number;
  communityName: string;
  /** updates: the area's values when filed (for the reviewer's comparison); null for a new area */
  current: Record<string, unknown> | null;
}

/** A project manager not yet on record, named in a 项目经理变更. */
export interface NewProjectManager {
  name: string;
  phone: string;
  idNumber: string;
  certificateNo: string;
}

/** POST /api/property-areas/:id/manager-changes (项目经理变更): an existing manager of the area's company, or a new one. */
export interface ProjectManagerChangeRequest {
  projectManagerId?: number;
  newManager?: NewProjectManager;
  reason?: string;
}

export interface ProjectManagerChangePayloadView extends ProjectManagerChangeRequest {
  propertyAreaId: number;
  areaName: string;
  companyId: number;
  previousManagerId: number | null;
  previousManagerName: string | null;
  managerName: string;
}

/** A case of 审批列表 / 查看申请记录 / 我的申请, with the area it is about. */
export interface AreaCaseListItem extends WorkflowCaseSummary {
  /** null for a registration of a new area until it is approved */
  propertyAreaId: number | null;
  areaName: string;
  streetId: number | null;
  streetName: string | null;
  communityId: number | null;
  communityName: string | null;
}

export type AreaCasePage = Page<AreaCaseListItem>;

/** Which list GET /api/property-areas/change-requests answers. */
export enum AreaCaseView {
  /** 查看申请记录: edits the district sent to the city bureau (the city: every district's) */
  SUBMITTED = 'submitted',
  /** 审批列表: registrations and manager changes the district reviews */
  REVIEWING = 'reviewing',
}

export enum AreaChangeErrorCode {
  OPEN_REQUEST = 'PROPERTY_AREA_CHANGE_OPEN',
  CHANGED_MEANWHILE = 'PROPERTY_AREA_CHANGED_MEANWHILE',
  FIELD_UNKNOWN = 'PROPERTY_AREA_FIELD_UNKNOWN',
  FIELD_NOT_EDITABLE = 'PROPERTY_AREA_FIELD_NOT_EDITABLE',
  FIELD_INVALID = 'PROPERTY_AREA_FIELD_INVALID',
  /** a free field inside a change request's proposed values (it applies at once instead) */
  FIELD_NEEDS_NO_APPROVAL = 'PROPERTY_AREA_FIELD_NEEDS_NO_APPROVAL',
  NO_CHANGES = 'PROPERTY_AREA_NO_CHANGES',
  /** the request's content is the applicant's, changed only while it is back with them */
  LOCKED_IN_REVIEW = 'PROPERTY_AREA_CHANGE_LOCKED_IN_REVIEW',
  NOT_OWN_AREA = 'PROPERTY_AREA_NOT_OWN_AREA',
  NOT_A_COUNTERPART = 'PROPERTY_AREA_NOT_A_COUNTERPART',
  MANAGER_INVALID = 'PROPERTY_AREA_MANAGER_INVALID',
  COMMUNITY_INVALID = 'PROPERTY_AREA_COMMUNITY_INVALID',
  FIELD_RULE_NOT_FOUND = 'PROPERTY_AREA_FIELD_RULE_NOT_FOUND',
}

export const AREA_CHANGE_ERROR_MESSAGES: Record<AreaChangeErrorCode, string> = {
  [AreaChangeErrorCode.OPEN_REQUEST]: '该物业区域已有一份未办结的修改申请（待市局审核或退回修改中），请等其办结或撤销后再提交',
  [AreaChangeErrorCode.CHANGED_MEANWHILE]: '该项目的信息在申请后已被修改，请退回申请人重新提交',
  [AreaChangeErrorCode.FIELD_UNKNOWN]: '物业区域没有这个字段',
  [AreaChangeErrorCode.FIELD_NOT_EDITABLE]: '该字段不能在此修改',
  [AreaChangeErrorCode.FIELD_INVALID]: '字段的值不正确',
  [AreaChangeErrorCode.FIELD_NEEDS_NO_APPROVAL]: '该字段无需市局审核，请在编辑页直接修改',
  [AreaChangeErrorCode.NO_CHANGES]: '没有修改任何字段',
  [AreaChangeErrorCode.LOCKED_IN_REVIEW]: '申请审核期间不能修改申请内容；如需修改，请审核人退回申请人',
  [AreaChangeErrorCode.NOT_OWN_AREA]: '只能为本单位的物业项目提出申请',
  [AreaChangeErrorCode.NOT_A_COUNTERPART]: '只有物业服务企业或项目经理账号可以提出该申请',
  [AreaChangeErrorCode.MANAGER_INVALID]: '所选项目经理不属于该项目的物业服务企业',
  [AreaChangeErrorCode.COMMUNITY_INVALID]: '所选社区不存在',
  [AreaChangeErrorCode.FIELD_RULE_NOT_FOUND]: '字段目录中没有这个字段',
};
