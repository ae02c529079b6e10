import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { GrantAction, ModuleKey, Page, PaperBallotsResult, RegionStats, Role, VoteDetail, VoteListItem, VoteMeetingCounts, VoteTopicCounts, VoteTopicListItem, VoteUsageAreaRow, VoteUsageCounts } from '@szpm/contract';
import { Actor } from '../../access/actor';
import { Audited, CurrentActor, RequireGrant, RequireRoles } from '../../access/access.decorators';
import { ParseIdPipe } from '../../common/http/parse-id.pipe';
import {
  CheckVoteDto,
  CreateVoteDto,
  ExtendVoteDto,
  PaperBallotsDto,
  UpdateVoteDto,
  VoteListQueryDto,
  VoteMeetingCellQueryDto,
  VoteMeetingStatsQueryDto,
  VoteTopicCellQueryDto,
  VoteTopicStatsQueryDto,
  VoteUsageCellQueryDto,
  VoteUsageStatsQueryDto,
} from './dto/owner-decision.dto';
import { OwnerDecisionsService } from './owner-decisions.service';
import { VoteStatisticsService } from './vote-statistics.service';

const CONVENERS = [Role.OWNERS_COMMITTEE, Role.STREET_OFFICER];

@ApiTags('owner-decisions (第10章 业主决策情况)')
@Controller('owner-decisions/votes')
export class OwnerDecisionsController {
  constructor(private readonly decisions: OwnerDecisionsService) {}

  @Get()
  @RequireGrant(ModuleKey.OWNER_DECISIONS, GrantAction.VIEW)
  @ApiOperation({ summary: '业主投票列表（本区/本街道）：编号、小区、议题、范围、起止时间、状态；可按状态、议题类别、物业区域筛选' })
  list(@CurrentActor() actor: Actor, @Query() query: VoteListQueryDto): Promise<Page<VoteListItem>> {
    return this.decisions.list(actor, query);
  }

  @Get('convened')
  @RequireRoles(Role.OWNERS_COMMITTEE)
  @ApiOperation({ summary: '业委会账号：本小区的投票（含草稿和待街道核实），可按状态、物业区域筛选' })
  convened(@CurrentActor() actor: Actor, @Query() query: VoteListQueryDto): Promise<Page<VoteListItem>> {
    return this.decisions.convened(actor, query);
  }

