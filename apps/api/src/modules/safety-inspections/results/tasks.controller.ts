import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page, Role, SafetyTargetForm, SafetyTaskItem } from '@szpm/contract';
import { Audited, CurrentActor, RequireRoles } from '../../../access/access.decorators';
import { Actor } from '../../../access/actor';
import { contentDisposition } from '../../../common/http/content-disposition';
import { ParseIdPipe } from '../../../common/http/parse-id.pipe';
import { SaveResultsDto, SubmitResultsDto, TaskQueryDto } from '../dto/inspection.dto';
import { TasksService } from './tasks.service';

/** 我的安全检查: project managers fill and submit the inspections of the areas they run. */
@ApiTags('safety-inspections (第16章 安全检查)')
@ApiBearerAuth()
@Controller('safety-inspections/my-tasks')
@RequireRoles(Role.PROJECT_MANAGER)
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @ApiOperation({ summary: '我的安全检查（项目负责人）：所负责物业项目收到的安全检查' })
  list(@CurrentActor() actor: Actor, @Query() query: TaskQueryDto): Promise<Page<SafetyTaskItem>> {
    return this.tasks.list(actor, query);
  }

  @Get(':targetId')
  @ApiOperation({ summary: '检查表：各检查指标及子项和已填写的结果' })
  form(@CurrentActor() actor: Actor, @Param('targetId', ParseIdPipe) targetId: number): Promise<SafetyTargetForm> {
    return this.tasks.form(actor, targetId);
  }

  @Put(':targetId/results')
  @Audited('safety-inspections.results.save', 'safety_inspection_target')
  @ApiOperation({ summary: '保存检查结果（合格 / 不合格 / 不涉及、说明、照片），可多次保存' })
  save(@CurrentActor() actor: Actor, @Param('targetId', ParseIdPipe) targetId: number, @Body() body: SaveResultsDto): Promise<SafetyTargetForm> {
    return this.tasks.save(actor, targetId, body);
  }

  @Post(':targetId/submit')
  @HttpCode(200)
  @Audited('safety-inspections.results.submit', 'safety_inspection_target')
  @ApiOperation({ summary: '提交：全部检查项须已填写，不合格项须有说明；提交后不能修改' })
  submit(@CurrentActor() actor: Actor, @Param('targetId', ParseIdPipe) targetId: number, @Body() body: SubmitResultsDto): Promise<SafetyTargetForm> {
    return this.tasks.submit(actor, targetId, body);
  }

  @Get(':targetId/photos/:attachmentId')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({ summary: '查看现场照片' })
  async photo(@CurrentActor() actor: Actor, @Param('targetId', ParseIdPipe) targetId: number, @Param('attachmentId', ParseIdPipe) attachmentId: number): Promise<StreamableFile> {
    const { attachment, content } = await this.tasks.openPhoto(actor, targetId, attachmentId);
    return new StreamableFile(content, { type: attachment.contentType, length: attachment.size, disposition: contentDisposition(attachment.fileName) });
  }
}
