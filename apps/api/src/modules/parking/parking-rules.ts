import {
  PARKING_CAPPED_FIELDS,
  PARKING_FIELD_LABELS,
  PARKING_LOCATION_FIELDS,
  PARKING_RIGHT_FIELDS,
  ParkingCounts,
  ParkingDisputeInput,
  ParkingErrorCode,
} from '@szpm/contract';

/** A refusal of a filing: the code and the request field it names. */
export interface ParkingProblem {
  code: ParkingErrorCode;
  field: string;
  message: string;
}

/**
 * The first field at which a running sum passes the total (the field that tips it over), or null.
 * A class sum above the total is refused naming that field, so the form marks where to look.
 */
function tippingField<F extends string>(counts: Record<F, number>, fields: readonly F[], total: number): F | null {
  let sum = 0;
  for (const field of fields) {
    sum += counts[field];
    if (sum > total) return field;
  }
  return null;
}

/**
 * The sums a filing must keep (the counts are already whole and non-negative, by the DTO):
 * 地上 + 地下 + 机械 = 车位总数 (above it: the field that tips the sum over; below it: 车位总数);
 * 产权 + 开发商持有 + 出租 + 人防 + 共有 ≤ 车位总数; 对外开放, 临时, 充电, 无障碍 each ≤ 车位总数;
 * each dispute type at most once. Answers the first problem, or null.
 */
export function parkingProblem(counts: ParkingCounts, disputes: readonly ParkingDisputeInput[] = []): ParkingProblem | null {
  const { total } = counts;
  const locationSum = PARKING_LOCATION_FIELDS.reduce((sum, field) => sum + counts[field], 0);
  if (locationSum !== total) {
    const field = locationSum > total ? tippingField(counts, PARKING_LOCATION_FIELDS, total)! : 'total';
    return { code: ParkingErrorCode.LOCATION_SUM_MISMATCH, field, message: `地上、地下、机械车位之和（${locationSum}）须等于车位总数（${total}）` };
  }
  const rightsOver = tippingField(counts, PARKING_RIGHT_FIELDS, total);
  if (rightsOver) {
    const rightsSum = PARKING_RIGHT_FIELDS.reduce((sum, field) => sum + counts[field], 0);
    return { code: ParkingErrorCode.RIGHTS_EXCEED_TOTAL, field: rightsOver, message: `产权、开发商持有、出租、人防、共有车位之和（${rightsSum}）不能超过车位总数（${total}）` };
  }
  const capped = PARKING_CAPPED_FIELDS.find((field) => counts[field] > total);
  if (capped) return { code: ParkingErrorCode.CLASS_EXCEEDS_TOTAL, field: capped, message: `${PARKING_FIELD_LABELS[capped]}（${counts[capped]}）不能超过车位总数（${total}）` };
  const seen = new Set<string>();
  for (const [index, dispute] of disputes.entries()) {
    if (seen.has(dispute.type)) return { code: ParkingErrorCode.DISPUTE_TYPE_REPEATED, field: `disputes.${index}.type`, message: '同一纠纷类型只能填报一次' };
    seen.add(dispute.type);
  }
  return null;
}
