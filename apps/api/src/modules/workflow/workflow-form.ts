import { ModuleKey, Role, WorkflowOrigin } from '@szpm/contract';
import type { ClassConstructor } from 'class-transformer';
import { EntityManager } from 'typeorm';
import { Actor } from '../../access/actor';

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
  /** roles acting at each step; defaults: entry/acceptance DISTRICT_HANDLER, review DISTRICT_SUPERVISOR */
  entryRoles?: Role[];
  reviewRoles?: Role[];
  /** subject forms: the unit roles that may file one; default every unit role (PROPERTY_COMPANY, PROJECT_MANAGER, OWNERS_COMMITTEE) */
  filingRoles?: Role[];
  /** business number prefix (2–6 capitals), e.g. BR → BR-20261126-0001; default: the initials of formType's words */
  businessNoPrefix?: string;
  /** class-validator DTO of the content; validated on create and on every edit */
  payloadClass: ClassConstructor<P>;
  /**
   * Checks the content against the database and fills the fields the server decides (points,
   * publicity end …); values for those fields sent by a client are overwritten here.
   * Returns the payload to store and the form's district. On an edit of a running form `current`
   * holds the form's id and its content before the edit, so a definition can decide which parts
   * each party may change (e.g. the applicant's statement versus the handler's draft).
   */
  prepare(manager: EntityManager, actor: Actor, payload: P, current?: { caseId: number; payload: P }): Promise<{ payload: P; districtId: number; summary: WorkflowFormSummary }>;
  /** applies the approved content to the records (the draft-copy rule: nothing changes before this) */
  onApproved(context: WorkflowHookContext, payload: P): Promise<void>;
  /** optional effect of a rejection (e.g. releasing a record locked while the form ran) */
  onRejected?(context: WorkflowHookContext, payload: P): Promise<void>;
  /** optional effect of 退回补录 (e.g. telling the applicant what to supplement); `opinion` is the officer's */
  onReturnedForSupplement?(context: WorkflowHookContext, payload: P, opinion: string): Promise<void>;
  /** optional effect when the form is created (e.g. marking a record as having a running form) */
  onCreated?(context: WorkflowHookContext, payload: P): Promise<void>;
}
