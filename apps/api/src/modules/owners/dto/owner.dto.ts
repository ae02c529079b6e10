import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEV_WECHAT_OPENID_PATTERN, OwnerBindConfirmRequest, OwnerBindRequest, OwnerDevLoginRequest, OwnerWechatLoginRequest, WechatChannel } from '@szpm/contract';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MOBILE_PHONE } from '../../permissions/dto/admin-account.dto';
import { Trimmed } from '../../../common/validation/trimmed';

const upperTrim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

export class OwnerWechatLoginDto implements OwnerWechatLoginRequest {
  @ApiProperty({ enum: ['oa', 'mini'], description: 'oa：公众号网页授权；mini：小程序 wx.login' })
  @IsIn(['oa', 'mini'])
  channel: WechatChannel;

  @ApiProperty({ description: '微信返回的 code' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  code: string;
}

export class OwnerDevLoginDto implements OwnerDevLoginRequest {
  @ApiPropertyOptional({ example: 'dev-00000000-0000-4000-8000-000000000001', description: '开发环境本地 openid（演示业主见 README）；不填则发放新的' })
  @IsOptional()
  @IsString()
  @Matches(DEV_WECHAT_OPENID_PATTERN, { message: 'openid须为开发环境微信登录发放的本地openid' })
  openid?: string;
}

export class OwnerBindDto implements OwnerBindRequest {
  @ApiProperty({ example: '张伟', description: '产权人姓名（与房屋登记一致）' })
  @Trimmed()
  @IsString()
  @IsNotEmpty({ message: '请填写姓名' })
  @MaxLength(32)
  name: string;

  @ApiPropertyOptional({ description: '身份证号码（与不动产单元号二选一）' })
  @IsOptional()
  @Transform(upperTrim)
  @Matches(/^\d{17}[\dX]$/, { message: '身份证号码须为18位' })
  idNumber?: string;

  @ApiPropertyOptional({ description: '不动产单元号：只绑定这一套房屋' })
  @IsOptional()
  @Transform(upperTrim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  realEstateUnitNo?: string;

  @ApiProperty({ example: '13800138000', description: '登记的手机号码，接收验证码' })
  @Trimmed()
  @Matches(MOBILE_PHONE, { message: '手机号码格式不正确' })
  phone: string;
}

export class OwnerBindConfirmDto extends OwnerBindDto implements OwnerBindConfirmRequest {
  @ApiProperty({ example: '123456' })
  @Trimmed()
  @Matches(/^\d{6}$/, { message: '验证码为6位数字' })
  code: string;
}
