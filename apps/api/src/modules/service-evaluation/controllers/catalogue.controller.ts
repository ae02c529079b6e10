import { applyDecorators, Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Put, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  BadRecordCircumstanceView,
  BadRecordItemView,
  GoodRecordItemView,
  GrantAction,
  ModuleKey,
  RiskListCircumstanceView,
  RiskListItemView,
  Role,
  ScoringRulesView,
  XlsxImportMode,
  XlsxImportReport,
} from '@szpm/contract';
import { Audited, RequireGrant, RequireRoles } from '../../../access/access.decorators';
import { XLSX_CONTENT_TYPE } from '../../../common/excel/xlsx-export';
import { UploadedXlsx } from '../../../common/excel/xlsx-import';
import { XLSX_UPLOAD_BODY, XlsxImportQueryDto, XlsxImportReportDto } from '../../../common/excel/xlsx-import.dto';
import { XlsxUploadInterceptor } from '../../../common/excel/xlsx-upload.interceptor';
import { ParseIdPipe } from '../../../common/http/parse-id.pipe';
import { CatalogueService } from '../catalogue/catalogue.service';
import {
  CatalogueQueryDto,
  CreateBadRecordCircumstanceDto,
  CreateBadRecordItemDto,
  CreateGoodRecordItemDto,
  CreateRiskListCircumstanceDto,
  CreateRiskListItemDto,
  UpdateBadRecordCircumstanceDto,
  UpdateBadRecordItemDto,
  UpdateGoodRecordItemDto,
  UpdateRiskListCircumstanceDto,
  UpdateRiskListItemDto,
  UpdateScoringRulesDto,
} from '../dto/catalogue.dto';
import { ScoringRulesService } from '../scoring/scoring-rules.service';

const View = () => RequireGrant(ModuleKey.SERVICE_EVALUATION, GrantAction.VIEW);

/** Admin-only writes: a city admin holding the module's operate grant. */
const Maintain = () => applyDecorators(RequireRoles(Role.CITY_ADMIN), RequireGrant(ModuleKey.SERVICE_EVALUATION, GrantAction.OPERATE));

