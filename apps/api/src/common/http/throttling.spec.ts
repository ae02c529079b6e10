import { ExecutionContext, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerStorage } from '@nestjs/throttler';
import { loadConfig } from '../../config/app-config';
import { RateLimit, RateLimitGuard, throttlerOptions, TrustProxyCheck } from './throttling';

const base = { NODE_ENV: 'test', DATA_DIR: '/tmp/h11-cfg', JWT_SECRET: 'x'.repeat(32) } as const;

describe('rate-limit and proxy settings', () => {
  it('defaults suit a government platform: 10 logins a minute per IP+username, 5 SMS codes per 10 minutes per phone', () => {
    const { rateLimits, trustProxy } = loadConfig(base).security;
    expect(rateLimits.enabled).toBe(true);
    expect(rateLimits.login).toEqual({ limit: 10, windowSeconds: 60 });
    expect(rateLimits.smsCode).toEqual({ limit: 5, windowSeconds: 600 });
    expect(trustProxy).toEqual(['loopback']);
  });

  it('refresh counts per presented token, with a loose per-IP cap; anonymous refusals are audited 30 a minute per IP', () => {
    const { security } = loadConfig(base);
    expect(security.rateLimits.refresh).toEqual({ limit: 10, windowSeconds: 60 });
    expect(security.rateLimits.refreshPerIp).toEqual({ limit: 1000, windowSeconds: 60 });
    expect(security.anonymousRefusalAudit).toEqual({ limit: 30, windowSeconds: 60 });
    expect(loadConfig({ ...base, AUDIT_ANONYMOUS_REFUSALS_PER_IP: '5/10' }).security.anonymousRefusalAudit).toEqual({ limit: 5, windowSeconds: 10 });
  });

  it('warns at a production start that trusts only loopback as proxy, not once TRUST_PROXY names the proxy', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const production = { ...base, DATABASE_URL: 'mysql://u@db:3306/szpm' };
    for (const env of [production, { ...production, TRUST_PROXY: 'false' }, { ...production, TRUST_PROXY: '127.0.0.1,::1' }]) {
      warn.mockClear();
      new TrustProxyCheck(loadConfig(env)).onApplicationBootstrap();
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^TRUST_PROXY trusts only loopback/));
    }
    for (const env of [{ ...production, TRUST_PROXY: '172.28.0.0/16' }, base]) {
      warn.mockClear();
      new TrustProxyCheck(loadConfig(env)).onApplicationBootstrap();
      expect(warn).not.toHaveBeenCalled();
    }
    warn.mockRestore();
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

describe('RateLimitGuard', () => {
  class LoginRoute {
    @RateLimit('login')
    login(): void {}
  }
  const request = { ip: '127.0.0.1', body: { username: 'futian.handler' }, headers: {} };
  const context = {
    getType: () => 'http',
    getHandler: () => LoginRoute.prototype.login,
    getClass: () => LoginRoute,
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({ setHeader: () => undefined, header: () => undefined }) }),
  } as unknown as ExecutionContext;
  const guardWith = async (storage: ThrottlerStorage) => {
    const guard = new RateLimitGuard(throttlerOptions(loadConfig(base), storage), storage, new Reflector());
    await guard.onModuleInit();
    return guard;
  };

  it('lets a request through, logged, when the counters cannot be reached (Redis down)', async () => {
    const down: ThrottlerStorage = { increment: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')) };
    const guard = await guardWith(down);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    await expect(guard.canActivate(context)).resolves.toBe(true);
  });

  it('still answers 429 beyond the limit when the counters answer', async () => {
    const full: ThrottlerStorage = { increment: async () => ({ totalHits: 11, timeToExpire: 30, isBlocked: true, timeToBlockExpire: 30 }) };
    const guard = await guardWith(full);
    await expect(guard.canActivate(context)).rejects.toMatchObject({ code: 'RATE_LIMITED', status: 429 });
  });
});
