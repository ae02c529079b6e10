// The tests' fake WeChat server (apps/api/test/fakes/fake-wechat-server.ts), transpiled on the fly
// with the api's TypeScript: one implementation for the tests and the benches.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromApi, ROOT } from './api-dist.mjs';

const require = createRequire(import.meta.url);

export const FAKE_WECHAT_APPS = {
  oa: { appId: 'wx-bench-oa-000001', secret: 'bench-oa-secret-000001' },
  mini: { appId: 'wx-bench-mini-00001', secret: 'bench-mini-secret-00001' },
};

/** Starts the fake; returns it and the api settings that send to it (no rate limit). */
export async function startFakeWechat({ concurrency = 100 } = {}) {
  const ts = fromApi('typescript');
  const source = readFileSync(join(ROOT, 'apps/api/test/fakes/fake-wechat-server.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
  const dir = join(tmpdir(), `szpm-bench-wechat-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'fake-wechat-server.cjs');
  writeFileSync(file, outputText);
  let FakeWechatServer;
  try {
    FakeWechatServer = require(file).FakeWechatServer;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const server = await FakeWechatServer.start(FAKE_WECHAT_APPS);
  const { oa, mini } = FAKE_WECHAT_APPS;
  const apiEnv = {
    WECHAT_API_BASE: server.url,
    WECHAT_OA_APPID: oa.appId,
    WECHAT_OA_SECRET: oa.secret,
    WECHAT_MINI_APPID: mini.appId,
    WECHAT_MINI_SECRET: mini.secret,
    WECHAT_TEMPLATE_ID_SUBSCRIBE: 'BENCH-subscribe-template-0001',
    WECHAT_TEMPLATE_ID_OA: 'BENCH-oa-template-00000000001',
    NOTIFY_WECHAT_RATE_PER_SECOND: '0',
    NOTIFY_CONCURRENCY: String(concurrency),
  };
  return { server, apiEnv };
}
