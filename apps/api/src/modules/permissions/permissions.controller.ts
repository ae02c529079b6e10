import { Body, Controller, Get, HttpCode, Param, ParseEnumPipe, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { GrantAction, ModuleKey, Page, StaffDetail, StaffListItem, UnitAccountListItem, UnitCategory, UnitCategoryStats, UnitListItem, UrgeBindingResult } from '@szpm/contract';
import { Audited, CurrentActor, RequireGrant } from '../../access/access.decorators';
import { Actor } from '../../access/actor';
import { XLSX_CONTENT_TYPE } from '../../common/excel/xlsx-export';
import { AppException } from '../../common/errors/app.exception';
import { ParseIdPipe } from '../../common/http/parse-id.pipe';
import { RateLimit } from '../../common/http/throttling';
import { BindingStatsService } from './binding-stats.service';
import { CancelOwnAccountDto, UpdateOwnProfileDto } from './dto/own-account.dto';
import { BindingStatsQueryDto, StaffQueryDto, UnitAccountsQueryDto, UnitsQueryDto } from './dto/staff-query.dto';
import { UrgeBindingDto } from './dto/urge-binding.dto';
import { OwnAccountService } from './own-account.service';
import { StaffDirectoryService } from './staff-directory.service';
import { UrgeBindingService } from './urge-binding.service';

const categoryPipe = new ParseEnumPipe(UnitCategory, {
  exceptionFactory: () => AppException.invalidField('category', `category必须是 ${Object.values(UnitCategory).join(' / ')} 之一`),
});

@ApiTags('permissions (第3章 权限管理)')
@ApiBearerAuth()
@Controller('permissions')
export class PermissionsController {
  constructor(
    private readonly directory: StaffDirectoryService,
    private readonly stats: BindingStatsService,
    private readonly urging: UrgeBindingService,
    private readonly own: OwnAccountService,
  ) {}

  @Get('staff')
  @RequireGrant(ModuleKey.PERMISSIONS, GrantAction.VIEW)
  @ApiOperation({ summary: '本区人员名单: the district’s officers; search by name; phones masked' })
  staff(@CurrentActor() actor: Actor, @Query() query: StaffQueryDto): Promise<Page<StaffListItem>> {
    return this.directory.list(actor, query);
  }

  @Get('staff/:id')
  @RequireGrant(ModuleKey.PERMISSIONS, GrantAction.VIEW)
  @ApiOperation({ summary: '人员详情 (点击头像): roles, grants, binding; the full phone for managers and oneself' })
  staffDetail(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<StaffDetail> {
    return this.directory.detail(actor, id);
  }

  @Get('binding-stats')
  @RequireGrant(ModuleKey.PERMISSIONS, GrantAction.VIEW)
  @ApiOperation({ summary: '用户统计: per unit category, all units, units without an account, accounts bound and unbound' })
  bindingStats(@CurrentActor() actor: Actor, @Query() query: BindingStatsQueryDto): Promise<UnitCategoryStats[]> {
    return this.stats.summary(actor, query.districtId);
  }

  @Get('binding-stats/export')
  @RequireGrant(ModuleKey.PERMISSIONS, GrantAction.VIEW)
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: '导出用户统计（xlsx，流式）：与页面同一筛选' })
  exportBindingStats(@CurrentActor() actor: Actor, @Query() query: BindingStatsQueryDto): Promise<StreamableFile> {
    return this.stats.exportSummary(actor, query.districtId);
  }

  @Get('binding-stats/:category/units')
  @RequireGrant(ModuleKey.PERMISSIONS, GrantAction.VIEW)
  @ApiOperation({ summary: '全部单位 / 未开设单位 of one category (drill-down)' })
  units(@CurrentActor() actor: Actor, @Param('category', categoryPipe) category: UnitCategory, @Query() query: UnitsQueryDto): Promise<Page<UnitListItem>> {
    return this.stats.unitList(actor, category, query);
  }

  @Get('binding-stats/:category/accounts')
  @RequireGrant(ModuleKey.PERMISSIONS, GrantAction.VIEW)
  @ApiOperation({ summary: '账户总数 / bound / unbound accounts of one category (drill-down)' })
  accounts(
    @CurrentActor() actor: Actor,
    @Param('category', categoryPipe) category: UnitCategory,
    @Query() query: UnitAccountsQueryDto,
  ): Promise<Page<UnitAccountListItem>> {
    return this.stats.accountList(actor, category, query);
  }

  @Post('urge-binding')
  @HttpCode(200)
  @RequireGrant(ModuleKey.PERMISSIONS, GrantAction.OPERATE)
  @Audited('permissions.urge-binding', 'notification_campaign')
  @ApiOperation({ summary: '催绑：提醒全部或所选未绑定账号绑定微信（同一账号24小时内只催绑一次）；没有未绑定账号时 409 NOTIFICATIONS_NOTHING_TO_URGE' })
  urgeBinding(@CurrentActor() actor: Actor, @Body() body: UrgeBindingDto): Promise<UrgeBindingResult> {
    return this.urging.urge(actor, body);
  }

  @Get('me')
  @ApiOperation({ summary: 'My own account, with the full phone number' })
  me(@CurrentActor() actor: Actor): Promise<StaffDetail> {
    return this.own.detail(actor);
  }

  @Patch('me')
  @Audited('permissions.update-own-profile', 'account')
  @ApiOperation({ summary: '编辑: my position, email and avatar' })
  updateMe(@CurrentActor() actor: Actor, @Body() body: UpdateOwnProfileDto): Promise<StaffDetail> {
    return this.own.update(actor, body);
  }

  @Post('me/unbind')
  @HttpCode(204)
  @Audited('permissions.unbind-own-wechat', 'account')
  @ApiOperation({ summary: '解绑: remove my WeChat identity (WeChat sessions end)' })
  async unbind(@CurrentActor() actor: Actor): Promise<void> {
    await this.own.unbind(actor);
  }

  @Post('me/cancel')
  @RateLimit('password-check')
  @HttpCode(204)
  @Audited('permissions.cancel-own-account', 'account')
  @ApiOperation({ summary: '注销: deactivate my account (history kept); confirmed with my password' })
  async cancel(@CurrentActor() actor: Actor, @Body() body: CancelOwnAccountDto): Promise<void> {
    await this.own.cancel(actor, body.password);
  }
}
