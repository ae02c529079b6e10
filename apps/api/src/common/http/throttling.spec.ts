import { loadConfig } from '../../config/app-config';

const base = { NODE_ENV: 'test', DATA_DIR: '/tmp/h11-cfg', JWT_SECRET: 'x'.repeat(32) } as const;

describe('rate-limit and proxy settings', () => {
  it('defaults suit a government platform: 10 logins a minute per IP+username, 5 SMS codes per 10 minutes per phone', () => {
    const { rateLimits, trustProxy } = loadConfig(base).security;
    expect(rateLimits.enabled).toBe(true);
    expect(rateLimits.login).toEqual({ limit: 10, windowSeconds: 60 });
    expect(rateLimits.smsCode).toEqual({ limit: 5, windowSeconds: 600 });
    expect(trustProxy).toEqual(['loopback']);
  });

  it('reads requests/seconds and refuses anything else, naming the variable', () => {
    expect(loadConfig({ ...base, RATE_LIMIT_LOGIN: '3/30' }).security.rateLimits.login).toEqual({ limit: 3, windowSeconds: 30 });
    for (const bad of ['10', '10/0', '0/60', 'ten/60', '10/100000']) {
      expect(() => loadConfig({ ...base, RATE_LIMIT_LOGIN: bad })).toThrow(/^配置错误 RATE_LIMIT_LOGIN: /);
    }
  });

  it('RATE_LIMITS=off is for test suites only', () => {
    expect(loadConfig({ ...base, RATE_LIMITS: 'off' }).security.rateLimits.enabled).toBe(false);
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', ALLOW_DEVELOPMENT_SMS: 'true', RATE_LIMITS: 'off' })).toThrow(/RATE_LIMITS/);
  });

  it('TRUST_PROXY takes false, true, a hop count, or addresses, CIDRs and the named ranges', () => {
    const trust = (value: string) => loadConfig({ ...base, TRUST_PROXY: value }).security.trustProxy;
    expect(trust('false')).toBe(false);
    expect(trust('true')).toBe(true);
    expect(trust('1')).toBe(1);
    expect(trust('10.0.0.2, 172.16.0.0/12, uniquelocal, ::1')).toEqual(['10.0.0.2', '172.16.0.0/12', 'uniquelocal', '::1']);
    expect(() => trust('10.0.0.0/33')).toThrow(/TRUST_PROXY/);
    expect(() => trust('proxy.internal')).toThrow(/TRUST_PROXY/);
  });
});
