/** Where a business form (审批单, `WorkflowCase`) stands. */
export enum WorkflowStatus {
  /** 待受理: filed by an evaluated subject, waiting for an officer to accept it */
  PENDING_ACCEPTANCE = 'PENDING_ACCEPTANCE',
  /** 录入初审 / 待办理: with the district handler (entering, or first-checking an accepted application) */
  ENTRY = 'ENTRY',
  /** 认定审核: with the district supervisor */
  REVIEW = 'REVIEW',
  /** 退回补录: back with the subject who filed it, to supplement and file again */
  SUPPLEMENT = 'SUPPLEMENT',
  /** 已转办街道: with the street office of the form's street, to handle */
  STREET_HANDLING = 'STREET_HANDLING',
  /** 街道办结待审核: handled by the street office, waiting for the district's review */
  STREET_REVIEW = 'STREET_REVIEW',
  /** 同意: approved, its effect applied */
  APPROVED = 'APPROVED',
  /** 不同意: closed without effect */
  REJECTED = 'REJECTED',
  /** 已撤销: withdrawn by its applicant before a decision, closed without effect */
  WITHDRAWN = 'WITHDRAWN',
}

export const WORKFLOW_STATUS_LABELS: Record<WorkflowStatus, string> = {
  [WorkflowStatus.PENDING_ACCEPTANCE]: '待受理',
  [WorkflowStatus.ENTRY]: '录入初审',
  [WorkflowStatus.REVIEW]: '认定审核',
  [WorkflowStatus.SUPPLEMENT]: '退回补录',
  [WorkflowStatus.STREET_HANDLING]: '街道办理',
  [WorkflowStatus.STREET_REVIEW]: '街道办结待审核',
  [WorkflowStatus.APPROVED]: '已同意',
  [WorkflowStatus.REJECTED]: '不同意',
  [WorkflowStatus.WITHDRAWN]: '已撤销',
};

export const FINISHED_WORKFLOW_STATUSES: readonly WorkflowStatus[] = [WorkflowStatus.APPROVED, WorkflowStatus.REJECTED, WorkflowStatus.WITHDRAWN];

export enum WorkflowAction {
  /** the form is created (by a handler at entry, or filed by a subject) */
  CREATE = 'CREATE',
  /** the handler sends the entered form to review (also after a return) */
  SUBMIT = 'SUBMIT',
  /** 确认受理 */
  ACCEPT = 'ACCEPT',
  /** 拟同意 / 拟不同意: the handler's first check of an accepted application, sending it to review */
  PROPOSE_APPROVE = 'PROPOSE_APPROVE',
  PROPOSE_REJECT = 'PROPOSE_REJECT',
  /** 同意 / 不同意 */
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  /** 退回上一级 */
  RETURN_TO_PREVIOUS = 'RETURN_TO_PREVIOUS',
  /** 退回补录: to the subject who filed it */
  RETURN_FOR_SUPPLEMENT = 'RETURN_FOR_SUPPLEMENT',
  /** the subject files a supplemented form again */
  RESUBMIT = 'RESUBMIT',
  /** a handler's or reviewer's change to the form's content (kept in the form until approval) */
  EDIT = 'EDIT',
  /** 转办: the district passes the form to the street office of its street */
  TRANSFER = 'TRANSFER',
  /** 处理 → 申请办结: the handling party records its handling (e.g. 化解 / 疏导 and the outcome) and sends it to review */
  HANDLE = 'HANDLE',
  /** 驳回重报: the reviewer sends the handling back to the party that handled it */
  SEND_BACK = 'SEND_BACK',
  /** 同意办结: the reviewer closes the form, its effect applied */
  APPROVE_CLOSE = 'APPROVE_CLOSE',
  /** 撤销: the applicant takes the form back before a decision (forms whose steps declare it) */
  WITHDRAW = 'WITHDRAW',
}

export const WORKFLOW_ACTION_LABELS: Record<WorkflowAction, string> = {
  [WorkflowAction.CREATE]: '录入',
  [WorkflowAction.SUBMIT]: '提交',
  [WorkflowAction.ACCEPT]: '确认受理',
  [WorkflowAction.PROPOSE_APPROVE]: '拟同意',
  [WorkflowAction.PROPOSE_REJECT]: '拟不同意',
  [WorkflowAction.APPROVE]: '同意',
  [WorkflowAction.REJECT]: '不同意',
  [WorkflowAction.RETURN_TO_PREVIOUS]: '退回上一级',
  [WorkflowAction.RETURN_FOR_SUPPLEMENT]: '退回补录',
  [WorkflowAction.RESUBMIT]: '重新提交',
  [WorkflowAction.EDIT]: '修改',
  [WorkflowAction.TRANSFER]: '转办',
  [WorkflowAction.HANDLE]: '申请办结',
  [WorkflowAction.SEND_BACK]: '驳回重报',
  [WorkflowAction.APPROVE_CLOSE]: '同意办结',
  [WorkflowAction.WITHDRAW]: '撤销',
};

