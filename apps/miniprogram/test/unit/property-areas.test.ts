import { CoordinateStatus, PropertyAreaDetail, PropertyAreaProfileView, PropertyAreaTab } from '@szpm/contract';
import { describe, expect, it } from 'vitest';
import {
  areaInfoSections,
  areaSizeText,
  buildingSummary,
  daysUntil,
  detailTabs,
  facilityDueMark,
  facilityPlace,
  formatNumber,
  formatSquareMetres,
  houseSummary,
  managementText,
  NONE,
  statsSummary,
} from '../../src/logic/property-areas';

const emptyProfile: PropertyAreaProfileView = {
  areaType: null,
  areaTypeLabel: null,
  serviceType: null,
  serviceTypeLabel: null,
  contractType: null,
  contractTypeLabel: null,
  contractStart: null,
  contractEnd: null,
  servicePrice: null,
  collectionRate: null,
  totalHouseholds: null,
  ownerCount: null,
  occupiedHouseholds: null,
  handoverDate: null,
  buildArea: null,
  serviceArea: null,
  siteArea: null,
  greenArea: null,
  parkingArea: null,
  publicFacilityArea: null,
  multiStoreyArea: null,
  highRiseArea: null,
  villaArea: null,
  officeArea: null,
  commerceArea: null,
  industrialArea: null,
  municipalArea: null,
  otherArea: null,
  averagePrice: null,
  boundEast: null,
  boundSouth: null,
  boundWest: null,
  boundNorth: null,
  totalPhases: null,
  phase: null,
  hasCommittee: false,
  committeeName: null,
  committeePhone: null,
  managementOffice: null,
  managementOfficePhone: null,
  developerName: null,
};

function area(overrides: Partial<PropertyAreaDetail> = {}): PropertyAreaDetail {
  return {
    id: 3,
    code: 'FT-0003',
    name: '景田花园',
    districtId: 1,
    districtName: '福田区',
    streetId: 2,
    streetName: '景田街道',
    communityId: 4,
    communityName: '景丽社区',
    address: '景田路 12 号',
    companyId: 5,
    companyName: '深圳市安居物业服务有限公司',
    developerName: '深圳市景田开发有限公司',
    projectManagerName: '王俊峰',
    floorArea: 123456.5,
    houseCount: 812,
    selfManaged: false,
    hasCommittee: true,
    coordinateStatus: CoordinateStatus.PLOTTED,
    coordinateStatusLabel: '已标注',
    layer: '住宅',
    handoverDate: '2008-06-01',
    longitude: 114.03,
    latitude: 22.55,
    landNumber: 'B105-0012',
    location: null,
    externalCode: null,
    otherCityProject: false,
    ownersCommitteeId: null,
    remarks: null,
    boundaryGeoJson: null,
    developerId: null,
    projectManagerId: 9,
    projectManagerPhone: '13800000000',
    version: 1,
    updatedAt: '2026-01-01T00:00:00.000Z',
    profile: emptyProfile,
    buildingCount: 12,
    tabs: [],
    ...overrides,
  };
}

/** The texts with their no-break spaces (before ㎡) written as plain ones. */
const plain = (text: string | undefined) => text?.replace(/\u00a0/g, ' ');
const rowValue = (sections: ReturnType<typeof areaInfoSections>, label: string) => plain(sections.flatMap((s) => s.rows).find((r) => r.label === label)?.value);

describe('项目管理: numbers and list rows', () => {
  it('writes numbers with separators and at most two decimals, and areas in ㎡', () => {
    expect(formatNumber(1234567.891)).toBe('1,234,567.89');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-1500)).toBe('-1,500');
    expect(formatNumber(null)).toBe(NONE);
    expect(formatNumber(Number.NaN)).toBe(NONE);
    expect(plain(formatSquareMetres(98.5))).toBe('98.5 ㎡');
    expect(formatSquareMetres(undefined)).toBe(NONE);
    // the unit stays on the line of its number
    expect(formatSquareMetres(1)).toBe('1\u00a0㎡');
  });

  it('names the manager of an area: the company, 自管, or none', () => {
    expect(managementText({ companyName: '安居物业', selfManaged: false })).toBe('安居物业');
    expect(managementText({ companyName: '安居物业', selfManaged: true })).toBe('自管');
    expect(managementText({ companyName: null, selfManaged: false })).toBe('暂无物业服务企业');
    expect(plain(areaSizeText({ floorArea: 123456.5, houseCount: 812 }))).toBe('建筑面积 123,456.5 ㎡ · 812 户');
  });

  it('sums up the statistics of the crumb in one sentence', () => {
    expect(plain(statsSummary({ projects: 26, buildArea: 1234567, households: 12345, companyManaged: 24, selfManaged: 2, withCommittee: 9 }))).toBe(
      '共 26 个项目，总建筑面积 1,234,567 ㎡，总户数 12,345 户；企业管理 24 个，自管 2 个，已成立业委会 9 个',
    );
  });
});

