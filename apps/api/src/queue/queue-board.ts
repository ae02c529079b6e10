import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { HttpStatus, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ApiErrorBody, AuthErrorCode, CommonErrorCode, ERROR_MESSAGES, Role } from '@szpm/contract';
import type { NextFunction, Request, Response } from 'express';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AccessTokenPayload, AccessTokenService } from '../access/access-token.service';
import { ActorLoader } from '../access/actor-loader.service';
import { AppException } from '../common/errors/app.exception';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { passwordChangePending } from '../modules/auth/password-age';
import { BullJobQueue } from './bull-job-queue';
import { JobQueue, QueueName } from './job-queue';

/** Where the dashboard lives (outside the /api prefix: Bull Board serves its own page and assets). */
export const QUEUE_BOARD_PATH = '/admin/queues';
export const QUEUE_BOARD_COOKIE = 'szpm_queue_board';
export const QUEUE_BOARD_SESSION_SECONDS = 10 * 60;

/**
 * The dashboard's browser session: a cookie that names the admin's account and its expiry, signed
 * with a key derived from JWT_SECRET for this purpose only, so it cannot be used as an API token.
 */
@Injectable()
export class QueueBoardSessions {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = createHmac('sha256', config.jwtSecret).update('queue-board-session').digest();
  }

  /** The cookie speaks for the access token's session: it stops working when that session ends. */
  issue(token: AccessTokenPayload, now = Date.now()): string {
    const payload = Buffer.from(JSON.stringify({ sub: token.sub, sid: token.sid, exp: Math.floor(now / 1000) + QUEUE_BOARD_SESSION_SECONDS })).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /** the session the cookie was issued for, or null when the cookie is forged, malformed or expired */
  verify(value: string, now = Date.now()): AccessTokenPayload | null {
    const [payload, signature] = value.split('.');
    if (!payload || !signature) return null;
    const expected = Buffer.from(this.sign(payload), 'base64url');
    const given = Buffer.from(signature, 'base64url');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const { sub, sid, exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub: unknown; sid: unknown; exp: unknown };
      if (typeof sub !== 'number' || typeof sid !== 'string' || typeof exp !== 'number' || exp * 1000 <= now) return null;
      return { sub, sid, typ: 'access' };
    } catch {
      return null;
    }
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}

/**
 * Mounts the admin-only queue dashboard on the api's HTTP server: Bull Board over the Bull queues
 * when Redis is configured, or a JSON status of the in-process queues in embedded mode. Only a
 * CITY_ADMIN gets in, by bearer token or by the cookie from POST /api/admin/queues/session.
 */
@Injectable()
export class QueueBoardMount implements OnModuleInit {
  private readonly logger = new Logger('QueueBoard');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly queue: JobQueue,
    private readonly tokens: AccessTokenService,
    private readonly actors: ActorLoader,
    private readonly sessions: QueueBoardSessions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit() {
    // a worker process (application context) has no HTTP server
    const httpAdapter = this.adapterHost?.httpAdapter;
    if (!httpAdapter || httpAdapter.getType() !== 'express') return;
    const app = httpAdapter.getInstance<import('express').Application>();
    const guard = (req: Request, res: Response, next: NextFunction) => {
      this.admit(req).then(
        () => next(),
        (error: unknown) => refuse(req, res, error),
      );
    };
    if (this.queue instanceof BullJobQueue) {
      const serverAdapter = new ExpressAdapter();
      serverAdapter.setBasePath(QUEUE_BOARD_PATH);
      createBullBoard({ queues: this.queue.allQueues().map((q) => new BullAdapter(q)), serverAdapter });
      app.use(QUEUE_BOARD_PATH, guard, serverAdapter.getRouter());
      this.logger.log(`Bull Board at ${QUEUE_BOARD_PATH}`);
    } else {
      app.get(QUEUE_BOARD_PATH, guard, (_req: Request, res: Response) => {
        void this.embeddedStatus().then((status) => res.json(status));
      });
    }
  }

  private async embeddedStatus() {
    const queues = [];
    for (const name of Object.values(QueueName)) queues.push({ name, ...(await this.queue.counts(name)) });
    return { mode: 'in-process', note: 'embedded mode (no REDIS_URL): jobs run inside this api process', queues };
  }

  private async admit(req: Request): Promise<void> {
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    let session: AccessTokenPayload | null = null;
    if (scheme === 'Bearer' && token) {
      session = this.tokens.verify(token);
    } else {
      const cookie = readCookie(req, QUEUE_BOARD_COOKIE);
      session = cookie ? this.sessions.verify(cookie) : null;
    }
    if (session === null) throw new AppException(CommonErrorCode.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED);
    // like the guard: a session ended by logout, a password change or disabling no longer opens the board
    const actor = await this.actors.authenticate(session);
    if (passwordChangePending(actor, this.config.security.passwordMaxAgeDays)) throw new AppException(AuthErrorCode.PASSWORD_CHANGE_REQUIRED, HttpStatus.FORBIDDEN);
    if (actor.role !== Role.CITY_ADMIN) throw AppException.forbidden('队列监控仅限市局管理员');
  }
}

function readCookie(req: Request, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** The API's error body, as the exception filter would write it (this router is outside Nest's). */
function refuse(req: Request, res: Response, error: unknown) {
  const body: ApiErrorBody =
    error instanceof AppException
      ? { statusCode: error.status, code: error.code, message: error.message }
      : { statusCode: 500, code: CommonErrorCode.INTERNAL_ERROR, message: ERROR_MESSAGES[CommonErrorCode.INTERNAL_ERROR] };
  body.requestId = req.requestId;
  res.status(body.statusCode).json(body);
}
