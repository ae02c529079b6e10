import Taro from '@tarojs/taro';
import { CLIENT_ERROR_MESSAGES, ClientErrorCode, QueryValue } from '@szpm/api-client';
import { RoutePath, routeTo } from '../routes';

/**
 * Opens a page. Offline, a subpackage that was never loaded cannot be opened: the tap says so
 * instead of doing nothing.
 */
export function go(path: RoutePath, params?: Record<string, QueryValue>): void {
  const url = routeTo(path, params);
  Taro.navigateTo({ url }).catch((error: { errMsg?: string }) => {
    // ten pages deep WeChat opens no more: replace the top one instead
    if (/limit/i.test(error?.errMsg ?? '')) void Taro.redirectTo({ url });
    else void Taro.showToast({ title: CLIENT_ERROR_MESSAGES[ClientErrorCode.NETWORK], icon: 'none', duration: 3000 });
  });
}

/** Back to the previous page, or to `fallback` when this page was opened directly (H5 link). */
export function back(fallback: RoutePath): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.redirectTo({ url: fallback });
}

/** Integer route parameter (`?id=12`), or null. */
export function intParam(params: Record<string, string | undefined>, name: string): number | null {
  const raw = params[name];
  if (raw === undefined || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

/** A month route parameter (`?month=2026-11`), or null. */
export function monthParam(params: Record<string, string | undefined>, name: string): string | null {
  const raw = params[name];
  return raw !== undefined && /^\d{4}-(0[1-9]|1[0-2])$/.test(raw) ? raw : null;
}
