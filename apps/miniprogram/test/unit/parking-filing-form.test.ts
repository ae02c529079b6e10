import { PARKING_COUNT_FIELDS, ParkingDisputeType, ParkingFilingView } from '@szpm/contract';
import { describe, expect, it } from 'vitest';
import { FilingForm, formOf, requestOf } from '../../src/packages/parking/filing-form';

const counts = { total: 100, surface: 20, underground: 70, mechanical: 10, soldOwned: 40, developerHeld: 10, rented: 20, civilDefence: 10, common: 5, publicOpen: 5, temporary: 5, evCharging: 12, chargingPosts: 8, accessible: 2 };

const typed = (patch: Partial<FilingForm> = {}): FilingForm => ({
  counts: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, ` ${v} `])) as FilingForm['counts'],
  monthlyFee: '350',
  hourlyFee: '',
  remarks: ' ',
  disputes: {},
  ...patch,
});

describe('the project manager’s parking filing form', () => {
  it('starts empty, or from the current filing with its disputes', () => {
    const fresh = formOf(null);
    expect(Object.values(fresh.counts).every((v) => v === '')).toBe(true);
    const current = { ...counts, monthlyFee: 300, hourlyFee: 5.5, remarks: '地下二层为人防', disputes: [{ type: ParkingDisputeType.FEE_PRICING, caseCount: 2, note: null }] } as unknown as ParkingFilingView;
    const form = formOf(current);
    expect(form.counts.total).toBe('100');
    expect(form.hourlyFee).toBe('5.5');
    expect(form.disputes[ParkingDisputeType.FEE_PRICING]).toEqual({ caseCount: '2', note: '' });
  });

  it('sends every count as a number, a blank fee as null and only the disputes chosen', () => {
    const request = requestOf(typed({ disputes: { [ParkingDisputeType.FEE_PRICING]: { caseCount: '3', note: ' 临停费上调 ' } } }));
    expect('body' in request && request.body).toEqual({ ...counts, monthlyFee: 350, hourlyFee: null, remarks: null, disputes: [{ type: ParkingDisputeType.FEE_PRICING, caseCount: 3, note: '临停费上调' }] });
    expect(Object.keys('body' in request ? request.body : {})).toEqual(expect.arrayContaining([...PARKING_COUNT_FIELDS]));
  });

  it('names the first field that is not a whole number, a bad fee, or a dispute without a count', () => {
    expect(requestOf(typed({ counts: { ...typed().counts, rented: '2.5' } }))).toEqual({ field: 'rented', message: '请填写0或正整数' });
    expect(requestOf(typed({ counts: { ...typed().counts, total: '' } }))).toMatchObject({ field: 'total' });
    expect(requestOf(typed({ monthlyFee: '35.005' }))).toMatchObject({ field: 'monthlyFee' });
    expect(requestOf(typed({ hourlyFee: '五元' }))).toMatchObject({ field: 'hourlyFee' });
    expect(requestOf(typed({ disputes: { [ParkingDisputeType.FEE_PRICING]: { caseCount: '0', note: '' } } }))).toEqual({ field: `disputes.${ParkingDisputeType.FEE_PRICING}`, message: '请填写宗数（正整数）' });
  });
});
