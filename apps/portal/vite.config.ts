import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The portal is served by the api at /portal/ (apps/api/src/common/http/portal.ts); dev proxies /api to a local api. */
export default defineConfig({
  base: '/portal/',
  plugins: [react()],
  resolve: { alias: { '@szpm/contract': resolve(import.meta.dirname, '../../libs/contract/src'), '@szpm/api-client': resolve(import.meta.dirname, '../../libs/api-client/src') } },
  server: { proxy: { '/api': 'http://localhost:3000' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // the inline module-preload polyfill would need a CSP hash; every supported browser has modulepreload
    modulePreload: { polyfill: false },
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
});
