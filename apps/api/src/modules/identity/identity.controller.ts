import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { BindResponse, DevSmsOutboxItem, DevWechatLoginResponse, DevWechatStatus, SmsCodeSentResponse, WechatAuthorizeUrlResponse, WechatLoginResponse } from '@szpm/contract';
import { Audited, Public } from '../../access/access.decorators';
import { AppException } from '../../common/errors/app.exception';
import { RateLimit } from '../../common/http/throttling';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { DevelopmentSmsProvider } from '../../integrations/sms/development-sms.provider';
import { SMS_PROVIDER, SmsProvider } from '../../integrations/sms/sms-provider';
import { ConfirmBindDto, DevWechatLoginDto, OaAuthorizeUrlQuery, SendBindCodeDto, SmsOutboxQuery, WechatCodeDto } from './dto/identity.dto';
import { IdentityService } from './identity.service';

@ApiTags('identity (第1章 身份绑定)')
@Controller('identity')
export class IdentityController {
  constructor(
    private readonly identity: IdentityService,
    @Inject(SMS_PROVIDER) private readonly sms: SmsProvider,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('wechat/oa/authorize-url')
  @ApiOperation({ summary: '公众号网页授权地址 (snsapi_base): WeChat redirects to WECHAT_OAUTH_REDIRECT_URL with code and state' })
  authorizeUrl(@Query() query: OaAuthorizeUrlQuery): WechatAuthorizeUrlResponse {
    return { url: this.identity.oaAuthorizeUrl(query.state ?? '') };
  }

  @Public()
  @Post('wechat/oa/login')
  @RateLimit('wechat-login')
  @HttpCode(200)
  @Audited('identity.wechat-login.oa')
  @ApiOperation({ summary: '公众号 (H5) login: OAuth code → tokens and modules when bound, otherwise bound:false and a bindTicket' })
  oaLogin(@Body() body: WechatCodeDto): Promise<WechatLoginResponse> {
    return this.identity.wechatLogin('oa', body.code);
  }

  @Public()
  @Post('wechat/mini/login')
  @RateLimit('wechat-login')
  @HttpCode(200)
  @Audited('identity.wechat-login.mini')
  @ApiOperation({ summary: '小程序 login: wx.login code (jscode2session) → tokens and modules when bound, otherwise bound:false and a bindTicket' })
  miniLogin(@Body() body: WechatCodeDto): Promise<WechatLoginResponse> {
    return this.identity.wechatLogin('mini', body.code);
  }

  @Public()
  @Get('wechat/dev')
  @ApiOperation({ summary: '开发环境微信登录是否可用：仅嵌入模式（未设置 DATABASE_URL）' })
  devWechatStatus(): DevWechatStatus {
    return { enabled: this.config.wechat.devSignIn };
  }

  @Public()
  @Post('wechat/dev/login')
  @RateLimit('wechat-login')
  @HttpCode(200)
  @Audited('identity.wechat-login.dev')
  @ApiOperation({ summary: '开发环境微信登录（仅嵌入模式，设置 DATABASE_URL 时 404）：发放本地 openid 代替微信身份，已绑定时返回令牌，否则返回 bindTicket' })
  devWechatLogin(@Body() body: DevWechatLoginDto): Promise<DevWechatLoginResponse> {
    return this.identity.devWechatLogin(body.openid);
  }

  @Public()
  @Post('bind/sms-code')
  @RateLimit('sms-code')
  @HttpCode(200)
  @Audited('identity.bind.sms-code', 'account')
  @ApiOperation({ summary: '获取验证码: name + phone must match a preset account; 6 digits, valid 5 minutes, once per 60 s' })
  sendCode(@Body() body: SendBindCodeDto): Promise<SmsCodeSentResponse> {
    return this.identity.sendBindCode(body.bindTicket, body);
  }

  @Public()
  @Post('bind')
  @RateLimit('bind')
  @HttpCode(200)
  @Audited('identity.bind', 'account')
  @ApiOperation({ summary: '提交信息: binds the WeChat identity of the ticket to the account; returns tokens and the account with its modules' })
  bind(@Body() body: ConfirmBindDto): Promise<BindResponse> {
    return this.identity.confirmBind(body.bindTicket, body, body.code);
  }

  @Public()
  @Get('dev/sms-outbox')
  @ApiOperation({ summary: 'Development only (SMS_PROVIDER=development, never with NODE_ENV=production): the codes that would have been sent, newest first; 404 otherwise' })
  outbox(@Query() query: SmsOutboxQuery): DevSmsOutboxItem[] {
    // a staging copy (production with ALLOW_DEVELOPMENT_SMS) must not publish codes
    if (!(this.sms instanceof DevelopmentSmsProvider) || this.config.env === 'production') throw AppException.notFound('开发短信发件箱');
    return this.sms.messages(query.phone);
  }
}
