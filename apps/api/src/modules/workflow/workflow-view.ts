import { AttachmentRef, ROLE_LABELS, Role, WORKFLOW_ACTION_LABELS, WORKFLOW_STATUS_LABELS, WorkflowCaseSummary, WorkflowHistoryEntry } from '@szpm/contract';
import { WorkflowActionRecord } from './entities/workflow-action-record.entity';
import { WorkflowCase } from './entities/workflow-case.entity';
import { RegisteredForm } from './workflow-registry';

/** `returned`: the form waits for correction after 退回 (see isReturned). */
export function toCaseSummary(workflowCase: WorkflowCase, form: RegisteredForm | undefined, returned: boolean): WorkflowCaseSummary {
  return {
    id: workflowCase.id,
    businessNo: workflowCase.businessNo,
    formType: workflowCase.formType,
    formTypeLabel: form?.label ?? workflowCase.formType,
    title: workflowCase.title,
    status: workflowCase.status,
    statusLabel: form?.statusLabel(workflowCase.status) ?? WORKFLOW_STATUS_LABELS[workflowCase.status],
    districtId: workflowCase.districtId,
    subjectType: workflowCase.subjectType,
    subjectId: workflowCase.subjectId,
    subjectName: workflowCase.subjectName,
    initiatorName: workflowCase.initiatorName,
    origin: workflowCase.origin,
    returned,
    version: workflowCase.version,
    createdAt: workflowCase.createdAt.toISOString(),
    updatedAt: workflowCase.updatedAt.toISOString(),
    finishedAt: workflowCase.finishedAt ? workflowCase.finishedAt.toISOString() : null,
  };
}

export function toHistoryEntry(record: WorkflowActionRecord, attachments: readonly AttachmentRef[]): WorkflowHistoryEntry {
  return {
    seq: record.seq,
    action: record.action,
    actionLabel: WORKFLOW_ACTION_LABELS[record.action],
    fromStatus: record.fromStatus,
    toStatus: record.toStatus,
    actorId: record.actorId,
    actorName: record.actorName,
    actorRole: record.actorRole,
    actorRoleLabel: ROLE_LABELS[record.actorRole as Role] ?? record.actorRole,
    onBehalfOfId: record.onBehalfOfId,
    onBehalfOfName: record.onBehalfOfName,
    opinion: record.opinion,
    remark: record.remark,
    attachments: record.attachmentIds.map((id) => attachments.find((a) => a.id === id)).filter((a): a is AttachmentRef => a !== undefined),
    at: record.at.toISOString(),
  };
}
