import { IdentityLookupFailure } from './entities/identity-lookup-failure.entity';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { jwtModuleOptions } from '../../access/jwt-options';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Account } from '../../access/entities/account.entity';
import { APP_CONFIG } from '../../config/app-config';
import { SmsModule } from '../../integrations/sms/sms.module';
import { WechatModule } from '../../integrations/wechat/wechat.module';
import { AuthModule } from '../auth/auth.module';
import { BindTicketService } from './bind-ticket.service';
import { SmsVerification } from './entities/sms-verification.entity';
import { IdentityController } from './identity.controller';
import { IdentityService } from './identity.service';
import { SmsCodeService } from './sms-code.service';
import { LookupThrottle } from './lookup-throttle.service';

/** Chapter 1 (身份绑定): WeChat login and binding a WeChat identity to a preset account. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Account, SmsVerification, IdentityLookupFailure]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: jwtModuleOptions,
    }),
    AuthModule,
    SmsModule,
    WechatModule,
  ],
  controllers: [IdentityController],
  providers: [IdentityService, BindTicketService, SmsCodeService, LookupThrottle],
  exports: [SmsCodeService, LookupThrottle],
})
export class IdentityModule {}
