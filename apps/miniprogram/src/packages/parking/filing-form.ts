import { PARKING_COUNT_FIELDS, PARKING_DISPUTE_TYPE_LABELS, ParkingCountField, ParkingDisputeType, ParkingFilingRequest, ParkingFilingView } from '@szpm/contract';

/** The filing form as typed: every count and fee as text; the disputes by type. */
export interface FilingForm {
  counts: Record<ParkingCountField, string>;
  monthlyFee: string;
  hourlyFee: string;
  remarks: string;
  disputes: Partial<Record<ParkingDisputeType, { caseCount: string; note: string }>>;
}

export const DISPUTE_TYPES = Object.keys(PARKING_DISPUTE_TYPE_LABELS) as ParkingDisputeType[];

/** A fresh form, or the current filing to start from. */
export function formOf(filing: ParkingFilingView | null): FilingForm {
  const counts = Object.fromEntries(PARKING_COUNT_FIELDS.map((field) => [field, filing ? String(filing[field]) : ''])) as Record<ParkingCountField, string>;
  const disputes: FilingForm['disputes'] = {};
  for (const d of filing?.disputes ?? []) disputes[d.type] = { caseCount: String(d.caseCount), note: d.note ?? '' };
  return { counts, monthlyFee: filing?.monthlyFee?.toString() ?? '', hourlyFee: filing?.hourlyFee?.toString() ?? '', remarks: filing?.remarks ?? '', disputes };
}

/**
 * The request of a form, or the first field it lacks (the api checks the sums and names the field):
 * every count a whole number of 0 or more, fees blank or a number.
 */
export function requestOf(form: FilingForm): { body: ParkingFilingRequest } | { field: string; message: string } {
  const counts = {} as Record<ParkingCountField, number>;
  for (const field of PARKING_COUNT_FIELDS) {
    const text = form.counts[field].trim();
    if (!/^\d+$/.test(text)) return { field, message: '请填写0或正整数' };
    counts[field] = Number(text);
  }
  const fee = (text: string): number | null | undefined => {
    const t = text.trim();
    if (!t) return null;
    return /^\d+(\.\d{1,2})?$/.test(t) ? Number(t) : undefined;
  };
  const monthlyFee = fee(form.monthlyFee);
  if (monthlyFee === undefined) return { field: 'monthlyFee', message: '请填写金额（最多两位小数）' };
  const hourlyFee = fee(form.hourlyFee);
  if (hourlyFee === undefined) return { field: 'hourlyFee', message: '请填写金额（最多两位小数）' };
  const disputes: NonNullable<ParkingFilingRequest['disputes']> = [];
  for (const type of DISPUTE_TYPES) {
    const d = form.disputes[type];
    if (!d) continue;
    if (!/^[1-9]\d*$/.test(d.caseCount.trim())) return { field: `disputes.${type}`, message: '请填写宗数（正整数）' };
    disputes.push({ type, caseCount: Number(d.caseCount.trim()), note: d.note.trim() || null });
  }
  return { body: { ...counts, monthlyFee, hourlyFee, remarks: form.remarks.trim() || null, disputes } };
}
