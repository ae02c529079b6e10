import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { QueueBoardSession, Role } from '@szpm/contract';
import type { Request, Response } from 'express';
import { CurrentActor, RequireRoles } from '../access/access.decorators';
import { AccessTokenService } from '../access/access-token.service';
import { Actor } from '../access/actor';
import { QUEUE_BOARD_COOKIE, QUEUE_BOARD_PATH, QUEUE_BOARD_SESSION_SECONDS, QueueBoardSessions } from './queue-board';

@ApiTags('admin (队列监控)')
@ApiBearerAuth()
@Controller('admin/queues')
export class QueueBoardController {
  constructor(
    private readonly sessions: QueueBoardSessions,
    private readonly tokens: AccessTokenService,
  ) {}

  /** A browser cannot send a bearer token when it opens a page: this sets a short-lived cookie for the dashboard's path only. */
  @Post('session')
  @HttpCode(200)
  @RequireRoles(Role.CITY_ADMIN)
  @ApiOperation({ summary: 'Open the queue dashboard (/admin/queues) in this browser for 10 minutes (city admin only)' })
  session(@CurrentActor() actor: Actor, @Req() req: Request, @Res({ passthrough: true }) res: Response): QueueBoardSession {
    // the guard has verified the bearer token: the cookie carries its session
    const bearer = (req.headers.authorization ?? '').split(' ')[1];
    res.cookie(QUEUE_BOARD_COOKIE, this.sessions.issue(this.tokens.verify(bearer)), {
      path: QUEUE_BOARD_PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: req.secure,
      maxAge: QUEUE_BOARD_SESSION_SECONDS * 1000,
    });
    return { expiresIn: QUEUE_BOARD_SESSION_SECONDS, path: QUEUE_BOARD_PATH };
  }
}
