import { UrgeBindingResult } from '@szpm/contract';

/** 提示催绑消息发送成功, with what was skipped and why. */
export function urgeResultMessage(result: UrgeBindingResult): string {
  const skipped = [
    result.skippedInCooldown ? `${result.skippedInCooldown}个账号24小时内已催绑` : '',
    result.skippedAlreadyBound ? `${result.skippedAlreadyBound}个账号已绑定` : '',
  ].filter(Boolean);
  if (result.urged === 0) return `没有发送催绑消息${skipped.length ? `：${skipped.join('，')}` : ''}`;
  return `催绑消息发送成功：已催绑${result.urged}个账号${skipped.length ? `（${skipped.join('，')}）` : ''}`;
}
