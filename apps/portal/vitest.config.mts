import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/** Unit tests of the portal's logic (plain TS modules, no DOM). */
export default defineConfig({
  resolve: { alias: { '@szpm/contract': resolve(import.meta.dirname, '../../libs/contract/src'), '@szpm/api-client': resolve(import.meta.dirname, '../../libs/api-client/src') } },
  test: {
    // the `Tests: N failed, N passed` line the CI script adds up (.ci/run)
    reporters: ['default', '../miniprogram/test/summary-reporter.ts'],
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
  },
});
