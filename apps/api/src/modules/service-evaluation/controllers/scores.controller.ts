import { Controller, Get, HttpCode, Param, ParseEnumPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EvaluationSubjectType, EvaluationSubjectView, GrantAction, ModuleKey, Page, Role, ScoreDetail, ScoreListItem, ScoreRecomputeResult } from '@szpm/contract';
import { Audited, CurrentActor, RequireGrant, RequireRoles } from '../../../access/access.decorators';
import { Actor } from '../../../access/actor';
import { AppException } from '../../../common/errors/app.exception';
import { ParseIdPipe } from '../../../common/http/parse-id.pipe';
import { CycleQueryDto, ScoreQueryDto } from '../dto/score-query.dto';
import { SubjectQueryDto } from '../dto/subject-query.dto';
import { ScoreService } from '../scoring/score.service';
import { EvaluationSubjectsService } from '../subjects/evaluation-subjects.service';

const subjectTypePipe = new ParseEnumPipe(EvaluationSubjectType, {
  exceptionFactory: () => AppException.invalidField('subjectType', `subjectType必须是 ${Object.values(EvaluationSubjectType).join(' / ')} 之一`),
});

/** 评价对象与得分: the subjects an officer may enter records on, score lists, one subject's score with 计分周期说明. */
@ApiTags('service-evaluation (第7章 物业服务评价) — 评价对象与得分')
@ApiBearerAuth()
@Controller('service-evaluation')
export class ScoresController {
  constructor(
    private readonly scores: ScoreService,
    private readonly subjects: EvaluationSubjectsService,
  ) {}

  @Get('subjects')
  @RequireGrant(ModuleKey.SERVICE_EVALUATION, GrantAction.VIEW)
  @ApiOperation({ summary: '本区的评价对象（物业服务企业：在本区登记或管理本区物业区域；项目负责人：本区），供录入时选择' })
  subjectList(@CurrentActor() actor: Actor, @Query() query: SubjectQueryDto): Promise<Page<EvaluationSubjectView>> {
    return this.subjects.selectable(actor, query);
  }

  @Get('scores')
  @RequireGrant(ModuleKey.SERVICE_EVALUATION, GrantAction.VIEW)
  @ApiOperation({ summary: '物业企业 / 项目负责人得分列表（基础信息）：按总分排序（默认从高到低，order=asc 从低到高）' })
  list(@CurrentActor() actor: Actor, @Query() query: ScoreQueryDto): Promise<Page<ScoreListItem>> {
    return this.scores.list(actor, query);
  }

  @Get('scores/:subjectType/:subjectId')
  @RequireGrant(ModuleKey.SERVICE_EVALUATION, GrantAction.VIEW)
  @ApiOperation({ summary: '得分详情：基础信息、良好信息、不良信息得分，每个分数的计分依据和计分周期说明' })
  detail(
    @CurrentActor() actor: Actor,
    @Param('subjectType', subjectTypePipe) subjectType: EvaluationSubjectType,
    @Param('subjectId', ParseIdPipe) subjectId: number,
    @Query() query: CycleQueryDto,
  ): Promise<ScoreDetail> {
    return this.scores.detail(actor, subjectType, subjectId, query.cycle);
  }

  @Post('scores/recompute')
  @HttpCode(200)
  @RequireRoles(Role.CITY_ADMIN)
  @RequireGrant(ModuleKey.SERVICE_EVALUATION, GrantAction.OPERATE)
  @Audited('service-evaluation.scores.recompute', 'evaluation_score')
  @ApiOperation({ summary: '重算全部得分（市局管理员）：指定计分周期，默认当前周期' })
  recompute(@Query() query: CycleQueryDto): Promise<ScoreRecomputeResult> {
    return this.scores.recomputeAll(query.cycle);
  }
}
