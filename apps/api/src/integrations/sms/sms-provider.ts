/** Sends SMS: verification codes (identity) and notifications (the notification pipeline's SMS fallback). */
export interface SmsProvider {
  readonly kind: 'development' | 'tencent';
  sendVerificationCode(phone: string, code: string, validMinutes: number): Promise<void>;
  /** one message from an approved template (SMS_NOTIFY_TEMPLATE_ID) with its parameters in order */
  sendNotification(phone: string, templateId: string, params: string[]): Promise<void>;
}

export const SMS_PROVIDER = Symbol('SMS_PROVIDER');

/** The provider refused or could not be reached; `providerCode` is its own error code when it gave one. */
export class SmsSendError extends Error {
  constructor(
    message: string,
    readonly providerCode: string | null,
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = 'SmsSendError';
  }
}
