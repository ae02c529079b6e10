import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { jwtModuleOptions } from '../../access/jwt-options';
import { APP_CONFIG } from '../../config/app-config';
import { WechatModule } from '../../integrations/wechat/wechat.module';
import { IdentityModule } from '../identity/identity.module';
import { OWNER_ENTITIES } from './entities';
import { OwnerSessionGuard, OwnerTokens } from './owner-session';
import { OwnersController } from './owners.controller';
import { OwnersService } from './owners.service';

/** The owners' side (manual ch. 1 我的小区): WeChat sign-in and 业主身份绑定; chapters 9 and 10 build on it. */
@Module({
  imports: [TypeOrmModule.forFeature(OWNER_ENTITIES), JwtModule.registerAsync({ inject: [APP_CONFIG], useFactory: jwtModuleOptions }), IdentityModule, WechatModule],
  controllers: [OwnersController],
  providers: [OwnersService, OwnerTokens, OwnerSessionGuard],
  exports: [OwnersService, OwnerTokens, OwnerSessionGuard],
})
export class OwnersModule {}
