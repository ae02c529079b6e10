import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  GrantAction,
  ModuleKey,
  Page,
  ParkingAreaTab,
  ParkingCellItem,
  ParkingDisputeAreaItem,
  ParkingDisputeStats,
  ParkingFilingView,
  ParkingStats,
  Role,
  UrgeResult,
} from '@szpm/contract';
import { Audited, CurrentActor, RequireGrant, RequireRoles } from '../../access/access.decorators';
import { Actor } from '../../access/actor';
import { XLSX_CONTENT_TYPE } from '../../common/excel/xlsx-export';
import { ParseIdPipe } from '../../common/http/parse-id.pipe';
import { ParkingCellQueryDto, ParkingDisputeAreaQueryDto, ParkingFilingDto, ParkingHistoryQueryDto, ParkingRegionQueryDto, ParkingRemindDto } from './dto/parking.dto';
import { ParkingStatisticsService } from './parking-statistics.service';
import { ParkingService } from './parking.service';

/** 车位信息统计 (微信端 and PC): both tables by region, the projects behind every number, the xlsx, 提醒更新. */
@ApiTags('parking (第13章 车位信息)')
@ApiBearerAuth()
@Controller('parking')
export class ParkingStatisticsController {
  constructor(private readonly statistics: ParkingStatisticsService) {}

  @Get('statistics')
  @RequireGrant(ModuleKey.PARKING, GrantAction.VIEW)
  @ApiOperation({ summary: '车位信息统计情况：项目数、已填报 / 未填报、各类车位之和、车位配比、充电、人防；市局按行政区，区局按街道，指定街道按社区，指定社区按物业项目' })
  table(@CurrentActor() actor: Actor, @Query() query: ParkingRegionQueryDto): Promise<ParkingStats> {
    return this.statistics.statistics(actor, query);
  }

  @Get('statistics/cells')
  @RequireGrant(ModuleKey.PARKING, GrantAction.VIEW)
  @ApiOperation({ summary: '点开数字：车位信息统计中某一格背后的物业项目，分页' })
  cells(@CurrentActor() actor: Actor, @Query() query: ParkingCellQueryDto): Promise<Page<ParkingCellItem>> {
    return this.statistics.cells(actor, query);
  }

  @Get('statistics/disputes')
  @RequireGrant(ModuleKey.PARKING, GrantAction.VIEW)
  @ApiOperation({ summary: '住宅小区车位纠纷类型情况：各纠纷类型的项目数、宗数与占比（当前填报）' })
  disputes(@CurrentActor() actor: Actor, @Query() query: ParkingRegionQueryDto): Promise<ParkingDisputeStats> {
    return this.statistics.disputes(actor, query);
  }

  @Get('statistics/disputes/areas')
  @RequireGrant(ModuleKey.PARKING, GrantAction.VIEW)
  @ApiOperation({ summary: '点开数字：报有某类（不填为任一类）车位纠纷的物业项目，分页' })
  disputeAreas(@CurrentActor() actor: Actor, @Query() query: ParkingDisputeAreaQueryDto): Promise<Page<ParkingDisputeAreaItem>> {
    return this.statistics.disputeAreas(actor, query);
  }

  @Get('statistics/export')
  @RequireGrant(ModuleKey.PARKING, GrantAction.VIEW)
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: '导出车位信息统计（xlsx）：两张表与页面同一筛选，含合计行' })
  export(@CurrentActor() actor: Actor, @Query() query: ParkingRegionQueryDto): Promise<StreamableFile> {
    return this.statistics.export(actor, query);
  }

  @Post('remind-update')
  @HttpCode(HttpStatus.OK)
  @RequireGrant(ModuleKey.PARKING, GrantAction.OPERATE)
  @Audited('parking.remind-update', 'parking')
  @ApiOperation({ summary: '提醒更新：向所选区域内从未填报过车位信息的物业项目负责人发送微信通知（每人冷却期内只提醒一次；都已填报时 409）' })
  remind(@CurrentActor() actor: Actor, @Body() body: ParkingRemindDto): Promise<UrgeResult> {
    return this.statistics.remind(actor, body);
  }
}

/** 车位信息 of one property area: the detail tab, its filing history, and the project manager's 填报. */
@ApiTags('parking (第13章 车位信息)')
@ApiBearerAuth()
@Controller('property-areas/:id/parking')
export class AreaParkingController {
  constructor(private readonly parking: ParkingService) {}

  @Get()
  @ApiOperation({ summary: '车位信息（物业区域详情标签页）：当前填报（各类车位、收费标准、车位配比）与车位纠纷；官员凭车位信息查看权限，项目负责人等只看本单位的项目' })
  tab(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<ParkingAreaTab> {
    return this.parking.tab(actor, id);
  }

  @Get('filings')
  @ApiOperation({ summary: '车位信息填报历史（新的在前），含每次填报的车位纠纷' })
  history(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Query() query: ParkingHistoryQueryDto): Promise<Page<ParkingFilingView>> {
    return this.parking.history(actor, id, query);
  }

  @Post('filings')
  @RequireRoles(Role.PROJECT_MANAGER)
  @Audited('parking.filings.create', 'parking_filing')
  @ApiOperation({ summary: '车位信息填报（本项目的项目负责人）：新的填报取代当前填报，旧的留作历史；地上+地下+机械=车位总数，各权属之和与对外开放 / 临时 / 充电 / 无障碍车位均不超过车位总数' })
  file(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: ParkingFilingDto): Promise<ParkingAreaTab> {
    return this.parking.file(actor, id, body);
  }
}
