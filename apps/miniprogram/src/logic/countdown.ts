/** Whole seconds until `until` (epoch ms), never negative; 0 when there is no countdown. */
export function secondsLeft(until: number | null, now: number): number {
  if (until === null) return 0;
  return Math.max(0, Math.ceil((until - now) / 1000));
}

/** The send-code button's text: 获取验证码, or 60秒后重新获取 while counting down. */
export function sendCodeLabel(left: number, sentBefore: boolean): string {
  if (left > 0) return `${left}秒后重新获取`;
  return sentBefore ? '重新获取验证码' : '获取验证码';
}
