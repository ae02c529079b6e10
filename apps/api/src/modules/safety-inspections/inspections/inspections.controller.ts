import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  GrantAction,
  ModuleKey,
  Page,
  SafetyAreaStatsItem,
  SafetyCompanyStatsItem,
  SafetyInspectionDetail,
  SafetyInspectionListItem,
  SafetyTargetForm,
  SafetyUrgeResult,
} from '@szpm/contract';
import { Audited, CurrentActor, RequireGrant } from '../../../access/access.decorators';
import { Actor } from '../../../access/actor';
import { contentDisposition } from '../../../common/http/content-disposition';
import { XLSX_CONTENT_TYPE } from '../../../common/excel/xlsx-export';
import { ParseIdPipe } from '../../../common/http/parse-id.pipe';
import { AreaStatsQueryDto, CompanyStatsQueryDto, InspectionListQueryDto, LaunchInspectionDto, UrgeInspectionDto } from '../dto/inspection.dto';
import { InspectionsService } from './inspections.service';
import { LedgerService } from './ledger.service';

const View = () => RequireGrant(ModuleKey.SAFETY_INSPECTIONS, GrantAction.VIEW);
const Operate = () => RequireGrant(ModuleKey.SAFETY_INSPECTIONS, GrantAction.OPERATE);

/** 发起安全检查 and 查看统计 of one inspection: by property area, by company, 催办, the ledger. */
@ApiTags('safety-inspections (第16章 安全检查)')
@ApiBearerAuth()
@Controller('safety-inspections')
export class InspectionsController {
  constructor(
    private readonly inspections: InspectionsService,
    private readonly ledger: LedgerService,
  ) {}

  @Post()
  @Operate()
  @Audited('safety-inspections.launch', 'safety_inspection')
  @ApiOperation({ summary: '发起安全检查：按模板发给本区全部或所选物业项目，项目负责人收到通知' })
  launch(@CurrentActor() actor: Actor, @Body() body: LaunchInspectionDto): Promise<SafetyInspectionDetail> {
    return this.inspections.launch(actor, body);
  }

  @Get()
  @View()
  @ApiOperation({ summary: '已发起的安全检查，含完成情况（市局：全市）' })
  list(@CurrentActor() actor: Actor, @Query() query: InspectionListQueryDto): Promise<Page<SafetyInspectionListItem>> {
    return this.inspections.list(actor, query);
  }

  @Get(':id')
  @View()
  @ApiOperation({ summary: '安全检查详情：发起时的检查项（模板快照）和完成情况' })
  detail(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<SafetyInspectionDetail> {
    return this.inspections.detail(actor, id);
  }

  @Get(':id/areas')
  @View()
  @ApiOperation({ summary: '按物业项目统计：完成 / 未完成、发现问题' })
  areas(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Query() query: AreaStatsQueryDto): Promise<Page<SafetyAreaStatsItem>> {
    return this.inspections.areas(actor, id, query);
  }

  @Get(':id/areas/:targetId')
  @View()
  @ApiOperation({ summary: '某物业项目的检查结果' })
  targetForm(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Param('targetId', ParseIdPipe) targetId: number): Promise<SafetyTargetForm> {
    return this.inspections.targetForm(actor, id, targetId);
  }

  @Get(':id/areas/:targetId/photos/:attachmentId')
  @View()
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({ summary: '查看现场照片' })
  async photo(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: number,
    @Param('targetId', ParseIdPipe) targetId: number,
    @Param('attachmentId', ParseIdPipe) attachmentId: number,
  ): Promise<StreamableFile> {
    const { attachment, content } = await this.inspections.openPhoto(actor, id, targetId, attachmentId);
    return new StreamableFile(content, { type: attachment.contentType, length: attachment.size, disposition: contentDisposition(attachment.fileName) });
  }

  @Get(':id/companies')
  @View()
  @ApiOperation({ summary: '按物业服务企业统计：各企业所管项目的完成情况，未完成多的在前' })
  companies(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Query() query: CompanyStatsQueryDto): Promise<Page<SafetyCompanyStatsItem>> {
    return this.inspections.companies(actor, id, query);
  }

  @Post(':id/urge')
  @Operate()
  @HttpCode(200)
  @Audited('safety-inspections.urge', 'safety_inspection')
  @ApiOperation({ summary: '催办：提醒未提交项目的项目负责人（可限定企业或项目；同一人24小时内只催办一次）' })
  urge(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: UrgeInspectionDto): Promise<SafetyUrgeResult> {
    return this.inspections.urge(actor, id, body);
  }

  @Get(':id/ledger')
  @View()
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: '导出总体情况台账（xlsx，流式）：各项目填报状态、检查结果、发现问题，及问题明细' })
  exportLedger(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<StreamableFile> {
    return this.ledger.export(actor, id);
  }
}
