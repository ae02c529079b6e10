import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findMiniProgramH5Dir } from '../src/common/http/mini-program-h5';
import { startTestApp, TestApp } from './support/test-app';

/** The api serves the mini-program's H5 build at /m/ (so `npm start` gives a working app), beside /api, /docs and /health. */
describe('mini-program H5 at /m/', () => {
  let t: TestApp;
  const build = mkdtempSync(join(tmpdir(), 'szpm-h5-'));
  const previous = process.env.MINIPROGRAM_H5_DIR;

  beforeAll(async () => {
    mkdirSync(join(build, 'js'));
    writeFileSync(join(build, 'index.html'), '<!doctype html><html><body><div id="app"></div><script src="/m/js/app.1234abcd.js"></script></body></html>');
    writeFileSync(join(build, 'js', 'app.1234abcd.js'), 'console.log("app")');
    process.env.MINIPROGRAM_H5_DIR = build;
    t = await startTestApp({ seed: false });
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.MINIPROGRAM_H5_DIR;
    else process.env.MINIPROGRAM_H5_DIR = previous;
    await t.close();
  });

  it('serves index.html at /m/, revalidated on every visit', async () => {
    const response = await t.http().get('/m/').expect(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.text).toContain('<div id="app">');
  });

  it('redirects /m to /m/, keeping the query WeChat’s OAuth put on it', async () => {
    await t.http().get('/m').expect(301).expect('Location', '/m/');
    await t.http().get('/m?code=abc&state=xyz').expect(301).expect('Location', '/m/?code=abc&state=xyz');
  });

  it('serves hashed assets for good, and index.html for any other path under /m/', async () => {
    const asset = await t.http().get('/m/js/app.1234abcd.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toMatch(/javascript/);
    const fallback = await t.http().get('/m/pages/home/index').expect(200);
    expect(fallback.text).toContain('<div id="app">');
  });

  it('leaves /api, /docs and /health as they were', async () => {
    await t.http().get('/health').expect(200, { status: 'ok' });
    const missing = await t.http().get('/api/no-such-endpoint').expect(404);
    expect(missing.body.code).toBe('NOT_FOUND');
    await t.http().get('/docs-json').expect(200);
    await t.http().post('/m/').expect(404);
  });

  it('finds the build of the checkout, or nothing', () => {
    expect(findMiniProgramH5Dir({ MINIPROGRAM_H5_DIR: build })).toBe(build);
    expect(findMiniProgramH5Dir({ MINIPROGRAM_H5_DIR: join(build, 'js') })).toBeNull();
    const elsewhere = mkdtempSync(join(tmpdir(), 'szpm-no-h5-'));
    expect(findMiniProgramH5Dir({}, elsewhere)).toBeNull();
    mkdirSync(join(elsewhere, 'apps', 'miniprogram', 'dist', 'h5'), { recursive: true });
    writeFileSync(join(elsewhere, 'apps', 'miniprogram', 'dist', 'h5', 'index.html'), '');
    expect(findMiniProgramH5Dir({}, join(elsewhere, 'apps', 'api', 'dist', 'apps', 'api', 'src'))).toBe(join(elsewhere, 'apps', 'miniprogram', 'dist', 'h5'));
  });
});
