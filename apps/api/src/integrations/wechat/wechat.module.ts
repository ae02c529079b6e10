import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WechatOauthToken } from '../../modules/identity/entities/wechat-oauth-token.entity';
import { DevelopmentWechatIdentity } from './development-wechat';
import { WechatClient } from './wechat.client';

@Module({
  imports: [TypeOrmModule.forFeature([WechatOauthToken])],
  providers: [WechatClient, DevelopmentWechatIdentity],
  exports: [WechatClient, DevelopmentWechatIdentity],
})
export class WechatModule {}
