import { Body, Controller, Delete, Get, Header, HttpCode, HttpStatus, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DueFacilityItem, FacilityDetail, FacilityItem, FacilityMaintenanceView, GrantAction, ModuleKey, Page } from '@szpm/contract';
import { Audited, CurrentActor, RequireGrant } from '../../../access/access.decorators';
import { Actor } from '../../../access/actor';
import { XLSX_CONTENT_TYPE } from '../../../common/excel/xlsx-export';
import { contentDisposition } from '../../../common/http/content-disposition';
import { ParseIdPipe } from '../../../common/http/parse-id.pipe';
import { CreateMaintenanceRecordDto, DistrictExportQueryDto, DueFacilitiesQueryDto, UpdateFacilityDto } from './dto/facility.dto';
import { FacilitiesService } from './facilities.service';
import { FacilitySheetService } from './facility-sheet.service';

const View = () => RequireGrant(ModuleKey.PROPERTY_AREAS, GrantAction.VIEW);
const Operate = () => RequireGrant(ModuleKey.PROPERTY_AREAS, GrantAction.OPERATE);

/** One facility (修改, 删除, 启用 / 停用, 维修保养记录), 到期提醒 and the district's ledger. */
@ApiTags('property-areas (第5章 项目管理) — 设施设备信息')
@ApiBearerAuth()
@Controller('facilities')
export class FacilitiesController {
  constructor(
    private readonly facilities: FacilitiesService,
    private readonly sheet: FacilitySheetService,
  ) {}

  // the fixed paths before :id

  @Get('due')
  @View()
  @ApiOperation({ summary: '到期提醒：电梯等特种设备在N天内到期（默认30天，含已过期），到期早的在前' })
  due(@CurrentActor() actor: Actor, @Query() query: DueFacilitiesQueryDto): Promise<Page<DueFacilityItem>> {
    return this.facilities.due(actor, query);
  }

  @Get('export')
  @View()
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: '导出本区设施设备台账（xlsx，流式；市局账号须选择行政区）' })
  exportDistrict(@CurrentActor() actor: Actor, @Query() query: DistrictExportQueryDto): Promise<StreamableFile> {
    return this.sheet.exportDistrict(actor, query.districtId);
  }

  @Get(':id')
  @View()
  @ApiOperation({ summary: '设施设备详情，含维修保养记录' })
  detail(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<FacilityDetail> {
    return this.facilities.detail(actor, id);
  }

  @Patch(':id')
  @Operate()
  @Audited('property-areas.facilities.update', 'facility')
  @ApiOperation({ summary: '修改设施设备（所给字段；null 清空可选字段）' })
  update(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: UpdateFacilityDto): Promise<FacilityItem> {
    return this.facilities.update(actor, id, body);
  }

  @Delete(':id')
  @Operate()
  @HttpCode(HttpStatus.NO_CONTENT)
  @Audited('property-areas.facilities.delete', 'facility')
  @ApiOperation({ summary: '删除设施设备（逻辑删除：不再出现在列表、统计和导出中）' })
  remove(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<void> {
    return this.facilities.remove(actor, id);
  }

  @Post(':id/enable')
  @Operate()
  @HttpCode(HttpStatus.OK)
  @Audited('property-areas.facilities.enable', 'facility')
  @ApiOperation({ summary: '启用设施设备' })
  enable(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<FacilityItem> {
    return this.facilities.setEnabled(actor, id, true);
  }

  @Post(':id/disable')
  @Operate()
  @HttpCode(HttpStatus.OK)
  @Audited('property-areas.facilities.disable', 'facility')
  @ApiOperation({ summary: '停用设施设备（停用的不列入到期提醒）' })
  disable(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<FacilityItem> {
    return this.facilities.setEnabled(actor, id, false);
  }

  @Post(':id/maintenance-records')
  @Operate()
  @Audited('property-areas.facilities.add-maintenance-record', 'facility_maintenance_record')
  @ApiOperation({ summary: '添加维修保养记录（保养 / 维修 / 年检 / 更换）；nextDueDate 同时更新设施设备的到期日期' })
  addRecord(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: CreateMaintenanceRecordDto): Promise<FacilityMaintenanceView> {
    return this.facilities.addRecord(actor, id, body);
  }

  @Get(':id/maintenance-records/:recordId/attachments/:attachmentId')
  @View()
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({ summary: '下载维修保养记录的附件' })
  async attachment(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: number,
    @Param('recordId', ParseIdPipe) recordId: number,
    @Param('attachmentId', ParseIdPipe) attachmentId: number,
  ): Promise<StreamableFile> {
    const { attachment, content } = await this.facilities.openAttachment(actor, id, recordId, attachmentId);
    return new StreamableFile(content, { type: attachment.contentType, length: attachment.size, disposition: contentDisposition(attachment.fileName) });
  }
}
