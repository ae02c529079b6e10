import type { LoginResponse, MeResponse, PasswordChangeReason, TokenPair } from '@szpm/contract';

/** The page an account whose password must be changed is sent to, whatever it opened. */
export const PASSWORD_CHANGE_PATH = '/account/password';

/** Where the signed-in part of the portal sends the account instead of `pathname` (null: it may stay). */
export function passwordChangeRedirect(me: Pick<MeResponse, 'passwordChangeRequired'>, pathname: string): string | null {
  return me.passwordChangeRequired && pathname !== PASSWORD_CHANGE_PATH ? PASSWORD_CHANGE_PATH : null;
}

/** Why the change page opened by itself, in the officer's words. */
export function passwordChangeNotice(reason: PasswordChangeReason | null): { title: string; description: string } | null {
  if (reason === 'INITIAL') {
    return {
      title: '您的账号仍在使用初始密码，请先修改密码',
      description: '初始密码由管理员在创建账号或重置密码时设置。为保障账号安全，修改密码后才能使用平台的其他功能；修改成功后请用新密码重新登录。',
    };
  }
  if (reason === 'EXPIRED') {
    return {
      title: '您的密码已过期，请先修改密码',
      description: '为保障账号安全，密码须定期修改。修改密码后才能使用平台的其他功能；修改成功后请用新密码重新登录。',
    };
  }
  return null;
}

/** The session part of the login answer (the client keeps only the token pair). */
export function tokenPairOf(login: LoginResponse): TokenPair {
  return { accessToken: login.accessToken, refreshToken: login.refreshToken, expiresIn: login.expiresIn };
}
