/**
 * The default facility-type catalogue (domain notes, Ch.5 [I], aligned with the chapter 16 check
 * categories). Codes are stable; names and flags are the admin's from the first start on.
 */
export interface DefaultFacilityType {
  code: string;
  name: string;
  isSpecialEquipment?: boolean;
  children?: DefaultFacilityType[];
}

export const DEFAULT_FACILITY_TYPES: readonly DefaultFacilityType[] = [
  {
    code: 'LIFT',
    name: '电梯',
    isSpecialEquipment: true,
    children: [
      { code: 'LIFT_PASSENGER', name: '乘客电梯', isSpecialEquipment: true },
      { code: 'LIFT_FREIGHT', name: '载货电梯', isSpecialEquipment: true },
      { code: 'LIFT_ESCALATOR', name: '自动扶梯', isSpecialEquipment: true },
    ],
  },
  {
    code: 'FIRE',
    name: '消防',
    children: [
      { code: 'FIRE_ALARM', name: '火灾自动报警系统' },
      { code: 'FIRE_SPRINKLER', name: '自动喷水灭火系统' },
      { code: 'FIRE_HYDRANT', name: '消火栓系统' },
      { code: 'FIRE_SMOKE_CONTROL', name: '防排烟系统' },
      { code: 'FIRE_EMERGENCY_LIGHTING', name: '应急照明和疏散指示' },
      { code: 'FIRE_EXTINGUISHER', name: '灭火器' },
    ],
  },
  {
    code: 'POWER',
    name: '供配电',
    children: [
      { code: 'POWER_TRANSFORMER', name: '变压器' },
      { code: 'POWER_SWITCHGEAR', name: '高低压配电柜' },
      { code: 'POWER_GENERATOR', name: '发电机' },
    ],
  },
  {
    code: 'WATER',
    name: '给排水',
    children: [
      { code: 'WATER_TANK', name: '二次供水水箱' },
      { code: 'WATER_PUMP', name: '生活水泵' },
      { code: 'WATER_SEWAGE_PUMP', name: '排污泵' },
      { code: 'WATER_SEPTIC_TANK', name: '化粪池' },
    ],
  },
  {
    code: 'SECURITY',
    name: '安防',
    children: [
      { code: 'SECURITY_CCTV', name: '视频监控' },
      { code: 'SECURITY_ACCESS', name: '门禁' },
      { code: 'SECURITY_BARRIER', name: '道闸' },
      { code: 'SECURITY_PERIMETER', name: '周界防范' },
    ],
  },
  {
    code: 'CHARGING',
    name: '充电设施',
    children: [
      { code: 'CHARGING_CAR', name: '汽车充电设施' },
      { code: 'CHARGING_EBIKE', name: '电动自行车充电设施' },
    ],
  },
  { code: 'LIGHTNING', name: '防雷' },
  { code: 'OTHER', name: '其他' },
];
