import Taro from '@tarojs/taro';
import { landingAfterSignIn, linkOfHash, linkOfPage, returnTargetToSave } from './logic/return-target';

/**
 * Keeps the page a message link opened while the officer signs in (in storage: the H5 OAuth sign-in
 * leaves for WeChat and comes back as a new page load), and opens it once signed in.
 */
const RETURN_TARGET_KEY = 'szpm.returnTo';

/** The page shown now, as a link (null for a sign-in page or while no page is shown). */
function currentPageLink(): string | null {
  if (process.env.TARO_ENV === 'h5') return linkOfHash(window.location.hash);
  const pages = Taro.getCurrentPages();
  const page = pages[pages.length - 1];
  return page ? linkOfPage(page.route ?? '', (page.options ?? {}) as Record<string, unknown>) : null;
}

/** Remembers the page shown now as where the next sign-in returns (a sign-in page is not kept). */
export function rememberCurrentPage(): void {
  const saved = returnTargetToSave(currentPageLink(), Date.now());
  if (saved) Taro.setStorageSync(RETURN_TARGET_KEY, saved);
}

/** After a successful sign-in: the remembered page (used once), or home. */
export async function enterApp(): Promise<void> {
  const saved: unknown = Taro.getStorageSync(RETURN_TARGET_KEY);
  Taro.removeStorageSync(RETURN_TARGET_KEY);
  await Taro.reLaunch({ url: landingAfterSignIn(saved, Date.now()) });
}
