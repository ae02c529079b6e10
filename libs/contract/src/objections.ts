/**
 * 异议处理 (chapter 7 (11)): an evaluated subject disputes a bad record, a risk-list entry or a score.
 * The district handler accepts it, may edit a draft copy of the record inside the form, may send it
 * back for supplement, and proposes; the supervisor decides. Approved: the draft replaces the
 * record and the scores are recomputed. Rejected: the record stays exactly as it was.
 */
import { EvaluationSubjectType } from './service-evaluation';
import { WorkflowCaseDetail, WorkflowStatus } from './workflow';

/** The workflow form type of an objection (WorkflowCase.formType). */
export const OBJECTION_FORM_TYPE = 'OBJECTION';
export const OBJECTION_FORM_LABEL = '异议处理';

/** What an objection disputes. */
export enum ObjectionTarget {
  BAD_RECORD = 'BAD_RECORD',
  RISK_LIST_ENTRY = 'RISK_LIST_ENTRY',
  /** a score of one scoring cycle (its basic-information part is what can be corrected) */
  SCORE = 'SCORE',
}

export const OBJECTION_TARGET_LABELS: Record<ObjectionTarget, string> = {
  [ObjectionTarget.BAD_RECORD]: '不良信息',
  [ObjectionTarget.RISK_LIST_ENTRY]: '风险名单',
  [ObjectionTarget.SCORE]: '得分',
};

/** 异议理由: a second objection on the same record on the same grounds is not accepted. */
export enum ObjectionGrounds {
  WRONG_FACTS = 'WRONG_FACTS',
  WRONG_BASIS = 'WRONG_BASIS',
  WRONG_POINTS = 'WRONG_POINTS',
  WRONG_PROCEDURE = 'WRONG_PROCEDURE',
  OTHER = 'OTHER',
}

export const OBJECTION_GROUNDS_LABELS: Record<ObjectionGrounds, string> = {
  [ObjectionGrounds.WRONG_FACTS]: '事实认定有误',
  [ObjectionGrounds.WRONG_BASIS]: '适用依据有误',
  [ObjectionGrounds.WRONG_POINTS]: '计分有误',
  [ObjectionGrounds.WRONG_PROCEDURE]: '程序不当',
  [ObjectionGrounds.OTHER]: '其他',
};

export enum ObjectionOutcome {
  /** 异议通过: the draft replaced the record */
  UPHELD = 'UPHELD',
  /** 异议不通过: the record unchanged */
  DISMISSED = 'DISMISSED',
}

export const OBJECTION_OUTCOME_LABELS: Record<ObjectionOutcome, string> = {
  [ObjectionOutcome.UPHELD]: '异议通过',
  [ObjectionOutcome.DISMISSED]: '异议不通过',
};

/** 异议类型: a configurable catalogue (e.g. 不良信息计分异议), each for one kind of target. */
export interface ObjectionKindView {
  id: number;
  code: string;
  name: string;
  target: ObjectionTarget;
  enabled: boolean;
  sortOrder: number;
}

/** The handler's draft copy of a bad record or risk-list entry (level, points and months follow from the circumstance). */
export interface RecordDraft {
  itemId: number;
  circumstanceId: number;
  factDate: string;
  documentNo: string;
  description: string;
  /** the objection shows the record should not stand at all: approval revokes it */
  revoke: boolean;
  itemName?: string;
  circumstanceDescription?: string;
  level?: number | null;
  points?: number | null;
  publicityMonths?: number;
}

/** The handler's draft of a subject's basic information (what the basic score is computed from). */
export interface BasicInformationDraft {
  /** companies */
  legalRepresentative?: string;
  contactPhone?: string;
  address?: string;
  /** project managers */
  phone?: string;
  certificateNo?: string;
}

/** Body of POST /api/service-evaluation/objections (the subject files). */
export interface FileObjectionRequest {
  target: ObjectionTarget;
  /** BAD_RECORD / RISK_LIST_ENTRY: the record */
  recordId?: number;
  /** SCORE: the scoring cycle, e.g. "2026" */
  cycleKey?: string;
  kindId: number;
  grounds: ObjectionGrounds;
  /** 异议内容 */
  text: string;
  attachmentIds?: number[];
  remark?: string;
}

