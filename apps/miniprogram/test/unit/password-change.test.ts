import { describe, expect, it } from 'vitest';
import { passwordChangeMessage } from '../../src/logic/password-change';

describe('password change pending (chapter 2, told in the mini-program)', () => {
  it('tells the officer to change an initial or expired password on the PC portal', () => {
    expect(passwordChangeMessage({ passwordChangeRequired: true, passwordChangeReason: 'INITIAL' })).toBe(
      '您的账号仍在使用初始密码，请先在电脑浏览器登录“深圳市物业管理信息平台”（个人登录）修改密码，修改后即可在微信端继续使用各项功能。',
    );
    expect(passwordChangeMessage({ passwordChangeRequired: true, passwordChangeReason: 'EXPIRED' })).toMatch(/^您的密码已过期，请先在电脑浏览器登录/);
  });

  it('says nothing otherwise', () => {
    expect(passwordChangeMessage({ passwordChangeRequired: false, passwordChangeReason: null })).toBeNull();
    expect(passwordChangeMessage(null)).toBeNull();
  });
});
