import { Module } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { DevelopmentSmsProvider } from './development-sms.provider';
import { SMS_PROVIDER, SmsProvider } from './sms-provider';
import { TencentSmsClient } from './tencent-sms.client';

/** SMS_PROVIDER picks the implementation: `development` (log + outbox) or `tencent`. */
@Module({
  providers: [
    {
      provide: SMS_PROVIDER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): SmsProvider =>
        config.sms.provider === 'tencent' ? new TencentSmsClient(config.sms) : new DevelopmentSmsProvider(),
    },
  ],
  exports: [SMS_PROVIDER],
})
export class SmsModule {}
