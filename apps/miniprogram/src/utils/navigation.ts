import Taro from '@tarojs/taro';
import { QueryValue } from '../api/http';
import { RoutePath, routeTo } from '../routes';

export function go(path: RoutePath, params?: Record<string, QueryValue>): void {
  void Taro.navigateTo({ url: routeTo(path, params) });
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
