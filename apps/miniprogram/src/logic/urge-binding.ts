import { UrgeBindingResult, urgeSummary } from '@szpm/contract';

/** 已催绑 3 人，2 人 24 小时内已催绑过，1 个账号已绑定 */
export function urgeBindingSummary(result: UrgeBindingResult): string {
  const alreadyBound = result.skippedAlreadyBound ? `${result.skippedAlreadyBound} 个账号已绑定` : '';
  return [urgeSummary(result, { verb: '催绑' }), alreadyBound].filter(Boolean).join('，');
}
