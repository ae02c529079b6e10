import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/** Unit and component tests of the page logic (plain TS modules and React hooks, no Taro runtime). */
export default defineConfig({
  resolve: { alias: { '@szpm/contract': resolve(import.meta.dirname, '../../libs/contract/src'), '@szpm/api-client': resolve(import.meta.dirname, '../../libs/api-client/src') } },
  esbuild: { jsx: 'automatic' },
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
