import { EvaluationSubjectType, ScoringCycleKind } from '@szpm/contract';

/**
 * The catalogue a new installation starts with (../shared/spec/domain-notes.md, "Property service
 * evaluation"): Shenzhen's own tables were not published in full, so the defaults follow
 * comparable published rules — point levels 18 / 6 / 3 / 1 (Shanghai 2012), the count-once rule
 * for repeated penalties on one item (Wuxi, Yinchuan; the manual states it too), basic information
 * up to 80, good records up to 40, grades AAA ≥ 85, AA 80–85, A 70–80, B 60–70, C < 60 (Yantai,
 * Jinan), a calendar-year cycle (Beijing). City admins change all of it through the catalogue
 * endpoints.
 */

/** Publicity months by level: the more serious, the longer it stays published. */
const PUBLICITY_MONTHS_BY_LEVEL: Record<number, number> = { 1: 12, 2: 6, 3: 3, 4: 3 };
const POINTS_BY_LEVEL: Record<number, number> = { 1: 18, 2: 6, 3: 3, 4: 1 };

interface DefaultCircumstance {
  code: string;
  description: string;
  level: 1 | 2 | 3 | 4;
}

export interface DefaultBadRecordItem {
  code: string;
  name: string;
  subjectType: EvaluationSubjectType | null;
  countOncePerYear: boolean;
  circumstances: Array<DefaultCircumstance & { points: number; publicityMonths: number }>;
}

const badItem = (code: string, name: string, subjectType: EvaluationSubjectType | null, countOncePerYear: boolean, circumstances: DefaultCircumstance[]): DefaultBadRecordItem => ({
  code,
  name,
  subjectType,
  countOncePerYear,
  circumstances: circumstances.map((c) => ({ ...c, points: POINTS_BY_LEVEL[c.level], publicityMonths: PUBLICITY_MONTHS_BY_LEVEL[c.level] })),
});

export const DEFAULT_BAD_RECORD_ITEMS: DefaultBadRecordItem[] = [
  badItem('MAINTENANCE_FUND', '挪用、侵占专项维修资金', null, false, [
    { code: 'SERIOUS', description: '挪用、侵占专项维修资金，数额较大或造成损失的', level: 1 },
    { code: 'CORRECTED', description: '挪用专项维修资金，未造成损失并已按要求退回的', level: 2 },
  ]),
  badItem('SHARED_PARTS_USE', '擅自改变物业管理区域内共用部位、共用设施设备用途', null, false, [
    { code: 'SERIOUS', description: '擅自改变用途或擅自利用共用部位经营，造成严重后果的', level: 1 },
    { code: 'ORDERED', description: '擅自改变用途，经责令限期改正的', level: 2 },
  ]),
  badItem('CERTIFICATE_LENDING', '出租、出借、转让从业资格证书', EvaluationSubjectType.PROJECT_MANAGER, false, [
    { code: 'LENDING', description: '出租、出借、转让或涂改从业资格证书的', level: 1 },
  ]),
  badItem('SAFETY_ACCIDENT', '因管理不善发生安全责任事故', null, false, [
    { code: 'MAJOR', description: '因管理不善发生重大及以上安全责任事故的', level: 1 },
    { code: 'GENERAL', description: '因管理不善发生一般安全责任事故的', level: 2 },
  ]),
  badItem('ADMIN_PENALTY', '违反物业管理规定受到行政处罚', null, true, [
    { code: 'FINE', description: '受到罚款行政处罚的', level: 2 },
    { code: 'WARNING', description: '受到警告行政处罚的', level: 3 },
  ]),
  badItem('RECEPTION_SCHEDULE', '未按规定执行每周接待日制度', EvaluationSubjectType.PROJECT_MANAGER, true, [
    { code: 'NOT_KEPT', description: '未按规定安排项目负责人每周接待业主，经查证属实的', level: 2 },
  ]),
  badItem('INFO_DISCLOSURE', '未按规定公开物业服务信息', null, true, [
    { code: 'ORDERED_NOT_CORRECTED', description: '经责令限期改正，逾期未改正的', level: 3 },
    { code: 'INCOMPLETE', description: '公开的信息不完整、不及时的', level: 4 },
  ]),
  badItem('CONTRACT_FILING', '未按规定办理物业服务合同备案', EvaluationSubjectType.COMPANY, false, [
    { code: 'NOT_FILED', description: '签订物业服务合同后未在规定期限内备案的', level: 4 },
  ]),
  badItem('VERIFIED_COMPLAINT', '业主投诉经查证属实且未及时整改', null, true, [
    { code: 'REPEATED', description: '同一事项被投诉经查证属实，经督促仍未整改的', level: 3 },
    { code: 'SINGLE', description: '被投诉经查证属实，未在规定期限内整改的', level: 4 },
  ]),
];

export interface DefaultRiskListItem {
  code: string;
  name: string;
  subjectType: EvaluationSubjectType | null;
  circumstances: Array<{ code: string; description: string; publicityMonths: number }>;
}

export const DEFAULT_RISK_LIST_ITEMS: DefaultRiskListItem[] = [
  {
    code: 'ABANDONED_AREA',
    name: '擅自撤出物业管理区域',
    subjectType: EvaluationSubjectType.COMPANY,
    circumstances: [{ code: 'NO_HANDOVER', description: '未按规定办理交接手续擅自撤出物业管理区域的', publicityMonths: 24 }],
  },
  {
    code: 'REFUSED_HANDOVER',
    name: '拒不移交物业服务用房和有关资料',
    subjectType: EvaluationSubjectType.COMPANY,
    circumstances: [{ code: 'REFUSED', description: '物业服务合同终止后拒不退出、拒不移交的', publicityMonths: 12 }],
  },
  {
    code: 'FALSE_MATERIALS',
    name: '提供虚假材料',
    subjectType: null,
    circumstances: [{ code: 'FALSE', description: '在评价、备案或申报中提供虚假材料的', publicityMonths: 12 }],
  },
  {
    code: 'POINTS_THRESHOLD',
    name: '一个计分周期内不良信息扣分累计达到规定分值',
    subjectType: null,
    circumstances: [{ code: 'OVER_30', description: '一个计分周期内不良信息扣分累计达到30分的', publicityMonths: 12 }],
  },
];

export interface DefaultGoodRecordItem {
  code: string;
  name: string;
  subjectType: EvaluationSubjectType | null;
  points: number;
}

export const DEFAULT_GOOD_RECORD_ITEMS: DefaultGoodRecordItem[] = [
  { code: 'NATIONAL_HONOUR', name: '获得国家级表彰', subjectType: null, points: 20 },
  { code: 'PROVINCIAL_HONOUR', name: '获得省级表彰', subjectType: null, points: 15 },
  { code: 'CITY_HONOUR', name: '获得市级表彰', subjectType: null, points: 10 },
  { code: 'DISTRICT_HONOUR', name: '获得区级表彰', subjectType: null, points: 5 },
  { code: 'EMERGENCY_SERVICE', name: '参与应急抢险、防灾减灾工作受到通报表扬', subjectType: null, points: 5 },
];

export const DEFAULT_SCORING_RULES = {
  cycleKind: ScoringCycleKind.CALENDAR_YEAR,
  basicScoreMax: 80,
  goodRecordCap: 40,
  gradeAaaMin: 85,
  gradeAaMin: 80,
  gradeAMin: 70,
  gradeBMin: 60,
};
