import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CompanyPractitionerRow, GrantAction, ModuleKey, Page, PractitionerCellPage, PractitionerItem, PractitionerProjectStats, PractitionerRemindResult, Role } from '@szpm/contract';
import { Audited, CurrentActor, RequireGrant, RequireRoles } from '../../access/access.decorators';
import { Actor } from '../../access/actor';
import { XLSX_CONTENT_TYPE } from '../../common/excel/xlsx-export';
import { ParseIdPipe } from '../../common/http/parse-id.pipe';
import {
  CompanyStatsQueryDto,
  LeavePractitionerDto,
  PractitionerCellQueryDto,
  PractitionerCertificateDto,
  PractitionerExportQueryDto,
  PractitionerListQueryDto,
  PractitionerRegionQueryDto,
  PractitionerRemindDto,
  UpdatePractitionerDto,
} from './dto/practitioner.dto';
import { PractitionerRemindersService } from './practitioner-reminders.service';
import { PractitionerSheetService } from './practitioner-sheet.service';
import { PractitionerStatisticsService } from './practitioner-statistics.service';
import { PractitionersService } from './practitioners.service';

const View = () => RequireGrant(ModuleKey.PRACTITIONERS, GrantAction.VIEW);
const Operate = () => RequireGrant(ModuleKey.PRACTITIONERS, GrantAction.OPERATE);
const Manager = () => RequireRoles(Role.PROJECT_MANAGER);

/** 从业人员信息: the statistics with their lists, the company table, 导出, 提醒更新, and one practitioner (the project manager's edits). */
@ApiTags('practitioners (第12章 从业人员信息)')
@ApiBearerAuth()
@Controller('practitioners')
export class PractitionersController {
  constructor(
    private readonly practitioners: PractitionersService,
    private readonly statistics: PractitionerStatisticsService,
    private readonly sheet: PractitionerSheetService,
    private readonly reminders: PractitionerRemindersService,
  ) {}

  // the fixed paths before :id

  @Get('statistics')
  @View()
  @ApiOperation({ summary: '项目从业人员统计：项目数、已填报 / 未填报、从业人员数、各岗位人数、持证人数与持证率、证书即将到期、党员数；区局按街道，指定街道按社区，指定社区按物业项目' })
  table(@CurrentActor() actor: Actor, @Query() query: PractitionerRegionQueryDto): Promise<PractitionerProjectStats> {
    return this.statistics.statistics(actor, query);
  }

  @Get('statistics/cells')
  @View()
  @ApiOperation({ summary: '点开数字：项目数 / 已填报 / 未填报列出项目，其余列出人员（身份证号码、电话按权限脱敏），分页' })
  cells(@CurrentActor() actor: Actor, @Query() query: PractitionerCellQueryDto): Promise<PractitionerCellPage> {
    return this.statistics.cells(actor, query);
  }

  @Get('statistics/export')
  @View()
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: '导出项目从业人员统计（xlsx）：与页面同一筛选，含合计行' })
  exportStatistics(@CurrentActor() actor: Actor, @Query() query: PractitionerRegionQueryDto): Promise<StreamableFile> {
    return this.statistics.export(actor, query);
  }

  @Get('companies')
  @View()
  @ApiOperation({ summary: '企业从业人员统计：本区可见的物业服务企业（按企业名称搜索），本区在管项目数、企业从业人员数、项目从业人员数及各岗位人数' })
  companies(@CurrentActor() actor: Actor, @Query() query: CompanyStatsQueryDto): Promise<Page<CompanyPractitionerRow>> {
    return this.statistics.companies(actor, query);
  }

  @Get('export')
  @View()
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: '导出本区在岗从业人员（xlsx，流式；市局账号须选择行政区）' })
  exportDistrict(@CurrentActor() actor: Actor, @Query() query: PractitionerExportQueryDto): Promise<StreamableFile> {
    return this.sheet.exportDistrict(actor, query.districtId, query.employerKind);
  }

  @Post('remind')
  @Operate()
  @HttpCode(HttpStatus.OK)
  @Audited('practitioners.remind', 'practitioner_roster')
  @ApiOperation({ summary: '提醒更新：向在本行政区有在管项目的项目经理发送催办通知（可只提醒从未填报或超过设定天数未更新的）；24小时内已提醒过的不再提醒' })
  remind(@CurrentActor() actor: Actor, @Body() body: PractitionerRemindDto): Promise<PractitionerRemindResult> {
    return this.reminders.remind(actor, body);
  }

  @Get()
  @View()
  @ApiOperation({ summary: '从业人员列表：某物业项目的人员（穿透）、某企业的企业从业人员，或本区全部；可按岗位、状态、姓名筛选' })
  list(@CurrentActor() actor: Actor, @Query() query: PractitionerListQueryDto): Promise<Page<PractitionerItem>> {
    return this.practitioners.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: '从业人员详情（区局按权限；项目负责人只看本项目，物业服务企业只看本企业）' })
  detail(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<PractitionerItem> {
    return this.practitioners.detail(actor, id);
  }

  @Patch(':id')
  @Manager()
  @Audited('practitioners.update', 'practitioner')
  @ApiOperation({ summary: '修改从业人员信息（项目负责人，本项目）' })
  update(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: UpdatePractitionerDto): Promise<PractitionerItem> {
    return this.practitioners.update(actor, id, body);
  }

  @Post(':id/leave')
  @Manager()
  @HttpCode(HttpStatus.OK)
  @Audited('practitioners.leave', 'practitioner')
  @ApiOperation({ summary: '标记离职（项目负责人，本项目）' })
  leave(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: LeavePractitionerDto): Promise<PractitionerItem> {
    return this.practitioners.leave(actor, id, body);
  }

  @Post(':id/certificates')
  @Manager()
  @Audited('practitioners.add-certificate', 'practitioner_certificate')
  @ApiOperation({ summary: '添加证书（同类型同编号的证书则修改）' })
  addCertificate(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: PractitionerCertificateDto): Promise<PractitionerItem> {
    return this.practitioners.addCertificate(actor, id, body);
  }

  @Delete(':id/certificates/:certificateId')
  @Manager()
  @Audited('practitioners.remove-certificate', 'practitioner_certificate')
  @ApiOperation({ summary: '删除证书' })
  removeCertificate(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Param('certificateId', ParseIdPipe) certificateId: number): Promise<PractitionerItem> {
    return this.practitioners.removeCertificate(actor, id, certificateId);
  }
}
