import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BadRecordDetail, BadRecordListItem, BadRecordPreview, EvaluationFormType, GrantAction, ModuleKey, Page, WorkflowCaseDetail } from '@szpm/contract';
import { Audited, CurrentActor, RequireGrant } from '../../../access/access.decorators';
import { Actor } from '../../../access/actor';
import { ParseIdPipe } from '../../../common/http/parse-id.pipe';
import { BadRecordPreviewDto, StartBadRecordDeterminationDto, StartWithdrawalDto } from '../dto/forms.dto';
import { BadRecordSearchDto, LinkCandidatesQueryDto } from '../dto/records-query.dto';
import { EvaluationForms } from '../forms/evaluation-forms';
import { BadRecordsService } from '../records/bad-records.service';
import { splitStart } from './split-start';

/** 不良信息: 认定 / 撤销 / 恢复 forms, the entry preview, 不良信息汇总 and detail. */
@ApiTags('service-evaluation (第7章 物业服务评价) — 不良信息')
@ApiBearerAuth()
@Controller('service-evaluation/bad-records')
export class BadRecordsController {
  constructor(
    private readonly badRecords: BadRecordsService,
    private readonly forms: EvaluationForms,
  ) {}

  @Post('preview')
  @HttpCode(200)
  @RequireGrant(ModuleKey.SERVICE_EVALUATION, GrantAction.OPERATE)
  @ApiOperation({ summary: '分值与公示期时长预览：由事项和情形自动计算，无需填写' })
  preview(@Body() body: BadRecordPreviewDto): Promise<BadRecordPreview> {
    return this.badRecords.preview(body);
  }

  @Post('determinations')
  @RequireGrant(ModuleKey.SERVICE_EVALUATION, GrantAction.OPERATE)
  @Audited('service-evaluation.bad-record.determination', 'workflow_case')
  @ApiOperation({ summary: '不良信息认定（录入初审）：提交后转认定审核；分值、公示期由服务器计算，提交的分值会被拒绝' })
  determine(@CurrentActor() actor: Actor, @Body() body: StartBadRecordDeterminationDto): Promise<WorkflowCaseDetail> {
    const { payload, options } = splitStart(body);
    return this.forms.start(actor, EvaluationFormType.BAD_RECORD_DETERMINATION, payload, options);
  }

  @Get('link-candidates')
  @RequireGrant(ModuleKey.SERVICE_EVALUATION, GrantAction.VIEW)
  @ApiOperation({ summary: '关联同年度的不良信息：同一评价对象、同一事项、同一年度、未撤销' })
  linkCandidates(@CurrentActor() actor: Actor, @Query() query: LinkCandidatesQueryDto): Promise<BadRecordListItem[]> {
    return this.badRecords.linkCandidates(actor, query);
  }

  @Get()
  @RequireGrant(ModuleKey.SERVICE_EVALUATION, GrantAction.VIEW)
  @ApiOperation({ summary: '不良信息汇总：按评价对象、事项、状态、行政区、日期范围检索' })
  search(@CurrentActor() actor: Actor, @Query() query: BadRecordSearchDto): Promise<Page<BadRecordListItem>> {
    return this.badRecords.search(actor, query);
  }

  @Get(':id')
  @RequireGrant(ModuleKey.SERVICE_EVALUATION, GrantAction.VIEW)
  @ApiOperation({ summary: '不良信息详情' })
  detail(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<BadRecordDetail> {
    return this.badRecords.detail(actor, id);
  }

  @Post(':id/revocations')
  @RequireGrant(ModuleKey.SERVICE_EVALUATION, GrantAction.OPERATE)
  @Audited('service-evaluation.bad-record.revocation', 'evaluation_bad_record')
  @ApiOperation({ summary: '不良信息撤销（录入初审）：填写撤销原因、上传附件，提交后转认定审核' })
  revoke(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: StartWithdrawalDto): Promise<WorkflowCaseDetail> {
    const { payload, options } = splitStart(body);
    return this.forms.start(actor, EvaluationFormType.BAD_RECORD_REVOCATION, { ...payload, recordId: id }, options);
  }

  @Post(':id/restorations')
  @RequireGrant(ModuleKey.SERVICE_EVALUATION, GrantAction.OPERATE)
  @Audited('service-evaluation.bad-record.restoration', 'evaluation_bad_record')
  @ApiOperation({ summary: '不良信息恢复（录入初审）：填写恢复原因、上传附件，提交后转认定审核' })
  restore(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: StartWithdrawalDto): Promise<WorkflowCaseDetail> {
    const { payload, options } = splitStart(body);
    return this.forms.start(actor, EvaluationFormType.BAD_RECORD_RESTORATION, { ...payload, recordId: id }, options);
  }
}
