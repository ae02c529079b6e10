import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import request from 'supertest';
import { loadConfig } from '../src/config/app-config';
import { securityHeaders } from '../src/common/http/security-headers';
import { startTestApp, TestApp } from './support/test-app';

const H5_INLINE_SCRIPT = "document.documentElement.style.fontSize = '20px';";

function cspOf(response: request.Response): Record<string, string[]> {
  const header = String(response.headers['content-security-policy'] ?? '');
  return Object.fromEntries(
    header
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name, values]),
  );
}

function expectBaseHeaders(response: request.Response): void {
  expect(response.headers['x-powered-by']).toBeUndefined();
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['x-frame-options']).toBe('DENY');
  expect(cspOf(response)['frame-ancestors']).toEqual(["'none'"]);
  expect(cspOf(response)['object-src']).toEqual(["'none'"]);
}

/** Rate limits run with their real defaults here (the other specs turn them off), on the embedded memory storage or on Redis (REDIS_URL). */
describe('security headers and rate limits', () => {
  let t: TestApp;
  const h5 = mkdtempSync(join(tmpdir(), 'szpm-h5-csp-'));
  const previousH5 = process.env.MINIPROGRAM_H5_DIR;

  beforeAll(async () => {
    writeFileSync(join(h5, 'index.html'), `<!doctype html><html><head><script>${H5_INLINE_SCRIPT}</script><script defer src="/m/js/app.js"></script></head><body><div id="app"></div></body></html>`);
    process.env.MINIPROGRAM_H5_DIR = h5;
    t = await startTestApp({ env: { RATE_LIMITS: 'on' } });
  });
  afterAll(async () => {
    if (previousH5 === undefined) delete process.env.MINIPROGRAM_H5_DIR;
    else process.env.MINIPROGRAM_H5_DIR = previousH5;
    await t.close();
  });

  const login = (username: string, password: string, ip = '198.51.100.1') =>
    t.http().post('/api/auth/login').set('X-Forwarded-For', ip).send({ username, password });
  const sendSmsCode = (phone: string, ip = '198.51.100.2') =>
    t.http().post('/api/identity/bind/sms-code').set('X-Forwarded-For', ip).send({ bindTicket: 'not-a-ticket', name: '李明', phone });

  describe('headers', () => {
    it('authenticated JSON: nosniff, no framing, a CSP, no X-Powered-By, never cached; no HSTS over plain HTTP', async () => {
      const token = await t.login('futian.handler');
      const response = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
      expectBaseHeaders(response);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['strict-transport-security']).toBeUndefined();
      // an error answer carries them too
      const refused = await t.http().get('/api/auth/me').expect(401);
      expectBaseHeaders(refused);
      expect(refused.headers['cache-control']).toBe('no-store');
    });

    it('the H5 build at /m/: its inline script is allowed by hash, scripts otherwise only from the platform', async () => {
      const response = await t.http().get('/m/').expect(200);
      expectBaseHeaders(response);
      const csp = cspOf(response);
      const hash = `'sha256-${createHash('sha256').update(H5_INLINE_SCRIPT).digest('base64')}'`;
      expect(csp['script-src']).toEqual(["'self'", hash]);
      expect(csp['script-src']).not.toContain("'unsafe-inline'");
      expect(csp['img-src']).toEqual(expect.arrayContaining(["'self'", 'data:']));
      expect(csp['connect-src']).toEqual(["'self'"]);
    });

    it('the Swagger UI at /docs has a CSP of its own and still loads its assets', async () => {
      const page = await t.http().get('/docs/').expect(200);
      expectBaseHeaders(page);
      const csp = cspOf(page);
      expect(csp['script-src']).toEqual(["'self'"]);
      expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
      expect(csp['img-src']).toContain('https://validator.swagger.io');
      const script = /<script src="([^"]*swagger-ui-init\.js)"/.exec(page.text)?.[1];
      expect(script).toBeDefined();
      await t.http().get(new URL(script!, 'http://x/docs/').pathname).expect(200);
    });

    it('HSTS (and upgrade-insecure-requests) only when the platform is served over HTTPS', async () => {
      const https = loadConfig({ NODE_ENV: 'test', DATA_DIR: h5, JWT_SECRET: 'x'.repeat(32), PUBLIC_BASE_URL: 'https://wy.example.gov.cn' });
      expect(https.security.hstsMaxAgeSeconds).toBe(365 * 24 * 3600);
      const app = express().use(securityHeaders(https.security, [])).get('/api/x', (_req, res) => res.json({}));
      const response = await request(app).get('/api/x').expect(200);
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(cspOf(response)['upgrade-insecure-requests']).toEqual([]);
      const plain = loadConfig({ NODE_ENV: 'test', DATA_DIR: h5, JWT_SECRET: 'x'.repeat(32), PUBLIC_BASE_URL: 'http://10.0.0.5:3000' });
      expect(plain.security.hstsMaxAgeSeconds).toBe(0);
    });
  });

  describe('rate limits', () => {
    it('login: the 11th try within a minute for one username from one address answers 429 with Retry-After; others go on', async () => {
      for (let attempt = 1; attempt <= 10; attempt++) {
        const response = await login('nobody.at.all', 'wrong-password');
        expect(response.status).not.toBe(429);
      }
      const limited = await login('nobody.at.all', 'wrong-password').expect(429);
      expect(limited.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED', requestId: expect.any(String) });
      expect(limited.body.message).toMatch(/^操作过于频繁，请\d+秒后再试$/);
      const retryAfter = Number(limited.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);

      // the same username from another address, and another username from this one, are not limited
      expect((await login('nobody.at.all', 'wrong-password', '198.51.100.99')).status).toBe(401);
      expect((await login('  NOBODY.AT.ALL ', 'wrong-password')).status).toBe(429);
      await login('futian.handler', 'Demo@2026').expect(200);
    });

    it('SMS codes: the 6th request within 10 minutes for one phone answers 429 with Retry-After; another phone goes on', async () => {
      for (let attempt = 1; attempt <= 5; attempt++) {
        const response = await sendSmsCode('13800138111', `198.51.100.${10 + attempt}`);
        expect(response.status).not.toBe(429);
      }
      const limited = await sendSmsCode('13800138111', '198.51.100.50').expect(429);
      expect(limited.body.code).toBe('RATE_LIMITED');
      expect(limited.body.message).toMatch(/^操作过于频繁，请\d+分钟后再试$/);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(60);
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(600);
      expect((await sendSmsCode('13800138222', '198.51.100.50')).status).not.toBe(429);
    });

    it('refresh counts per presented token: junk refreshes from one address do not block a valid refresh of another session', async () => {
      const session = await t.http().post('/api/auth/login').set('X-Forwarded-For', '198.51.100.130').send({ username: 'futian.lead', password: 'Demo@2026' }).expect(200);
      // one shared address (every client behind one proxy hop looks alike): far beyond the old 60 per IP
      const refresh = (refreshToken: string) => t.http().post('/api/auth/refresh').set('X-Forwarded-For', '198.51.100.131').send({ refreshToken });
      for (let attempt = 1; attempt <= 65; attempt++) expect((await refresh(`junk-${attempt}`)).status).toBe(401);
      const renewed = await refresh(session.body.refreshToken).expect(200);
      expect(renewed.body.refreshToken).toEqual(expect.any(String));
      // one token tried again and again is limited on its own
      for (let attempt = 1; attempt <= 10; attempt++) expect((await refresh('junk-repeated')).status).toBe(401);
      expect((await refresh('junk-repeated')).status).toBe(429);
    });

    it('a body that is not an object does not break the counters', async () => {
      const response = await t.http().post('/api/auth/login').set('X-Forwarded-For', '198.51.100.77').set('Content-Type', 'application/json').send('[1,2]');
      expect(response.status).toBe(400);
    });
  });
});
