import { isPageLink, MESSAGE_LINKS, PAGES, pagePathOf } from '@szpm/contract';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../src');

interface AppConfig {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
}

/** The pages app.config.ts registers, as `/root/page` paths (main package, then each subpackage). */
function appConfigPages(config: AppConfig): string[] {
  return [...config.pages.map((page) => `/${page}`), ...(config.subPackages ?? []).flatMap((sub) => sub.pages.map((page) => `/${sub.root}/${page}`))];
}

/** The differences between the page table and the app config, one sentence each. */
function pageTableProblems(table: string[], registered: string[]): string[] {
  return [
    ...table.filter((page) => !registered.includes(page)).map((page) => `${page} is in PAGES but not in app.config.ts`),
    ...registered.filter((page) => !table.includes(page)).map((page) => `${page} is in app.config.ts but not in PAGES`),
  ];
}

/** A page's component and its page config, relative to src/. */
function pageFiles(page: string): [string, string] {
  const base = page.replace(/^\//, '');
  return [`${base}.tsx`, `${base}.config.ts`];
}

/** Each builder's links: without arguments and with every argument given (optional ones add parameters). */
function sampleLinks(builders: Record<string, (...args: number[]) => string>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(builders).map(([name, build]) => {
      const withEveryArgument = build(...Array<number>(build.length).fill(7));
      return [name, [...new Set([build(), withEveryArgument])]];
    }),
  );
}

function linkQueryKeys(link: string): string[] {
  return [...new URLSearchParams(link.split('?')[1] ?? '').keys()];
}

let config: AppConfig;

beforeAll(async () => {
  // app.config.ts calls Taro's build-time global; here it hands the object back as it is
  (globalThis as unknown as { defineAppConfig: (c: AppConfig) => AppConfig }).defineAppConfig = (c) => c;
  config = (await import('../../src/app.config')).default as unknown as AppConfig;
});

describe('the page table (libs/contract pages.ts) and app.config.ts', () => {
  it('app.config.ts lists exactly the pages of PAGES', () => {
    expect(pageTableProblems(Object.values(PAGES), appConfigPages(config))).toEqual([]);
  });

  it('every page of PAGES has its page file and its page config', () => {
    const missing = Object.values(PAGES).flatMap((page) => pageFiles(page).filter((file) => !existsSync(resolve(SRC, file))));
    expect(missing).toEqual([]);
  });

  it('every link the server sends names a page, and the page reads the parameters the link carries', () => {
    for (const [name, links] of Object.entries(sampleLinks(MESSAGE_LINKS as unknown as Record<string, (...args: number[]) => string>))) {
      for (const link of links) {
        expect(isPageLink(link), `MESSAGE_LINKS.${name} → ${link}`).toBe(true);
        const [component] = pageFiles(pagePathOf(link));
        const source = readFileSync(resolve(SRC, component), 'utf8');
        for (const key of linkQueryKeys(link)) expect(source, `${component} reads ?${key}= of MESSAGE_LINKS.${name}`).toMatch(new RegExp(`['"]${key}['"]`));
      }
    }
  });

  it('the checks themselves catch a missing, an extra and a misplaced page', () => {
    const pages = ['/pages/home/index', '/packages/safety/tasks/index'];
    expect(pageTableProblems(pages, ['/pages/home/index'])).toEqual(['/packages/safety/tasks/index is in PAGES but not in app.config.ts']);
    expect(pageTableProblems(pages, [...pages, '/packages/safety/old/index'])).toEqual(['/packages/safety/old/index is in app.config.ts but not in PAGES']);
    expect(appConfigPages({ pages: ['pages/home/index'], subPackages: [{ root: 'packages/safety', pages: ['tasks/index'] }] })).toEqual(pages);
    expect(pageFiles('/packages/safety/tasks/index')).toEqual(['packages/safety/tasks/index.tsx', 'packages/safety/tasks/index.config.ts']);
    expect(isPageLink('/pages/safety-inspections/tasks?inspectionId=3')).toBe(false);
    expect(linkQueryKeys('/packages/safety/tasks/index?inspectionId=3&x=%E4%B8%80')).toEqual(['inspectionId', 'x']);
  });
});
