import { EvaluationSubjectType, type Page, type PublicBadRecord, type PublicRiskListEntry } from '@szpm/contract';
import { api } from '../../api';

/** The three public lists of 信息公示 (the website's 物业服务评价信息查询, and the officers' view of it). */
export type PublicityTab = 'bad-records' | 'risk-companies' | 'risk-managers';
export const PUBLICITY_TABS: readonly PublicityTab[] = ['bad-records', 'risk-companies', 'risk-managers'];
export type PublicityRow = PublicBadRecord | PublicRiskListEntry;

export function publicityTabOf(value: string | null): PublicityTab {
  return PUBLICITY_TABS.includes(value as PublicityTab) ? (value as PublicityTab) : 'bad-records';
}

/** One page of a public list, from the same public endpoints the website uses. */
export function publicityPage(tab: PublicityTab, query: { page?: number; pageSize?: number; search?: string; districtId?: number }): Promise<Page<PublicityRow>> {
  if (tab === 'bad-records') return api.evaluation.publicBadRecords(query);
  return api.evaluation.publicRiskList({ ...query, subjectType: tab === 'risk-companies' ? EvaluationSubjectType.COMPANY : EvaluationSubjectType.PROJECT_MANAGER });
}
