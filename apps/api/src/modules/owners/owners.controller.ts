import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { OwnerMe, OwnerSession, SmsCodeSentResponse } from '@szpm/contract';
import { Audited, Public } from '../../access/access.decorators';
import { ParseIdPipe } from '../../common/http/parse-id.pipe';
import { RateLimit } from '../../common/http/throttling';
import { OwnerBindConfirmDto, OwnerBindDto, OwnerDevLoginDto, OwnerWechatLoginDto } from './dto/owner.dto';
import { CurrentOwner, OwnerEndpoint, OwnerPrincipal } from './owner-session';
import { OwnersService } from './owners.service';

@ApiTags('owner (业主端：登录与业主身份绑定)')
@Controller('owner')
export class OwnersController {
  constructor(private readonly owners: OwnersService) {}

  @Public()
  @Post('session/wechat')
  @RateLimit('wechat-login')
  @HttpCode(200)
  @Audited('owners.wechat-login')
  @ApiOperation({ summary: '业主以微信身份登录（公众号网页授权或小程序 code），返回业主令牌与已绑定的房屋' })
  wechatLogin(@Body() body: OwnerWechatLoginDto): Promise<OwnerSession> {
    return this.owners.wechatLogin(body.channel, body.code);
  }

  @Public()
  @Post('session/dev')
  @RateLimit('wechat-login')
  @HttpCode(200)
  @ApiOperation({ summary: '开发环境业主登录：仅嵌入模式，以本地 openid 代替微信（演示业主见 README）' })
  devLogin(@Body() body: OwnerDevLoginDto): Promise<OwnerSession> {
    return this.owners.devLogin(body.openid);
  }

  @OwnerEndpoint()
  @Get('me')
  @ApiOperation({ summary: '当前业主已绑定的房屋（本人姓名、身份证号码脱敏）' })
  me(@CurrentOwner() owner: OwnerPrincipal): Promise<OwnerMe> {
    return this.owners.me(owner.identityId);
  }

  @OwnerEndpoint()
  @Post('bindings/sms-code')
  @RateLimit('sms-code')
  @HttpCode(200)
  @Audited('owners.bind.sms-code')
  @ApiOperation({ summary: '业主身份绑定第一步：姓名 + 身份证号码（或不动产单元号）+ 登记手机号核验一致后发送验证码；不一致时不提示哪一项有误' })
  sendCode(@CurrentOwner() owner: OwnerPrincipal, @Body() body: OwnerBindDto): Promise<SmsCodeSentResponse> {
    return this.owners.sendBindCode(owner.identityId, body);
  }

  @OwnerEndpoint()
  @Post('bindings')
  @RateLimit('bind')
  @HttpCode(200)
  @Audited('owners.bind', 'owner-house-binding')
  @ApiOperation({ summary: '业主身份绑定第二步：验证码正确后绑定名下房屋（按不动产单元号只绑定该套）' })
  bind(@CurrentOwner() owner: OwnerPrincipal, @Body() body: OwnerBindConfirmDto): Promise<OwnerMe> {
    return this.owners.confirmBind(owner.identityId, body);
  }

  @OwnerEndpoint()
  @Delete('bindings/:id')
  @Audited('owners.unbind', 'owner-house-binding')
  @ApiOperation({ summary: '解除本人的一套房屋绑定' })
  unbind(@CurrentOwner() owner: OwnerPrincipal, @Param('id', ParseIdPipe) id: number): Promise<OwnerMe> {
    return this.owners.unbind(owner.identityId, id);
  }
}
