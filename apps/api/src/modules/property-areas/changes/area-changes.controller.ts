import { Body, Controller, Get, Param, Patch, Post, Query, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AreaCasePage, AreaChangeResult, AreaFieldRule, GrantAction, ModuleKey, Role, WorkflowCaseDetail } from '@szpm/contract';
import { Audited, CurrentActor, RequireGrant, RequireRoles } from '../../../access/access.decorators';
import { Actor } from '../../../access/actor';
import { ParseIdPipe } from '../../../common/http/parse-id.pipe';
import { AREA_EDITOR_ROLES, AreaChangeForm } from './area-change.form';
import { AreaCasesService } from './area-cases.service';
import { COUNTERPART_ROLES, CounterpartForms } from './counterpart-forms';
import { AreaCaseQueryDto, AreaChangeRequestDto, MyAreaCaseQueryDto, UpdateAreaFieldRuleDto } from './dto/area-change.dto';
import { ProjectManagerChangeDto, ProjectRegistrationPayload } from './dto/counterpart.dto';
import { AREA_FIELDS } from './area-fields';
import { FieldRulesService } from './field-rules.service';

const View = () => RequireGrant(ModuleKey.PROPERTY_AREAS, GrantAction.VIEW);
const Edit = () => applyDecorators(RequireRoles(...AREA_EDITOR_ROLES), RequireGrant(ModuleKey.PROPERTY_AREAS, GrantAction.OPERATE));
const Counterpart = () => RequireRoles(...COUNTERPART_ROLES);

/**
 * 编辑 (changes that need the city bureau's approval), 审批列表, 查看申请记录 and the counterpart's
 * 项目登记 / 项目经理变更 (chapter 5). Deciding, returning, withdrawing and 审批流程记录 go through the
 * engine's endpoints: POST /api/workflow/cases/:id/actions, GET /api/workflow/cases/:id.
 */
@ApiTags('property-areas (第5章 项目管理：修改申请与审批)')
@ApiBearerAuth()
@Controller('property-areas')
export class AreaChangesController {
  constructor(
    private readonly fieldRules: FieldRulesService,
    private readonly changes: AreaChangeForm,
    private readonly counterparts: CounterpartForms,
    private readonly cases: AreaCasesService,
  ) {}

  @Get('field-rules')
  @View()
  @ApiOperation({ summary: '字段目录：哪些字段可编辑、哪些需市局审核后生效（编辑页据此标注）' })
  fieldRuleList(): Promise<AreaFieldRule[]> {
    return this.fieldRules.list();
  }

  @Get('change-requests')
  @View()
  @ApiOperation({ summary: '查看申请记录（view=submitted：本区提交市局审核的修改申请）/ 审批列表（view=reviewing：本区审核的项目登记、项目经理变更）' })
  caseList(@CurrentActor() actor: Actor, @Query() query: AreaCaseQueryDto): Promise<AreaCasePage> {
    return this.cases.list(actor, query);
  }

  @Post(':id/change-requests')
  @Edit()
  @Audited('property-areas.change-request', 'property_area')
  @ApiOperation({ summary: '编辑：无需审核的字段立即生效；需审核的字段形成一份修改申请，市局经办人审核通过后生效（每个物业区域同时只能有一份未办结的申请，409）' })
  submitChange(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: AreaChangeRequestDto): Promise<AreaChangeResult> {
    return this.changes.submit(actor, id, body);
  }

  @Post('registrations')
  @Counterpart()
  @Audited('property-areas.registration', 'workflow_case')
  @ApiOperation({ summary: '项目登记（物业服务企业 / 项目经理）：区局审核通过后新建或更新物业区域' })
  register(@CurrentActor() actor: Actor, @Body() body: ProjectRegistrationPayload): Promise<WorkflowCaseDetail> {
    return this.counterparts.register(actor, body);
  }

  @Post(':id/manager-changes')
  @Counterpart()
  @Audited('property-areas.manager-change', 'property_area')
  @ApiOperation({ summary: '项目经理变更（物业服务企业 / 项目经理）：区局审核通过后生效' })
  changeManager(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: ProjectManagerChangeDto): Promise<WorkflowCaseDetail> {
    return this.counterparts.changeManager(actor, id, body);
  }

  @Get('applications/mine')
  @Counterpart()
  @ApiOperation({ summary: '我的申请：本单位提交的项目登记、项目经理变更及其状态' })
  mine(@CurrentActor() actor: Actor, @Query() query: MyAreaCaseQueryDto): Promise<AreaCasePage> {
    return this.cases.mine(actor, query);
  }
}

/** 字段目录的维护（市局管理员）. */
@ApiTags('property-areas (第5章 项目管理：修改申请与审批)')
@ApiBearerAuth()
@Controller('admin/property-areas/field-rules')
export class AreaFieldRulesAdminController {
  constructor(private readonly fieldRules: FieldRulesService) {}

  @Patch(':field')
  @RequireRoles(Role.CITY_ADMIN)
  @RequireGrant(ModuleKey.PROPERTY_AREAS, GrantAction.OPERATE)
  @Audited('property-areas.field-rule.update', 'property_area_field_rule')
  @ApiOperation({ summary: '修改字段目录：是否可编辑、是否需市局审核后生效' })
  @ApiParam({ name: 'field', enum: AREA_FIELDS.map((spec) => spec.field), description: '字段（GET /api/property-areas/field-rules 的 field）' })
  update(@CurrentActor() actor: Actor, @Param('field') field: string, @Body() body: UpdateAreaFieldRuleDto): Promise<AreaFieldRule> {
    return this.fieldRules.update(actor, field, body);
  }
}
