import { NotificationErrorCode } from '@szpm/contract';
import { ApiError, errorMessage } from '@szpm/api-client';

/** The reminder path's one answer for "nobody is left to urge" (everybody read / completed / bound). */
export function isNothingToUrge(error: unknown): boolean {
  return error instanceof ApiError && error.code === NotificationErrorCode.NOTHING_TO_URGE;
}

/**
 * What the toast says when an urge fails: the page's own words for "nobody is left"
 * (所有接收人均已阅读，无需催办) when it has them, else the api's Chinese message.
 */
export function urgeErrorText(error: unknown, nothingLeftText?: string): string {
  if (isNothingToUrge(error) && nothingLeftText) return nothingLeftText;
  return errorMessage(error);
}
