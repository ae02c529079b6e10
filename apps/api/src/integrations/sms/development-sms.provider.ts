import { Logger } from '@nestjs/common';
import { DevSmsOutboxItem } from '@szpm/contract';
import { SmsProvider } from './sms-provider';

const OUTBOX_SIZE = 100;

/**
 * SMS_PROVIDER=development: nothing leaves the machine. The code is logged and kept in a small
 * in-memory outbox that GET /api/identity/dev/sms-outbox shows, so a developer can bind without a phone.
 */
export class DevelopmentSmsProvider implements SmsProvider {
  readonly kind = 'development' as const;
  private readonly logger = new Logger('DevelopmentSms');
  private readonly outbox: DevSmsOutboxItem[] = [];
  /** notification SMS (kept apart from the verification-code outbox), newest first */
  readonly notifications: Array<{ phone: string; templateId: string; params: string[]; sentAt: string }> = [];

  async sendVerificationCode(phone: string, code: string, validMinutes: number): Promise<void> {
    const content = `【深圳市物业管理信息平台】您的验证码为${code}，${validMinutes}分钟内有效。如非本人操作，请忽略本短信。`;
    this.outbox.unshift({ phone, content, code, sentAt: new Date().toISOString() });
    this.outbox.length = Math.min(this.outbox.length, OUTBOX_SIZE);
    this.logger.log(`SMS to ${phone}: ${content}`);
  }

  async sendNotification(phone: string, templateId: string, params: string[]): Promise<void> {
    this.notifications.unshift({ phone, templateId, params, sentAt: new Date().toISOString() });
    this.notifications.length = Math.min(this.notifications.length, OUTBOX_SIZE * 10);
    this.logger.log(`notification SMS to ${phone} (template ${templateId}): ${params.join(' | ')}`);
  }

  /** newest first */
  messages(phone?: string): DevSmsOutboxItem[] {
    return phone ? this.outbox.filter((m) => m.phone === phone) : [...this.outbox];
  }
}
