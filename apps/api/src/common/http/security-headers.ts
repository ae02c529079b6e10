import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { SecurityConfig } from '../../config/app-config';

type CspDirectives = Record<string, string[]>;

/** `'sha256-…'` sources of the inline <script>s of a page (the H5 build's rem sizing and OAuth hash fix). */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    hashes.push(`'sha256-${createHash('sha256').update(match[1], 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/** The hashes of the inline scripts of the index.html files the api serves (the H5 build at /m/, later the portal). */
export function servedPageScriptHashes(dirs: Array<string | null>): string[] {
  const hashes = new Set<string>();
  for (const dir of dirs) {
    const index = dir && join(dir, 'index.html');
    if (index && existsSync(index)) inlineScriptHashes(readFileSync(index, 'utf8')).forEach((hash) => hashes.add(hash));
  }
  return [...hashes];
}

/**
 * The pages (H5 at /m/, the portal at /portal/) and the JSON API: scripts only from this origin or
 * the hashed inline scripts of the served index.html; inline styles allowed (Taro and NutUI set
 * them), images also as data:/blob: (icons, picked photos); nothing may frame the platform.
 */
function pageDirectives(scriptHashes: string[]): CspDirectives {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...scriptHashes],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'media-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
}

/** Swagger UI at /docs: its page carries inline <style> blocks and its "valid" badge is an image from validator.swagger.io. */
function docsDirectives(): CspDirectives {
  return { ...pageDirectives([]), 'img-src': ["'self'", 'data:', 'https://validator.swagger.io'] };
}

function helmetWith(config: SecurityConfig, directives: CspDirectives): RequestHandler {
  // served over HTTPS: a stray http:// sub-resource is upgraded rather than loaded in clear
  const all: CspDirectives = config.hstsMaxAgeSeconds > 0 ? { ...directives, 'upgrade-insecure-requests': [] } : directives;
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: all },
    strictTransportSecurity: config.hstsMaxAgeSeconds > 0 ? { maxAge: config.hstsMaxAgeSeconds, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
  });
}

/**
 * helmet on every response (no X-Powered-By, nosniff, X-Frame-Options DENY, a CSP, HSTS when served
 * over HTTPS), a CSP of its own for the Swagger UI, and `Cache-Control: no-store` on the API's answers:
 * they carry personal data or tokens, which no browser or proxy cache may keep (信息公示 excepted: @PublicCache, public-cache.ts).
 */
export function securityHeaders(config: SecurityConfig, scriptHashes: string[]): RequestHandler {
  const pages = helmetWith(config, pageDirectives(scriptHashes));
  const docs = helmetWith(config, docsDirectives());
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.path === '/api' || req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
    const isDocs = req.path === '/docs' || req.path.startsWith('/docs/');
    (isDocs ? docs : pages)(req, res, next);
  };
}
