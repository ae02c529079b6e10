import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ConfirmBindRequest, DEV_WECHAT_OPENID_PATTERN, DevWechatLoginRequest, SendBindCodeRequest, WechatCodeRequest } from '@szpm/contract';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MOBILE_PHONE } from '../../permissions/dto/admin-account.dto';
import { Trimmed } from '../../../common/validation/trimmed';


export class WechatCodeDto implements WechatCodeRequest {
  @ApiProperty({ description: '公众号网页授权回调中的 code，或小程序 wx.login 返回的 code' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  code: string;
}

export class DevWechatLoginDto implements DevWechatLoginRequest {
  @ApiPropertyOptional({ example: 'dev-0b6f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b', description: '上次开发环境微信登录返回的本地 openid；不填则发放新的' })
  @IsOptional()
  @IsString()
  @Matches(DEV_WECHAT_OPENID_PATTERN, { message: 'openid须为开发环境微信登录发放的本地openid' })
  openid?: string;
}

export class OaAuthorizeUrlQuery {
  @ApiPropertyOptional({ description: '原样带回到回调页面的 state（字母、数字、下划线、连字符，最长128位）' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,128}$/)
  state?: string;
}

export class SendBindCodeDto implements SendBindCodeRequest {
  @ApiProperty({ description: '微信登录接口在未绑定时返回的 bindTicket（10分钟内有效）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2048)
  bindTicket: string;

  @ApiProperty({ example: '李明', description: '姓名（须与区局预设账号一致）' })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  name: string;

  @ApiProperty({ example: '13800138000', description: '手机号码（须与区局预设账号一致）' })
  @Trimmed()
  @IsString()
  @Matches(MOBILE_PHONE)
  phone: string;
}

export class ConfirmBindDto extends SendBindCodeDto implements ConfirmBindRequest {
  @ApiProperty({ example: '123456', description: '6位短信验证码' })
  @IsString()
  @Matches(/^\d{6}$/)
  code: string;
}

export class SmsOutboxQuery {
  @ApiPropertyOptional({ example: '13800138000' })
  @IsOptional()
  @IsString()
  @Matches(MOBILE_PHONE)
  phone?: string;
}