/** Who started a form: an officer entering a record, or an evaluated subject filing an application. */
export enum WorkflowOrigin {
  OFFICER = 'OFFICER',
  SUBJECT = 'SUBJECT',
}

/** The todo lists of chapter 4. */
export enum TodoList {
  /** 待办: forms waiting for me (my role, my district) */
  PENDING = 'pending',
  /** 已办: forms I acted on that are not waiting for me, running or finished */
  HANDLED = 'handled',
  /** 待受理: applications waiting to be accepted */
  TO_ACCEPT = 'to-accept',
  /** 已完成: finished forms I took part in (a part of 已办) */
  COMPLETED = 'completed',
}

export interface AttachmentRef {
  id: number;
  fileName: string;
  size: number;
  contentType: string;
}

export interface WorkflowHistoryEntry {
  seq: number;
  action: WorkflowAction;
  actionLabel: string;
  fromStatus: WorkflowStatus | null;
  toStatus: WorkflowStatus;
  actorId: number;
  actorName: string;
  actorRole: string;
  actorRoleLabel: string;
  /** set when the actor worked through a delegation (代办委托) */
  onBehalfOfId: number | null;
  /** the delegator's name then: "actorName 代 onBehalfOfName" */
  onBehalfOfName: string | null;
  opinion: string | null;
  remark: string | null;
  attachments: AttachmentRef[];
  at: string;
}

export interface WorkflowCaseSummary {
  id: number;
  businessNo: string;
  formType: string;
  formTypeLabel: string;
  title: string;
  status: WorkflowStatus;
  statusLabel: string;
  districtId: number;
  subjectType: string | null;
  subjectId: number | null;
  subjectName: string | null;
  initiatorName: string;
  origin: WorkflowOrigin;
  /** sent back (退回上一级 / 退回补录) and waiting to be corrected and submitted again */
  returned: boolean;
  /** send it back with the next action (optimistic locking) */
  version: number;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export interface WorkflowCaseDetail<P = Record<string, unknown>> extends WorkflowCaseSummary {
  /** the form's content as it stands (including reviewers' edits) */
  payload: P;
  /** the content as first submitted, for comparison */
  originalPayload: P;
  attachments: AttachmentRef[];
  /** the actions the caller may take now */
  allowedActions: WorkflowAction[];
  history: WorkflowHistoryEntry[];
  /** forms with a street party: the street the last 转办 (TRANSFER) chose; null before the first */
  streetId: number | null;
}

export interface TodoCounts {
  pending: number;
  handled: number;
  toAccept: number;
  completed: number;
  /** of the pending ones, those past their deadline (forms with a 办理时限, e.g. 矛盾纠纷件) */
  overdue: number;
}

/** Actions that cannot be taken without an opinion (审批意见). */
export const OPINION_REQUIRED_ACTIONS: readonly WorkflowAction[] = [
  WorkflowAction.APPROVE,
  WorkflowAction.REJECT,
  WorkflowAction.RETURN_TO_PREVIOUS,
  WorkflowAction.RETURN_FOR_SUPPLEMENT,
  WorkflowAction.PROPOSE_APPROVE,
  WorkflowAction.PROPOSE_REJECT,
  WorkflowAction.SEND_BACK,
];

/** Actions that may carry a changed payload (the edit is recorded as its own EDIT entry first). */
export const PAYLOAD_CARRYING_ACTIONS: readonly WorkflowAction[] = [
  WorkflowAction.EDIT,
  WorkflowAction.SUBMIT,
  WorkflowAction.PROPOSE_APPROVE,
  WorkflowAction.PROPOSE_REJECT,
  WorkflowAction.APPROVE,
  WorkflowAction.RESUBMIT,
  WorkflowAction.HANDLE,
];

/** Body of POST /api/workflow/cases/:id/actions. */
export interface WorkflowActionRequest<P = Record<string, unknown>> {
  action: WorkflowAction;
  /** the version the caller saw; a different current version is a WORKFLOW_CONFLICT */
  version: number;
  opinion?: string;
  remark?: string;
  attachmentIds?: number[];
  /** the changed content (EDIT, or an edit together with SUBMIT / PROPOSE_* / APPROVE / RESUBMIT) */
  payload?: P;
  /** 转办 (TRANSFER) only, and required there: the street office (a street of the case's district) that takes the case on */
  streetId?: number;
}

/** A registered business type (GET /api/workflow/form-types), for filters. */
export interface WorkflowFormTypeInfo {
  formType: string;
  label: string;
  module: string;
  origin: WorkflowOrigin;
}

/** 附件: limits the server enforces on POST /api/attachments (multipart field `file`). */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

/** Allowed attachment types by extension; the server also checks the file's leading bytes. */
export const ATTACHMENT_CONTENT_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

export interface UploadedAttachment extends AttachmentRef {
  uploadedAt: string;
}
