import { Controller, Get, Header, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page, ReceivedNoticeDetail, ReceivedNoticeItem, Role } from '@szpm/contract';
import { Audited, CurrentActor, RequireRoles } from '../../access/access.decorators';
import { Actor } from '../../access/actor';
import { contentDisposition } from '../../common/http/content-disposition';
import { ParseIdPipe } from '../../common/http/parse-id.pipe';
import { ReceivedNoticeQueryDto } from './dto/notice.dto';
import { ReceivedNoticesService } from './received-notices.service';

/**
 * 我接收的消息: every account may receive notices (project managers and committee chairs from their
 * district, officers from the city); being a recipient is what gives access to a notice here.
 */
@ApiTags('notices (第15章 通知发布)')
@ApiBearerAuth()
@Controller('notices/received')
@RequireRoles(...Object.values(Role))
export class ReceivedNoticesController {
  constructor(private readonly received: ReceivedNoticesService) {}

  @Get()
  @ApiOperation({ summary: '我接收的消息：发给我的通知，最新在前，含是否已读、最近催办时间' })
  list(@CurrentActor() actor: Actor, @Query() query: ReceivedNoticeQueryDto): Promise<Page<ReceivedNoticeItem>> {
    return this.received.list(actor, query);
  }

  @Post('read-all')
  @HttpCode(200)
  @Audited('notices.received.read-all', 'notice')
  @ApiOperation({ summary: '全部标为已读' })
  async readAll(@CurrentActor() actor: Actor): Promise<{ marked: number }> {
    return { marked: await this.received.markAllRead(actor) };
  }

  @Get(':id')
  @ApiOperation({ summary: '通知详情（接收人）：内容和附件；阅读后调用 POST …/read' })
  detail(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<ReceivedNoticeDetail> {
    return this.received.detail(actor, id);
  }

  @Post(':id/read')
  @HttpCode(204)
  @Audited('notices.received.read', 'notice')
  @ApiOperation({ summary: '标为已读（连同关于该通知的催办消息）' })
  async read(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<void> {
    await this.received.markRead(actor, id);
  }

  @Get(':id/attachments/:attachmentId')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({ summary: '下载通知附件（接收人）' })
  async attachment(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Param('attachmentId', ParseIdPipe) attachmentId: number): Promise<StreamableFile> {
    const { attachment, content } = await this.received.openAttachment(actor, id, attachmentId);
    return new StreamableFile(content, { type: attachment.contentType, length: attachment.size, disposition: contentDisposition(attachment.fileName) });
  }
}
