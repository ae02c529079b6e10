/**
 * 安全检查 (chapter 16) on PC: the pure parts of the pages — a template as its form edits it and the
 * request it becomes, the launch request and its confirmation, and the region drill-down steps.
 */
import {
  REGION_STATS_CHILD_LEVEL_LABELS,
  type CreateSafetyTemplateRequest,
  type LaunchInspectionRequest,
  type RegionNode,
  type RegionStatsLevel,
  type SafetyCheckKind,
  type SafetyCompletionCounter,
  type SafetyOverviewQuery,
  type SafetyTemplateDetail,
} from '@szpm/contract';

/** The template form: indicators (检查指标) with their sub-items (检查子项) in order. */
export interface TemplateFormValues {
  name: string;
  kind: SafetyCheckKind;
  description?: string | null;
  indicators: Array<{ name: string; subItems: Array<{ content: string; facility?: string | null }> }>;
}

export function templateFormValues(template: SafetyTemplateDetail): TemplateFormValues {
  return {
    name: template.name,
    kind: template.kind,
    description: template.description ?? '',
    indicators: template.indicators.map((i) => ({ name: i.name, subItems: i.subItems.map((s) => ({ content: s.content, facility: s.facility ?? '' })) })),
  };
}

const trimmed = (text: string | null | undefined): string => (text ?? '').trim();

/** The form as the api takes it: text trimmed, an empty 设施设备 or 说明 sent as null. */
export function templateRequest(values: TemplateFormValues): CreateSafetyTemplateRequest {
  return {
    name: trimmed(values.name),
    kind: values.kind,
    description: trimmed(values.description) || null,
    indicators: (values.indicators ?? []).map((i) => ({
      name: trimmed(i.name),
      subItems: (i.subItems ?? []).map((s) => ({ content: trimmed(s.content), facility: trimmed(s.facility) || null })),
    })),
  };
}

/** Who may change a template: the city the city-wide ones (districtId null), a district its own. */
export function mayEditTemplate(template: { districtId: number | null }, actor: { districtId: number | null; city: boolean }): boolean {
  return actor.city || (template.districtId !== null && template.districtId === actor.districtId);
}

export interface LaunchFormValues {
  templateId: number;
  title?: string;
  deadline: string;
  instructions?: string;
  districtId?: number;
  /** every area of the district, or those chosen */
  range: 'all' | 'chosen';
}

export function launchRequest(values: LaunchFormValues, chosenAreaIds: readonly number[]): LaunchInspectionRequest {
  return {
    templateId: values.templateId,
    ...(trimmed(values.title) ? { title: trimmed(values.title) } : {}),
    deadline: values.deadline,
    ...(trimmed(values.instructions) ? { instructions: trimmed(values.instructions) } : {}),
    ...(values.districtId ? { districtId: values.districtId } : {}),
    ...(values.range === 'chosen' ? { propertyAreaIds: [...chosenAreaIds] } : {}),
  };
}

/** The property areas of one district of the region tree (the count 发起 to all would reach). */
export function districtAreaCount(regions: readonly RegionNode[], districtId?: number): number {
  const districts = regions.filter((r) => r.level === 'DISTRICT' && (districtId === undefined || r.id === districtId));
  return districts.reduce((n, d) => n + d.propertyAreaCount, 0);
}

export function launchConfirmation(areas: number, deadline: string): string | null {
  if (areas <= 0) return null;
  return `将向 ${areas} 个物业项目的项目负责人发起安全检查，截止日期 ${deadline}，确认发起？`;
}

/** One step of the statistics drill-down: the filter and the name shown in its trail. */
export interface DrillStep {
  filter: Pick<SafetyOverviewQuery, 'districtId' | 'streetId' | 'communityId'>;
  name: string;
}

/** The filter after opening a row of a table at `level`; null at the property areas (the last level). */
export function drillInto(filter: DrillStep['filter'], level: RegionStatsLevel, regionId: number): DrillStep['filter'] | null {
  if (level === 'DISTRICT') return { ...filter, districtId: regionId };
  if (level === 'STREET') return { ...filter, streetId: regionId };
  if (level === 'COMMUNITY') return { ...filter, communityId: regionId };
  return null;
}

export const regionColumnTitle = (level: RegionStatsLevel): string => REGION_STATS_CHILD_LEVEL_LABELS[level];

/** The numbers of the completion table, as the page and the export name them; each opens its list. */
export const COMPLETION_COUNTERS: ReadonlyArray<{ counter: SafetyCompletionCounter; title: string }> = [
  { counter: 'targets', title: '应检查项目' },
  { counter: 'submitted', title: '已提交' },
  { counter: 'outstanding', title: '未提交' },
  { counter: 'overdue', title: '逾期未提交' },
  { counter: 'problems', title: '发现问题' },
  { counter: 'areasWithProblems', title: '有问题项目' },
];

export const counterTitle = (counter: SafetyCompletionCounter): string => COMPLETION_COUNTERS.find((c) => c.counter === counter)?.title ?? counter;
