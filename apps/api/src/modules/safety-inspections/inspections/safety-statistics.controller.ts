import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { GrantAction, ModuleKey, Page, SafetyCellItem, SafetyFacilityStatsItem, SafetyRegionStats } from '@szpm/contract';
import { CurrentActor, RequireGrant } from '../../../access/access.decorators';
import { Actor } from '../../../access/actor';
import { XLSX_CONTENT_TYPE } from '../../../common/excel/xlsx-export';
import { OverviewQueryDto, SafetyCellQueryDto } from '../dto/inspection.dto';
import { SafetyStatisticsService } from './safety-statistics.service';

/** 查看全部统计: completion drilled down by region (with the areas behind every number and the xlsx), and 设施设备统计. */
@ApiTags('safety-inspections (第16章 安全检查)')
@ApiBearerAuth()
@Controller('safety-inspections/statistics')
@RequireGrant(ModuleKey.SAFETY_INSPECTIONS, GrantAction.VIEW)
export class SafetyStatisticsController {
  constructor(private readonly statistics: SafetyStatisticsService) {}

  @Get('regions')
  @ApiOperation({ summary: '完成情况统计：市局按行政区，区局按街道，指定街道按社区，指定社区按物业项目；可限定某次检查或发起日期' })
  regions(@CurrentActor() actor: Actor, @Query() query: OverviewQueryDto): Promise<SafetyRegionStats> {
    return this.statistics.regions(actor, query);
  }

  @Get('regions/cells')
  @ApiOperation({ summary: '点开数字：完成情况统计中某一格（某区域或合计行的某个数）背后的物业项目，分页' })
  cells(@CurrentActor() actor: Actor, @Query() query: SafetyCellQueryDto): Promise<Page<SafetyCellItem>> {
    return this.statistics.cells(actor, query);
  }

  @Get('regions/export')
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: '导出完成情况统计（xlsx，流式）：与页面同一查询、同一筛选，含合计行' })
  exportRegions(@CurrentActor() actor: Actor, @Query() query: OverviewQueryDto): Promise<StreamableFile> {
    return this.statistics.exportRegions(actor, query);
  }

  @Get('facilities')
  @ApiOperation({ summary: '设施设备统计：按设施设备统计已提交的检查结果（合格、不合格、不涉及，发现问题的项目数）' })
  facilities(@CurrentActor() actor: Actor, @Query() query: OverviewQueryDto): Promise<SafetyFacilityStatsItem[]> {
    return this.statistics.facilities(actor, query);
  }
}