  @Get('convened/:id')
  @RequireRoles(Role.OWNERS_COMMITTEE)
  @ApiOperation({ summary: '业委会账号：本小区一次投票的详情（任何状态）' })
  convenedDetail(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<VoteDetail> {
    return this.decisions.convenedDetail(actor, id);
  }

  @Get(':id')
  @RequireGrant(ModuleKey.OWNER_DECISIONS, GrantAction.VIEW)
  @ApiOperation({ summary: '业主投票详情：议题；询异起附表决结果（参与及同意的面积、人数和精确比例）' })
  detail(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<VoteDetail> {
    return this.decisions.detail(actor, id);
  }

  @Post()
  @RequireRoles(...CONVENERS)
  @Audited('owner-decisions.create', 'owner-vote')
  @ApiOperation({ summary: '发起投票（草稿）：本小区业委会或所在街道办；结束时间须晚于开始时间，至少一个议题，部分楼栋须选本小区楼栋' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateVoteDto): Promise<VoteDetail> {
    return this.decisions.create(actor, body);
  }

  @Patch(':id')
  @RequireRoles(...CONVENERS)
  @Audited('owner-decisions.update', 'owner-vote')
  @ApiOperation({ summary: '编辑草稿（含街道退回的投票）：议题整体替换' })
  update(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: UpdateVoteDto): Promise<VoteDetail> {
    return this.decisions.update(actor, id, body);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @RequireRoles(...CONVENERS)
  @Audited('owner-decisions.submit', 'owner-vote')
  @ApiOperation({ summary: '提交：业委会发起的投票待街道核实；街道办发起的投票直接发布' })
  submit(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<VoteDetail> {
    return this.decisions.submit(actor, id);
  }

  @Post(':id/check')
  @HttpCode(200)
  @RequireRoles(Role.STREET_OFFICER)
  @Audited('owner-decisions.check', 'owner-vote')
  @ApiOperation({ summary: '街道核实：通过则发布（到开始时间自动开始表决），退回须填写意见' })
  check(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: CheckVoteDto): Promise<VoteDetail> {
    return this.decisions.check(actor, id, body);
  }

  @Post(':id/extension')
  @HttpCode(200)
  @RequireRoles(...CONVENERS)
  @Audited('owner-decisions.extend', 'owner-vote')
  @ApiOperation({ summary: '延期：表决期间一次，须填写原因和更晚的结束时间（保留原结束时间）' })
  extend(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: ExtendVoteDto): Promise<VoteDetail> {
    return this.decisions.extend(actor, id, body);
  }

  @Post(':id/paper-ballots')
  @HttpCode(200)
  @RequireRoles(...CONVENERS)
  @Audited('owner-decisions.paper-ballots', 'owner-vote')
  @ApiOperation({ summary: '纸质选票录入（整批全部成功或全部不录入）；已有电子投票的房屋以电子投票为准' })
  paperBallots(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: PaperBallotsDto): Promise<PaperBallotsResult> {
    return this.decisions.paperBallots(actor, id, body);
  }
}

@ApiTags('owner-decisions (第10章 业主决策情况)')
@Controller('owner-decisions/statistics')
export class OwnerDecisionStatisticsController {
  constructor(private readonly statistics: VoteStatisticsService) {}

  @Get('usage')
  @RequireGrant(ModuleKey.OWNER_DECISIONS, GrantAction.VIEW)
  @ApiOperation({ summary: '使用情况统计：按区域逐级下钻，项目数、使用过电子投票的项目数、使用率、本年投票次数、绑定业主数、绑定户数、绑定率' })
  usage(@CurrentActor() actor: Actor, @Query() query: VoteUsageStatsQueryDto): Promise<RegionStats<VoteUsageCounts>> {
    return this.statistics.usage(actor, query);
  }

  @Get('meetings')
  @RequireGrant(ModuleKey.OWNER_DECISIONS, GrantAction.VIEW)
  @ApiOperation({ summary: '会议统计：按区域逐级下钻（可按会议类型、年份），会议数、正在表决、询异、已完成、延期数、达到参与门槛数及比率' })
  meetings(@CurrentActor() actor: Actor, @Query() query: VoteMeetingStatsQueryDto): Promise<RegionStats<VoteMeetingCounts>> {
    return this.statistics.meetings(actor, query);
  }

  @Get('topics')
  @RequireGrant(ModuleKey.OWNER_DECISIONS, GrantAction.VIEW)
  @ApiOperation({ summary: '表决议题统计：按区域逐级下钻（可按议题类别、年份），已计票议题的议题数、通过、未通过、通过率' })
  topics(@CurrentActor() actor: Actor, @Query() query: VoteTopicStatsQueryDto): Promise<RegionStats<VoteTopicCounts>> {
    return this.statistics.topics(actor, query);
  }

  @Get('usage/cells')
  @RequireGrant(ModuleKey.OWNER_DECISIONS, GrantAction.VIEW)
  @ApiOperation({ summary: '使用情况中一个数字背后的物业项目（附各自的投票次数、绑定户数、绑定业主数）' })
  usageCells(@CurrentActor() actor: Actor, @Query() query: VoteUsageCellQueryDto): Promise<Page<VoteUsageAreaRow>> {
    return this.statistics.usageCells(actor, query);
  }

  @Get('meetings/cells')
  @RequireGrant(ModuleKey.OWNER_DECISIONS, GrantAction.VIEW)
  @ApiOperation({ summary: '会议统计中一个数字背后的投票列表：编号、小区、议题、范围、起止时间、状态' })
  meetingCells(@CurrentActor() actor: Actor, @Query() query: VoteMeetingCellQueryDto): Promise<Page<VoteListItem>> {
    return this.statistics.meetingCells(actor, query);
  }

  @Get('topics/cells')
  @RequireGrant(ModuleKey.OWNER_DECISIONS, GrantAction.VIEW)
  @ApiOperation({ summary: '表决议题统计中一个数字背后的议题（附所属投票的编号、小区、范围、起止时间、状态）' })
  topicCells(@CurrentActor() actor: Actor, @Query() query: VoteTopicCellQueryDto): Promise<Page<VoteTopicListItem>> {
    return this.statistics.topicCells(actor, query);
  }

  @Get('usage/export')
  @RequireGrant(ModuleKey.OWNER_DECISIONS, GrantAction.VIEW)
  @ApiOperation({ summary: '导出使用情况统计（与页面同一筛选，末行合计）' })
  exportUsage(@CurrentActor() actor: Actor, @Query() query: VoteUsageStatsQueryDto): Promise<StreamableFile> {
    return this.statistics.export(actor, 'usage', query);
  }

  @Get('meetings/export')
  @RequireGrant(ModuleKey.OWNER_DECISIONS, GrantAction.VIEW)
  @ApiOperation({ summary: '导出会议统计（与页面同一筛选，末行合计）' })
  exportMeetings(@CurrentActor() actor: Actor, @Query() query: VoteMeetingStatsQueryDto): Promise<StreamableFile> {
    return this.statistics.export(actor, 'meetings', query);
  }

  @Get('topics/export')
  @RequireGrant(ModuleKey.OWNER_DECISIONS, GrantAction.VIEW)
  @ApiOperation({ summary: '导出表决议题统计（与页面同一筛选，末行合计）' })
  exportTopics(@CurrentActor() actor: Actor, @Query() query: VoteTopicStatsQueryDto): Promise<StreamableFile> {
    return this.statistics.export(actor, 'topics', query);
  }
}
