import { applyDecorators, Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GrantAction, ModuleKey, ObjectionDetail, ObjectionKindView, ObjectionListItem, Page, Role } from '@szpm/contract';
import { Audited, CurrentActor, RequireGrant, RequireRoles } from '../../../access/access.decorators';
import { Actor } from '../../../access/actor';
import { ParseIdPipe } from '../../../common/http/parse-id.pipe';
import { WORKFLOW_PARTICIPANT_ROLES } from '../../workflow/workflow-roles';
import { CreateObjectionKindDto, FileObjectionDto, ObjectionKindQueryDto, ObjectionQueryDto, ResubmitObjectionDto, UpdateObjectionKindDto } from './dto/objection.dto';
import { OBJECTING_ROLES } from './objection-form';
import { ObjectionKindsService } from './objection-kinds.service';
import { ObjectableTarget, ObjectionsService } from './objections.service';

/** Admin-only writes: a city admin holding the module's operate grant. */
const Maintain = () => applyDecorators(RequireRoles(Role.CITY_ADMIN), RequireGrant(ModuleKey.SERVICE_EVALUATION, GrantAction.OPERATE));

/**
 * 异议处理. The subject files, follows and supplements here; the district handler and supervisor
 * accept, edit the draft (EDIT with payload.draft / payload.basicDraft), return for supplement,
 * propose and decide through POST /api/workflow/cases/:caseId/actions, from their 待办.
 */
@ApiTags('service-evaluation (第7章 物业服务评价) — 异议处理')
@ApiBearerAuth()
@Controller('service-evaluation/objections')
export class ObjectionsController {
  constructor(
    private readonly objections: ObjectionsService,
    private readonly kinds: ObjectionKindsService,
  ) {}

  @Get('kinds')
  @RequireRoles(...WORKFLOW_PARTICIPANT_ROLES)
  @ApiOperation({ summary: '异议类型（如 不良信息计分异议），按异议对象筛选' })
  listKinds(@Query() query: ObjectionKindQueryDto): Promise<ObjectionKindView[]> {
    return this.kinds.list(query);
  }

  @Post('kinds')
  @Maintain()
  @Audited('service-evaluation.objection-kinds.create', 'evaluation_objection_kind')
  @ApiOperation({ summary: '新增异议类型（市局管理员）' })
  createKind(@Body() body: CreateObjectionKindDto): Promise<ObjectionKindView> {
    return this.kinds.create(body);
  }

  @Patch('kinds/:id')
  @Maintain()
  @Audited('service-evaluation.objection-kinds.update', 'evaluation_objection_kind')
  @ApiOperation({ summary: '修改、停用异议类型（市局管理员）' })
  updateKind(@Param('id', ParseIdPipe) id: number, @Body() body: UpdateObjectionKindDto): Promise<ObjectionKindView> {
    return this.kinds.update(id, body);
  }

  @Get('targets')
  @RequireRoles(...OBJECTING_ROLES)
  @ApiOperation({ summary: '本单位可提出异议的信息：已生效的不良信息、风险名单和各计分周期得分，含已用过的异议理由' })
  targets(@CurrentActor() actor: Actor): Promise<ObjectableTarget[]> {
    return this.objections.targets(actor);
  }

  @Post()
  @RequireRoles(...OBJECTING_ROLES)
  @Audited('service-evaluation.objections.file', 'evaluation_objection')
  @ApiOperation({ summary: '提出异议：异议对象、异议类型、理由、内容和附件；同一信息同一理由只能提出一次' })
  file(@CurrentActor() actor: Actor, @Body() body: FileObjectionDto): Promise<ObjectionDetail> {
    return this.objections.file(actor, body);
  }

  @Get('mine')
  @RequireRoles(...OBJECTING_ROLES)
  @ApiOperation({ summary: '我的异议及办理状态（待受理 / 录入初审 / 认定审核 / 退回补录 / 已同意 / 不同意）' })
  mine(@CurrentActor() actor: Actor, @Query() query: ObjectionQueryDto): Promise<Page<ObjectionListItem>> {
    return this.objections.mine(actor, query);
  }

  @Get()
  @RequireGrant(ModuleKey.SERVICE_EVALUATION, GrantAction.VIEW)
  @ApiOperation({ summary: '本区的异议（区局账号）；办理在待办事项中' })
  list(@CurrentActor() actor: Actor, @Query() query: ObjectionQueryDto): Promise<Page<ObjectionListItem>> {
    return this.objections.list(actor, query);
  }

  @Get(':id')
  @RequireRoles(...WORKFLOW_PARTICIPANT_ROLES)
  @ApiOperation({ summary: '异议详情：申请内容、原信息、经办人修改稿、附件和审批流程记录' })
  detail(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<ObjectionDetail> {
    return this.objections.detail(actor, id);
  }

  @Post(':id/resubmit')
  @RequireRoles(...OBJECTING_ROLES)
  @Audited('service-evaluation.objections.resubmit', 'evaluation_objection')
  @ApiOperation({ summary: '退回补录后补充内容、附件并重新提交' })
  resubmit(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: ResubmitObjectionDto): Promise<ObjectionDetail> {
    return this.objections.resubmit(actor, id, body);
  }
}
