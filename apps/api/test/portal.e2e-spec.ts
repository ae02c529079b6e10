import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPortalDir } from '../src/common/http/portal';
import { startTestApp, TestApp } from './support/test-app';

const INLINE_SCRIPT = 'window.__portalBoot = 1;';

/** The api serves the PC portal's build at /portal/ and sends / there; 信息公示 answers are cacheable. */
describe('PC portal at /portal/', () => {
  let t: TestApp;
  const build = mkdtempSync(join(tmpdir(), 'szpm-portal-'));
  const previous = process.env.PORTAL_DIR;

  beforeAll(async () => {
    mkdirSync(join(build, 'assets'));
    writeFileSync(
      join(build, 'index.html'),
      `<!doctype html><html lang="zh-CN"><head><script>${INLINE_SCRIPT}</script><script type="module" src="/portal/assets/index-1234abcd.js"></script></head><body><div id="root"></div></body></html>`,
    );
    writeFileSync(join(build, 'assets', 'index-1234abcd.js'), 'console.log("portal")');
    process.env.PORTAL_DIR = build;
    t = await startTestApp();
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.PORTAL_DIR;
    else process.env.PORTAL_DIR = previous;
    await t.close();
  });

  it('serves index.html at /portal/, revalidated on every visit, with the platform’s security headers', async () => {
    const response = await t.http().get('/portal/').expect(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.text).toContain('<div id="root">');
    const hash = `'sha256-${createHash('sha256').update(INLINE_SCRIPT).digest('base64')}'`;
    const scriptSrc = String(response.headers['content-security-policy']).split(';').find((d) => d.startsWith('script-src'));
    expect(scriptSrc?.split(' ')).toEqual(expect.arrayContaining(["'self'", hash]));
  });

  it('answers a deep route with index.html (the portal routes by the path), and /portal with /portal/', async () => {
    const deep = await t.http().get('/portal/todos/cases/12?from=x').expect(200);
    expect(deep.headers['cache-control']).toBe('no-cache');
    expect(deep.text).toContain('<div id="root">');
    expect((await t.http().get('/portal/public/').expect(200)).text).toContain('<div id="root">');
    await t.http().get('/portal').expect(301).expect('Location', '/portal/');
    await t.http().get('/portal?from=%2Ftodos').expect(301).expect('Location', '/portal/?from=%2Ftodos');
  });

  it('serves hashed assets for good, and a missing asset as 404 rather than the page', async () => {
    const asset = await t.http().get('/portal/assets/index-1234abcd.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toMatch(/javascript/);
    const missing = await t.http().get('/portal/assets/gone-0000.js').expect(404);
    expect(missing.text).not.toContain('<div id="root">');
  });

  it('sends / to /portal/ and leaves /api, /m, /docs and /health as they were', async () => {
    await t.http().get('/').expect(302).expect('Location', '/portal/');
    await t.http().get('/health').expect(200, { status: 'ok' });
    const notFound = await t.http().get('/api/no-such-endpoint').expect(404);
    expect(notFound.body.code).toBe('NOT_FOUND');
    await t.http().get('/docs-json').expect(200);
    await t.http().post('/portal/').expect(404);
  });

  it('lets browsers and proxies keep 信息公示 a minute, revalidated by ETag; other API answers stay no-store', async () => {
    for (const path of ['/api/service-evaluation/publicity/bad-records', '/api/service-evaluation/publicity/risk-list?subjectType=COMPANY', '/api/service-evaluation/publicity/districts']) {
      const first = await t.http().get(path).expect(200);
      expect(first.headers['cache-control']).toBe('public, max-age=60');
      expect(first.headers.etag).toBeTruthy();
      const again = await t.http().get(path).set('If-None-Match', first.headers.etag).expect(304);
      expect(again.text).toBe('');
    }
    // a refused query is not kept
    const refused = await t.http().get('/api/service-evaluation/publicity/bad-records?subjectType=NOBODY').expect(400);
    expect(refused.headers['cache-control']).toBe('no-store');
    const token = await t.login('futian.handler');
    const privateAnswer = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(privateAnswer.headers['cache-control']).toBe('no-store');
  });

  it('lists the districts for the public search, by id', async () => {
    const districts = (await t.http().get('/api/service-evaluation/publicity/districts').expect(200)).body as Array<{ id: number; name: string }>;
    expect(districts.length).toBeGreaterThan(0);
    expect(districts.map((d) => d.name)).toContain('福田区');
    expect(districts.map((d) => d.id)).toEqual([...districts.map((d) => d.id)].sort((a, b) => a - b));
    expect(Object.keys(districts[0]).sort()).toEqual(['id', 'name']);
  });

  it('finds the build of the checkout, or nothing', () => {
    expect(findPortalDir({ PORTAL_DIR: build })).toBe(build);
    expect(findPortalDir({ PORTAL_DIR: join(build, 'assets') })).toBeNull();
    const elsewhere = mkdtempSync(join(tmpdir(), 'szpm-no-portal-'));
    expect(findPortalDir({}, elsewhere)).toBeNull();
    mkdirSync(join(elsewhere, 'apps', 'portal', 'dist'), { recursive: true });
    writeFileSync(join(elsewhere, 'apps', 'portal', 'dist', 'index.html'), '');
    expect(findPortalDir({}, join(elsewhere, 'apps', 'api', 'dist', 'apps', 'api', 'src'))).toBe(join(elsewhere, 'apps', 'portal', 'dist'));
  });
});
