import { PropertyAreaErrorCode, PropertyAreaTab } from '@szpm/contract';
import { AppException } from '../../../common/errors/app.exception';
import { areaTabs, compareUnitNo, rectangleOf, toListItem } from './area-rules';

const refusal = (f: () => unknown): { code: string; field?: string } => {
  try {
    f();
  } catch (error) {
    const e = error as AppException;
    const details = e.details as Array<{ field: string }> | undefined;
    return { code: e.code, field: details?.[0]?.field };
  }
  throw new Error('not refused');
};

describe('the map rectangle', () => {
  it('is absent without corners and complete with four', () => {
    expect(rectangleOf({})).toBeNull();
    expect(rectangleOf({ swLng: 114, swLat: 22.5, neLng: 114.1, neLat: 22.6 })).toEqual({ swLng: 114, swLat: 22.5, neLng: 114.1, neLat: 22.6 });
    // a degenerate rectangle (one point) is allowed
    expect(rectangleOf({ swLng: 114, swLat: 22.5, neLng: 114, neLat: 22.5 })).not.toBeNull();
  });

  it('names the first missing corner', () => {
    expect(refusal(() => rectangleOf({ swLng: 114 }))).toEqual({ code: PropertyAreaErrorCode.RECTANGLE_INCOMPLETE, field: 'swLat' });
    expect(refusal(() => rectangleOf({ swLng: 114, swLat: 22, neLng: 115 }))).toEqual({ code: PropertyAreaErrorCode.RECTANGLE_INCOMPLETE, field: 'neLat' });
    expect(refusal(() => rectangleOf({ neLat: 22 }))).toEqual({ code: PropertyAreaErrorCode.RECTANGLE_INCOMPLETE, field: 'swLng' });
  });

  it('refuses corners the wrong way round', () => {
    expect(refusal(() => rectangleOf({ swLng: 115, swLat: 22, neLng: 114, neLat: 23 }))).toEqual({ code: PropertyAreaErrorCode.RECTANGLE_INVERTED, field: 'neLng' });
    expect(refusal(() => rectangleOf({ swLng: 114, swLat: 23, neLng: 115, neLat: 22 }))).toEqual({ code: PropertyAreaErrorCode.RECTANGLE_INVERTED, field: 'neLat' });
  });
});

describe('the detail tabs', () => {
  it('lists the six tabs of the manual in order, each with the endpoint that answers it', () => {
    const tabs = areaTabs();
    expect(tabs.map((t) => t.label)).toEqual(['物业区域信息', '共有资金信息', '房屋信息', '设施设备信息', '车位信息', '项目从业人员信息']);
    expect(tabs.map((t) => t.path)).toEqual(['', 'common-funds', 'buildings', 'facilities', 'parking', 'practitioners']);
    expect(tabs.find((t) => t.key === PropertyAreaTab.HOUSES)!.path).toBe('buildings');
  });
});

describe('list rows', () => {
  it('reads MySQL strings and SQLite numbers alike', () => {
    const base = { id: '7', code: 'SZWY0200007', name: '景田花园', districtId: 2, streetId: '201', communityId: 20101, address: '福田区景田路1号', floorArea: '12000', houseCount: 120, coordinateStatus: 'PLOTTED', longitude: '114.05', latitude: 22.54 };
    const mysql = toListItem({ ...base, selfManaged: '0', hasCommittee: 1, companyId: '3', handoverDate: '2008-05-01' });
    const sqlite = toListItem({ ...base, selfManaged: 0, hasCommittee: true, companyId: 3, handoverDate: '2008-05-01' });
    expect(mysql).toEqual(sqlite);
    expect(mysql).toMatchObject({ id: 7, selfManaged: false, hasCommittee: true, companyId: 3, coordinateStatusLabel: '已标注', floorArea: 12000, longitude: 114.05 });
    expect(toListItem({ ...base, companyId: null, hasCommittee: null }).companyId).toBeNull();
  });

  it('orders units as people count them', () => {
    expect(['10单元', '2单元', '1单元'].sort(compareUnitNo)).toEqual(['1单元', '2单元', '10单元']);
  });
});