describe('项目管理: the detail', () => {
  it('shows 物业区域信息 in groups, a missing value as —, never a machine code', () => {
    const sections = areaInfoSections(area({ profile: { ...emptyProfile, areaType: null, servicePrice: 2.8, collectionRate: 96.5, contractStart: '2024-01-01', contractEnd: null, hasCommittee: true, committeeName: '景田花园业委会' } }));
    expect(sections.map((s) => s.title)).toEqual(['基本信息', '物业服务', '户数', '面积', '四至', '业主委员会']);
    expect(rowValue(sections, '物业服务费')).toBe('2.8 元/㎡·月');
    expect(rowValue(sections, '物业费收缴率')).toBe('96.5%');
    expect(rowValue(sections, '合同期限')).toBe(`2024-01-01 至 ${NONE}`);
    expect(rowValue(sections, '物业类型')).toBe(NONE);
    expect(rowValue(sections, '项目负责人')).toBe('王俊峰（13800000000）');
    // the profile's own 总建筑面积 when recorded, else the area's
    expect(rowValue(sections, '总建筑面积')).toBe('123,456.5 ㎡');
    expect(rowValue(sections, '已成立业委会')).toBe('是');
    expect(rowValue(sections, '坐标图层')).toBe('已标注（住宅）');
    expect(rowValue(sections, '房屋（已登记）')).toBe('812 套，12 栋');
    const values = sections.flatMap((s) => s.rows.map((r) => r.value)).join(' ');
    expect(values).not.toMatch(/PLOTTED|RESIDENTIAL|LUMP_SUM|null|undefined/);
  });

  it('keeps the api’s six tabs in its order, and the manual’s when none are sent', () => {
    const tabs = [{ key: PropertyAreaTab.INFO, label: '物业区域信息', path: '' }];
    expect(detailTabs({ tabs })).toBe(tabs);
    expect(detailTabs({ tabs: [] }).map((t) => t.label)).toEqual(['物业区域信息', '共有资金信息', '房屋信息', '设施设备信息', '车位信息', '项目从业人员信息']);
  });

  it('writes a building and a house of the tree in one line each', () => {
    expect(plain(buildingSummary({ totalFloors: 32, hasBasement: true, structureLabel: '钢混', unitCount: 2, houseCount: 256, buildingArea: 23000 }))).toBe('32层（含地下室） · 钢混 · 2个单元 · 256户 · 23,000 ㎡');
    expect(plain(houseSummary({ floor: 12, usage: '住宅', houseType: '三房两厅', buildingArea: 98.45, innerArea: 80 }))).toBe('12层 · 三房两厅 · 建筑面积 98.45 ㎡ · 套内 80 ㎡');
    expect(plain(houseSummary({ floor: null, usage: '商业', houseType: null, buildingArea: null, innerArea: null }))).toBe(`商业 · 建筑面积 ${NONE}`);
  });
});

describe('设施设备信息: due special equipment', () => {
  const lift = { isSpecialEquipment: true, dueDate: '2026-07-10', enabled: true };
  it('counts whole days between Shanghai dates', () => {
    expect(daysUntil('2026-07-10', '2026-07-01')).toBe(9);
    expect(daysUntil('2026-06-30', '2026-07-01')).toBe(-1);
    expect(daysUntil('2027-07-01', '2026-07-01')).toBe(365);
  });

  it('marks a lift due within the look-ahead, due today or overdue; not others', () => {
    expect(facilityDueMark(lift, '2026-07-01', 30)).toEqual({ text: '9 天后到期', type: 'warning' });
    expect(facilityDueMark(lift, '2026-07-10', 30)).toEqual({ text: '今日到期', type: 'danger' });
    expect(facilityDueMark(lift, '2026-07-15', 30)).toEqual({ text: '已过期 5 天', type: 'danger' });
    // beyond the look-ahead, not special equipment, no date, or disabled: no mark
    expect(facilityDueMark(lift, '2026-05-01', 30)).toBeNull();
    expect(facilityDueMark({ ...lift, isSpecialEquipment: false }, '2026-07-01', 30)).toBeNull();
    expect(facilityDueMark({ ...lift, dueDate: null }, '2026-07-01', 30)).toBeNull();
    expect(facilityDueMark({ ...lift, enabled: false }, '2026-07-01', 30)).toBeNull();
    expect(facilityDueMark(lift, '2026-06-10', 30)).toEqual({ text: '30 天后到期', type: 'warning' });
    expect(facilityDueMark(lift, '2026-06-09', 30)).toBeNull();
  });

  it('says where a facility is', () => {
    expect(facilityPlace({ buildingName: '1栋', unitName: 'A单元', position: '首层大堂', quantity: 2 })).toBe('1栋 A单元 首层大堂 · 数量 2');
    expect(facilityPlace({ buildingName: null, unitName: null, position: null, quantity: 1 })).toBe('物业区域公共部位 · 数量 1');
  });
});
