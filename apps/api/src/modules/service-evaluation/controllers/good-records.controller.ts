import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EvaluationFormType, GoodRecordDetail, GoodRecordListItem, GrantAction, ModuleKey, Page, WorkflowCaseDetail } from '@szpm/contract';
import { Audited, CurrentActor, RequireGrant } from '../../../access/access.decorators';
import { Actor } from '../../../access/actor';
import { ParseIdPipe } from '../../../common/http/parse-id.pipe';
import { StartGoodRecordDeterminationDto } from '../dto/forms.dto';
import { GoodRecordSearchDto } from '../dto/records-query.dto';
import { EvaluationForms } from '../forms/evaluation-forms';
import { GoodRecordsService } from '../records/good-records.service';
import { splitStart } from './split-start';

/** 良好信息: determination form, list and detail. */
@ApiTags('service-evaluation (第7章 物业服务评价) — 良好信息')
@ApiBearerAuth()
@Controller('service-evaluation/good-records')
export class GoodRecordsController {
  constructor(
    private readonly goodRecords: GoodRecordsService,
    private readonly forms: EvaluationForms,
  ) {}

  @Post('determinations')
  @RequireGrant(ModuleKey.SERVICE_EVALUATION, GrantAction.OPERATE)
  @Audited('service-evaluation.good-record.determination', 'workflow_case')
  @ApiOperation({ summary: '良好信息认定（录入初审）：加分由事项决定' })
  determine(@CurrentActor() actor: Actor, @Body() body: StartGoodRecordDeterminationDto): Promise<WorkflowCaseDetail> {
    const { payload, options } = splitStart(body);
    return this.forms.start(actor, EvaluationFormType.GOOD_RECORD_DETERMINATION, payload, options);
  }

  @Get()
  @RequireGrant(ModuleKey.SERVICE_EVALUATION, GrantAction.VIEW)
  @ApiOperation({ summary: '良好信息列表' })
  search(@CurrentActor() actor: Actor, @Query() query: GoodRecordSearchDto): Promise<Page<GoodRecordListItem>> {
    return this.goodRecords.search(actor, query);
  }

  @Get(':id')
  @RequireGrant(ModuleKey.SERVICE_EVALUATION, GrantAction.VIEW)
  @ApiOperation({ summary: '良好信息详情' })
  detail(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<GoodRecordDetail> {
    return this.goodRecords.detail(actor, id);
  }
}
