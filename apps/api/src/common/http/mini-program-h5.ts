import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Where the api serves the mini-program's H5 build: `npm start` then gives a working app in a browser. */
export const MINI_PROGRAM_H5_PATH = '/m';
const BUILD_RELATIVE = join('apps', 'miniprogram', 'dist', 'h5');

/**
 * The H5 build's folder: MINIPROGRAM_H5_DIR, or apps/miniprogram/dist/h5 of the checkout the api runs
 * from (found by walking up, since the api runs both from src under ts-jest and from dist).
 */
export function findMiniProgramH5Dir(env: NodeJS.ProcessEnv = process.env, from: string = __dirname): string | null {
  if (env.MINIPROGRAM_H5_DIR) return existsSync(join(env.MINIPROGRAM_H5_DIR, 'index.html')) ? resolve(env.MINIPROGRAM_H5_DIR) : null;
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, BUILD_RELATIVE);
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

/**
 * Serves the H5 build at /m/ when it exists. Hashed assets are cached for good; index.html is
 * revalidated so a new build reaches browsers at once. Any other GET under /m/ gets index.html
 * (the app routes by the URL hash; WeChat's OAuth redirect lands on /m/?code=…).
 */
export function serveMiniProgramH5(app: NestExpressApplication, dir: string | null = findMiniProgramH5Dir()): boolean {
  if (!dir) {
    new Logger('MiniProgramH5').log(`no H5 build at ${BUILD_RELATIVE} (npm run build:h5 -w miniprogram): ${MINI_PROGRAM_H5_PATH}/ not served`);
    return false;
  }
  const indexFile = join(dir, 'index.html');
  app.use(MINI_PROGRAM_H5_PATH, (req: Request, res: Response, next: NextFunction) => {
    if (req.path === '/' && !req.originalUrl.split('?')[0].endsWith('/')) {
      // /m → /m/ so that the build's relative asset paths resolve
      const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
      res.redirect(301, `${MINI_PROGRAM_H5_PATH}/${query}`);
      return;
    }
    next();
  });
  app.useStaticAssets(dir, {
    prefix: `${MINI_PROGRAM_H5_PATH}/`,
    index: 'index.html',
    setHeaders: (res, path) => {
      res.setHeader('Cache-Control', path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
    },
  });
  app.use(MINI_PROGRAM_H5_PATH, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  return true;
}
