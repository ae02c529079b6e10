/**
 * How a workflow form's content reads on screen (the 信息 / record tab of the mini-program and the
 * portal): Chinese labels for the known keys, values worded, nested drafts as their own sections.
 */
import { OBJECTION_GROUNDS_LABELS, OBJECTION_TARGET_LABELS, ObjectionGrounds, ObjectionTarget } from './objections';
import { EVALUATION_SUBJECT_TYPE_LABELS, EvaluationSubjectType } from './service-evaluation';

export interface FieldRow {
  label: string;
  value: string;
}

/** Labels of the form contents' keys (the 信息 tab), in display order. */
const LABELS: Array<[string, string]> = [
  ['subjectType', '评价对象类型'],
  ['subjectName', '评价对象'],
  ['target', '异议对象'],
  ['kindName', '异议类型'],
  ['grounds', '异议理由'],
  ['text', '异议内容'],
  ['cycleKey', '计分周期'],
  ['itemName', '事项'],
  ['circumstanceDescription', '情形'],
  ['level', '等级'],
  ['points', '分值'],
  ['publicityMonths', '公示期时长'],
  ['countOncePerYear', '同一事项只计一次'],
  ['factDate', '事实发生日期'],
  ['awardDate', '表彰日期'],
  ['documentNo', '文书编号'],
  ['description', '情况说明'],
  ['reason', '原因'],
  ['linkedRecordIds', '关联同年度不良信息'],
  ['revoke', '认定撤销'],
  // chapter 5: 项目登记, 项目经理变更, 修改申请
  ['areaName', '物业项目'],
  ['name', '项目名称'],
  ['companyName', '物业服务企业'],
  ['communityName', '所在社区'],
  ['address', '地址'],
  ['landNumber', '宗地号'],
  ['location', '坐落'],
  ['boundEast', '四至（东）'],
  ['boundSouth', '四至（南）'],
  ['boundWest', '四至（西）'],
  ['boundNorth', '四至（北）'],
  ['floorArea', '建筑面积（㎡）'],
  ['houseCount', '房屋套数'],
  ['longitude', '经度'],
  ['latitude', '纬度'],
  ['developerName', '开发建设单位'],
  ['handoverDate', '入伙日期'],
  ['previousManagerName', '原项目经理'],
  ['projectManagerName', '项目经理'],
  ['managerName', '新项目经理'],
  ['contactName', '联系人'],
  ['contactPhone', '联系电话'],
  ['remarks', '备注'],
];


function display(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (key === 'subjectType' && typeof value === 'string') return EVALUATION_SUBJECT_TYPE_LABELS[value as EvaluationSubjectType] ?? value;
  if (key === 'target' && typeof value === 'string') return OBJECTION_TARGET_LABELS[value as ObjectionTarget] ?? value;
  if (key === 'grounds' && typeof value === 'string') return OBJECTION_GROUNDS_LABELS[value as ObjectionGrounds] ?? value;
  if (key === 'cycleKey' && typeof value === 'string') return cycleLabel(value);
  if (key === 'publicityMonths' && typeof value === 'number') return `${value}个月`;
  if (key === 'points' && typeof value === 'number') return `${value}分`;
  if (key === 'level' && typeof value === 'number') return `${value}级`;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (key === 'linkedRecordIds' && Array.isArray(value)) return value.length ? `${value.length}条` : '—';
  if (Array.isArray(value)) return value.length ? value.join('、') : '—';
  if (typeof value === 'object') return '';
  return String(value);
}

/**
 * The 信息 tab's rows for a form's content: the known keys in order with Chinese labels. Keys
 * without a label (ids, codes) are the machine's and are not shown; nested objects (an
 * objection's 原信息 and 修改稿) become their own sections.
 */
export function payloadRows(payload: Record<string, unknown>): FieldRow[] {
  const rows: FieldRow[] = [];
  for (const [key, label] of LABELS) {
    if (key in payload && !isObject(payload[key])) rows.push({ label, value: display(key, payload[key]) });
  }
  return rows;
}

export interface FieldSection {
  title: string;
  rows: FieldRow[];
}

const SECTION_TITLES: Record<string, string> = { original: '原信息', draft: '修改稿', basicDraft: '基础信息修改稿' };

export function payloadSections(payload: Record<string, unknown>): FieldSection[] {
  const sections = Object.entries(payload)
    .filter(([key, value]) => isObject(value) && key in SECTION_TITLES)
    .map(([key, value]) => ({ title: SECTION_TITLES[key], rows: payloadRows(value as Record<string, unknown>) }));
  const changes = changeRows(payload);
  if (changes) sections.push({ title: '修改内容', rows: changes });
  return sections.filter((section) => section.rows.length > 0);
}

/**
 * A change request (a `proposed` map with its `before` snapshot and the fields' `labels`, as
 * 物业区域信息修改申请 holds them): one row per field, 原值 → 新值.
 */
function changeRows(payload: Record<string, unknown>): FieldRow[] | null {
  const { proposed, before, labels } = payload;
  if (!isObject(proposed) || !isObject(before) || !isObject(labels)) return null;
  const after = proposed as Record<string, unknown>;
  const was = before as Record<string, unknown>;
  const names = labels as Record<string, unknown>;
  return Object.keys(after).map((field) => ({
    label: typeof names[field] === 'string' ? (names[field] as string) : field,
    value: `${changeValue(field, was[field])} → ${changeValue(field, after[field])}`,
  }));
}

function changeValue(field: string, value: unknown): string {
  // a boundary is a GeoJSON text nobody reads: say whether there is one
  if (field === 'boundaryGeoJson') return value ? '已标注边界' : '未标注';
  return display(field, value) || '—';
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A scoring cycle's key as the reader says it: 2026 → 2026年度, 2026-H2 → 2026年下半年. */
export function cycleLabel(key: string | null | undefined): string {
  if (!key) return '—';
  if (/^\d{4}$/.test(key)) return `${key}年度`;
  const half = /^(\d{4})-H([12])$/.exec(key);
  return half ? `${half[1]}年${half[2] === '1' ? '上' : '下'}半年` : key;
}
