import { Module } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { ACCESS_TOKEN_STORE, AccessTokenStore, MemoryAccessTokenStore, RedisAccessTokenStore, WechatAccessTokens } from './wechat-access-token';
import { WechatMessageClient } from './wechat-message.client';

/** WeChat's server-side APIs for sending messages: the shared access token and the message client. */
@Module({
  providers: [
    {
      provide: ACCESS_TOKEN_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): AccessTokenStore =>
        config.redisUrl ? new RedisAccessTokenStore(config.redisUrl, config.queuePrefix) : new MemoryAccessTokenStore(),
    },
    WechatAccessTokens,
    WechatMessageClient,
  ],
  exports: [WechatAccessTokens, WechatMessageClient],
})
export class WechatMessagingModule {}
