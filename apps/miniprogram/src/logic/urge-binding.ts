import { UrgeBindingResult, urgeSummary } from '@szpm/contract';

/**
 * 已催绑 3 人，2 人 24 小时内已催绑过，1 个账号已绑定. With `unboundOnCards` (the 未绑定 the
 * statistics show for what was urged) the toast adds up to the cards: accounts the cards count but
 * the api does not urge (停用 / 注销) and officers' accounts the cards do not list are named.
 */
export function urgeBindingSummary(result: UrgeBindingResult, unboundOnCards?: number): string {
  const alreadyBound = result.skippedAlreadyBound ? `${result.skippedAlreadyBound} 个账号已绑定` : '';
  const parts = [urgeSummary(result, { verb: '催绑' }), alreadyBound];
  if (unboundOnCards !== undefined) {
    const handled = result.urged + result.skippedInCooldown;
    if (handled < unboundOnCards) parts.push(`${unboundOnCards - handled} 个账号已停用，未催绑`);
    if (handled > unboundOnCards) parts.push(`其中 ${handled - unboundOnCards} 人为本局工作人员（不在上表中）`);
  }
  return parts.filter(Boolean).join('，');
}
