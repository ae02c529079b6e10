import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FacilityItem, FacilityStatistics, GrantAction, ModuleKey, Page, XlsxImportMode, XlsxImportReport } from '@szpm/contract';
import { Audited, CurrentActor, RequireGrant } from '../../../access/access.decorators';
import { Actor } from '../../../access/actor';
import { XLSX_CONTENT_TYPE } from '../../../common/excel/xlsx-export';
import { UploadedXlsx } from '../../../common/excel/xlsx-import';
import { XLSX_UPLOAD_BODY, XlsxImportQueryDto, XlsxImportReportDto } from '../../../common/excel/xlsx-import.dto';
import { XlsxUploadInterceptor } from '../../../common/excel/xlsx-upload.interceptor';
import { ParseIdPipe } from '../../../common/http/parse-id.pipe';
import { CreateFacilityDto, FacilityListQueryDto, FacilityStatisticsQueryDto } from './dto/facility.dto';
import { FacilitiesService } from './facilities.service';
import { FacilitySheetService } from './facility-sheet.service';

const View = () => RequireGrant(ModuleKey.PROPERTY_AREAS, GrantAction.VIEW);
const Operate = () => RequireGrant(ModuleKey.PROPERTY_AREAS, GrantAction.OPERATE);

/** 设施设备信息 of one property area: the list, statistics, 添加, and the sheet (模板下载 / 导入 / 导出). */
@ApiTags('property-areas (第5章 项目管理) — 设施设备信息')
@ApiBearerAuth()
@Controller('property-areas/:id/facilities')
export class AreaFacilitiesController {
  constructor(
    private readonly facilities: FacilitiesService,
    private readonly sheet: FacilitySheetService,
  ) {}

  @Get()
  @View()
  @ApiOperation({ summary: '物业区域的设施设备（可按类型、启用状态、楼栋、名称 / 注册代码 / 位置筛选）' })
  list(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Query() query: FacilityListQueryDto): Promise<Page<FacilityItem>> {
    return this.facilities.list(actor, id, query);
  }

  @Get('statistics')
  @View()
  @ApiOperation({ summary: '设施设备统计：各类型的数量，启用 / 停用，即将到期的特种设备' })
  statistics(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Query() query: FacilityStatisticsQueryDto): Promise<FacilityStatistics> {
    return this.facilities.statistics(actor, id, query.withinDays);
  }

  @Post()
  @Operate()
  @Audited('property-areas.facilities.create', 'facility')
  @ApiOperation({ summary: '添加设施设备' })
  create(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: CreateFacilityDto): Promise<FacilityItem> {
    return this.facilities.create(actor, id, body);
  }

  @Get('template')
  @View()
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: '模板下载：设施设备导入模板（xlsx，与导出的表头相同，附类型目录）' })
  template(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<StreamableFile> {
    return this.sheet.template(actor, id);
  }

  @Get('export')
  @View()
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: '导出：本物业区域的设施设备台账（xlsx；改后可原样导入）' })
  export(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<StreamableFile> {
    return this.sheet.exportArea(actor, id);
  }

  @Post('import')
  @HttpCode(HttpStatus.OK)
  @Operate()
  @Audited('property-areas.facilities.import', 'facility')
  @UseInterceptors(XlsxUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody(XLSX_UPLOAD_BODY)
  @ApiOkResponse({ type: XlsxImportReportDto })
  @ApiOperation({
    summary: '导入设施设备：按注册代码（或名称 + 楼栋 + 单元 + 位置）修改已有的、新增其余的，不删除；dryRun=true 只校验；mode 选择有错误行时整个文件不导入或只导入正确的行',
  })
  import(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Query() query: XlsxImportQueryDto, @UploadedFile() file: UploadedXlsx | undefined): Promise<XlsxImportReport> {
    return this.sheet.import(actor, id, file, { dryRun: query.dryRun ?? false, mode: query.mode ?? XlsxImportMode.ALL_OR_NOTHING });
  }
}
