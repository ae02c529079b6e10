import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { GrantAction, ModuleKey, Page, PropertyAreaListItem, PropertyAreaStats } from '@szpm/contract';
import { CurrentActor, RequireGrant } from '../../../access/access.decorators';
import { Actor } from '../../../access/actor';
import { XLSX_CONTENT_TYPE } from '../../../common/excel/xlsx-export';
import { AreaCellQueryDto, AreaRegionQueryDto } from '../dto/area-query.dto';
import { AreaStatisticsService } from './area-statistics.service';

/** 本区项目统计 (微信端 项目管理): totals by region, the areas behind every number, the xlsx. */
@ApiTags('property-areas (第5章 项目管理)')
@ApiBearerAuth()
@Controller('property-areas/statistics')
@RequireGrant(ModuleKey.PROPERTY_AREAS, GrantAction.VIEW)
export class AreaStatisticsController {
  constructor(private readonly statistics: AreaStatisticsService) {}

  @Get()
  @ApiOperation({ summary: '本区项目统计：项目数、总建筑面积、总户数、企业管理 / 自管、已成立业委会；市局按行政区，区局按街道，指定街道按社区，指定社区按物业项目' })
  table(@CurrentActor() actor: Actor, @Query() query: AreaRegionQueryDto): Promise<PropertyAreaStats> {
    return this.statistics.statistics(actor, query);
  }

  @Get('cells')
  @ApiOperation({ summary: '点开数字：本区项目统计中某一格背后的物业区域，分页' })
  cells(@CurrentActor() actor: Actor, @Query() query: AreaCellQueryDto): Promise<Page<PropertyAreaListItem>> {
    return this.statistics.cells(actor, query);
  }

  @Get('export')
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: '导出本区项目统计（xlsx）：与页面同一筛选，含合计行' })
  export(@CurrentActor() actor: Actor, @Query() query: AreaRegionQueryDto): Promise<StreamableFile> {
    return this.statistics.export(actor, query);
  }
}
