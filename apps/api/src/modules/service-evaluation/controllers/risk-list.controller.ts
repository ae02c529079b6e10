import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  EvaluationFormType,
  EvaluationSubjectType,
  GrantAction,
  ModuleKey,
  Page,
  RiskListEntryDetail,
  RiskListEntryListItem,
  RiskListPreview,
  WorkflowCaseDetail,
} from '@szpm/contract';
import { Audited, CurrentActor, RequireGrant } from '../../../access/access.decorators';
import { Actor } from '../../../access/actor';
import { ParseIdPipe } from '../../../common/http/parse-id.pipe';
import { RiskListPreviewDto, StartRiskListDeterminationDto, StartWithdrawalDto } from '../dto/forms.dto';
import { RecordSearchDto } from '../dto/records-query.dto';
import { EvaluationForms } from '../forms/evaluation-forms';
import { RiskListService } from '../records/risk-list.service';
import { splitStart } from './split-start';

/** 风险名单: 认定 / 撤销 / 恢复 forms, 物业服务企业风险名单 and 项目负责人风险名单. */
@ApiTags('service-evaluation (第7章 物业服务评价) — 风险名单')
@ApiBearerAuth()
@Controller('service-evaluation/risk-list')
export class RiskListController {
  constructor(
    private readonly riskList: RiskListService,
    private readonly forms: EvaluationForms,
  ) {}

  @Post('preview')
  @HttpCode(200)
  @RequireGrant(ModuleKey.SERVICE_EVALUATION, GrantAction.OPERATE)
  @ApiOperation({ summary: '公示期时长预览：由事项和情形自动计算' })
  preview(@Body() body: RiskListPreviewDto): Promise<RiskListPreview> {
    return this.riskList.preview(body);
  }

  @Post('determinations')
  @RequireGrant(ModuleKey.SERVICE_EVALUATION, GrantAction.OPERATE)
  @Audited('service-evaluation.risk-list.determination', 'workflow_case')
  @ApiOperation({ summary: '风险名单认定（录入初审）：提交后转认定审核' })
  determine(@CurrentActor() actor: Actor, @Body() body: StartRiskListDeterminationDto): Promise<WorkflowCaseDetail> {
    const { payload, options } = splitStart(body);
    return this.forms.start(actor, EvaluationFormType.RISK_LIST_DETERMINATION, payload, options);
  }

  @Get('companies')
  @RequireGrant(ModuleKey.SERVICE_EVALUATION, GrantAction.VIEW)
  @ApiOperation({ summary: '物业服务企业风险名单' })
  companies(@CurrentActor() actor: Actor, @Query() query: RecordSearchDto): Promise<Page<RiskListEntryListItem>> {
    return this.riskList.search(actor, EvaluationSubjectType.COMPANY, query);
  }

  @Get('project-managers')
  @RequireGrant(ModuleKey.SERVICE_EVALUATION, GrantAction.VIEW)
  @ApiOperation({ summary: '项目负责人风险名单' })
  projectManagers(@CurrentActor() actor: Actor, @Query() query: RecordSearchDto): Promise<Page<RiskListEntryListItem>> {
    return this.riskList.search(actor, EvaluationSubjectType.PROJECT_MANAGER, query);
  }

  @Get(':id')
  @RequireGrant(ModuleKey.SERVICE_EVALUATION, GrantAction.VIEW)
  @ApiOperation({ summary: '风险名单详情' })
  detail(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<RiskListEntryDetail> {
    return this.riskList.detail(actor, id);
  }

  @Post(':id/revocations')
  @RequireGrant(ModuleKey.SERVICE_EVALUATION, GrantAction.OPERATE)
  @Audited('service-evaluation.risk-list.revocation', 'evaluation_risk_list_entry')
  @ApiOperation({ summary: '风险名单撤销（录入初审）' })
  revoke(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: StartWithdrawalDto): Promise<WorkflowCaseDetail> {
    const { payload, options } = splitStart(body);
    return this.forms.start(actor, EvaluationFormType.RISK_LIST_REVOCATION, { ...payload, recordId: id }, options);
  }

  @Post(':id/restorations')
  @RequireGrant(ModuleKey.SERVICE_EVALUATION, GrantAction.OPERATE)
  @Audited('service-evaluation.risk-list.restoration', 'evaluation_risk_list_entry')
  @ApiOperation({ summary: '风险名单恢复（录入初审）' })
  restore(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: StartWithdrawalDto): Promise<WorkflowCaseDetail> {
    const { payload, options } = splitStart(body);
    return this.forms.start(actor, EvaluationFormType.RISK_LIST_RESTORATION, { ...payload, recordId: id }, options);
  }
}
