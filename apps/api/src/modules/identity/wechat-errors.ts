import { HttpStatus } from '@nestjs/common';
import { IdentityErrorCode, WechatChannel } from '@szpm/contract';
import { WechatApiError, WechatClient, WechatNotConfiguredError, WechatUnavailableError } from '../../integrations/wechat/wechat.client';
import { IdentityException } from './identity.exception';

const MISCONFIGURED = '平台的微信公众号或小程序参数有误，请联系管理员';

/** WeChat's errcodes of the code exchange, as the officer should read them. */
const ERRCODES: Record<number, { message: string; status: HttpStatus }> = {
  40029: { message: '微信授权码无效或已过期，请重新进入页面', status: HttpStatus.BAD_REQUEST },
  40163: { message: '微信授权码已被使用，请重新进入页面', status: HttpStatus.BAD_REQUEST },
  40226: { message: '微信判定当前账号存在风险，已拒绝登录', status: HttpStatus.FORBIDDEN },
  45011: { message: '微信登录过于频繁，请稍后再试', status: HttpStatus.TOO_MANY_REQUESTS },
  40013: { message: MISCONFIGURED, status: HttpStatus.BAD_GATEWAY },
  40125: { message: MISCONFIGURED, status: HttpStatus.BAD_GATEWAY },
  40164: { message: '平台服务器的IP地址未加入微信白名单，请联系管理员', status: HttpStatus.BAD_GATEWAY },
  41002: { message: MISCONFIGURED, status: HttpStatus.BAD_GATEWAY },
  41004: { message: MISCONFIGURED, status: HttpStatus.BAD_GATEWAY },
};

/** Turns what the WeChat client threw into the API's error; anything else passes through unchanged. */
export function wechatFailure(error: unknown): unknown {
  if (error instanceof WechatNotConfiguredError) return new IdentityException(IdentityErrorCode.WECHAT_NOT_CONFIGURED, { details: { channel: error.channel } });
  if (error instanceof WechatUnavailableError) return new IdentityException(IdentityErrorCode.WECHAT_UNAVAILABLE);
  if (error instanceof WechatApiError) {
    const details = { errcode: error.errcode, errmsg: error.errmsg };
    // -1: "system busy, try again"
    if (error.errcode === -1) return new IdentityException(IdentityErrorCode.WECHAT_UNAVAILABLE, { details });
    const known = ERRCODES[error.errcode];
    return known
      ? new IdentityException(IdentityErrorCode.WECHAT_LOGIN_FAILED, { details, message: `${known.message}（微信错误码 ${error.errcode}）`, status: known.status })
      : new IdentityException(IdentityErrorCode.WECHAT_LOGIN_FAILED, {
          details,
          message: `微信授权失败（微信错误码 ${error.errcode}），请重新进入页面`,
          status: HttpStatus.BAD_GATEWAY,
        });
  }
  return error;
}

/** The openid of a WeChat code (officers' and owners' sign-in alike), WeChat's failures as the API's errors. */
export async function openidOfCode(wechat: WechatClient, channel: WechatChannel, code: string): Promise<string> {
  try {
    return await wechat.openidFromCode(channel, code);
  } catch (error) {
    throw wechatFailure(error);
  }
}
