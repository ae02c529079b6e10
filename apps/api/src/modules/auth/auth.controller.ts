import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { LoginResponse, MeResponse, TokenPair } from '@szpm/contract';
import { Repository } from 'typeorm';
import { AllowedWithPasswordChangePending, Audited, CurrentActor, Public } from '../../access/access.decorators';
import { Actor } from '../../access/actor';
import { Account } from '../../access/entities/account.entity';
import { RateLimit } from '../../common/http/throttling';
import { AccountProfileService } from './account-profile.service';
import { AuthService } from './auth.service';
import { ChangePasswordDto, LoginDto, RefreshDto } from './dto/login.dto';

@ApiTags('auth (第2章 PC端登录)')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly profiles: AccountProfileService,
    // eslint-disable-next-line szpm/no-raw-scoped-access -- /auth/me loads the caller's own account by its id
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
  ) {}

  @Public()
  @Post('login')
  @RateLimit('login')
  @HttpCode(200)
  @Audited('auth.login', 'account')
  @ApiOperation({
    summary:
      '个人登录: username + password → access and refresh tokens (5 wrong passwords in a row, here or in a password check, lock the account for 15 minutes); passwordChangeRequired: an initial or expired password must be changed first',
  })
  login(@Body() body: LoginDto): Promise<LoginResponse> {
    return this.auth.login(body.username, body.password);
  }

  @Public()
  @AllowedWithPasswordChangePending()
  @Post('refresh')
  @RateLimit('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trade a refresh token for a new pair (the old one stops working)' })
  refresh(@Body() body: RefreshDto): Promise<TokenPair> {
    return this.auth.refresh(body.refreshToken);
  }

  @Public()
  @AllowedWithPasswordChangePending()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session of this refresh token; its access tokens stop working at once' })
  async logout(@Body() body: RefreshDto): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }

  @Get('me')
  @AllowedWithPasswordChangePending()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Home payload: profile, held modules, the quick entries (功能快捷入口) the account may use, and whether its password must be changed first' })
  async me(@CurrentActor() actor: Actor): Promise<MeResponse> {
    return this.profiles.me(await this.accounts.findOneOrFail({ where: { id: actor.accountId } }), actor.passwordChangedAt !== undefined);
  }

  @Post('change-password')
  @AllowedWithPasswordChangePending()
  @RateLimit('password-check')
  @HttpCode(204)
  @ApiBearerAuth()
  @Audited('auth.change-password', 'account')
  @ApiOperation({ summary: 'Change own password (not to the current one); every session ends, this one included (a wrong current password counts towards the login lockout)' })
  async changePassword(@CurrentActor() actor: Actor, @Body() body: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(actor.accountId, body.currentPassword, body.newPassword);
  }
}
