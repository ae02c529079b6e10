import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GrantAction, ModuleKey, SafetyFacilityStatsItem, SafetyRegionStats } from '@szpm/contract';
import { CurrentActor, RequireGrant } from '../../../access/access.decorators';
import { Actor } from '../../../access/actor';
import { OverviewQueryDto } from '../dto/inspection.dto';
import { SafetyStatisticsService } from './safety-statistics.service';

/** 查看全部统计: completion drilled down by region, and 设施设备统计. */
@ApiTags('safety-inspections (第16章 安全检查)')
@ApiBearerAuth()
@Controller('safety-inspections/statistics')
@RequireGrant(ModuleKey.SAFETY_INSPECTIONS, GrantAction.VIEW)
export class SafetyStatisticsController {
  constructor(private readonly statistics: SafetyStatisticsService) {}

  @Get('regions')
  @ApiOperation({ summary: '完成情况统计：市局按行政区，区局按街道，指定街道按社区；可限定某次检查或发起日期' })
  regions(@CurrentActor() actor: Actor, @Query() query: OverviewQueryDto): Promise<SafetyRegionStats> {
    return this.statistics.regions(actor, query);
  }

  @Get('facilities')
  @ApiOperation({ summary: '设施设备统计：按设施设备统计已提交的检查结果（合格、不合格、不涉及，发现问题的项目数）' })
  facilities(@CurrentActor() actor: Actor, @Query() query: OverviewQueryDto): Promise<SafetyFacilityStatsItem[]> {
    return this.statistics.facilities(actor, query);
  }
}
