import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Where the api serves the PC portal (apps/portal): `npm start` then opens it at / as well. */
export const PORTAL_PATH = '/portal';
const BUILD_RELATIVE = join('apps', 'portal', 'dist');
/** Vite's hashed output: a missing file there is a 404, never the app's page. */
const ASSETS_PREFIX = '/assets/';

/**
 * The portal build's folder: PORTAL_DIR, or apps/portal/dist of the checkout the api runs from
 * (found by walking up, since the api runs both from src under ts-jest and from dist).
 */
export function findPortalDir(env: NodeJS.ProcessEnv = process.env, from: string = __dirname): string | null {
  if (env.PORTAL_DIR) return existsSync(join(env.PORTAL_DIR, 'index.html')) ? resolve(env.PORTAL_DIR) : null;
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, BUILD_RELATIVE);
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

/**
 * Serves the portal build at /portal/ when it exists, and sends / there. Hashed assets are cached
 * for good; index.html is revalidated so a new build reaches browsers at once. Any other GET under
 * /portal/ gets index.html: the portal routes by the path (/portal/todos/cases/12 opened directly).
 */
export function servePortal(app: NestExpressApplication, dir: string | null = findPortalDir()): boolean {
  if (!dir) {
    new Logger('Portal').log(`no portal build at ${BUILD_RELATIVE} (npm run build -w portal): ${PORTAL_PATH}/ not served`);
    return false;
  }
  const indexFile = join(dir, 'index.html');
  const queryOf = (req: Request) => (req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '');
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && req.path === '/') return res.redirect(302, `${PORTAL_PATH}/${queryOf(req)}`);
    next();
  });
  app.use(PORTAL_PATH, (req: Request, res: Response, next: NextFunction) => {
    // /portal → /portal/, so that the router's basename matches
    if (req.path === '/' && !req.originalUrl.split('?')[0].endsWith('/')) return res.redirect(301, `${PORTAL_PATH}/${queryOf(req)}`);
    next();
  });
  app.useStaticAssets(dir, {
    prefix: `${PORTAL_PATH}/`,
    index: 'index.html',
    setHeaders: (res, path) => {
      res.setHeader('Cache-Control', path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
    },
  });
  app.use(PORTAL_PATH, (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith(ASSETS_PREFIX)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  return true;
}
