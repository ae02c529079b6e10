import { applyDecorators, Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DisputeCategoryView, DisputeDeadlineDefault, DisputeDetail, DisputeDuplicateResult, DisputeLedgerPage, GrantAction, ModuleKey, Role } from '@szpm/contract';
import { Audited, CurrentActor, RequireGrant, RequireRoles } from '../../access/access.decorators';
import { Actor } from '../../access/actor';
import { ParseIdPipe } from '../../common/http/parse-id.pipe';
import { DisputeDuplicatesService } from './dispute-duplicates.service';
import { DisputesService } from './disputes.service';
import {
  CreateDisputeDto,
  DisputeCategoryDto,
  DisputeDeadlineQueryDto,
  DisputeDuplicateQueryDto,
  DisputeHandleDto,
  DisputeLedgerQueryDto,
  DisputeReturnDto,
  DisputeReviewDto,
  DisputeVersionDto,
  EditDisputeDto,
} from './dto/dispute.dto';

const View = () => RequireGrant(ModuleKey.DISPUTES, GrantAction.VIEW);
const Operate = () => RequireGrant(ModuleKey.DISPUTES, GrantAction.OPERATE);
const Maintain = () => applyDecorators(RequireRoles(Role.CITY_ADMIN), Operate());

/** 纠纷化解台账 (PC and WeChat): 录入, the ledgers, 详情 with 历程, 转办, 退回, 处理, 审核, 修改, the 问题分类 catalogue. */
@ApiTags('disputes (第22章 纠纷化解台账)')
@ApiBearerAuth()
@Controller('disputes')
export class DisputesController {
  constructor(
    private readonly disputes: DisputesService,
    private readonly duplicates: DisputeDuplicatesService,
  ) {}

  @Get('categories')
  @View()
  @ApiOperation({ summary: '问题分类及其默认办理时限（工作日）' })
  categories(): Promise<DisputeCategoryView[]> {
    return this.disputes.categories();
  }

  @Post('categories')
  @Maintain()
  @Audited('disputes.categories.create', 'dispute_category')
  @ApiOperation({ summary: '新增问题分类（市局管理员）' })
  createCategory(@Body() body: DisputeCategoryDto): Promise<DisputeCategoryView> {
    return this.disputes.createCategory(body);
  }

  @Patch('categories/:id')
  @Maintain()
  @Audited('disputes.categories.update', 'dispute_category')
  @ApiOperation({ summary: '修改问题分类、默认办理时限、停用（市局管理员）' })
  updateCategory(@Param('id', ParseIdPipe) id: number, @Body() body: DisputeCategoryDto): Promise<DisputeCategoryView> {
    return this.disputes.updateCategory(id, body);
  }

  @Get('deadline-default')
  @View()
  @ApiOperation({ summary: '默认办理时限：自今日起按问题分类的工作日数（法定节假日与调休）' })
  deadlineDefault(@Query() query: DisputeDeadlineQueryDto): Promise<DisputeDeadlineDefault> {
    return this.disputes.deadlineDefault(query.categoryId);
  }

  @Get('duplicates')
  @View()
  @ApiOperation({ summary: '录入时的重复提示：同一小区同一问题分类、同一信访人电话或纠纷简述相似的历史矛盾纠纷件' })
  duplicatesOf(@CurrentActor() actor: Actor, @Query() query: DisputeDuplicateQueryDto): Promise<DisputeDuplicateResult> {
    return this.duplicates.check(actor, query);
  }

  @Get()
  @View()
  @ApiOperation({ summary: '未办结台账 / 已办结台账 / 总台账：按小区名称、处置方式、处置情况、化解疏导情况等查询，分页排序，附超期件数' })
  ledger(@CurrentActor() actor: Actor, @Query() query: DisputeLedgerQueryDto): Promise<DisputeLedgerPage> {
    return this.disputes.ledger(actor, query);
  }

  @Post()
  @Operate()
  @Audited('disputes.create', 'dispute')
  @ApiOperation({ summary: '录入矛盾纠纷件：地址信息、业务信息、信访信息、附件、办理时限' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateDisputeDto): Promise<DisputeDetail> {
    return this.disputes.create(actor, body);
  }

  @Get('cases/:caseId')
  @View()
  @ApiOperation({ summary: '由业务单（待办事项中的 caseId）打开矛盾纠纷件的详情' })
  detailOfCase(@CurrentActor() actor: Actor, @Param('caseId', ParseIdPipe) caseId: number): Promise<DisputeDetail> {
    return this.disputes.detailByCase(actor, caseId);
  }

  @Get(':id')
  @View()
  @ApiOperation({ summary: '详情 / 查看：纠纷信息与历程，以及当前可办理的操作' })
  detail(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<DisputeDetail> {
    return this.disputes.detail(actor, id);
  }

  @Patch(':id')
  @Operate()
  @Audited('disputes.edit', 'dispute')
  @ApiOperation({ summary: '修改：小区名称、业务信息、信访信息、办理时限与附件（所属区域、街道、社区不可修改）' })
  edit(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: EditDisputeDto): Promise<DisputeDetail> {
    return this.disputes.edit(actor, id, body);
  }

  @Post(':id/transfer')
  @HttpCode(HttpStatus.OK)
  @Operate()
  @Audited('disputes.transfer', 'dispute')
  @ApiOperation({ summary: '转办：交所属街道办处理（街道办收到待办与微信通知）' })
  transfer(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: DisputeVersionDto): Promise<DisputeDetail> {
    return this.disputes.transfer(actor, id, body);
  }

  @Post(':id/return')
  @HttpCode(HttpStatus.OK)
  @Operate()
  @Audited('disputes.return', 'dispute')
  @ApiOperation({ summary: '退回区局：街道办说明理由后退回转办的矛盾纠纷件' })
  returnToDistrict(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: DisputeReturnDto): Promise<DisputeDetail> {
    return this.disputes.returnToDistrict(actor, id, body);
  }

  @Post(':id/handle')
  @HttpCode(HttpStatus.OK)
  @Operate()
  @Audited('disputes.handle', 'dispute')
  @ApiOperation({ summary: '处理：处置方式、处置情况、答复日期、化解疏导情况、存在问题、附件，办结 / 申请办结后待审核' })
  handle(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: DisputeHandleDto): Promise<DisputeDetail> {
    return this.disputes.handle(actor, id, body);
  }

  @Post(':id/review')
  @HttpCode(HttpStatus.OK)
  @Operate()
  @Audited('disputes.review', 'dispute')
  @ApiOperation({ summary: '审核：驳回重报（须填写意见）或同意办结' })
  review(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: DisputeReviewDto): Promise<DisputeDetail> {
    return this.disputes.review(actor, id, body);
  }
}