/** Body of POST /api/service-evaluation/objections/:id/resubmit (补录后重新提交). */
export interface ResubmitObjectionRequest {
  version: number;
  text?: string;
  attachmentIds?: number[];
  remark?: string;
}

/** The workflow payload of an objection, as the form shows it. */
export interface ObjectionPayloadView {
  target: ObjectionTarget;
  recordId: number | null;
  cycleKey: string | null;
  kindId: number;
  grounds: ObjectionGrounds;
  text: string;
  subjectType: EvaluationSubjectType;
  subjectId: number;
  subjectName: string;
  kindName: string;
  /** the disputed record (or basic information) as it stood when the draft was last made */
  original: Record<string, unknown>;
  draft: RecordDraft | null;
  basicDraft: BasicInformationDraft | null;
}

export interface ObjectionListItem {
  id: number;
  caseId: number;
  businessNo: string;
  target: ObjectionTarget;
  targetLabel: string;
  recordId: number | null;
  cycleKey: string | null;
  subjectType: EvaluationSubjectType;
  subjectId: number;
  subjectName: string;
  districtId: number;
  kindName: string;
  grounds: ObjectionGrounds;
  groundsLabel: string;
  status: WorkflowStatus;
  statusLabel: string;
  outcome: ObjectionOutcome | null;
  outcomeLabel: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export interface ObjectionDetail extends ObjectionListItem {
  /** the form: content (statement, original, draft), attachments, history, the caller's actions */
  case: WorkflowCaseDetail<ObjectionPayloadView>;
}

export enum ObjectionErrorCode {
  NOT_A_SUBJECT = 'OBJECTION_NOT_A_SUBJECT',
  TARGET_NOT_FOUND = 'OBJECTION_TARGET_NOT_FOUND',
  TARGET_NOT_OBJECTABLE = 'OBJECTION_TARGET_NOT_OBJECTABLE',
  KIND_NOT_USABLE = 'OBJECTION_KIND_NOT_USABLE',
  DUPLICATE = 'OBJECTION_DUPLICATE',
  STATEMENT_FIXED = 'OBJECTION_STATEMENT_FIXED',
  DRAFT_NOT_APPLICABLE = 'OBJECTION_DRAFT_NOT_APPLICABLE',
  RECORD_CHANGED = 'OBJECTION_RECORD_CHANGED',
  KIND_CODE_TAKEN = 'OBJECTION_KIND_CODE_TAKEN',
}

export const OBJECTION_ERROR_MESSAGES: Record<ObjectionErrorCode, string> = {
  [ObjectionErrorCode.NOT_A_SUBJECT]: '只有物业服务企业或项目负责人账号可以就本单位的评价信息提出异议',
  [ObjectionErrorCode.TARGET_NOT_FOUND]: '所选信息不存在，或不是关于本单位的评价信息',
  [ObjectionErrorCode.TARGET_NOT_OBJECTABLE]: '该信息已撤销或已恢复，或正在办理撤销、恢复，不能提出异议',
  [ObjectionErrorCode.KIND_NOT_USABLE]: '所选异议类型不存在、已停用或不适用于该信息',
  [ObjectionErrorCode.DUPLICATE]: '已就该信息以相同理由提出过异议，同一信息同一理由不能再次提出异议',
  [ObjectionErrorCode.STATEMENT_FIXED]: '异议的对象、类型和理由提交后不能修改，如需变更请另行提出',
  [ObjectionErrorCode.DRAFT_NOT_APPLICABLE]: '修改内容与异议对象不符',
  [ObjectionErrorCode.RECORD_CHANGED]: '该信息在异议办理期间已被修改、撤销或恢复，请退回经办人按现状重新核对',
  [ObjectionErrorCode.KIND_CODE_TAKEN]: '该异议类型编码已被使用',
};