/** 评价目录: items × circumstances → level, points, publicity; the scoring rules. Officers read, city admins maintain. */
@ApiTags('service-evaluation (第7章 物业服务评价) — 目录与计分规则')
@ApiBearerAuth()
@Controller('service-evaluation')
export class CatalogueController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly rules: ScoringRulesService,
  ) {}

  @Get('catalogue/bad-record-items')
  @View()
  @ApiOperation({ summary: '不良信息事项及情形（等级、分值、公示期时长）' })
  badRecordItems(@Query() query: CatalogueQueryDto): Promise<BadRecordItemView[]> {
    return this.catalogue.badRecordItems(query);
  }

  @Get('catalogue/bad-record-items/import-template')
  @Maintain()
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: '下载不良信息事项及情形的导入模板（xlsx，与导出的表头相同）' })
  badRecordCatalogueTemplate(): StreamableFile {
    return this.catalogue.badRecordCatalogueTemplate();
  }

  @Get('catalogue/bad-record-items/export')
  @View()
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: '导出不良信息事项及情形（xlsx，含已停用的；改后可原样导入）' })
  exportBadRecordCatalogue(): Promise<StreamableFile> {
    return this.catalogue.exportBadRecordCatalogue();
  }

  @Post('catalogue/bad-record-items/import')
  @HttpCode(HttpStatus.OK)
  @Maintain()
  @Audited('service-evaluation.catalogue.import-bad-record-items', 'evaluation_bad_record_item')
  @UseInterceptors(XlsxUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody(XLSX_UPLOAD_BODY)
  @ApiOkResponse({ type: XlsxImportReportDto })
  @ApiOperation({
    summary: '导入不良信息事项及情形（市局管理员）：按事项编码、情形编码新增或修改，不删除；dryRun=true 只校验；mode 选择有错误行时整个文件不导入或只导入正确的行',
  })
  importBadRecordCatalogue(@Query() query: XlsxImportQueryDto, @UploadedFile() file: UploadedXlsx | undefined): Promise<XlsxImportReport> {
    return this.catalogue.importBadRecordCatalogue(file, { dryRun: query.dryRun ?? false, mode: query.mode ?? XlsxImportMode.ALL_OR_NOTHING });
  }

  @Post('catalogue/bad-record-items')
  @Maintain()
  @Audited('service-evaluation.catalogue.create-bad-record-item', 'evaluation_bad_record_item')
  @ApiOperation({ summary: '新增不良信息事项（市局管理员）' })
  createBadRecordItem(@Body() body: CreateBadRecordItemDto): Promise<BadRecordItemView> {
    return this.catalogue.createBadRecordItem(body);
  }

  @Patch('catalogue/bad-record-items/:id')
  @Maintain()
  @Audited('service-evaluation.catalogue.update-bad-record-item', 'evaluation_bad_record_item')
  @ApiOperation({ summary: '修改或停用不良信息事项（已认定的记录不受影响）' })
  updateBadRecordItem(@Param('id', ParseIdPipe) id: number, @Body() body: UpdateBadRecordItemDto): Promise<BadRecordItemView> {
    return this.catalogue.updateBadRecordItem(id, body);
  }

  @Post('catalogue/bad-record-items/:id/circumstances')
  @Maintain()
  @Audited('service-evaluation.catalogue.create-bad-record-circumstance', 'evaluation_bad_record_circumstance')
  @ApiOperation({ summary: '新增不良信息情形' })
  createBadRecordCircumstance(@Param('id', ParseIdPipe) id: number, @Body() body: CreateBadRecordCircumstanceDto): Promise<BadRecordCircumstanceView> {
    return this.catalogue.createBadRecordCircumstance(id, body);
  }

  @Patch('catalogue/bad-record-circumstances/:id')
  @Maintain()
  @Audited('service-evaluation.catalogue.update-bad-record-circumstance', 'evaluation_bad_record_circumstance')
  @ApiOperation({ summary: '修改或停用不良信息情形（已认定的记录不受影响）' })
  updateBadRecordCircumstance(@Param('id', ParseIdPipe) id: number, @Body() body: UpdateBadRecordCircumstanceDto): Promise<BadRecordCircumstanceView> {
    return this.catalogue.updateBadRecordCircumstance(id, body);
  }

  @Get('catalogue/risk-list-items')
  @View()
  @ApiOperation({ summary: '风险名单事项及情形（公示期时长）' })
  riskListItems(@Query() query: CatalogueQueryDto): Promise<RiskListItemView[]> {
    return this.catalogue.riskListItems(query);
  }

  @Post('catalogue/risk-list-items')
  @Maintain()
  @Audited('service-evaluation.catalogue.create-risk-list-item', 'evaluation_risk_list_item')
  @ApiOperation({ summary: '新增风险名单事项（市局管理员）' })
  createRiskListItem(@Body() body: CreateRiskListItemDto): Promise<RiskListItemView> {
    return this.catalogue.createRiskListItem(body);
  }

  @Patch('catalogue/risk-list-items/:id')
  @Maintain()
  @Audited('service-evaluation.catalogue.update-risk-list-item', 'evaluation_risk_list_item')
  @ApiOperation({ summary: '修改或停用风险名单事项' })
  updateRiskListItem(@Param('id', ParseIdPipe) id: number, @Body() body: UpdateRiskListItemDto): Promise<RiskListItemView> {
    return this.catalogue.updateRiskListItem(id, body);
  }

  @Post('catalogue/risk-list-items/:id/circumstances')
  @Maintain()
  @Audited('service-evaluation.catalogue.create-risk-list-circumstance', 'evaluation_risk_list_circumstance')
  @ApiOperation({ summary: '新增风险名单情形' })
  createRiskListCircumstance(@Param('id', ParseIdPipe) id: number, @Body() body: CreateRiskListCircumstanceDto): Promise<RiskListCircumstanceView> {
    return this.catalogue.createRiskListCircumstance(id, body);
  }

  @Patch('catalogue/risk-list-circumstances/:id')
  @Maintain()
  @Audited('service-evaluation.catalogue.update-risk-list-circumstance', 'evaluation_risk_list_circumstance')
  @ApiOperation({ summary: '修改或停用风险名单情形' })
  updateRiskListCircumstance(@Param('id', ParseIdPipe) id: number, @Body() body: UpdateRiskListCircumstanceDto): Promise<RiskListCircumstanceView> {
    return this.catalogue.updateRiskListCircumstance(id, body);
  }

  @Get('catalogue/good-record-items')
  @View()
  @ApiOperation({ summary: '良好信息事项（加分）' })
  goodRecordItems(@Query() query: CatalogueQueryDto): Promise<GoodRecordItemView[]> {
    return this.catalogue.goodRecordItems(query);
  }

  @Post('catalogue/good-record-items')
  @Maintain()
  @Audited('service-evaluation.catalogue.create-good-record-item', 'evaluation_good_record_item')
  @ApiOperation({ summary: '新增良好信息事项（市局管理员）' })
  createGoodRecordItem(@Body() body: CreateGoodRecordItemDto): Promise<GoodRecordItemView> {
    return this.catalogue.createGoodRecordItem(body);
  }

  @Patch('catalogue/good-record-items/:id')
  @Maintain()
  @Audited('service-evaluation.catalogue.update-good-record-item', 'evaluation_good_record_item')
  @ApiOperation({ summary: '修改或停用良好信息事项' })
  updateGoodRecordItem(@Param('id', ParseIdPipe) id: number, @Body() body: UpdateGoodRecordItemDto): Promise<GoodRecordItemView> {
    return this.catalogue.updateGoodRecordItem(id, body);
  }

  @Get('scoring-rules')
  @View()
  @ApiOperation({ summary: '计分规则：计分周期、基础信息满分、良好信息上限、等级分数线' })
  scoringRules(): Promise<ScoringRulesView> {
    return this.rules.view();
  }

  @Put('scoring-rules')
  @Maintain()
  @Audited('service-evaluation.scoring-rules.update', 'evaluation_scoring_rules')
  @ApiOperation({ summary: '修改计分规则（市局管理员）；随后在队列中重算当前周期的全部得分' })
  updateScoringRules(@Body() body: UpdateScoringRulesDto): Promise<ScoringRulesView> {
    return this.rules.update(body);
  }
}
