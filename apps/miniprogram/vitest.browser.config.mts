import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/** The browser e2e: the H5 build served by the api (embedded mode), driven in Debian's chromium. */
export default defineConfig({
  resolve: { alias: { '@szpm/contract': resolve(import.meta.dirname, '../../libs/contract/src'), '@szpm/api-client': resolve(import.meta.dirname, '../../libs/api-client/src') } },
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    // the pages answer as fast as a loaded machine lets them: wait on what they show, never on a clock
    expect: { poll: { timeout: 30_000, interval: 200 } },
    hookTimeout: 180_000,
    fileParallelism: false,
    sequence: { concurrent: false },
  },
});
