import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GrantAction, ModuleKey, SafetyTemplateDetail, SafetyTemplateListItem } from '@szpm/contract';
import { Audited, CurrentActor, RequireGrant } from '../../../access/access.decorators';
import { Actor } from '../../../access/actor';
import { ParseIdPipe } from '../../../common/http/parse-id.pipe';
import { CopyTemplateDto, CreateTemplateDto, TemplateQueryDto, UpdateTemplateDto } from '../dto/template.dto';
import { TemplatesService } from './templates.service';

const View = () => RequireGrant(ModuleKey.SAFETY_INSPECTIONS, GrantAction.VIEW);
const Operate = () => RequireGrant(ModuleKey.SAFETY_INSPECTIONS, GrantAction.OPERATE);

/** 安全生产检查库 (PC): the templates of routine and special checks. */
@ApiTags('safety-inspections (第16章 安全检查)')
@ApiBearerAuth()
@Controller('safety-inspections/templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @View()
  @ApiOperation({ summary: '安全生产检查规则库：全市通用模板和本区模板' })
  list(@CurrentActor() actor: Actor, @Query() query: TemplateQueryDto): Promise<SafetyTemplateListItem[]> {
    return this.templates.list(actor, query);
  }

  @Get(':id')
  @View()
  @ApiOperation({ summary: '模板详情：检查指标及子项' })
  detail(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<SafetyTemplateDetail> {
    return this.templates.detail(actor, id);
  }

  @Post()
  @Operate()
  @Audited('safety-inspections.templates.create', 'safety_check_template')
  @ApiOperation({ summary: '新增常规检查或专项检查模板（区局账号：本区模板；市局账号：全市通用模板）' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateTemplateDto): Promise<SafetyTemplateDetail> {
    return this.templates.create(actor, body);
  }

  @Put(':id')
  @Operate()
  @Audited('safety-inspections.templates.update', 'safety_check_template')
  @ApiOperation({ summary: '编辑模板：添加、修改、删除检查指标和子项（已发起的安全检查不受影响）' })
  update(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: UpdateTemplateDto): Promise<SafetyTemplateDetail> {
    return this.templates.update(actor, id, body);
  }

  @Post(':id/copy')
  @Operate()
  @Audited('safety-inspections.templates.copy', 'safety_check_template')
  @ApiOperation({ summary: '复制模板到本区检查库（调整全市通用模板时使用）' })
  copy(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Body() body: CopyTemplateDto): Promise<SafetyTemplateDetail> {
    return this.templates.copy(actor, id, body);
  }

  @Delete(':id')
  @Operate()
  @HttpCode(204)
  @Audited('safety-inspections.templates.delete', 'safety_check_template')
  @ApiOperation({ summary: '删除模板（已发起的安全检查不受影响）' })
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<void> {
    await this.templates.remove(actor, id);
  }
}
