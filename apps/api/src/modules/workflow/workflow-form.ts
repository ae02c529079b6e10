import { ModuleKey, Role, WorkflowAction, WorkflowOrigin, WorkflowStatus } from '@szpm/contract';
import type { ClassConstructor } from 'class-transformer';
import { EntityManager } from 'typeorm';
import { Actor } from '../../access/actor';
import type { WorkflowStep } from './workflow-transitions';

/** What a form shows in lists: computed by its definition from the payload. */
export interface WorkflowFormSummary {
  title: string;
  subjectType: string | null;
  subjectId: number | null;
  subjectName: string | null;
}

/** Passed to a definition's hooks; everything runs inside the engine's transaction. */
export interface WorkflowHookContext {
  manager: EntityManager;
  actor: Actor;
  caseId: number;
  businessNo: string;
  districtId: number;
  /** the street the case is with (after this step, in onTransition); null before the first 转办 */
  streetId: number | null;
}

/** What prepare returns: the content to store, where the form belongs, and what lists show. */
export interface PreparedForm<P> {
  payload: P;
  districtId: number;
  summary: WorkflowFormSummary;
}

/**
 * One business form type (不良信息认定, 撤销, 异议申请 …). Modules register their definitions with
 * WorkflowRegistry on start-up; the engine owns statuses, steps, permissions and history, the
 * definition owns the content and its effect.
 */
export interface WorkflowFormDefinition<P extends object = object> {
  /** stable identifier stored with every case, e.g. BAD_RECORD_DETERMINATION */
  formType: string;
  /** business type shown in todo lists, e.g. 不良信息认定 */
  label: string;
  /** the module whose grants govern the form (view to read it, operate to act on it) */
  module: ModuleKey;
  origin: WorkflowOrigin;
  /**
   * The form's own steps (status, action, next status, acting party). Default: the engine's
   * two-step table for the origin (WORKFLOW_TRANSITIONS); checked on registration (stepProblems).
   */
  steps?: readonly WorkflowStep[];
  /** roles of each party; defaults: entry/acceptance DISTRICT_HANDLER, review DISTRICT_SUPERVISOR, street STREET_OFFICER */
  entryRoles?: Role[];
  reviewRoles?: Role[];
  /**
   * the street party sees and acts on a form only once a 转办 (TRANSFER, whose request names the
   * street) has passed it to its street; it keeps it from then on until a later 转办 moves it
   */
  streetRoles?: Role[];
  /** the form's own names for statuses in lists and details (e.g. REVIEW as 待审核); default WORKFLOW_STATUS_LABELS */
  statusLabels?: Partial<Record<WorkflowStatus, string>>;
  /** subject forms: the unit roles that may file one; default every unit role (PROPERTY_COMPANY, PROJECT_MANAGER, OWNERS_COMMITTEE) */
  filingRoles?: Role[];
  /** business number prefix (2–6 capitals), e.g. BR → BR-20261126-0001; default: the initials of formType's words */
  businessNoPrefix?: string;
  /** class-validator DTO of the content; validated on create and on every edit */
  payloadClass: ClassConstructor<P>;
  /**
   * Checks the content against the database and fills the fields the server decides (points,
   * publicity end …); values for those fields sent by a client are overwritten here.
   * Returns the payload to store and the form's district, which cannot change once the form
   * exists (the street is chosen by 转办, not by the content). On an edit of a running form `current`
   * holds the form's id, its content before the edit and the action carrying the edit, so a
   * definition can decide which parts each party may change at which step (e.g. the applicant's
   * statement versus the handler's draft, or a handling block only 申请办结 writes).
   */
  prepare(manager: EntityManager, actor: Actor, payload: P, current?: { caseId: number; payload: P; action: WorkflowAction }): Promise<PreparedForm<P>>;
  /**
   * optional wording of a content edit for 历程 (e.g. 小区名称：甲 → 乙), stored as the 修改 entry's
   * remark. Null when nothing a reader needs changed: an edit carried by another action (申请办结
   * with its handling) then gets no 修改 entry of its own.
   */
  describeEdit?(before: P, after: P): string | null;
  /** applies the approved content to the records when the form reaches APPROVED (the draft-copy rule: nothing changes before this) */
  onApproved(context: WorkflowHookContext, payload: P): Promise<void>;
  /** optional effect when the form reaches REJECTED (e.g. releasing a record locked while the form ran) */
  onRejected?(context: WorkflowHookContext, payload: P): Promise<void>;
  /** optional effect of 退回补录 (e.g. telling the applicant what to supplement); `opinion` is the officer's */
  onReturnedForSupplement?(context: WorkflowHookContext, payload: P, opinion: string): Promise<void>;
  /**
   * optional check and effect of every step taken (after the status has changed, before the
   * approval and rejection hooks), e.g. requiring 处置方式 with 申请办结; throwing undoes the step
   */
  onTransition?(context: WorkflowHookContext, step: WorkflowStep, payload: P): Promise<void>;
  /**
   * optional: the form's cases past their deadline, as a condition over workflow_cases `alias` (with
   * named parameters); the todo badges count the caller's pending ones as 超期
   */
  overdue?(alias: string): { sql: string; params: Record<string, unknown> };
  /** optional effect when the form is created (e.g. marking a record as having a running form) */
  onCreated?(context: WorkflowHookContext, payload: P): Promise<void>;
}
