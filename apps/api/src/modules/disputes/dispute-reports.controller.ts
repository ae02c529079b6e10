import { Controller, Get, HttpCode, HttpStatus, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DisputeCategoryStatsRow, DisputeCounts, DisputeExportStart, DisputeSummary, GrantAction, ModuleKey, Page, RegionStats, XlsxImportMode, XlsxImportReport } from '@szpm/contract';
import type { Response } from 'express';
import { Audited, CurrentActor, RequireGrant } from '../../access/access.decorators';
import { Actor } from '../../access/actor';
import { XLSX_CONTENT_TYPE } from '../../common/excel/xlsx-export';
import { XLSX_UPLOAD_BODY, XlsxImportQueryDto, XlsxImportReportDto } from '../../common/excel/xlsx-import.dto';
import { UploadedXlsx } from '../../common/excel/xlsx-import';
import { XlsxUploadInterceptor } from '../../common/excel/xlsx-upload.interceptor';
import { DisputeImportService } from './dispute-import.service';
import { DisputeExportService } from './dispute-export.service';
import { DisputeStatisticsService } from './dispute-statistics.service';
import { DisputeLedgerQueryDto, DisputeStatsCellQueryDto, DisputeStatsQueryDto } from './dto/dispute.dto';

const View = () => RequireGrant(ModuleKey.DISPUTES, GrantAction.VIEW);

/** 纠纷统计 (drill-down by region and by 问题分类, the cases behind every number, xlsx) and 导出 of the ledgers. */
@ApiTags('disputes (第22章 纠纷化解台账)')
@ApiBearerAuth()
@Controller('disputes')
export class DisputeReportsController {
  constructor(
    private readonly statistics: DisputeStatisticsService,
    private readonly exports: DisputeExportService,
    private readonly imports: DisputeImportService,
  ) {}

  @Get('import/template')
  @RequireGrant(ModuleKey.DISPUTES, GrantAction.OPERATE)
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: '下载已办结台账导入模板' })
  template(): StreamableFile {
    return this.imports.template();
  }

  @Post('import')
  @HttpCode(HttpStatus.OK)
  @RequireGrant(ModuleKey.DISPUTES, GrantAction.OPERATE)
  @Audited('disputes.import', 'dispute')
  @UseInterceptors(XlsxUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody(XLSX_UPLOAD_BODY)
  @ApiOkResponse({ type: XlsxImportReportDto })
  @ApiOperation({ summary: '导入已办结台账：批量录入已办结的矛盾纠纷件；dryRun=true 只校验；mode 选择有错误行时整个文件不导入或只导入正确的行' })
  import(@CurrentActor() actor: Actor, @Query() query: XlsxImportQueryDto, @UploadedFile() file: UploadedXlsx | undefined): Promise<XlsxImportReport> {
    return this.imports.import(actor, file, { dryRun: query.dryRun ?? false, mode: query.mode ?? XlsxImportMode.ALL_OR_NOTHING });
  }

  @Get('statistics')
  @View()
  @ApiOperation({ summary: '纠纷统计：录入、转办、办结、未办结、超期、化解、疏导、案结事了率、驳回重报次数、平均办理天数；区局按街道，指定街道按社区' })
  table(@CurrentActor() actor: Actor, @Query() query: DisputeStatsQueryDto): Promise<RegionStats<DisputeCounts>> {
    return this.statistics.statistics(actor, query);
  }

  @Get('statistics/cells')
  @View()
  @ApiOperation({ summary: '点开数字：纠纷统计中某一格背后的矛盾纠纷件，分页' })
  cells(@CurrentActor() actor: Actor, @Query() query: DisputeStatsCellQueryDto): Promise<Page<DisputeSummary>> {
    return this.statistics.cells(actor, query);
  }

  @Get('statistics/categories')
  @View()
  @ApiOperation({ summary: '纠纷统计按问题分类' })
  categories(@CurrentActor() actor: Actor, @Query() query: DisputeStatsQueryDto): Promise<DisputeCategoryStatsRow[]> {
    return this.statistics.byCategory(actor, query);
  }

  @Get('statistics/export')
  @View()
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: '导出纠纷统计（按区域、按问题分类两张表）' })
  exportStatistics(@CurrentActor() actor: Actor, @Query() query: DisputeStatsQueryDto): Promise<StreamableFile> {
    return this.statistics.export(actor, query);
  }

  @Get('export')
  @View()
  @ApiProduces(XLSX_CONTENT_TYPE, 'application/json')
  @ApiOperation({ summary: '导出台账：按当前查询条件；行数较多时转为后台生成（202，完成后在下载列表下载）' })
  async exportLedger(@CurrentActor() actor: Actor, @Query() query: DisputeLedgerQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile | DisputeExportStart> {
    const answer = await this.exports.export(actor, query);
    if (!(answer instanceof StreamableFile)) res.status(202);
    return answer;
  }
}
