import { describe, expect, it } from 'vitest';
import { normalisedBindForm, validateBindForm } from '../../src/logic/bind-form';
import { secondsLeft, sendCodeLabel } from '../../src/logic/countdown';
import { decideLoginMode, isWechatBrowser, landingOf, newOauthState, withoutOauthParams } from '../../src/logic/login-route';

const WECHAT_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0.50 NetType/WIFI';
const CHROME_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36';

describe('login route', () => {
  it('weapp always signs in with wx.login', () => {
    expect(decideLoginMode({ taroEnv: 'weapp', userAgent: '', search: '' })).toEqual({ kind: 'mini' });
  });

  it('H5 outside WeChat shows the password page, even with a code on the address', () => {
    expect(decideLoginMode({ taroEnv: 'h5', userAgent: CHROME_UA, search: '?code=abc&state=s' })).toEqual({ kind: 'password' });
  });

  it('H5 inside WeChat authorizes first, then logs in with the code WeChat brought back', () => {
    expect(isWechatBrowser(WECHAT_UA)).toBe(true);
    expect(decideLoginMode({ taroEnv: 'h5', userAgent: WECHAT_UA, search: '' })).toEqual({ kind: 'oa-authorize' });
    expect(decideLoginMode({ taroEnv: 'h5', userAgent: WECHAT_UA, search: '?code=CODE1&state=xyz' })).toEqual({ kind: 'oa-callback', code: 'CODE1', state: 'xyz' });
  });

  it('takes the used code and state off the address, keeping the rest', () => {
    expect(withoutOauthParams('https://h.example.cn/m/?code=C&state=S&from=menu#/pages/index/index')).toBe('https://h.example.cn/m/?from=menu#/pages/index/index');
  });

  it('makes OAuth states of 16 base-36 characters', () => {
    let n = 0;
    const state = newOauthState(() => (n++ % 36) / 36);
    expect(state).toMatch(/^[0-9a-z]{16}$/);
    expect(state.startsWith('0123')).toBe(true);
  });

  it('lands bound identities home and unbound ones on identity binding', () => {
    const tokens = { accessToken: 'a', refreshToken: 'r', expiresIn: 900 };
    expect(landingOf({ bound: true, tokens, modules: [] })).toEqual({ kind: 'home', tokens });
    expect(landingOf({ bound: false, bindTicket: 't' })).toEqual({ kind: 'bind', bindTicket: 't' });
    expect(landingOf({ bound: false })).toMatchObject({ kind: 'failed' });
  });
});

describe('identity binding form', () => {
  it('needs name and phone to send the code, and the 6-digit code to submit', () => {
    expect(validateBindForm({ name: '', phone: '', code: '' }, 'send-code')).toEqual({ name: '请填写姓名', phone: '请填写手机号码' });
    expect(validateBindForm({ name: '林晓敏', phone: '1380013800', code: '' }, 'send-code')).toEqual({ phone: '请填写11位手机号码' });
    expect(validateBindForm({ name: '林晓敏', phone: '13800138000', code: '' }, 'send-code')).toEqual({});
    expect(validateBindForm({ name: '林晓敏', phone: '13800138000', code: '' }, 'submit')).toEqual({ code: '请填写短信验证码' });
    expect(validateBindForm({ name: '林晓敏', phone: '13800138000', code: '12a456' }, 'submit')).toEqual({ code: '验证码为6位数字' });
    expect(validateBindForm({ name: ' 林晓敏 ', phone: ' 13800138000 ', code: '123456' }, 'submit')).toEqual({});
    expect(validateBindForm({ name: '1', phone: '12800138000', code: '123456' }, 'submit')).toEqual({ name: '姓名应为2至32个汉字或字母', phone: '请填写11位手机号码' });
  });

  it('trims what it sends', () => {
    expect(normalisedBindForm({ name: ' 林晓敏 ', phone: '13800138000 ', code: ' 123456' })).toEqual({ name: '林晓敏', phone: '13800138000', code: '123456' });
  });

  it('counts down whole seconds to the next send', () => {
    expect(secondsLeft(null, 1000)).toBe(0);
    expect(secondsLeft(61_000, 1000)).toBe(60);
    expect(secondsLeft(61_000, 1001)).toBe(60);
    expect(secondsLeft(61_000, 60_001)).toBe(1);
    expect(secondsLeft(61_000, 61_000)).toBe(0);
    expect(secondsLeft(61_000, 99_000)).toBe(0);
    expect(sendCodeLabel(0, false)).toBe('获取验证码');
    expect(sendCodeLabel(59, true)).toBe('59秒后重新获取');
    expect(sendCodeLabel(0, true)).toBe('重新获取验证码');
  });
});
