import { RegionNode } from '@szpm/contract';
import { ConfirmWords } from './confirm';

/**
 * 发起安全检查 goes to every property area of the officer's district: the regions tree (which starts
 * at the district) says how many.
 */
export function districtAreaCount(tree: RegionNode[]): number {
  return tree.filter((node) => node.level === 'DISTRICT').reduce((sum, node) => sum + node.propertyAreaCount, 0);
}

/** 「将向本区 54 个物业项目发起安全检查」 before it goes; null when the district has no areas to check. */
export function launchConfirmation(areaCount: number, deadline: string): ConfirmWords | null {
  if (areaCount <= 0) return null;
  return {
    title: '确认发起安全检查？',
    content: `将向本区 ${areaCount} 个物业项目发起安全检查，各项目负责人将收到检查通知，须在 ${deadline} 前提交；发起后不能撤回。`,
    confirmText: '发起',
  };
}

export const NO_AREAS_MESSAGE = '本区暂无物业项目，无法发起安全检查';

export function launchedMessage(targetCount: number): string {
  return `已发起，已通知 ${targetCount} 个物业项目`;
}
