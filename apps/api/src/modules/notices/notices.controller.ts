import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  GrantAction,
  ModuleKey,
  NoticeAudienceCount,
  NoticeDetail,
  NoticeRecipientItem,
  NoticeRecipientStats,
  NoticeStatisticsSummary,
  NoticeUrgeResult,
  Page,
  SentNoticeMessage,
} from '@szpm/contract';
import { Audited, CurrentActor, RequireGrant } from '../../access/access.decorators';
import { Actor } from '../../access/actor';
import { contentDisposition } from '../../common/http/content-disposition';
import { ParseIdPipe } from '../../common/http/parse-id.pipe';
import { NoticeAudienceDto, NoticeRecipientQueryDto, NoticeRecipientStatsQueryDto, NoticeStatisticsQueryDto, PublishNoticeDto, SentNoticeQueryDto } from './dto/notice.dto';
import { NoticesService } from './notices.service';

const View = () => RequireGrant(ModuleKey.NOTICES, GrantAction.VIEW);
const Operate = () => RequireGrant(ModuleKey.NOTICES, GrantAction.OPERATE);

/** The sender's side of chapter 15 (通知发布): publish, 部门已发消息, statistics, 催办. */
@ApiTags('notices (第15章 通知发布)')
@ApiBearerAuth()
@Controller('notices')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Post()
  @Operate()
  @Audited('notices.publish', 'notice')
  @ApiOperation({ summary: '发布通知：发给本区（市局：全市或所选行政区）全部或所选街道、社区、物业项目的项目经理和/或业委会主任；市局还可发给区局工作人员' })
  publish(@CurrentActor() actor: Actor, @Body() body: PublishNoticeDto): Promise<NoticeDetail> {
    return this.notices.publish(actor, body);
  }

  @Post('audience')
  @Operate()
  @HttpCode(200)
  @ApiOperation({ summary: '接收人数：所选接收对象和发送范围现在发布会送达多少人（按接收对象分列），发布前确认用；不发送任何消息' })
  audience(@CurrentActor() actor: Actor, @Body() body: NoticeAudienceDto): Promise<NoticeAudienceCount> {
    return this.notices.audienceCount(actor, body);
  }

  @Get()
  @View()
  @ApiOperation({ summary: '部门已发消息：通知及其催办，最新在前，含接收人数、已读、未读；urgeOnly=true 即“显示催办”' })
  sent(@CurrentActor() actor: Actor, @Query() query: SentNoticeQueryDto): Promise<Page<SentNoticeMessage>> {
    return this.notices.sent(actor, query);
  }

  @Get('statistics')
  @View()
  @ApiOperation({ summary: '查看全部统计：通知数、催办数、接收人次、已读、未读，按接收对象分列' })
  statistics(@CurrentActor() actor: Actor, @Query() query: NoticeStatisticsQueryDto): Promise<NoticeStatisticsSummary> {
    return this.notices.statistics(actor, query);
  }

  @Get('statistics/recipients')
  @View()
  @ApiOperation({ summary: '查看全部统计（按接收人）：选择统计对象或搜索查看对象，每人收到、已读、未读、被催办的通知数' })
  recipientStatistics(@CurrentActor() actor: Actor, @Query() query: NoticeRecipientStatsQueryDto): Promise<Page<NoticeRecipientStats>> {
    return this.notices.recipientStatistics(actor, query);
  }

  @Get(':id')
  @View()
  @ApiOperation({ summary: '通知详情：内容、附件、接收范围、阅读统计、催办记录' })
  detail(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<NoticeDetail> {
    return this.notices.detail(actor, id);
  }

  @Get(':id/recipients')
  @View()
  @ApiOperation({ summary: '接收人阅读情况：每位接收人是否已读、阅读时间、被催办次数' })
  recipients(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Query() query: NoticeRecipientQueryDto): Promise<Page<NoticeRecipientItem>> {
    return this.notices.recipientsOf(actor, id, query);
  }

  @Post(':id/urge')
  @Operate()
  @HttpCode(200)
  @Audited('notices.urge', 'notice')
  @ApiOperation({ summary: '催办：提醒尚未阅读的接收人（同一接收人24小时内只催办一次）' })
  urge(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<NoticeUrgeResult> {
    return this.notices.urge(actor, id);
  }

  @Get(':id/attachments/:attachmentId')
  @View()
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({ summary: '下载通知附件' })
  async attachment(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number, @Param('attachmentId', ParseIdPipe) attachmentId: number): Promise<StreamableFile> {
    const { attachment, content } = await this.notices.openAttachment(actor, id, attachmentId);
    return new StreamableFile(content, { type: attachment.contentType, length: attachment.size, disposition: contentDisposition(attachment.fileName) });
  }
}
