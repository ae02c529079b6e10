// The built api (apps/api/dist) as the harness and the chapters load it: its modules, and the
// packages it resolves (mysql2, typeorm, @szpm/contract) from where the api itself resolves them.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// BENCH_API_DIST: a private copy of the build (e.g. apps/api/dist-bench-s1/apps/api/src/), relative to the
// repo root or absolute, so another helper's rebuild cannot pull dist away in the middle of a run.
const distSetting = process.env.BENCH_API_DIST || 'apps/api/dist/apps/api/src/';
const distPath = distSetting.startsWith('/') ? distSetting : `${ROOT}${distSetting}`;
export const DIST = distPath.endsWith('/') ? distPath : `${distPath}/`;
export const API_MAIN = `${DIST}main.js`;

/** A module of the built api, by its path under dist/apps/api/src (e.g. 'seed/city-seed.js'). */
export function loadApi(path) {
  return require(DIST + path);
}

/** A package as the built api resolves it. */
export function fromApi(name) {
  return require(require.resolve(name, { paths: [DIST] }));
}

/** Whether a module of the built api exists (a chapter may switch on a module the lead adds). */
export function apiHas(path) {
  try {
    require.resolve(DIST + path);
    return true;
  } catch {
    return false;
  }
}
