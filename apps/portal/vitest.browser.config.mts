import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/** The browser e2e: the portal build served by the api (embedded mode), driven in Debian's chromium. */
export default defineConfig({
  resolve: { alias: { '@szpm/contract': resolve(import.meta.dirname, '../../libs/contract/src'), '@szpm/api-client': resolve(import.meta.dirname, '../../libs/api-client/src') } },
  test: {
    // the `Tests: N failed, N passed` line the CI script adds up (.ci/run)
    reporters: ['default', '../miniprogram/test/summary-reporter.ts'],
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    expect: { poll: { timeout: 20_000, interval: 200 } },
    fileParallelism: false,
  },
});
