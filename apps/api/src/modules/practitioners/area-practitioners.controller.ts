import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AreaPractitionersTab, PractitionerItem, Role, RosterFiling, XlsxImportMode, XlsxImportReport } from '@szpm/contract';
import { Audited, CurrentActor, RequireRoles } from '../../access/access.decorators';
import { Actor } from '../../access/actor';
import { XLSX_CONTENT_TYPE } from '../../common/excel/xlsx-export';
import { UploadedXlsx } from '../../common/excel/xlsx-import';
import { XLSX_UPLOAD_BODY, XlsxImportQueryDto, XlsxImportReportDto } from '../../common/excel/xlsx-import.dto';
import { XlsxUploadInterceptor } from '../../common/excel/xlsx-upload.interceptor';
import { ParseIdPipe } from '../../common/http/parse-id.pipe';
import { AreaRosterQueryDto, CreatePractitionerDto } from './dto/practitioner.dto';
import { PractitionerSheetService } from './practitioner-sheet.service';
import { PractitionersService } from './practitioners.service';

const Manager = () => RequireRoles(Role.PROJECT_MANAGER);

/** 项目从业人员信息 of one property area: the detail tab, and the project manager's roster (添加, 确认已更新, 模板 / 导入 / 导出). */
@ApiTags('practitioners (第12章 从业人员信息)')
@ApiBearerAuth()
@Controller('property-areas/:id/practitioners')
export class AreaPractitionersController {
  constructor(
    private readonly practitioners: PractitionersService,
    private readonly sheet: PractitionerSheetService,
  ) {}

  @Get()
  @ApiOperation({ summary: '物业区域详情的项目从业人员信息：在岗在前，证书及状态，填报与更新时间；身份证号码、电话按权限脱敏（区局有从业人员查看权限，项目负责人 / 企业 / 业委会看本单位的）' })
  roster(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Query() query: AreaRosterQueryDto): Promise<AreaPractitionersTab> {
    return this.practitioners.areaRoster(actor, id, query);
  }

  @Post()
  @Manager()
  @Audited('practitioners.create', 'practitioner')
  @ApiOperation({ summary: '添加从业人员（项目负责人，本项目），可同时登记证书' })
  create(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: CreatePractitionerDto): Promise<PractitionerItem> {
    return this.practitioners.create(actor, id, body);
  }

  @Post('confirm')
  @Manager()
  @HttpCode(HttpStatus.OK)
  @Audited('practitioners.confirm', 'practitioner_roster')
  @ApiOperation({ summary: '确认已更新：项目负责人确认本项目从业人员信息无变化（填报并更新时间）' })
  confirm(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<RosterFiling> {
    return this.practitioners.confirm(actor, id);
  }

  @Get('template')
  @Manager()
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: '模板下载：从业人员导入模板（xlsx，与导出的表头相同）' })
  template(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<StreamableFile> {
    return this.sheet.template(actor, id);
  }

  @Get('export')
  @Manager()
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: '导出本项目在岗从业人员（xlsx；改后可原样导入）' })
  export(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<StreamableFile> {
    return this.sheet.exportArea(actor, id);
  }

  @Post('import')
  @HttpCode(HttpStatus.OK)
  @Manager()
  @Audited('practitioners.import', 'practitioner')
  @UseInterceptors(XlsxUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody(XLSX_UPLOAD_BODY)
  @ApiOkResponse({ type: XlsxImportReportDto })
  @ApiOperation({ summary: '导入从业人员：按身份证号码修改本项目在岗人员、新增其余的，不删除；dryRun=true 只校验；mode 选择有错误行时整个文件不导入或只导入正确的行' })
  import(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Query() query: XlsxImportQueryDto, @UploadedFile() file: UploadedXlsx | undefined): Promise<XlsxImportReport> {
    return this.sheet.import(actor, id, file, { dryRun: query.dryRun ?? false, mode: query.mode ?? XlsxImportMode.ALL_OR_NOTHING });
  }
}
