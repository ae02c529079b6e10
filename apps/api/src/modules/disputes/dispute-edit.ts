import {
  DISPUTE_PARTY_KIND_LABELS,
  DISPUTE_SOURCE_LABELS,
  DISPUTE_URGENCY_LABELS,
  PETITION_CATEGORY_LABELS,
  PETITION_FORM_LABELS,
  DisputePartyKind,
  DisputeSource,
  DisputeUrgency,
  PetitionCategory,
  PetitionForm,
} from '@szpm/contract';
import type { DisputePayload } from './dto/dispute.dto';

type Field = { label: string; read: (p: DisputePayload) => string };

const text = (value: string | null | undefined) => (value === null || value === undefined || value === '' ? '（空）' : value);
const party = (kind: DisputePartyKind | undefined, name: string | undefined, phone: string | null | undefined) =>
  kind ? `${DISPUTE_PARTY_KIND_LABELS[kind]} ${name ?? ''}${phone ? ` ${phone}` : ''}` : '（空）';

/** The fields 修改 may change, in the form's order, as 历程 words them. */
const EDITABLE_FIELDS: Field[] = [
  { label: '小区名称', read: (p) => p.propertyAreaName ?? `#${p.propertyAreaId}` },
  { label: '详细地址', read: (p) => text(p.address) },
  { label: '问题分类', read: (p) => p.categoryName ?? `#${p.categoryId}` },
  { label: '纠纷简述', read: (p) => text(p.summary) },
  { label: '诉求', read: (p) => text(p.demand) },
  { label: '涉及人数', read: (p) => String(p.peopleCount) },
  { label: '申请方', read: (p) => party(p.applicant?.kind, p.applicant?.name, p.applicant?.phone) },
  { label: '被申请方', read: (p) => party(p.respondent?.kind, p.respondent?.name, p.respondent?.phone) },
  { label: '来源', read: (p) => DISPUTE_SOURCE_LABELS[p.source as DisputeSource] ?? text(p.source) },
  { label: '紧急程度', read: (p) => DISPUTE_URGENCY_LABELS[p.urgency as DisputeUrgency] ?? text(p.urgency) },
  { label: '信访件编号', read: (p) => text(p.petition?.petitionNo) },
  { label: '信访人', read: (p) => text(p.petition?.petitioner) },
  { label: '信访人电话', read: (p) => text(p.petition?.phone) },
  { label: '信访形式', read: (p) => (p.petition ? PETITION_FORM_LABELS[p.petition.form as PetitionForm] : '（空）') },
  { label: '信访日期', read: (p) => text(p.petition?.date) },
  { label: '是否集体访', read: (p) => (p.petition ? (p.petition.collective ? '是' : '否') : '（空）') },
  { label: '信访类别', read: (p) => (p.petition ? PETITION_CATEGORY_LABELS[p.petition.category as PetitionCategory] : '（空）') },
  { label: '办理时限', read: (p) => text(p.deadline) },
];

const SHORT = 60;
const clip = (value: string) => (value.length > SHORT ? `${value.slice(0, SHORT)}…` : value);

/**
 * 修改 as 历程 shows it: one line per changed field, 「问题分类：停车纠纷 → 物业费追索」; null when
 * none of the editable fields changed (the handling block is 处理's own entry).
 */
export function describeDisputeEdit(before: DisputePayload, after: DisputePayload): string | null {
  const lines: string[] = [];
  for (const field of EDITABLE_FIELDS) {
    const was = field.read(before);
    const now = field.read(after);
    if (was !== now) lines.push(`${field.label}：${clip(was)} → ${clip(now)}`);
  }
  return lines.length ? lines.join('\n') : null;
}
