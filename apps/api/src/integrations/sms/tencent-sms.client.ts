import { Logger } from '@nestjs/common';
import { SmsConfig } from '../../config/app-config';
import { SmsProvider, SmsSendError } from './sms-provider';
import { signTc3, TC3_CONTENT_TYPE } from './tc3-signer';

type TencentSmsConfig = Extract<SmsConfig, { provider: 'tencent' }>;

const API_VERSION = '2021-01-11';
const SERVICE = 'sms';
const TIMEOUT_MS = 10_000;

/** The parts of SendSms's answer we read (API 3.0: everything sits under `Response`). */
interface SendSmsAnswer {
  Response?: {
    RequestId?: string;
    Error?: { Code: string; Message: string };
    SendStatusSet?: Array<{ SerialNo: string; PhoneNumber: string; Code: string; Message: string }>;
  };
}

/**
 * Tencent Cloud SMS, API 2021-01-11 `SendSms`, signed with TC3-HMAC-SHA256. The approved
 * template must take two parameters: {1} the code and {2} the minutes it stays valid.
 * The endpoint is configurable (TENCENT_SMS_ENDPOINT) so tests talk to a local fake.
 */
export class TencentSmsClient implements SmsProvider {
  readonly kind = 'tencent' as const;
  private readonly logger = new Logger('TencentSms');
  private readonly url: URL;

  constructor(
    private readonly config: TencentSmsConfig,
    private readonly now: () => number = Date.now,
  ) {
    this.url = new URL(config.endpoint);
  }

  sendVerificationCode(phone: string, code: string, validMinutes: number): Promise<void> {
    return this.send(phone, this.config.templateId, [code, String(validMinutes)]);
  }

  sendNotification(phone: string, templateId: string, params: string[]): Promise<void> {
    return this.send(phone, templateId, params);
  }

  private async send(phone: string, templateId: string, params: string[]): Promise<void> {
    const payload = JSON.stringify({
      PhoneNumberSet: [`+86${phone}`],
      SmsSdkAppId: this.config.sdkAppId,
      SignName: this.config.signName,
      TemplateId: templateId,
      TemplateParamSet: params,
    });
    const timestamp = Math.floor(this.now() / 1000);
    const { authorization } = signTc3({
      secretId: this.config.secretId,
      secretKey: this.config.secretKey,
      service: SERVICE,
      host: this.url.host,
      action: 'SendSms',
      payload,
      timestamp,
    });

    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: {
          Authorization: authorization,
          'Content-Type': TC3_CONTENT_TYPE,
          'X-TC-Action': 'SendSms',
          'X-TC-Version': API_VERSION,
          'X-TC-Timestamp': String(timestamp),
          'X-TC-Region': this.config.region,
        },
        body: payload,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new SmsSendError(`Tencent SMS unreachable: ${(error as Error).message}`, null);
    }

    let answer: SendSmsAnswer;
    try {
      answer = (await response.json()) as SendSmsAnswer;
    } catch {
      throw new SmsSendError(`Tencent SMS answered HTTP ${response.status} without JSON`, null);
    }
    const body = answer.Response;
    if (!body) throw new SmsSendError(`Tencent SMS answered HTTP ${response.status} without a Response`, null);
    const requestId = body.RequestId ?? null;
    if (body.Error) {
      this.logger.warn(`SendSms refused [${requestId}]: ${body.Error.Code} ${body.Error.Message}`);
      throw new SmsSendError(body.Error.Message, body.Error.Code, requestId);
    }
    const status = body.SendStatusSet?.[0];
    if (!status) throw new SmsSendError('Tencent SMS answered without a send status', null, requestId);
    if (status.Code !== 'Ok') {
      this.logger.warn(`SendSms to ${status.PhoneNumber} failed [${requestId}]: ${status.Code} ${status.Message}`);
      throw new SmsSendError(status.Message, status.Code, requestId);
    }
  }
}
