import { PAGES, pageLink, PageQueryValue } from '@szpm/contract';

/**
 * The page a sign-in returns to: a message link opened without a session (or with an expired one)
 * is kept while the officer signs in, then opened instead of the home page.
 */

/** The pages that sign in: never a return target (signing in again would loop). */
export const SIGN_IN_PAGES: readonly string[] = [PAGES.launch, PAGES.login, PAGES.bind];

const RETURN_PAGES = new Set<string>((Object.values(PAGES) as string[]).filter((page) => !SIGN_IN_PAGES.includes(page)));

/** A target older than this is the trace of an abandoned sign-in, not the page asked for now. */
export const RETURN_TARGET_MAX_AGE_MS = 30 * 60_000;

export interface SavedReturnTarget {
  link: string;
  /** epoch milliseconds */
  savedAt: number;
}

/** True for the sign-in pages (`route` with or without its leading slash and query). */
export function isSignInPage(route: string): boolean {
  return SIGN_IN_PAGES.includes(withLeadingSlash(route.split('?')[0]));
}

/**
 * `link` (path + query) when it opens a page of the app other than a sign-in page, normalised to
 * `/path?query`; anything else (another origin, an unknown path, a sign-in page) is null: the
 * return target never leaves the app.
 */
export function returnTargetOf(link: unknown): string | null {
  if (typeof link !== 'string' || !link.startsWith('/') || link.startsWith('//')) return null;
  let url: URL;
  try {
    url = new URL(link, 'https://app.invalid');
  } catch {
    return null;
  }
  if (url.origin !== 'https://app.invalid' || !RETURN_PAGES.has(url.pathname)) return null;
  return url.pathname + url.search;
}

/** The link of a weapp page from `getCurrentPages()`: its route and (decoded) options. */
export function linkOfPage(route: string, options: Record<string, unknown> = {}): string | null {
  const path = withLeadingSlash(route.split('?')[0]);
  if (!RETURN_PAGES.has(path)) return null;
  const params: Record<string, PageQueryValue> = {};
  for (const [key, value] of Object.entries(options)) {
    // the framework's own keys (H5 `stamp`, `$taroTimestamp`) are not the page's query
    if (key === 'stamp' || key.startsWith('$taro')) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') params[key] = value;
  }
  return returnTargetOf(pageLink(path as (typeof PAGES)[keyof typeof PAGES], params));
}

/** The link of the H5 page from `location.hash` (`#/packages/...?id=3`, hash router). */
export function linkOfHash(hash: string): string | null {
  return returnTargetOf(hash.replace(/^#/, ''));
}

/** What to keep for `link`, or null when it may not be returned to. */
export function returnTargetToSave(link: string | null, now: number): SavedReturnTarget | null {
  const target = returnTargetOf(link);
  return target ? { link: target, savedAt: now } : null;
}

/** Where a successful sign-in goes: the saved target while it is recent and still valid, else home. */
export function landingAfterSignIn(saved: unknown, now: number): string {
  if (!saved || typeof saved !== 'object') return PAGES.home;
  const { link, savedAt } = saved as Partial<SavedReturnTarget>;
  if (typeof savedAt !== 'number' || savedAt > now || now - savedAt > RETURN_TARGET_MAX_AGE_MS) return PAGES.home;
  return returnTargetOf(link) ?? PAGES.home;
}

function withLeadingSlash(path: string): string {
  return path.startsWith('/') ? path : `/${path}`;
}
