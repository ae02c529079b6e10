import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DiscontentSummary, EvaluationAreaRow, EvaluationCounts, EvaluationRanking, EvaluationRecordView, GrantAction, ModuleKey, Page, RegionStats, Role, UrgeResult } from '@szpm/contract';
import { Actor } from '../../access/actor';
import { Audited, CurrentActor, RequireGrant, RequireRoles } from '../../access/access.decorators';
import { ParseIdPipe } from '../../common/http/parse-id.pipe';
import { EvaluationRecordsQueryDto, EvaluationStatsCellQueryDto, EvaluationStatsQueryDto, RankingQueryDto, RankStreakRunDto, ReplyEvaluationDto, ReplyListQueryDto, UrgeEvaluationDto } from './dto/owner-evaluation.dto';
import { EvaluationRankingService, StreakRunResult } from './evaluation-ranking.service';
import { EvaluationStatisticsService } from './evaluation-statistics.service';
import { OwnerEvaluationsService } from './owner-evaluations.service';

@ApiTags('owner-evaluations (第9章 业主评价情况)')
@Controller('owner-evaluations')
export class OwnerEvaluationsController {
  constructor(
    private readonly ranking: EvaluationRankingService,
    private readonly statistics: EvaluationStatisticsService,
    private readonly evaluations: OwnerEvaluationsService,
  ) {}

  @Get('ranking')
  @RequireGrant(ModuleKey.OWNER_EVALUATIONS, GrantAction.VIEW)
  @ApiOperation({ summary: '评价排名：全市物业项目、物业企业、业委会的月度排名（正序/倒序），附全市平均分；样本不足最低数量的不参与排名' })
  rank(@Query() query: RankingQueryDto): Promise<EvaluationRanking> {
    return this.ranking.ranking(query);
  }

  @Get('statistics')
  @RequireGrant(ModuleKey.OWNER_EVALUATIONS, GrantAction.VIEW)
  @ApiOperation({ summary: '评价统计：按区域逐级下钻（物业服务或业委会），评价户数、评价次数、参评率、平均分、星级分布、三星及以下占比、回复数、回复率' })
  stats(@CurrentActor() actor: Actor, @Query() query: EvaluationStatsQueryDto): Promise<RegionStats<EvaluationCounts>> {
    return this.statistics.statistics(actor, query);
  }

  @Get('statistics/cells')
  @RequireGrant(ModuleKey.OWNER_EVALUATIONS, GrantAction.VIEW)
  @ApiOperation({ summary: '评价统计中某个数字背后的物业项目' })
  cells(@CurrentActor() actor: Actor, @Query() query: EvaluationStatsCellQueryDto): Promise<Page<EvaluationAreaRow>> {
    return this.statistics.cells(actor, query);
  }

  @Get('statistics/discontent')
  @RequireGrant(ModuleKey.OWNER_EVALUATIONS, GrantAction.VIEW)
  @ApiOperation({ summary: '不满意原因前十及最新的“其他”原因' })
  discontent(@CurrentActor() actor: Actor, @Query() query: EvaluationStatsQueryDto): Promise<DiscontentSummary> {
    return this.statistics.discontent(actor, query);
  }

  @Get('statistics/export')
  @RequireGrant(ModuleKey.OWNER_EVALUATIONS, GrantAction.VIEW)
  @ApiOperation({ summary: '导出评价统计（与页面同一筛选，末行合计）' })
  export(@CurrentActor() actor: Actor, @Query() query: EvaluationStatsQueryDto): Promise<StreamableFile> {
    return this.statistics.export(actor, query);
  }

  @Get('records')
  @RequireGrant(ModuleKey.OWNER_EVALUATIONS, GrantAction.VIEW)
  @ApiOperation({ summary: '某物业项目或物业企业的评价明细（可按星级筛选；业主姓名脱敏）' })
  records(@CurrentActor() actor: Actor, @Query() query: EvaluationRecordsQueryDto): Promise<Page<EvaluationRecordView>> {
    return this.statistics.records(actor, query);
  }

  @Post('urge')
  @HttpCode(200)
  @RequireGrant(ModuleKey.OWNER_EVALUATIONS, GrantAction.OPERATE)
  @Audited('owner-evaluations.urge')
  @ApiOperation({ summary: '催办：向范围内有未回复低星评价或参评率低于阈值的物业项目的项目经理（业委会：业委会主任）发送催办消息' })
  urge(@CurrentActor() actor: Actor, @Body() body: UrgeEvaluationDto): Promise<UrgeResult> {
    return this.statistics.urge(actor, body);
  }

  @Get('replies')
  @RequireRoles(Role.PROJECT_MANAGER, Role.PROPERTY_COMPANY, Role.OWNERS_COMMITTEE)
  @ApiOperation({ summary: '业主评价回复：本单位项目收到的评价（匿名评价不显示业主和房屋），默认待回复' })
  replies(@CurrentActor() actor: Actor, @Query() query: ReplyListQueryDto): Promise<Page<EvaluationRecordView>> {
    return this.evaluations.replyList(actor, query);
  }

  @Post('records/:id/reply')
  @HttpCode(200)
  @RequireRoles(Role.PROJECT_MANAGER, Role.PROPERTY_COMPANY, Role.OWNERS_COMMITTEE)
  @Audited('owner-evaluations.reply', 'owner-evaluation')
  @ApiOperation({ summary: '回复一条业主评价（每条只回复一次）' })
  reply(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: ReplyEvaluationDto): Promise<EvaluationRecordView> {
    return this.evaluations.reply(actor, id, body.content);
  }
}

@ApiTags('owner-evaluations (第9章 业主评价情况)')
@Controller('admin/owner-evaluations')
export class OwnerEvaluationsAdminController {
  constructor(private readonly ranking: EvaluationRankingService) {}

  @Post('rank-streaks')
  @HttpCode(200)
  @RequireRoles(Role.CITY_ADMIN)
  @Audited('owner-evaluations.rank-streaks')
  @ApiOperation({ summary: '按截止月份生成“连续六个月排名前十/倒十”的良好/不良信息（每月任务的手动补跑；重复执行不会重复生成）' })
  runStreaks(@Body() body: RankStreakRunDto): Promise<StreakRunResult> {
    return this.ranking.recordStreaks(body.month);
  }
}
