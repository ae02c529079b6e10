import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WechatOauthToken } from '../../modules/identity/entities/wechat-oauth-token.entity';
import { WechatClient } from './wechat.client';

@Module({
  imports: [TypeOrmModule.forFeature([WechatOauthToken])],
  providers: [WechatClient],
  exports: [WechatClient],
})
export class WechatModule {}
