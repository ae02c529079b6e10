import { DISPUTE_STATUS_LABELS, DisputeSummary } from '@szpm/contract';
import { sqlDateTime } from '../../common/sql/datetime';
import type { DisputeDisposal, DisputeOutcome, DisputeSource, DisputeStatus, DisputeUrgency } from '@szpm/contract';


const bool = (value: unknown) => value === true || value === 1 || value === '1';
const textOrNull = (value: unknown) => (value === null || value === undefined ? null : String(value));

/** A ledger row (plain SQL, names joined) as the API answers it. */
export function toDisputeSummary(r: Record<string, unknown>, today: string): DisputeSummary {
  const status = r.status as DisputeStatus;
  const closed = bool(r.closed);
  const deadline = String(r.deadline);
  return {
    id: Number(r.id),
    businessNo: String(r.businessNo),
    status,
    statusLabel: DISPUTE_STATUS_LABELS[status] ?? status,
    districtId: Number(r.districtId),
    districtName: String(r.districtName ?? ''),
    streetId: Number(r.streetId),
    streetName: String(r.streetName ?? ''),
    communityId: Number(r.communityId),
    communityName: String(r.communityName ?? ''),
    propertyAreaId: Number(r.propertyAreaId),
    propertyAreaName: String(r.propertyAreaName ?? ''),
    categoryId: Number(r.categoryId),
    categoryName: String(r.categoryName ?? ''),
    summary: String(r.summary),
    peopleCount: Number(r.peopleCount),
    source: r.source as DisputeSource,
    urgency: r.urgency as DisputeUrgency,
    deadline,
    overdue: !closed && deadline < today,
    withStreet: bool(r.withStreet),
    transferred: Number(r.transferCount) > 0,
    disposal: (r.disposal as DisputeDisposal | null) ?? null,
    outcome: (r.outcome as DisputeOutcome | null) ?? null,
    repliedAt: textOrNull(r.repliedAt),
    handlingNote: textOrNull(r.handlingNote),
    followUp: bool(r.followUp),
    sendBackCount: Number(r.sendBackCount),
    enteredAt: sqlDateTime(r.enteredAt).toISOString(),
    enteredByName: String(r.enteredByName),
    closedAt: r.closedAt === null || r.closedAt === undefined ? null : sqlDateTime(r.closedAt).toISOString(),
    importBatchNo: textOrNull(r.importBatchNo),
    version: Number(r.version),
  };
}
