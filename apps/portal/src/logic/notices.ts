/**
 * 通知发布 (chapter 15) on PC: the pure parts of the pages — who may be addressed, the 发送范围 tree
 * and the request it becomes, the words of the confirmation, and the read-statistics charts.
 */
import {
  CITY_ROLES,
  GrantAction,
  NOTICE_AUDIENCE_LABELS,
  NoticeAudience,
  rate,
  type ModuleGrantSummary,
  type ModuleKey,
  type NoticeAudienceCount,
  type NoticeAudienceRequest,
  type NoticeAudienceStats,
  type NoticeReadStats,
  type PublishNoticeRequest,
  type RegionNode,
  type Role,
} from '@szpm/contract';

/** Whether the account may act (publish, urge, launch, edit) in a module, not only look. */
export function canOperate(modules: readonly ModuleGrantSummary[] | undefined, module: ModuleKey): boolean {
  return (modules ?? []).some((m) => m.module === module && m.actions.includes(GrantAction.OPERATE));
}

export const isCityRole = (role: Role | undefined): boolean => role !== undefined && CITY_ROLES.includes(role);

/** 接收对象 the account may choose: 区局工作人员 only for city accounts (the api refuses the rest). */
export function audienceOptions(role: Role | undefined): Array<{ value: NoticeAudience; label: string }> {
  const audiences = isCityRole(role)
    ? [NoticeAudience.PROJECT_MANAGER, NoticeAudience.COMMITTEE_CHAIR, NoticeAudience.DISTRICT_OFFICER]
    : [NoticeAudience.PROJECT_MANAGER, NoticeAudience.COMMITTEE_CHAIR];
  return audiences.map((value) => ({ value, label: NOTICE_AUDIENCE_LABELS[value] }));
}

/** A node of the 发送范围 tree; the value names its level, so a choice maps back to the request's lists. */
export interface ScopeTreeNode {
  value: string;
  title: string;
  children?: ScopeTreeNode[];
}

const LEVEL_KEYS = { DISTRICT: 'district', STREET: 'street', COMMUNITY: 'community' } as const;

/** The region tree as the 发送范围 picker shows it (district → street → community, with area counts). */
export function scopeTree(regions: readonly RegionNode[]): ScopeTreeNode[] {
  return regions.map((r) => ({
    value: `${LEVEL_KEYS[r.level]}:${r.id}`,
    title: `${r.name}（${r.propertyAreaCount}个项目）`,
    children: r.children?.length ? scopeTree(r.children) : undefined,
  }));
}

/** The chosen tree values as the api's districtIds / streetIds / communityIds (none chosen: the whole scope). */
export function scopeRequest(values: readonly string[] | undefined): Pick<NoticeAudienceRequest, 'districtIds' | 'streetIds' | 'communityIds'> {
  const ids = (level: string) =>
    (values ?? [])
      .filter((v) => v.startsWith(`${level}:`))
      .map((v) => Number(v.slice(level.length + 1)))
      .filter((id) => Number.isInteger(id) && id > 0);
  const [districtIds, streetIds, communityIds] = [ids('district'), ids('street'), ids('community')];
  return {
    ...(districtIds.length ? { districtIds } : {}),
    ...(streetIds.length ? { streetIds } : {}),
    ...(communityIds.length ? { communityIds } : {}),
  };
}

export interface NoticeFormValues {
  title: string;
  noticeTypeId: number;
  audiences: NoticeAudience[];
  scope?: string[];
  content: string;
}

export function publishRequest(values: NoticeFormValues, attachmentIds: readonly number[]): PublishNoticeRequest {
  return {
    title: values.title.trim(),
    noticeTypeId: values.noticeTypeId,
    content: values.content.trim(),
    audiences: values.audiences,
    ...scopeRequest(values.scope),
    ...(attachmentIds.length ? { attachmentIds: [...attachmentIds] } : {}),
  };
}

/** The confirmation before 发布, with the server's count for exactly this choice; null when it reaches nobody. */
export function publishConfirmation(count: NoticeAudienceCount): string | null {
  if (count.total === 0) return null;
  const parts = count.byAudience.filter((a) => a.count > 0).map((a) => `${a.audienceLabel} ${a.count} 人`);
  return `本通知将发送给 ${count.total} 人（${parts.join('，')}），确认发布？`;
}

/** 已读 x / y（z%） */
export function readSummary(stats: NoticeReadStats): string {
  return `已读 ${stats.read} / ${stats.recipients} 人（${rate(stats.read, stats.recipients)}%）`;
}

const READ_COLOUR = '#237804';
const UNREAD_COLOUR = '#d4380d';

/** ECharts option: one notice's 已读 / 未读 as a ring (the card around it carries the title and numbers). */
export function readRingOption(stats: NoticeReadStats) {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c} 人（{d}%）' },
    legend: { bottom: 0 },
    color: [READ_COLOUR, UNREAD_COLOUR],
    series: [
      {
        type: 'pie',
        radius: ['45%', '70%'],
        label: { formatter: '{b}\n{c} 人' },
        data: [
          { name: '已读', value: stats.read },
          { name: '未读', value: stats.unread },
        ],
      },
    ],
  };
}

/** ECharts option: 已读 and 未读 per 接收对象, stacked bars. */
export function audienceBarsOption(byAudience: readonly NoticeAudienceStats[], title = '按接收对象') {
  return {
    title: { text: title, left: 'center' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    color: [READ_COLOUR, UNREAD_COLOUR],
    grid: { left: 48, right: 24, top: 48, bottom: 48 },
    xAxis: { type: 'category', data: byAudience.map((a) => a.audienceLabel) },
    yAxis: { type: 'value', name: '人次', minInterval: 1 },
    series: [
      { name: '已读', type: 'bar', stack: 'read', data: byAudience.map((a) => a.read) },
      { name: '未读', type: 'bar', stack: 'read', data: byAudience.map((a) => a.unread) },
    ],
  };
}

export type ChartOption = ReturnType<typeof readRingOption> | ReturnType<typeof audienceBarsOption>;
