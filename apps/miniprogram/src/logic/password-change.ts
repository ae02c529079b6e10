import type { MeResponse } from '@szpm/contract';

/**
 * What the home tells an officer whose password is initial or expired: the api refuses every other
 * request (AUTH_PASSWORD_CHANGE_REQUIRED) until it is changed, and the change is made on the PC portal
 * (the mini-program has no password page). null when nothing is pending.
 */
export function passwordChangeMessage(me: Pick<MeResponse, 'passwordChangeRequired' | 'passwordChangeReason'> | null): string | null {
  if (!me?.passwordChangeRequired) return null;
  const why = me.passwordChangeReason === 'EXPIRED' ? '您的密码已过期' : '您的账号仍在使用初始密码';
  return `${why}，请先在电脑浏览器登录“深圳市物业管理信息平台”（个人登录）修改密码，修改后即可在微信端继续使用各项功能。`;
}
