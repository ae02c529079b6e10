import { Inject, Injectable } from '@nestjs/common';
import { DEV_WECHAT_OPENID_PATTERN } from '@szpm/contract';
import { randomUUID } from 'node:crypto';
import { AppException } from '../../common/errors/app.exception';
import { AppConfig, APP_CONFIG } from '../../config/app-config';

/**
 * Embedded mode's stand-in for WeChat (WECHAT_DEV_SIGN_IN, never with DATABASE_URL): it issues a
 * local openid (`dev-<uuid>`) instead of trading a WeChat code for one, so a newcomer can bind a
 * demo account and sign in with it as chapter 1 describes. Its openids cannot be mistaken for
 * WeChat's, and nobody can claim a real WeChat identity through it.
 */
@Injectable()
export class DevelopmentWechatIdentity {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.wechat.devSignIn;
  }

  /** The openid of this sign-in: the one a previous dev sign-in issued (validated by the DTO), or a new one. */
  openid(previous?: string): string {
    if (previous !== undefined && !DEV_WECHAT_OPENID_PATTERN.test(previous)) throw AppException.invalidField('openid', 'openid须为开发环境微信登录发放的本地openid');
    return previous ?? `dev-${randomUUID()}`;
  }
}
