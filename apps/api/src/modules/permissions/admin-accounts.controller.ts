import { Body, Controller, Delete, Get, HttpCode, Param, ParseEnumPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreatedAccount, GrantAction, ModuleKey, Page, PasswordResetResult, StaffDetail, StaffListItem } from '@szpm/contract';
import { Audited, CurrentActor, RequireGrant, RequireRoles } from '../../access/access.decorators';
import { Actor } from '../../access/actor';
import { AppException } from '../../common/errors/app.exception';
import { ParseIdPipe } from '../../common/http/parse-id.pipe';
import { ACCOUNT_ADMIN_ROLES, AccountAdminService } from './account-admin.service';
import { CreateAccountDto, GrantDtoBody, ResetPasswordDto, SetAccountStatusDto } from './dto/admin-account.dto';
import { AdminAccountQueryDto } from './dto/staff-query.dto';
import { StaffDirectoryService } from './staff-directory.service';

const enumParam = <T extends Record<string, string>>(values: T, field: string) =>
  new ParseEnumPipe(values, { exceptionFactory: () => AppException.invalidField(field, `${field}的取值不在允许范围内`) });

/** Admin endpoints: city admins for every account, district leads for their district's. */
@ApiTags('admin accounts (账号与赋权)')
@ApiBearerAuth()
@RequireRoles(...ACCOUNT_ADMIN_ROLES)
@RequireGrant(ModuleKey.PERMISSIONS, GrantAction.OPERATE)
@Controller('admin/accounts')
export class AdminAccountsController {
  constructor(
    private readonly admin: AccountAdminService,
    private readonly directory: StaffDirectoryService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every account of the scope (officers and unit accounts), filterable' })
  list(@CurrentActor() actor: Actor, @Query() query: AdminAccountQueryDto): Promise<Page<StaffListItem>> {
    return this.directory.listAll(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One account with its grants' })
  detail(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<StaffDetail> {
    return this.directory.detail(actor, id);
  }

  @Post()
  @Audited('admin.create-account', 'account')
  @ApiOperation({ summary: 'Create an account in advance (预设账号); it gets its role’s default grants' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateAccountDto): Promise<CreatedAccount> {
    return this.admin.create(actor, body);
  }

  @Patch(':id/status')
  @HttpCode(204)
  @Audited('admin.set-account-status', 'account')
  @ApiOperation({ summary: 'Disable or re-enable an account (disabling ends its sessions)' })
  async setStatus(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: SetAccountStatusDto): Promise<void> {
    await this.admin.setStatus(actor, id, body.status);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @Audited('admin.reset-password', 'account')
  @ApiOperation({ summary: '重置密码: an initial password again (generated when none is given, answered once); the account must change it at its next login, its sessions end' })
  resetPassword(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: ResetPasswordDto): Promise<PasswordResetResult> {
    return this.admin.resetPassword(actor, id, body.password);
  }

  @Post(':id/grants')
  @HttpCode(204)
  @Audited('admin.add-grant', 'account')
  @ApiOperation({ summary: 'Give a module grant (some modules only a city account may give)' })
  async addGrant(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: GrantDtoBody): Promise<void> {
    await this.admin.addGrant(actor, id, body.module, body.action);
  }

  @Delete(':id/grants/:module/:action')
  @HttpCode(204)
  @Audited('admin.remove-grant', 'account')
  @ApiOperation({ summary: 'Take a module grant away' })
  async removeGrant(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: number,
    @Param('module', enumParam(ModuleKey, 'module')) module: ModuleKey,
    @Param('action', enumParam(GrantAction, 'action')) action: GrantAction,
  ): Promise<void> {
    await this.admin.removeGrant(actor, id, module, action);
  }
}
