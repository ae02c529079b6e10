import { SmsSendError } from '../../integrations/sms/sms-provider';
import { WechatApiError, WechatUnavailableError } from '../../integrations/wechat/wechat.client';

/**
 * permanent: retrying cannot help (recorded on the delivery, never retried, SMS fallback if set).
 * transient: try again later with exponential backoff, up to NOTIFY_MAX_ATTEMPTS.
 */
export interface DeliveryFailure {
  kind: 'permanent' | 'transient';
  /** the channel's own code (WeChat errcode, SMS provider code), when it gave one */
  errcode: string | null;
  message: string;
}

/** WeChat errcodes that no retry will change. */
export const PERMANENT_WECHAT_ERRCODES: ReadonlyMap<number, string> = new Map([
  [43101, 'the user has not accepted this subscription message'],
  [40003, 'invalid openid'],
  [43004, 'the user does not follow the official account'],
  [43019, 'the user has blocked the official account'],
  [40037, 'invalid template_id'],
  [40036, 'invalid template_id size'],
  [47003, 'template data does not match the template'],
  [41030, 'invalid page'],
  [40013, 'invalid appid'],
  [40125, 'invalid appsecret'],
  [40164, 'server IP not in the WeChat IP whitelist'],
  [48001, 'the app is not authorised for this API'],
  [45047, 'too many messages to this user'],
]);

/** Tencent SMS codes that a later retry may get past (flow control per number, Tencent-side faults). */
const TRANSIENT_SMS_CODE = /^(InternalError|RequestLimitExceeded|LimitExceeded\.PhoneNumber(ThirtySecond|OneHour)Limit|FailedOperation\.(ContainSensitiveWord)?ServiceBusy)/;

export function classifyDeliveryError(error: unknown): DeliveryFailure {
  if (error instanceof WechatApiError) {
    const errcode = String(error.errcode);
    const known = PERMANENT_WECHAT_ERRCODES.get(error.errcode);
    if (known) return { kind: 'permanent', errcode, message: `${known} (${error.errmsg})` };
    // -1 (system busy), 45009 / 45011 (quota, refills), a token still refused after one refresh, and
    // errcodes we do not know: retried a bounded number of times rather than dropped on first sight
    return { kind: 'transient', errcode, message: error.errmsg || error.message };
  }
  if (error instanceof WechatUnavailableError) return { kind: 'transient', errcode: null, message: error.message };
  if (error instanceof SmsSendError) {
    if (error.providerCode === null || TRANSIENT_SMS_CODE.test(error.providerCode)) {
      return { kind: 'transient', errcode: error.providerCode, message: error.message };
    }
    return { kind: 'permanent', errcode: error.providerCode, message: error.message };
  }
  return { kind: 'transient', errcode: null, message: error instanceof Error ? error.message : String(error) };
}
