import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InboxMessage, Page } from '@szpm/contract';
import { Audited, CurrentActor } from '../../access/access.decorators';
import { Actor } from '../../access/actor';
import { ParseIdPipe } from '../../common/http/parse-id.pipe';
import { InboxQueryDto } from './dto/inbox-query.dto';
import { InboxService } from './inbox.service';

@ApiTags('inbox (站内消息)')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({ summary: 'My in-app messages, newest first' })
  list(@CurrentActor() actor: Actor, @Query() query: InboxQueryDto): Promise<Page<InboxMessage>> {
    return this.inbox.list(actor.accountId, query);
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'Number of unread messages (home badge)' })
  async unreadCount(@CurrentActor() actor: Actor): Promise<{ unread: number }> {
    return { unread: await this.inbox.unreadCount(actor.accountId) };
  }

  @Post(':id/read')
  @HttpCode(204)
  @Audited('inbox.read', 'notification_delivery')
  @ApiOperation({ summary: 'Mark one message read' })
  async read(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<void> {
    await this.inbox.markRead(actor.accountId, id);
  }

  @Post('read-all')
  @Audited('inbox.read-all', 'notification_delivery')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all my messages read' })
  async readAll(@CurrentActor() actor: Actor): Promise<{ marked: number }> {
    return { marked: await this.inbox.markAllRead(actor.accountId) };
  }
}
