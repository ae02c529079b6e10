/** The pages of the portal that must never be the page to go back to after signing in. */
const NOT_A_RETURN_TARGET = ['/login'];
const PROBE_ORIGIN = 'https://portal.invalid';

/**
 * The portal page (a router path below /portal, with its query) to open after signing in, from the
 * `from` parameter of the login page. Anything that is not a plain path of this portal (another
 * site, `//host`, `javascript:`, backslashes, the login page itself) gives the home page.
 */
export function safeReturnPath(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || /[\\\s\u0000-\u001f]/.test(raw)) return '/';
  let url: URL;
  try {
    url = new URL(raw, PROBE_ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== PROBE_ORIGIN) return '/';
  if (NOT_A_RETURN_TARGET.some((p) => url.pathname === p || url.pathname.startsWith(`${p}/`))) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The login page's address that brings the officer back to `current` (a router path) once signed in. */
export function loginPathFor(current: string): string {
  const target = safeReturnPath(current);
  return target === '/' ? '/login' : `/login?from=${encodeURIComponent(target)}`;
}
